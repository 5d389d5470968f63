/// Text and Markdown keep the file's own decoded text unchanged: offsets
/// index it directly. These helpers find paragraphs and bare URLs in it.
enum PlainText {
    /// Characters that may end a sentence at the end of a line; a line without one is a heading or label.
    static let lineEnders: Set<Unicode.Scalar> = [".", "!", "?", "\"", "”", "’", "'", ")", "]", "…", ":", ";"]

    /// Paragraphs of a plain-text file: non-blank lines, where a line that is
    /// hard-wrapped (no closing punctuation, next line starts in lowercase)
    /// joins the next one. Leading and trailing spaces are not part of a paragraph.
    static func paragraphs(_ scalars: [Unicode.Scalar], within range: Range<Int>? = nil) -> [Range<Int>] {
        let bounds = range ?? 0..<scalars.count
        var lines: [Range<Int>] = []
        var start = bounds.lowerBound
        for i in bounds where scalars[i] == "\n" {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<bounds.upperBound)
        var out: [Range<Int>] = []
        var current: Range<Int>?
        for line in lines {
            guard let trimmed = trim(scalars, line) else { current.map { out.append($0) }; current = nil; continue }
            if let open = current, continues(scalars, open, with: trimmed) {
                current = open.lowerBound..<trimmed.upperBound
            } else {
                current.map { out.append($0) }
                current = trimmed
            }
        }
        current.map { out.append($0) }
        return out
    }

    private static func continues(_ s: [Unicode.Scalar], _ open: Range<Int>, with next: Range<Int>) -> Bool {
        guard let last = s[open.upperBound - 1] as Unicode.Scalar?, !lineEnders.contains(last) else { return false }
        let first = s[next.lowerBound]
        return first.properties.isLowercase && open.count >= 40
    }

    static func trim(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        var a = range.lowerBound, b = range.upperBound
        while a < b && s[a].properties.isWhitespace { a += 1 }
        while b > a && s[b - 1].properties.isWhitespace { b -= 1 }
        return a < b ? a..<b : nil
    }

    /// Bare http(s) URLs, without trailing punctuation that belongs to the sentence.
    static func bareURLs(_ s: [Unicode.Scalar], skipping taken: [Range<Int>] = []) -> [Link] {
        var links: [Link] = []
        var i = 0
        let n = s.count
        while i + 7 < n {
            guard s[i] == "h", matches(s, i, "http://") || matches(s, i, "https://") else { i += 1; continue }
            if i > 0, isURLChar(s[i - 1]), s[i - 1] != "(" && s[i - 1] != "<" { i += 1; continue }
            var j = i
            while j < n, isURLChar(s[j]) { j += 1 }
            while j > i, ".,;:!?'\"”’".unicodeScalars.contains(s[j - 1]) { j -= 1 }
            // A closing parenthesis belongs to the URL only when it opened one.
            while j > i, s[j - 1] == ")", s[i..<j].filter({ $0 == "(" }).count < s[i..<j].filter({ $0 == ")" }).count { j -= 1 }
            let range = i..<j
            if !taken.contains(where: { $0.overlaps(range) }), j - i > 8 {
                let url = String(String.UnicodeScalarView(s[range]))
                links.append(Link(url: url, anchor: url, start: i, end: j))
            }
            i = max(j, i + 1)
        }
        return links
    }

    static func matches(_ s: [Unicode.Scalar], _ at: Int, _ word: String) -> Bool {
        var k = at
        for c in word.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    private static func isURLChar(_ c: Unicode.Scalar) -> Bool {
        if c.properties.isWhitespace { return false }
        return !"<>\"`{}|\\^[]".unicodeScalars.contains(c) && c.value >= 0x21
    }
}
