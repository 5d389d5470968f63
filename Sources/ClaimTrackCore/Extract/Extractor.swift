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
        // German, French and Spanish have rules of their own (Extract/Languages/).
        if let rules = LanguageRules.rules(for: article.language) { return extractWithLanguageRules(article, rules) }
        // Every rule below is English: on an uncovered language none may fire (Language/UncoveredLanguage.swift).
        guard Language.attributionsCover(article.language) else { return extractWithoutRules(article) }
        let s = Array(article.text.unicodeScalars)
        let markup = Self.markupMask(article, count: s.count)
        let finder = AttributionFinder(outlets: outlets)
        let quoted = Tokenizer.quotedMask(s, paragraphs: article.paragraphs)
        let filter = ClaimFilter(minWords: minWords)
        var claims: [Claim] = []
        var attributions: [Attribution] = []
        var occurrences: [String: Int] = [:]
        /// Attributions of the previous sentence of the same paragraph, for continuation.
        var previousSentenceAttributions: [Int] = []
        var seen: [Mention] = []
        var quotations = QuotationCarry()
        var people = People(genders: Self.honorificGenders(s), runEnds: Self.capitalizedRunEnds(s))
        var previousParagraph: Range<Int>?
        /// Where the sentence read just before starts (a paragraph that is no prose breaks the chain).
        var previousSentence: Int?

        for paragraph in article.paragraphs {
            let paragraphText = text(s, paragraph)
            if ClaimFilter.isNonProseParagraph(paragraphText) { previousSentence = nil; continue }
            let sentences = SentenceSplitter.split(s, paragraph)
            let heading = sentences.count == 1 && ClaimFilter.isHeading(paragraphText)
            previousSentenceAttributions = []
            quotations.startParagraph(paragraph, previous: previousParagraph, in: s)
            previousParagraph = paragraph
            for sentence in sentences where sentence.count <= Self.maxSentenceLength {
                let tokens = Tokenizer.tokenize(s, sentence, markup: markup, quoted: quoted)
                let found = finder.find(tokens, tagger: AttributionTagger.shipped)
                var indexes: [Int] = []
                for f in found {
                    let source = Self.trimMarkup(tokens[f.source.lowerBound].start..<tokens[f.source.upperBound - 1].end, markup)
                    let cue = Self.trimMarkup(tokens[f.cue.lowerBound].start..<tokens[f.cue.upperBound - 1].end, markup)
                    indexes.append(attributions.count)
                    let name = f.name.map { text(s, tokens[$0.lowerBound].start..<tokens[$0.upperBound - 1].end) }
                    let sourceText = text(s, source)
                    let trailing = name == nil || name == sourceText ? Self.trailingName(sourceText) : nil
                    // "The group that owns most of her music, Big Machine": what the description's head says it is.
                    let descriptionKind = trailing.flatMap { _ in Self.descriptionHead(sourceText).flatMap(Self.headKind) }
                    attributions.append(Attribution(
                        source: sourceText, kind: descriptionKind ?? Self.refinedKind(f.kind, source: sourceText, outlet: f.outlet, people), cue: text(s, cue),
                        sourceStart: source.lowerBound, sourceEnd: source.upperBound,
                        cueStart: cue.lowerBound, cueEnd: cue.upperBound, resolved: (name == sourceText ? nil : name) ?? trailing,
                        resolvedBy: .appositive, outlet: f.outlet, stance: f.stance))
                }
                let firstMention = seen.count
                var named = mentions(in: tokens, finder: finder, people: &people)
                // The name a person's source ends in is a person's: "said 9/11 widow Terry Strada".
                for m in named.indices where named[m].kind == .person {
                    named[m].inPersonSource = indexes.contains {
                        attributions[$0].kind == .person && Self.endsPersonSource(named[m].name, Self.name(of: attributions[$0]))
                    }
                }
                let described = descriptions(in: tokens)
                // A name tied to a description replaces the plain run of the same words.
                for tie in described where tie.descriptionWords == nil { named.removeAll { $0.start == tie.start } }
                seen.append(contentsOf: named)
                seen.append(contentsOf: described)
                // The sentence's named sources are mentions too ("Holt said …, and he added").
                for k in indexes where attributions[k].kind.isSpecific && attributions[k].kind != .document
                    && attributions[k].source.unicodeScalars.first(where: { $0.properties.isAlphabetic })?.properties.isUppercase == true
                    // Not "He", "I've": a pronoun, even with its verb.
                    && !Lexicon.personalPronouns.contains(String(attributions[k].source.lowercased().prefix { $0 != "'" && $0 != "’" }))
                    // Not "the …", "His …", "Several …": a description, not a name, unless a name stands beside it.
                    && (!Lexicon.determiners.contains(attributions[k].source.lowercased().split(separator: " ").first.map(String.init) ?? "")
                        || Self.trailingName(attributions[k].source) != nil && attributions[k].resolved != nil) {
                    var mention = Mention(start: attributions[k].sourceStart, kind: attributions[k].kind, name: Self.mentionName(of: attributions[k]),
                                          outlet: attributions[k].outlet, attribution: k)
                    if Self.trailingName(attributions[k].source) != nil, let head = Self.descriptionHead(attributions[k].source) {
                        mention.describedAs = [head]
                    }
                    seen.append(mention)
                    if attributions[k].kind == .person { people.met(Self.mentionName(of: attributions[k])) }
                }
                // Mentions of earlier sentences all start before this one: only the sentence's own are sorted.
                var fresh = Array(seen[firstMention...]).sorted { $0.start < $1.start }
                Self.markSubject(&fresh, sentence: sentence, tokens)
                seen.replaceSubrange(firstMention..., with: fresh)
                resolveReferences(indexes, in: &attributions, mentions: &seen, people: people, sentence: sentence,
                                  previousSentence: previousSentence, scalars: s)
                previousSentence = sentence.lowerBound
                var pronouns = pronounMentions(in: tokens, sources: indexes.map { attributions[$0] }, mentions: seen, people: people)
                if let first = pronouns.first, !seen[firstMention...].contains(where: \.isSubject) {
                    var opening = [first]
                    Self.markSubject(&opening, sentence: sentence, tokens)
                    pronouns[0] = opening[0]
                }
                for p in pronouns.indices { pronouns[p].sentence = sentence.lowerBound }
                seen.append(contentsOf: pronouns)
                seen[firstMention...].sort { $0.start < $1.start }
                let sentenceText = text(s, sentence)
                var claimAttributions = indexes
                let reports = indexes.filter { !attributions[$0].stance }
                let shape = QuotationCarry.Shape(tokens)
                let speaker = quotations.carried(shape)
                var spokenByCarriedSpeaker = false
                if reports.isEmpty, continuesReport(tokens), !previousSentenceAttributions.isEmpty {
                    claimAttributions = previousSentenceAttributions
                } else if reports.isEmpty, !speaker.isEmpty {
                    claimAttributions = indexes + speaker
                    spokenByCarriedSpeaker = true
                }
                var claim: Int?
                // What the sentence's own attributions take up ("experts say", "the brokerage said"), so the
                // filter judges what is reported.
                let framing = indexes.flatMap { [attributions[$0].sourceStart..<attributions[$0].sourceEnd, attributions[$0].cueStart..<attributions[$0].cueEnd] }
                if !heading, filter.isClaim(sentenceText, tokens: tokens, hasAttribution: !claimAttributions.allSatisfy { attributions[$0].stance },
                                            framing: framing) {
                    let id = ClaimID.make(articlePath: article.path, sentence: sentenceText, occurrences: &occurrences)
                    for k in indexes { attributions[k].claim = claims.count }
                    claim = claims.count
                    claims.append(Claim(id: id, text: sentenceText, start: sentence.lowerBound, end: sentence.upperBound,
                                        hedges: Self.hedges(in: sentenceText), attributions: claimAttributions, paragraph: paragraph))
                }
                // Who speaks the quotation: a report whose cue stands outside it ("…," Holt said).
                let speakers = reports.filter { !quoted[attributions[$0].cueStart] }
                quotations.record(shape, speakers: speakers, claim: claim, own: indexes, hasReport: !reports.isEmpty,
                                  carriedSpeaker: spokenByCarriedSpeaker, claims: &claims)
                let carriedReports = claimAttributions.filter { !attributions[$0].stance }
                if !carriedReports.isEmpty { previousSentenceAttributions = carriedReports }
            }
        }
        return Extraction(article: article, claims: claims, attributions: attributions)
    }

    /// One flag per code point: true where `article.markup` says the text is syntax. Empty when
    /// the article has no markup (plain text).
    static func markupMask(_ article: Article, count: Int) -> [Bool] {
        guard !article.markup.isEmpty else { return [] }
        var mask = [Bool](repeating: false, count: count)
        for r in article.markup { for k in r where k < count { mask[k] = true } }
        return mask
    }

    /// Every sentence's tokens, split and tokenized as `extract` does (for training the tagger).
    static func tokenizedSentences(_ article: Article) -> [[Token]] {
        let s = Array(article.text.unicodeScalars)
        let markup = Self.markupMask(article, count: s.count)
        let quoted = Tokenizer.quotedMask(s, paragraphs: article.paragraphs)
        return article.paragraphs.flatMap { paragraph in
            SentenceSplitter.split(s, paragraph).filter { $0.count <= maxSentenceLength }.map {
                Tokenizer.tokenize(s, $0, markup: markup, quoted: quoted)
            }
        }
    }

    /// A source that crosses link syntax ("the [city auditor's report") keeps the part with its head word.
    static func trimMarkup(_ r: Range<Int>, _ markup: [Bool]) -> Range<Int> {
        guard !markup.isEmpty, r.contains(where: { $0 < markup.count && markup[$0] }) else { return r }
        var a = r.upperBound - 1
        while a > r.lowerBound, !markup[a - 1] { a -= 1 }
        return a..<r.upperBound
    }

    private func text(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[r]))
    }

    /// A "sentence" longer than this (in code points) is a run-on line, a table or a dump, not a claim:
    /// it is skipped, which also keeps hostile one-line files from costing quadratic time.
    static let maxSentenceLength = 3_000

    /// Sentence openings that continue the previous sentence's report.
    static let continuationOpenings: [[String]] = [
        ["the", "report", "also"], ["the", "study", "also"], ["the", "statement", "also"], ["it", "also"], ["it", "added"],
        ["the", "report", "added"], ["the", "same", "report"], ["the", "report"], ["the", "study"], ["the", "survey"],
        ["the", "document"], ["the", "findings"], ["according", "to", "the", "same"],
    ]

    private func continuesReport(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord).prefix(4).map(\.lower)
        if words.contains(where: { $0 == "allegedly" || $0 == "reportedly" }) { return true }
        return Self.continuationOpenings.contains { opening in words.starts(with: opening) }
    }

    /// A name seen in the text, for resolving later pronouns and descriptions. A description ("the
    /// ministry", "the governor", "the report") is a mention too, so that "it said" after "The ministry
    /// released figures" is not given an older name; it stands for a name only when `named` finds one.
    struct Mention {
        var start: Int
        var kind: AttributionKind
        var name: String
        var outlet: Outlet?
        /// The words after "the", lower-cased ("health", "ministry"), when the mention is a description.
        var descriptionWords: [String]? = nil
        /// The attribution whose source the mention is, if it is one.
        var attribution: Int? = nil
        /// Whether the mention is the name of an attribution's source that is a person.
        var inPersonSource = false
        /// The name a description stands beside, between commas: "Mike Ford" of "Mike Ford, the mayor,".
        var appositiveTo: String? = nil
        /// The heads of the descriptions the text ties to this name: "The group, WeWorkers Coalition,"
        /// and "The group that owns her music, Big Machine," make a later "the group" that name.
        var describedAs: Set<String> = []
        /// A "he" or "she" of the text (not a source's): `name` is whom it was resolved to, empty when no one.
        var isPronoun = false
        /// The gender the words tell without a name: "she", "his father", "the actress".
        var knownGender: Gender? = nil
        /// Where the mention's sentence starts, and whether the mention is that sentence's subject.
        var sentence = 0
        var isSubject = false
    }

    /// Marks the mentions of one sentence with the sentence and its subject: the first mention (of
    /// any kind: "Boeing … it said" needs organisations too) that opens the sentence, or its main
    /// clause after a fronted phrase ("On Tuesday, Morrison said"), within a few words ("Republican
    /// counsel Steve Castor asked").
    static func markSubject(_ mentions: inout [Mention], sentence: Range<Int>, _ tokens: [Token]) {
        var opening = 0
        if let comma = tokens.prefix(maximumFrontedPhrase + 1).firstIndex(where: { $0.text == "," }),
           let word = tokens.first?.lower, Lexicon.sentenceOpeners.contains(word) {
            opening = comma + 1
        }
        // "He told Marc Benioff …": a pronoun opens the subject, and no name after it is the subject.
        var window = Array(tokens.dropFirst(opening).prefix(maximumSubjectLead + 1).prefix { $0.text != "," })
        if let pronoun = window.firstIndex(where: { Lexicon.personalPronouns.contains($0.lower) }) { window = Array(window[...pronoun]) }
        let starts = Set(window.map(\.start))
        var subjectFound = false
        for m in mentions.indices {
            mentions[m].sentence = sentence.lowerBound
            if !subjectFound, starts.contains(mentions[m].start) {
                mentions[m].isSubject = true
                subjectFound = true
            }
        }
    }

    /// The name a description's appositive gives it: "The group that owns most of her music, Big
    /// Machine" is Big Machine; "his predecessor, Fiona Hill" is Fiona Hill. Nil when the source opens
    /// with a name ("Jane Holt, the mayor") or the part after the comma is not all capitalised.
    static func trailingName(_ source: String) -> String? {
        guard let comma = source.lastIndex(of: ","), let first = source.split(separator: " ").first,
              Lexicon.personDeterminers.contains(plain(first)) || first.hasSuffix("'s") || first.hasSuffix("’s"),
              // "his predecessor, Fiona Hill"; or a relative clause ends in a name: "The company that runs
              // the AMAs, Dick Clark Productions".
              source[..<comma].split(separator: " ").last?.first?.isLowercase == true
                || source[..<comma].split(separator: " ").dropFirst().contains(where: { Lexicon.relativeWords.contains($0.lowercased()) })
        else { return nil }
        let tail = source[source.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        let words = tail.split(separator: " ")
        guard (1...maximumAppositiveName).contains(words.count),
              words.allSatisfy({ $0.first?.isUppercase == true || $0 == "of" || $0 == "and" }) else { return nil }
        return tail
    }

    /// The head of the description a source opens with, up to a relative word, a linker or a comma:
    /// "group" of "The group that owns most of her music, Big Machine"; "automaker" of "The German
    /// automaker". Nil when the source does not open with a determiner or a possessive.
    static func descriptionHead(_ source: String) -> String? {
        let words = source.split(separator: " ")
        guard let first = words.first, Lexicon.personDeterminers.contains(plain(first)) || first.hasSuffix("'s") || first.hasSuffix("’s") else { return nil }
        var head: String?
        for w in words.dropFirst() {
            let word = plain(w)
            if Lexicon.relativeWords.contains(word) || affiliationLinkers.contains(word) { break }
            if w.first?.isLowercase == true { head = bare(word) }
            if w.last == "," { break }
        }
        return head
    }

    /// What a description's head says its referent is: an organisation ("group", "company", "automaker")
    /// or a person ("agent", "spokeswoman", "governor").
    static func headKind(_ head: String) -> AttributionKind? {
        if Lexicon.organizationMarkers.contains(head) || Lexicon.companyHeads.contains(head) { return .organization }
        if Lexicon.personNouns[head] != nil || Lexicon.offices.contains(head) { return .person }
        return nil
    }

    /// What ties a person to where they work: "Alex Horton of the Washington Post", "a reporter for USA Today".
    static let affiliationLinkers: Set<String> = ["of", "for", "at", "with"]

    /// Words of a name in an appositive at most ("Dick Clark Productions").
    static let maximumAppositiveName = 5

    /// A source's kind, corrected by what the whole phrase and the article tell:
    /// 1. a person with an affiliation is a person: "Alex Horton of the Washington Post", "Wee of the
    ///    Times", "NASA administrator Jim Bridenstine", "Will Tjernlund, a consultant for Amazon sellers";
    /// 2. "the patient", "Ford's father": a noun for one person after a definite word is a person;
    /// 3. one capitalised word that is no one's surname met before, nor a first name, is an organisation:
    ///    "Toyota said", "Instagram says" (not "Holt said" after "Jane Holt").
    static func refinedKind(_ kind: AttributionKind, source: String, outlet: Outlet?, _ people: People) -> AttributionKind {
        // The head: the words before a comma, a parenthesis or an affiliation's linker.
        let all = source.split(separator: " ")
        var words: [String] = []
        for w in all {
            if w.first == "(" || Self.affiliationLinkers.contains(String(w)) { break }
            if w.last == "," { words.append(String(w.dropLast())); break }
            words.append(String(w))
        }
        words.removeAll { $0.isEmpty }
        guard let last = words.last else { return kind }
        let affiliated = words.count < all.count
        func isName(_ w: String) -> Bool {
            guard let first = w.unicodeScalars.first, first.properties.isUppercase else { return false }
            let p = plain(w)
            return !w.allSatisfy { $0.isUppercase || $0 == "." } && !Lexicon.organizationMarkers.contains(p)
                && !Lexicon.commonSentenceStarts.contains(p) && !Lexicon.titles.contains(p)
        }
        if kind == .outlet, let possessive = words.firstIndex(where: { $0.hasSuffix("'s") || $0.hasSuffix("’s") }),
           possessive + 1 < words.count, words[(possessive + 1)...].allSatisfy(isName),
           !words[(possessive + 1)...].contains(where: { Lexicon.outletNameWords.contains(plain($0)) }) {
            // "NPR’s Feng", "CNN's Jake Tapper": the outlet's person.
            return .person
        }
        if kind != .person {
            // 1. The phrase's head ends in a name of two words after a role or stands before "of"/",".
            let run = words.reversed().prefix(while: isName).count
            let lead = words.dropLast(run).last.map(plain)
            if run >= 2, lead.map({ !($0.first?.isUppercase ?? true) && !Lexicon.prepositions.contains($0) && $0 != "the" }) ?? affiliated,
               outlet.map({ !words.joined(separator: " ").lowercased().contains($0.name.lowercased()) }) ?? true {
                return .person
            }
            if run == 1, words.count == 1, affiliated, people.surnames[plain(last)] != nil { return .person }
            // "HOLT: We lost 40 ships": a transcript's speaker label in capitals, a surname met before.
            if words.count == 1, !affiliated, last.allSatisfy({ $0.isUppercase }), let full = people.surnames[plain(last)], !full.isEmpty {
                return .person
            }
            // 2. "the patient", "Ford's now-deceased father", "a reporter for USA Today".
            if let first = words.first.map(plain), Lexicon.personNouns[plain(last)] != nil, last.first?.isLowercase == true,
               Lexicon.definiteOpeners.contains(first) || first.hasSuffix("'s") || first.hasSuffix("’s")
                || affiliated && ["a", "an"].contains(first) && words.count == 2 {
                return .person
            }
            return kind
        }
        // "Ascom, a global solutions provider …", "the People’s Daily, the mouthpiece of the party":
        // what the appositive calls a name says what it is.
        if affiliated, words.count < all.count, all[words.count - 1].hasSuffix(","),
           let kind = Self.appositiveKind(all[words.count...].map(String.init)) {
            return kind
        }
        // "The Afghan Taliban", "The Wrap": no person's name opens with "the".
        if words.count >= 2, words[0] == "The" || words[0] == "the", !affiliated, words.dropFirst().allSatisfy(isName) {
            return .organization
        }
        // 3. One capitalised word, no one met before by that surname, no first name.
        if words.count == 1, !affiliated, isName(last), !Lexicon.personalPronouns.contains(plain(last)),
           people.surnames[bare(plain(last))] == nil, !people.runEnds.contains(bare(plain(last))), GivenNames.gender(plain(last)) == nil {
            return .organization
        }
        if words.count == 1, last.count >= 2, last.allSatisfy({ $0.isUppercase }), people.surnames[plain(last)] == nil,
           !people.runEnds.contains(plain(last)) { return .organization }
        return kind
    }

    /// The kind an appositive's head gives the name before it: "a global solutions provider focused on …"
    /// is an organisation, "the mouthpiece of the Communist party" an outlet; nil for a person's role
    /// ("a consultant for Amazon sellers") or anything else. The head is the last lower-case word before
    /// a linker, a relative, a participle or a comma.
    static func appositiveKind(_ words: [String]) -> AttributionKind? {
        guard let first = words.first.map(plain), ["a", "an", "the"].contains(first) else { return nil }
        var head: String?
        for w in words.dropFirst() {
            let word = plain(w)
            if Lexicon.sourceLinkers.contains(word) || Lexicon.relativeWords.contains(word) || Lexicon.headEnders.contains(word) { break }
            if head != nil, word.count > 4, word.hasSuffix("ed") || word.hasSuffix("ing") { break }
            if w.first?.isLowercase == true { head = bare(word) }
            if w.last == "," { break }
        }
        guard let head else { return nil }
        if Lexicon.personNouns[head] != nil || Lexicon.offices.contains(head) || AttributionFinder.roleNouns.contains(head) { return nil }
        if Lexicon.outletAppositiveHeads.contains(head) { return .outlet }
        if Lexicon.companyHeads.contains(head) || Lexicon.organizationMarkers.contains(head) || Lexicon.organizationAppositiveHeads.contains(head) {
            return .organization
        }
        return nil
    }

    /// Tokens of a fronted phrase before the subject at most ("In a statement on Tuesday,").
    static let maximumFrontedPhrase = 7
    /// Words before a subject's name at most ("Republican counsel Steve Castor").
    static let maximumSubjectLead = 3

    /// The name an attribution's source is known by: its outlet's, the name it resolved to, or its own
    /// ("Minyon Moore, a senior adviser to the Clinton campaign" is "Minyon Moore").
    static func name(of a: Attribution) -> String { a.outlet?.name ?? a.resolved ?? a.source }

    /// The name a later reference to an attribution's source gets: `name(of:)` without an appositive
    /// or a possessive ("Sonya A. Zoghlin, Carlineo's attorney" → "Sonya A. Zoghlin"; "Donald Trump's",
    /// the source of "claim" in "Donald Trump's claim", → "Donald Trump").
    static func mentionName(of a: Attribution) -> String {
        bare(name(of: a).prefix { $0 != "," }.trimmingCharacters(in: .whitespaces))
    }

    /// What a description after "the" describes, by its last word: an office ("governor", "prime
    /// minister"), a document ("report") or an organisation ("ministry", "health department").
    static func describedKind(_ words: [String]) -> AttributionKind? {
        guard let head = words.last.map(bare) else { return nil }
        if Lexicon.offices.contains(head) { return .person }
        if Lexicon.documentHeads.contains(head) { return .document }
        if Lexicon.outletAppositiveHeads.contains(head) || words.dropLast().contains("news") { return .outlet }
        if Lexicon.organizationMarkers.contains(head) || Lexicon.companyHeads.contains(head) { return .organization }
        return nil
    }

    /// Descriptions in a sentence: "the" and one or two lower-case words ending in a head `describedKind` knows.
    func descriptions(in tokens: [Token]) -> [Mention] {
        var out: [Mention] = []
        // "his father", "a woman", "the actress": one person, of the gender the noun tells, if any.
        for k in tokens.indices where Lexicon.personDeterminers.contains(tokens[k].lower) && !tokens[k].quoted {
            for m in (k + 1)..<min(tokens.count, k + 3) {
                guard tokens[m].isWord, !tokens[m].isCapitalized else { break }
                guard let gender = Lexicon.personNouns[tokens[m].lower] else { continue }
                // "the father of Tom Reyes" names the son; "a man from Ohio" stays a man.
                out.append(Mention(start: tokens[k].start, kind: .person, name: tokens[k...m].map(\.lower).joined(separator: " "),
                                   outlet: nil, descriptionWords: tokens[(k + 1)...m].map(\.lower), knownGender: gender))
                break
            }
        }
        for k in tokens.indices where tokens[k].lower == "the" && !tokens[k].quoted {
            var words: [String] = []
            for m in (k + 1)..<min(tokens.count, k + 3) {
                guard tokens[m].isWord, !tokens[m].isCapitalized else { break }
                words.append(tokens[m].lower)
                if let kind = Self.describedKind(words) {
                    // "The group, WeWorkers Coalition, formed …": the name beside it is what later "the group" stands for.
                    if kind == .organization, let tie = Self.appositiveName(after: m, tokens) {
                        out.append(Mention(start: tokens[tie.lowerBound].start, kind: .organization,
                                           name: tokens[tie].map(\.text).joined(separator: " "), outlet: nil, describedAs: [Self.bare(words[words.count - 1])]))
                    }
                    var mention = Mention(start: tokens[k].start, kind: kind, name: "the " + words.joined(separator: " "), outlet: nil, descriptionWords: words)
                    // "Mike Ford, the mayor of Bayside, met …": the mayor is Mike Ford.
                    if kind == .person, Self.isAppositive(k, head: m, tokens) {
                        var first = k - 2
                        while first > 0, tokens[first - 1].isWord, tokens[first - 1].isCapitalized { first -= 1 }
                        mention.appositiveTo = tokens[first...(k - 2)].map(\.text).joined(separator: " ")
                    }
                    out.append(mention)
                    break
                }
            }
        }
        return out
    }

    /// The name between commas right after a description's head: "WeWorkers Coalition" of "The group,
    /// WeWorkers Coalition, formed". Capitalised words (and "of", "and" inside them), closed by a comma.
    static func appositiveName(after head: Int, _ tokens: [Token]) -> Range<Int>? {
        let first = head + 2
        guard first < tokens.count, tokens[head + 1].text == ",", tokens[first].isWord, tokens[first].isCapitalized else { return nil }
        var end = first
        while end < tokens.count, end - first < maximumAppositiveName,
              tokens[end].isWord && (tokens[end].isCapitalized || tokens[end].lower == "of" || tokens[end].lower == "and") {
            end += 1
        }
        guard end < tokens.count, tokens[end].text == ",", tokens[end - 1].isCapitalized else { return nil }
        return first..<end
    }

    /// Whether the description from `start` to `head` stands between commas after a name ("Mike Ford,
    /// the mayor of Bayside, met"), not before its verb ("In Bayside, the mayor said"). It is then that
    /// person: "she" passes over it, and "he" is Mike Ford.
    static func isAppositive(_ start: Int, head: Int, _ tokens: [Token]) -> Bool {
        guard start >= 2, tokens[start - 1].text == ",", tokens[start - 2].isWord, tokens[start - 2].isCapitalized else { return false }
        for j in (head + 1)..<min(tokens.count, head + 1 + longestAppositiveTail) {
            if tokens[j].text == "," { return true }
            if !tokens[j].isWord || Lexicon.reportingVerbs.contains(tokens[j].lower) { return false }
        }
        return false
    }

    /// Words after an appositive's head before its closing comma at most: "the mayor of Bayside, Ohio,".
    static let longestAppositiveTail = 8

    /// The named mention a description stands for, the nearest before `position`: for a document, the
    /// organisation or outlet that published it; for an organisation, one whose name holds the head
    /// ("the ministry" → "Ministry of Health") or that a generic head fits ("the company" → "Acme
    /// Corp"); for an office, a person whose titles are that office ("the governor" → "Gov. Alan
    /// Brooks", not "Lt. Gov. Ray Ortiz").
    static func named(_ words: [String], kind: AttributionKind, before position: Int, in mentions: [Mention]) -> Mention? {
        let named = mentions.reversed().filter { $0.start < position && $0.descriptionWords == nil }
        guard let head = words.last.map(bare) else { return nil }
        switch kind {
        case .document:
            return named.first { [.outlet, .organization].contains($0.kind) }
        case .outlet:
            // "the news agency", "the newspaper": the outlet named before, when the text names only one.
            let outlets = named.filter { $0.kind == .outlet }
            guard let nearest = outlets.first, outlets.allSatisfy({ $0.name == nearest.name }) else { return nil }
            return nearest
        case .organization:
            let described = Set(words.map(bare).filter { $0 != "former" && $0 != "new" })
            // A name the text tied to this very description ("The group, WeWorkers Coalition,") comes first.
            if let tied = named.first(where: { [.outlet, .organization].contains($0.kind) && !$0.describedAs.isEmpty && described.isSubset(of: $0.describedAs) }) {
                return tied
            }
            let fitting = named.filter { mention in
                guard [.outlet, .organization].contains(mention.kind) else { return false }
                let nameWords = Set(mention.name.lowercased().split(separator: " ").map { bare(plain($0)) })
                // "the appeals court" is the Court of Appeals, not the Supreme Court.
                if described.isSubset(of: nameWords) { return true }
                guard described == [head], mention.kind == .organization else { return false }
                if Lexicon.genericOrganizationHeads.contains(head) { return true }
                return Lexicon.companyHeads.contains(head)
                    && (!nameWords.isDisjoint(with: Lexicon.companyMarkers) || nameWords.isDisjoint(with: Lexicon.organizationMarkers))
            }
            guard let nearest = fitting.first else { return nil }
            // A head any organisation fits ("the group", "the company") names the nearest one only when
            // the text made it a speaker or a subject and no other one stands between.
            let generic = described == [head] && !Set(nearest.name.lowercased().split(separator: " ").map { bare(plain($0)) }).contains(head)
            if generic {
                guard let speaker = fitting.first(where: { $0.attribution != nil || $0.isSubject }),
                      !fitting.prefix(while: { $0.start > speaker.start }).contains(where: { $0.name != speaker.name }) else { return nil }
                return speaker
            }
            return nearest
        case .person:
            let office = words.filter { $0 != "former" }
            // A name, not a title alone ("Judge"); its titles may follow a place or party ("Indiana Gov. Eric
            // Holcomb", "U.S. President Donald Trump") but not another title ("Lt. Gov. Ray Ortiz").
            return named.first { mention in
                guard mention.kind == .person, mention.name.split(separator: " ").count > office.count else { return false }
                if titleWords(mention.name) == office { return true }
                var parts = mention.name.split(separator: " ")
                while let first = parts.first, parts.count > office.count + 1, first.first?.isUppercase == true,
                      !Lexicon.titles.contains(plain(first)) {
                    parts.removeFirst()
                    if titleWords(parts.joined(separator: " ")) == office { return true }
                }
                return false
            }
        default:
            return nil
        }
    }

    /// The titles a name opens with, abbreviations spelled out and "former" left out: "Former Gov. Alan
    /// Brooks" → ["governor"], "Prime Minister Theresa May" → ["prime", "minister"].
    static func titleWords(_ name: String) -> [String] {
        var out: [String] = []
        for part in name.split(separator: " ") {
            var w = part.lowercased()
            if w.hasSuffix(".") { w.removeLast() }
            guard Lexicon.titles.contains(w) else { break }
            if w != "former" { out.append(Lexicon.titleAbbreviations[w] ?? w) }
        }
        return out
    }

    /// Runs of capitalised words: people (two or more words, or a title and a name), organisations and outlets.
    /// A capitalised word alone goes into `people.wordsAlone`.
    func mentions(in tokens: [Token], finder: AttributionFinder, people: inout People) -> [Mention] {
        var out: [Mention] = []
        var k = 0
        while k < tokens.count {
            // A name inside a quotation is someone the speaker talks about, not who "he said" is.
            guard tokens[k].isWord, tokens[k].isCapitalized, !tokens[k].quoted,
                  !(k == 0 && (Lexicon.commonSentenceStarts.contains(tokens[k].lower) || Lexicon.sentenceOpeners.contains(tokens[k].lower)))
            else { k += 1; continue }
            var j = k + 1
            while j < tokens.count {
                if tokens[j].isWord && tokens[j].isCapitalized { j += 1; continue }
                if tokens[j].text == ".", Lexicon.titles.contains(tokens[j - 1].lower), j + 1 < tokens.count, tokens[j + 1].isCapitalized { j += 1; continue }
                if tokens[j].lower == "of", j + 1 < tokens.count, tokens[j + 1].isCapitalized { j += 1; continue }
                break
            }
            // A possessive ends a name ("Trump's July call" is Trump's, "NBC's Lester Holt" is Lester Holt),
            // unless it is inside one: "People's Daily", "the U.S. Attorney's Office".
            if let p = (k..<(j - 1)).first(where: { Self.bare(tokens[$0].lower) != tokens[$0].lower }),
               outlets.lookup(finder.phraseText(tokens, k..<j)) == nil,
               !tokens[(p + 1)..<j].contains(where: { Lexicon.organizationMarkers.contains($0.lower) }) {
                j = p + 1
            }
            let run = k..<j
            let words = run.map { tokens[$0] }.filter(\.isWord)
            var text = finder.phraseText(tokens, run)
            for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { text.removeLast(2) }
            if let outlet = outlets.lookup(text) {
                out.append(Mention(start: tokens[k].start, kind: .outlet, name: outlet.name, outlet: outlet))
            } else if words.count <= Self.longestOrganizationName,
                      !(words.count == 1 && Lexicon.placeAcronyms.contains(words[0].lower)),
                      words.contains(where: { Lexicon.organizationMarkers.contains(Self.bare($0.lower)) || $0.isAcronym }) {
                out.append(Mention(start: tokens[k].start, kind: .organization, name: text, outlet: nil))
            } else if words.count >= 2 && words.count <= 5 {
                out.append(Mention(start: tokens[k].start, kind: .person, name: text, outlet: nil))
                // Not a place's name: "West Virginia" is no one's surname.
                if let first = words.first, !Lexicon.placeLeads.contains(first.lower) { people.met(text) }
            } else if words.count == 1 {
                let word = Self.bare(words[0].lower)
                people.wordsAlone.insert(word)
                // "Young, in his testimony, …" is Tom Young, met before: a "he" after it is Young.
                if let full = people.surnames[word], !full.isEmpty {
                    out.append(Mention(start: tokens[k].start, kind: .person, name: full, outlet: nil))
                } else if people.surnames[word] == nil, GivenNames.gender(word) != nil {
                    // "Tommy — who only goes by his first name online — retired": a first name alone;
                    // "she interviewed Mike" after "Mike Ford" is Mike Ford, the only Mike met.
                    let full = people.firstNames[word].flatMap { $0.isEmpty ? nil : $0 }
                    out.append(Mention(start: tokens[k].start, kind: .person, name: full ?? words[0].text, outlet: nil))
                }
            }
            k = j
        }
        return out
    }

    enum Gender { case male, female }

    /// What the article tells of its people, for "he" and "she": the genders its honorifics give
    /// surnames (`honorificGenders`), and the capitalised words it has used alone so far ("Warren told
    /// Stumpf"), as a surname is and a place ("North Korea") seldom is.
    struct People {
        var genders: [String: Gender]
        var wordsAlone: Set<String> = []
        /// The last words of runs of two or more capitalised words anywhere in the article, lower-cased:
        /// "stafford" of "Tom Stafford" even where "Stafford said" comes first.
        var runEnds: Set<String> = []
        /// The full names met so far by their surname ("young" → "Tom Young"); empty when two people share it.
        var surnames: [String: String] = [:]
        /// The full names met so far by their first name ("mike" → "Mike Ford"); empty when two people share it.
        var firstNames: [String: String] = [:]

        mutating func met(_ name: String) {
            let full = Extractor.bare(name.prefix { $0 != "," }.trimmingCharacters(in: .whitespaces))
            guard full.split(separator: " ").count >= 2, let surname = Extractor.lastWord(full) else { return }
            // "Mr. Trump", "President Trump" and "Donald J. Trump" are Donald Trump; "Bill Clinton" and
            // "Hillary Clinton" are two people.
            // The first name: the word before the surname, initials skipped ("Tom" of "Band member Tom Reyes").
            func given(_ n: String) -> String? {
                guard let word = n.split(separator: " ").dropLast().map({ Extractor.plain($0) }).last(where: { $0.count > 1 })
                else { return nil }
                return Lexicon.titles.contains(word) || Lexicon.honorificGenders[word] != nil ? nil : word
            }
            if let first = given(full) {
                if let known = firstNames[first], !known.isEmpty, lastWord(known) != surname { firstNames[first] = "" }
                else if firstNames[first] == nil { firstNames[first] = full }
            }
            if let known = surnames[surname], !known.isEmpty, known != full,
               let a = given(known), let b = given(full), a != b {
                surnames[surname] = ""
            } else if let known = surnames[surname], known.isEmpty {
                return
            } else if surnames[surname] == nil || given(full) != nil && full.count > surnames[surname]!.count {
                surnames[surname] = full
            }
        }
    }

    /// Whether `name` ends the part of a person's source before any appositive, after no preposition:
    /// "Terry Strada" in "9/11 widow Terry Strada", not "New Jersey" in "Jo-Renee Formicola, a
    /// professor in New Jersey", nor "Fort Pierce" in "a woman from Fort Pierce".
    static func endsPersonSource(_ name: String, _ source: String) -> Bool {
        let head = source.prefix { $0 != "," }
        guard head.hasSuffix(name) else { return false }
        return !head.dropLast(name.count).split(separator: " ").contains { Lexicon.prepositions.contains(String($0)) }
    }

    /// Whether a mention a "he" or "she" may stand for names a person: a source the tagger read as
    /// one, or the name that ends one; a description ("the governor"); or capitalised words with a
    /// title, with a first name or honorific that tells a gender, or with a surname the article has
    /// used alone. Not "North Korea", "American Music Awards" or a headline. `gender` is the mention's,
    /// by `gender(of:_:)`.
    static func isPersonName(_ mention: Mention, gender: Gender?, _ people: People) -> Bool {
        if mention.attribution != nil || mention.inPersonSource || mention.descriptionWords != nil { return true }
        let words = mention.name.prefix { $0 != "," }.split(separator: " ")
        if words.contains(where: { Lexicon.personTitles.contains(plain($0)) }) {
            return true
        }
        if gender != nil { return true }
        // Not "I" of "Am I right to feel hurt?"
        guard let surname = lastWord(mention.name), !Lexicon.personalPronouns.contains(surname) else { return false }
        return people.wordsAlone.contains(surname)
    }

    /// The gender honorifics give surnames anywhere in the article ("Mr. Tom Reyes", "Ms. Holt"), by
    /// the surname, lower-cased. A surname given both ("Mr. Clinton", "Mrs. Clinton") has none.
    /// Reads code points, not Characters: it runs over every article.
    static func honorificGenders(_ s: [Unicode.Scalar]) -> [String: Gender] {
        var out: [String: Gender] = [:]
        var both: Set<String> = []
        /// The letters of the word at `i`, and where it ends.
        func word(at i: Int) -> (String, Int) {
            var j = i
            while j < s.count, s[j].properties.isAlphabetic || s[j] == "-" || s[j] == "'" || s[j] == "’" { j += 1 }
            return (String(String.UnicodeScalarView(s[i..<j])), j)
        }
        var i = 0
        while i < s.count {
            guard Self.honorificInitials.contains(s[i].value), i == 0 || s[i - 1].properties.isWhitespace else { i += 1; continue }
            let (honorific, wordEnd) = word(at: i)
            var end = wordEnd
            i = max(wordEnd, i + 1)
            guard let gender = Lexicon.honorificGenders[honorific.lowercased()] else { continue }
            if end < s.count, s[end] == "." { end += 1 }
            // The name's last capitalised word, up to four words on: "Ms. Jane Holt met" → "holt".
            var surname: String?
            for _ in 0..<4 {
                guard end < s.count, s[end] == " ", end + 1 < s.count, s[end + 1].properties.isUppercase else { break }
                let (name, after) = word(at: end + 1)
                surname = bare(name).lowercased()
                end = after
                if after < s.count, s[after] == "." { end += 1 }  // "Tom J. Reyes"
            }
            guard let surname, !surname.isEmpty else { continue }
            if let known = out[surname], known != gender { both.insert(surname) }
            out[surname] = gender
        }
        for surname in both { out[surname] = nil }
        return out
    }

    /// `People.runEnds`: one pass over the article's code points.
    static func capitalizedRunEnds(_ s: [Unicode.Scalar]) -> Set<String> {
        // ASCII first: Unicode property lookups are the extractor's costliest calls.
        func isUpper(_ c: Unicode.Scalar) -> Bool { c.value < 128 ? (65...90).contains(c.value) : c.properties.isUppercase }
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            c.value < 128 ? (65...90).contains(c.value) || (97...122).contains(c.value) : c.properties.isAlphabetic
        }
        var out: Set<String> = []
        var run = 0
        var i = 0
        while i < s.count {
            guard isUpper(s[i]), i == 0 || !isLetter(s[i - 1]) else {
                if s[i] != " " && s[i] != "\n" { run = 0 }
                i += 1
                continue
            }
            var j = i
            while j < s.count, isLetter(s[j]) || s[j] == "-" { j += 1 }
            run += 1
            if run >= 2 { out.insert(String(String.UnicodeScalarView(s[i..<j])).lowercased()) }
            // "Harry M. Reid", "Sen. Holt": an initial's or a title's dot continues the run.
            if j < s.count, s[j] == ".", j - i == 1 || Lexicon.titles.contains(String(String.UnicodeScalarView(s[i..<j])).lowercased()) { j += 1 }
            i = j
            // A run goes on over a space: "Tom Stafford", not "Stafford. Then".
            if !(i < s.count && s[i] == " ") { run = 0 }
        }
        return out
    }

    /// The capital letters honorifics begin with ("M" of "Mr."): the scan looks no further at others.
    static let honorificInitials = Set(Lexicon.honorificGenders.keys.compactMap { $0.uppercased().unicodeScalars.first?.value })

    /// A person's gender: by the honorific the name opens with ("Ms. Holt"); else by the first names
    /// just before the surname ("Tina Houchins", "Defense Secretary Mark Esper", "Hillary Rodham
    /// Clinton"), if they agree ("José María Aznar" tells nothing); else by the honorifics the article
    /// gives the surname. First names come before the article's honorifics: "Mrs. Clinton" does not make
    /// Bill Clinton a "she". A name of one word has no first name: "Warren" is a surname as well.
    static func gender(of name: String, _ genders: [String: Gender]) -> Gender? {
        // The name without an appositive or a suffix: "Sonya A. Zoghlin, Carlineo's attorney", "Martin Luther King Jr.".
        var words = name.prefix { $0 != "," }.split(separator: " ")
        while let last = words.last, words.count > 2, Lexicon.nameSuffixes.contains(plain(last)) {
            words.removeLast()
        }
        guard let first = words.first, let surname = words.last else { return nil }
        if let own = Lexicon.honorificGenders[plain(first)] { return own }
        return givenNameGender(words) ?? lastWord(String(surname)).flatMap { genders[$0] }
    }

    /// The gender the first names before a name's surname agree on, if any.
    private static func givenNameGender(_ words: [Substring]) -> Gender? {
        var found: Gender?
        var given = 0
        for word in words.dropLast().reversed() {
            if word.hasSuffix("."), word.count <= 2 { continue }  // an initial: "Tom J. Reyes"
            guard given < maximumGivenNames, word.first?.isUppercase == true,
                  !Lexicon.titles.contains(plain(word)) else { break }
            given += 1
            guard let gender = GivenNames.gender(word.lowercased()) else { continue }
            if let found, found != gender { return nil }
            found = gender
        }
        return found
    }

    /// First names a name may have before its surname: "Hillary Rodham", "José María".
    static let maximumGivenNames = 2

    /// A name's last word as surnames are compared: lower-cased, without punctuation at its ends or a
    /// possessive ("Tom Reyes's," → "reyes").
    static func lastWord(_ name: String) -> String? {
        // "Patrick Carlineo Jr." is Carlineo: a generation's suffix is no surname.
        var words = name.split(separator: " ").map { bare($0.trimmingCharacters(in: .punctuationCharacters)).lowercased() }
        while words.count > 1, let last = words.last, Lexicon.nameSuffixes.contains(last) { words.removeLast() }
        return words.last
    }

    /// Words in an organisation's name at most: "Securities and Exchange Commission" is one, a headline
    /// in title case ("Pence Gives GOP A Boost With Solid Debate Win Over Kaine") is not.
    static let longestOrganizationName = 7

    /// The surname a source names a person by, lower-cased: "Holt", "Holt's", "Mr. Holt", "Sen. Holt".
    static func surname(_ source: String) -> String? {
        let words = source.split(separator: " ").map { bare(String($0)) }
        guard let last = words.last, last.first?.isUppercase == true, last.count > 1,
              words.count == 1 || words.count == 2 && Lexicon.titles.contains(words[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        else { return nil }
        return lastWord(source)
    }

    /// A word as the word lists hold it: lower-cased, without punctuation at its ends ("Sen." → "sen").
    static func plain<S: StringProtocol>(_ word: S) -> String {
        word.lowercased().trimmingCharacters(in: .punctuationCharacters)
    }

    /// A word without its possessive ending.
    static func bare(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }

    /// Pronouns, descriptions and surnames ("he", "it", "the report", "who", "Holt") get the name they
    /// refer to in `resolved`: the nearest earlier mention of a fitting kind.
    /// A source's own mention takes the name it resolved to, for the sources after it: "Figueroa" is
    /// then "Melezia Figueroa" to a later "she", in this sentence or another.
    private func resolveReferences(_ indexes: [Int], in attributions: inout [Attribution], mentions: inout [Mention],
                                   people: People, sentence: Range<Int>, previousSentence: Int?, scalars s: [Unicode.Scalar]) {
        for k in indexes where attributions[k].kind != .anonymous {
            defer {
                for m in mentions.indices.reversed() {
                    guard mentions[m].start >= sentence.lowerBound else { break }
                    if mentions[m].attribution == k { mentions[m].name = Self.mentionName(of: attributions[k]) }
                }
            }
            let source = attributions[k].source.lowercased()
            let position = attributions[k].sourceStart
            let earlier = mentions.reversed().filter { $0.start < position }
            var target: Mention?
            switch source {
            case "he", "she", "him", "her", "it":
                target = Self.antecedent(of: source, earlier, people, sentence: sentence.lowerBound)
                if target?.isPronoun == true, target?.name.isEmpty == true { target = nil }
                if let described = target, let words = described.descriptionWords {
                    target = Self.nameOf(described, words, in: mentions)
                    if let target, described.kind == .document {
                        // "it" is the report; the name is its publisher's.
                        attributions[k].resolved = target.name
                        attributions[k].resolvedBy = .pronoun
                        attributions[k].kind = .document
                        attributions[k].outlet = target.outlet
                        continue
                    }
                }
            case _ where source.hasPrefix("the "):
                // "the ministry" → "Ministry of Health"; "the report" → the organisation that published it;
                // "the governor" → "Gov. Alan Brooks".
                // A name after "the" only lengthens: "the Times" → "The New York Times"; "the IMF" is named
                // already, and "The Washington Post" is no blog post.
                let original = attributions[k].source.dropFirst(4).split(separator: " ")
                var words = original.map { Self.bare(String($0).lowercased()) }
                var capitalized = original.contains { $0.contains(where: \.isUppercase) }
                // "The German automaker", "the California company": a place or a nation before a common
                // head only describes it.
                if capitalized, original.last?.first?.isLowercase == true {
                    words = original.filter { $0.first?.isLowercase == true }.map { Self.bare(String($0)) }
                    capitalized = false
                }
                let kind = capitalized ? .organization : Self.describedKind(words)
                if words.count <= 2, let kind, let target = Self.named(words, kind: kind, before: position, in: mentions),
                   target.name.lowercased() != words.joined(separator: " ") {
                    attributions[k].resolved = target.name
                    attributions[k].resolvedBy = .description
                    attributions[k].outlet = attributions[k].outlet ?? target.outlet
                    continue
                }
                // "Eyamba Sowers didn't know … The real estate agent said": a description of what someone
                // does, opening its sentence, continues the subject of the sentence before.
                guard !capitalized, let head = words.last, let wanted = Self.continuingKind(head),
                      let target = Self.continuedSubject(kind: wanted, gender: Lexicon.personNouns[head] ?? nil, opening: position,
                                                         sentence: sentence, previous: previousSentence, mentions, people, s) else { continue }
                attributions[k].resolved = target.name
                attributions[k].resolvedBy = .description
                attributions[k].kind = wanted
                attributions[k].outlet = attributions[k].outlet ?? target.outlet
                continue
            case "who", "which":
                // The name before ", who said": the capitalised words before the comma.
                guard position > sentence.lowerBound else { continue }
                var j = position - 1
                while j > sentence.lowerBound, s[j] == " " || s[j] == "," { j -= 1 }
                var a = j
                while a > sentence.lowerBound, Tokenizer.isWordScalar(s[a - 1]) || s[a - 1] == " " || s[a - 1] == "." { a -= 1 }
                guard a <= j else { continue }
                let words = String(String.UnicodeScalarView(s[a...j])).split(separator: " ")
                let name = words.reversed().prefix { $0.first?.isUppercase == true }.reversed().joined(separator: " ")
                if !name.isEmpty {
                    attributions[k].resolved = name
                    attributions[k].resolvedBy = .appositive
                    attributions[k].kind = source == "who" ? .person : .organization
                }
                continue
            default:
                // "Holt told reporters" → "Senator Jane Holt": a surname, alone or after a title ("Mr.
                // Trump"), names the person met before by a longer name ending in it.
                let name = attributions[k].source
                guard attributions[k].kind == .person, let surname = Self.surname(name) else { continue }
                target = earlier.first { mention in
                    guard mention.kind == .person, mention.descriptionWords == nil, mention.name != name else { return false }
                    let words = mention.name.split(separator: " ")
                    return words.count > 1 && words.last.map { String($0).lowercased() } == surname
                }
            }
            if let target {
                attributions[k].resolved = target.name
                attributions[k].resolvedBy = ["he", "she", "him", "her", "it"].contains(source) ? .pronoun : .surname
                attributions[k].kind = target.kind
                attributions[k].outlet = target.outlet
            }
        }
    }

    /// The kind a description continues the subject of the sentence before with: a person for what
    /// someone does ("the agent", not "the father"), an organisation for a company's head ("the automaker").
    static func continuingKind(_ head: String) -> AttributionKind? {
        if Lexicon.occupationNouns.contains(head), !Lexicon.offices.contains(head) { return .person }
        if Lexicon.companyHeads.contains(head) || Lexicon.genericOrganizationHeads.contains(head) { return .organization }
        return nil
    }

    /// The named subject of the sentence just before (`previous`, where it starts) that a description
    /// opening its own sentence at `opening` continues: of `kind`, of no other gender, and not a pronoun
    /// or another description.
    static func continuedSubject(kind: AttributionKind, gender: Gender?, opening: Int, sentence: Range<Int>, previous: Int?,
                                 _ mentions: [Mention], _ people: People, _ s: [Unicode.Scalar]) -> Mention? {
        guard let previous, s[sentence.lowerBound..<opening].allSatisfy({ !$0.properties.isAlphabetic }),
              let subject = mentions.first(where: { $0.sentence == previous && $0.isSubject }),
              subject.kind == kind || kind == .organization && subject.kind == .outlet,
              subject.descriptionWords == nil, !subject.isPronoun, !subject.name.isEmpty else { return nil }
        if kind == .person, let gender, let known = Self.gender(of: subject.name, people.genders), known != gender { return nil }
        // "The Ministry of Health said … The airline said": a company's head continues a company, or a
        // name with no organisation's marker at all.
        if kind == .organization {
            let nameWords = Set(subject.name.lowercased().split(separator: " ").map { bare(plain($0)) })
            guard !nameWords.isDisjoint(with: Lexicon.companyMarkers) || nameWords.isDisjoint(with: Lexicon.organizationMarkers) else { return nil }
        }
        return subject
    }

    /// The mention a "he", "she" or "it" stands for: the nearest earlier one that fits. "she" is not
    /// "Mr. Reyes" nor "Mike Ford": a person of the other gender is passed over, and so is a run of
    /// capitalised words with nothing of a person's name ("North Korea"). An earlier "he" of the same
    /// gender fits and lends what it was resolved to (nothing, when it was no one), and so does a
    /// description ("his father", "the governor"): it stands for a name only if one is found for it.
    /// Past the nearest fitting candidate a pronoun reaches only to the subject or speaker of that
    /// candidate's own sentence.
    static func antecedent<Earlier: Collection<Mention>>(of pronoun: String, _ earlier: Earlier, _ people: People,
                                                         sentence: Int? = nil) -> Mention? {
        let kinds: [AttributionKind] = pronoun == "it" ? [.outlet, .organization, .document] : [.person]
        let unfit: Gender? = pronoun == "he" || pronoun == "him" ? .female : pronoun == "she" || pronoun == "her" ? .male : nil
        func fits(_ mention: Mention) -> Bool {
            guard kinds.contains(mention.kind) else { return false }
            guard pronoun != "it" else { return true }
            var gender = mention.knownGender ?? gender(of: mention.appositiveTo ?? mention.name, people.genders)
            // "Elise wrote": one word that is a first name and no surname met before is a first name.
            if gender == nil, !mention.name.contains(" "), people.surnames[plain(mention.name)] == nil {
                gender = GivenNames.gender(plain(mention.name))
            }
            if mention.isPronoun { return gender != unfit }
            return isPersonName(mention, gender: gender, people) && (unfit == nil || gender != unfit)
        }
        guard let nearest = earlier.first(where: fits) else { return nil }
        if nearest.isSubject || nearest.attribution != nil { return nearest }
        // "Morrison was the witness who listened in on the call with President Zelensky. He said …":
        // "he" continues the subject of that sentence, not the name nearest to it.
        // So does a speaker before it: "Cook told Benioff, …" — "he said" is Cook.
        if let subject = earlier.first(where: { $0.sentence == nearest.sentence && ($0.isSubject || $0.attribution != nil)
            && $0.start < nearest.start && fits($0) }) {
            return subject
        }
        // "Boeing … confirmed its approach. In a statement to NASA, it said": the subject before the
        // nearest name fits as well, so nothing tells which one is meant.
        // A person the pronoun's own sentence introduces, by a name not met before, is the one it means:
        // "While the campaign did not appeal to Julie Graham, a health officer, she said …".
        if let sentence, nearest.sentence == sentence, nearest.kind == .person, nearest.name.contains(" "),
           !earlier.contains(where: { $0.start < nearest.start && $0.name == nearest.name }) {
            return nearest
        }
        // Unless only the nearest is known to be of the pronoun's gender: "… did not appeal to Julie
        // Graham, …, she said" after "Hege said" is Julie Graham.
        func genderKnown(_ mention: Mention) -> Bool {
            guard pronoun != "it", unfit != nil else { return false }
            return (mention.knownGender ?? gender(of: mention.appositiveTo ?? mention.name, people.genders)
                ?? (mention.name.contains(" ") ? nil : GivenNames.gender(plain(mention.name)))).map { $0 != unfit } ?? false
        }
        if let previous = earlier.first(where: { $0.sentence < nearest.sentence })?.sentence,
           earlier.contains(where: { $0.sentence == previous && ($0.isSubject || $0.attribution != nil) && fits($0) && $0.name != nearest.name
               && (genderKnown($0) || !genderKnown(nearest)) }) {
            return nil
        }
        return nearest
    }

    /// The named mention a description a pronoun reached stands for: the name beside it between commas
    /// ("Luis Osuna, the president of the lawyers association," is Luis Osuna, not President Obama),
    /// else the one `named` finds for its words.
    static func nameOf(_ described: Mention, _ words: [String], in mentions: [Mention]) -> Mention? {
        described.appositiveTo.map { Mention(start: described.start, kind: .person, name: $0, outlet: nil) }
            ?? named(words, kind: described.kind, before: described.start, in: mentions)
    }

    /// "he" and "she" of a sentence that are no source's, as mentions for the pronouns after them,
    /// each with the name it stands for (or none); a source's pronoun lends the name it resolved to.
    func pronounMentions(in tokens: [Token], sources: [Attribution], mentions: [Mention], people: People) -> [Mention] {
        var out: [Mention] = []
        for t in tokens where !t.quoted && (t.lower == "he" || t.lower == "she") {
            let gender: Gender = t.lower == "he" ? .male : .female
            var name = ""
            if let source = sources.first(where: { $0.sourceStart == t.start && $0.source.lowercased() == t.lower }) {
                name = source.resolved ?? ""
            } else if let target = Self.antecedent(of: t.lower, mentions[..<(mentions.firstIndex { $0.start >= t.start } ?? mentions.endIndex)].reversed(), people) {
                if let words = target.descriptionWords {
                    name = Self.nameOf(target, words, in: mentions)?.name ?? ""
                } else {
                    name = target.name
                }
            }
            out.append(Mention(start: t.start, kind: .person, name: name, outlet: nil, isPronoun: true, knownGender: gender))
        }
        return out
    }

    /// Hedges in the sentence, longest first, each once, in reading order.
    static func hedges(in sentence: String) -> [String] {
        let lower = sentence.lowercased()
        let chars = Array(lower.unicodeScalars)
        var original: [Unicode.Scalar]?
        var taken: [Range<Int>] = []
        var found: [(Int, String)] = []
        for hedge in Lexicon.hedges {
            let pattern = Array(hedge.unicodeScalars)
            var i = 0
            while i + pattern.count <= chars.count {
                if chars[i] == pattern[0], Array(chars[i..<(i + pattern.count)]) == pattern,
                   i == 0 || !Tokenizer.isWordScalar(chars[i - 1]),
                   i + pattern.count == chars.count || !Tokenizer.isWordScalar(chars[i + pattern.count]),
                   !taken.contains(where: { $0.overlaps(i..<(i + pattern.count)) }),
                   // "May" is a month or a name ("Theresa May"), not a hedge.
                   !(Lexicon.lowercaseOnlyHedges.contains(hedge) && {
                       if original == nil { original = Array(sentence.unicodeScalars) }
                       return original!.count == chars.count && original![i].properties.isUppercase
                   }()) {
                    taken.append(i..<(i + pattern.count))
                    if !found.contains(where: { $0.1 == hedge }) { found.append((i, hedge)) }
                }
                i += 1
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
