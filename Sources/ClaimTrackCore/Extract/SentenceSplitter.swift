/// A rule splitter: ends a sentence at . ! ? (with closing quotes and
/// brackets kept inside) when the next sentence starts with a capital, a
/// digit or an opening quote, except after abbreviations, initials and
/// ellipses (see `Lexicon.abbreviations`).
enum SentenceSplitter {
    static let terminators: Set<Unicode.Scalar> = [".", "!", "?"]
    /// German quotations open with „ and close with “ („So ist es.“ Danach …).
    static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]", "»", "“"]
    static let openers: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "[", "«", "¿", "¡", "„"]

    static func split(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = s[i]
            guard terminators.contains(c) || c == "…" else { i += 1; continue }
            var j = i + 1
            while j < end, terminators.contains(s[j]) || s[j] == "…" { j += 1 }
            while j < end, closers.contains(s[j]) { j += 1 }
            // Footnote markers stay with the sentence they close: "… in 2025.[1][2] Next".
            while let after = footnoteMarker(s, at: j, end: end) { j = after }
            guard j == end || s[j].properties.isWhitespace else { i = j; continue }
            var k = j
            while k < end, s[k].properties.isWhitespace { k += 1 }
            if k < end, isBoundary(s, terminatorAt: i, punctuationEnd: j, next: k, end: end) {
                if let r = PlainText.trim(s, start..<j) { out.append(r) }
                start = k
            }
            i = max(j, i + 1)
        }
        if let r = PlainText.trim(s, start..<end) { out.append(r) }
        return out
    }

    /// The end of a "[12]" or "[^3]" marker starting at `i`, or nil.
    static func footnoteMarker(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Int? {
        guard i < end, s[i] == "[" else { return nil }
        var k = i + 1
        if k < end, s[k] == "^" { k += 1 }
        let digits = k
        while k < end, s[k].properties.numericType != nil, k - digits < 4 { k += 1 }
        guard k > digits, k < end, s[k] == "]" else { return nil }
        if k + 1 < end, s[k + 1] == "(" || s[k + 1] == ":" { return nil }  // a link or a footnote definition
        return k + 1
    }

    private static func isBoundary(_ s: [Unicode.Scalar], terminatorAt i: Int, punctuationEnd j: Int, next k: Int, end: Int) -> Bool {
        var first = s[k]
        var m = k
        // Past opening marks and the space French sets inside guillemets (". « Ce plan …").
        while m + 1 < end, openers.contains(first) || (m > k && first.properties.isWhitespace) { m += 1; first = s[m] }
        let startsSentence = first.properties.isUppercase || first.properties.numericType != nil
            || first == "–" || first == "—" || first == "-" || first == "•" || (!first.properties.isLowercase && first.properties.isAlphabetic)
        guard startsSentence else { return false }
        // An ellipsis inside a sentence ("… and then …") does not end it.
        let isEllipsis = s[i] == "…" || (s[i] == "." && i + 2 < end && s[i + 1] == "." && s[i + 2] == ".")
            || (s[i] == "." && i >= 1 && s[i - 1] == ".")
        if isEllipsis { return false }
        guard s[i] == "." else { return true }
        // The word before the period.
        var a = i
        while a > 0, Tokenizer.isWordScalar(s[a - 1]) || s[a - 1] == "." { a -= 1 }
        let word = String(String.UnicodeScalarView(s[a..<i])).lowercased()
        if word.isEmpty { return true }
        let nextWord = wordAt(s, m, end).lowercased()
        if Lexicon.sentenceFinalAbbreviations.contains(word) {
            return Lexicon.sentenceStarters.contains(nextWord)
        }
        if Lexicon.abbreviations.contains(word) { return false }
        let letters = word.unicodeScalars.filter { $0 != "." }
        // An initial ("J. K. Rowling") or a dotted acronym ("U.S.", "a.m.").
        if letters.count == 1, letters.first!.properties.isAlphabetic { return false }
        if word.contains(".") { return Lexicon.sentenceStarters.contains(nextWord) }
        return true
    }

    private static func wordAt(_ s: [Unicode.Scalar], _ k: Int, _ end: Int) -> String {
        var j = k
        while j < end, Tokenizer.isWordScalar(s[j]) || s[j] == "'" || s[j] == "’" { j += 1 }
        return String(String.UnicodeScalarView(s[k..<j]))
    }
}
