/// What report formatters render: the ledger's articles and claims in
/// reading order, after the `--status`, `--article` and `--changed` / `--since` filters.
/// With `--changed` or `--since` it holds the `Digest`: new and changed claims as they stand,
/// removed claims as they stood, and removed articles (their record rebuilt from the run's note).
public struct ReportModel: Sendable {
    public struct ArticleEntry: Sendable {
        public var record: ArticleRecord
        public var claims: [ClaimRecord]
    }

    public struct Filter: Sendable {
        public var statuses: Set<ClaimStatus>?
        public var article: String?
        public var changedOnly: Bool
        /// `--since`: the last run before the window (`Digest.runBefore`); implies `changedOnly`.
        public var after: Int?

        public init(statuses: Set<ClaimStatus>? = nil, article: String? = nil, changedOnly: Bool = false, after: Int? = nil) {
            self.statuses = statuses
            self.article = article
            self.changedOnly = changedOnly || after != nil
            self.after = after
        }
    }

    public var generatedAt: String
    public var articles: [ArticleEntry]
    public var lastRun: RunRecord?
    /// Set for `--changed` and `--since`; `changes` holds its entries by claim id.
    public var digest: Digest?
    public var changes: [String: Digest.Entry] = [:]
    /// Paths of the listed articles the window removed, and of those it moved (new path → old).
    public var removedArticles: Set<String> = []
    public var movedFrom: [String: String] = [:]

    /// `old → new` for a claim of a digest: "NEW → VAGUE", "VAGUE → PARTIAL", "VAGUE → REMOVED".
    public func changeLabel(_ claim: ClaimRecord) -> String? {
        guard let e = changes[claim.id] else { return nil }
        return "\(e.from?.rawValue ?? "new") → \(e.to?.rawValue ?? "removed")"
    }

    public init(ledger: Ledger, filter: Filter = .init(), generatedAt: String = Timestamp.now()) {
        if filter.changedOnly {
            self.init(digest: filter.after.map { Digest(ledger: ledger, after: $0) } ?? Digest.lastRun(ledger), ledger: ledger, filter: filter,
                      generatedAt: generatedAt)
        } else {
            self.init(all: ledger, filter: filter, generatedAt: generatedAt)
        }
    }

    /// A model of these articles alone (the streamed JSON report renders one article at a time with it).
    init(articles: [ArticleEntry], generatedAt: String) {
        self.generatedAt = generatedAt
        self.articles = articles
    }

    init(all ledger: Ledger, filter: Filter, generatedAt: String) {
        self.generatedAt = generatedAt
        lastRun = ledger.runs.last
        var entries: [ArticleEntry] = []
        for path in ledger.articles.keys.sorted() {
            let article = ledger.articles[path]!
            if let wanted = filter.article, !Self.pathMatches(path, wanted) { continue }
            let claims = article.claims.compactMap { ledger.claims[$0] }.filter { claim in
                if let statuses = filter.statuses, !statuses.contains(claim.status) { return false }
                return true
            }.sorted { $0.start < $1.start }
            if claims.isEmpty && filter.statuses != nil { continue }
            entries.append(ArticleEntry(record: article, claims: claims))
        }
        articles = entries
    }

    init(digest: Digest, ledger: Ledger, filter: Filter, generatedAt: String) {
        self.generatedAt = generatedAt
        lastRun = ledger.runs.last
        self.digest = digest
        var byPath: [String: [ClaimRecord]] = [:]
        for e in digest.entries {
            if let statuses = filter.statuses, !statuses.contains(e.claim.status) { continue }
            if let wanted = filter.article, !Self.pathMatches(e.claim.article, wanted) { continue }
            changes[e.claim.id] = e
            byPath[e.claim.article, default: []].append(e.claim)
        }
        var records: [String: ArticleRecord] = [:]
        for change in digest.articleChanges {
            if let wanted = filter.article, !Self.pathMatches(change.movedTo ?? change.path, wanted) { continue }
            if let to = change.movedTo {
                movedFrom[to] = change.path
                if let r = ledger.articles[to] { records[to] = r }
            } else {
                removedArticles.insert(change.path)
                records[change.path] = ArticleRecord(id: change.id, path: change.path, hash: "", pipelineVersion: "", title: change.title,
                                                     author: nil, published: nil, url: nil, claims: [], lastRun: 0)
            }
        }
        for path in byPath.keys { records[path] = records[path] ?? ledger.articles[path] }
        var entries: [ArticleEntry] = []
        for path in records.keys.sorted() {
            guard let record = records[path] else { continue }
            if let wanted = filter.article, !Self.pathMatches(path, wanted) { continue }
            let claims = byPath[path] ?? []
            // A moved article with no claim change is listed for the move; under --status, only articles with claims.
            if claims.isEmpty && filter.statuses != nil { continue }
            entries.append(ArticleEntry(record: record, claims: claims))
        }
        articles = entries
    }

    /// `--article` matches the path relative to the folder, or its tail ("seeds/x.txt" matches "x.txt").
    /// Throws a usage error naming the ledger's articles when `--article` names none of them:
    /// an empty report would look like an article without claims.
    /// With `digest`, an article a run removed (its claims kept aside) is known too.
    public static func checkArticle(_ wanted: String?, in ledger: Ledger, digest: Bool = false) throws {
        guard let wanted, !ledger.articles.keys.contains(where: { pathMatches($0, wanted) }) else { return }
        if digest, ledger.retired.values.contains(where: { pathMatches($0.article, wanted) }) { return }
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
