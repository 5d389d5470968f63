import Foundation

/// Fetched pages on disk (the `cache:` folder), addressed by the SHA-256 of
/// the body, so verification can run again without the network and a 304
/// reuses the page. Only pages are stored; failures never are.
public struct PageCache: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    func path(_ hash: String) -> String { "\(folder)/pages/\(hash.prefix(2))/\(hash).json" }

    public func contains(_ hash: String) -> Bool { FileManager.default.fileExists(atPath: path(hash)) }

    /// A body already stored under its hash is not written again (its page is the same; a file is only
    /// ever there whole, `AtomicFile`).
    public func store(_ page: Page) throws {
        let target = path(page.contentHash)
        guard !FileManager.default.fileExists(atPath: target) else { return }
        let json = JSONValue.object([
            ("url", .string(page.url)), ("final_url", .string(page.finalURL)), ("content_type", .string(page.contentType)),
            ("encoding", .string(page.encoding)), ("content_hash", .string(page.contentHash)),
            ("title", .optional(page.metadata.title)), ("author", .optional(page.metadata.author)),
            ("published", .optional(page.metadata.published)), ("canonical", .optional(page.metadata.url)),
            ("paragraphs", .array(page.paragraphs.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })),
            ("text", .string(page.text)),
        ]).serialized(pretty: false)
        try FileManager.default.createDirectory(atPath: PathUtil.parent(of: target), withIntermediateDirectories: true)
        try AtomicFile.write(Data(json.utf8), to: target)
    }

    /// A fetched body decoded into a page (`PageDecoder`) and stored: the page, or nil when the result is
    /// not an `ok` page of a type the tool reads.
    @discardableResult
    public func keep(_ result: FetchResult, body: [UInt8]?) -> Page? {
        guard result.outcome == .ok, let body,
              let page = PageDecoder.decode(body, contentType: result.contentType, url: result.url, finalURL: result.finalURL ?? result.url) else { return nil }
        try? store(page)
        return page
    }

    public func load(_ hash: String) -> Page? {
        guard let data = FileManager.default.contents(atPath: path(hash)),
              let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = o["text"] as? String, let url = o["url"] as? String else { return nil }
        let paragraphs = (o["paragraphs"] as? [[Int]] ?? []).compactMap { $0.count == 2 && $0[0] <= $0[1] ? $0[0]..<$0[1] : nil }
        return Page(url: url, finalURL: o["final_url"] as? String ?? url, contentType: o["content_type"] as? String ?? "",
                    encoding: o["encoding"] as? String ?? "UTF-8", contentHash: hash, text: text, paragraphs: paragraphs,
                    metadata: Metadata(title: o["title"] as? String, author: o["author"] as? String,
                                       published: o["published"] as? String, url: o["canonical"] as? String))
    }
}
