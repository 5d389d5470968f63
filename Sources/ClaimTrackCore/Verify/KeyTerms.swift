/// The checkable parts of a claim: numbers (value, scale and unit normalised),
/// years and dates, names, quoted words, negation, and the content words that
/// say what it is about. `Verifier` looks for each in the cited page.
struct KeyTerms {
    struct Number: Equatable {
        var value: Double
        /// "percent", "dollar", "euro", or the noun that follows ("jobs", "people"), lowercased.
        var unit: String?
        var text: String
        /// A year-like bare number (1900–2099 without unit) is a date, not a quantity.
        var isYear: Bool
    }

    var numbers: [Number] = []
    var names: [String] = []          // lowercased, space-joined
    var quotes: [[String]] = []       // lowercased words of each quotation
    var content: [String] = []        // stemmed content words
    var negated = false

    static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are",
        "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "it", "its", "this", "that", "these",
        "those", "he", "she", "they", "his", "her", "their", "them", "we", "our", "you", "your", "i", "me", "my", "which",
        "who", "whom", "whose", "what", "when", "where", "why", "how", "there", "here", "than", "then", "so", "such", "also",
        "into", "about", "over", "under", "after", "before", "between", "during", "while", "up", "down", "out", "off", "not",
        "no", "nor", "only", "very", "more", "most", "some", "any", "all", "each", "other", "another", "both", "either",
        "will", "would", "could", "should", "may", "might", "can", "must", "said", "says", "say", "according", "told",
        "reported", "one", "many", "much", "well", "just", "even", "still", "since", "until", "through", "per", "via",
        "currently", "later", "early", "first", "new", "including", "among", "against", "within", "without", "if",
    ]

    static let negations: Set<String> = ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "denied", "didn't", "doesn't", "isn't", "wasn't", "weren't", "won't", "cannot", "can't", "n't"]

    static let scaleWords: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    ]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]
    /// Fractions said in words, as percentages ("a fifth" = 20 percent).
    static let fractionWords: [String: Double] = [
        "half": 50, "third": 33.3, "quarter": 25, "fifth": 20, "tenth": 10, "two-thirds": 66.7, "three-quarters": 75,
    ]
    static let currencySymbols: [Unicode.Scalar: String] = ["$": "dollar", "€": "euro", "£": "pound", "¥": "yen"]
    static let unitAliases: [String: String] = [
        "percent": "percent", "per": "percent", "%": "percent", "pct": "percent", "percentage": "percent",
        "dollars": "dollar", "dollar": "dollar", "usd": "dollar", "euros": "euro", "euro": "euro", "pounds": "pound",
        "yen": "yen", "people": "people", "persons": "people",
    ]

    /// `page`: a sentence of a cited page, where only words, numbers and polarity are needed (names and quotes are claim-side).
    init(_ text: String, page: Bool = false) {
        let s = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(s, 0..<s.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if let n = Self.number(tokens, &i) { numbers.append(n); continue }
            if t.isWord {
                if Self.negations.contains(t.lower) || t.lower.hasSuffix("n't") || t.lower.hasSuffix("n’t") { negated = true }
                if !Self.stopwords.contains(t.lower), t.lower.count > 1 {
                    content.append(Self.stem(t.lower))
                    // "re-elected" also says "elected"; "at-large" also "large".
                    if t.lower.contains("-") {
                        for part in t.lower.split(separator: "-") where part.count > 2 && !Self.stopwords.contains(String(part)) {
                            content.append(Self.stem(String(part)))
                        }
                    }
                }
            }
            i += 1
        }
        if !page {
            names = Self.names(tokens)
            quotes = Self.quotes(s)
        }
    }

    /// A number at token `i` with its scale and unit; advances `i` past what it used.
    static func number(_ t: [Token], _ i: inout Int) -> Number? {
        let start = i
        var currency: String?
        if t[i].text.count == 1, let c = t[i].text.unicodeScalars.first, let name = currencySymbols[c], i + 1 < t.count { currency = name; i += 1 }
        var value: Double?
        var raw = t[i].text
        let lower = t[i].lower
        if t[i].hasDigit, lower.contains("-"), let year = Double(lower.prefix(while: { $0 != "-" })), lower.prefix(while: { $0 != "-" }).count == 4,
           year >= 1900, year <= 2099, lower.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            // "2004-10-19": a date; its year counts.
            i += 1
            return Number(value: year, unit: nil, text: String(lower.prefix(4)), isYear: true)
        }
        if t[i].hasDigit {
            var digits = String(lower.filter { $0 != "," })
            var inlineScale = 1.0
            for (word, scale) in scaleWords where digits.hasSuffix(word) && Double(digits.dropLast(word.count)) != nil {
                inlineScale = scale
                digits = String(digits.dropLast(word.count))
            }
            if digits.hasSuffix("s"), let v = Double(digits.dropLast()) { value = v } else { value = Double(digits).map { $0 * inlineScale } }
        } else if lower == "a" || lower == "an", i + 1 < t.count, let f = fractionWords[t[i + 1].lower] {
            i += 2
            return Number(value: f, unit: "percent", text: t[start].text + " " + t[start + 1].text, isYear: false)
        } else if let f = fractionWords[lower], i > 0, ["one", "a", "two", "three"].contains(t[i - 1].lower) {
            i += 1
            return Number(value: f, unit: "percent", text: raw, isYear: false)
        } else if let w = numberWords[lower] {
            value = w
        }
        guard var v = value else { i = start; return nil }
        i += 1
        // Scale words: "2.1 billion", "3 million".
        if i < t.count, let scale = scaleWords[t[i].lower] { v *= scale; raw += " " + t[i].text; i += 1 }
        var unit = currency
        if i < t.count {
            let next = t[i].lower
            if let alias = unitAliases[next] {
                unit = unit ?? alias
                raw += " " + t[i].text
                i += 1
                if next == "per", i < t.count, t[i].lower == "cent" { i += 1 }
            } else if t[i].isWord, !t[i].isCapitalized, !stopwords.contains(next), !t[i].hasDigit, unit == nil {
                unit = Self.unitName(next)  // "800 jobs" → job; the noun stays a content word too
                raw += " " + t[i].text
            }
        }
        let isYear = unit == nil && currency == nil && v >= 1900 && v <= 2099 && v == v.rounded() && !t[start].text.contains(",")
        return Number(value: v, unit: unit, text: raw, isYear: isYear)
    }

    /// Runs of capitalised words not at the sentence start ("New York Times", "Ana Silva"), and acronyms.
    static func names(_ t: [Token]) -> [String] {
        var out: [String] = []
        var run: [String] = []
        for (k, tok) in t.enumerated() {
            if tok.isWord, tok.isCapitalized, !(k == 0 && Lexicon.commonSentenceStarts.contains(tok.lower)), !stopwords.contains(tok.lower) || tok.isAcronym {
                run.append(tok.lower)
            } else {
                if !run.isEmpty { out.append(run.joined(separator: " ")); run = [] }
            }
        }
        if !run.isEmpty { out.append(run.joined(separator: " ")) }
        return Array(Set(out)).sorted()
    }

    /// Words inside quotation marks, for quotations of three words or more.
    static func quotes(_ s: [Unicode.Scalar]) -> [[String]] {
        var out: [[String]] = []
        var open: Int?
        for (k, c) in s.enumerated() {
            if c == "“" || (c == "\"" && open == nil) { open = k + 1; continue }
            if (c == "”" || c == "\""), let o = open {
                let words = Tokenizer.tokenize(s, o..<k).filter(\.isWord).map(\.lower)
                if words.count >= 3 { out.append(words) }
                open = nil
            }
        }
        return out
    }

    /// Words of six letters or more also match on their first five ("election" ~ "elected", "publisher" ~ "publishing").
    static func prefix(_ stem: String) -> String? { stem.count >= 5 ? String(stem.prefix(5)) : nil }

    /// A light suffix stripper: enough to match "jobs"/"job", "rising"/"rise", "reported"/"report".
    /// A unit noun in one spelling: "metres" and "meters" are both "meter".
    static func unitName(_ word: String) -> String {
        var w = stem(word)
        if w.hasSuffix("tre") { w = String(w.dropLast(3)) + "ter" }
        if w.hasSuffix("tres") { w = String(w.dropLast(4)) + "ter" }
        return w
    }

    /// Month abbreviations read as the month ("Nov." is November).
    static let months: [String: String] = [
        "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
        "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    ]

    static func stem(_ w: String) -> String {
        if let month = months[w] { return month }
        var w = w
        if w.hasSuffix("’s") || w.hasSuffix("'s") { w.removeLast(2) }
        for suffix in ["ingly", "edly", "ing", "ies", "ied", "ed", "es", "s", "ly"] where w.count > suffix.count + 3 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            if suffix == "ies" || suffix == "ied" { w += "y" }
            break
        }
        return w
    }
}
