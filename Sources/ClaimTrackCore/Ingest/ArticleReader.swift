import Foundation

/// Stage 1, ingest: a file on disk → an `Article`, or a `Diagnostic` saying why it was skipped.
public enum ArticleReader {
    public static let maxBytes = 20_000_000

    public static let extensions: [String: Article.Format] = [
        "txt": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
    ]

    /// The format a file's extension names (of its last path component), nil for none we read. Plain string
    /// work: `URL(fileURLWithPath:)` asks for the working folder on every relative name.
    public static func format(of path: String) -> Article.Format? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }

    /// The file's bytes, or a diagnostic when it is unreadable, empty or too large.
    public static func load(_ absolutePath: String, displayPath: String) -> Result<[UInt8], Diagnostic> {
        // One open, one fstat and the reads (FileManager's attributes cost a dozen calls per file, an owner
        // name lookup among them: a 100,000-article rerun is mostly this).
        // O_NONBLOCK: a FIFO named like an article must not hang the walk (it is refused below).
        let fd = open(absolutePath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(Diagnostic(.error, file: displayPath, Message.unreadable(describe(errno: errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Diagnostic(.error, file: displayPath, Message.unreadable(describe(errno: errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Diagnostic(.error, file: displayPath, Message.unreadable(describe(errno: EISDIR))))
        default: return .failure(Diagnostic(.error, file: displayPath, Message.unreadable("not a regular file")))
        }
        let size = Int(info.st_size)
        if size > maxBytes { return .failure(Diagnostic(.error, file: displayPath, Message.tooLarge(size, limit: maxBytes))) }
        // The size may change while reading (a file being written): read to the end, at most one byte past the limit.
        var bytes = [UInt8](repeating: 0, count: max(size, 4096) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > maxBytes { break }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, maxBytes + 1 - count)))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Diagnostic(.error, file: displayPath, Message.unreadable(describe(errno: errno))))
            }
            if n == 0 { break }
            count += n
        }
        if count > maxBytes { return .failure(Diagnostic(.error, file: displayPath, Message.tooLarge(count, limit: maxBytes))) }
        if count == 0 { return .failure(Diagnostic(.error, file: displayPath, Message.emptyFile)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// An error number in the words the other diagnostics use.
    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        default: return strerror(code).map { String(cString: $0) } ?? "error \(code)"
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
}
