/// The attribution rules of one language other than English (issue 21): its words of saying, the
/// words that frame a source, the heads that tell a source's kind, its pronouns, hedges and
/// check-worthiness cues, and the outlets of its language area, all as named data. The data are in
/// German.swift, French.swift and Spanish.swift; `Extractor.extractWithLanguageRules` reads them.
/// English keeps its own path (Lexicon.swift, AttributionFinder, the tagger): `rules(for:)` is nil
/// for it, so nothing of the English extraction changes.
///
/// Every word is lowercased; apostrophes are typewriter ones ("d'après"), as `LanguageRules.fold`
/// makes the text's.
struct LanguageRules: Sendable {
    enum Gender: Sendable { case male, female }

    /// A pronoun that can stand for a source: its gender, and whether it is plural.
    struct Pronoun: Sendable {
        var gender: Gender?
        var plural: Bool
    }

    let code: String
    /// Finite forms of verbs of saying, writing and reporting ("sagte", "a déclaré" → "déclaré").
    let reportingVerbs: Set<String>
    /// Verbs that report a position or a reaction ("erwarten", "dénoncent", "critican"): a cue only when
    /// their subject is a person, a group or a body, never a thing.
    let positionVerbs: Set<String>
    /// Auxiliaries of compound tenses; with a participle of `reportingVerbs` they are part of the cue
    /// ("a déclaré", "ha asegurado", "s'est félicité").
    let auxiliaries: Set<String>
    /// Auxiliaries of the passive: a reporting participle after one has no speaker before it
    /// ("Das Urteil wird … erwartet").
    let passiveAuxiliaries: Set<String>
    /// Reporting participles of the passive whose agent follows a preposition ("révélée par Le Monde").
    let passiveParticiples: Set<String>
    let agentPrepositions: Set<String>
    /// Cues standing before their source ("laut", "nach Angaben von", "selon", "de acuerdo con").
    let cuesBefore: [[String]]
    /// Cues standing after their source ("dem Ministerium zufolge").
    let cuesAfter: [[String]]
    /// What may follow a cue of `cuesBefore` and makes it no cue ("selon les cas", "selon que").
    let cueBeforeExceptions: [[String]]
    /// Articles, demonstratives and possessives that open a noun phrase.
    let determiners: Set<String>
    /// Feminine and masculine singular determiners (for the gender of a description).
    let feminineDeterminers: Set<String>
    let masculineDeterminers: Set<String>
    /// Pronouns a source can be.
    let pronouns: [String: Pronoun]
    /// Subjects that name nobody ("hieß es", "a-t-on appris").
    let impersonal: Set<String>
    /// Words that end a source read after its cue: prepositions of time and place, weekdays, "dass".
    let sourceStops: Set<String>
    /// Words that keep a source going after its head ("der", "von", "de", "del").
    let sourceLinks: Set<String>
    /// Words that open a clause; a source read backwards from its cue stops after them.
    let clauseOpeners: Set<String>
    /// German verb-second: a clause opened by one of these has its subject after the verb
    /// ("Das teilte das Unternehmen mit", "Am Dienstag sagte Lindner").
    let frontedOpeners: Set<String>
    /// A subordinate clause with the verb at its end, and the source after the opener ("wie die Behörde mitteilte").
    let verbFinalOpeners: Set<String>
    /// Whether nouns are capitalised (German): then heads are matched as word endings ("Migrationsforscher").
    let capitalizedNouns: Bool
    /// Heads of a source phrase that tell its kind, lowercased singular and plural.
    let personHeads: Set<String>
    let femininePersonHeads: Set<String>
    let organizationHeads: Set<String>
    let documentHeads: Set<String>
    let vagueHeads: Set<String>
    /// A single unnamed individual: heads of a source with an indefinite article ("eine Person", "une source").
    let anonymousHeads: Set<String>
    /// Words that make any source anonymous ("qui a requis l'anonymat").
    let anonymityMarkers: [String]
    let indefiniteDeterminers: Set<String>
    /// First names of the language area, for names and the gender of "er"/"sie" (the census lists of
    /// GivenNameData are American and miss many of them).
    let femaleNames: Set<String>
    let maleNames: Set<String>
    /// Hedges: words and phrases that mark a claim as reported or unconfirmed, lowercased.
    let hedges: [String]
    /// Verb forms of reported speech (German Konjunktiv I): a hedge, and a sentence with one and no cue
    /// of its own continues the report of the sentence before.
    let reportedSpeechForms: Set<String>
    /// Phrases of opinion, judgement and commentary: a sentence with one and no attribution is no claim.
    let opinionMarkers: [String]
    /// Calls to action and site furniture ("Suivez toute l'actualité").
    let callToAction: [String]
    /// Verbs of judging, praising, criticising and regretting, as sequences of lowercased words
    /// ("lobte", "parle d'un", "calificó"). A sentence that reports one outside quotation marks and
    /// states no figure reports an evaluation, not a fact someone could check (bench/webgold/GUIDE.md §6:
    /// "X praised the rescuers", "X spoke of a 'disguised redundancy plan'"), unless a one-word cue is
    /// followed by a clause, which then says what was criticised or welcomed ("kritisieren, viele
    /// Kommunen hätten …"). Verbs that also name an act of an institution (a court's "verurteilte" /
    /// "a condamné", a complaint's "denunció", a ruling's "a jugé") are left out.
    let evaluationCues: [[String]]
    /// Verbs of expecting, fearing, hoping, warning and considering ("rechnet damit", "met en garde",
    /// "consideran que"): a sentence reporting one and stating no figure is a forecast or an opinion,
    /// clause or not.
    let opinionCues: [[String]]
    /// Modals of the conditional that make a forecast ("pourrait remonter", "könnte steigen", "podría
    /// subir"), unless a perfect auxiliary follows them, which makes a hedged past ("pourrait avoir
    /// été", "könnte … gewesen sein", "podría haber"). A forecast is no claim, figure or not. "devrait",
    /// "soll" and "dürfte" are left out: with a date they announce a schedule ("devrait rendre sa
    /// décision le 12 mars"), which is checkable.
    let forecastModals: Set<String>
    let perfectAuxiliaries: Set<String>
    /// Sequences holding such a cue that are none ("se celebró": an event was held).
    let stanceCueExceptions: [[String]]
    /// Words a cue of several words may have between its own ("rechne aber damit").
    let stanceFillers: Set<String>
    /// Words that open a clause after a verb ("dass", "que").
    let complementizers: Set<String>
    /// Phrases that make a quotation an opinion, a norm or a feeling ("das ist ein", "il faut", "es un",
    /// "leider"): a sentence opened or closed by such a quotation, with no figure and none of
    /// `factWords`, quotes an opinion, not a fact.
    let quotedOpinionMarkers: [String]
    /// Words and phrases that keep such a quotation checkable: records, superlatives, "unprecedented",
    /// ordinals and numbers in words ("erste", "plus grand", "sin precedentes", "tres"), and beginnings
    /// of words that do ("rekord" for "Rekordjahr", "größt" for "größten").
    let factWords: [String]
    let factStems: [String]
    /// Outlets of the language area: name | aliases separated by ";" | domain (as BuiltinOutlets).
    let outlets: String

    /// The rules for an article's language, nil for English and for languages no rules cover.
    static func rules(for language: String) -> LanguageRules? {
        switch language {
        case "de": return german
        case "fr": return french
        case "es": return spanish
        default: return nil
        }
    }

    /// Every language area's outlets, for `OutletDirectory`.
    static let outletTables: [String] = [german.outlets, french.outlets, spanish.outlets]

    /// "sprach von" → ["sprach", "von"]: phrases of the data written as one string each.
    static func phrases(_ lines: [String]) -> [[String]] {
        lines.map { $0.split(separator: " ").map(String.init) }
    }

    /// Typographic apostrophes made typewriter ones, lowercased.
    static func fold(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// "l'Insee" → "Insee", "d'après" stays: the elided article before a word.
    static func bare(_ word: String) -> String {
        for prefix in ["l'", "l’", "L'", "L’", "d'", "d’", "D'", "D’", "qu'", "qu’"] where word.hasPrefix(prefix) && word.count > prefix.count + 1 {
            return String(word.dropFirst(prefix.count))
        }
        return word
    }

    func gender(ofName first: String) -> Gender? {
        let lower = Self.fold(first)
        if femaleNames.contains(lower) { return .female }
        if maleNames.contains(lower) { return .male }
        switch GivenNames.gender(lower) {
        case .female?: return .female
        case .male?: return .male
        case nil: return nil
        }
    }

    func isGivenName(_ word: String) -> Bool {
        let lower = Self.fold(word)
        return femaleNames.contains(lower) || maleNames.contains(lower) || GivenNames.gender(lower) != nil
    }

    /// Whether `word` (lowercased) is one of `heads`: the same word, its plural, or for German a
    /// compound ending in it ("Migrationsforscher" ends in "forscher").
    func matches(_ word: String, _ heads: Set<String>) -> Bool {
        if heads.contains(word) { return true }
        for suffix in ["s", "es", "x", "n", "en", "nen"] where word.hasSuffix(suffix) && heads.contains(String(word.dropLast(suffix.count))) {
            return true
        }
        guard capitalizedNouns else { return false }
        let letters = Array(word)
        guard letters.count >= 4 else { return false }
        for k in 1...(letters.count - 3) {
            let tail = String(letters[k...])
            if heads.contains(tail) || (tail.hasPrefix("-") && heads.contains(String(tail.dropFirst()))) { return true }
        }
        return false
    }
}

import Foundation
