import Foundation

/// Who a sentence credits with what it says: the people named beside a verb of saying ("Ana Silva
/// said", "said operations director Paul Lindqvist", "according to Dr Ada Nwosu", "Nwosu, who led the
/// study, said"). The verifier compares the claim's speaker with the speaker of the page's passage:
/// a page that puts the same words in another person's mouth contradicts the claim (issue 17, point 3,
/// "another person credited").
///
/// Only people count, and only when the words say they are people: a given name the census lists
/// know (`GivenNames`) before a surname, or a title or role before a name ("Councillor Pengelly",
/// "prosecutor Reeve"), or, for the claim's own speaker, a single surname before the verb ("Nwosu
/// said"), which refers back to a person the article named. Organisations ("the ministry said") and
/// pronouns ("she said") credit nobody here: comparing them is left to the key terms.
enum Credit {
    struct Person: Equatable {
        /// As written, without the title: "Paul Lindqvist".
        var name: String
        /// Lower-cased last word, the part a later mention keeps: "lindqvist".
        var surname: String
    }

    /// The people `text` credits with what it says, in order, each once.
    static func people(in text: String, surnameAlone: Bool = false) -> [Person] {
        let tokens = words(text)
        var found: [Person] = []
        for (i, token) in tokens.enumerated() where CreditRules.verbs.contains(token.lower) {
            var candidates: [[Word]] = []
            // "… Ana Silva said", "… Nwosu, who led the study, said": the run before the verb, or before
            // an appositive between commas.
            var end = i
            if end > 0, tokens[end - 1].text == ",", let open = tokens[..<(end - 1)].lastIndex(where: { $0.text == "," }),
               end - 1 - open <= CreditRules.maxAppositiveWords {
                end = open
            }
            candidates.append(runBefore(tokens, end))
            // "… said operations director Paul Lindqvist": the run after the verb (not after "told",
            // whose object is the hearer), past lower-case role words.
            if CreditRules.invertingVerbs.contains(token.lower) { candidates.append(runAfter(tokens, pastRoleWords(tokens, from: i + 1))) }
            // "according to Dr Ada Nwosu".
            if token.lower == "according", i + 1 < tokens.count, tokens[i + 1].lower == "to" {
                candidates.append(runAfter(tokens, pastRoleWords(tokens, from: i + 2)))
            }
            for run in candidates {
                let roleBefore = run.first.map { $0.index > 0 && CreditRules.roleWords.contains(tokens[$0.index - 1].lower) } ?? false
                if let person = person(run, roleBefore: roleBefore, surnameAlone: surnameAlone),
                   !found.contains(where: { $0.surname == person.surname }) {
                    found.append(person)
                }
            }
        }
        return found
    }

    /// A run of capitalised words as a person: titles dropped; a given name the lists know before a
    /// surname, or a name after a title or role; else nobody.
    static func person(_ run: [Word], roleBefore: Bool, surnameAlone: Bool) -> Person? {
        var names = run
        var titled = roleBefore
        // "Co-author Professor Martin Ellery", "Chief Constable Robert Fane": the name follows the last title.
        func isTitle(_ w: Word) -> Bool { CreditRules.roleWords.contains(w.lower) || Lexicon.titles.contains(w.lower.trimmingCharacters(in: ["."])) }
        if let lastTitle = names.lastIndex(where: isTitle) {
            names = Array(names[(lastTitle + 1)...])
            titled = true
        }
        // Words before a given name are not the name ("Harrowgate manager Ellen Brooks" leaves "Ellen Brooks").
        if names.count > 2, let first = names.firstIndex(where: { GivenNames.female.contains($0.lower) || GivenNames.male.contains($0.lower) }) {
            names = Array(names[first...])
        }
        guard let last = names.last, names.count <= 3,
              !names.contains(where: { Lexicon.organizationMarkers.contains($0.lower) || CreditRules.notNames.contains($0.lower) }) else { return nil }
        let given = GivenNames.female.contains(names[0].lower) || GivenNames.male.contains(names[0].lower)
            || Lexicon.givenNamesOfEitherGender.contains(names[0].lower)
        guard names.count >= 2 && given || titled || surnameAlone && names.count == 1 else { return nil }
        var surname = last.lower
        if surname.hasSuffix("’s") || surname.hasSuffix("'s") { surname.removeLast(2) }
        return Person(name: names.map(\.text).joined(separator: " "), surname: surname)
    }

    struct Word {
        var text: String
        var lower: String
        var index: Int
        var isWord: Bool { text.first.map { $0.isLetter } ?? false }
        var isCapitalized: Bool { text.first.map { $0.isUppercase } ?? false }
    }

    /// Words and the punctuation that bounds a name (commas, colons, quotation marks, stops).
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var current = ""
        func flush() {
            if !current.isEmpty { out.append(Word(text: current, lower: current.lowercased(), index: out.count)); current = "" }
        }
        for c in text {
            if c.isLetter || c.isNumber || c == "-" || c == "'" || c == "’" || (c == "." && current.count <= 2 && current.first?.isUppercase == true) {
                current.append(c)
            } else {
                flush()
                if !c.isWhitespace { out.append(Word(text: String(c), lower: String(c), index: out.count)) }
            }
        }
        flush()
        return out
    }

    /// The capitalised words that end just before `end`.
    static func runBefore(_ tokens: [Word], _ end: Int) -> [Word] {
        var start = end
        while start > 0, tokens[start - 1].isWord, tokens[start - 1].isCapitalized { start -= 1 }
        // A sentence's first word is capitalised whatever it is: "He", "The", "Officials".
        return Array(tokens[start..<end]).filter { !(Lexicon.commonSentenceStarts.contains($0.lower) || Lexicon.personalPronouns.contains($0.lower)) }
    }

    /// The first token from `start` on that is not a lower-case role word ("operations director"), at
    /// most `CreditRules.maxRoleWords` on; a word that goes on with something else ("that", "the") stops it.
    static func pastRoleWords(_ tokens: [Word], from start: Int) -> Int {
        var k = start
        while k < tokens.count, k - start < CreditRules.maxRoleWords, tokens[k].isWord, !tokens[k].isCapitalized,
              !CreditRules.stopAfterVerb.contains(tokens[k].lower) { k += 1 }
        return k
    }

    /// The capitalised words from `start` on.
    static func runAfter(_ tokens: [Word], _ start: Int) -> [Word] {
        var end = start
        while end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized { end += 1 }
        return Array(tokens[start..<end])
    }
}

/// The words `Credit` reads, as data.
enum CreditRules {
    /// Verbs that credit their subject with what the sentence says.
    static let verbs: Set<String> = [
        "said", "says", "told", "tells", "stated", "added", "noted", "explained", "announced", "wrote", "warned", "insisted",
        "argued", "claimed", "confirmed", "according", "testified", "declared", "stressed", "predicted", "admitted",
    ]
    /// Verbs that also put their subject after them ("…,” said Paul Lindqvist).
    static let invertingVerbs: Set<String> = ["said", "says", "added", "noted", "explained", "wrote", "warned", "insisted", "argued", "stated", "declared"]
    /// Lower-case words between a verb and a name: a role ("said operations director Paul Lindqvist").
    static let maxRoleWords = 4
    /// Words that end the search for a name after a verb: the sentence goes on with something else.
    static let stopAfterVerb: Set<String> = ["that", "the", "it", "he", "she", "they", "in", "on", "at", "of", "to", "a", "an", "and", "but", "was", "had", "would", "will"]
    /// An appositive between a name and its verb ("Nwosu, who led the study, said") is at most this many tokens.
    static let maxAppositiveWords = 12
    /// Roles and offices that mark the next name as a person's, as a lower-case word before it or a
    /// capitalised one at its head ("Chief Constable", "Councillor", "prosecutor").
    static let roleWords: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "councillor", "councilor", "prosecutor", "constable", "officer", "executive",
        "director", "manager", "minister", "governor", "chairman", "chairwoman", "chair", "president", "secretary", "treasurer",
        "captain", "coach", "striker", "midfielder", "goalkeeper", "defender", "statistician", "economist", "analyst", "author",
        "researcher", "professor", "inspector", "superintendent", "detective", "sergeant", "judge", "justice", "mayor", "senator",
        "chief", "deputy", "head", "leader", "member", "lawyer", "attorney", "founder", "editor", "dr", "mr", "mrs", "ms", "sir",
    ]
    /// Capitalised words that are never part of a person's name here.
    static let notNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "police", "officials"]
}
