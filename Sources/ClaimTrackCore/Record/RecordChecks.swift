import Foundation

/// Stages 3 (its network steps), 4 and 5 as the recorder drives them after the walk, writing what each
/// gives into the ledger (only the recorder changes it): the news search's URLs (`Providers`), each
/// URL's fetch (a `PageFetcher`; what the fetch stage, `PageFetchStage`, already fetched during the walk
/// is taken as it is), the web archive's snapshots of dead links, and each due claim's outcome
/// (`ClaimCheck`: evidence, status and reason).
///
/// A claim is due when it was never checked, when its last check is older than `recheck_after`, or
/// when one of its URLs failed last time (failed URLs are retried on every run). A claim whose every
/// page failed is `unreachable`; one whose host asked to wait stays `pending`.
extension Recorder {
    struct SourceCheckCounts {
        var due = 0
        var fetched = 0
        var failed = 0
        var notModified = 0
    }

    /// `prefetched`: the pages the fetch stage already fetched during the walk (`PageFetchStage`), by URL;
    /// only the others are fetched here.
    mutating func checkSources(fetcher: any PageFetcher, verifier: Verifier, cache: PageCache, configuration: Configuration, now: Date,
                               observer: RunObserver, prefetched: [String: FetchedPage] = [:]) -> SourceCheckCounts {
        var counts = SourceCheckCounts()
        let recheckAfter = configuration.recheckAfter
        if configuration.resolve.search.provider == "gdelt" {
            searchOutlets(configuration: configuration, now: now, observer: observer, fetcher: fetcher)
        }
        let due = ledger.claims.values.filter { isDue($0, recheckAfter: recheckAfter, now: now, source: { ledger.sources[$0] }) }.map(\.id).sorted()
        counts.due = due.count
        var urls: [String] = []
        var seen = Set<String>()
        for id in due { for url in Self.urls(of: ledger.claims[id]!) where seen.insert(url).inserted { urls.append(url) } }
        // A host that asked to wait (Retry-After past what a run waits) is not asked again before that time;
        // its claims keep "waiting for its host".
        urls.removeAll { url in ledger.sources[url]?.waitUntil.flatMap(Timestamp.parse).map { $0 > now } == true }
        if urls.isEmpty {
            applyEvidence(to: due, verifier: verifier, cache: cache)
            return counts
        }
        observer.stage("fetch", message: "\(urls.count) cited page\(urls.count == 1 ? "" : "s") for \(due.count) claim\(due.count == 1 ? "" : "s")")
        let requests = urls.map { url -> FetchRequest in
            guard let s = ledger.sources[url], let hash = s.contentHash, cache.contains(hash) else { return FetchRequest(url: url) }
            return FetchRequest(url: url, etag: s.etag, lastModified: s.lastModified)
        }
        var done = 0
        for request in requests {
            guard let fetched = prefetched[request.url] else { continue }
            done += 1
            record(fetched.result, body: nil, contentHash: fetched.contentHash, cache: cache, counts: &counts)
            if fetched.result.isFailure { observer.fetchFailed(url: fetched.result.url, outcome: fetched.result.outcome, detail: fetched.result.detail) }
        }
        fetcher.fetch(requests.filter { prefetched[$0.url] == nil }, keepBodies: true) { result, body in
            done += 1
            record(result, body: body, cache: cache, counts: &counts)
            if result.isFailure {
                observer.fetchFailed(url: result.url, outcome: result.outcome, detail: result.detail)
            }
            observer.progress("pages (\(counts.failed) failed)", done: done, total: requests.count, final: false)
        }
        observer.progress("pages (\(counts.failed) failed)", done: requests.count, total: requests.count, final: true)
        if configuration.resolve.archive.provider == "wayback" {
            archiveDeadLinks(urls, configuration: configuration, cache: cache, observer: observer, fetcher: fetcher)
        }
        applyEvidence(to: due, verifier: verifier, cache: cache)
        var verdicts: [ClaimStatus: Int] = [:]
        for id in due { if let status = ledger.claims[id]?.status { verdicts[status, default: 0] += 1 } }
        observer.stage("verify", message: "\(due.count) claim\(due.count == 1 ? "" : "s") checked: "
            + ClaimStatus.allCases.compactMap { s in verdicts[s].map { "\(s.rawValue) \($0)" } }.joined(separator: ", "))
        return counts
    }

    static func urls(of claim: ClaimRecord) -> [String] { AttributionRecord.urls(claim.attributions) }

    /// The distinct URLs that can check these attributions, in order.
    static func urls(_ attributions: [AttributionRecord]) -> [String] { AttributionRecord.urls(attributions) }

    /// Step 4 of resolve: a claim that names an outlet but links nothing asks the news search for the
    /// outlet's articles around the article's date; the best candidates become its URLs ("search").
    /// `fetcher`: nil asks with the curl fetcher of the configuration's `fetch:` settings.
    mutating func searchOutlets(configuration: Configuration, now: Date, observer: RunObserver, fetcher: (any PageFetcher)? = nil) {
        let endpoint = configuration.resolve.search.endpoint ?? Providers.defaultGDELT
        var queries: [(claim: String, index: Int, domain: String, url: String)] = []
        for (id, claim) in ledger.claims where claim.lastChecked == nil || Self.urls(of: claim).isEmpty && isStale(claim, configuration.recheckAfter, now) {
            let date = Providers.parseDate(ledger.articles[claim.article]?.published)
            for (k, a) in claim.attributions.enumerated() where a.kind == .outlet && a.urls.isEmpty {
                guard let domain = a.outlet?.domain else { continue }
                let query = Providers.gdeltQuery(claim: claim.text, domain: domain)
                queries.append((id, k, domain, Providers.gdeltURL(endpoint: endpoint, query: query, around: date)))
            }
        }
        guard !queries.isEmpty else { return }
        observer.stage("resolve", message: "news search for \(queries.count) named outlet\(queries.count == 1 ? "" : "s") without a link")
        let answers = Providers.getJSON(queries.map(\.url), fetcher: fetcher ?? Fetcher(options: Fetcher.Options(configuration.fetch)), spacingMs: Providers.gdeltSpacingMs,
                                        cache: .init(folder: configuration.cache + "/search"))
        for q in queries {
            guard var claim = ledger.claims[q.claim], let answer = answers[q.url] else { continue }
            let found = Providers.gdeltCandidates(answer, claim: claim.text, domain: q.domain)
            claim.attributions[q.index].urls += found
            claim.attributions[q.index].origins += found.map { _ in SourceOrigin.search.rawValue }
            if found.isEmpty, Self.urls(of: claim).isEmpty {
                claim.lastChecked = time
                setStatus(&claim, .unverifiable, StatusRules.offline(claim.attributions).1 + "; the news search found nothing")
            }
            ledger.claims[q.claim] = claim
        }
    }

    /// Step 5 of resolve: a dead link (not_found, dns, timeout) is looked up in the web archive near the
    /// article's date; the closest snapshot is fetched and stands in for the page.
    mutating func archiveDeadLinks(_ urls: [String], configuration: Configuration, cache: PageCache, observer: RunObserver,
                                   fetcher: (any PageFetcher)? = nil) {
        let endpoint = configuration.resolve.archive.endpoint ?? Providers.defaultWayback
        let dead = urls.filter { url in
            guard let s = ledger.sources[url], let outcome = s.fetch else { return false }
            return [.not_found, .dns, .timeout].contains(outcome)
        }
        guard !dead.isEmpty else { return }
        observer.stage("resolve", message: "web archive for \(dead.count) dead link\(dead.count == 1 ? "" : "s")")
        var dates: [String: Date] = [:]
        for claim in ledger.claims.values {
            guard let d = Providers.parseDate(ledger.articles[claim.article]?.published) else { continue }
            for url in Self.urls(of: claim) where dates[url] == nil { dates[url] = d }
        }
        let fetcher = fetcher ?? Fetcher(options: Fetcher.Options(configuration.fetch))
        let around = Dictionary(dead.map { url in (url, dates[url] ?? ledger.sources[url]?.firstFailure.flatMap(Timestamp.parse)) }, uniquingKeysWith: { a, _ in a })
        let snapshots = Providers.snapshots(of: around, endpoint: endpoint, fetcher: fetcher, cache: .init(folder: configuration.cache + "/archive"))
        guard !snapshots.isEmpty else { return }
        fetcher.fetch(snapshots.keys.sorted().map { FetchRequest(url: $0) }, keepBodies: true) { result, body in
            guard let (original, when) = snapshots[result.url], let page = cache.keep(result, body: body) else { return }
            ledger.sources[original]?.archiveUrl = result.url
            ledger.sources[original]?.archiveTime = when
            ledger.sources[original]?.archiveContentHash = page.contentHash
        }
    }

    private func isStale(_ claim: ClaimRecord, _ recheckAfter: Duration, _ now: Date) -> Bool {
        guard let checked = claim.lastChecked.flatMap(Timestamp.parse) else { return true }
        return now.timeIntervalSince(checked) >= Double(recheckAfter.seconds)
    }

    func isDue(_ claim: ClaimRecord, recheckAfter: Duration, now: Date, source: (String) -> SourceRecord?) -> Bool {
        let urls = Self.urls(of: claim)
        guard !urls.isEmpty else { return false }
        if urls.contains(where: { source($0)?.fetch.map { $0 != .ok && $0 != .not_modified } ?? true }) { return true }
        return isStale(claim, recheckAfter, now)
    }

    /// The requests for the due claims' pages of the article at `path` (the rule of `checkSources`), for the
    /// fetch stage that runs while the walk goes on.
    func dueRequests(_ path: String, recheckAfter: Duration, now: Date, cache: PageCache) throws -> [FetchRequest] {
        guard store.entry(path)?.citesURLs == true, let bundle = try store.bundle(path) else { return [] }
        let citing = bundle.claims.filter { !Self.urls(of: $0).isEmpty }
        let sources = try store.sources(citing.flatMap { Self.urls(of: $0) })
        var seen = Set<String>()
        var out: [FetchRequest] = []
        for claim in citing where isDue(claim, recheckAfter: recheckAfter, now: now, source: { sources[$0] }) {
            for url in Self.urls(of: claim) where seen.insert(url).inserted {
                let s = sources[url]
                if s?.waitUntil.flatMap(Timestamp.parse).map({ $0 > now }) == true { continue }
                guard let s, let hash = s.contentHash, cache.contains(hash) else { out.append(FetchRequest(url: url)); continue }
                out.append(FetchRequest(url: url, etag: s.etag, lastModified: s.lastModified))
            }
        }
        return out
    }

    /// Updates the URL's ledger record; a page is stored in the cache, a failure never is.
    mutating func record(_ r: FetchResult, body: [UInt8]?, contentHash: String? = nil, cache: PageCache, counts: inout SourceCheckCounts) {
        var s = ledger.sources[r.url] ?? SourceRecord(url: r.url)
        s.fetchedAt = time
        s.fetch = r.outcome
        s.httpStatus = r.httpStatus
        s.finalUrl = r.finalURL
        s.contentType = r.contentType
        s.waitUntil = r.waitUntil.map(Timestamp.format)
        switch r.outcome {
        case .ok:
            counts.fetched += 1
            if let contentHash {
                s.contentHash = contentHash  // decoded and cached by the fetch stage
            } else if let page = cache.keep(r, body: body) {
                s.contentHash = page.contentHash
            }
            s.etag = r.etag
            s.lastModified = r.lastModified
            s.error = nil
            s.firstFailure = nil
            s.failures = nil
        case .not_modified:
            counts.notModified += 1
            s.error = nil
            s.firstFailure = nil
            s.failures = nil
        default:
            counts.failed += 1
            s.error = r.detail
            s.firstFailure = s.firstFailure ?? time
            s.failures = (s.failures ?? 0) + 1
        }
        ledger.sources[r.url] = s
    }

    /// Stage 5 for the due claims (`ClaimCheck`), its outcomes written into their records: evidence,
    /// status and reason, checked at this run's time.
    mutating func applyEvidence(to due: [String], verifier: Verifier, cache: PageCache) {
        let claims = due.compactMap { id in ledger.claims[id].map { ResolvedClaim(id: id, text: $0.text, attributions: $0.attributions) } }
        let sources = ledger.sources
        for outcome in ClaimCheck.outcomes(claims, sources: { sources[$0] }, page: cache.load, verifier: verifier) {
            guard var claim = ledger.claims[outcome.id] else { continue }
            claim.evidence = outcome.evidence
            claim.lastChecked = time
            setStatus(&claim, outcome.status, outcome.reason)
            ledger.claims[outcome.id] = claim
        }
    }
}
