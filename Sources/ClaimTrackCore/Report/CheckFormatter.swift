import Foundation

/// Output of `claimtrack check`: a JSON object (one line in `--batch`), or a table for a person.
public enum CheckFormatter {
    public static func json(id: String?, _ r: Verifier.Result) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if let id { fields.append(("id", .string(id))) }
        fields += [
            ("verdict", .string(r.verdict.rawValue)), ("score", .double(r.score)), ("passage", .string(r.passage)),
            ("matched", .strings(r.matched)), ("missing", .strings(r.missing)), ("conflicts", .strings(r.conflicts)),
            ("passages", .strings(r.passages)),
            ("coverage", .double(r.coverage)), ("page_coverage", .double(r.pageCoverage)), ("key_share", .double(r.keyShare)),
            ("page_key_share", .double(r.pageKeyShare)), ("page_missing", .int(r.pageMissing)),
            ("proposition", .string(r.proposition)), ("hedges", .strings(r.hedges)),
            ("subclaims", .array(r.subclaims.map(subclaim))),
        ]
        return .object(fields)
    }

    /// A statement of a compound claim: `{"text","verdict","score","passage","conflicts"}`.
    public static func subclaim(_ s: Verifier.Subclaim) -> JSONValue {
        .object([("text", .string(s.text)), ("verdict", .string(s.verdict.rawValue)), ("score", .double(s.score)),
                 ("passage", .string(s.passage)), ("conflicts", .strings(s.conflicts))])
    }

    public static func error(id: String?, _ message: String) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if let id { fields.append(("id", .string(id))) }
        fields.append(("error", .string(message)))
        return .object(fields)
    }

    public static func table(claim: String, _ r: Verifier.Result) -> String {
        var lines = ["verdict: \(r.verdict.rawValue) (score \(String(format: "%.2f", r.score)))", "claim:   \(claim)"]
        if !r.proposition.isEmpty, r.proposition != claim { lines.append("checked: \(r.proposition)") }
        if !r.passage.isEmpty { lines.append("passage: \(r.passage)") }
        if !r.matched.isEmpty { lines.append("matched: \(r.matched.joined(separator: ", "))") }
        if !r.missing.isEmpty { lines.append("missing: \(r.missing.joined(separator: ", "))") }
        for c in r.conflicts { lines.append("conflict: \(c)") }
        for s in r.subclaims { lines.append("part:    \(s.verdict.rawValue) (score \(String(format: "%.2f", s.score))) — \(s.text)") }
        return lines.map(TerminalText.escape).joined(separator: "\n")
    }
}
