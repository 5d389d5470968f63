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
        /// What was checked: the claim without its framing (source, cue, dateline, footnote markers).
        public var proposition = ""
        /// The claim's hedges ("reportedly"): shown, not looked for.
        public var hedges: [String] = []
        /// The parts of a compound claim, each judged against its own passage (empty for a simple claim).
        public var subclaims: [Subclaim] = []
    }

    /// One statement of a compound claim and its verdict.
    public struct Subclaim: Sendable, Equatable {
        public var text: String
        public var verdict: Verdict
        public var score: Double
        public var passage: String
        public var conflicts: [String]
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

    struct Sentence: Sendable {
        var text: String
        var stems: Set<String>
        var prefixes: Set<String>
        var numbers: [KeyTerms.Number]
        var lower: String
        var negated: Bool
        var months: [(name: String, isPublication: Bool)]
    }

    /// The claim as the article states it, against the page's text (HTML already reduced to its main text).
    /// The claim loses its framing (`ClaimFraming`), is divided into its statements, and each statement is
    /// judged against its own best passage: supported when all are, contradicted when one is, partial when
    /// some are supported (or partly) and none contradicted, else unsupported.
    public func check(claim: String, page: String) -> Result { check(claim: claim, sentences: Self.sentences(page)) }

    /// The same, against a page already divided into its sentences (`sentences(_:)`): a page that several
    /// claims cite is divided once.
    func check(claim: String, sentences: [Sentence]) -> Result {
        let proposition = ClaimFraming.proposition(claim)
        let parts = ClaimFraming.subclaims(proposition)
        var results = parts.map { judge($0, sentences) }
        // Another person credited: the claim's speaker against the speaker of each part's passage.
        let speakers = Credit.people(in: claim, surnameAlone: true)
        if !speakers.isEmpty {
            for k in results.indices { Self.creditConflict(&results[k], speakers: speakers) }
        }
        let hedges = KeyTerms(proposition).hedges
        if results.count == 1 {
            results[0].proposition = proposition
            results[0].hedges = hedges
            return results[0]
        }
        var combined = results[0]
        let verdicts = results.map(\.verdict)
        let mean = results.reduce(0.0) { $0 + $1.score } / Double(results.count)
        combined.score = (mean * 1000).rounded() / 1000
        // Supported: no part contradicted, none unsupported, and the parts together reach `verify.supported`
        // (a part alone has fewer words to find; requiring each part's own score to reach the cut-off cost
        // 0.03 cross-validated F1 on WiCE dev, bench/wice_cv.py).
        if verdicts.contains(.contradicted) { combined.verdict = .contradicted }
        else if !verdicts.contains(.unsupported), mean >= supported { combined.verdict = .supported }
        else if verdicts.contains(where: { $0 == .supported || $0 == .partial }) { combined.verdict = .partial }
        else { combined.verdict = .unsupported }
        var passages: [String] = []
        for r in results where !r.passage.isEmpty && !passages.contains(r.passage) { passages.append(r.passage) }
        combined.passage = passages.joined(separator: " … ")
        func union(_ lists: [[String]]) -> [String] { var out: [String] = []; for l in lists { for x in l where !out.contains(x) { out.append(x) } }; return out }
        combined.passages = union(results.map(\.passages))
        combined.matched = union(results.map(\.matched))
        combined.missing = union(results.map(\.missing)).filter { !combined.matched.contains($0) }
        combined.conflicts = union(results.map(\.conflicts))
        combined.proposition = proposition
        combined.hedges = hedges
        combined.subclaims = zip(parts, results).map { Subclaim(text: $0, verdict: $1.verdict, score: $1.score, passage: $1.passage, conflicts: $1.conflicts) }
        return combined
    }

    /// A passage that says the statement (`creditCoverage` of its words) and credits it to people none of
    /// whom is the claim's speaker contradicts the claim: "article: Marta Okafor — source: Paul Lindqvist".
    /// A passage that credits nobody, or the claim's speaker among others, says nothing about who said it.
    static func creditConflict(_ result: inout Result, speakers: [Credit.Person]) {
        guard result.coverage >= creditCoverage, result.verdict != .contradicted else { return }
        let credited = Credit.people(in: result.passage)
        let surnames = Set(speakers.map(\.surname))
        guard let other = credited.first, !credited.contains(where: { surnames.contains($0.surname) }),
              !surnames.contains(where: { containsWord(result.passage.lowercased(), $0) }) else { return }
        result.conflicts.append("article: credited to \(speakers[0].name) — source: credited to \(other.name)")
        result.verdict = .contradicted
    }

    /// The share of a statement's words a passage must say before its speaker is compared with the claim's.
    static let creditCoverage = 0.7

    /// One statement against the page's sentences.
    /// The ranking and scoring constants of `judge`, named where they were inline (values unchanged).
    enum Tuning {
        /// BM25's usual defaults (Robertson and Zaragoza, "The Probabilistic Relevance Framework", 2009):
        /// k1 1.2, b 0.75; `k1PlusOne` and `oneMinusB` are written out so the arithmetic stays bit for bit.
        static let k1 = 1.2
        static let b = 0.75
        static let k1PlusOne = 2.2
        static let oneMinusB = 0.25
        /// A sentence stating one of the claim's figures ranks above one that only shares words: about the
        /// weight of a rare word; set by hand when figures were added to the ranking.
        static let numberBonus = 1.5
        /// How many of the best-ranked sentences the passage may be built from.
        static let candidates = 12
        /// The score's blend: claim words covered by the passage, key terms in the passage, key terms
        /// anywhere on the page. Fitted on WiCE dev by an earlier version so that `verify.supported` = 0.7
        /// cuts well (README "Benchmarks": not re-chosen per fold).
        static let passageCoverage = 0.5
        static let passageKeyShare = 0.1
        static let pageKeyShare = 0.4
    }

    /// Each element once, in order.
    static func once(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    func judge(_ statement: String, _ sentences: [Sentence]) -> Result {
        let terms = KeyTerms(statement)
        guard !sentences.isEmpty, !terms.content.isEmpty else {
            return Result(verdict: .unsupported, score: 0, passage: "", passages: [], matched: [], missing: keyTexts(terms), conflicts: [])
        }
        // Inverse document frequency of each claim word over the page's sentences.
        // The claim's words once each, in its order: a Set's order changes from one process to the next, and
        // sums over it would change in their last bits.
        let query = Self.once(terms.content)
        let n = Double(sentences.count)
        var idf: [String: Double] = [:]
        for q in query {
            let df = Double(sentences.reduce(0) { $0 + ($1.stems.contains(q) ? 1 : 0) })
            idf[q] = log(1 + (n - df + 0.5) / (df + 0.5))
        }
        // BM25 over sentences (each claim word counted once per sentence: tf = 1).
        let t = Tuning.self
        let avg = sentences.reduce(0.0) { $0 + Double($1.stems.count) } / n
        let ranked = sentences.indices.map { i -> (Int, Double) in
            let s = sentences[i]
            var score = 0.0
            for q in query where s.stems.contains(q) {
                score += idf[q]! * t.k1PlusOne / (1 + t.k1 * (t.oneMinusB + t.b * Double(s.stems.count) / max(1, avg)))
            }
            for number in terms.numbers where s.numbers.contains(where: { Self.sameNumber($0, number) }) { score += t.numberBonus }
            return (i, score)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let ranking = ranked.prefix(t.candidates).filter { $0.1 > 0 }.map(\.0)
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
                let gain = Self.coveredWords(terms, [sentences[i]]).subtracting(covered).sorted().reduce(0.0) { $0 + min(idf[$1] ?? 1, 2.5) }
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
        let all = evaluate(terms, sentences, idf: idf, conflicts: false)
        let score = t.passageCoverage * evaluation.coverage + t.passageKeyShare * evaluation.keyShare + t.pageKeyShare * all.keyShare
        // Polarity: only the single best sentence, and only when it says nearly all of the claim.
        // A year or month of the claim found elsewhere on the page (outside its dateline) is not contradicted by another here.
        var conflicts = evaluation.conflicts + evaluation.yearConflicts.filter { !all.matched.contains($0.year) }.map(\.line)
            + evaluation.monthConflicts.filter { !all.matched.contains($0.month) }.map(\.line)
        if terms.negated != sentences[best].negated, evaluate(terms, [sentences[best]], idf: idf).coverage >= 0.9,
           sentences[best].stems.count <= Set(terms.content).count * 3 / 2 + 2 {
            conflicts.append(terms.negated ? "article: negated — source: affirmed" : "article: affirmed — source: negated")
        }
        if conflicts.isEmpty, let line = Self.opposition(terms, statement, sentences[best], idf: idf) { conflicts.append(line) }
        var verdict: Verdict
        if !conflicts.isEmpty && evaluation.coverage >= Self.conflictCoverage {
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

    /// A conflict counts only on a passage that says most of the statement (IDF-weighted share of its words),
    /// and only from a sentence that says a fair part of it: the same subject, not a neighbouring figure.
    static let conflictCoverage = 0.4
    static let rivalSentenceCoverage = 0.4

    struct Evaluation {
        var coverage: Double
        var matched: [String]
        var missing: [String]
        var conflicts: [String]
        var keyShare: Double
        var missingWords: Int
        /// Another year where the claim's is expected: a conflict only if the claim's year is nowhere on the page.
        var yearConflicts: [(year: String, line: String)]
        var monthConflicts: [(month: String, line: String)] = []
    }

    /// `conflicts`: look for rival figures (not needed for the page-wide share of key terms).
    private func evaluate(_ terms: KeyTerms, _ window: [Sentence], idf: [String: Double], conflicts findConflicts: Bool = true) -> Evaluation {
        let stems = window.reduce(into: Set<String>()) { $0.formUnion($1.stems) }
        let prefixes = window.reduce(into: Set<String>()) { $0.formUnion($1.prefixes) }
        let lower = window.map(\.lower).joined(separator: " ")
        let numbers = window.flatMap(\.numbers)
        var total = 0.0, found = 0.0
        var missingWords = 0
        // A verb of movement is said by any verb of the same way ("dropped" by "fell"); one of the other way
        // ("rose" against "fell") counts as said once a figure shows the movement conflicts (below): the
        // statement is the same but for its direction, which the conflict names.
        let pageUp = !stems.isDisjoint(with: Self.upWords), pageDown = !stems.isDisjoint(with: Self.downWords)
        var oppositeWeight = 0.0
        for q in Self.once(terms.content) {
            // Rare words weigh more, but a word the page never uses does not outweigh the rest.
            let w = min(idf[q] ?? 1, 2.5)
            total += w
            if stems.contains(q) || KeyTerms.prefix(q).map(prefixes.contains) == true { found += w }
            else if Self.upWords.contains(q) ? pageUp : Self.downWords.contains(q) ? pageDown : false { found += w }
            else {
                missingWords += 1
                if Self.upWords.contains(q) ? pageDown : Self.downWords.contains(q) ? pageUp : false { oppositeWeight += w }
            }
        }
        var coverage = total > 0 ? found / total : 0
        var matched: [String] = [], missing: [String] = [], conflicts: [String] = []
        var yearConflicts: [(year: String, line: String)] = []
        // Figures: each of the claim's is found (same measure, within the precision either states), or it is
        // missing; a missing one is contradicted by a figure of the same measure, in an on-topic sentence,
        // that no other figure of the claim accounts for.
        let onTopic = !findConflicts ? [] : window.filter { sentence in
            let words = Self.once(terms.content)
            guard !words.isEmpty else { return false }
            var t = 0.0, f = 0.0
            for q in words {
                let w = min(idf[q] ?? 1, 2.5)
                t += w
                if sentence.stems.contains(q) || KeyTerms.prefix(q).map(sentence.prefixes.contains) == true { f += w }
            }
            return f / t >= Self.rivalSentenceCoverage
        }
        // The claim's months and years, for a baseline of the claim's own time (below).
        let times = terms.months.map(\.name) + terms.numbers.filter(\.isYear).map { String(Int($0.value)) }
        for number in terms.numbers {
            let agreeing = numbers.filter { !$0.isPublication && Self.sameNumber($0, number)
                && Self.baselineWords.contains($0.before ?? "") == Self.baselineWords.contains(number.before ?? "") }
            if let same = agreeing.first(where: { $0.value == number.value }) ?? agreeing.first {
                matched.append(number.text)
                // The same figure moving the other way: "rose 9 percent" against "fell 9 percent".
                if findConflicts, let a = Self.direction(number), let b = Self.direction(same), a.up != b.up {
                    conflicts.append("article: \(a.word) \(number.text) — source: \(b.word) \(same.text)")
                    if total > 0, oppositeWeight > 0 { coverage += oppositeWeight / total; oppositeWeight = 0 }
                }
                continue
            }
            missing.append(number.text)
            guard findConflicts else { continue }
            // The same figure as a baseline of the same time ("slowed to 2.6% in September from 3.1% in August"
            // against "was 3.1% in August"): the page gives the claim's figure for the claim's time, so the
            // figure beside it is not a rival. (A baseline of another time, "13.8% a year earlier" against "13.8%
            // in the first half of 2025", still is.)
            if !times.isEmpty, window.contains(where: { sentence in
                sentence.numbers.contains { !$0.isPublication && Self.sameNumber($0, number) && $0.value == number.value }
                    && times.allSatisfy { Self.containsWord(sentence.lower, $0) } }) { continue }
            // A year's role ("since", "in", "by") ties it to its rival anywhere in the passage; a quantity needs an on-topic sentence.
            let rivals = (number.isYear ? window : onTopic).flatMap(\.numbers).filter { other in
                !other.isPublication && Self.rival(number, other) && !terms.numbers.contains { Self.sameNumber($0, other) }
            }
            if let rival = rivals.first, rivals.count <= 2 {
                let line = "article: \(number.text) — source: \(rival.text)"
                if number.isYear { yearConflicts.append((number.text, line)) } else { conflicts.append(line) }
            } else if let points = Self.pointsForPercent(number, onTopic.flatMap(\.numbers)) {
                conflicts.append("article: \(number.text) — source: \(points.text)")
            }
        }
        var monthConflicts: [(month: String, line: String)] = []
        let windowMonths = window.flatMap(\.months).filter { !$0.isPublication }.map(\.name)
        var seenMonths = Set<String>()
        // In the claim's order (a Set's order changes from one process to the next, and the evidence with it).
        for month in terms.months.map(\.name) where seenMonths.insert(month).inserted {
            if windowMonths.contains(month) { matched.append(month); continue }
            missing.append(month)
            let others = Set(onTopic.flatMap(\.months).filter { !$0.isPublication && !terms.months.map(\.name).contains($0.name) }.map(\.name))
            if others.count == 1, let other = others.first { monthConflicts.append((month, "article: \(month) — source: \(other)")) }
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
                          keyShare: keyShare, missingWords: missingWords, yearConflicts: yearConflicts, monthConflicts: monthConflicts)
    }

    private func keyTexts(_ terms: KeyTerms) -> [String] {
        terms.numbers.map(\.text) + terms.names + terms.quotes.map { "“\($0.joined(separator: " "))”" }
    }

    /// Verbs that say which way a figure moved, by stem (as `KeyTerms.unitName` leaves them).
    static let upWords: Set<String> = ["rose", "rise", "increas", "increase", "grew", "grow", "gain", "gained", "climb", "climbed", "jump",
                                       "jumped", "soar", "soared", "surg", "surge", "surged", "doubl", "tripl", "rais", "raise", "boost", "expand"]
    static let downWords: Set<String> = ["fell", "fall", "drop", "dropp", "declin", "decline", "decreas", "decrease", "shrank", "shrink",
                                         "lost", "lose", "slid", "slide", "plung", "plunge", "tumbl", "tumble", "cut", "slump", "halv", "halve", "reduc", "reduce"]

    /// Verbs that say opposite things of the same subject, by stem: which way something moved, a decision,
    /// a contest, a verdict. Written for issue 17's conflict sets (the up/down lists above, then the pairs a
    /// fact-checker meets in council, court, election and policy stories).
    static let opposites: [(Set<String>, Set<String>)] = [
        (upWords, downWords),
        (["approv", "approve", "accept", "adopt", "endors", "endorse"], ["reject", "veto", "vetoe", "refus", "refuse", "overturn"]),
        (["won", "win"], ["lost", "lose"]),
        (["convict", "guilty"], ["acquitt", "acquit", "clear"]),
    ]

    /// The opposite verb in the one best sentence: "raised its rate to 3.75%" against "voted to cut the rate to 3.75%",
    /// "the council rejected the sale" against "approved the sale". Only when the claim uses one side of a pair,
    /// the sentence only the other, and the sentence says nearly all the rest of the claim (as for negation).
    static func opposition(_ terms: KeyTerms, _ statement: String, _ sentence: Sentence, idf: [String: Double]) -> String? {
        let words = Set(terms.content)
        for (a, b) in opposites {
            let claimA = words.intersection(a), claimB = words.intersection(b)
            let pageA = sentence.stems.intersection(a), pageB = sentence.stems.intersection(b)
            let (said, against): (Set<String>, Set<String>)
            if !claimA.isEmpty, claimB.isEmpty, pageA.isEmpty, !pageB.isEmpty { (said, against) = (claimA, pageB) }
            else if !claimB.isEmpty, claimA.isEmpty, pageB.isEmpty, !pageA.isEmpty { (said, against) = (claimB, pageA) }
            else { continue }
            var total = 0.0, found = 0.0
            for q in words.subtracting(said).sorted() {
                let w = min(idf[q] ?? 1, 2.5)
                total += w
                if sentence.stems.contains(q) || KeyTerms.prefix(q).map(sentence.prefixes.contains) == true { found += w }
            }
            guard total > 0, found / total >= oppositionCoverage, terms.negated == sentence.negated,
                  sentence.stems.count <= words.count * 2 + 2 else { continue }
            return "article: \(wordsOf(said, in: statement.lowercased())) — source: \(wordsOf(against, in: sentence.lower))"
        }
        return nil
    }

    /// The words of `text` that have one of these stems, as written ("raised" for "rais").
    static func wordsOf(_ stems: Set<String>, in text: String) -> String {
        let words = text.split { !$0.isLetter }.map(String.init)
        var seen = Set<String>()
        let shown = words.filter { (stems.contains(KeyTerms.stem($0)) || stems.contains($0)) && seen.insert($0).inserted }
        return (shown.isEmpty ? stems.sorted() : shown).joined(separator: ", ")
    }
    /// The rest of the claim the sentence must say for its opposite verb to be a conflict.
    static let oppositionCoverage = 0.85

    /// The direction word nearest before a figure, if any ("fell" in "fell 0.3 percentage points").
    static func direction(_ n: KeyTerms.Number) -> (word: String, up: Bool)? {
        guard !n.isYear else { return nil }
        if n.before == "up" { return ("up", true) }
        if n.before == "down" { return ("down", false) }
        for word in n.context.prefix(2) {
            if upWords.contains(word) { return (word, true) }
            if downWords.contains(word) { return (word, false) }
        }
        return nil
    }

    /// Units that are a measure by themselves: a figure in percent is never one in dollars.
    static let measureUnits: Set<String> = Set(["percent", "point", "dollar", "euro", "pound", "yen"]).union(physicalUnits)
    static let physicalUnits: Set<String> = ["kilometre", "mile", "hectare", "kilogram", "tonne"]
    /// Words before a page's figure that make it a baseline ("up from 14 percent"): it stands for the claim's figure
    /// only when the claim's is a baseline too.
    static let baselineWords: Set<String> = ["from"]

    /// The same figure: the same kind (year or quantity), a compatible measure, and values that agree within
    /// the precision stated ("1.2 million" for 1,213,000; "about 800" for 760; "more than 1,000" for 1,200).
    static func sameNumber(_ a: KeyTerms.Number, _ b: KeyTerms.Number) -> Bool {
        if a.isYear != b.isYear { return false }
        if a.isYear { return a.value == b.value }  // 2025 is not 2030, however close
        let ua = a.unit.flatMap { measureUnits.contains($0) ? $0 : nil }, ub = b.unit.flatMap { measureUnits.contains($0) ? $0 : nil }
        if let ua, let ub, ua != ub { return false }
        // A length, an area or a weight is a measure of its own: "40 kilometres" is no count of people.
        if (ua.map(physicalUnits.contains) ?? false) != (ub.map(physicalUnits.contains) ?? false) { return false }
        if !a.nouns.isEmpty, !b.nouns.isEmpty, Set(a.nouns).isDisjoint(with: b.nouns), ua == nil || ub == nil { return false }
        // A floor or ceiling agrees with anything on its side, so it must be a figure of the same thing:
        // "at least 43 people" is not "about 90,000 homes", and "fewer than 4,000" (steps) is no percentage.
        if a.bound == .atLeast || a.bound == .atMost || b.bound == .atLeast || b.bound == .atMost, (ua == nil) != (ub == nil) { return false }
        if a.bound == .atLeast || a.bound == .atMost || b.bound == .atLeast || b.bound == .atMost, ua == nil || ub == nil,
           Set(a.nouns).union(a.context).isDisjoint(with: Set(b.nouns).union(b.context)) { return false }
        return agree(a, b)
    }

    /// Values that agree given how each is stated.
    static func agree(_ a: KeyTerms.Number, _ b: KeyTerms.Number) -> Bool {
        let scale = max(abs(a.value), abs(b.value))
        if scale == 0 { return a.value == b.value }
        let coarse = max(a.precision, b.precision)
        // The less precise figure's rounding decides ("1.2 million" is 1,150,000 to 1,250,000); "about" adds a little.
        var tolerance = max(coarse / 2, scale * 0.005)
        if a.bound == .approximate || b.bound == .approximate { tolerance = max(tolerance, scale * 0.02) }
        let d = a.value - b.value
        if abs(d) <= tolerance * 1.0001 { return true }
        // A floor or a ceiling agrees with any figure on its side of it; two floors ("at least 26", "at least 62") must agree as figures.
        if a.bound == b.bound, a.bound == .atLeast || a.bound == .atMost { return false }
        // (The bound is the figure as written: "more than 1,000" is not met by 640, whatever its rounding.)
        let edge = scale * 0.005
        for (x, y) in [(a, b), (b, a)] {
            if x.bound == .atLeast && y.value >= x.value - edge { return true }
            if x.bound == .atMost && y.value <= x.value + edge { return true }
        }
        return false
    }

    /// Another figure of the same measure as `claim`'s, which does not agree with it.
    static func rival(_ claim: KeyTerms.Number, _ other: KeyTerms.Number) -> Bool {
        if claim.isYear || other.isYear {
            guard claim.isYear, other.isYear, claim.value != other.value, let before = claim.before else { return false }
            return other.before == before  // "since 1982" against "since 1992", "in 2029" against "in 2027"
        }
        if agree(claim, other), sameNumber(claim, other) { return false }
        let ua = claim.unit.flatMap { measureUnits.contains($0) ? $0 : nil }, ub = other.unit.flatMap { measureUnits.contains($0) ? $0 : nil }
        if ua != nil || ub != nil { return ua == ub }
        let nounsA = Set(claim.nouns), nounsB = Set(other.nouns)
        if !nounsA.isEmpty && !nounsB.isEmpty {
            return !nounsA.isDisjoint(with: nounsB) || !nounsA.isDisjoint(with: other.context) || !nounsB.isDisjoint(with: claim.context)
        }
        // One figure without its noun: what stands before them tells ("grew to about 221,000" — "grew to 212,400 residents").
        return !nounsA.union(claim.context).isDisjoint(with: nounsB.union(other.context))
    }

    /// "fell 0.3 percent" where the page says "fell 0.3 percentage points": a figure in percent that the page
    /// gives, with the same value, in points (or the reverse).
    static func pointsForPercent(_ claim: KeyTerms.Number, _ numbers: [KeyTerms.Number]) -> KeyTerms.Number? {
        guard claim.unit == "percent" || claim.unit == "point" else { return nil }
        return numbers.first { ($0.unit == "percent" || $0.unit == "point") && $0.unit != claim.unit && agree($0, claim) }
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
                let text = Tokenizer.string(s, range)
                let terms = KeyTerms(text, page: true)
                out.append(Sentence(text: text, stems: Set(terms.content), prefixes: Set(terms.content.compactMap(KeyTerms.prefix)),
                                    numbers: terms.numbers, lower: text.lowercased(), negated: terms.negated, months: terms.months))
            }
        }
        return out
    }
}
