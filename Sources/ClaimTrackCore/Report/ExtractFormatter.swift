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

    /// A person's view: each claim with its sources and hedges, wrapped between words to `width`
    /// columns when one is given (the command passes the terminal's, as `report` does). The article's
    /// escape sequences are shown, not obeyed.
    public static func table(_ e: Extraction, width: Int? = nil) -> String {
        let t = TerminalText.escape
        var lines: [String] = []
        func add(_ text: String, indent: String = "", hanging: String? = nil) {
            guard let width else { lines.append(indent + text); return }
            let wrapped = TextWrap.lines(text, width: width, indent: indent, hanging: hanging)
            lines += wrapped.isEmpty ? [indent] : wrapped
        }
        add("\(t(e.article.path)): \(e.claims.count) claims, \(e.attributions.count) attributions, \(e.article.links.count) links", hanging: "  ")
        if let title = e.article.metadata.title { add("title: \(t(title))", hanging: "  ") }
        add("language: \(e.article.language)")
        for note in e.article.notes { add("note: \(t(note.message))", hanging: "  ") }
        for (k, c) in e.claims.enumerated() {
            lines.append("")
            lines.append("[\(k)] \(c.id)  \(c.start)-\(c.end)")
            add(t(c.text), indent: "    ")
            for i in c.attributions {
                let a = e.attributions[i]
                var who = "\(t(a.source)) (\(a.kind.rawValue))"
                if let r = a.resolved { who += " → \(t(r))" + (a.resolvedBy.map { " (by \($0.rawValue))" } ?? "") }
                if let o = a.outlet { who += " [\(t(o.domain))]" }
                add("\(a.stance ? "stance" : "source"): \(who), cue: \(t(a.cue))", indent: "    ", hanging: "      ")
            }
            if !c.hedges.isEmpty { add("hedges: \(t(c.hedges.joined(separator: ", ")))", indent: "    ", hanging: "      ") }
        }
        let loose = e.attributions.filter { $0.claim == nil }
        if !loose.isEmpty {
            lines.append("")
            lines.append("attributions outside claims:")
            for a in loose { add("\(t(a.source)) (\(a.kind.rawValue)), cue: \(t(a.cue))", indent: "    ", hanging: "      ") }
        }
        return lines.joined(separator: "\n")
    }
}
