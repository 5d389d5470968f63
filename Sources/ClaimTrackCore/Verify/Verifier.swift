import Foundation

/// Stage 5, verify: does a page support a claim?
///
/// 1. The page is split into sentences; BM25 ranks them against the claim's content words.
/// 2. The best few sentences (and their neighbours) are read for the claim's key terms
///    (`KeyTerms`): numbers by value, scale and unit, years, names, quoted words, negation.
/// 3. Score = IDF-weighted share of the claim's content words found, blended with the share
///    of key terms found. A passage that speaks of the same thing with another number of the
///    same unit, another year or the opposite polarity is a conflict.
/// 4. Verdict: contradicted (a conflict on an on-topic passage), supported (score ≥
///    `verify.supported` and every number found), partial (score ≥ `verify.partial`), else unsupported.
public struct Verifier: Sendable {
    public struct Result: Sendable, Equatable {
        public var verdict: Verdict
        public var score: Double
        public var passage: String
        /// The best sentences in page order (the passage is the best of them with its neighbours).
        public var passages: [String]
        public var matched: [String]
        public var missing: [String]
        public var conflicts: [String]
        /// The parts of the score: content words found in the passages, anywhere on the page, and key terms found.
        public var coverage: Double = 0
        public var pageCoverage: Double = 0
        public var keyShare: Double = 0
        public var pageKeyShare: Double = 0
        /// Content words of the claim found nowhere on the page.
        public var pageMissing = 0
    }

    public var supported: Double
    public var partial: Double
    /// How many top-ranked sentences are read.
    public var depth = 3

    public init(supported: Double, partial: Double) {
        self.supported = supported
        self.partial = partial
    }

    public init(_ v: Configuration.Verify) { self.init(supported: v.supported, partial: v.partial) }

    struct Sentence {
        var text: String
        var stems: Set<String>
        var prefixes: Set<String>
        var numbers: [KeyTerms.Number]
        var lower: String
        var negated: Bool
    }

    public func check(claim: String, page: String) -> Result {
        let terms = KeyTerms(Self.plain(claim))
        let sentences = Self.sentences(page)
        guard !sentences.isEmpty, !terms.content.isEmpty else {
            return Result(verdict: .unsupported, score: 0, passage: "", passages: [], matched: [], missing: keyTexts(terms), conflicts: [])
        }
        // Inverse document frequency of each claim word over the page's sentences.
        let query = Array(Set(terms.content))
        let n = Double(sentences.count)
        var idf: [String: Double] = [:]
        for q in query {
            let df = Double(sentences.reduce(0) { $0 + ($1.stems.contains(q) ? 1 : 0) })
            idf[q] = log(1 + (n - df + 0.5) / (df + 0.5))
        }
        // BM25 (k1 1.2, b 0.75) over sentences.
        let avg = sentences.reduce(0.0) { $0 + Double($1.stems.count) } / n
        let ranked = sentences.indices.map { i -> (Int, Double) in
            let s = sentences[i]
            var score = 0.0
            for q in query where s.stems.contains(q) {
                score += idf[q]! * 2.2 / (1 + 1.2 * (0.25 + 0.75 * Double(s.stems.count) / max(1, avg)))
            }
            for number in terms.numbers where s.numbers.contains(where: { Self.sameNumber($0, number) }) { score += 1.5 }
            return (i, score)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let ranking = ranked.prefix(12).filter { $0.1 > 0 }.map(\.0)
        guard !ranking.isEmpty else {
            return Result(verdict: .unsupported, score: 0, passage: "", passages: [], matched: [], missing: keyTexts(terms), conflicts: [])
        }
        // The claim's parts are often spread over two or three sentences: starting from the best one,
        // add (from the twelve best) the sentence that covers most of what is still missing.
        var top = [ranking[0]]
        var covered = Self.coveredWords(terms, [sentences[ranking[0]]])
        let wanted = Set(terms.content)
        while top.count < depth {
            var bestGain = 0.0, bestIndex: Int?
            for i in ranking where !top.contains(i) {
                let gain = Self.coveredWords(terms, [sentences[i]]).subtracting(covered).reduce(0.0) { $0 + min(idf[$1] ?? 1, 2.5) }
                if gain > bestGain { bestGain = gain; bestIndex = i }
            }
            guard let next = bestIndex, covered.count < wanted.count else { break }
            top.append(next)
            covered.formUnion(Self.coveredWords(terms, [sentences[next]]))
        }
        let chosen = top.sorted()
        let combined = chosen.map { sentences[$0] }
        let evaluation = evaluate(terms, combined, idf: idf)
        let best = top[0]
        let window = max(0, best - 1)...min(sentences.count - 1, best + 1)
        let passage = evaluation.coverage >= 0.999 || top.count == 1 ? sentences[best].text
            : window.filter { chosen.contains($0) || $0 == best }.map { sentences[$0].text }.joined(separator: " ")
        // Key terms (numbers, years, names, quotes) may sit anywhere on the page: a date in the byline,
        // a name in the headline. The blend was fitted on WiCE dev so that `verify.supported` = 0.7 cuts well.
        let all = evaluate(terms, sentences, idf: idf)
        let score = 0.5 * evaluation.coverage + 0.1 * evaluation.keyShare + 0.4 * all.keyShare
        // Polarity: only the single best sentence, and only when it says nearly all of the claim.
        var conflicts = evaluation.conflicts + evaluation.yearConflicts.filter { !all.matched.contains($0.year) }.map(\.line)
        if terms.negated != sentences[best].negated, evaluate(terms, [sentences[best]], idf: idf).coverage >= 0.9,
           sentences[best].stems.count <= Set(terms.content).count * 3 / 2 + 2 {
            conflicts.append(terms.negated ? "article: negated — source: affirmed" : "article: affirmed — source: negated")
        }
        var verdict: Verdict
        if !conflicts.isEmpty && evaluation.coverage >= 0.6 {
            verdict = .contradicted
        } else if score >= supported {
            verdict = .supported
        } else if score >= partial {
            verdict = .partial
        } else {
            verdict = .unsupported
        }
        return Result(verdict: verdict, score: (score * 1000).rounded() / 1000, passage: passage,
                      passages: chosen.map { sentences[$0].text }, matched: evaluation.matched, missing: evaluation.missing,
                      conflicts: verdict == .contradicted ? conflicts : [],
                      coverage: evaluation.coverage, pageCoverage: all.coverage, keyShare: evaluation.keyShare,
                      pageKeyShare: all.keyShare, pageMissing: all.missingWords)
    }

    struct Evaluation {
        var coverage: Double
        var matched: [String]
        var missing: [String]
        var conflicts: [String]
        var keyShare: Double
        var missingWords: Int
        /// Another year where the claim's is expected: a conflict only if the claim's year is nowhere on the page.
        var yearConflicts: [(year: String, line: String)]
    }

    private func evaluate(_ terms: KeyTerms, _ window: [Sentence], idf: [String: Double]) -> Evaluation {
        let stems = window.reduce(into: Set<String>()) { $0.formUnion($1.stems) }
        let prefixes = window.reduce(into: Set<String>()) { $0.formUnion($1.prefixes) }
        let lower = window.map(\.lower).joined(separator: " ")
        let numbers = window.flatMap(\.numbers)
        var total = 0.0, found = 0.0
        var missingWords = 0
        for q in Set(terms.content) {
            // Rare words weigh more, but a word the page never uses does not outweigh the rest.
            let w = min(idf[q] ?? 1, 2.5)
            total += w
            if stems.contains(q) || KeyTerms.prefix(q).map(prefixes.contains) == true { found += w } else { missingWords += 1 }
        }
        let coverage = total > 0 ? found / total : 0
        var matched: [String] = [], missing: [String] = [], conflicts: [String] = []
        var yearConflicts: [(year: String, line: String)] = []
        for number in terms.numbers {
            if numbers.contains(where: { Self.sameNumber($0, number) }) || (number.isYear && Self.containsWord(lower, String(Int(number.value)))) {
                matched.append(number.text)
                continue
            }
            missing.append(number.text)
            // Another value of the same kind where the claim's should be.
            let rivals = numbers.filter { other in
                number.isYear ? other.isYear : (other.unit != nil && other.unit == number.unit && !other.isYear)
            }
            if let rival = rivals.first, rivals.count <= 2 {
                let line = "article: \(number.text) — source: \(rival.text)"
                if number.isYear { yearConflicts.append((number.text, line)) } else { conflicts.append(line) }
            }
        }
        for name in terms.names {
            if Self.containsWord(lower, name) { matched.append(name) } else { missing.append(name) }
        }
        for quote in terms.quotes {
            let text = quote.joined(separator: " ")
            let present = quote.filter { Self.containsWord(lower, $0) }.count
            if Double(present) >= Double(quote.count) * 0.85 { matched.append("“\(text)”") } else { missing.append("“\(text)”") }
        }
        let keyCount = matched.count + missing.count
        let keyShare = keyCount > 0 ? Double(matched.count) / Double(keyCount) : coverage
        return Evaluation(coverage: coverage, matched: matched, missing: missing, conflicts: conflicts,
                          keyShare: keyShare, missingWords: missingWords, yearConflicts: yearConflicts)
    }

    private func keyTexts(_ terms: KeyTerms) -> [String] {
        terms.numbers.map(\.text) + terms.names + terms.quotes.map { "“\($0.joined(separator: " "))”" }
    }

    static func sameNumber(_ a: KeyTerms.Number, _ b: KeyTerms.Number) -> Bool {
        if a.isYear != b.isYear { return false }
        if a.isYear { return a.value == b.value }  // 2025 is not 2030, however close
        if let ua = a.unit, let ub = b.unit, ua != ub, !(ua.hasPrefix(ub) || ub.hasPrefix(ua)) { return false }
        let scale = max(abs(a.value), abs(b.value))
        if scale == 0 { return a.value == b.value }
        // Equal, or equal once rounded the way the less precise figure is ("1.2 million" for 1,213,000).
        if abs(a.value - b.value) / scale <= 0.005 { return true }
        for (x, y) in [(a.value, b.value), (b.value, a.value)] {
            let magnitude = pow(10, floor(log10(max(abs(x), 1))) - 1)
            if magnitude >= 1, (y / magnitude).rounded() * magnitude == x { return true }
        }
        return false
    }

    /// A claim as a reader reads it: Markdown link targets, brackets and bare URLs removed
    /// ("as [its report](https://…) shows" → "as its report shows").
    static func plain(_ text: String) -> String {
        var s = Array(text.unicodeScalars)
        let links = MarkdownReader.inlineLinks(s, from: 0, definitions: [:])
        var remove = Set<Int>()
        for found in links {
            if found.link.start > 0 { remove.insert(found.link.start - 1) }
            if let syntax = found.syntaxRange { remove.formUnion(syntax) }
            if found.link.end < s.count, s[found.link.end] == "]" { remove.insert(found.link.end) }
        }
        for url in PlainText.bareURLs(s) { remove.formUnion(url.start..<url.end) }
        guard !remove.isEmpty else { return text }
        s = s.indices.filter { !remove.contains($0) }.map { s[$0] }
        return String(String.UnicodeScalarView(s))
    }

    /// The claim's content words that these sentences contain (exactly, or by their first five letters).
    static func coveredWords(_ terms: KeyTerms, _ sentences: [Sentence]) -> Set<String> {
        Set(terms.content.filter { q in
            sentences.contains { $0.stems.contains(q) || KeyTerms.prefix(q).map($0.prefixes.contains) == true }
        })
    }

    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        var searchStart = haystack.startIndex
        while let r = haystack.range(of: needle, range: searchStart..<haystack.endIndex) {
            let before = r.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: r.lowerBound)]
            let after = r.upperBound == haystack.endIndex ? nil : haystack[r.upperBound]
            if !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) { return true }
            searchStart = r.upperBound
        }
        return false
    }

    static func sentences(_ page: String) -> [Sentence] {
        let s = Array(page.unicodeScalars)
        var out: [Sentence] = []
        for paragraph in PlainText.paragraphs(s) {
            for range in SentenceSplitter.split(s, paragraph) {
                let text = String(String.UnicodeScalarView(s[range]))
                let terms = KeyTerms(text, page: true)
                out.append(Sentence(text: text, stems: Set(terms.content), prefixes: Set(terms.content.compactMap(KeyTerms.prefix)),
                                    numbers: terms.numbers, lower: text.lowercased(), negated: terms.negated))
            }
        }
        return out
    }
}
