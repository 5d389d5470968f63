/// Text for a terminal, broken between words to a width (`report --format table`, `extract --format table`).
public enum TextWrap {
    /// `text` in lines of at most `width` columns, broken between words: the first line after `indent`,
    /// the others after `hanging` (the same indent unless given). A word longer than a line keeps a line
    /// of its own rather than being cut.
    public static func lines(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        var lines: [String] = []
        var line = ""
        var lead = indent
        for word in text.split(separator: " ") {
            if !line.isEmpty && lead.count + line.count + 1 + word.count > width {
                lines.append(lead + line)
                line = ""
                lead = hanging ?? indent
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(lead + line) }
        return lines
    }
}
