/// `claimtrack report --format table`: the claim report for a terminal.
/// Colour only when asked for (the command decides: a terminal and no NO_COLOR). Every line is
/// wrapped at word boundaries to `width` columns (the command passes the terminal's; 80 when it is
/// no terminal), continuation lines indented under their first; a word longer than a line (a long
/// URL) stands alone on its line, whole, so it can still be copied.
public struct TableReportFormatter {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int = 80) {
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
            lines.append(contentsOf: wrap("\(t(entry.record.path))\(title)\(removed)", indent: "", hanging: "  ").map { paint($0, "1") })
            if let old = model.movedFrom[entry.record.path] { lines.append(contentsOf: wrap("moved from \(t(old))", indent: "  ")) }
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
                    lines.append(contentsOf: wrap("source: \(who) — cue “\(t(a.cue))”", indent: "    ", hanging: "      "))
                    for url in a.urls { lines.append(contentsOf: wrap(t(url), indent: "      ")) }
                }
                if !claim.hedges.isEmpty { lines.append(contentsOf: wrap("hedges: " + t(claim.hedges.joined(separator: ", ")), indent: "    ", hanging: "      ")) }
                for e in claim.evidence {
                    lines.append(contentsOf: wrap("evidence: \(t(e.url)) — \(e.fetch.rawValue)\(e.verdict.map { ", \($0.rawValue)" } ?? "")", indent: "    ", hanging: "      "))
                    if let archive = e.archiveUrl {
                        lines.append(contentsOf: wrap("read from the archive: \(t(archive))\(e.archiveTime.map { " (\(t($0)))" } ?? "")", indent: "      ", hanging: "        "))
                    }
                    for c in e.conflicts { lines.append(contentsOf: wrap("conflict: \(t(c))", indent: "      ", hanging: "        ")) }
                    if let p = e.passage { lines.append(contentsOf: wrap("“\(t(p))”", indent: "      ")) }
                }
                lines.append(contentsOf: wrap("why: " + t(claim.reason), indent: "    ", hanging: "      "))
                if let review = claim.review { lines.append(contentsOf: wrap(t(review.line(machine: claim.status)), indent: "    ", hanging: "      ")) }
            }
            lines.append("")
        }
        if let digest = model.digest { lines.append(Self.digestLine(digest, model)) }
        let counts = model.byStatus.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        lines.append(contentsOf: wrap("\(model.articles.count) article\(model.articles.count == 1 ? "" : "s"), \(model.claimCount) claim\(model.claimCount == 1 ? "" : "s")" + (counts.isEmpty ? "" : ": " + counts), indent: "", hanging: "  "))
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

    func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        TextWrap.lines(text, width: width, indent: indent, hanging: hanging)
    }
}
