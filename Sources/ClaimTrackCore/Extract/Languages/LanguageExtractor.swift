import Foundation

/// Extraction for German, French and Spanish articles (issue 21), with the rules of
/// `LanguageRules`. Each sentence is searched for cues: a verb of saying with its source before it
/// ("Lindner kündigte an", "Les syndicats dénoncent") or, inverted, after it ("…, sagte Lindner",
/// "« … », a déclaré le ministre", "—…—dijo Ábalos"), a French inverted pronoun ("a-t-il ajouté"),
/// a German clause with the verb at its end ("wie die Behörde mitteilte"), a prepositional cue
/// before or after its source ("laut", "selon", "según", "dem Ministerium zufolge") and a passive
/// agent ("révélée par Le Monde"). A colon is never a cue. Sources take a kind from the outlet
/// lists and the heads of the language; a name from a given name, a surname met before, or, for a
/// pronoun, the nearest earlier mention when its gender fits and it is named (else none). A German
/// sentence in the subjunctive of reported speech with no cue of its own continues the report before.
extension Extractor {
    func extractWithLanguageRules(_ article: Article, _ rules: LanguageRules) -> Extraction {
        let s = Array(article.text.unicodeScalars)
        let markup = Self.markupMask(article, count: s.count)
        let quoted = LanguageQuotes.mask(s, paragraphs: article.paragraphs)
        var reader = LanguageReader(rules: rules, outlets: LanguageRules.outletDirectory(rules.code), configured: outlets)
        var claims: [Claim] = []
        var attributions: [Attribution] = []
        var occurrences: [String: Int] = [:]
        /// The reports a sentence in the subjunctive continues ("Die Lage sei ernst.").
        var previousReports: [Int] = []
        for paragraph in article.paragraphs {
            let paragraphText = Tokenizer.string(s, paragraph)
            let sentences = SentenceSplitter.split(s, paragraph)
            let heading = sentences.count == 1 && ClaimFilter.isHeading(paragraphText)
            for sentence in sentences where sentence.count <= Self.maxSentenceLength {
                let tokens = Tokenizer.tokenize(s, sentence, markup: markup, quoted: quoted)
                var own: [Int] = []
                for a in reader.read(tokens) {
                    own.append(attributions.count)
                    attributions.append(a)
                }
                let sentenceText = Tokenizer.string(s, sentence)
                var claimAttributions = own
                if own.isEmpty, !previousReports.isEmpty, reader.reportsInSubjunctive(tokens) {
                    claimAttributions = previousReports
                }
                if !heading, reader.isClaim(sentenceText, tokens: tokens, hasAttribution: !claimAttributions.isEmpty, minWords: minWords) {
                    let id = ClaimID.make(articlePath: article.path, sentence: sentenceText, occurrences: &occurrences)
                    for k in own { attributions[k].claim = claims.count }
                    claims.append(Claim(id: id, text: sentenceText, start: sentence.lowerBound, end: sentence.upperBound,
                                        hedges: reader.hedges(tokens), attributions: claimAttributions, paragraph: paragraph))
                }
                previousReports = claimAttributions
            }
        }
        return Extraction(article: article, claims: claims, attributions: attributions)
    }
}

/// Quotation marks of German („…“), French and Spanish («…») and English (“…”, "…") text, per
/// paragraph: in German “ closes what „ opened.
enum LanguageQuotes {
    static func mask(_ s: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        for p in paragraphs {
            var open = false
            for i in p {
                switch s[i] {
                case "„", "«": open = true
                case "“": open.toggle()
                case "”", "»": open = false
                case "\"": open.toggle()
                default: break
                }
                mask[i] = open
            }
        }
        return mask
    }
}

extension LanguageRules {
    /// The outlets of each language area, with the built-in ones (`OutletDirectory(extra:)`).
    static let outletDirectories: [String: OutletDirectory] = {
        var out: [String: OutletDirectory] = [:]
        for rules in [german, french, spanish] {
            let entries = rules.outlets.split(separator: "\n").compactMap { line -> Configuration.OutletEntry? in
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3 else { return nil }
                return Configuration.OutletEntry(name: parts[0], aliases: parts[1].split(separator: ";").map(String.init), domain: parts[2])
            }
            out[rules.code] = OutletDirectory(extra: entries)
        }
        return out
    }()

    static func outletDirectory(_ code: String) -> OutletDirectory { outletDirectories[code] ?? .builtin }
}

/// Reads one article's sentences in order, remembering who has been mentioned (for pronouns and surnames).
struct LanguageReader {
    let rules: LanguageRules
    let outlets: OutletDirectory
    let configured: OutletDirectory

    /// Someone or something a later pronoun may stand for.
    struct Mention {
        var start: Int
        /// A source of an attribution (the speaker of its sentence), not a name met in passing.
        var isSource = false
        var kind: AttributionKind
        var name: String?
        var gender: LanguageRules.Gender?
        var plural: Bool
        var sentence: Int
    }

    var mentions: [Mention] = []
    /// Last word of a person's name, lowercased → the fullest form met.
    var surnames: [String: String] = [:]
    var sentenceNumber = 0

    init(rules: LanguageRules, outlets: OutletDirectory, configured: OutletDirectory) {
        self.rules = rules
        self.outlets = outlets
        self.configured = configured
    }

    /// How many sentences back a pronoun looks for what it stands for.
    static let pronounReach = 3
    /// A source read backwards from its verb is at most this many words; a longer stretch is no subject.
    static let maxSubjectWords = 14
    /// A source read forwards from its cue is at most this many words.
    static let maxSourceWords = 12

    // MARK: Cues

    mutating func read(_ tokens: [Token]) -> [Attribution] {
        sentenceNumber += 1
        let folded = tokens.map { LanguageRules.fold($0.text) }
        var found: [(cue: Range<Int>, source: Range<Int>?, pronounIn: Int?, position: Bool)] = []
        var taken = Set<Int>()
        /// Cues whose source is whatever phrase follows (prepositions, passive agents): no list word needed.
        var anySource = Set<Int>()
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].isWord, !taken.contains(i) else { continue }
            // Prepositional cues before their source: "laut", "nach Angaben von", "selon", "de acuerdo con".
            if let length = rules.cuesBefore.first(where: { Self.matches(folded, at: i, $0) })?.count,
               !rules.cueBeforeExceptions.contains(where: { Self.matches(folded, at: i, $0) }) {
                if let source = forwardSource(tokens, folded, from: i + length) {
                    found.append((i..<(i + length), source, nil, false))
                    anySource.insert(i)
                    taken.formUnion(i..<(i + length))
                    i += length - 1
                }
                continue
            }
            // After: "Der Staatsanwaltschaft zufolge".
            if let length = rules.cuesAfter.first(where: { Self.matches(folded, at: i, $0) })?.count {
                if let source = backwardSource(tokens, folded, before: i) {
                    found.append((i..<(i + length), source, nil, false))
                    anySource.insert(i)
                }
                continue
            }
            // Passive agent: "a été révélée par Le Monde", "confirmée par la direction".
            if rules.passiveParticiples.contains(folded[i]), i + 1 < tokens.count, rules.agentPrepositions.contains(folded[i + 1]) {
                var start = i
                while start > 0, rules.passiveAuxiliaries.contains(folded[start - 1]) || rules.auxiliaries.contains(folded[start - 1]) { start -= 1 }
                if let source = forwardSource(tokens, folded, from: i + 2) {
                    found.append((start..<(i + 2), source, nil, false))
                    anySource.insert(start)
                    i += 1
                }
                continue
            }
            // French inversion: "a-t-il déclaré", "ajoute-t-elle", "dit-il".
            if let (verb, pronoun) = Self.invertedPronoun(folded[i], rules) {
                let participle = i + 1 < tokens.count && rules.reportingVerbs.contains(folded[i + 1]) && rules.auxiliaries.contains(verb)
                if participle || rules.reportingVerbs.contains(verb) {
                    let end = participle ? i + 2 : i + 1
                    found.append((i..<end, nil, pronoun.count, false))
                    i = end - 1
                }
                continue
            }
            let isReport = rules.reportingVerbs.contains(folded[i])
            let isPosition = rules.positionVerbs.contains(folded[i])
            guard isReport || isPosition, !tokens[i].quoted else { continue }
            // A participle after a passive auxiliary has no speaker before it ("Das Urteil wird … erwartet").
            if isPassive(tokens, folded, verb: i) { continue }
            var cueStart = i
            if i > 0, rules.auxiliaries.contains(folded[i - 1]) { cueStart = i - 1 }
            if cueStart > 0, folded[cueStart] == "sont", folded[cueStart - 1] == "se" { cueStart -= 1 }
            // A participle is a cue with its auxiliary ("a déclaré", "ha asegurado", "hat angekündigt"),
            // else an adjective ("un sondage publié dimanche").
            if isParticiple(folded[i]), cueStart == i, !hasAuxiliary(tokens, folded, before: i) { continue }
            if let source = source(tokens, folded, cueStart: cueStart, verb: i) {
                found.append((cueStart..<(i + 1), source, nil, !isReport))
            } else if let shared = found.last?.source, cueStart > 0, tokens[cueStart - 1].text == "," || rules.clauseOpeners.contains(folded[cueStart - 1]),
                      shared.upperBound <= cueStart {
                // "Aena rechazó las críticas y recordó …": the second verb shares the first one's subject.
                found.append((cueStart..<(i + 1), shared, nil, !isReport))
            }
        }
        // The mentions of the sentence, sources and names, in order: later pronouns look back at them.
        var out: [Attribution] = []
        var fresh: [Mention] = nameMentions(tokens, folded, skipping: found.compactMap(\.source))
        for f in found {
            guard var a = attribution(tokens, folded, f.cue, f.source, pronounIn: f.pronounIn, position: f.position,
                                      anySource: anySource.contains(f.cue.lowerBound), fresh: fresh) else { continue }
            a.stance = false
            let mention = Mention(start: a.sourceStart, kind: a.kind, name: a.kind == .person || a.kind == .organization ? (a.resolved ?? lastName) : nil,
                                  gender: lastGender, plural: lastPlural, sentence: sentenceNumber)
            var m = mention
            m.isSource = true
            if a.kind != .vague && a.kind != .document { fresh.append(m) }
            out.append(a)
        }
        fresh.sort { $0.start < $1.start }
        mentions.append(contentsOf: fresh)
        for m in fresh where m.kind == .person {
            if let name = m.name, let last = name.split(separator: " ").last, name.contains(" ") {
                surnames[LanguageRules.fold(String(last))] = name
            }
        }
        return out
    }

    /// The gender and number of the last source classified (for its mention).
    var lastGender: LanguageRules.Gender?
    var lastPlural = false
    /// The name the last source classified gives, if any ("Christian Lindner", "Aena").
    var lastName: String?

    static func matches(_ folded: [String], at i: Int, _ words: [String]) -> Bool {
        guard i + words.count <= folded.count else { return false }
        for (k, w) in words.enumerated() where folded[i + k] != w { return false }
        return true
    }

    /// "a-t-il" → ("a", "il"), "dit-elle" → ("dit", "elle").
    static func invertedPronoun(_ word: String, _ rules: LanguageRules) -> (String, String)? {
        guard rules.code == "fr", word.contains("-") else { return nil }
        let parts = word.split(separator: "-").map(String.init)
        guard parts.count >= 2, let last = parts.last, rules.pronouns[last] != nil || last == "on" else { return nil }
        if parts.count == 3, parts[1] == "t" { return (parts[0], last) }
        if parts.count == 2 { return (parts[0], last) }
        return nil
    }

    /// A participle: French "-é", "-i", "-u"; Spanish "-ado", "-ido"; German "ge…t" or with a particle ("angekündigt").
    func isParticiple(_ word: String) -> Bool {
        switch rules.code {
        case "fr": return word.hasSuffix("é") || word.hasSuffix("i") || word.hasSuffix("u") || word.hasSuffix("is")
        case "es": return word.hasSuffix("ado") || word.hasSuffix("ido") || word.hasSuffix("cho")
        default: return word.hasPrefix("ge") || word.dropFirst(2).contains("ge") && word.hasSuffix("t")
        }
    }

    /// An auxiliary of the perfect before `i` in the clause ("hat … angekündigt").
    func hasAuxiliary(_ tokens: [Token], _ folded: [String], before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - 10, tokens[k].isWord || tokens[k].text == "(" || tokens[k].text == ")" {
            if rules.auxiliaries.contains(folded[k]) { return true }
            k -= 1
        }
        return false
    }

    func isPassive(_ tokens: [Token], _ folded: [String], verb i: Int) -> Bool {
        let word = folded[i]
        let participle = rules.code == "de" ? word.hasPrefix("ge") || word.hasSuffix("t") && !word.hasSuffix("te") : word.hasSuffix("é") || word.hasSuffix("ado") || word.hasSuffix("ido")
        guard participle else { return false }
        var k = i - 1
        while k >= 0, k >= i - 8, tokens[k].isWord {
            if rules.passiveAuxiliaries.contains(folded[k]) { return true }
            if rules.auxiliaries.contains(folded[k]) { return false }
            k -= 1
        }
        return false
    }

    /// The source of a verb cue: after it when it is inverted (after a quotation, a comma or a dash,
    /// or in German after a fronted word: "Das berichtete der Spiegel"), else the subject before it.
    func source(_ tokens: [Token], _ folded: [String], cueStart: Int, verb: Int) -> Range<Int>? {
        let clause = clauseStart(tokens, folded, before: cueStart)
        if cueStart == 0 || !tokens[cueStart - 1].isWord {
            if verb + 1 < tokens.count, tokens[verb + 1].isWord, rules.impersonal.contains(folded[verb + 1]) { return nil }
            // "Le ministre de l'Intérieur, Gérald Darmanin, a annoncé …": the subject stands before its appositive.
            if cueStart > 0, tokens[cueStart - 1].text == ",", let before = backwardSource(tokens, folded, before: cueStart, acrossCommas: true),
               tokens[before].contains(where: { $0.text == "," }), let kind = speakerKind(tokens, folded, before), kind == .person || kind == .organization {
                return before
            }
            if let after = forwardSource(tokens, folded, from: verb + 1), let kind = speakerKind(tokens, folded, after), kind != .document { return after }
            return nil
        }
        let first = folded[clause]
        if rules.verbFinalOpeners.contains(first), clause + 1 < cueStart {
            return forwardSource(tokens, folded, from: clause + 1)
        }
        if rules.capitalizedNouns, rules.frontedOpeners.contains(first),
           cueStart - clause == 1 || !rules.determiners.contains(first) {
            return forwardSource(tokens, folded, from: verb + 1)
        }
        return backwardSource(tokens, folded, before: cueStart)
    }

    /// Where the clause holding token `i` starts: after the last comma, quotation mark, dash or clause opener.
    func clauseStart(_ tokens: [Token], _ folded: [String], before i: Int) -> Int {
        var k = i
        while k > 0 {
            let t = tokens[k - 1]
            if !t.isWord, t.text != "(", t.text != ")", t.text != "-" { break }
            if t.isWord, rules.clauseOpeners.contains(folded[k - 1]) { break }
            k -= 1
        }
        return k
    }

    /// The kind of a phrase that can speak (a name, a pronoun, a head of the language's lists), else nil.
    func speakerKind(_ tokens: [Token], _ folded: [String], _ r: Range<Int>) -> AttributionKind? {
        var copy = self
        return copy.classify(tokens, folded, r)?.kind
    }

    /// The subject before a verb: from the start of its clause, without openers and auxiliaries.
    func backwardSource(_ tokens: [Token], _ folded: [String], before end: Int, acrossCommas: Bool = false) -> Range<Int>? {
        var start = acrossCommas ? 0 : clauseStart(tokens, folded, before: end)
        if acrossCommas {
            // Back to the sentence start or the last quotation mark.
            var k = end
            while k > 0, !tokens[k - 1].isQuoteMark, tokens[k - 1].text != "«", tokens[k - 1].text != "»", tokens[k - 1].text != "„" { k -= 1 }
            start = k
        }
        var stop = end
        while stop > start, !tokens[stop - 1].isWord && tokens[stop - 1].text != ")" || rules.auxiliaries.contains(folded[stop - 1]) { stop -= 1 }
        while start < stop, !tokens[start].isWord || rules.clauseOpeners.contains(folded[start]) || rules.verbFinalOpeners.contains(folded[start]) { start += 1 }
        let words = tokens[start..<stop].filter(\.isWord).count
        guard words >= 1, words <= Self.maxSubjectWords else { return nil }
        return start..<stop
    }

    /// A noun phrase from token `j` on: determiners, the head and what belongs to it (a genitive, "de …",
    /// a party in brackets, an appositive name between commas).
    func forwardSource(_ tokens: [Token], _ folded: [String], from j: Int) -> Range<Int>? {
        var k = j
        var end = j
        var sawHead = false
        var words = 0
        var openQuote = false
        var linked = false
        while k < tokens.count, words < Self.maxSourceWords {
            let t = tokens[k]
            let w = folded[k]
            if !t.isWord {
                if t.text == "(", sawHead, let close = tokens[k...].prefix(6).firstIndex(where: { $0.text == ")" }) {
                    end = close + 1
                    k = close + 1
                    break
                }
                if t.text == "„" || t.text == "«" || t.text == "\"" && !openQuote || t.text == "“" && !openQuote && !sawHead {
                    if k + 1 < tokens.count, tokens[k + 1].isWord { openQuote = true; k += 1; continue }
                }
                if openQuote, t.text == "“" || t.text == "»" || t.text == "\"" || t.text == "”" { openQuote = false; k += 1; end = k; continue }
                break
            }
            if k == j, rules.impersonal.contains(w) { return nil }
            let determiner = rules.determiners.contains(w)
            if !(determiner && !sawHead), rules.sourceStops.contains(w) { break }
            if rules.capitalizedNouns {
                let numeric = t.text.unicodeScalars.first.map(Tokenizer.isNumeric) == true
                if numeric && sawHead { break }
                if t.isCapitalized || numeric {
                    sawHead = true
                } else if determiner || rules.sourceLinks.contains(w) {
                    if sawHead {
                        // One genitive ("ein Sprecher der Feuerwehr"); a second is the medium ("… der Deutschen Presse-Agentur").
                        guard rules.sourceLinks.contains(w), !linked else { break }
                        linked = true
                        sawHead = false
                    }
                } else if sawHead {
                    break
                }
            } else if !determiner, !rules.sourceLinks.contains(w) {
                // "un sondage Ifop publié dimanche": a participle after the head starts what is said of it.
                if sawHead, !t.isCapitalized, isParticiple(w), !rules.matches(w, rules.personHeads) { break }
                sawHead = true
            }
            words += 1
            k += 1
            end = k
        }
        // Trailing links and determiners belong to what follows.
        while end > j, tokens[end - 1].isWord, rules.sourceLinks.contains(folded[end - 1]) || rules.determiners.contains(folded[end - 1]) { end -= 1 }
        guard end > j, tokens[j..<end].contains(where: \.isWord) else { return nil }
        // An appositive: ", Yolanda Díaz," / ", président de la Fnaut."
        if end < tokens.count, tokens[end].text == ",", let apposition = appositive(tokens, folded, after: end) { end = apposition }
        return j..<end
    }

    func appositive(_ tokens: [Token], _ folded: [String], after comma: Int) -> Int? {
        var k = comma + 1
        guard k < tokens.count, tokens[k].isWord else { return nil }
        let first = folded[k]
        let capitalized = tokens[k].isCapitalized && !rules.determiners.contains(first)
        let title = rules.matches(first, rules.personHeads) || (rules.determiners.contains(first) && !rules.capitalizedNouns
                                                                 && k + 1 < tokens.count && rules.matches(folded[k + 1], rules.personHeads))
        guard capitalized || (!rules.capitalizedNouns && title) else { return nil }
        var words = 0
        let opening = k
        while k < tokens.count, tokens[k].isWord || tokens[k].text == "'" || tokens[k].text == "’" {
            if rules.sourceStops.contains(folded[k]) && !rules.sourceLinks.contains(folded[k]) { return nil }
            if rules.reportingVerbs.contains(folded[k]) || rules.auxiliaries.contains(folded[k]) { return nil }
            // A title's appositive is the title and its complement of names: "président de la Fnaut",
            // not "el detenido pudo haber actuado solo".
            if !capitalized, k > opening + (rules.determiners.contains(first) ? 1 : 0), tokens[k].isWord, !tokens[k].isCapitalized,
               !rules.sourceLinks.contains(folded[k]), !rules.determiners.contains(folded[k]) { return nil }
            words += 1
            k += 1
        }
        guard words <= 6, k == tokens.count || [",", ".", "!", ";", "—", "–"].contains(tokens[k].text) else { return nil }
        return k
    }

    // MARK: Sources

    func text(_ tokens: [Token], _ r: Range<Int>) -> String {
        tokens[r].enumerated().reduce(into: "") { out, pair in
            let (n, t) = pair
            if n > 0 {
                let previous = tokens[r.lowerBound + n - 1]
                if t.start > previous.end { out += " " }
            }
            out += t.text
        }
    }

    /// The kind (and name, gender) of a source phrase, nil when nothing says it can speak.
    mutating func classify(_ tokens: [Token], _ folded: [String], _ r: Range<Int>) -> (kind: AttributionKind, name: String?, by: ResolvedBy?, outlet: Outlet?)? {
        lastGender = nil
        lastPlural = false
        lastName = nil
        let words = r.filter { tokens[$0].isWord }
        guard let firstIndex = words.first else { return nil }
        // "l'Insee" → "insee", "l'une" → "une": the elided article is no part of the word.
        let folded = folded.indices.map { r.contains($0) ? LanguageRules.fold(LanguageRules.bare(tokens[$0].text)) : folded[$0] }
        let elided = LanguageRules.bare(tokens[firstIndex].text) != tokens[firstIndex].text
        let first = folded[firstIndex]
        let phrase = text(tokens, r)
        let lowerPhrase = " " + LanguageRules.fold(phrase) + " "
        var content = words.drop { rules.determiners.contains(folded[$0]) }
        let determiner = content.first == firstIndex ? (elided ? "l'" : nil) : first
        // Outlets first: "der „Spiegel“", "la agencia EFE", "l'AFP", "dpa".
        let bare = text(tokens, (content.first ?? firstIndex)..<r.upperBound).trimmingCharacters(in: CharacterSet(charactersIn: "„“”«»\" "))
        let stripped = LanguageRules.bare(bare)
        let whole = LanguageRules.bare(phrase.trimmingCharacters(in: CharacterSet(charactersIn: "„“”«»\" ")))
        if words.count <= 4, let outlet = outlets.lookup("the " + whole) ?? configured.lookup("the " + whole)
            ?? outlets.lookup("the " + stripped) ?? configured.lookup("the " + stripped)
            ?? outlets.find(in: stripped) ?? configured.find(in: stripped) {
            return (.outlet, nil, nil, outlet)
        }
        if rules.anonymityMarkers.contains(where: { lowerPhrase.contains($0) }) { return (.anonymous, nil, nil, nil) }
        // A name: a given name and the capitalised words after it ("Bundesfinanzminister Christian Lindner").
        if let name = nameRun(tokens, folded, in: r) {
            lastGender = rules.gender(ofName: tokens[name.lowerBound].text)
            let nameText = text(tokens, name)
            lastName = nameText
            return (.person, nameText == phrase ? nil : nameText, .appositive, nil)
        }
        if words.count == 1, let pronoun = rules.pronouns[first] {
            lastGender = pronoun.gender
            lastPlural = pronoun.plural
            return (pronoun.plural ? .vague : .person, nil, nil, nil)
        }
        if content.isEmpty { content = words[...] }
        let heads = headCandidates(tokens, folded, content)
        let plural = determiner.map { ["les", "des", "los", "las", "unos", "unas", "mehrere", "einige", "viele", "zahlreiche", "ses", "leurs", "sus"].contains($0) } ?? true
        let indefinite = determiner.map { rules.indefiniteDeterminers.contains($0) } ?? false
        for head in heads {
            let h = folded[head]
            if indefinite, rules.matches(h, rules.anonymousHeads), !rules.matches(h, rules.personHeads) || h.contains("source") || h.contains("quelle") || h.contains("fuente") {
                return (.anonymous, nil, nil, nil)
            }
            if rules.vagueHeads.contains(h) || (rules.capitalizedNouns && rules.matches(h, rules.vagueHeads)), plural || determiner == "die" || determiner == "der" {
                lastPlural = true
                return (.vague, nil, nil, nil)
            }
            if rules.matches(h, rules.personHeads) {
                lastGender = gender(determiner: determiner, head: h)
                // A title and a name: "Oberbürgermeister Ulf Kämpfer", "le président de la région, Loïg Chesnais-Girard".
                if let name = titledName(tokens, after: head, in: r) {
                    lastName = text(tokens, name)
                    return (.person, lastName, .appositive, nil)
                }
                return (.person, nil, nil, nil)
            }
            if rules.matches(h, rules.organizationHeads) {
                lastGender = gender(determiner: determiner, head: nil)
                return (.organization, nil, nil, nil)
            }
            if rules.matches(h, rules.documentHeads) { return (.document, nil, nil, nil) }
        }
        // A surname met before: "Lindner", "Ábalos".
        if words.count == 1, let full = surnames[LanguageRules.fold(LanguageRules.bare(tokens[firstIndex].text))] {
            lastGender = mentions.last { $0.name == full }?.gender
            lastName = full
            return (.person, full, .surname, nil)
        }
        // Capitalised words with no determiner or list word: a body ("Aena", "Junts", "Insee", "CGT").
        // In German every noun is capitalised: only a short run of capitalised words with no article.
        let germanName = determiner == nil && content.count <= 3 && content.allSatisfy { tokens[$0].isCapitalized && !rules.sourceStops.contains(folded[$0]) }
        if let head = content.first, tokens[head].isCapitalized || LanguageRules.bare(tokens[head].text).unicodeScalars.first?.properties.isUppercase == true,
           !rules.capitalizedNouns || germanName {
            lastGender = gender(determiner: determiner, head: nil)
            lastName = text(tokens, head..<r.upperBound)
            return (.organization, nil, nil, nil)
        }
        return nil
    }

    /// The capitalised words that end a source after its title head (after a comma, or right after
    /// the head in German), when they are at least two: a name the lists do not know ("Ulf Kämpfer").
    func titledName(_ tokens: [Token], after head: Int, in r: Range<Int>) -> Range<Int>? {
        var start = head + 1
        if !rules.capitalizedNouns {
            guard let comma = tokens[start..<r.upperBound].firstIndex(where: { $0.text == "," }) else { return nil }
            start = comma + 1
        }
        var end = start
        while end < r.upperBound, tokens[end].isWord, tokens[end].isCapitalized || end > start && ["de", "von", "le", "la", "del"].contains(tokens[end].lower) {
            end += 1
        }
        while end > start, !tokens[end - 1].isCapitalized { end -= 1 }
        guard end - start >= 2, end == r.upperBound || !tokens[end].isWord else { return nil }
        return start..<end
    }

    /// The words that may be the head: German, the capitalised words before a genitive; French and
    /// Spanish, the first words before "de".
    func headCandidates(_ tokens: [Token], _ folded: [String], _ content: ArraySlice<Int>) -> [Int] {
        var out: [Int] = []
        for k in content {
            if rules.sourceLinks.contains(folded[k]) || (rules.capitalizedNouns && rules.determiners.contains(folded[k])) { break }
            out.append(k)
        }
        let bare = out.map { $0 }
        return rules.capitalizedNouns ? bare.reversed() : bare
    }

    func gender(determiner: String?, head: String?) -> LanguageRules.Gender? {
        if let head, rules.matches(head, rules.femininePersonHeads) { return .female }
        if let d = determiner {
            if rules.capitalizedNouns {
                if d == "der" || d == "ein" || d == "sein" || d == "dieser" { return .male }
                if d == "die" || d == "eine" || d == "seine" || d == "ihre" { return head == nil ? .female : (rules.matches(head!, rules.femininePersonHeads) ? .female : nil) }
                return nil
            }
            if rules.feminineDeterminers.contains(d) { return .female }
            if rules.masculineDeterminers.contains(d) { return .male }
        }
        if let head, rules.matches(head, rules.personHeads) { return .male }
        return nil
    }

    /// A given name and the capitalised words after it, within `r`.
    func nameRun(_ tokens: [Token], _ folded: [String], in r: Range<Int>) -> Range<Int>? {
        var k = r.lowerBound
        while k < r.upperBound {
            if tokens[k].isWord, tokens[k].isCapitalized, rules.isGivenName(tokens[k].text) {
                var e = k + 1
                while e < r.upperBound, tokens[e].isWord, tokens[e].isCapitalized || ["de", "del", "von", "van", "le", "la"].contains(folded[e]) && e + 1 < r.upperBound && tokens[e + 1].isCapitalized {
                    e += 1
                }
                if e > k + 1 { return k..<e }
            }
            k += 1
        }
        return nil
    }

    /// People named in the sentence outside sources ("Ursu war 2019 … gegen Sebastian Wippel gewählt
    /// worden"), and described ("der Mann", "l'homme"): they stand between a pronoun and an earlier name.
    func nameMentions(_ tokens: [Token], _ folded: [String], skipping sources: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        var k = 0
        while k < tokens.count {
            if sources.contains(where: { $0.contains(k) }) { k += 1; continue }
            if let run = nameRun(tokens, folded, in: k..<min(tokens.count, k + 6)), run.lowerBound == k,
               !sources.contains(where: { $0.overlaps(run) }) {
                out.append(Mention(start: tokens[k].start, kind: .person, name: text(tokens, run), gender: rules.gender(ofName: tokens[k].text),
                                   plural: false, sentence: sentenceNumber))
                k = run.upperBound
                continue
            }
            if tokens[k].isWord, k > 0, rules.determiners.contains(folded[k - 1]) || LanguageRules.bare(tokens[k].text) != tokens[k].text,
               rules.matches(LanguageRules.fold(LanguageRules.bare(tokens[k].text)), rules.personHeads), !rules.matches(folded[k], rules.vagueHeads),
               k + 1 >= tokens.count || !(tokens[k + 1].isCapitalized && rules.isGivenName(tokens[k + 1].text)) {
                let d = LanguageRules.bare(tokens[k].text) != tokens[k].text ? nil : folded[k - 1]
                out.append(Mention(start: tokens[k].start, kind: .person, name: nil,
                                   gender: gender(determiner: d, head: LanguageRules.fold(LanguageRules.bare(tokens[k].text))),
                                   plural: false, sentence: sentenceNumber))
            }
            k += 1
        }
        return out
    }

    /// An attribution from a cue and its source (or the pronoun inside the cue's word: "a-t-il").
    mutating func attribution(_ tokens: [Token], _ folded: [String], _ cue: Range<Int>, _ sourceRange: Range<Int>?,
                              pronounIn: Int?, position: Bool, anySource: Bool, fresh: [Mention]) -> Attribution? {
        let cueText = text(tokens, cue)
        let cueStart = tokens[cue.lowerBound].start, cueEnd = tokens[cue.upperBound - 1].end
        var sourceStart: Int, sourceEnd: Int, sourceText: String
        var kind: AttributionKind
        var resolved: String?
        var by: ResolvedBy?
        var outlet: Outlet?
        var pronoun: LanguageRules.Pronoun?
        if let length = pronounIn {
            let word = tokens[cue.lowerBound]
            sourceEnd = word.end
            sourceStart = word.end - length
            sourceText = String(word.text.suffix(length))
            pronoun = rules.pronouns[LanguageRules.fold(sourceText)]
            guard pronoun != nil else { return nil }
            kind = .person
        } else if let r = sourceRange {
            // "nach Angaben des Betreibers": what a preposition cites is a source whatever its head;
            // a verb's subject must be one that can speak.
            guard let c = classify(tokens, folded, r) ?? (anySource ? (.organization, nil, nil, nil) : nil) else { return nil }
            sourceStart = tokens[r.lowerBound].start
            sourceEnd = tokens[r.upperBound - 1].end
            sourceText = text(tokens, r)
            (kind, resolved, by, outlet) = c
            if r.count == 1 { pronoun = rules.pronouns[folded[r.lowerBound]] }
        } else {
            return nil
        }
        if var p = pronoun {
            // German "sie sagten": a plural verb makes "sie" plural.
            if rules.capitalizedNouns, let verb = cue.last.map({ folded[$0] }), verb.hasSuffix("en") { p.plural = true }
            lastGender = p.gender
            lastPlural = p.plural
            if p.plural {
                kind = .vague
            } else if let m = antecedent(p, before: sourceStart, fresh: fresh) {
                kind = m.kind == .person || m.kind == .organization ? m.kind : .person
                resolved = m.name
                by = .pronoun
            }
        }
        return Attribution(source: sourceText, kind: kind, cue: cueText, sourceStart: sourceStart, sourceEnd: sourceEnd,
                           cueStart: cueStart, cueEnd: cueEnd, resolved: resolved, resolvedBy: by, outlet: outlet)
    }

    /// What a singular pronoun stands for: the nearest earlier mention that is not plural; it gives a
    /// name only when its gender is known and fits, else the pronoun keeps none (and a mention of the
    /// other gender is passed over, as it cannot be meant).
    func antecedent(_ p: LanguageRules.Pronoun, before start: Int, fresh: [Mention]) -> Mention? {
        let candidates = (mentions + fresh.filter { $0.start < start }).sorted { $0.start < $1.start }
        for m in candidates.reversed() {
            guard sentenceNumber - m.sentence <= Self.pronounReach else { return nil }
            if m.plural { continue }
            guard let g = m.gender else { return Mention(start: m.start, kind: m.kind, name: nil, gender: nil, plural: false, sentence: m.sentence) }
            if let want = p.gender, g != want { continue }
            // "Die Kämmerin Sabine Wolf und die Baudezernentin Doris Grondke …. Sie sagte": two people
            // of that gender named in one sentence, neither its speaker: the text does not tell which.
            if !m.isSource, candidates.contains(where: { $0.sentence == m.sentence && $0.start != m.start && $0.kind == .person && $0.gender == g && $0.name != m.name }) {
                return Mention(start: m.start, kind: m.kind, name: nil, gender: g, plural: false, sentence: m.sentence)
            }
            return m
        }
        return nil
    }

    // MARK: Claims

    /// A German sentence in the subjunctive of reported speech outside quotation marks ("Die Lage sei ernst").
    func reportsInSubjunctive(_ tokens: [Token]) -> Bool {
        guard !rules.reportedSpeechForms.isEmpty else { return false }
        for (k, t) in tokens.enumerated() where t.isWord && !t.quoted && rules.reportedSpeechForms.contains(t.lower) {
            if k > 0, tokens[k - 1].lower == "ich" { continue }
            return true
        }
        return false
    }

    func hedges(_ tokens: [Token]) -> [String] {
        let words = tokens.filter(\.isWord)
        let folded = words.map { LanguageRules.fold($0.text) }
        var found: [(Int, String)] = []
        for hedge in rules.hedges {
            let parts = hedge.split(separator: " ").map(String.init)
            for k in folded.indices where Self.matches(folded, at: k, parts) {
                if !found.contains(where: { $0.1 == hedge || $0.0 == k }) { found.append((k, hedge)) }
                break
            }
        }
        for (k, w) in words.enumerated() where !w.quoted && rules.reportedSpeechForms.contains(folded[k]) {
            if k > 0, folded[k - 1] == "ich" { continue }
            if !found.contains(where: { $0.1 == folded[k] }) { found.append((k, folded[k])) }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Check-worthiness: no questions, no sentences shorter than `extract.min_words`, no calls to
    /// action, no reported stance and no quoted opinion (`isStance`); with no attribution, no opinion
    /// or commentary (`LanguageRules.opinionMarkers`).
    func isClaim(_ text: String, tokens: [Token], hasAttribution: Bool, minWords: Int) -> Bool {
        guard tokens.filter(\.isWord).count >= max(1, minWords) else { return false }
        let core = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"”“’')]»"))
            .trimmingCharacters(in: .whitespaces)
        if core.hasSuffix("?") || core.hasSuffix(":") { return false }
        let lower = " " + LanguageRules.fold(text) + " "
        if rules.callToAction.contains(where: { lower.contains($0) }) { return false }
        if !hasAttribution, rules.opinionMarkers.contains(where: { lower.contains($0) }) { return false }
        return !isStance(tokens)
    }

    /// A sentence that states no fact of its own: one opened or closed by a quotation of an opinion, a
    /// norm or a feeling („Wir müssen die Schuldenbremse einhalten“, sagte …; «Es un golpe muy duro»,
    /// dijo …), or one reporting a stance or a forecast outside quotation marks ("Spranger lobte die
    /// Einsatzkräfte", "La CGT parle d'un « plan social déguisé »", "advirtió de que pondrá en riesgo
    /// el empleo", "le taux pourrait remonter à 7,6 %"). A figure anywhere, or a record or a number in
    /// words in the quotation, keeps an evaluation or a quotation a claim (« C'est un record historique »,
    /// « Un aller … à 150 euros, ce n'est pas acceptable »); it does not make a forecast a fact.
    func isStance(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord)
        guard let first = words.first, let last = words.last else { return false }
        // The words outside quotation marks, fillers left out, and whether a comma follows each.
        var plain: [String] = []
        var commaAfter: [Bool] = []
        for t in tokens where !t.quoted {
            if t.isWord {
                let w = LanguageRules.fold(t.text)
                if !rules.stanceFillers.contains(w) { plain.append(w); commaAfter.append(false) }
            } else if t.text == ",", !commaAfter.isEmpty {
                commaAfter[commaAfter.count - 1] = true
            }
        }
        // A forecast, a fear or a warning stays one with a figure in it ("le taux pourrait remonter à 7,6 %").
        if let modal = plain.firstIndex(where: rules.forecastModals.contains),
           !plain[(modal + 1)...].contains(where: rules.perfectAuxiliaries.contains) { return true }
        if !cueMatches(rules.opinionCues, in: plain).isEmpty { return true }
        guard !words.contains(where: \.hasDigit) else { return false }
        let quoted = words.filter(\.quoted)
        if quoted.count >= 3, first.quoted || last.quoted {
            if quotesOpinion(quoted) { return true }
            // The quotation is what the sentence says; its cue only frames it («…», lamentó la portavoz).
            if first.quoted || quoted.count * 2 >= words.count { return false }
        }
        return cueMatches(rules.evaluationCues, in: plain).contains { i, cue in
            let next = i + 1 < plain.count ? plain[i + 1] : ""
            let clause = cue.count == 1 && (commaAfter[i] || rules.complementizers.contains(next) || next.hasPrefix("qu'"))
            return !clause
        }
    }

    /// Where `cues` stand in `plain`, with the cue found there, leaving out `stanceCueExceptions`.
    func cueMatches(_ cues: [[String]], in plain: [String]) -> [(Int, [String])] {
        plain.indices.flatMap { i in
            cues.filter { Self.matches(plain, at: i, $0) && !isException(plain, $0, at: i) }.map { (i, $0) }
        }
    }

    /// Whether a quotation's words say an opinion, a norm or a feeling and hold no record and no number.
    func quotesOpinion(_ quoted: [Token]) -> Bool {
        let quotation = " " + quoted.map { LanguageRules.fold($0.text) }.joined(separator: " ") + " "
        if rules.factWords.contains(where: { quotation.contains(" \($0) ") }) { return false }
        if rules.factStems.contains(where: { quotation.contains(" \($0)") }) { return false }
        return rules.quotedOpinionMarkers.contains { quotation.contains(" \($0) ") }
    }

    /// Whether the cue at `i` is part of one of `stanceCueExceptions` ("se celebró").
    func isException(_ plain: [String], _ cue: [String], at i: Int) -> Bool {
        rules.stanceCueExceptions.contains { exception in
            exception.indices.contains { k in exception[k] == cue[0] && k <= i && Self.matches(plain, at: i - k, exception) }
        }
    }
}
