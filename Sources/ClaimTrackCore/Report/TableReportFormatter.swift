/// `claimtrack report --format table`: the claim report for a terminal.
/// Colour only when asked for (the command decides: a terminal and no NO_COLOR).
public struct TableReportFormatter {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int = 100) {
        self.color = color
        self.width = width
    }

    static let colors: [ClaimStatus: String] = [
        .supported: "32", .contradicted: "31;1", .partial: "33", .unsupported: "31", .unreachable: "35",
        .pending: "36", .unverifiable: "33;1", .vague: "34", .unattributed: "90",
    ]

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// Every value from an article or a page goes through this: its control characters and escape
    /// sequences are shown, not obeyed (`TerminalText`). Only the formatter's own colours are raw.
    func t(_ text: String) -> String { TerminalText.escape(text) }

    public func render(_ model: ReportModel, changed: Bool = false) -> String {
        var lines: [String] = []
        for entry in model.articles {
            let title = entry.record.title.map { " — \(t($0))" } ?? ""
            let removed = model.removedArticles.contains(entry.record.path) ? " (removed)" : ""
            lines.append(paint("\(t(entry.record.path))\(title)\(removed)", "1"))
            if let old = model.movedFrom[entry.record.path] { lines.append("  moved from \(t(old))") }
            if let language = entry.record.language { lines.append("  language: \(t(language))") }
            for note in entry.record.notes { lines.append(contentsOf: wrap("note: " + t(note.message), indent: "  ")) }
            if entry.claims.isEmpty && model.digest == nil { lines.append("  (no claims)") }
            for claim in entry.claims {
                var badge = claim.status.rawValue.uppercased()
                if let label = model.changeLabel(claim) { badge = label.uppercased() }
                lines.append("")
                lines.append("  " + paint("[\(badge)]", Self.colors[claim.status] ?? "0") + " " + t(claim.id))
                lines.append(contentsOf: wrap(t(claim.text), indent: "    "))
                for a in claim.attributions {
                    var who = "\(t(a.source)) (\(a.kind.rawValue))"
                    if let r = a.resolved, r != a.source { who += " = \(t(r))" + (a.resolvedBy.map { " (\($0.rawValue))" } ?? "") }
                    if let o = a.outlet { who += " [\(t(o.domain))]" }
                    lines.append("    source: \(who) — cue “\(t(a.cue))”")
                    for url in a.urls { lines.append("      \(t(url))") }
                }
                if !claim.hedges.isEmpty { lines.append("    hedges: " + t(claim.hedges.joined(separator: ", "))) }
                for e in claim.evidence {
                    lines.append("    evidence: \(t(e.url)) — \(e.fetch.rawValue)\(e.verdict.map { ", \($0.rawValue)" } ?? "")")
                    if let archive = e.archiveUrl { lines.append("      read from the archive: \(t(archive))\(e.archiveTime.map { " (\(t($0)))" } ?? "")") }
                    for c in e.conflicts { lines.append("      conflict: \(t(c))") }
                    if let p = e.passage { lines.append(contentsOf: wrap("“\(t(p))”", indent: "      ")) }
                }
                lines.append("    why: " + t(claim.reason))
            }
            lines.append("")
        }
        if let digest = model.digest { lines.append(Self.digestLine(digest, model)) }
        let counts = model.byStatus.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        lines.append("\(model.articles.count) article\(model.articles.count == 1 ? "" : "s"), \(model.claimCount) claim\(model.claimCount == 1 ? "" : "s")" + (counts.isEmpty ? "" : ": " + counts))
        return lines.joined(separator: "\n") + "\n"
    }

    /// "run 4: 2 new, 1 changed, 1 removed; 1 article removed" — the counts of what is listed above.
    static func digestLine(_ digest: Digest, _ model: ReportModel) -> String {
        var counts = Digest.Counts()
        for e in model.changes.values {
            switch e.kind {
            case .new: counts.new += 1
            case .changed: counts.changed += 1
            case .removed: counts.removed += 1
            }
        }
        let ids = digest.runs.map(\.id)
        let window = ids.isEmpty ? "no run since run \(digest.after)" : ids.count == 1 ? "run \(ids[0])" : "runs \(ids.first!)–\(ids.last!)"
        var line = window + ": " + (counts.phrase ?? "no claim new, changed or removed")
        let removed = model.removedArticles.count, moved = model.movedFrom.count
        if removed > 0 { line += "; \(removed) article\(removed == 1 ? "" : "s") removed" }
        if moved > 0 { line += "; \(moved) article\(moved == 1 ? "" : "s") moved" }
        return line
    }

    func wrap(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 + indent.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
