/// `claimtrack report --format json` (schema claimtrack.report/1).
public enum JSONReportFormatter {
    public static let schema = "claimtrack.report/1"

    public static func render(_ model: ReportModel) -> String {
        document(model).serialized() + "\n"
    }

    public static func document(_ model: ReportModel) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("generated_at", .string(model.generatedAt)),
            ("summary", .object([
                ("articles", .int(model.articles.count)),
                ("claims", .int(model.claimCount)),
                ("by_status", .object(model.byStatus.map { ($0.0.rawValue, .int($0.1)) })),
            ])),
            ("articles", .array(model.articles.map { article($0, model) })),
        ] + changes(model))
    }

    /// `--changed` / `--since`: the window and what the listed claims and articles did in it (added keys).
    static func changes(_ model: ReportModel) -> [(String, JSONValue)] {
        guard let digest = model.digest else { return [] }
        var counts: [Digest.Kind: Int] = [:]
        for e in model.changes.values { counts[e.kind, default: 0] += 1 }
        return [("changes", .object([
            ("after_run", .int(digest.after)), ("runs", .array(digest.runs.map { .int($0.id) })),
            ("new", .int(counts[.new] ?? 0)), ("changed", .int(counts[.changed] ?? 0)), ("removed", .int(counts[.removed] ?? 0)),
            ("removed_articles", .strings(model.removedArticles.sorted())),
            ("moved_articles", .array(model.movedFrom.keys.sorted().map { .object([("from", .string(model.movedFrom[$0]!)), ("to", .string($0))]) })),
        ]))]
    }

    static func article(_ entry: ReportModel.ArticleEntry, _ model: ReportModel) -> JSONValue {
        let r = entry.record
        var fields: [(String, JSONValue)] = [
            ("id", .string(r.id)), ("path", .string(r.path)), ("title", .optional(r.title)),
            ("author", .optional(r.author)), ("published", .optional(r.published)), ("url", .optional(r.url)),
            ("language", .optional(r.language)), ("notes", .array(r.notes.map(\.json))),
            ("claims", .array(entry.claims.map { c in
                guard let e = model.changes[c.id], case .object(var fields) = claim(c) else { return claim(c) }
                fields.append(("change", .object([("kind", .string(e.kind.rawValue)), ("from", .optional(e.from?.rawValue)), ("to", .optional(e.to?.rawValue))])))
                return .object(fields)
            })),
        ]
        if model.removedArticles.contains(r.path) { fields.append(("removed", .bool(true))) }
        if let old = model.movedFrom[r.path] { fields.append(("moved_from", .string(old))) }
        return .object(fields)
    }

    /// `{"text","verdict","passage","score"}`.
    static func subclaim(_ s: SubclaimRecord) -> JSONValue {
        .object([("text", .string(s.text)), ("verdict", .string(s.verdict.rawValue)), ("passage", .string(s.passage)), ("score", .double(s.score))])
    }

    /// The evidence entry whose verdict is the claim's status (the best scored, as `StatusRules` chose it), else the first judged one.
    public static func deciding(_ c: ClaimRecord) -> EvidenceRecord? {
        c.evidence.filter { $0.verdict?.rawValue == c.status.rawValue }.max { ($0.score ?? 0) < ($1.score ?? 0) }
            ?? c.evidence.first { $0.verdict != nil }
    }

    public static func claim(_ c: ClaimRecord) -> JSONValue {
        var fields = claimFields(c)
        // The parts of a compound claim as the page that decided its status judged them (only for compound claims).
        if let parts = deciding(c)?.subclaims, !parts.isEmpty {
            fields.insert(("subclaims", .array(parts.map(subclaim))), at: fields.firstIndex { $0.0 == "evidence" } ?? fields.count)
        }
        if let r = c.review {
            fields.append(("review", .object([
                ("verdict", .string(r.verdict.rawValue)), ("note", .string(r.note)), ("at", .string(r.at)), ("by", .string(r.by)),
                ("machine_status", .string(r.machineStatus.rawValue)), ("machine_changed", .bool(r.machineChanged(c.status))),
            ])))
        }
        return .object(fields)
    }

    static func claimFields(_ c: ClaimRecord) -> [(String, JSONValue)] {
        [
            ("id", .string(c.id)),
            ("text", .string(c.text)),
            ("status", .string(c.status.rawValue)),
            ("reason", .string(c.reason)),
            ("hedges", .strings(c.hedges)),
            ("attributions", .array(c.attributions.map { a in
                var fields: [(String, JSONValue)] = [
                    ("source", .string(a.source)), ("kind", .string(a.kind.rawValue)), ("cue", .string(a.cue)), ("urls", .strings(a.urls)),
                ]
                if let resolved = a.resolved { fields.append(("resolved", .string(resolved))) }
                if let by = a.resolvedBy { fields.append(("resolved_by", .string(by.rawValue))) }
                if let outlet = a.outlet { fields.append(("outlet", .object([("name", .string(outlet.name)), ("domain", .string(outlet.domain))]))) }
                if !a.origins.isEmpty { fields.append(("origins", .strings(a.origins))) }
                return .object(fields)
            })),
            ("evidence", .array(c.evidence.map { e in
                var fields: [(String, JSONValue)] = [
                    ("url", .string(e.url)), ("final_url", .optional(e.finalUrl)), ("http_status", e.httpStatus.map(JSONValue.int) ?? .null),
                    ("fetch", .string(e.fetch.rawValue)), ("verdict", .optional(e.verdict?.rawValue)),
                    ("score", e.score.map(JSONValue.double) ?? .null), ("passage", .optional(e.passage)),
                    ("matched", .strings(e.matched)), ("missing", .strings(e.missing)), ("conflicts", .strings(e.conflicts)),
                ]
                if let a = e.archiveUrl { fields.append(("archive_url", .string(a))) }
                if let t = e.archiveTime { fields.append(("archive_time", .string(t))) }
                if let t = e.waitUntil { fields.append(("wait_until", .string(t))) }
                if !e.subclaims.isEmpty { fields.append(("subclaims", .array(e.subclaims.map(subclaim)))) }
                return .object(fields)
            })),

            ("history", .array(c.history.map { h in
                .object([("run", .int(h.run)), ("time", .string(h.time)), ("status", .string(h.status.rawValue)), ("from", .optional(h.from?.rawValue))])
            })),
        ]
    }
}

/// `claimtrack report --format jsonl`: one JSON object a line, a claim each (the claim of
/// `claimtrack.report/1` with its article's id, path and title), for `jq`, `grep` and streaming readers.
public enum JSONLinesReportFormatter {
    public static let schema = "claimtrack.report-line/1"

    public static func render(_ model: ReportModel) -> String {
        var out = ""
        for entry in model.articles {
            for c in entry.claims {
                guard case .object(let fields) = JSONReportFormatter.claim(c) else { continue }
                let line: JSONValue = .object([
                    ("schema", .string(schema)), ("article_id", .string(entry.record.id)), ("article", .string(entry.record.path)),
                    ("title", .optional(entry.record.title)), ("language", .optional(entry.record.language)),
                ] + fields)
                out += line.serialized(pretty: false) + "\n"
            }
        }
        return out
    }
}
