/// A word or punctuation mark with its position in the article text.
struct Token: Sendable {
    var text: String
    var lower: String
    var start: Int
    var end: Int
    var isWord: Bool
    /// Inside a quotation ("… I told them …"): speech the article quotes, not speech it reports.
    var quoted = false

    /// A double quotation mark, typographic or straight, or two apostrophes standing for one (''so'').
    var isQuoteMark: Bool { !isWord && (text == "\"" || text == "“" || text == "”" || text == "''" || text == "’’") }
    /// A mark that closes a quotation (a straight mark may open one too).
    var isClosingQuote: Bool { text == "”" || text == "\"" || text == "''" || text == "’’" }

    var isCapitalized: Bool {
        guard let c = text.unicodeScalars.first else { return false }
        return c.value < 128 ? c.value >= 0x41 && c.value <= 0x5A : c.properties.isUppercase
    }
    var hasDigit: Bool { text.unicodeScalars.contains { Tokenizer.isNumeric($0) } }
    /// All capitals and at least two letters: an acronym ("MSS", "FBI").
    var isAcronym: Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }
}

enum Tokenizer {
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        // ASCII first, without the Unicode property tables (the same answers: letters and digits).
        if c.value < 128 { return isASCIILetter(c) || isASCIIDigit(c) }
        return c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
    @inline(__always) static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inline(__always) static func isAlphabetic(_ c: Unicode.Scalar) -> Bool { c.value < 128 ? isASCIILetter(c) : c.properties.isAlphabetic }
    @inline(__always) static func isNumeric(_ c: Unicode.Scalar) -> Bool { c.value < 128 ? isASCIIDigit(c) : c.properties.numericType != nil }
    @inline(__always) static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    /// The text of `s[range]`, built from UTF-8 bytes (much cheaper than a scalar view appended scalar by scalar).
    static func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for k in range {
            let c = s[k]
            if c.value < 128 { bytes.append(UInt8(c.value)) } else { UTF8.encode(c) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words keep inner apostrophes, hyphens, periods and commas between digits ("don't", "U.S", "1,200", "3.5").
    /// `markup` marks scalars that are syntax (see `Article.markup`): they separate tokens and are skipped.
    static func tokenize(_ s: [Unicode.Scalar], _ range: Range<Int>, markup: [Bool] = [], quoted: [Bool] = []) -> [Token] {
        var tokens: [Token] = []
        var i = range.lowerBound
        let end = range.upperBound
        let skip = { (k: Int) -> Bool in k < markup.count && markup[k] }
        while i < end {
            let c = s[i]
            if isWhitespace(c) || skip(i) { i += 1; continue }
            if isWordScalar(c) {
                var j = i + 1
                while j < end, !skip(j) {
                    if isWordScalar(s[j]) { j += 1; continue }
                    let joiner = s[j]
                    if j + 1 < end, isWordScalar(s[j + 1]), !skip(j + 1) {
                        if joiner == "'" || joiner == "’" || joiner == "-" || joiner == "&" || joiner == "/" { j += 1; continue }
                        if joiner == "." && (isAlphabetic(s[j + 1]) ? (j - i <= 2) : isNumeric(s[j - 1])) { j += 1; continue }
                        if joiner == "," && isNumeric(s[j - 1]) && isNumeric(s[j + 1]) { j += 1; continue }
                    }
                    break
                }
                let text = string(s, i..<j)
                tokens.append(Token(text: text, lower: text.utf8.allSatisfy { $0 < 0x41 || $0 > 0x5A && $0 < 128 } ? text : text.lowercased(),
                                    start: i, end: j, isWord: true))
                i = j
            } else {
                // Two apostrophes stand for a double quote in some newsroom styles (''like this''): one mark.
                let length = (c == "'" || c == "’") && i + 1 < end && s[i + 1] == c && !skip(i + 1) ? 2 : 1
                let text = string(s, i..<(i + length))
                tokens.append(Token(text: text, lower: text, start: i, end: i + length, isWord: false))
                i += length
            }
        }
        if !quoted.isEmpty { for k in tokens.indices where tokens[k].start < quoted.count { tokens[k].quoted = quoted[tokens[k].start] } }
        return tokens
    }

    /// Marks the scalars inside quotation marks, paragraph by paragraph (a quote never runs past its paragraph here).
    static func quotedMask(_ s: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        for p in paragraphs {
            var open = false
            var i = p.lowerBound
            while i < p.upperBound {
                let c = s[i]
                if c == "“" { open = true } else if c == "”" { open = false } else if c == "\"" { open.toggle() }
                // Two apostrophes stand for a double quote in some newsroom styles (''like this'').
                if (c == "'" || c == "’"), i + 1 < p.upperBound, s[i + 1] == c { open.toggle(); mask[i] = open; i += 1 }
                mask[i] = open
                i += 1
            }
        }
        return mask
    }
}
