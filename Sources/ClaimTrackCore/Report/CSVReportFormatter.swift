/// `claimtrack report --format csv`: one row per claim, its sources joined by "; " in each source
/// column. `--format csv-attributions`: one row per claim and attribution (a claim without one gets one row).
public enum CSVReportFormatter {
    /// The columns of both shapes; in `csv` the source columns (source … resolved_by) hold every
    /// attribution of the claim, joined by "; ", in the same order in each column.
    public static let header = ["article", "title", "claim_id", "status", "claim", "reason", "hedges", "source", "kind", "cue",
                                "resolved", "outlet_domain", "urls", "fetch", "verdicts", "passage", "resolved_by"]

    /// The article's language and notes, on each of its rows after the claim's columns.
    public static let articleHeader = ["language", "notes"]

    /// One row per claim.
    public static func render(_ model: ReportModel) -> String {
        rows(model) { base, attributions, evidence in
            let cells = sourceCells(attributions)
            return [base + cells.prefix(6) + evidence + [cells[6]]]
        }
    }

    /// One row per claim and attribution (the shape `csv` had before claims got one row each).
    public static func renderAttributions(_ model: ReportModel) -> String {
        rows(model) { base, attributions, evidence in
            if attributions.isEmpty { return [base + ["", "", "", "", "", ""] + evidence + [""]] }
            return attributions.map { a in
                let cells = sourceCells([a])
                return base + cells.prefix(6) + evidence + [cells[6]]
            }
        }
    }

    /// source, kind, cue, resolved, outlet_domain, urls, resolved_by of the attributions, each joined by "; ".
    static func sourceCells(_ attributions: [AttributionRecord]) -> [String] {
        func joined(_ value: (AttributionRecord) -> String) -> String { attributions.map(value).joined(separator: "; ") }
        return [joined(\.source), joined { $0.kind.rawValue }, joined(\.cue), joined { $0.resolved ?? "" },
                joined { $0.outlet?.domain ?? "" }, joined { $0.urls.joined(separator: " ") }, joined { $0.resolvedBy?.rawValue ?? "" }]
    }

    static func rows(_ model: ReportModel, _ claimRows: ([String], [AttributionRecord], [String]) -> [[String]]) -> String {
        var rows = [header + articleHeader]
        for entry in model.articles {
            let article = [entry.record.language ?? "", entry.record.notes.map(\.message).joined(separator: "; ")]
            for c in entry.claims {
                let base = [entry.record.path, entry.record.title ?? "", c.id, c.status.rawValue, c.text, c.reason, c.hedges.joined(separator: "; ")]
                let evidence = [c.evidence.map(\.fetch.rawValue).joined(separator: "; "), c.evidence.compactMap { $0.verdict?.rawValue }.joined(separator: "; "),
                                c.evidence.compactMap(\.passage).first ?? ""]
                rows += claimRows(base, c.attributions, evidence).map { $0 + article }
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
