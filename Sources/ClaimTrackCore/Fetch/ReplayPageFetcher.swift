import Foundation

/// A `PageFetcher` with no server: each URL answered from a page kept in memory or in a folder, so
/// resolve's providers, verify and record are tested (and a run replayed) exactly as they would run
/// against the web. A URL it does not hold is `not_found` (HTTP 404), as a server would answer it.
///
/// Folder layout: a URL's page is the file at `scheme/host/path` under the folder
/// (`https://example.org/reports/jobs.html` → `FOLDER/https/example.org/reports/jobs.html`; a path that
/// ends in "/" or is empty reads `index.html`; a query is not part of the name). Its content type comes
/// from the file's extension.
public final class ReplayPageFetcher: PageFetcher, @unchecked Sendable {
    public struct Reply: Sendable {
        public var outcome: FetchOutcome
        public var httpStatus: Int?
        public var body: [UInt8]
        public var contentType: String?
        public var etag: String?
        /// Where a redirect ended, when it differs from the URL asked for.
        public var finalURL: String?
        public var detail: String

        /// A page served with HTTP 200.
        public static func page(_ body: String, contentType: String = "text/html; charset=utf-8", etag: String? = nil, finalURL: String? = nil) -> Reply {
            Reply(outcome: .ok, httpStatus: 200, body: Array(body.utf8), contentType: contentType, etag: etag, finalURL: finalURL, detail: "HTTP 200")
        }

        /// A failure as the fetch stage reports it (`.not_found`, `.dns`, `.timeout` …).
        public static func failure(_ outcome: FetchOutcome, httpStatus: Int? = nil, detail: String) -> Reply {
            Reply(outcome: outcome, httpStatus: httpStatus, body: [], contentType: nil, etag: nil, finalURL: nil, detail: detail)
        }
    }

    private let replies: [String: Reply]
    private let folder: String?
    private let lock = NSLock()
    private var asked: [String] = []

    /// Replies by URL, exactly as the request writes it.
    public init(_ replies: [String: Reply]) {
        self.replies = replies
        folder = nil
    }

    /// Pages read from `folder` (see the type's comment for the layout); `replies` by URL come first
    /// (a provider's answer, whose query a file name does not hold).
    public init(folder: String, _ replies: [String: Reply] = [:]) {
        self.replies = replies
        self.folder = folder
    }

    /// Every URL asked for so far, in order (a test checks what was fetched, and that a rerun asks again).
    public var requested: [String] { lock.withLock { asked } }

    public func fetch(from next: () -> [FetchRequest]?, keepBodies: Bool, deliver: (FetchResult, [UInt8]?) -> Void) {
        var seen = Set<String>()
        while let batch = next() {
            for request in batch where seen.insert(request.url).inserted {
                lock.withLock { asked.append(request.url) }
                let reply = self.reply(request.url) ?? .failure(.not_found, httpStatus: 404, detail: "HTTP 404")
                var result = FetchResult(url: request.url, outcome: reply.outcome, detail: reply.detail, finalURL: reply.finalURL,
                                         httpStatus: reply.httpStatus, bytes: reply.body.count, contentType: reply.contentType, attempts: 1)
                result.etag = reply.etag
                if reply.outcome == .ok, let etag = reply.etag, request.etag == etag {
                    result.outcome = .not_modified
                    result.httpStatus = 304
                    result.detail = "HTTP 304"
                    result.bytes = 0
                    deliver(result, nil)
                    continue
                }
                deliver(result, keepBodies && reply.outcome == .ok ? reply.body : nil)
            }
            if batch.isEmpty { Thread.sleep(forTimeInterval: 0.001) }  // nothing yet: the caller is still adding
        }
    }

    /// Answers an API as it answers pages: the reply kept for the request's URL.
    public func forAPI(spacingMs: Int) -> any PageFetcher { self }

    func reply(_ url: String) -> Reply? {
        if let reply = replies[url] { return reply }
        guard let folder, let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host else { return nil }
        var path = parts.path
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        guard !path.split(separator: "/").contains(where: { $0 == ".." }) else { return nil }
        let file = "\(folder)/\(scheme)/\(host)\(path.hasPrefix("/") ? path : "/" + path)"
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let type = Self.contentTypes[ext] ?? "application/octet-stream"
        return Reply(outcome: .ok, httpStatus: 200, body: [UInt8](data), contentType: type, etag: nil, finalURL: nil, detail: "HTTP 200")
    }

    /// Content type by file extension: the types the fetch stage reads (pages and provider answers).
    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8", "xhtml": "application/xhtml+xml",
        "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8", "json": "application/json", "pdf": "application/pdf",
    ]
}
