import Foundation

/// Stages 4 and 5 inside `run`: fetch the pages that due claims cite, keep
/// each URL's record in the ledger, and give the claims their evidence.
///
/// A claim is due when it was never checked, when its last check is older
/// than `recheck_after`, or when one of its URLs failed last time (failed
/// URLs are retried on every run). Verification of page against claim comes
/// with the verify stage; until then a claim whose pages were fetched stays
/// `pending`, and one whose every page failed is `unreachable`.
extension Recorder {
    struct SourceCheckCounts {
        var due = 0
        var fetched = 0
        var failed = 0
        var notModified = 0
    }

    mutating func checkSources(fetcher: Fetcher, verifier: Verifier, cache: PageCache, configuration: Configuration, now: Date,
                               observer: RunObserver) -> SourceCheckCounts {
        var counts = SourceCheckCounts()
        let recheckAfter = configuration.recheckAfter
        if configuration.resolve.search.provider == "gdelt" {
            searchOutlets(configuration: configuration, now: now, observer: observer)
        }
        let due = ledger.claims.values.filter { isDue($0, recheckAfter: recheckAfter, now: now) }.map(\.id).sorted()
        counts.due = due.count
        var urls: [String] = []
        var seen = Set<String>()
        for id in due { for url in Self.urls(of: ledger.claims[id]!) where seen.insert(url).inserted { urls.append(url) } }
        // A host that asked to wait (Retry-After past what a run waits) is not asked again before that time;
        // its claims keep "waiting for its host".
        urls.removeAll { url in ledger.sources[url]?.waitUntil.flatMap(Timestamp.parse).map { $0 > now } == true }
        if urls.isEmpty {
            var pages: [String: Page] = [:]
            for id in due { applyEvidence(to: id, verifier: verifier, cache: cache, pages: &pages) }
            return counts
        }
        observer.stage("fetch", message: "\(urls.count) cited page\(urls.count == 1 ? "" : "s") for \(due.count) claim\(due.count == 1 ? "" : "s")")
        let requests = urls.map { url -> FetchRequest in
            guard let s = ledger.sources[url], let hash = s.contentHash, cache.contains(hash) else { return FetchRequest(url: url) }
            return FetchRequest(url: url, etag: s.etag, lastModified: s.lastModified)
        }
        var done = 0
        fetcher.fetch(requests, keepBodies: true) { result, body in
            done += 1
            record(result, body: body, cache: cache, counts: &counts)
            if result.isFailure {
                observer.fetchFailed(url: result.url, outcome: result.outcome, detail: result.detail)
            }
            observer.progress("pages (\(counts.failed) failed)", done: done, total: requests.count, final: false)
        }
        observer.progress("pages (\(counts.failed) failed)", done: requests.count, total: requests.count, final: true)
        if configuration.resolve.archive.provider == "wayback" {
            archiveDeadLinks(urls, configuration: configuration, cache: cache, observer: observer)
        }
        var pages: [String: Page] = [:]  // by content hash, read from the cache once per run
        for id in due { applyEvidence(to: id, verifier: verifier, cache: cache, pages: &pages) }
        var verdicts: [ClaimStatus: Int] = [:]
        for id in due { if let status = ledger.claims[id]?.status { verdicts[status, default: 0] += 1 } }
        observer.stage("verify", message: "\(due.count) claim\(due.count == 1 ? "" : "s") checked: "
            + ClaimStatus.allCases.compactMap { s in verdicts[s].map { "\(s.rawValue) \($0)" } }.joined(separator: ", "))
        return counts
    }

    static func urls(of claim: ClaimRecord) -> [String] { urls(claim.attributions) }

    /// The distinct URLs that can check these attributions, in order.
    static func urls(_ attributions: [AttributionRecord]) -> [String] {
        var seen = Set<String>()
        return attributions.flatMap(\.urls).filter { seen.insert($0).inserted }
    }

    /// Step 4 of resolve: a claim that names an outlet but links nothing asks the news search for the
    /// outlet's articles around the article's date; the best candidates become its URLs ("search").
    mutating func searchOutlets(configuration: Configuration, now: Date, observer: RunObserver) {
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
        let answers = Providers.getJSON(queries.map(\.url), fetch: configuration.fetch, spacingMs: 5000,
                                        cache: .init(folder: configuration.cache + "/search"))
        for q in queries {
            guard var claim = ledger.claims[q.claim], let answer = answers[q.url] else { continue }
            let found = Providers.gdeltCandidates(answer, claim: claim.text, domain: q.domain)
            claim.attributions[q.index].urls += found
            claim.attributions[q.index].origins += found.map { _ in Providers.searchOrigin }
            if found.isEmpty, Self.urls(of: claim).isEmpty {
                claim.lastChecked = time
                setStatus(&claim, .unverifiable, StatusRules.offline(claim.attributions).1 + "; the news search found nothing")
            }
            ledger.claims[q.claim] = claim
        }
    }

    /// Step 5 of resolve: a dead link (not_found, dns, timeout) is looked up in the web archive near the
    /// article's date; the closest snapshot is fetched and stands in for the page.
    mutating func archiveDeadLinks(_ urls: [String], configuration: Configuration, cache: PageCache, observer: RunObserver) {
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
        let lookups = Dictionary(dead.map { url in
            (Providers.waybackURL(endpoint: endpoint, url: url, timestamp: dates[url] ?? ledger.sources[url]?.firstFailure.flatMap(Timestamp.parse)), url)
        }, uniquingKeysWith: { a, _ in a })
        let answers = Providers.getJSON(Array(lookups.keys), fetch: configuration.fetch, spacingMs: 1000,
                                        cache: .init(folder: configuration.cache + "/archive"))
        var snapshots: [String: (url: String, time: String)] = [:]  // snapshot URL → (original URL, time)
        for (lookup, original) in lookups {
            guard let answer = answers[lookup], let snapshot = Providers.waybackSnapshot(answer) else { continue }
            snapshots[snapshot.url] = (original, snapshot.time)
        }
        guard !snapshots.isEmpty else { return }
        Fetcher(options: Fetcher.Options(configuration.fetch)).fetch(snapshots.keys.sorted().map { FetchRequest(url: $0) }, keepBodies: true) { result, body in
            guard result.outcome == .ok, let body, let (original, when) = snapshots[result.url],
                  let page = PageDecoder.decode(body, contentType: result.contentType, url: result.url, finalURL: result.finalURL ?? result.url) else { return }
            try? cache.store(page)
            ledger.sources[original]?.archiveUrl = result.url
            ledger.sources[original]?.archiveTime = when
            ledger.sources[original]?.archiveContentHash = page.contentHash
        }
    }

    private func isStale(_ claim: ClaimRecord, _ recheckAfter: Duration, _ now: Date) -> Bool {
        guard let checked = claim.lastChecked.flatMap(Timestamp.parse) else { return true }
        return now.timeIntervalSince(checked) >= Double(recheckAfter.seconds)
    }

    func isDue(_ claim: ClaimRecord, recheckAfter: Duration, now: Date) -> Bool {
        let urls = Self.urls(of: claim)
        guard !urls.isEmpty else { return false }
        if urls.contains(where: { ledger.sources[$0]?.fetch.map { $0 != .ok && $0 != .not_modified } ?? true }) { return true }
        return isStale(claim, recheckAfter, now)
    }

    /// Updates the URL's ledger record; a page is stored in the cache, a failure never is.
    mutating func record(_ r: FetchResult, body: [UInt8]?, cache: PageCache, counts: inout SourceCheckCounts) {
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
            if let body, let page = PageDecoder.decode(body, contentType: r.contentType, url: r.url, finalURL: r.finalURL ?? r.url) {
                try? cache.store(page)
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

    /// Evidence entries from the URLs' records, each page judged against the claim, and the claim's status:
    /// the most informative verdict across its pages, or unreachable when every page failed.
    mutating func applyEvidence(to id: String, verifier: Verifier, cache: PageCache, pages: inout [String: Page]) {
        guard var claim = ledger.claims[id] else { return }
        let urls = Self.urls(of: claim)
        claim.evidence = urls.map { url in
            let s = ledger.sources[url]
            var e = EvidenceRecord(url: url, finalUrl: s?.finalUrl, httpStatus: s?.httpStatus, fetch: s?.fetch ?? .error, verdict: nil,
                                   score: nil, passage: nil, matched: [], missing: [], conflicts: [])
            if e.fetch != .ok && e.fetch != .not_modified { e.waitUntil = s?.waitUntil }
            var pageHash = e.fetch == .ok || e.fetch == .not_modified ? s?.contentHash : nil
            if pageHash == nil, let archived = s?.archiveContentHash {
                // A dead link read from its archive snapshot.
                pageHash = archived
                e.archiveUrl = s?.archiveUrl
                e.archiveTime = s?.archiveTime
            }
            guard let hash = pageHash else { return e }
            if pages[hash] == nil { pages[hash] = cache.load(hash) }
            guard let page = pages[hash] else { return e }
            // The claim as the article states it: the verifier drops its framing itself, so `check` gives the same answer.
            let r = verifier.check(claim: claim.text, page: page.text)
            e.verdict = r.verdict
            e.score = r.score
            e.passage = r.passage.isEmpty ? nil : r.passage
            e.matched = r.matched
            e.missing = r.missing
            e.conflicts = r.conflicts
            e.subclaims = r.subclaims.map { SubclaimRecord(text: $0.text, verdict: $0.verdict, score: $0.score, passage: $0.passage) }
            return e
        }
        claim.lastChecked = time
        let (status, reason) = StatusRules.fromEvidence(claim.evidence, attributions: claim.attributions, failures: { self.ledger.sources[$0]?.firstFailure })
        setStatus(&claim, status, reason)
        ledger.claims[id] = claim
    }
}
