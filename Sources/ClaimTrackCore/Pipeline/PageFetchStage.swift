import Foundation

/// Stage 4 running beside ingest, extract and record: the recorder hands it the cited pages of each
/// article as soon as the article is recorded (`request`), and it fetches them on its own thread
/// while the next articles are read, storing each page in the cache as it arrives. The fetch and
/// verify step after the walk (`Recorder.checkSources`) then takes these results instead of fetching.
/// The queue between recorder and fetcher is bounded; a page's body is kept only until it is decoded
/// and cached, so memory holds the results (URL, outcome, headers, content hash), not the pages.
final class PageFetchStage: @unchecked Sendable {
    typealias Fetched = FetchedPage

    private let queue = BoundedQueue<FetchRequest>(capacity: 4096)
    private let lock = NSLock()
    private var results: [String: Fetched] = [:]
    private let finished = DispatchSemaphore(value: 0)
    private var requested = Set<String>()

    private let fetcher: any PageFetcher
    private let cache: PageCache

    init(fetcher: any PageFetcher, cache: PageCache) {
        self.fetcher = fetcher
        self.cache = cache
        let thread = Thread { [self] in
            let cache = self.cache
            self.fetcher.fetch(from: { self.queue.drain() }, keepBodies: true) { result, body in
                let hash = cache.keep(result, body: body)?.contentHash
                self.lock.withLock { self.results[result.url] = Fetched(result: result, contentHash: hash) }
            }
            self.finished.signal()
        }
        thread.name = "fetch"
        thread.start()
    }

    /// Asks for `request` unless its URL was asked for already in this run (called by the recorder's thread).
    func request(_ request: FetchRequest) {
        guard requested.insert(request.url).inserted else { return }
        queue.push(request)
    }

    /// No more requests: waits for the transfers under way and returns every result by URL.
    func finish() -> [String: Fetched] {
        queue.close()
        finished.wait()
        return lock.withLock { results }
    }
}
