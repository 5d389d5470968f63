/// Output of `claimtrack fetch`: one JSON line per URL, or a table row.
public enum FetchFormatter {
    public static func jsonLine(_ r: FetchResult) -> String {
        JSONValue.object([
            ("url", .string(r.url)),
            ("final_url", .optional(r.finalURL)),
            ("fetch", .string(r.outcome.rawValue)),
            ("http_status", r.httpStatus.map(JSONValue.int) ?? .null),
            ("bytes", .int(r.bytes)),
            ("content_type", .optional(r.contentType)),
            ("elapsed_ms", .int(r.elapsedMs)),
            ("detail", .string(r.detail)),
        ]).serialized(pretty: false)
    }

    public static let tableHeader = "fetch             status  bytes      ms  url"

    /// A row for a terminal: the URL, final URL and detail come from articles and servers, so their
    /// control characters are shown escaped (`TerminalText`).
    public static func tableRow(_ r: FetchResult) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        func left(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var row = pad(r.outcome.rawValue, 17) + left(r.httpStatus.map(String.init) ?? "-", 6) + left(String(r.bytes), 7) + left(String(r.elapsedMs), 8) + "  " + TerminalText.escape(r.url)
        if let final = r.finalURL, final != r.url { row += " → " + TerminalText.escape(final) }
        if r.outcome != .ok { row += "\n" + String(repeating: " ", count: 40) + TerminalText.escape(r.detail) }
        return row
    }
}
