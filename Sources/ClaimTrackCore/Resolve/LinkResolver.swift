import Foundation

/// Stage 3, resolve (the offline steps): which URLs can check an attribution.
///
/// The cascade, recorded per URL as its origin:
/// 1. "sentence link": a link inside the claim's sentence;
/// 2. "paragraph link": a link in the same paragraph whose anchor text or
///    domain matches the source ("Harbor Authority's annual report" for the
///    Harbor Authority, reuters.com for Reuters).
/// Search and archive providers come with the fetch stage.
public enum LinkResolver {
    public static let sentenceOrigin = "sentence link"
    public static let paragraphOrigin = "paragraph link"

    public static func resolve(_ claim: Claim, in extraction: Extraction) -> [AttributionRecord] {
        let links = extraction.article.links.filter { isFetchable($0.url) }
        let inSentence = links.filter { $0.start >= claim.start && $0.start < claim.end }
        let inParagraph = links.filter { $0.start >= claim.paragraph.lowerBound && $0.start < claim.paragraph.upperBound }
        // Stances ("X criticized …") are recorded by extract but are not sources to check.
        return claim.attributions.filter { !extraction.attributions[$0].stance }.map { index in
            let a = extraction.attributions[index]
            var urls: [String] = []
            var origins: [String] = []
            func add(_ url: String, _ origin: String) {
                guard !urls.contains(url) else { return }
                urls.append(url)
                origins.append(origin)
            }
            // A link on the source's own words wins; otherwise every link of the sentence checks it,
            // whoever the source is ("[officials said](…)" links the statement).
            let onSource = inSentence.filter { $0.start < a.sourceEnd && a.sourceStart < $0.end || matches($0, a) }
            for link in (onSource.isEmpty ? inSentence : onSource) { add(link.url, sentenceOrigin) }
            if a.kind.isSpecific {
                for link in inParagraph where matches(link, a) { add(link.url, paragraphOrigin) }
            }
            return AttributionRecord(source: a.source, kind: a.kind, cue: a.cue, resolved: a.resolved, outlet: a.outlet,
                                     urls: urls, origins: origins)
        }
    }

    static func isFetchable(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The link's anchor names the source, or its host is the source outlet's domain.
    static func matches(_ link: Link, _ a: Attribution) -> Bool {
        if let domain = a.outlet?.domain, let host = URL(string: link.url)?.host?.lowercased(),
           host == domain || host.hasSuffix("." + domain) {
            return true
        }
        let name = (a.resolved ?? a.source).lowercased()
        let stripped = name.hasPrefix("the ") ? String(name.dropFirst(4)) : name
        guard stripped.count >= 3 else { return false }
        return link.anchor.lowercased().contains(stripped)
    }
}
