/// What report formatters render: the ledger's articles and claims in
/// reading order, after the `--status`, `--article` and `--changed` filters.
public struct ReportModel: Sendable {
    public struct ArticleEntry: Sendable {
        public var record: ArticleRecord
        public var claims: [ClaimRecord]
    }

    public struct Filter: Sendable {
        public var statuses: Set<ClaimStatus>?
        public var article: String?
        public var changedOnly: Bool

        public init(statuses: Set<ClaimStatus>? = nil, article: String? = nil, changedOnly: Bool = false) {
            self.statuses = statuses
            self.article = article
            self.changedOnly = changedOnly
        }
    }

    public var generatedAt: String
    public var articles: [ArticleEntry]
    public var lastRun: RunRecord?

    public init(ledger: Ledger, filter: Filter = .init(), generatedAt: String = Timestamp.now()) {
        self.generatedAt = generatedAt
        lastRun = ledger.runs.last
        let lastRunID = ledger.runs.last?.id
        var entries: [ArticleEntry] = []
        for path in ledger.articles.keys.sorted() {
            let article = ledger.articles[path]!
            if let wanted = filter.article, !Self.pathMatches(path, wanted) { continue }
            let claims = article.claims.compactMap { ledger.claims[$0] }.filter { claim in
                if let statuses = filter.statuses, !statuses.contains(claim.status) { return false }
                if filter.changedOnly { return claim.history.last?.run == lastRunID && lastRunID != nil }
                return true
            }.sorted { $0.start < $1.start }
            if claims.isEmpty && (filter.statuses != nil || filter.changedOnly) { continue }
            entries.append(ArticleEntry(record: article, claims: claims))
        }
        articles = entries
    }

    /// `--article` matches the path relative to the folder, or its tail ("seeds/x.txt" matches "x.txt").
    /// Throws a usage error naming the ledger's articles when `--article` names none of them:
    /// an empty report would look like an article without claims.
    public static func checkArticle(_ wanted: String?, in ledger: Ledger) throws {
        guard let wanted, !ledger.articles.keys.contains(where: { pathMatches($0, wanted) }) else { return }
        throw ClaimTrackError.usage(Message.unknownArticle(wanted, known: ledger.articles.keys.sorted()))
    }

    static func pathMatches(_ path: String, _ wanted: String) -> Bool {
        var w = wanted
        while w.hasPrefix("./") { w.removeFirst(2) }
        return path == w || w.hasSuffix("/" + path) || path.hasSuffix("/" + w)
    }

    public var claimCount: Int { articles.reduce(0) { $0 + $1.claims.count } }

    public var byStatus: [(ClaimStatus, Int)] {
        var counts: [ClaimStatus: Int] = [:]
        for a in articles { for c in a.claims { counts[c.status, default: 0] += 1 } }
        return ClaimStatus.allCases.compactMap { s in counts[s].map { (s, $0) } }
    }
}
