/// Text from articles and pages made safe to print on a terminal or in a log line.
///
/// An article can carry escape sequences (ESC [ … that recolour, move the cursor or retitle the
/// window), a newline in its file name that would start a forged timestamped log line, or bidi
/// overrides that reorder what a reader sees. Each such character is written as a visible escape
/// (`\n`, `\r`, `\t`, `\x1b`, `\u{202e}`), so one value stays on one line and prints as itself.
public enum TerminalText {
    /// C0 controls, DEL and C1 controls (U+0080–U+009F; U+009B is CSI on 8-bit terminals),
    /// then the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
    /// and the line and paragraph separators some terminals break lines on.
    static func needsEscape(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x2028 || v == 0x2029
    }

    public static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0.value) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard needsEscape(v) else { out.unicodeScalars.append(scalar); continue }
            switch v {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case ..<0x100: out += "\\x" + (v < 0x10 ? "0" : "") + String(v, radix: 16)
            default: out += "\\u{" + String(v, radix: 16) + "}"
            }
        }
        return out
    }
}
