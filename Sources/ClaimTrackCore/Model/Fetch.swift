import Foundation

/// What the fetch stage is asked for, and what it gives back: an outcome
/// as data (never a throw), with the page when there is one.
public struct FetchRequest: Sendable, Hashable {
    /// The URL exactly as the user or the article wrote it.
    public var url: String
    /// Validators from the last successful fetch, for a conditional request.
    public var etag: String?
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

public struct FetchResult: Sendable {
    public var url: String
    public var finalURL: String?
    public var outcome: FetchOutcome
    public var httpStatus: Int?
    public var bytes: Int
    public var contentType: String?
    public var elapsedMs: Int
    /// A readable line: "HTTP 404", "robots.txt disallows /private/", "resolved to 10.0.0.1, a private address".
    public var detail: String
    public var etag: String?
    public var lastModified: String?
    /// Seconds the server asked us to wait (429/503 Retry-After), if any.
    public var retryAfter: Int?
    /// Set when the Retry-After was longer than a run waits: until when the host asked us to wait.
    /// The URL is then not a failure of the page but a fetch left for a later run.
    public var waitUntil: Date?
    public var attempts: Int
    /// The page's main text and metadata, for `ok` results of a supported type.
    public var page: Page?

    public init(url: String, outcome: FetchOutcome, detail: String, finalURL: String? = nil, httpStatus: Int? = nil, bytes: Int = 0,
                contentType: String? = nil, elapsedMs: Int = 0, attempts: Int = 0) {
        self.url = url
        self.outcome = outcome
        self.detail = detail
        self.finalURL = finalURL
        self.httpStatus = httpStatus
        self.bytes = bytes
        self.contentType = contentType
        self.elapsedMs = elapsedMs
        self.attempts = attempts
    }

    /// Failed for a reason that may pass (the URL is retried on every run).
    public var isFailure: Bool { outcome != .ok && outcome != .not_modified }
}

/// A fetched page reduced to what verification reads: main text, paragraphs, links, metadata.
public struct Page: Sendable, Equatable {
    public var url: String
    public var finalURL: String
    public var contentType: String
    public var encoding: String
    public var contentHash: String
    public var text: String
    public var paragraphs: [Range<Int>]
    public var metadata: Metadata
}

/// Stage 4's one interface, FetchRequest → FetchResult: the cited pages, the news search's and the web
/// archive's answers all come through it. `Fetcher` is the curl implementation the tool runs with;
/// `ReplayPageFetcher` answers from pages kept in memory or in a folder, so the stages after fetch are
/// tested without a server.
public protocol PageFetcher {
    /// Fetches requests as they come: `next` is asked between transfers without blocking ([] when there
    /// are none yet, nil when there will be no more). Each distinct URL is fetched once and handed to
    /// `deliver` on the calling thread, with the body when `keepBodies` and the outcome is `ok`.
    func fetch(from next: () -> [FetchRequest]?, keepBodies: Bool, deliver: (FetchResult, [UInt8]?) -> Void)
    /// The same server for a provider's JSON API: one request at a time, at least `spacingMs` apart, no
    /// robots.txt, no retries, any content type.
    func forAPI(spacingMs: Int) -> any PageFetcher
}

extension PageFetcher {
    /// Fetches every request (each distinct URL once) and hands each result to `deliver` as it completes.
    public func fetch(_ requests: [FetchRequest], keepBodies: Bool = true, deliver: (FetchResult, [UInt8]?) -> Void) {
        var given = false
        fetch(from: { () -> [FetchRequest]? in
            defer { given = true }
            return given ? nil : requests
        }, keepBodies: keepBodies, deliver: deliver)
    }

    /// Fetches and collects the results in the order of `requests` (one per distinct URL).
    public func fetchAll(_ requests: [FetchRequest], keepBodies: Bool = false) -> [(FetchResult, [UInt8]?)] {
        var byURL: [String: (FetchResult, [UInt8]?)] = [:]
        fetch(requests, keepBodies: keepBodies) { byURL[$0.url] = ($0, $1) }
        var seen = Set<String>()
        return requests.compactMap { seen.insert($0.url).inserted ? byURL[$0.url] : nil }
    }
}
