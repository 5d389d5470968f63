/// What a report reads from the ledger, one article bundle at a time (`LedgerBackend`): never the
/// whole ledger. The JSON report streams (`JSONReportFormatter.stream`); the other formats get a
/// `Ledger` holding only what their `ReportModel` needs.
public enum ReportSource {
    /// A `Ledger` with the runs and, for a report of everything, the articles and their live claims;
    /// for `--changed` / `--since` (`digestAfter`: the last run before the window) every article record,
    /// the retired claims and only the claims whose status the window changed (what `Digest` lists).
    public static func ledger(_ store: any LedgerBackend, digestAfter after: Int?) throws -> Ledger {
        var l = runs(store)
        try store.forEachBundle { b in
            if let a = b.article {
                l.articles[b.path] = a
                for c in b.claims where after.map({ Digest.status(c, after: $0) != c.status }) ?? true { l.claims[c.id] = c }
            }
            for c in b.retired where l.retired[c.id] == nil { l.retired[c.id] = c }
        }
        // A retired id that is live again elsewhere is not a removal (`Digest` checks `claims`).
        if after != nil { for id in Array(l.retired.keys) where store.holder(ofClaim: id)?.retired == false && l.claims[id] == nil { l.retired[id] = nil } }
        return l
    }

    /// A `Ledger` with only the runs and the article records (for `--since` and `--article` checks).
    public static func runs(_ store: any LedgerBackend) -> Ledger {
        var l = Ledger()
        l.folder = store.folder
        l.runs = store.runs
        return l
    }

    /// `--article` check against the index: the usage error `ReportModel.checkArticle` gives.
    public static func checkArticle(_ wanted: String?, in store: any LedgerBackend, digest: Bool) throws {
        guard let wanted else { return }
        let paths = store.entries().map(\.path)
        if paths.contains(where: { ReportModel.pathMatches($0, wanted) }) { return }
        if digest {
            var l = Ledger()
            try store.forEachBundle { b in for c in b.retired { l.retired[c.id] = c } }
            if l.retired.values.contains(where: { ReportModel.pathMatches($0.article, wanted) }) { return }
        }
        throw ClaimTrackError.usage(Message.unknownArticle(wanted, known: paths.sorted()))
    }
}

extension JSONReportFormatter {
    /// `report --format json` without `--changed` / `--since`, written article by article as the bundles
    /// are read, so memory holds one article: the same document `render(ReportModel(...))` makes. The
    /// summary comes first, so it is counted from the index.
    public static func stream(_ store: any LedgerBackend, filter: ReportModel.Filter, generatedAt: String = Timestamp.now(),
                              to sink: (String) throws -> Void) throws {
        precondition(!filter.changedOnly, "a digest is not streamed")
        var articles = 0, claims = 0
        var byStatus: [ClaimStatus: Int] = [:]
        for e in store.entries() {
            if let wanted = filter.article, !ReportModel.pathMatches(e.path, wanted) { continue }
            var n = 0
            for (word, count) in e.byStatus {
                guard let s = ClaimStatus(rawValue: word), filter.statuses?.contains(s) != false else { continue }
                byStatus[s, default: 0] += count
                n += count
            }
            if n == 0 && filter.statuses != nil { continue }
            articles += 1
            claims += n
        }
        let summary: JSONValue = .object([
            ("articles", .int(articles)), ("claims", .int(claims)),
            ("by_status", .object(ClaimStatus.allCases.compactMap { s in byStatus[s].map { (s.rawValue, .int($0)) } })),
        ])
        try sink("{\n  \"schema\": " + JSONValue.string(schema).serialized(indent: 1) + ",\n  \"generated_at\": "
                 + JSONValue.string(generatedAt).serialized(indent: 1) + ",\n  \"summary\": " + summary.serialized(indent: 1) + ",\n  \"articles\": ")
        guard articles > 0 else { try sink("[]\n}\n"); return }
        try sink("[\n")
        let model = ReportModel(articles: [], generatedAt: generatedAt)
        var first = true
        try store.forEachBundle { b in
            guard let record = b.article else { return }
            if let wanted = filter.article, !ReportModel.pathMatches(b.path, wanted) { return }
            let kept = b.claims.filter { filter.statuses?.contains($0.status) != false }.sorted { $0.start < $1.start }
            if kept.isEmpty && filter.statuses != nil { return }
            let value = article(ReportModel.ArticleEntry(record: record, claims: kept), model)
            try sink((first ? "" : ",\n") + "    " + value.serialized(indent: 2))
            first = false
        }
        try sink("\n  ]\n}\n")
    }
}
