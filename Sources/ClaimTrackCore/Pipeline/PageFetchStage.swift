import Foundation

/// Stage 4 running beside ingest, extract and record: the recorder asks for the cited pages of each
/// article as soon as the article is recorded (`request`), and one thread fetches them (libcurl's multi
/// interface, with the `fetch:` limits) while the next articles are read. Each result goes with its body
/// to the check pool, which decodes and caches the page and hands both to the recorder's thread
/// (`CheckPool.Done.fetched`). The queue between recorder and fetcher is bounded, and a body is kept
/// only until its page is decoded.
final class PageFetchStage: @unchecked Sendable {
    private let queue = BoundedQueue<FetchRequest>(capacity: 4096)
    private let finished = DispatchSemaphore(value: 0)
    private let fetcher: any PageFetcher

    init(fetcher: any PageFetcher, pool: CheckPool) {
        self.fetcher = fetcher
        let thread = Thread { [self] in
            self.fetcher.fetch(from: { self.queue.drain() }, keepBodies: true) { result, body in
                pool.submit(.decode(result, body: body))
            }
            finished.signal()
        }
        thread.name = "fetch"
        thread.start()
    }

    /// Asks for `request` (called by the recorder's thread, which asks for each URL once).
    func request(_ request: FetchRequest) { queue.push(request) }

    /// No more requests: waits for the transfers under way (a stop starts no new one). Every result is
    /// in the check pool when it returns.
    func finish() {
        queue.close()
        finished.wait()
    }

    /// No more requests, without waiting (a run ended by an error): the thread ends after its transfers.
    func close() { queue.close() }
}
