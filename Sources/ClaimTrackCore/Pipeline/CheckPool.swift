import Foundation

/// The worker threads of stages 4 and 5 while the walk goes on, one per core: they decode and cache the
/// pages the fetch thread brings (`PageFetchStage`) and judge claims against their pages (`ClaimCheck`).
/// Tasks come from the fetch thread and from the recorder's thread; what they give waits in memory until
/// the recorder's thread takes it (`take`, `wait`), since only the recorder changes the ledger. A task
/// never waits for the recorder, so neither side can block the other.
final class CheckPool: @unchecked Sendable {
    /// Claims of one article whose every page is in (or cannot be fetched in this run), with what
    /// judging them needs: each URL's record after this run's fetch and the pages decoded for them.
    struct VerifyJob: Sendable {
        var path: String
        var claims: [ResolvedClaim]
        var sources: [String: SourceRecord]
        /// Pages by content hash; a page not here is read from the page cache.
        var pages: [String: Page]
    }

    enum Task: Sendable {
        case decode(FetchResult, body: [UInt8]?)
        case verify(VerifyJob)
    }

    enum Done: Sendable {
        /// A fetch result and its page, decoded and cached (nil when the result is no readable page).
        case fetched(FetchResult, Page?)
        case verified(path: String, outcomes: [ClaimOutcome])
    }

    /// Pages waiting to be decoded are held with their bodies: the queue is kept short.
    private let tasks = BoundedQueue<Task>(capacity: 64)
    private let condition = NSCondition()
    private var done: [Done] = []
    /// Tasks submitted whose result has not been taken yet.
    private var outstanding = 0

    init(workers: Int, verifier: Verifier, cache: PageCache) {
        for k in 0..<max(1, workers) {
            let thread = Thread { [self] in
                while let task = tasks.pop() {
                    let result: Done
                    switch task {
                    case .decode(let r, let body):
                        result = .fetched(r, cache.keep(r, body: body))
                    case .verify(let job):
                        let outcomes = ClaimCheck.outcomes(job.claims, sources: { job.sources[$0] },
                                                           page: { job.pages[$0] ?? cache.load($0) }, verifier: verifier)
                        result = .verified(path: job.path, outcomes: outcomes)
                    }
                    condition.withLock {
                        done.append(result)
                        condition.broadcast()
                    }
                }
            }
            thread.name = "check-\(k)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues a task (waits while the queue is full; the workers never wait for the caller).
    func submit(_ task: Task) {
        condition.withLock { outstanding += 1 }
        tasks.push(task)
    }

    /// What finished since the last call, without waiting.
    func take() -> [Done] {
        condition.withLock {
            let out = done
            done = []
            outstanding -= out.count
            return out
        }
    }

    /// Waits until something finished; [] when nothing is outstanding.
    func wait() -> [Done] {
        condition.withLock {
            while done.isEmpty && outstanding > 0 { condition.wait() }
            let out = done
            done = []
            outstanding -= out.count
            return out
        }
    }

    /// No more tasks: the workers end once the queue is empty.
    func close() { tasks.close() }
}
