import Foundation

/// Turns a fetched body into a `Page`: the charset decided before parsing
/// (Content-Type, BOM, meta prescan, UTF-8 validity, windows-1252), HTML and
/// XHTML through the article main-text extractor, text/plain as it is.
public enum PageDecoder {
    public enum Kind: Equatable { case html, text, unsupported }

    /// The media type without parameters, lowercased ("text/html"), and the charset parameter.
    public static func parseContentType(_ value: String?) -> (mime: String, charset: String?) {
        guard let value else { return ("", nil) }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let mime = parts.first?.lowercased() ?? ""
        var charset: String?
        for p in parts.dropFirst() where p.lowercased().hasPrefix("charset=") {
            charset = String(p.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        }
        return (mime, charset)
    }

    /// What a response is, from its media type, or from its first bytes when the type is missing or generic.
    public static func kind(mime: String, body: [UInt8]) -> Kind {
        switch mime {
        case "text/html", "application/xhtml+xml", "application/xml", "text/xml": return .html
        case "text/plain", "text/markdown": return .text
        case "", "application/octet-stream", "binary/octet-stream":
            let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
            if head.hasPrefix("%pdf") || TextDecoding.looksBinary(body) { return .unsupported }
            return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") ? .html : .text
        default:
            return .unsupported
        }
    }

    public static func decode(_ body: [UInt8], contentType: String?, url: String, finalURL: String) -> Page? {
        let (mime, charset) = parseContentType(contentType)
        let kind = kind(mime: mime, body: body)
        guard kind != .unsupported, let decoded = TextDecoding.decode(body, declared: charset, html: kind == .html) else { return nil }
        let hash = SHA256.hex(body)
        switch kind {
        case .html:
            guard let html = HTMLReader.read(decoded.text) else { return nil }
            return Page(url: url, finalURL: finalURL, contentType: mime, encoding: decoded.encoding, contentHash: hash,
                        text: html.text, paragraphs: html.paragraphs, metadata: html.metadata)
        case .text:
            let scalars = Array(decoded.text.unicodeScalars)
            return Page(url: url, finalURL: finalURL, contentType: mime.isEmpty ? "text/plain" : mime, encoding: decoded.encoding,
                        contentHash: hash, text: decoded.text, paragraphs: PlainText.paragraphs(scalars), metadata: Metadata())
        case .unsupported:
            return nil
        }
    }
}
