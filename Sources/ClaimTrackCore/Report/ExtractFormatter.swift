/// Output of `claimtrack extract`: JSON (schema claimtrack.extract/1), the
/// article text that offsets index, or a table for a person.
public enum ExtractFormatter {
    public static let schema = "claimtrack.extract/1"

    public static func json(_ e: Extraction) -> JSONValue {
        let m = e.article.metadata
        return .object([
            ("schema", .string(schema)),
            ("path", .string(e.article.path)),
            ("title", .optional(m.title)),
            ("author", .optional(m.author)),
            ("published", .optional(m.published)),
            ("url", .optional(m.url)),
            ("language", .string(e.article.language)),
            ("notes", .array(e.article.notes.map(\.json))),
            ("claims", .array(e.claims.map { c in
                .object([
                    ("id", .string(c.id)), ("text", .string(c.text)), ("start", .int(c.start)), ("end", .int(c.end)),
                    ("hedges", .strings(c.hedges)), ("attributions", .array(c.attributions.map(JSONValue.int))),
                ])
            })),
            ("attributions", .array(e.attributions.map(attribution))),
            ("links", .array(e.article.links.map { l in
                .object([("url", .string(l.url)), ("anchor", .string(l.anchor)), ("start", .int(l.start)), ("end", .int(l.end))])
            })),
        ])
    }

    static func attribution(_ a: Attribution) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("source", .string(a.source)), ("kind", .string(a.kind.rawValue)), ("cue", .string(a.cue)),
            ("source_start", .int(a.sourceStart)), ("source_end", .int(a.sourceEnd)),
            ("cue_start", .int(a.cueStart)), ("cue_end", .int(a.cueEnd)),
            ("claim", a.claim.map(JSONValue.int) ?? .null),
        ]
        if let resolved = a.resolved { fields.append(("resolved", .string(resolved))) }
        if let by = a.resolvedBy { fields.append(("resolved_by", .string(by.rawValue))) }
        if let outlet = a.outlet { fields.append(("outlet", .object([("name", .string(outlet.name)), ("domain", .string(outlet.domain))]))) }
        if a.stance { fields.append(("stance", .bool(true))) }
        return .object(fields)
    }

    public static func text(_ e: Extraction) -> String { e.article.text }

    public static func table(_ e: Extraction) -> String {
        var lines: [String] = []
        lines.append("\(e.article.path): \(e.claims.count) claims, \(e.attributions.count) attributions, \(e.article.links.count) links")
        if let title = e.article.metadata.title { lines.append("title: \(title)") }
        lines.append("language: \(e.article.language)")
        for note in e.article.notes { lines.append("note: \(note.message)") }
        for (k, c) in e.claims.enumerated() {
            lines.append("")
            lines.append("[\(k)] \(c.id)  \(c.start)-\(c.end)")
            lines.append("    \(c.text)")
            for i in c.attributions {
                let a = e.attributions[i]
                var who = "\(a.source) (\(a.kind.rawValue))"
                if let r = a.resolved { who += " → \(r)" + (a.resolvedBy.map { " (by \($0.rawValue))" } ?? "") }
                if let o = a.outlet { who += " [\(o.domain)]" }
                lines.append("    \(a.stance ? "stance" : "source"): \(who), cue: \(a.cue)")
            }
            if !c.hedges.isEmpty { lines.append("    hedges: \(c.hedges.joined(separator: ", "))") }
        }
        let loose = e.attributions.filter { $0.claim == nil }
        if !loose.isEmpty {
            lines.append("")
            lines.append("attributions outside claims:")
            for a in loose { lines.append("    \(a.source) (\(a.kind.rawValue)), cue: \(a.cue)") }
        }
        // For a terminal: the article's escape sequences are shown, not obeyed.
        return lines.map(TerminalText.escape).joined(separator: "\n")
    }
}
