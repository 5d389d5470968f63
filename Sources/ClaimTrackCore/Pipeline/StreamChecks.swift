import Foundation

/// Stages 4 and 5 while the walk goes on, as the recorder's thread drives them. Each recorded article's
/// due claims (the rule of `Recorder.checkSources`) ask for their pages; a claim whose pages are all in
/// is judged on the check pool at once, and its outcome written into its article's bundle. So pages are
/// fetched, decoded and judged while the next articles are read, on every core, and no bundle waits in
/// memory for the end of the walk: what is held is the claims still waiting for a page.
///
/// What is left for the step after the walk (`Recorder.checkSources`): the news search, and with the web
/// archive on, claims with a dead link (their snapshot is looked up first). A URL is fetched once per
/// run, whichever article cites it first.
struct StreamChecks {
    private let fetch: PageFetchStage
    private let pool: CheckPool
    private let cache: PageCache
    private let recheckAfter: Duration
    private let now: Date
    /// The web archive stands in for dead links: a claim with one is judged after the walk.
    private let archive: Bool
    private let observer: RunObserver

    /// A claim waiting for some of its pages.
    private struct Waiting {
        var path: String
        var claim: ResolvedClaim
        var remaining: Set<String>
    }
    /// By article path and claim id: the same sentence in two articles has one id until the recorder
    /// qualifies one of them (`Recorder.ledgerID`).
    private var waiting: [Key: Waiting] = [:]
    private struct Key: Hashable {
        var path: String
        var id: String
    }
    /// The claims waiting for each URL asked for and not in yet.
    private var waiters: [String: [Key]] = [:]
    /// URLs whose result this run has (their records are staged): asked for once, never again.
    private(set) var fetched = Set<String>()
    /// Articles with claims left for the step after the walk.
    private(set) var deferred = Set<String>()
    private(set) var counts = Recorder.SourceCheckCounts()
    private var verdicts: [ClaimStatus: Int] = [:]

    init(fetcher: any PageFetcher, verifier: Verifier, cache: PageCache, configuration: Configuration, now: Date, observer: RunObserver) {
        pool = CheckPool(workers: configuration.effectiveWorkers, verifier: verifier, cache: cache)
        fetch = PageFetchStage(fetcher: fetcher, pool: pool)
        self.cache = cache
        recheckAfter = configuration.recheckAfter
        self.now = now
        archive = configuration.resolve.archive.provider == "wayback"
        self.observer = observer
    }

    /// The article just recorded (`bundle`, as staged): its due claims ask for the pages not asked for
    /// yet; those with every page in are judged now. Then whatever the pool finished is written.
    mutating func add(_ bundle: ArticleBundle, recorder: inout Recorder) throws {
        let citing = bundle.claims.filter { !Recorder.urls(of: $0).isEmpty }
        if !citing.isEmpty {
            let sources = try recorder.store.sources(citing.flatMap { Recorder.urls(of: $0) })
            var ready: [ResolvedClaim] = []
            for claim in citing where recorder.isDue(claim, recheckAfter: recheckAfter, now: now, source: { sources[$0] }) {
                let resolved = ResolvedClaim(id: claim.id, text: claim.text, attributions: claim.attributions)
                var remaining = Set<String>()
                var dead = false
                for url in resolved.urls {
                    let s = sources[url]
                    if fetched.contains(url) {
                        dead = dead || isDead(s?.fetch)
                        continue
                    }
                    // A host that asked to wait is not asked again before that time ("waiting for its host").
                    if s?.waitUntil.flatMap(Timestamp.parse).map({ $0 > now }) == true { continue }
                    remaining.insert(url)
                    let key = Key(path: bundle.path, id: claim.id)
                    if waiters[url] != nil { waiters[url]!.append(key); continue }
                    waiters[url] = [key]
                    if let s, let hash = s.contentHash, cache.contains(hash) {
                        fetch.request(FetchRequest(url: url, etag: s.etag, lastModified: s.lastModified))
                    } else {
                        fetch.request(FetchRequest(url: url))
                    }
                }
                if dead {
                    deferred.insert(bundle.path)
                } else if remaining.isEmpty {
                    ready.append(resolved)
                } else {
                    waiting[Key(path: bundle.path, id: claim.id)] = Waiting(path: bundle.path, claim: resolved, remaining: remaining)
                }
            }
            if !ready.isEmpty { try judge(ready, of: bundle.path, recorder: recorder, page: nil) }
        }
        try absorb(pool.take(), recorder: &recorder)
    }

    /// An unchanged article: its bundle as the ledger holds it, when its claims cite pages.
    mutating func add(unchanged path: String, recorder: inout Recorder) throws {
        guard recorder.store.entry(path)?.citesURLs == true, let bundle = try recorder.store.bundle(path) else {
            return try absorb(pool.take(), recorder: &recorder)
        }
        try add(bundle, recorder: &recorder)
    }

    /// After the walk: waits for the transfers under way and for every claim they complete to be judged
    /// and written. Claims whose pages did not come (a stop) keep what the recorder gave them.
    mutating func finish(recorder: inout Recorder) throws {
        fetch.finish()
        while case let done = pool.wait(), !done.isEmpty { try absorb(done, recorder: &recorder) }
        pool.close()
        let judged = verdicts.values.reduce(0, +)
        if counts.fetched + counts.notModified + counts.failed > 0 {
            observer.stage("fetch", message: "\(fetched.count) cited page\(fetched.count == 1 ? "" : "s") fetched while the articles were read")
        }
        if judged > 0 {
            observer.stage("verify", message: "\(judged) claim\(judged == 1 ? "" : "s") checked: "
                + ClaimStatus.allCases.compactMap { s in verdicts[s].map { "\(s.rawValue) \($0)" } }.joined(separator: ", "))
        }
        waiting = [:]
        waiters = [:]
    }

    /// Lets the threads end without waiting for them (a run ended by an error before `finish`).
    func close() {
        fetch.close()
        pool.close()
    }

    /// A dead link, with the web archive on: the claim is judged after the walk, against its snapshot.
    private func isDead(_ outcome: FetchOutcome?) -> Bool {
        archive && outcome.map { [.not_found, .dns, .timeout].contains($0) } == true
    }

    /// Claims of one article with every page in, sent to the pool with the records they need and the page
    /// just decoded (the others are read from the page cache).
    private func judge(_ claims: [ResolvedClaim], of path: String, recorder: Recorder, page: Page?) throws {
        let sources = try recorder.store.sources(claims.flatMap(\.urls))
        pool.submit(.verify(.init(path: path, claims: claims, sources: sources, pages: page.map { [$0.contentHash: $0] } ?? [:])))
    }

    private mutating func absorb(_ done: [CheckPool.Done], recorder: inout Recorder) throws {
        for d in done {
            switch d {
            case .fetched(let r, let page):
                let old = try recorder.store.sources([r.url])[r.url]
                try recorder.store.stage(source: Recorder.source(old, after: r, page: page, time: recorder.time, counts: &counts))
                fetched.insert(r.url)
                if r.isFailure { observer.fetchFailed(url: r.url, outcome: r.outcome, detail: r.detail) }
                let dead = isDead(r.outcome)
                var ready: [String: [ResolvedClaim]] = [:]
                for key in waiters.removeValue(forKey: r.url) ?? [] {
                    guard var w = waiting[key] else { continue }
                    if dead {
                        // Its archive snapshot is looked up after the walk, and the claim judged then.
                        waiting[key] = nil
                        deferred.insert(w.path)
                        continue
                    }
                    w.remaining.remove(r.url)
                    if w.remaining.isEmpty {
                        waiting[key] = nil
                        ready[w.path, default: []].append(w.claim)
                    } else {
                        waiting[key] = w
                    }
                }
                for (path, claims) in ready.sorted(by: { $0.key < $1.key }) { try judge(claims, of: path, recorder: recorder, page: page) }
            case .verified(let path, let outcomes):
                try recorder.apply(outcomes, toArticle: path)
                for o in outcomes { verdicts[o.status, default: 0] += 1 }
            }
        }
    }
}
