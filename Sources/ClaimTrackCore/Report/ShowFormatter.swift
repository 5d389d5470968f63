import Foundation

/// Output of `claimtrack show`: the claim's sentence, sources, evidence, review and history, one entry
/// per line. A line may hold text from the article or its pages (even a line break): the CLI escapes
/// each line's control characters when it prints.
public enum ShowFormatter {
    public static func lines(_ shown: ShownClaim) -> [String] {
        let claim = shown.claim
        let sources = shown.sources
        let removed = shown.retired ? " (removed from the article)" : ""
        var lines = ["claim \(claim.id): \(claim.status.rawValue)\(removed)", "article: \(claim.article)\(shown.article?.title.map { " — \($0)" } ?? "")",
                     "at: \(claim.start)-\(claim.end)", "", claim.text, "", "why: \(claim.reason)"]
        if !claim.hedges.isEmpty { lines.append("hedges: \(claim.hedges.joined(separator: ", "))") }
        for a in claim.attributions {
            lines.append("source: \(a.source) (\(a.kind.rawValue)), cue “\(a.cue)”\(a.resolved.map { ", refers to \($0)" } ?? "")\(a.resolvedBy.map { " (by \($0.rawValue))" } ?? "")\(a.outlet.map { ", outlet \($0.name) [\($0.domain)]" } ?? "")")
            for (url, origin) in zip(a.urls, a.origins) {
                lines.append("  \(url) (\(origin))")
                if let s = sources[url] {
                    lines.append("    last fetch: \(s.fetch?.rawValue ?? "-") \(s.httpStatus.map(String.init) ?? "") at \(s.fetchedAt ?? "-")\(s.failures.map { ", \($0) failures since \(s.firstFailure ?? "?")" } ?? "")")
                    if let final = s.finalUrl, final != url { lines.append("    final URL: \(final)") }
                    if let archive = s.archiveUrl { lines.append("    archive snapshot: \(archive)\(s.archiveTime.map { " of \($0)" } ?? "")") }
                }
            }
        }
        for e in claim.evidence {
            lines.append("evidence: \(e.url) — \(e.fetch.rawValue)\(e.verdict.map { ", \($0.rawValue)" } ?? "")\(e.score.map { String(format: " (%.2f)", $0) } ?? "")")
            if let p = e.passage { lines.append("  “\(p)”") }
            for s in e.subclaims { lines.append("  part: \(s.verdict.rawValue) (\(String(format: "%.2f", s.score))) — \(s.text)") }
        }
        if let review = claim.review { lines.append(review.line(machine: claim.status)) }
        lines.append("history:")
        for h in claim.history {
            let change: String
            switch h.event {
            case .removed?: change = "removed (was \(h.status.rawValue))"
            case .restored?: change = "restored → \(h.status.rawValue)"
            case nil: change = "\(h.from?.rawValue ?? "new") → \(h.status.rawValue)"
            }
            lines.append("  run \(h.run) \(h.time): \(change)")
        }
        return lines
    }
}
