/// Builds article text block by block while counting Unicode scalars, so
/// every recorded position is an offset into the final text.
struct TextBuilder {
    private(set) var text: [Unicode.Scalar] = []
    private(set) var count = 0
    private(set) var paragraphs: [Range<Int>] = []
    private var lineStart = 0
    private var pendingSpace = false

    var atLineStart: Bool { count == lineStart }

    /// Appends inline text, collapsing whitespace runs to one space.
    mutating func appendInline(_ s: String) {
        for scalar in s.unicodeScalars {
            if TextBuilder.isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { pendingSpace = true; continue }
            if pendingSpace && !atLineStart { text.append(" "); count += 1 }
            pendingSpace = false
            text.append(scalar)
            count += 1
        }
    }

    /// Appends text verbatim (a `<pre>` block): line breaks become paragraph breaks.
    mutating func appendPreformatted(_ s: String) {
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            appendInline(String(line))
            breakBlock()
        }
    }

    /// Ends the current block: the next text starts a new paragraph.
    mutating func breakBlock() {
        pendingSpace = false
        guard !atLineStart else { return }
        paragraphs.append(lineStart..<count)
        text.append("\n")
        count += 1
        lineStart = count
    }

    /// Unicode White_Space, with ASCII answered without a property lookup (most page text is ASCII).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Scalars that are not whitespace: the visible length of a text node.
    static func visibleLength(_ s: String) -> Int {
        var n = 0
        for scalar in s.unicodeScalars where !isWhitespace(scalar) { n += 1 }
        return n
    }

    func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(text[range])) }

    /// The position the next visible character will take (a pending space included).
    var nextCharPosition: Int { pendingSpace && !atLineStart ? count + 1 : count }

    mutating func finish() -> (String, [Range<Int>]) {
        breakBlock()
        // Drop the final newline so the text ends with its last character.
        if count > 0, text.last == "\n" { text.removeLast(); count -= 1 }
        return (String(String.UnicodeScalarView(text)), paragraphs)
    }
}
