/// Decides which sentences are check-worthy factual claims. A sentence is
/// dropped, in this order, when its paragraph is not prose (a note to
/// editors, a byline, a label), when it is a heading, a question, an
/// imperative or call to action, normative or about the writer, or shorter
/// than `extract.min_words`, or a condition ("If he doesn't play, Clark would
/// start") or the writer's speculation without a figure ("Voters could have
/// shown they were tired of it"); it is kept when it carries a number, a date, a named entity or an
/// attribution, or tells what happened in nobody's voice ("The officers left
/// without finding the child"). A sentence that is mostly a quotation is
/// judged by the quoted words: "It was a difficult situation for us," Lopez
/// said is a quip, "We laid off 300 workers," she said a fact; "I think Guido helped me," a view;
/// "Governor Bevin has done a wonderful job for Kentucky!" praise;
/// anything said "jokingly" a joke.
struct ClaimFilter {
    let minWords: Int

    static let callToAction = Lexicon.callToActionPhrases.map { Array($0.utf8) }
    static let opinion = Lexicon.opinionMarkers.map { Array($0.utf8) }

    /// Whether a whole paragraph is site furniture rather than article prose.
    static func isNonProseParagraph(_ text: String) -> Bool {
        let lower = text.lowercased()
        if Lexicon.nonProseOpenings.contains(where: { lower.hasPrefix($0) }) {
            // "By" opens a byline only when short ("By Jane Doe and John Roe").
            if lower.hasPrefix("by ") { return text.split(separator: " ").count <= 8 }
            return true
        }
        return false
    }

    /// A paragraph of one short line without closing punctuation is a heading or label.
    static func isHeading(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") { return true }
        guard let last = trimmed.unicodeScalars.last else { return true }
        if last == ":" { return trimmed.split(separator: " ").count <= 12 }
        return !PlainText.lineEnders.contains(last) && trimmed.split(separator: " ").count <= 20
    }

    func isClaim(_ text: String, tokens: [Token], hasAttribution: Bool, framing: [Range<Int>] = []) -> Bool {
        let words = tokens.filter(\.isWord)
        guard words.count >= max(1, minWords) else { return false }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let core = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"”’')]"))
        if core.hasSuffix("?") { return false }
        if core.hasSuffix(":") { return false }
        let lower = Array((" " + trimmed.lowercased() + " ").utf8)
        if Self.callToAction.contains(where: { Bytes.contains(lower, $0) }) { return false }
        if let first = words.first?.lower, Lexicon.imperativeStarts.contains(first), !hasAttribution {
            // "Share prices fell" is not an imperative: an imperative's second word is not a verb-like plural noun.
            if !(words.count > 1 && ["prices", "price", "of"].contains(words[1].lower)) { return false }
        }
        if !hasAttribution, Self.opinion.contains(where: { Bytes.contains(lower, $0) }) { return false }
        // "If he doesn't play, Jacob Clark would start": what would happen, not what did.
        if words.first?.lower == "if", words.contains(where: { Lexicon.conditionalModals.contains($0.lower) }) { return false }
        // "Voters could have shown they were tired of it", "It would also allow the candidates to campaign":
        // what could or would be, in the writer's voice, with no figure or date to check.
        if !hasAttribution, Self.speculates(words) { return false }
        // "Of course, you might …", "If anything, this was …", "Yes, that’s it.": the writer's aside.
        if Self.opensAsAside(tokens), !words.contains(where: \.hasDigit) { return false }
        let quoted = words.filter(\.quoted)
        if !quoted.isEmpty, words.contains(where: { !$0.quoted && Lexicon.jokingWords.contains($0.lower) }) { return false }
        if quoted.count * 100 >= words.count * Self.quotationShare {
            return Self.quotationStatesFact(quoted, carriesFacts: { carriesFacts($0) }) && (hasAttribution || carriesFacts(words))
        }
        if hasAttribution {
            // "Experts say the upside will be capped": what is reported is a forecast or a view, with no
            // number, date or name to check.
            let reported = words.filter { w in !framing.contains { $0.contains(w.start) } }
            // "Officials said Boeing will pay": a capital right after the framing is a name.
            let opensSentence = reported.first?.start == words.first?.start
            return carriesFacts(reported, opensSentence: opensSentence) || !reported.contains { Lexicon.viewWords.contains($0.lower) }
        }
        return carriesFacts(words) || Self.narratesEvent(words)
    }

    /// A sentence with no number, date or name that tells what happened, in the past or the passive,
    /// in nobody's voice and with no word of judgement: "The officers left without finding the child",
    /// "The patient was given steroids". Not "We were thrilled", not "It was a great night".
    static func narratesEvent(_ words: [Token]) -> Bool {
        var happened = false
        for w in words {
            if Lexicon.subjectiveWords.contains(w.lower) || Lexicon.viewWords.contains(w.lower) || Lexicon.personalVoice.contains(w.lower) {
                return false
            }
            if Lexicon.pastTenseMarkers.contains(w.lower) || !w.isCapitalized && AttributionFinder.hasVerbEnding(w, adverbs: false) && w.lower.hasSuffix("ed") {
                happened = true
            }
        }
        return happened
    }

    /// Whether a sentence's first modal outside quotation marks is one of speculation ("would", "might",
    /// "could have"; not "could hear", which tells what someone was able to do, nor "could not") in its
    /// main clause (not "the news that she would be advancing"), and it has no digit, month or weekday.
    static func speculates(_ words: [Token]) -> Bool {
        guard let k = words.firstIndex(where: { !$0.quoted && Lexicon.conditionalModals.contains($0.lower) }) else { return false }
        let next = k + 1 < words.count ? words[k + 1].lower : ""
        if ["not", "n't", "never"].contains(next) || words[k].lower == "could" && next != "have" { return false }
        if words[..<k].contains(where: { Lexicon.relativeWords.contains($0.lower) || $0.lower == "when" }) { return false }
        return !words.contains { $0.hasDigit || $0.isCapitalized && (Lexicon.monthNames.contains($0.lower) || Lexicon.weekdays.contains($0.lower)) }
    }

    /// Whether a sentence opens with a word or phrase of the writer's aside and a comma
    /// (`Lexicon.asideOpenings`): "Yes, that's it", not "Yes this is real".
    static func opensAsAside(_ tokens: [Token]) -> Bool {
        let start = tokens.firstIndex(where: \.isWord) ?? tokens.count
        return Lexicon.asideOpenings.contains { opening in
            let end = start + opening.count
            guard end < tokens.count, tokens[end].text == "," else { return false }
            return zip(opening, tokens[start..<end]).allSatisfy { $0 == $1.lower }
        }
    }

    /// Percent of a sentence's words inside quotation marks from which it is judged as a quotation.
    static let quotationShare = 60

    /// A quotation is kept unless it opens with the speaker's own view ("I think …") or carries no fact
    /// (no number, date or name) and speaks as a view: to a generic "you" or with a word of judgement
    /// or feeling ("It was a difficult situation for us"). "All on board were killed" stays a claim.
    static func quotationStatesFact(_ quoted: [Token], carriesFacts: ([Token]) -> Bool) -> Bool {
        let opening = quoted.prefix(2).map(\.lower)
        let number = quoted.contains(where: \.hasDigit)
        if Lexicon.viewOpenings.contains(opening), !number { return false }
        // "Eventually we'll have to get closer to Europa": a plan or a forecast, nothing yet to check.
        // (A quotation that itself reports speech reports a fact: "Sondland replied that 'He's going to do it'".)
        if !number, quoted.contains(where: { Lexicon.futureMarkers.contains($0.lower) }),
           !quoted.contains(where: { Lexicon.reportingVerbs.contains($0.lower) }) { return false }
        // "Governor Bevin has done a wonderful job for the people of Kentucky!": praise or feeling, names or not.
        if !number, quoted.contains(where: { Lexicon.praiseWords.contains($0.lower) }) { return false }
        if carriesFacts(quoted) { return true }
        return !quoted.contains { Lexicon.subjectiveWords.contains($0.lower) }
    }

    /// Numbers, dates, number words or named entities (a capital not at the sentence start, or an acronym).
    func carriesFacts(_ words: [Token], opensSentence: Bool = true) -> Bool {
        for (k, w) in words.enumerated() {
            if k == 0, !opensSentence, w.isCapitalized, w.lower != "i" { return true }
            if w.hasDigit { return true }
            if Lexicon.monthNames.contains(w.lower) && w.isCapitalized { return true }
            if Lexicon.numberWords.contains(w.lower) { return true }
            if w.isAcronym { return true }
            if k > 0, w.isCapitalized, w.lower != "i" { return true }
            if k == 0, w.isCapitalized, !Lexicon.commonSentenceStarts.contains(w.lower), words.count > 1, words[1].isCapitalized { return true }
        }
        return false
    }
}

import Foundation

/// Substring search on UTF-8 bytes (Foundation's `contains` was the extractor's hottest spot).
enum Bytes {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
