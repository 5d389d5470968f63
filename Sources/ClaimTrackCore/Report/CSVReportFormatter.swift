/// `claimtrack report --format csv`: one row per claim and attribution (a claim without one gets one row).
public enum CSVReportFormatter {
    public static let header = ["article", "title", "claim_id", "status", "claim", "reason", "hedges", "source", "kind", "cue",
                                "resolved", "outlet_domain", "urls", "fetch", "verdicts", "passage", "resolved_by"]

    /// The article's language and notes, on each of its rows after the claim's columns.
    public static let articleHeader = ["language", "notes"]

    public static func render(_ model: ReportModel) -> String {
        var rows = [header + articleHeader]
        for entry in model.articles {
            let article = [entry.record.language ?? "", entry.record.notes.map(\.message).joined(separator: "; ")]
            let first = rows.count
            defer { for k in first..<rows.count { rows[k] += article } }
            for c in entry.claims {
                let base = [entry.record.path, entry.record.title ?? "", c.id, c.status.rawValue, c.text, c.reason, c.hedges.joined(separator: "; ")]
                let evidence = [c.evidence.map(\.fetch.rawValue).joined(separator: "; "), c.evidence.compactMap { $0.verdict?.rawValue }.joined(separator: "; "),
                                c.evidence.compactMap(\.passage).first ?? ""]
                if c.attributions.isEmpty {
                    rows.append(base + ["", "", "", "", "", ""] + evidence + [""])
                }
                for a in c.attributions {
                    rows.append(base + [a.source, a.kind.rawValue, a.cue, a.resolved ?? "", a.outlet?.domain ?? "", a.urls.joined(separator: " ")] + evidence
                                + [a.resolvedBy?.rawValue ?? ""])
                }
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// What a spreadsheet may read as the start of a formula: = + - @, tab and CR (OWASP's CSV injection list),
    /// and the fullwidth and small forms that East Asian input methods type and spreadsheets fold to them
    /// (＝ ＋ － ＠ U+FF1D U+FF0B U+FF0D U+FF20, ﹦ ﹢ ﹣ ﹫ U+FE66 U+FE62 U+FE63 U+FE6B), and the minus sign U+2212.
    static let formulaLeaders: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r",
                                                       "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
                                                       "\u{FE66}", "\u{FE62}", "\u{FE63}", "\u{FE6B}", "\u{2212}"]

    /// RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading apostrophe,
    /// also when spaces or other invisible characters come before its leader.
    static func field(_ value: String) -> String {
        var v = value
        let leader = v.unicodeScalars.first { !($0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint) || formulaLeaders.contains($0) }
        if let leader, formulaLeaders.contains(leader) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            v = "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
