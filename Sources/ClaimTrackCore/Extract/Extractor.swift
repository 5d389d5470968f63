import Foundation

/// Stage 2, extract: an `Article` → an `Extraction` (claims and attributions).
///
/// Sentences come from `SentenceSplitter` within each paragraph; every
/// sentence is searched for attributions (`AttributionFinder`), also those
/// that are not kept as claims (`ClaimFilter`). Pronouns are then resolved
/// to the nearest fitting named source, and a sentence that continues a
/// report ("The report also …", "It added …") takes the attributions of the one before.
public struct Extractor: Sendable {
    public let minWords: Int
    public let outlets: OutletDirectory

    public init(configuration: Configuration) {
        minWords = configuration.extract.minWords
        outlets = OutletDirectory(extra: configuration.resolve.outlets)
    }

    public init(minWords: Int = 6, outlets: OutletDirectory = .builtin) {
        self.minWords = minWords
        self.outlets = outlets
    }

    public func extract(_ article: Article) -> Extraction {
        let s = Array(article.text.unicodeScalars)
        let finder = AttributionFinder(outlets: outlets)
        let filter = ClaimFilter(minWords: minWords)
        var claims: [Claim] = []
        var attributions: [Attribution] = []
        var occurrences: [String: Int] = [:]
        /// Attributions of the previous sentence of the same paragraph, for continuation.
        var previousSentenceAttributions: [Int] = []

        for paragraph in article.paragraphs {
            let paragraphText = text(s, paragraph)
            if ClaimFilter.isNonProseParagraph(paragraphText) { continue }
            let sentences = SentenceSplitter.split(s, paragraph)
            let heading = sentences.count == 1 && ClaimFilter.isHeading(paragraphText)
            previousSentenceAttributions = []
            for sentence in sentences {
                let tokens = Tokenizer.tokenize(s, sentence)
                let found = finder.find(tokens)
                var indexes: [Int] = []
                for f in found {
                    let source = tokens[f.source.lowerBound].start..<tokens[f.source.upperBound - 1].end
                    let cue = tokens[f.cue.lowerBound].start..<tokens[f.cue.upperBound - 1].end
                    indexes.append(attributions.count)
                    attributions.append(Attribution(
                        source: text(s, source), kind: f.kind, cue: text(s, cue),
                        sourceStart: source.lowerBound, sourceEnd: source.upperBound,
                        cueStart: cue.lowerBound, cueEnd: cue.upperBound, outlet: f.outlet))
                }
                resolveReferences(indexes, in: &attributions, sentence: sentence, scalars: s)
                let sentenceText = text(s, sentence)
                var claimAttributions = indexes
                if indexes.isEmpty, continuesReport(tokens), !previousSentenceAttributions.isEmpty {
                    claimAttributions = previousSentenceAttributions
                }
                if !heading, filter.isClaim(sentenceText, tokens: tokens, hasAttribution: !claimAttributions.isEmpty) {
                    let id = ClaimID.make(articlePath: article.path, sentence: sentenceText, occurrences: &occurrences)
                    for k in indexes { attributions[k].claim = claims.count }
                    claims.append(Claim(id: id, text: sentenceText, start: sentence.lowerBound, end: sentence.upperBound,
                                        hedges: Self.hedges(in: sentenceText), attributions: claimAttributions, paragraph: paragraph))
                }
                if !claimAttributions.isEmpty { previousSentenceAttributions = claimAttributions }
            }
        }
        return Extraction(article: article, claims: claims, attributions: attributions)
    }

    private func text(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[r]))
    }

    /// Sentence openings that continue the previous sentence's report.
    static let continuationOpenings: [[String]] = [
        ["the", "report", "also"], ["the", "study", "also"], ["the", "statement", "also"], ["it", "also"], ["it", "added"],
        ["the", "report", "added"], ["the", "same", "report"], ["the", "report"], ["the", "study"], ["the", "survey"],
        ["the", "document"], ["the", "findings"], ["according", "to", "the", "same"], ["this", "data", "allegedly"],
        ["the", "data", "allegedly"],
    ]

    private func continuesReport(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord).prefix(4).map(\.lower)
        if words.contains(where: { $0 == "allegedly" || $0 == "reportedly" }) { return true }
        return Self.continuationOpenings.contains { opening in words.starts(with: opening) }
    }

    /// Pronouns and descriptions ("he", "it", "the report", "who") get the name they refer to in `resolved`.
    private func resolveReferences(_ indexes: [Int], in attributions: inout [Attribution], sentence: Range<Int>, scalars s: [Unicode.Scalar]) {
        for k in indexes where attributions[k].kind != .anonymous {
            let source = attributions[k].source.lowercased()
            let earlier = attributions[..<indexes.first!].reversed()
            func named(_ a: Attribution) -> Bool {
                a.resolved == nil && a.source.unicodeScalars.first.map { $0.properties.isUppercase } == true
                    && !Lexicon.personalPronouns.contains(a.source.lowercased()) && a.kind.isSpecific
            }
            var target: Attribution?
            switch source {
            case "he", "she", "him", "her", "i":
                target = earlier.first { $0.kind == .person && named($0) }
            case "it", "the report", "the study", "the statement", "the agency", "the ministry", "the company", "the paper",
                 "the newspaper", "the outlet", "the survey", "the document", "the organization", "the organisation":
                target = earlier.first { [.outlet, .organization, .document].contains($0.kind) && named($0) }
            case "who", "which":
                // The name before ", who said": the capitalised words before the comma.
                let start = attributions[k].sourceStart
                var j = start - 1
                while j > sentence.lowerBound, s[j] == " " || s[j] == "," { j -= 1 }
                var a = j
                while a > sentence.lowerBound, Tokenizer.isWordScalar(s[a - 1]) || s[a - 1] == " " || s[a - 1] == "." { a -= 1 }
                let words = String(String.UnicodeScalarView(s[a...j])).split(separator: " ")
                let name = words.reversed().prefix { $0.first?.isUppercase == true }.reversed().joined(separator: " ")
                if !name.isEmpty { attributions[k].resolved = name; attributions[k].kind = .person }
                continue
            default:
                continue
            }
            if let target {
                attributions[k].resolved = target.resolved ?? target.outlet?.name ?? target.source
                attributions[k].kind = target.kind
                attributions[k].outlet = target.outlet
            }
        }
    }

    /// Hedges in the sentence, longest first, each once, in reading order.
    static func hedges(in sentence: String) -> [String] {
        let lower = sentence.lowercased()
        let chars = Array(lower.unicodeScalars)
        var taken: [Range<Int>] = []
        var found: [(Int, String)] = []
        for hedge in Lexicon.hedges {
            let pattern = Array(hedge.unicodeScalars)
            var i = 0
            while i + pattern.count <= chars.count {
                if chars[i] == pattern[0], Array(chars[i..<(i + pattern.count)]) == pattern,
                   i == 0 || !Tokenizer.isWordScalar(chars[i - 1]),
                   i + pattern.count == chars.count || !Tokenizer.isWordScalar(chars[i + pattern.count]),
                   !taken.contains(where: { $0.overlaps(i..<(i + pattern.count)) }) {
                    taken.append(i..<(i + pattern.count))
                    if !found.contains(where: { $0.1 == hedge }) { found.append((i, hedge)) }
                }
                i += 1
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Stable claim ids: a hash of the article's path relative to its folder and
/// the sentence with whitespace collapsed, plus an occurrence number for a
/// sentence repeated in the same article. Reflowing the text or moving the
/// folder keeps every id.
public enum ClaimID {
    public static func make(articlePath: String, sentence: String, occurrences: inout [String: Int]) -> String {
        let normalized = sentence.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let n = occurrences[normalized, default: 0]
        occurrences[normalized] = n + 1
        return "c" + String(SHA256.hex(articlePath + "\u{1}" + normalized + "\u{1}\(n)").prefix(15))
    }

    public static func article(_ path: String) -> String {
        "a" + String(SHA256.hex(path).prefix(11))
    }
}
