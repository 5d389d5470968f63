import Foundation

/// A JSON value whose objects keep their key order, so outputs read in the
/// order DESIGN.md documents them and golden files stay stable.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value under `key` of an object (the first, if repeated); nil for other values.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }

    /// Serialises; `pretty` indents by two spaces. `<`, `>` and `&` are written as \u escapes
    /// when `htmlSafe`, so the text can be embedded in an HTML `<script>` block.
    public func serialized(pretty: Bool = true, htmlSafe: Bool = false) -> String {
        var out = ""
        write(&out, indent: 0, pretty: pretty, htmlSafe: htmlSafe)
        return out
    }

    /// The value pretty-printed as it appears `indent` levels deep in a document (for writers that
    /// stream a document's elements one at a time, `JSONReportFormatter.stream`).
    func serialized(indent: Int) -> String {
        var out = ""
        write(&out, indent: indent, pretty: true, htmlSafe: false)
        return out
    }

    private func write(_ out: inout String, indent: Int, pretty: Bool, htmlSafe: Bool) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite { out += d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : String(format: "%.4g", d) } else { out += "null" }
        case .string(let s): Self.writeString(s, into: &out, htmlSafe: htmlSafe)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (k, item) in items.enumerated() {
                out += pad
                item.write(&out, indent: indent + 1, pretty: pretty, htmlSafe: htmlSafe)
                out += (k + 1 < items.count ? "," : "") + newline
            }
            out += closePad + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (k, (key, value)) in fields.enumerated() {
                out += pad
                Self.writeString(key, into: &out, htmlSafe: htmlSafe)
                out += pretty ? ": " : ":"
                value.write(&out, indent: indent + 1, pretty: pretty, htmlSafe: htmlSafe)
                out += (k + 1 < fields.count ? "," : "") + newline
            }
            out += closePad + "}"
        }
    }

    static func writeString(_ s: String, into out: inout String, htmlSafe: Bool) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where htmlSafe: out += "\\u003c"
            case ">" where htmlSafe: out += "\\u003e"
            case "&" where htmlSafe: out += "\\u0026"
            case "\u{2028}", "\u{2029}": out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
