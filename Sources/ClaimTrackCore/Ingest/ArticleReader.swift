import Foundation

/// Stage 1, ingest: a file on disk → an `Article`, or a `Diagnostic` saying why it was skipped.
public enum ArticleReader {
    public static let maxBytes = 20_000_000

    public static let extensions: [String: Article.Format] = [
        "txt": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
    ]

    public static func format(of path: String) -> Article.Format? {
        extensions[URL(fileURLWithPath: path).pathExtension.lowercased()]
    }

    /// The file's bytes, or a diagnostic when it is unreadable, empty or too large.
    public static func load(_ absolutePath: String, displayPath: String) -> Result<[UInt8], Diagnostic> {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: absolutePath)
        } catch {
            return .failure(Diagnostic(.error, file: displayPath, Message.unreadable(describe(error))))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes { return .failure(Diagnostic(.error, file: displayPath, Message.tooLarge(size, limit: maxBytes))) }
        guard let handle = FileHandle(forReadingAtPath: absolutePath) else {
            return .failure(Diagnostic(.error, file: displayPath, Message.unreadable("permission denied or gone")))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
            if data.count > maxBytes { return .failure(Diagnostic(.error, file: displayPath, Message.tooLarge(data.count, limit: maxBytes))) }
            if data.isEmpty { return .failure(Diagnostic(.error, file: displayPath, Message.emptyFile)) }
            return .success([UInt8](data))
        } catch {
            return .failure(Diagnostic(.error, file: displayPath, Message.unreadable(describe(error))))
        }
    }

    /// Parses the bytes of an article according to its format.
    public static func parse(_ bytes: [UInt8], path: String, format: Article.Format, hash: String? = nil) -> Result<Article, Diagnostic> {
        let contentHash = hash ?? SHA256.hex(bytes)
        if TextDecoding.looksBinary(bytes) { return .failure(Diagnostic(.error, file: path, Message.binaryFile)) }
        guard let decoded = TextDecoding.decode(bytes, html: format == .html) else {
            return .failure(Diagnostic(.error, file: path, Message.undecodable))
        }
        switch format {
        case .text:
            let scalars = Array(decoded.text.unicodeScalars)
            let urls = PlainText.bareURLs(scalars)
            return .success(Article(path: path, format: .text, text: decoded.text, paragraphs: PlainText.paragraphs(scalars),
                                    markup: urls.map { $0.start..<$0.end }, links: urls, metadata: Metadata(), contentHash: contentHash,
                                    language: LanguageDetector.decide(text: decoded.text, declared: [])))
        case .markdown:
            let reading = MarkdownReader.reading(Array(decoded.text.unicodeScalars))
            let md = reading.result
            return .success(Article(path: path, format: .markdown, text: reading.text, paragraphs: md.paragraphs,
                                    excluded: md.excluded, markup: md.markup, links: md.links, metadata: md.metadata, contentHash: contentHash,
                                    language: LanguageDetector.decide(text: reading.text, declared: [])))
        case .html:
            guard let html = HTMLReader.read(decoded.text) else {
                return .failure(Diagnostic(.error, file: path, Message.htmlUnparsable))
            }
            return .success(Article(path: path, format: .html, text: html.text, paragraphs: html.paragraphs,
                                    links: html.links, metadata: html.metadata, contentHash: contentHash,
                                    language: LanguageDetector.decide(text: html.text, declared: html.declaredLanguages), notes: html.notes))
        }
    }

    /// Loads and parses one file.
    public static func read(_ absolutePath: String, displayPath: String) -> Result<Article, Diagnostic> {
        guard let format = format(of: absolutePath) else {
            return .failure(Diagnostic(.error, file: displayPath, "not an article type (.html .htm .md .markdown .txt)"))
        }
        return load(absolutePath, displayPath: displayPath).flatMap { parse($0, path: displayPath, format: format) }
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }
}
