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
    /// Set while reading the first part of "A and B", so coordination does not recurse.
    var coordinating = false

    /// How far, in tokens, each phrase scan looks before it gives up (values unchanged from where they
    /// were inline). They bound the work per cue and keep a scan inside one source phrase. The appositive,
    /// description-tail and skipped-clause bounds came with the appositive rules, the relative-clause one
    /// with the parenthetical and participial rules (both tuned on the PolNeAR dev split: source F1 0.47 →
    /// 0.58, then 0.61); the noun-phrase bound is the first version's and was never tuned.
    enum Window {
        /// ", an attorney with the Campaign Legal Center." to the end of the sentence.
        static let appositiveTail = 30
        /// "NAME, DESCRIPTION, said" read right to left from the comma before the cue …
        static let appositive = 45
        /// … in at most this many comma-separated segments.
        static let appositiveSegments = 4
        /// "NOUN who … said" without commas.
        static let relativeClause = 15
        /// ", citing people familiar with the matter," skipped back to its opening comma.
        static let skippedClause = 25
        /// A noun phrase read left to right.
        static let nounPhrase = 12
    }

    struct Found {
        var source: Range<Int>   // token indexes
        var cue: Range<Int>      // token indexes
        var kind: AttributionKind
        var outlet: Outlet?
        /// The name inside a longer source ("Ana Silva" in "Its director, Ana Silva,").
        var name: Range<Int>?
        /// A stance ("criticized", "wants") rather than a report.
        var stance = false
    }

    func find(_ t: [Token]) -> [Found] {
        var found: [Found] = []
        var used = Set<Int>()
        func claim(_ source: Range<Int>, _ cue: Range<Int>, forcedKind: AttributionKind? = nil, name: Range<Int>? = nil, stance: Bool = false) {
            // A source may serve several cues ("Ortiz endorsed the bond, saying …") but never overlap another source.
            let sameSource = found.contains { $0.source == source }
            // A cue may serve several sources only as a list ("reports from A, B and C").
            let sameCue = found.contains { $0.cue == cue }
            guard !source.isEmpty, sameSource || !source.contains(where: used.contains), sameCue || !cue.contains(where: used.contains) else { return }
            let (kind, outlet) = classify(t, name ?? source)
            found.append(Found(source: source, cue: cue, kind: forcedKind ?? kind, outlet: outlet, name: name, stance: stance))
            used.formUnion(source)
            used.formUnion(cue)
        }

        // 1. Prepositional cues.
        var i = 0
        while i < t.count {
            guard let length = matchAny(t, i, Lexicon.prepositionalCues), !used.contains(i) else { i += 1; continue }
            let cue = i..<(i + length)
            var p = i + length
            // "per" is a preposition ("$5 per gallon") unless a name or a document follows ("per Reuters", "per the report").
            if t[i].lower == "per", !(p < t.count && t[p].isCapitalized)
                && !(p + 1 < t.count && Lexicon.determiners.contains(t[p].lower) && Lexicon.documentHeads.contains(t[p + 1].lower)) {
                i += 1
                continue
            }
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

        // 3. "Marco Rubio: I'm not interested" — a name and a colon open a headline or a transcript turn.
        // A transcript quoted paragraph by paragraph opens each turn with a quotation mark ("WALLACE: …).
        let lead = t.prefix(while: { $0.text == "\"" || $0.text == "“" || $0.text == "''" }).count
        if let colon = t.prefix(lead + 8).firstIndex(where: { $0.text == ":" }), colon > lead, !t[colon].quoted || lead > 0,
           colon - lead <= 5, (lead..<colon).allSatisfy({ t[$0].isWord && (t[$0].isCapitalized || t[$0].isAcronym) || isTitleDot(t, $0) }),
           !(lead..<colon).contains(where: { Lexicon.sourceStops.contains(t[$0].lower) || Lexicon.determiners.contains(t[$0].lower) }),
           !(lead..<colon).contains(where: { Lexicon.colonLabels.contains(t[$0].lower) }),
           !(colon + 1 < t.count && t[colon + 1].hasDigit),  // "Hillary Clinton: 1,769." is a tally, not a turn
           // Inside a quotation only a transcript's capitals open a turn ("WALLACE: …); "“South Dakota: if we
           // were any higher …”" is the speaker's own words.
           lead == 0 || (lead..<colon).allSatisfy({ !t[$0].isWord || t[$0].text == t[$0].text.uppercased() }) {
            claim(lead..<colon, colon..<(colon + 1))
        }

        // 3b. "“He represents our greatest shame.” ― Sonya Herridge": a dash after a quotation (or opening
        // the line that follows one) and a name to the end of the sentence sign the quotation.
        for d in t.indices where Lexicon.signatureDashes.contains(t[d].text) && (d == 0 || t[d - 1].isClosingQuote) {
            let name = (d + 1)..<t.count
            let words = name.filter { t[$0].isWord }
            guard !words.isEmpty, words.count <= 5, words.allSatisfy({ t[$0].isCapitalized || Lexicon.sourceLinkers.contains(t[$0].lower) }),
                  let last = name.last(where: { t[$0].isWord }) else { continue }
            claim((d + 1)..<(last + 1), d..<(d + 1))
        }

        // 4. Reporting verbs.
        for v in 0..<t.count where t[v].isWord && !t[v].isCapitalized && !used.contains(v)
            && (Lexicon.reportingVerbs.contains(t[v].lower) || Lexicon.stanceVerbs.contains(t[v].lower) || isThatVerb(t, v)) {
            let isStance = !Lexicon.reportingVerbs.contains(t[v].lower)
            if t[v].quoted { continue }  // speech reported inside a quotation is not the article's attribution
            if v > 0, t[v - 1].lower == "to" || t[v - 1].lower == "having" { continue }  // "declined to say", "having said that"
            if v > 0, Lexicon.nounVerbs.contains(t[v].lower), Lexicon.nounPrecursors.contains(t[v - 1].lower) { continue } // "its annual report"
            if v + 1 < t.count, t[v + 1].lower == "by" { continue } // passive: "reported by" is handled above
            // "also said", "has repeatedly said", "publicly denied": adverbs right before the verb, and an
            // auxiliary before them, belong to the cue (PolNeAR train: "also" opens 321 cues, precedes 25).
            var cueStart = v
            while cueStart > 0, !used.contains(cueStart - 1), isCueAdverb(t[cueStart - 1]) { cueStart -= 1 }
            if cueStart > 0, Lexicon.auxiliaries.contains(t[cueStart - 1].lower), !used.contains(cueStart - 1), !isNameTimeWord(t, cueStart - 1) { cueStart -= 1 }
            // A passive ("which is believed to", "was told") names no speaker; "it is believed" is handled above.
            if cueStart < v, Lexicon.passiveAuxiliaries.contains(t[cueStart].lower), t[v].lower.hasSuffix("ed") || t[v].lower == "told" || t[v].lower == "shown" { continue }
            if cueStart < v, Lexicon.modalAuxiliaries.contains(t[cueStart].lower), !Lexicon.sayTell.contains(t[v].lower) { continue }
            let cue = cueStart..<(v + 1)
            let isFinding = Lexicon.findingVerbs.contains(t[v].lower)
            let isWeak = Lexicon.weakVerbs.contains(t[v].lower)
            let isParticiple = t[v].lower.hasSuffix("ing") && cueStart == v
            var source: Range<Int>?
            var name: Range<Int>?
            let afterComma = cueStart > 0 && isQuoteOrComma(t[cueStart - 1])
            if isParticiple {
                // ", saying …" belongs to the sentence's subject; "a response saying …" reports nothing.
                guard cueStart > 0, t[cueStart - 1].text == ",", v + 1 < t.count, t[v + 1].lower != "to",
                      let subject = sentenceSubject(t, before: cueStart) else { continue }
                source = subject
            } else if afterComma, !isFinding, !isStance, !Lexicon.objectVerbs.contains(t[v].lower), let fwd = forwardNP(t, v + 1), isPlausibleInverted(t, fwd),
                      !(t[cueStart - 1].text == "," && appositive(t, commaAt: cueStart - 1) != nil) || closesWithName(t, fwd) {
                // ("The mayor, who …, said the contract stands": the subject and its clause come first.)
                source = fwd  // inverted: ", said the minister"
                // ", said Larry Noble, an attorney with the Campaign Legal Center."
                if fwd.upperBound + 1 < t.count, t[fwd.upperBound].text == ",", let tail = appositiveTail(t, from: fwd.upperBound + 1) {
                    name = fwd
                    source = fwd.lowerBound..<tail
                }
            }
            if source == nil {
                var h = cueStart - 1
                h = skipAdverbials(t, from: h)
                // "Sullivan put off deciding … but said …"; after a comma only "say" and "tell": "The group
                // raised alarm at the deal, and said that …".
                if h >= 1, ["and", "but"].contains(t[h].lower), t[h - 1].text != "," || Lexicon.sayTell.contains(t[v].lower),
                   let subject = sentenceSubject(t, before: h) {
                    source = subject
                }
            }
            if source == nil {
                var h = cueStart - 1
                h = skipAdverbials(t, from: h)
                if h >= 0, t[h].text == ",", let (np, appositiveName) = appositive(t, commaAt: h) {
                    source = np  // "Ana Silva, the port's director, said" / "Its director, Ana Silva, told"
                    name = appositiveName
                } else if h >= 0, let relative = relativeClauseSource(t, endingAt: h) {
                    source = relative  // "Executives who have worked with Lachlan Murdoch said"
                } else {
                    // "Bloomberg, citing people familiar with the matter, said": the phrase before the clause.
                    if h >= 0, t[h].text == ",", let skipped = skipClause(t, commaAt: h) { h = skipped }
                    if h >= 0 { source = backwardNP(t, h) }
                }
            }
            guard let src = source else { continue }
            let (kind, _) = classify(t, name ?? src)
            // "The study found", "data show": a finding verb needs a document (or an outlet) as its subject.
            if isFinding && !(Lexicon.documentHeads.contains(headWord(t, src)) || kind == .outlet) { continue }
            if isWeak && kind == .document && !isFinding { continue }
            // A weak verb reports when a clause or quote follows it ("it added that …") or it closes the
            // sentence after its source (", the central bank added."); otherwise it needs a speaker.
            let next = v + 1 < t.count ? t[v + 1].text.lowercased() : "."
            let reportsSpeech = ["that", ":", "“", "\"", "''", ",", "."].contains(next)
            if isWeak && !isFinding && !reportsSpeech && !isSpeaker(t, name ?? src, kind: kind) { continue }
            if isStance && !(isSpeaker(t, name ?? src, kind: kind) || kind == .organization) { continue }
            // "I think", "we believe": the writer's own stance, not an attribution.
            if (isStance || isWeak), src.count == 1, ["i", "we", "you"].contains(t[src.lowerBound].lower) { continue }
            claim(src, cue, name: name, stance: isStance)
            for extra in includingList(t, after: src.upperBound) { claim(extra, cue) }
        }
        // "Clinton says she wants …": a stance inside what another cue reports belongs to the reported words,
        // not to the article; so does a weak verb ("he believes") after a reporting verb of the same sentence.
        let reports = found.filter { !$0.stance && !Lexicon.weakVerbs.contains(t[$0.cue.upperBound - 1].lower) }
        found.removeAll { f in
            let verb = t[f.cue.upperBound - 1].lower
            let nested = f.stance || Lexicon.weakVerbs.contains(verb)
            return nested && f.source.count == 1 && Lexicon.personalPronouns.contains(t[f.source.lowerBound].lower)
                && reports.contains { $0.cue.upperBound <= f.source.lowerBound && $0.cue != f.cue }
        }
        return found.sorted { $0.source.lowerBound < $1.source.lowerBound }
    }

    // MARK: Phrase finding

    /// A verb that takes a "that" clause ("Democrats fear that …", "she insisted that …"): most such verbs
    /// state what someone says, thinks or wants. Past or present tense, right before "that".
    private func isThatVerb(_ t: [Token], _ v: Int) -> Bool {
        guard v + 1 < t.count, t[v + 1].lower == "that", v > 0 else { return false }
        let w = t[v].lower
        guard w.hasSuffix("ed") || w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3,
              !Lexicon.sourceStops.contains(w), !Lexicon.documentHeads.contains(w), !Lexicon.nonThatVerbs.contains(w) else { return false }
        // The word before must end a noun phrase (a name, a pronoun, a noun), not a determiner or preposition.
        let before = t[v - 1]
        return before.isWord && !Lexicon.determiners.contains(before.lower) && !Lexicon.sourceLinkers.contains(before.lower)
    }

    private func matchAny(_ t: [Token], _ i: Int, _ patterns: [[String]]) -> Int? {
        for words in patterns where i + words.count <= t.count {
            if words.indices.allSatisfy({ t[i + $0].lower == words[$0] }) { return words.count }
        }
        return nil
    }

    private func isQuoteOrComma(_ token: Token) -> Bool {
        token.isQuoteMark || [",", "’", "'", "—", "–"].contains(token.text)
    }

    /// A description opens with a noun phrase or "who" ("chair of …", "a retired …", "39", "who …"),
    /// not with a participle or a function word (", citing …,", ", speaking on condition …,").
    private func describes(_ opens: Token) -> Bool {
        opens.lower == "who" || opens.hasDigit || opens.isCapitalized || Lexicon.determiners.contains(opens.lower)
            || (opens.isWord && !Lexicon.sourceStops.contains(opens.lower) && !opens.lower.hasSuffix("ing") && !opens.lower.hasSuffix("ed")
                && !Lexicon.reportingVerbs.contains(opens.lower) && !Lexicon.stanceVerbs.contains(opens.lower))
            || opens.lower == "then" || opens.lower == "now"
    }

    /// The end of a description that runs to the end of the sentence (", an attorney with the Campaign Legal Center.").
    private func appositiveTail(_ t: [Token], from start: Int) -> Int? {
        guard start < t.count else { return nil }
        guard describes(t[start]) else { return nil }
        var end = start
        while end < t.count, end - start < Window.appositiveTail {
            let tok = t[end]
            if isBoundary(t, end) || tok.text == "—" || tok.text == "–" { break }
            if tok.quoted { break }
            end += 1
        }
        while end > start, t[end - 1].text == "," { end -= 1 }
        return end > start ? end : nil
    }

    /// A name that closes the sentence after an inverted cue, alone or with its description: "…, said
    /// Juan Perez, senior trader at Tempus Inc." is Juan Perez even when commas stand before the cue.
    private func closesWithName(_ t: [Token], _ r: Range<Int>) -> Bool {
        guard isCapitalizedName(t, r) else { return false }
        var end = r.upperBound
        if end + 1 < t.count, t[end].text == ",", let tail = appositiveTail(t, from: end + 1) { end = tail }
        return end == t.count || end + 1 == t.count && t[end].text == "."
    }

    /// An inverted source closes its clause: ", said the minister." but not ", said the deal was …".
    private func isPlausibleInverted(_ t: [Token], _ r: Range<Int>) -> Bool {
        let first = t[r.lowerBound]
        let named = r.contains { t[$0].isCapitalized }
        // A bare plural names a crowd too: "…, say oceanographers, and …".
        let plural = first.isWord && (Self.isAgentPlural(first.lower) || Lexicon.vagueHeads.contains(first.lower))
        guard first.isCapitalized || Lexicon.personalPronouns.contains(first.lower) || Lexicon.determiners.contains(first.lower) || named || plural
        else { return false }
        guard r.upperBound < t.count else { return true }
        let next = t[r.upperBound]
        return !next.isWord || ["in", "on", "at", "after", "before", "during", "when", "while", "adding", "noting", "citing", "who", "of"].contains(next.lower)
    }

    /// "NAME, DESCRIPTION, said", "DESCRIPTION, NAME, said", "NAME, 39, a visitor from Nice, told" (also
    /// ", who …,"): the whole phrase is the source, as news annotation has it, and the name in it is returned too.
    /// Segments between commas are taken right to left while they describe; the leftmost must be a noun phrase.
    private func appositive(_ t: [Token], commaAt h: Int) -> (Range<Int>, Range<Int>?)? {
        var segments: [Range<Int>] = []
        var end = h
        var j = h - 1
        while j >= 0, h - j <= Window.appositive, segments.count < Window.appositiveSegments {
            if isBoundary(t, j) || t[j].text == "—" || t[j].text == "–" { break }
            if t[j].text == "," {
                guard j + 1 < end else { return nil }
                segments.append((j + 1)..<end)
                end = j
            }
            j -= 1
        }
        let sentenceStart = j + 1
        guard !segments.isEmpty, end > sentenceStart else { return nil }
        // The leftmost part: a noun phrase that ends right before the first comma.
        guard let head = backwardNP(t, end - 1) else { return nil }
        if head.lowerBound > sentenceStart {
            // Only an introductory phrase may stand before it ("In a statement, Ana Silva, the director, said").
            guard t[head.lowerBound - 1].text == "," || Lexicon.introWords.contains(t[sentenceStart].lower) || ["and", "but"].contains(t[head.lowerBound - 1].lower) else { return nil }
        }
        func reports(_ k: Int) -> Bool {
            Lexicon.reportingVerbs.contains(t[k].lower) && !t[k].isCapitalized && t[k].lower != "reporter"
        }
        // ", who believes that …,": a relative clause with a cue of its own is its own attribution, and the
        // source ends before it (PolNeAR train: never inside a source, 157 times right after one).
        var sourceEnd = h
        if let clause = segments.last(where: { ["who", "which", "whose"].contains(t[$0.lowerBound].lower)
            && $0.contains { k in reports(k) || Lexicon.stanceVerbs.contains(t[k].lower) || isThatVerb(t, k) } }) {
            sourceEnd = clause.lowerBound - 1
            segments.removeAll { $0.lowerBound >= clause.lowerBound }
        }
        for segment in segments {
            guard describes(t[segment.lowerBound]), !segment.contains(where: reports) else { return nil }
        }
        let name = isCapitalizedName(t, head) ? head : segments.first { isCapitalizedName(t, $0) }
        return (head.lowerBound..<sourceEnd, name)
    }

    /// "NOUN who … said" with no commas: the noun phrase and its relative clause.
    private func relativeClauseSource(_ t: [Token], endingAt h: Int) -> Range<Int>? {
        guard t[h].lower != "who" else { return nil }
        var j = h
        while j >= 1, h - j < Window.relativeClause {
            let tok = t[j]
            if isBoundary(t, j) || tok.text == "," || tok.quoted { return nil }
            if tok.lower == "who" {
                guard let head = backwardNP(t, j - 1), !Lexicon.personalPronouns.contains(t[head.lowerBound].lower), head.upperBound == j else { return nil }
                if head.lowerBound > 0, !isBoundary(t, head.lowerBound - 1), !Lexicon.introWords.contains(t[head.lowerBound - 1].lower),
                   ![",", "and", "but"].contains(t[head.lowerBound - 1].lower) {
                    return nil  // the noun phrase must open the clause
                }
                return head.lowerBound..<(h + 1)
            }
            j -= 1
        }
        return nil
    }

    /// Skips back over ", citing people familiar with the matter," to the word before the opening comma.
    private func skipClause(_ t: [Token], commaAt h: Int) -> Int? {
        var j = h - 1
        while j >= 0, h - j <= Window.skippedClause {
            if t[j].text == "," { return j >= 1 ? j - 1 : nil }
            if isBoundary(t, j) { return nil }
            j -= 1
        }
        return nil
    }

    /// Punctuation that ends a clause walk: a sentence mark or quote, but not the period of "U.S." or "Gov.".
    private func isBoundary(_ t: [Token], _ j: Int) -> Bool {
        let text = t[j].text
        if text == "." {
            if j > 0, t[j - 1].end == t[j].start, t[j - 1].text.contains(".") || Lexicon.abbreviations.contains(t[j - 1].lower)
                || (t[j - 1].text.count == 1 && t[j - 1].isCapitalized) {
                return false
            }
            return true
        }
        return t[j].isQuoteMark || [";", ":", "?", "!"].contains(text)
    }

    /// The subject of the sentence for a participle cue ("Trump, speaking in Ohio, …, saying"):
    /// the first noun phrase, after an introductory phrase that ends with a comma.
    private func sentenceSubject(_ t: [Token], before limit: Int) -> Range<Int>? {
        var start = 0
        if let first = t.first, Lexicon.introWords.contains(first.lower) {
            guard let comma = t[..<limit].firstIndex(where: { $0.text == "," }) else { return nil }
            start = comma + 1
        }
        guard start < limit, !t[start].quoted else { return nil }
        if ["he", "she", "they", "we", "i"].contains(t[start].lower) { return start..<(start + 1) }
        if Lexicon.determiners.contains(t[start].lower) {
            guard let np = forwardNP(t, start), np.upperBound < limit else { return nil }
            return np
        }
        // A name: capitalised words and titles only ("Sen. Bernie Sanders"), followed by a verb-like word.
        var end = start
        while end < limit, t[end].isWord && t[end].isCapitalized || isTitleDot(t, end) { end += 1 }
        guard end > start, end < limit, t[end].isWord, !t[end].isCapitalized else { return nil }
        let name = start..<end
        // "Band member Flea", "Ryan’s campaign", "Republican establishment figures": the name opens a longer
        // noun phrase when that phrase ends on a name or on a head that can speak.
        if let np = forwardNP(t, start), np.upperBound > end, np.upperBound < limit, t[np.upperBound].isWord,
           !t[np.upperBound].isCapitalized, isSpeakingHead(t[np.upperBound - 1]) {
            return np
        }
        return isCapitalizedName(t, name) || name.count <= 5 ? name : nil
    }

    /// The last word of a noun phrase that can say something: a name, or a role, group or document.
    private func isSpeakingHead(_ token: Token) -> Bool {
        let w = token.lower
        return token.isCapitalized || Self.roleNouns.contains(w) || Lexicon.anonymousHeads.contains(w) || Lexicon.vagueHeads.contains(w)
            || Lexicon.documentHeads.contains(w) || Lexicon.organizationMarkers.contains(w)
    }

    /// Steps left over adverbs and time phrases between a source and its verb ("on Tuesday", "last week", "in a statement").
    private func skipAdverbials(_ t: [Token], from start: Int) -> Int {
        var h = start
        while h >= 0 {
            if Lexicon.interveningAdverbs.contains(t[h].lower) { h -= 1; continue }
            if Lexicon.timeWords.contains(t[h].lower), h >= 1, ["on", "last", "this", "next", "early", "late", "in", "earlier"].contains(t[h - 1].lower) {
                h -= 2
                continue
            }
            // "in a statement", "in a later interview", "in an email to supporters"
            if ["statement", "interview", "email", "tweet", "letter", "post", "speech"].contains(t[h].lower) {
                var k = h - 1
                while k >= 0, !Lexicon.determiners.contains(t[k].lower), h - k < 4, t[k].isWord { k -= 1 }
                if k >= 1, Lexicon.determiners.contains(t[k].lower), t[k - 1].lower == "in" { h = k - 2; continue }
            }
            break
        }
        return h
    }

    private func isTitleDot(_ t: [Token], _ dot: Int) -> Bool {
        dot > 0 && t[dot].text == "." && Lexicon.titles.contains(t[dot - 1].lower) && t[dot - 1].isCapitalized
    }

    /// An adverb that annotation counts in the cue it stands before ("also", "often", "publicly").
    private func isCueAdverb(_ token: Token) -> Bool {
        guard token.isWord, !token.isCapitalized else { return false }
        return Lexicon.cueAdverbs.contains(token.lower) || Self.isLyAdverb(token)
    }

    /// A lowercase word in -ly that is not one of the nouns with that ending ("publicly", not "tally").
    static func isLyAdverb(_ token: Token) -> Bool {
        token.lower.hasSuffix("ly") && !token.isCapitalized && !Lexicon.nounsWithVerbEndings.contains(token.lower)
    }

    /// Lowercase words that can stand at the head of a description.
    private func isNounLike(_ token: Token) -> Bool {
        guard token.isWord, !Self.isNegatedVerb(token), !Lexicon.sourceStops.contains(token.lower), !Lexicon.timeWords.contains(token.lower) else { return false }
        if token.isCapitalized { return true }
        if token.hasDigit { return false }
        return !Self.hasVerbEnding(token, adverbs: true)
    }

    /// "-ed", "-ing" (and with `adverbs`, "-ly"): a lowercase word shaped like a verb form or an adverb,
    /// unless it is one of the nouns that share the ending ("tally", "polling").
    static func hasVerbEnding(_ token: Token, adverbs: Bool) -> Bool {
        let w = token.lower
        guard w.hasSuffix("ing") || w.hasSuffix("ed") || adverbs && w.hasSuffix("ly") else { return false }
        return !Lexicon.nounsWithVerbEndings.contains(w)
    }

    /// "Theresa May", "USA Today": a month or day word that continues a name rather than marking time.
    private func isNameTimeWord(_ t: [Token], _ j: Int) -> Bool {
        j >= 1 && t[j].isCapitalized && Lexicon.timeWordsInNames.contains(t[j].lower) && t[j - 1].isWord && t[j - 1].isCapitalized
            && !Lexicon.sourceStops.contains(t[j - 1].lower) && !Lexicon.sourceLinkers.contains(t[j - 1].lower)
    }

    /// "wouldn’t", "didn't": a verb, never part of a name.
    static func isNegatedVerb(_ token: Token) -> Bool {
        token.lower.hasSuffix("n’t") || token.lower.hasSuffix("n't")
    }

    /// The noun phrase that ends at token `h`, walking left.
    func backwardNP(_ t: [Token], _ h: Int) -> Range<Int>? {
        guard h >= 0, h < t.count else { return nil }
        let head = t[h]
        if head.text == ")" {
            // "Harry M. Reid (D-Nev.) said": the name before the parenthesis, with it.
            guard let open = (max(0, h - 8)..<h).last(where: { t[$0].text == "(" }), open >= 1,
                  let name = backwardNP(t, open - 1), t[open - 1].isCapitalized else { return nil }
            return name.lowerBound..<(h + 1)
        }
        if Lexicon.personalPronouns.contains(head.lower) { return h..<(h + 1) }
        if head.text == "%" || Lexicon.numberWords.contains(head.lower) || head.hasDigit {
            // "26% say", "One in three said"
            if let q = quantityPhrase(t, endingAt: h) { return q }
            if h >= 2, t[h - 1].lower == "in", Lexicon.numberWords.contains(t[h - 2].lower) || t[h - 2].hasDigit { return (h - 2)..<(h + 1) }
            return nil
        }
        guard isNounLike(head) || isNameTimeWord(t, h) else { return nil }
        var a = h
        var j = h - 1
        var determined = false
        while j >= 0, h - j < 9 {
            let tok = t[j]
            if isTitleDot(t, j) { a = j - 1; j -= 2; continue }
            if tok.text == ".", !isBoundary(t, j), j >= 1 { a = j - 1; j -= 2; continue }  // "A U.S. official", "Harry M. Reid"
            if tok.text == "’" || tok.text == "'" {
                // "Sanders’ aides": a possessive after a plural or a name ending in s.
                guard j >= 1, t[j - 1].isWord, t[j - 1].lower.hasSuffix("s"), t[j - 1].end == tok.start else { break }
                a = j - 1
                j -= 2
                continue
            }
            if !tok.isWord { break }
            if Lexicon.determiners.contains(tok.lower) {
                a = j
                determined = true
                // "The two lawmakers", "All three candidates": a numeral may follow an article.
                if Self.numerals.contains(tok.lower), j >= 1, ["the", "all", "these", "those", "both", "its", "his", "her", "their", "our"].contains(t[j - 1].lower) {
                    a = j - 1
                }
                break
            }
            if (Lexicon.sourceStops.contains(tok.lower) && !tok.isAcronym) || Lexicon.timeWords.contains(tok.lower) || (tok.hasDigit && !tok.text.contains("-")) { break }
            if Lexicon.reportingVerbs.contains(tok.lower) { break }
            if !tok.isCapitalized && Self.hasVerbEnding(tok, adverbs: true) && !tok.lower.hasSuffix("ed") {
                // "the gambling tycoon": allowed only right after a determiner.
                guard j >= 1, Lexicon.determiners.contains(t[j - 1].lower) else { break }
            }
            a = j
            j -= 1
        }
        // "a spokesman for the ministry", "a study published in Nature": extend over one linker.
        if a >= 2, Lexicon.sourceLinkers.contains(t[a - 1].lower) || t[a - 1].lower == "by" || t[a - 1].lower == "to" {
            var left = a - 2
            // "72 percent of Democrats", "three-quarters of the voters", "Nine in 10 voters".
            if t[a - 1].lower == "of", let quantity = quantityPhrase(t, endingAt: left) {
                return quantity.lowerBound..<(h + 1)
            }
            if Lexicon.postnominalLinks.contains(t[left].lower), left >= 1 { left -= 1 }
            // Also any noun phrase that opens its clause: "pro-life members of the Democratic Party",
            // "many in the Republican establishment", "protest organizers in Cleveland" said.
            if let previous = backwardNP(t, left), !Lexicon.personalPronouns.contains(t[previous.lowerBound].lower),
               isRoleOrDocument(t, previous) || (["of", "on", "for"].contains(t[a - 1].lower) && t[previous.upperBound - 1].isCapitalized && t[a].isCapitalized)
                || opensClause(t, previous.lowerBound) && t[a - 1].lower != "to" {
                return previous.lowerBound..<(h + 1)
            }
        }
        if a >= 3, t[a - 1].lower == "10" || t[a - 1].hasDigit, t[a - 2].lower == "in", let q = quantityPhrase(t, endingAt: a - 1) {
            return q.lowerBound..<(h + 1)
        }
        // "doctors and medical experts", "Both The New York Times and the Wall Street Journal".
        if a >= 2, t[a - 1].lower == "and", !coordinating, let left = coordinated(t, endingAt: a - 2) {
            return left.lowerBound..<(h + 1)
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
            || Self.isAgentPlural(head) || Lexicon.crowdNouns.contains(head)
    }

    /// A plural of people by what they do: "oceanographers", "economists", "physicians", "residents".
    static func isAgentPlural(_ word: String) -> Bool {
        word.count > 5 && Lexicon.agentPluralEndings.contains { word.hasSuffix($0) } && !Lexicon.agentPluralExceptions.contains(word)
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

    /// "72 percent", "74%", "three-quarters", "a majority", "Nine in 10" ending at token `end`.
    private func quantityPhrase(_ t: [Token], endingAt end: Int) -> Range<Int>? {
        guard end >= 0 else { return nil }
        var a = end
        let word = t[end].lower
        if word == "percent" || word == "%" || word == "per" {
            guard end >= 1, t[end - 1].hasDigit || Lexicon.numberWords.contains(t[end - 1].lower) || t[end - 1].lower.contains("-") else { return nil }
            a = end - 1
        } else if t[end].hasDigit, end >= 2, t[end - 1].lower == "in" {
            a = end - 2  // "Nine in 10"
        } else if !Lexicon.quantityHeads.contains(word) && !(word.contains("-") && Lexicon.quantityHeads.contains(String(word.split(separator: "-").last ?? ""))) {
            return nil
        }
        // Leading "About", "Some", "Nearly", "a".
        while a >= 1, end - a < 5, Lexicon.quantityLeads.contains(t[a - 1].lower) { a -= 1 }  // "Only a quarter"
        return a..<(end + 1)
    }

    private func isCapitalizedName(_ t: [Token], _ r: Range<Int>) -> Bool {
        r.count <= 4 && r.allSatisfy { t[$0].isCapitalized || isTitleDot(t, $0) || t[$0].text == "." }
            && !r.contains { Lexicon.commonSentenceStarts.contains(t[$0].lower) }
    }

    /// Whether the phrase starting at `k` opens a clause: first in the sentence, or after a comma,
    /// a sentence mark or a conjunction.
    private func opensClause(_ t: [Token], _ k: Int) -> Bool {
        k == 0 || isBoundary(t, k - 1) || [",", "and", "but", "that"].contains(t[k - 1].lower)
    }

    /// The first conjunct of "A and B": a noun phrase of the same shape, possibly opened by "both",
    /// or a pronoun ("he and Mr. Allen", "She and her husband").
    private func coordinated(_ t: [Token], endingAt h: Int) -> Range<Int>? {
        guard h >= 0, t[h].isWord, !["it", "who", "which"].contains(t[h].lower) else { return nil }
        var finder = self
        finder.coordinating = true
        guard var left = finder.backwardNP(t, h), t[left.lowerBound].isWord else { return nil }
        if left.lowerBound >= 1, t[left.lowerBound - 1].lower == "both" { left = (left.lowerBound - 1)..<left.upperBound }
        return left
    }

    /// Descriptions that take an organisation or outlet after a preposition.
    private func isRoleOrDocument(_ t: [Token], _ r: Range<Int>) -> Bool {
        let head = t[r.upperBound - 1].lower
        if Lexicon.documentHeads.contains(head) || Lexicon.anonymousHeads.contains(head) || Lexicon.vagueHeads.contains(head) { return true }
        return Self.roleNouns.contains(head)
    }

    static let numerals: Set<String> = ["one", "two", "three", "four", "five"]

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
        while j < t.count, j - p < Window.nounPhrase {
            let tok = t[j]
            if tok.text == ".", j > 0, Lexicon.titles.contains(t[j - 1].lower) || (t[j - 1].text.count == 1 && t[j - 1].isCapitalized),
               j + 1 < t.count, t[j + 1].isCapitalized { j += 1; continue }  // "Sen. Graham", "Harry M. Reid"
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
            if (Lexicon.sourceStops.contains(tok.lower) || Lexicon.timeWords.contains(tok.lower)) && !isNameTimeWord(t, j) || Self.isNegatedVerb(tok) { break }
            if Lexicon.reportingVerbs.contains(tok.lower),
               !(Lexicon.nounVerbs.contains(tok.lower) && j > p && (Lexicon.nounPrecursors.contains(t[j - 1].lower) || t[j - 1].lower.hasSuffix("'s") || t[j - 1].lower.hasSuffix("’s"))) { break }
            if !tok.isCapitalized && Self.hasVerbEnding(tok, adverbs: true) { break }
            if tok.hasDigit && !tok.isCapitalized && !tok.text.contains("-") { break }  // "31-page" stays
            last = j
            j += 1
        }
        guard last >= p else { return nil }
        // Do not end on a linker or determiner.
        var end = last
        while end > p, Lexicon.sourceLinkers.contains(t[end].lower) || Lexicon.determiners.contains(t[end].lower) { end -= 1 }
        // "Sen. Bernie Sanders (I-Vt.)"
        if t[end].isCapitalized, end + 1 < t.count, t[end + 1].text == "(",
           let close = ((end + 2)..<min(t.count, end + 9)).first(where: { t[$0].text == ")" }) {
            end = close
        }
        // "three people briefed on the discussions", "data from comScore", "a copy of the letter reviewed by The Post".
        if end + 2 < t.count, !t[end].isCapitalized || t[end + 1].lower == "from",
           t[end + 1].lower == "from" || (t[end + 1].lower.hasSuffix("ed") && ["by", "on", "in", "with", "for"].contains(t[end + 2].lower)) {
            let next = t[end + 1].lower == "from" ? end + 2 : end + 3
            if next < t.count, let tail = forwardNP(t, next), t[next].isCapitalized || Lexicon.determiners.contains(t[next].lower) {
                end = tail.upperBound - 1
            }
        }
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
        if let kind = Self.headNounKind(words) { return (kind, nil) }
        // "Reports say", "some reports", "studies show": texts, however unnamed (guide, section 2).
        if Lexicon.documentHeads.contains(mainHead) && !proper { return (.document, nil) }
        if lower.contains(where: Lexicon.vagueQuantifiers.contains) && !proper { return (.vague, nil) }
        let definiteLead = ["the", "this", "these", "that", "those", "its", "his", "her", "their"].contains(lower.first ?? "")
        if Lexicon.vagueHeads.contains(mainHead) && !proper && !definiteLead && words.count <= 2 { return (.vague, nil) }
        if Lexicon.documentHeads.contains(mainHead) { return (.document, nil) }
        // "a source", "an official": one hidden person; "officials", "sources": an unnamed crowd.
        if Lexicon.anonymousHeads.contains(mainHead) && !proper {
            return (Lexicon.anonymousPlurals.contains(mainHead) ? .vague : .anonymous, nil)
        }
        if Lexicon.vagueHeads.contains(mainHead) && !proper { return (.vague, nil) }
        // "the news agency", "the newspaper", "the broadcaster": an outlet described.
        if !proper, Lexicon.outletAppositiveHeads.contains(mainHead) || lower.dropLast().contains("news") { return (.outlet, nil) }
        // "Senate Minority Leader Harry M. Reid": a title before a personal name makes a person.
        let named = words.filter { $0.isCapitalized }
        if let last = words.last(where: { $0.isCapitalized && !$0.isAcronym }), !Lexicon.organizationMarkers.contains(last.lower),
           named.count >= 2, lower.contains(where: { Lexicon.titles.contains($0) || Self.roleNouns.contains($0) }),
           !Lexicon.organizationMarkers.contains(words.last!.lower) {
            return (.person, nil)
        }
        if lower.contains(where: Lexicon.organizationMarkers.contains) || words.contains(where: \.isAcronym) {
            return (.organization, nil)
        }
        if proper { return (.person, nil) }
        // Unnamed descriptions: "the minister" is one person, "a spokesman" an anonymous one,
        // "the airline" an organisation, "residents" a crowd.
        let definite = Lexicon.definiteOpeners.contains(lower.first ?? "")
        if Self.roleNouns.contains(mainHead) { return (definite ? .person : .anonymous, nil) }
        if mainHead.hasSuffix("s") && !definite { return (.vague, nil) }
        return (definite ? .organization : .anonymous, nil)
    }

    /// The kind a phrase's own head noun gives, whatever names follow or modify it: a crowd is vague
    /// ("70 percent of Americans", "Some White House advisers", "authorities in Beijing", "multiple
    /// friends of Mike Ford", "a whole lot of people on Twitter", "Teachers"), a text is a document
    /// ("a 2018 survey by Penelope Muse Abernathy", "A series of text messages", "Verified video
    /// footage", "a document Matthesen prepared"), "state media" an outlet. The head is the last
    /// lower-case word before a linker, a relative, a comma or a name standing after a lower-case word
    /// ("a lot of", "a series of" are passed over); nil when the phrase has no such head, or when a
    /// person's name or role comes first ("Tesla CEO Elon Musk", "a spokesman for the study").
    static func headNounKind(_ words: [Token]) -> AttributionKind? {
        var head: String?
        var headIndex = -1
        var k = 0
        while k < words.count {
            let w = words[k]
            if Lexicon.partitiveHeads.contains(w.lower), k + 1 < words.count, words[k + 1].lower == "of" {
                head = nil
                k += 2
                continue
            }
            if k > 0 && (Lexicon.sourceLinkers.contains(w.lower) || Lexicon.headEnders.contains(w.lower)
                || Lexicon.relativeWords.contains(w.lower) || w.lower == "i") { break }
            if w.isCapitalized {
                // A name after a lower-case noun opens a reduced relative ("a document Matthesen prepared").
                if head != nil && headIndex == k - 1 && !Lexicon.determiners.contains(words[k - 1].lower) { break }
                // "Teachers say"; "Many in Hong Kong", "Some White House advisers" (a later noun wins).
                if k == 0 && (words.count == 1 || Lexicon.vagueHeads.contains(w.lower) || Lexicon.anonymousPlurals.contains(w.lower)
                    || Lexicon.crowdNouns.contains(w.lower)) {
                    head = w.lower
                    headIndex = k
                }
            } else if head != nil, headIndex == k - 1, w.lower.hasSuffix("ed"), k + 1 < words.count, words[k + 1].lower == "by" {
                break  // "reports received by Amnesty", "accounts corroborated by video footage"
            } else if !Lexicon.determiners.contains(w.lower) && !Lexicon.vagueQuantifiers.contains(w.lower) {
                head = w.lower
                headIndex = k
            } else if Lexicon.vagueHeads.contains(w.lower) && words.count == 1 {
                head = w.lower
                headIndex = k
            }
            if w.text.hasSuffix(",") { break }
            k += 1
        }
        guard let head, !Lexicon.personalPronouns.contains(head) else { return nil }
        if head == "media", headIndex > 0, Lexicon.stateMediaModifiers.contains(words[headIndex - 1].lower) { return .outlet }
        // A person's name or role before the head makes the phrase a person's, left to the rules below.
        if words[..<headIndex].contains(where: { Self.roleNouns.contains($0.lower) || Lexicon.titles.contains($0.lower) }) { return nil }
        let single = words.count == 1
        if Lexicon.crowdNouns.contains(head) || Lexicon.anonymousPlurals.contains(head)
            || !single && (Lexicon.vagueHeads.contains(head) && !Lexicon.documentHeads.contains(head) || Self.isAgentPlural(head)) {
            return .vague
        }
        if Lexicon.documentHeads.contains(head) && !single { return .document }
        return nil
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
