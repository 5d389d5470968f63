import Foundation

/// Stage 3, resolve: Extraction → ResolvedClaims, the URLs that can check each source of each claim,
/// each with how it was found (`SourceOrigin`).
///
/// The offline cascade, here:
/// 1. sentence link: a link inside the claim's sentence;
/// 2. paragraph link: a link in the same paragraph whose anchor text or
///    domain matches the source ("Harbor Authority's annual report" for the
///    Harbor Authority, reuters.com for Reuters);
/// 3. footnote: a "[1]" or "[^1]" marker in the sentence, resolved against the
///    numbered entry ("[1] …", "[^1]: …", or "1. …" under a Sources/References heading).
/// 4. earlier link: a source that refers back to a document the article linked before ("the report
///    also found", "the authority said in the same report") gets that document's link: the latest link
///    before the claim whose anchor or address names the document ("its annual report"), or, for "the
///    same …", the latest link before the claim.
///
/// The two steps that need the network are in `Providers` and run when pages are fetched: the news
/// search for a named outlet without a link (`search`), and the web archive's snapshot of a dead link.
public enum LinkResolver {
    /// Every claim of an article with its sources' URLs, in claim order (the article's footnotes are read once).
    public static func resolveAll(_ extraction: Extraction) -> ResolvedClaims {
        let links = extraction.article.links.filter { isFetchable($0.url) }
        let marked = extraction.claims.map { markers(in: $0.text) }
        let notes = marked.contains { !$0.isEmpty } ? footnotes(extraction.article) : [:]
        return ResolvedClaims(claims: zip(extraction.claims, marked).map { claim, numbers in
            ResolvedClaim(id: claim.id, text: claim.text,
                          attributions: resolve(claim, in: extraction, links: links, footnoteURLs: numbers.flatMap { notes[$0] ?? [] }))
        })
    }

    /// One claim's attributions with their URLs.
    public static func resolve(_ claim: Claim, in extraction: Extraction) -> [AttributionRecord] {
        let notes = footnotes(extraction.article)
        return resolve(claim, in: extraction, links: extraction.article.links.filter { isFetchable($0.url) },
                       footnoteURLs: markers(in: claim.text).flatMap { notes[$0] ?? [] })
    }

    static func resolve(_ claim: Claim, in extraction: Extraction, links: [Link], footnoteURLs marked: [String]) -> [AttributionRecord] {
        let inSentence = links.filter { $0.start >= claim.start && $0.start < claim.end }
        let inParagraph = links.filter { $0.start >= claim.paragraph.lowerBound && $0.start < claim.paragraph.upperBound }
        // Stances ("X criticized …") are recorded by extract but are not sources to check.
        return claim.attributions.filter { !extraction.attributions[$0].stance }.map { index in
            let a = extraction.attributions[index]
            var urls: [String] = []
            var origins: [String] = []
            func add(_ url: String, _ origin: SourceOrigin) {
                guard !urls.contains(url) else { return }
                urls.append(url)
                origins.append(origin.rawValue)
            }
            // A link on the source's own words wins; otherwise every link of the sentence checks it,
            // whoever the source is ("[officials said](…)" links the statement).
            let onSource = inSentence.filter { $0.start < a.sourceEnd && a.sourceStart < $0.end || matches($0, a) }
            for link in (onSource.isEmpty ? inSentence : onSource) { add(link.url, .sentenceLink) }
            if a.kind.isSpecific {
                for link in inParagraph where matches(link, a) { add(link.url, .paragraphLink) }
            }
            for url in marked { add(url, .footnote) }
            if urls.isEmpty, let url = earlierDocument(for: a, claim: claim, links: links) { add(url, .earlierLink) }
            return AttributionRecord(source: a.source, kind: a.kind, cue: a.cue, resolved: a.resolved, resolvedBy: a.resolvedBy,
                                     outlet: a.outlet, urls: urls, origins: origins)
        }
    }

    /// Footnote numbers marked in a sentence: "[1]", "[^2]" (not "[text](url)").
    static func markers(in text: String) -> [String] {
        guard text.contains("[") else { return [] }
        let s = Array(text.unicodeScalars)
        var out: [String] = []
        for i in s.indices where s[i] == "[" {
            if let end = SentenceSplitter.footnoteMarker(s, at: i, end: s.count) {
                out.append(String(String.UnicodeScalarView(s[(i + 1)..<(end - 1)])).replacingOccurrences(of: "^", with: ""))
            }
        }
        return out
    }

    /// Footnote number → the fetchable links of its entry. Entries are paragraphs that open with "[n]" or
    /// "[^n]:" anywhere, or with "n." after a Sources, References or Notes heading.
    static func footnotes(_ article: Article) -> [String: [String]] {
        let s = Array(article.text.unicodeScalars)
        var out: [String: [String]] = [:]
        var inReferences = false
        for p in article.paragraphs {
            let text = String(String.UnicodeScalarView(s[p])).trimmingCharacters(in: .whitespaces)
            let heading = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#*: "))
            if referenceHeadings.contains(heading) { inReferences = true; continue }
            var number: String?
            if text.hasPrefix("[") {
                let inner = text.dropFirst().prefix { $0 != "]" }
                let digits = inner.hasPrefix("^") ? inner.dropFirst() : inner
                if !digits.isEmpty, digits.allSatisfy(\.isNumber) { number = String(digits) }
            } else if inReferences {
                let digits = text.prefix { $0.isNumber }
                if !digits.isEmpty, text.dropFirst(digits.count).first == "." || text.dropFirst(digits.count).first == ")" { number = String(digits) }
            }
            guard let number else { continue }
            let urls = article.links.filter { $0.start >= p.lowerBound && $0.start < p.upperBound && isFetchable($0.url) }.map(\.url)
            if !urls.isEmpty { out[number, default: []] += urls }
        }
        return out
    }

    /// Documents a source can refer back to ("the report", "the same study").
    static let documentHeads: Set<String> = [
        "report", "study", "survey", "audit", "document", "memo", "analysis", "review", "paper", "filing", "minutes",
        "letter", "investigation", "assessment", "plan", "budget", "ruling", "indictment", "complaint", "lawsuit", "release",
        "statement", "poll", "census", "data", "figures", "research", "findings", "transcript", "records",
    ]
    /// Determiners of a reference back to something named before.
    static let backReferenceDeterminers: Set<String> = ["the", "that", "this", "its", "their", "his", "her"]

    /// Step 4: the document a back-reference names, as linked earlier in the article.
    static func earlierDocument(for a: Attribution, claim: Claim, links: [Link]) -> String? {
        let earlier = links.filter { $0.start < claim.start }
        guard !earlier.isEmpty else { return nil }
        // The reference: the source itself ("The report also found"), or "… in the same report" in the sentence.
        let sourceWords = a.source.lowercased().split(separator: " ").map(String.init)
        var head: String?
        var same = false
        if sourceWords.count >= 2, sourceWords.count <= 4, backReferenceDeterminers.contains(sourceWords[0]),
           let last = sourceWords.last, documentHeads.contains(last) {
            head = last
            same = sourceWords.contains("same")
        } else {
            let words = claim.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            for k in words.indices.dropFirst(2) where documentHeads.contains(words[k]) && words[k - 1] == "same" && backReferenceDeterminers.contains(words[k - 2]) {
                head = words[k]
                same = true
                break
            }
        }
        guard let head else { return nil }
        if let named = earlier.last(where: { $0.anchor.lowercased().contains(head) || $0.url.lowercased().contains(head) }) { return named.url }
        return same ? earlier.last?.url : nil
    }

    static let referenceHeadings: Set<String> = ["sources", "references", "notes", "footnotes", "citations", "bibliography", "further reading", "links"]

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
