/// `claimtrack report --format markdown`: a table per article.
public enum MarkdownReportFormatter {
    public static func render(_ model: ReportModel) -> String {
        var out = "# Claim report\n\n"
        out += summaryLine(model) + "\n"
        if let digest = model.digest { out += "\n" + cell(TableReportFormatter.digestLine(digest, model)) + ".\n" }
        for entry in model.articles {
            out += "\n## \(cell(entry.record.title ?? entry.record.path))\n\n`\(codeSpan(entry.record.path))`" + (model.removedArticles.contains(entry.record.path) ? " · removed" : "")
                + (model.movedFrom[entry.record.path].map { " · moved from `\(codeSpan($0))`" } ?? "")
            out += (entry.record.language.map { " · language: \(cell($0))" } ?? "") + "\n\n"
            for note in entry.record.notes { out += "> Note: \(cell(note.message))\n\n" }
            if entry.claims.isEmpty { out += model.digest == nil ? "No claims.\n" : "No claim changed.\n"; continue }
            out += "| # | Status | Claim | Sources | Evidence | Why |\n|---|---|---|---|---|---|\n"
            for (k, c) in entry.claims.enumerated() {
                let sources = c.attributions.map { "\($0.source) (\($0.kind.rawValue), “\($0.cue)”)" }.joined(separator: "; ")
                let evidence = c.evidence.map { e in
                    var s = "\(e.url) — \(e.fetch.rawValue)" + (e.verdict.map { ", \($0.rawValue)" } ?? "")
                    if let a = e.archiveUrl { s += " (archive: \(a))" }
                    if let p = e.passage { s += ": “\(p)”" }
                    return s
                }.joined(separator: "; ")
                out += "| \(k + 1) | **\(model.changeLabel(c) ?? c.status.rawValue)** | \(cell(c.text)) | \(cell(sources)) | \(cell(evidence)) | \(cell(c.reason + (c.review.map { " — " + $0.line(machine: c.status) } ?? ""))) |\n"
            }
        }
        return out
    }

    static func summaryLine(_ model: ReportModel) -> String {
        let counts = model.byStatus.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        return "\(model.articles.count) article\(model.articles.count == 1 ? "" : "s"), \(model.claimCount) claim\(model.claimCount == 1 ? "" : "s")" + (counts.isEmpty ? "" : ": " + counts) + "."
    }

    /// A file name inside backticks: a backtick cannot close the span, a line break or other control
    /// character cannot end it or start a heading; both are shown escaped (`TerminalText`).
    static func codeSpan(_ s: String) -> String {
        TerminalText.escape(s).replacingOccurrences(of: "`", with: "'")
    }

    /// A table cell: pipes escaped, line breaks as spaces, other control characters shown escaped,
    /// HTML-looking text neutralised.
    static func cell(_ s: String) -> String {
        TerminalText.escape(s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " "))
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

import Foundation
