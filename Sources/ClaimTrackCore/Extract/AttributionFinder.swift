/// Finds who a sentence attributes its content to: the cue, the source and its kind.
///
/// Patterns, tried in this order because earlier ones claim their tokens:
/// 1. prepositional cues with the source after them ("according to X",
///    "as reported by X", "citing X"), with lists ("reports from A, B and C")
///    and "including" lists ("multiple sources, including A and B");
/// 2. "it is believed/thought/said" (an anonymous source);
/// 3. reporting verbs: inverted after a comma or quote ("…, said X"), else the
///    source before the verb ("X said", "X has told", "a study published in X found").
struct AttributionFinder {
    let outlets: OutletDirectory

    struct Found {
        var source: Range<Int>   // token indexes
        var cue: Range<Int>      // token indexes
        var kind: AttributionKind
        var outlet: Outlet?
    }

    func find(_ t: [Token]) -> [Found] {
        var found: [Found] = []
        var used = Set<Int>()
        func claim(_ source: Range<Int>, _ cue: Range<Int>, forcedKind: AttributionKind? = nil) {
            guard !source.isEmpty, !source.contains(where: used.contains) else { return }
            let (kind, outlet) = classify(t, source)
            found.append(Found(source: source, cue: cue, kind: forcedKind ?? kind, outlet: outlet))
            used.formUnion(source)
            used.formUnion(cue)
        }

        // 1. Prepositional cues.
        var i = 0
        while i < t.count {
            guard let length = matchAny(t, i, Lexicon.prepositionalCues), !used.contains(i) else { i += 1; continue }
            let cue = i..<(i + length)
            var p = i + length
            var listMode = false
            if let lead = matchAny(t, p, Lexicon.reportsFrom) { p += lead; listMode = true }
            let sources = listMode ? forwardList(t, p) : forwardNP(t, p).map { [$0] } ?? []
            for source in sources { claim(source, cue) }
            if let last = sources.last { for extra in includingList(t, after: last.upperBound) { claim(extra, cue) } }
            i = max(i + length, sources.last?.upperBound ?? 0)
        }

        // 2. "it is believed (that|to)".
        for k in 0..<max(0, t.count - 2) where t[k].lower == "it" && ["is", "was"].contains(t[k + 1].lower)
            && ["believed", "thought", "said", "reported", "understood", "alleged", "rumored", "rumoured", "claimed"].contains(t[k + 2].lower)
            && !used.contains(k) && !(k > 0 && Lexicon.sourceStops.contains(t[k - 1].lower) && t[k - 1].lower != "but" && t[k - 1].lower != "and") {
            claim(k..<(k + 1), (k + 1)..<(k + 3), forcedKind: .anonymous)
        }

        // 3. Reporting verbs.
        for v in 0..<t.count where t[v].isWord && !t[v].isCapitalized && Lexicon.reportingVerbs.contains(t[v].lower) && !used.contains(v) {
            if v > 0, t[v - 1].lower == "to" { continue }  // "declined to say", "wants to tell"
            if v > 0, Lexicon.nounVerbs.contains(t[v].lower), Lexicon.nounPrecursors.contains(t[v - 1].lower) { continue } // "its annual report"
            if v + 1 < t.count, t[v + 1].lower == "by" { continue } // passive: "reported by" is handled above
            var cueStart = v
            if v > 0, Lexicon.auxiliaries.contains(t[v - 1].lower), !used.contains(v - 1) { cueStart = v - 1 }
            // A passive ("which is believed to", "was told") names no speaker; "it is believed" is handled above.
            if cueStart < v, Lexicon.passiveAuxiliaries.contains(t[cueStart].lower), t[v].lower.hasSuffix("ed") || t[v].lower == "told" || t[v].lower == "shown" { continue }
            if cueStart < v, Lexicon.modalAuxiliaries.contains(t[cueStart].lower), !Lexicon.sayTell.contains(t[v].lower) { continue }
            let cue = cueStart..<(v + 1)
            let isFinding = Lexicon.findingVerbs.contains(t[v].lower)
            let isWeak = Lexicon.weakVerbs.contains(t[v].lower)
            var source: Range<Int>?
            // Inverted: ", said the minister" / "” said Smith".
            if cueStart > 0, isQuoteOrComma(t[cueStart - 1]), !isFinding, let fwd = forwardNP(t, v + 1), isPlausibleInverted(t, fwd) {
                source = fwd
            }
            // ", saying …" / ", adding …": the speaker is the sentence's subject.
            if source == nil, t[v].lower.hasSuffix("ing"), cueStart > 0, t[cueStart - 1].text == ",", let subject = forwardNP(t, 0),
               t[0].isCapitalized, subject.upperBound < cueStart {
                let (kind, _) = classify(t, subject)
                if kind != .vague { source = subject }
            }
            if source == nil {
                var h = cueStart - 1
                while h >= 0, Lexicon.interveningAdverbs.contains(t[h].lower) { h -= 1 }
                if h >= 0, t[h].text == ",", let appositive = appositiveName(t, commaAt: h) {
                    source = appositive  // "Its director, Ana Silva, told": the name
                } else {
                    if h >= 0, t[h].text == ",", let skipped = skipClause(t, commaAt: h) { h = skipped }
                    if h >= 0 { source = backwardNP(t, h) }
                }
            }
            guard let src = source else { continue }
            let (kind, _) = classify(t, src)
            let head = t[src.upperBound - 1].lower
            // "The study found", "data show": a finding verb needs a document (or an outlet) as its subject.
            if isFinding && !(Lexicon.documentHeads.contains(headWord(t, src)) || kind == .outlet) { continue }
            if isWeak && kind == .document && !isFinding { continue }
            if isWeak && !isFinding && !isSpeaker(t, src, kind: kind) { continue }
            claim(src, cue)
            for extra in includingList(t, after: src.upperBound) { claim(extra, cue) }
        }
        return found.sorted { $0.source.lowerBound < $1.source.lowerBound }
    }

    // MARK: Phrase finding

    private func matchAny(_ t: [Token], _ i: Int, _ patterns: [[String]]) -> Int? {
        for words in patterns where i + words.count <= t.count {
            if words.indices.allSatisfy({ t[i + $0].lower == words[$0] }) { return words.count }
        }
        return nil
    }

    private func isQuoteOrComma(_ token: Token) -> Bool {
        [",", "\"", "”", "’", "'", "—", "–"].contains(token.text)
    }

    /// An inverted source closes its clause: ", said the minister." but not ", said the deal was …".
    private func isPlausibleInverted(_ t: [Token], _ r: Range<Int>) -> Bool {
        let first = t[r.lowerBound]
        guard first.isCapitalized || Lexicon.personalPronouns.contains(first.lower) || Lexicon.determiners.contains(first.lower) else { return false }
        guard r.upperBound < t.count else { return true }
        let next = t[r.upperBound]
        return !next.isWord || ["in", "on", "at", "after", "before", "during", "when", "while", "adding", "noting", "citing"].contains(next.lower)
    }

    /// ", Ana Silva," between commas after a description: the name is the source.
    private func appositiveName(_ t: [Token], commaAt h: Int) -> Range<Int>? {
        var j = h - 1
        while j >= 0, t[j].isWord && t[j].isCapitalized || isTitleDot(t, j) { j -= 1 }
        guard j >= 0, j < h - 1, t[j].text == ",", j > 0, t[j - 1].isWord else { return nil }
        let name = (j + 1)..<h
        guard name.count <= 5, !name.contains(where: { Lexicon.commonSentenceStarts.contains(t[$0].lower) }) else { return nil }
        return name
    }

    /// Skips back over ", who …," or ", a spokesman for X," to the word before the opening comma.
    private func skipClause(_ t: [Token], commaAt h: Int) -> Int? {
        var j = h - 1
        var steps = 0
        while j >= 0, steps < 25 {
            if t[j].text == "," { return j - 1 >= 0 ? j - 1 : nil }
            if [".", "\"", "“", "”", ";", ":"].contains(t[j].text) { return nil }
            j -= 1
            steps += 1
        }
        return nil
    }

    private func isTitleDot(_ t: [Token], _ dot: Int) -> Bool {
        dot > 0 && t[dot].text == "." && Lexicon.titles.contains(t[dot - 1].lower) && t[dot - 1].isCapitalized
    }

    /// Lowercase words that can stand at the head of a description.
    private func isNounLike(_ token: Token) -> Bool {
        guard token.isWord, !Lexicon.sourceStops.contains(token.lower), !Lexicon.timeWords.contains(token.lower) else { return false }
        if token.isCapitalized { return true }
        if token.hasDigit { return false }
        return !token.lower.hasSuffix("ly") && !token.lower.hasSuffix("ing") && !token.lower.hasSuffix("ed")
    }

    /// The noun phrase that ends at token `h`, walking left.
    func backwardNP(_ t: [Token], _ h: Int) -> Range<Int>? {
        guard h >= 0, h < t.count else { return nil }
        let head = t[h]
        if head.text == ")" { return nil }
        if Lexicon.personalPronouns.contains(head.lower) { return h..<(h + 1) }
        guard isNounLike(head) else { return nil }
        var a = h
        var j = h - 1
        var determined = false
        while j >= 0, h - j < 9 {
            let tok = t[j]
            if isTitleDot(t, j) { a = j - 1; j -= 2; continue }
            if tok.text == "’" || tok.text == "'" { break }
            if !tok.isWord { break }
            if Lexicon.determiners.contains(tok.lower) { a = j; determined = true; break }
            if Lexicon.sourceStops.contains(tok.lower) || Lexicon.timeWords.contains(tok.lower) || tok.hasDigit { break }
            if Lexicon.reportingVerbs.contains(tok.lower) { break }
            if !tok.isCapitalized && (tok.lower.hasSuffix("ly") || tok.lower.hasSuffix("ing")) { break }
            a = j
            j -= 1
        }
        // "a spokesman for the ministry", "a study published in Nature": extend over one linker.
        if a >= 2, Lexicon.sourceLinkers.contains(t[a - 1].lower) || t[a - 1].lower == "by" {
            var left = a - 2
            if Lexicon.postnominalLinks.contains(t[left].lower), left >= 1 { left -= 1 }
            if let previous = backwardNP(t, left), !Lexicon.personalPronouns.contains(t[previous.lowerBound].lower),
               isRoleOrDocument(t, previous) {
                return previous.lowerBound..<(h + 1)
            }
        }
        let range = a..<(h + 1)
        // A lowercase description needs a determiner or a head that names a source.
        if !range.contains(where: { t[$0].isCapitalized }) && !determined {
            let h = head.lower
            guard Lexicon.anonymousHeads.contains(h) || Lexicon.vagueHeads.contains(h) || Lexicon.documentHeads.contains(h)
                    || range.contains(where: { Lexicon.vagueQuantifiers.contains(t[$0].lower) }) else { return nil }
        }
        return range
    }

    /// A source that can speak: a pronoun, a named person, or a head such as "officials", "analysts", "spokesman".
    private func isSpeaker(_ t: [Token], _ r: Range<Int>, kind: AttributionKind) -> Bool {
        let head = headWord(t, r)
        if Lexicon.personalPronouns.contains(head) { return head != "it" && head != "which" }
        if kind == .person || kind == .outlet { return true }
        return Lexicon.anonymousHeads.contains(head) || Lexicon.vagueHeads.contains(head) || Self.roleNouns.contains(head)
    }

    /// The head noun: the last word before a linker ("people familiar with the matter" → people), else the last word.
    func headWord(_ t: [Token], _ r: Range<Int>) -> String {
        let words = r.map { t[$0] }.filter(\.isWord)
        if let first = words.first, !first.isCapitalized || Lexicon.determiners.contains(first.lower) || words.count > 1 {
            for k in 1..<max(1, words.count) where Lexicon.sourceLinkers.contains(words[k].lower) || Lexicon.postnominalLinks.contains(words[k].lower) {
                if !words[k - 1].isCapitalized || Lexicon.determiners.contains(words[k - 1].lower) || k == 1 {
                    return words[k - 1].lower
                }
                break
            }
        }
        return words.last?.lower ?? ""
    }

    /// Descriptions that take an organisation or outlet after a preposition.
    private func isRoleOrDocument(_ t: [Token], _ r: Range<Int>) -> Bool {
        let head = t[r.upperBound - 1].lower
        if Lexicon.documentHeads.contains(head) || Lexicon.anonymousHeads.contains(head) || Lexicon.vagueHeads.contains(head) { return true }
        return Self.roleNouns.contains(head)
    }

    static let roleNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "director", "chief", "head",
        "president", "secretary", "minister", "chairman", "chairwoman", "member", "members", "leader", "leaders",
        "professor", "researcher", "analyst", "economist", "editor", "correspondent", "reporter", "lawyer", "attorney",
        "founder", "ceo", "manager", "executive", "officer", "commander", "ambassador", "senator", "governor", "mayor",
        "candidate", "nominee", "strategist", "pollster", "adviser", "advisor", "aide", "official", "officials", "fellow",
        "scholar", "expert", "experts", "team", "group", "panel", "authors", "author", "staff", "board",
    ]

    /// The noun phrase that starts at token `p`, walking right.
    func forwardNP(_ t: [Token], _ p: Int) -> Range<Int>? {
        guard p < t.count, t[p].isWord else { return nil }
        let first = t[p]
        if ["he", "she", "they", "it", "we", "i", "you"].contains(first.lower) { return p..<(p + 1) }
        var j = p
        var last = -1
        if Lexicon.determiners.contains(first.lower) { j += 1 }
        while j < t.count, j - p < 12 {
            let tok = t[j]
            if tok.text == ".", j > 0, Lexicon.titles.contains(t[j - 1].lower), j + 1 < t.count, t[j + 1].isCapitalized { j += 1; continue }
            if (tok.text == "’" || tok.text == "'") && j + 1 < t.count && t[j + 1].lower == "s" { j += 2; last = j - 1; continue }
            if tok.text == "&" || tok.text == "-" { j += 1; continue }
            if !tok.isWord { break }
            if Lexicon.sourceLinkers.contains(tok.lower) {
                // "Ministry of Defence", "a spokesman for the ministry": continue only into a name or a description.
                guard last >= 0, j + 1 < t.count else { break }
                let next = t[j + 1]
                let intoName = next.isCapitalized
                    || (Lexicon.determiners.contains(next.lower) && j + 2 < t.count && (t[j + 2].isCapitalized || isNounLike(t[j + 2])))
                if !intoName || Lexicon.timeWords.contains(next.lower) { break }
                if (tok.lower == "on" || tok.lower == "in") && !next.isCapitalized { break }
                j += 1
                continue
            }
            if Lexicon.determiners.contains(tok.lower), last >= 0, Lexicon.sourceLinkers.contains(t[j - 1].lower) { j += 1; continue }
            if Lexicon.sourceStops.contains(tok.lower) || Lexicon.timeWords.contains(tok.lower) { break }
            if Lexicon.reportingVerbs.contains(tok.lower),
               !(Lexicon.nounVerbs.contains(tok.lower) && j > p && (Lexicon.nounPrecursors.contains(t[j - 1].lower) || t[j - 1].lower.hasSuffix("'s") || t[j - 1].lower.hasSuffix("’s"))) { break }
            if !tok.isCapitalized && (tok.lower.hasSuffix("ly") || tok.lower.hasSuffix("ing") || tok.lower.hasSuffix("ed")) { break }
            if tok.hasDigit && !tok.isCapitalized { break }
            last = j
            j += 1
        }
        guard last >= p else { return nil }
        // Do not end on a linker or determiner.
        var end = last
        while end > p, Lexicon.sourceLinkers.contains(t[end].lower) || Lexicon.determiners.contains(t[end].lower) { end -= 1 }
        return p..<(end + 1)
    }

    /// "A, B, and C" after "reports from": names separated by commas and "and"/"or".
    private func forwardList(_ t: [Token], _ p: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var j = p
        while j < t.count, let np = forwardNP(t, j) {
            out.append(np)
            j = np.upperBound
            if j < t.count, t[j].text == "," { j += 1 }
            if j < t.count, t[j].lower == "and" || t[j].lower == "or" { j += 1 }
            guard j < t.count, t[j].isCapitalized || Lexicon.determiners.contains(t[j].lower), t[j].lower != "among" else { break }
            if j > 0, t[j - 1].text == ",", j + 1 < t.count, !(t[j].isCapitalized || t[j].lower == "the") { break }
        }
        return out
    }

    /// ", including A and B" after a source.
    private func includingList(_ t: [Token], after end: Int) -> [Range<Int>] {
        var j = end
        if j < t.count, t[j].text == "," { j += 1 }
        guard j + 1 < t.count else { return [] }
        if t[j].lower == "among", t[j + 1].lower == "them" { j += 1 } else if t[j].lower != "including" { return [] }
        var out: [Range<Int>] = []
        j += 1
        while j < t.count, let np = forwardNP(t, j) {
            out.append(np)
            j = np.upperBound
            if j < t.count, t[j].text == "," { j += 1 }
            if j < t.count, t[j].lower == "and" || t[j].lower == "or" { j += 1; continue }
            if j < t.count, t[j - 1].text == ",", t[j].isCapitalized { continue }
            break
        }
        return out
    }

    // MARK: Kinds

    func classify(_ t: [Token], _ r: Range<Int>) -> (AttributionKind, Outlet?) {
        let words = r.map { t[$0] }.filter(\.isWord)
        guard let headToken = words.last else { return (.anonymous, nil) }
        let head = headToken.lower
        if words.count == 1, Lexicon.personalPronouns.contains(head) {
            switch head {
            case "it", "which": return (.organization, nil)
            case "they", "we": return (.vague, nil)
            default: return (.person, nil)
            }
        }
        let text = phraseText(t, r)
        let lower = words.map(\.lower)
        _ = head
        // Capitalised words followed by a lowercase one are adjectives ("Western intelligence agencies").
        var proper = false
        for (k, w) in words.enumerated() where w.isCapitalized && !Self.commonWords.contains(w.lower) {
            let next = k + 1 < words.count ? words[k + 1] : nil
            if next == nil || next!.isCapitalized || Lexicon.sourceLinkers.contains(next!.lower) { proper = true }
        }
        let mainHead = headWord(t, r)
        if let outlet = outlets.find(in: text) {
            return (Lexicon.documentHeads.contains(mainHead) ? .document : .outlet, outlet)
        }
        if proper, words.contains(where: { $0.isCapitalized && Lexicon.outletNameWords.contains($0.lower) }) {
            return (Lexicon.documentHeads.contains(mainHead) ? .document : .outlet, nil)
        }
        if lower.contains(where: Lexicon.vagueQuantifiers.contains) && !proper { return (.vague, nil) }
        if Lexicon.documentHeads.contains(mainHead) { return (.document, nil) }
        if Lexicon.anonymousHeads.contains(mainHead) && !proper { return (.anonymous, nil) }
        if Lexicon.vagueHeads.contains(mainHead) && !proper { return (.vague, nil) }
        if lower.contains(where: Lexicon.organizationMarkers.contains) || words.contains(where: \.isAcronym) {
            return (.organization, nil)
        }
        if proper { return (.person, nil) }
        // Unnamed descriptions: "the minister" is one person, "a spokesman" an anonymous one,
        // "the airline" an organisation, "residents" a crowd.
        let definite = lower.first == "the" || ["his", "her", "their", "its"].contains(lower.first ?? "")
        if Self.roleNouns.contains(mainHead) { return (definite ? .person : .anonymous, nil) }
        if mainHead.hasSuffix("s") && !definite { return (.vague, nil) }
        return (definite ? .organization : .anonymous, nil)
    }

    /// Words that are capitalised only at the start of a sentence, never as names.
    static let commonWords: Set<String> = Lexicon.determiners.union(Lexicon.vagueHeads).union(Lexicon.anonymousHeads)
        .union(Lexicon.vagueQuantifiers).union(Lexicon.documentHeads).union(Lexicon.commonSentenceStarts)

    func phraseText(_ t: [Token], _ r: Range<Int>) -> String {
        var out = ""
        var previousEnd = -1
        for k in r {
            if previousEnd >= 0, t[k].start > previousEnd { out += " " }
            out += t[k].text
            previousEnd = t[k].end
        }
        return out
    }
}
