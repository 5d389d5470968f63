/// The text the verifier reads from a page, whichever way the page arrives: fetched by `run` or
/// `check URL`, read from a file by `check FILE`, piped to `check -`, or given inline to `check --batch`.
/// HTML always goes through the same main-text extraction (`PageDecoder`, `HTMLReader`), so one claim
/// against one page gets one verdict everywhere.
public enum PageText {
    /// A page's bytes: `contentType` as served, or from the file's extension, or nil to sniff the first bytes.
    public static func of(_ body: [UInt8], contentType: String?, name: String) -> String? {
        PageDecoder.decode(body, contentType: contentType, url: name, finalURL: name)?.text
    }

    /// Text given inline: HTML (told by its first bytes, as for a page served without a type) is reduced
    /// to its main text; anything else is read as it is.
    public static func of(text: String) -> String {
        let head = text.utf8.prefix(512)
        guard PageDecoder.kind(mime: "", body: Array(head)) == .html else { return text }
        return of(Array(text.utf8), contentType: "text/html; charset=utf-8", name: "-") ?? text
    }

    /// The media type a file's extension stands for ("page.html" is HTML); nil sniffs the content.
    public static func contentType(forFile path: String) -> String? {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm", "xhtml": return "text/html"
        case "txt", "text", "md", "markdown": return "text/plain"
        default: return nil
        }
    }
}
