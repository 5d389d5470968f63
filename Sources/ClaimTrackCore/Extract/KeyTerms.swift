import Foundation

/// The checkable parts of a claim: numbers (value, scale and unit normalised),
/// years and dates, names, quoted words, negation, and the content words that
/// say what it is about. `Verifier` looks for each in the cited page.
struct KeyTerms {
    struct Number: Equatable {
        var value: Double
        /// "percent", "point" (percentage points), "dollar", "euro", or the noun that follows ("jobs", "people"), lowercased.
        var unit: String?
        var text: String
        /// A year-like bare number (1900–2099 without unit) is a date, not a quantity.
        var isYear: Bool
        /// How the figure is stated: exactly, approximately ("about 800"), as a floor ("more than 1,000") or a ceiling ("up to $500").
        var bound: Bound = .exact
        /// The rounding the written figure implies: 100 for "1,200", 100,000 for "1.2 million", 1 for "1,213".
        var precision: Double = 1
        /// The counted thing: stems of the words that follow ("800 permanent jobs" → permanent, job), up to three.
        var nouns: [String] = []
        /// Stems of the content words just before it ("measles cases reached 1,274" → measl, case, reach), and
        /// the word right before it ("since" in "since 1992", which tells a year's role).
        var context: [String] = []
        var before: String?
        /// A year in a page's own dateline or byline ("published in March 2026"): not the event's year.
        var isPublication = false

        enum Bound: Equatable { case exact, approximate, atLeast, atMost }
    }

    var numbers: [Number] = []
    var names: [String] = []          // lowercased, space-joined
    var quotes: [[String]] = []       // lowercased words of each quotation
    var content: [String] = []        // stemmed content words
    var negated = false
    /// Month names, full and lowercased ("Oct." is october), and whether each dates the page itself.
    var months: [(name: String, isPublication: Bool)] = []
    /// Hedges of the claim ("reportedly", "is believed to"): kept as hedges, not as words the page must repeat.
    var hedges: [String] = []

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
    /// Verbs that are a figure themselves, as the percentage change they state ("doubled" = rose 100 percent,
    /// "halved" = fell 50 percent): "Traffic doubled" against "traffic rose 40 percent" is a conflict.
    static let multiplierWords: [String: Double] = [
        "doubled": 100, "doubling": 100, "tripled": 200, "trebled": 200, "quadrupled": 300, "halved": 50,
    ]
    /// Units that are a measure by themselves: a figure in percent is never one in dollars.
    static let measureWords: Set<String> = ["percent", "point", "dollar", "euro", "pound", "yen", "people", "kilometre", "mile", "hectare", "kilogram", "tonne"]
    static let currencySymbols: [Unicode.Scalar: String] = ["$": "dollar", "€": "euro", "£": "pound", "¥": "yen"]
    static let unitAliases: [String: String] = [
        "percent": "percent", "per": "percent", "%": "percent", "pct": "percent", "percentage": "percent",
        "dollars": "dollar", "dollar": "dollar", "usd": "dollar", "euros": "euro", "euro": "euro", "pounds": "pound",
        "yen": "yen", "people": "people", "persons": "people",
        // Units of length, area and weight as written out and as abbreviated ("42 km" is "42 kilometres").
        "km": "kilometre", "kilometres": "kilometre", "kilometre": "kilometre", "kilometers": "kilometre", "kilometer": "kilometre",
        "mi": "mile", "miles": "mile", "mile": "mile", "ha": "hectare", "hectares": "hectare", "hectare": "hectare",
        "kg": "kilogram", "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne",
    ]
    /// Counted nouns that name the same measure ("1.2 million residents" is a number of people).
    static let nounAliases: [String: String] = [
        "resident": "people", "inhabitant": "people", "person": "people", "individual": "people",
    ]

    /// Words before a figure that say how exactly it is meant, longest first ("more than" before "more").
    /// Approximate figures agree with anything within their rounding; floors and ceilings with anything on their side.
    static let boundWords: [(words: [String], bound: Number.Bound)] = [
        (["more", "than"], .atLeast), (["at", "least"], .atLeast), (["upwards", "of"], .atLeast), (["in", "excess", "of"], .atLeast),
        (["over"], .atLeast), (["above"], .atLeast), (["topped"], .atLeast), (["tops"], .atLeast), (["exceeded"], .atLeast),
        (["exceeding"], .atLeast), (["surpassed"], .atLeast), (["beyond"], .atLeast), (["nearly", "twice"], .approximate),
        (["less", "than"], .atMost), (["fewer", "than"], .atMost), (["at", "most"], .atMost), (["up", "to"], .atMost),
        (["under"], .atMost), (["below"], .atMost), (["no", "more", "than"], .atMost),
        (["about"], .approximate), (["around"], .approximate), (["roughly"], .approximate), (["approximately"], .approximate),
        (["nearly"], .approximate), (["almost"], .approximate), (["some"], .approximate), (["close", "to"], .approximate),
        (["an", "estimated"], .approximate), (["estimated"], .approximate), (["approx"], .approximate), (["circa"], .approximate),
        (["nearly"], .approximate), (["just", "under"], .approximate), (["just", "over"], .approximate),
    ]

    /// Words that date a page rather than its story: a year within a few words after them is the page's own
    /// ("published in March 2026", "updated on November 20, 2025", "© 2024").
    static let publicationCues: Set<String> = ["published", "updated", "posted", "copyright", "©", "modified", "accessed", "retrieved"]

    /// `page`: a sentence of a cited page, where only words, numbers and polarity are needed (names and quotes are claim-side).
    init(_ text: String, page: Bool = false) {
        let s = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(s, 0..<s.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            let first = i
            if var n = Self.number(tokens, &i) {
                Self.describe(&n, tokens, from: first, to: i)
                numbers.append(n)
                continue
            }
            if t.isWord, let month = Self.monthName(tokens, i) {
                let from = max(0, i - 4)
                months.append((month, tokens[from..<i].contains { Self.publicationCues.contains($0.lower) }))
            }
            if t.isWord, !page, Self.hedgeWords.contains(t.lower), !(t.lower == "may" && t.isCapitalized) {
                hedges.append(t.lower)
                i += 1
                continue
            }
            if t.isWord {
                if Self.negations.contains(t.lower) || t.lower.hasSuffix("n't") || t.lower.hasSuffix("n’t") { negated = true }
                if !Self.stopwords.contains(t.lower), t.lower.count > 1 {
                    content.append(Self.stem(t.lower))
                    // "re-elected" also says "elected"; "at-large" also "large".
                    if t.lower.utf8.contains(UInt8(ascii: "-")) {
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
        if t[i].text.utf8.count <= 4, t[i].text.count == 1, let c = t[i].text.unicodeScalars.first, let name = currencySymbols[c], i + 1 < t.count { currency = name; i += 1 }
        var value: Double?
        var raw = t[i].text
        let lower = t[i].lower
        let hasDigit = t[i].hasDigit
        if hasDigit, lower.utf8.contains(UInt8(ascii: "-")), let year = Double(lower.prefix(while: { $0 != "-" })), lower.prefix(while: { $0 != "-" }).count == 4,
           year >= 1900, year <= 2099, lower.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            // "2004-10-19": a date; its year counts.
            i += 1
            return Number(value: year, unit: nil, text: String(lower.prefix(4)), isYear: true)
        }
        if hasDigit {
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
        } else if let f = fractionWords[lower], i > 0, ["one", "a", "two", "three", "by"].contains(t[i - 1].lower) {
            i += 1
            return Number(value: f, unit: "percent", text: raw, isYear: false)
        } else if let m = multiplierWords[lower] {
            i += 1
            return Number(value: m, unit: "percent", text: raw, isYear: false)
        } else if let w = numberWords[lower] {
            value = w
        }
        guard var v = value else { i = start; return nil }
        i += 1
        // Scale words: "2.1 billion", "3 million".
        if i < t.count, let scale = scaleWords[t[i].lower] { v *= scale; raw += " " + t[i].text; i += 1 }
        var unit = currency
        if currency != nil { raw = t[start].text + raw }
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
        // "the 2019 peak", "a 2021 chemical leak" are years too; "2016 people", "2000 troops" are not.
        let singularNoun = unit.map { u in !measureWords.contains(u) && i < t.count && t[i].lower == u && stem(u) == u && unitAliases[u] == nil } ?? true
        let isYear = singularNoun && currency == nil && v >= 1900 && v <= 2099 && v == v.rounded() && !t[start].text.utf8.contains(UInt8(ascii: ","))
            && t[start].hasDigit && !t[start].text.utf8.contains(UInt8(ascii: "."))
        return Number(value: v, unit: unit, text: raw, isYear: isYear)
    }

    /// A figure's bound, precision, counted noun, context and whether it dates the page: the tokens
    /// `first..<end` are the figure as `number` read it.
    static func describe(_ n: inout Number, _ t: [Token], from first: Int, to end: Int) {
        var start = first
        // "a fifth", "by half" are approximate by nature; so is "doubled".
        for entry in boundWords where entry.words.count <= start {
            let words = t[(start - entry.words.count)..<start].map(\.lower)
            if words == entry.words { n.bound = entry.bound; start -= entry.words.count; break }
        }
        n.precision = precision(n, t[(first..<end).first { t[$0].hasDigit } ?? first])
        if fractionWords[t[min(end - 1, t.count - 1)].lower] != nil || fractionWords[t[first].lower] != nil {
            n.bound = n.bound == .exact ? .approximate : n.bound
            n.precision = 2
        }
        // Percentage points are their own measure: "fell 0.3 percentage points" is not "fell 0.3 percent".
        if n.unit == "percent", end < t.count, ["point", "points"].contains(t[end].lower), t[end - 1].lower == "percentage" {
            n.unit = "point"
        } else if n.unit == nil, end < t.count, ["point", "points"].contains(t[end].lower) {
            n.unit = "point"
        }
        // The counted noun: up to three lowercase words that follow, until a stopword or punctuation.
        var k = end
        while k < t.count, n.nouns.count < 3, t[k].isWord, !t[k].hasDigit, !t[k].isCapitalized || n.nouns.isEmpty && t[k].isAcronym,
              !stopwords.contains(t[k].lower), !["point", "points", "percentage"].contains(t[k].lower),
              k == end || !(t[k].lower.hasSuffix("ed") || t[k].lower.hasSuffix("ing")) {  // "12 cranes arrived": a verb ends the noun
            let stem = unitName(t[k].lower)
            n.nouns.append(nounAliases[stem] ?? stem)
            k += 1
        }
        // The figure as shown names everything it counts ("1,200 permanent jobs", not "1,200 permanent").
        if end < t.count, n.unit != nil, n.unit == unitName(t[end].lower), k > end + 1 {
            n.text += " " + t[(end + 1)..<k].map(\.text).joined(separator: " ")
        }
        if let u = n.unit, let alias = nounAliases[u] { n.unit = alias }
        // "43 people": the unit word read as an alias is still the counted noun.
        if n.nouns.isEmpty, let u = n.unit, !measureWords.contains(u) || u == "people" { n.nouns = [u] }
        // Context: the content words before it in its sentence, six at most.
        var j = start - 1
        if j >= 0 { n.before = t[j].lower }
        while j >= 0, n.context.count < 6, t[j].isWord || t[j].hasDigit || t[j].text == "," {
            if t[j].isWord, !t[j].hasDigit, !stopwords.contains(t[j].lower) { n.context.append(unitName(t[j].lower)) }
            j -= 1
        }
        if n.isYear {
            let from = max(0, start - 5)
            n.isPublication = t[from..<start].contains { publicationCues.contains($0.lower) }
        }
    }

    /// The rounding a written figure implies: its last significant digit ("1,200" → 100, "2.4 million" → 100,000).
    static func precision(_ n: Number, _ token: Token) -> Double {
        guard token.hasDigit else { return 1 }
        var digits = token.lower.filter { $0.isNumber || $0 == "." }
        if digits.hasSuffix(".") { digits.removeLast() }
        let scale: Double
        if let v = Double(digits), v > 0 { scale = n.value / v } else { return 1 }
        if let dot = digits.firstIndex(of: ".") {
            return pow(10, -Double(digits.distance(from: dot, to: digits.endIndex) - 1)) * scale
        }
        let zeros = digits.reversed().prefix { $0 == "0" }.count
        return pow(10, Double(min(zeros, max(0, digits.count - 1)))) * scale
    }

    /// Runs of capitalised words not at the sentence start ("New York Times", "Ana Silva"), and acronyms.
    static func names(_ t: [Token]) -> [String] {
        var out: [String] = []
        var run: [String] = []
        for (k, tok) in t.enumerated() {
            if tok.isWord, tok.isCapitalized, !(k == 0 && (Lexicon.commonSentenceStarts.contains(tok.lower) || genericOpeners.contains(tok.lower))),
               !stopwords.contains(tok.lower) || tok.isAcronym {
                var word = tok.lower
                if word.hasSuffix("’s") || word.hasSuffix("'s") { word.removeLast(2) }
                run.append(word)
            } else {
                if !run.isEmpty { out.append(run.joined(separator: " ")); run = [] }
            }
        }
        if !run.isEmpty { out.append(run.joined(separator: " ")) }
        // "U.S.", "U.K.": pages spell them out as often as not.
        return Array(Set(out)).filter { !($0.count <= 4 && $0.contains(".")) }.sorted()
    }

    /// Plural people words that open a sentence as its subject ("Officials counted …"): not names.
    static let genericOpeners: Set<String> = Lexicon.anonymousPlurals.union(Lexicon.vagueHeads)

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

    /// Single-word hedges (from `Lexicon.hedges`): a claim that says "reportedly" is not contradicted or
    /// weakened because the page does not say it.
    static let hedgeWords: Set<String> = Set(Lexicon.hedges.filter { !$0.contains(" ") })

    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The month a token names: a full name or an abbreviation; "May" and "march" only capitalised and next to a day or year.
    static func monthName(_ t: [Token], _ i: Int) -> String? {
        let lower = t[i].lower
        guard let name = monthNames.contains(lower) ? lower : months[lower], t[i].isCapitalized else { return nil }
        if name == "may" || name == "march" || lower.count <= 3 {
            var k = i + 1
            if k < t.count, t[k].text == "." { k += 1 }
            let nextIsNumber = k < t.count && t[k].hasDigit
            let previousIsNumber = i > 0 && t[i - 1].hasDigit
            guard nextIsNumber || previousIsNumber || lower.count <= 4 && name != "may" && name != "march" else { return nil }
        }
        return name
    }

    /// Month abbreviations read as the month ("Nov." is November).
    static let months: [String: String] = [
        "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
        "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    ]

    static func stem(_ w: String) -> String {
        if let month = months[w] { return month }
        var w = w
        // The length in characters, counted once (an ASCII word's is its byte count).
        var length = w.utf8.allSatisfy { $0 < 128 } ? w.utf8.count : w.count
        if w.hasSuffix("’s") || w.hasSuffix("'s") { w.removeLast(2); length -= 2 }
        for suffix in stemSuffixes where length > suffix.count + 3 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            if suffix == "ies" || suffix == "ied" { w += "y" }
            break
        }
        return w
    }

    /// Inflections `stem` takes off, longest first where one ends another.
    static let stemSuffixes = ["ingly", "edly", "ing", "ies", "ied", "ed", "es", "s", "ly"]
}

/// The claim without its link syntax, as verify and the news search of resolve read it.
extension KeyTerms {
    /// A claim as a reader reads it: Markdown link targets, brackets and bare URLs removed
    /// ("as [its report](https://…) shows" → "as its report shows").
    static func readerText(_ text: String) -> String {
        var s = Array(text.unicodeScalars)
        let links = MarkdownReader.inlineLinks(s, from: 0, definitions: [:])
        var remove = Set<Int>()
        for found in links {
            if found.link.start > 0 { remove.insert(found.link.start - 1) }
            if let syntax = found.syntaxRange { remove.formUnion(syntax) }
            if found.link.end < s.count, s[found.link.end] == "]" { remove.insert(found.link.end) }
        }
        for url in PlainText.bareURLs(s) { remove.formUnion(url.start..<url.end) }
        guard !remove.isEmpty else { return text }
        s = s.indices.filter { !remove.contains($0) }.map { s[$0] }
        return String(String.UnicodeScalarView(s))
    }

    /// Lowercased content words in reading order (for search queries).
    static func plainWords(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var seen = Set<String>()
        return Tokenizer.tokenize(s, 0..<s.count).filter { $0.isWord && !$0.hasDigit && !stopwords.contains($0.lower) && !$0.isCapitalized }
            .map(\.lower).filter { seen.insert($0).inserted }
    }
}
