/// The status a claim gets before any page is fetched (DESIGN.md's order):
/// pending when a URL can check it, unverifiable when a specific source is
/// named with nothing to fetch, vague when only vague or anonymous sources
/// are given, unattributed when none is — but pending when none was looked for, because the
/// article's language is one the attribution rules do not cover (`Language.attributionRulesCover`):
/// "unattributed" would accuse the article of what the rules could not read.
public enum StatusRules {
    public static func offline(_ attributions: [AttributionRecord], language: String = Language.undetermined) -> (ClaimStatus, String) {
        if attributions.isEmpty {
            if !Language.attributionsCover(language) { return (.pending, Message.reasonLanguageNotCovered(language)) }
            return (.unattributed, Message.reasonUnattributed)
        }
        let urls = Set(attributions.flatMap(\.urls))
        if !urls.isEmpty { return (.pending, Message.reasonPending(urls.count)) }
        let specific = attributions.filter { $0.kind.isSpecific }
        if !specific.isEmpty {
            let names = unique(specific.map { $0.resolved ?? $0.outlet?.name ?? $0.source })
            if specific.contains(where: { $0.kind == .outlet }) { return (.unverifiable, Message.reasonUnverifiableOutlet(names)) }
            return (.unverifiable, Message.reasonUnverifiable(names))
        }
        return (.vague, Message.reasonVague(unique(attributions.map(\.source))))
    }

    /// The name of the source that cited `url`: what a pronoun or description refers to, else the
    /// outlet's name, else the words of the article.
    static func source(citing url: String, in attributions: [AttributionRecord]) -> String? {
        attributions.first { $0.urls.contains(url) }.map { $0.resolved ?? $0.outlet?.name ?? $0.source }
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// After fetching: the first of supported, contradicted, partial, unsupported that a page gives;
    /// unreachable when every page failed; pending when a page's host asked us to wait longer than a run
    /// waits ("waiting for its host", DESIGN's pending), or when pages were fetched but none could be read.
    /// `attributions` name the source each page was cited for, in the reason.
    public static func fromEvidence(_ evidence: [EvidenceRecord], attributions: [AttributionRecord] = [],
                                    failures: (String) -> String?) -> (ClaimStatus, String) {
        let judged = evidence.filter { $0.verdict != nil }
        let order: [(Verdict, ClaimStatus)] = [(.supported, .supported), (.contradicted, .contradicted), (.partial, .partial), (.unsupported, .unsupported)]
        for (verdict, status) in order {
            guard let e = judged.filter({ $0.verdict == verdict }).max(by: { ($0.score ?? 0) < ($1.score ?? 0) }) else { continue }
            return (status, Message.reasonVerdict(status, e, source: source(citing: e.url, in: attributions)))
        }
        let failed = evidence.filter { $0.fetch != .ok && $0.fetch != .not_modified }
        let waiting = failed.filter { $0.waitUntil != nil }
        if let first = waiting.first { return (.pending, Message.reasonWaitingForHost(first.url, until: first.waitUntil ?? "")) }
        if !evidence.isEmpty && failed.count == evidence.count {
            return (.unreachable, Message.reasonUnreachable(failed.map { ($0.url, $0.fetch, failures($0.url)) }))
        }
        return (.pending, Message.reasonUnreadable(evidence.count - failed.count))
    }
}
