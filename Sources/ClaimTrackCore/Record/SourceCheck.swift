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

    mutating func checkSources(fetcher: Fetcher, verifier: Verifier, cache: PageCache, recheckAfter: Duration, now: Date,
                               observer: RunObserver) -> SourceCheckCounts {
        var counts = SourceCheckCounts()
        let due = ledger.claims.values.filter { isDue($0, recheckAfter: recheckAfter, now: now) }.map(\.id).sorted()
        counts.due = due.count
        var urls: [String] = []
        var seen = Set<String>()
        for id in due { for url in Self.urls(of: ledger.claims[id]!) where seen.insert(url).inserted { urls.append(url) } }
        guard !urls.isEmpty else { return counts }
        observer.stage("fetch", message: "\(urls.count) cited page\(urls.count == 1 ? "" : "s") for \(due.count) claim\(due.count == 1 ? "" : "s")")
        let requests = urls.map { url -> FetchRequest in
            guard let s = ledger.sources[url], let hash = s.contentHash, cache.contains(hash) else { return FetchRequest(url: url) }
            return FetchRequest(url: url, etag: s.etag, lastModified: s.lastModified)
        }
        var done = 0
        fetcher.fetch(requests, keepBodies: true) { result, body in
            done += 1
            record(result, body: body, cache: cache, counts: &counts)
            observer.progress("pages (\(counts.failed) failed)", done: done, total: requests.count, final: false)
        }
        observer.progress("pages (\(counts.failed) failed)", done: requests.count, total: requests.count, final: true)
        var pages: [String: Page] = [:]  // by content hash, read from the cache once per run
        for id in due { applyEvidence(to: id, verifier: verifier, cache: cache, pages: &pages) }
        return counts
    }

    static func urls(of claim: ClaimRecord) -> [String] { urls(claim.attributions) }

    /// The distinct URLs that can check these attributions, in order.
    static func urls(_ attributions: [AttributionRecord]) -> [String] {
        var seen = Set<String>()
        return attributions.flatMap(\.urls).filter { seen.insert($0).inserted }
    }

    private func isDue(_ claim: ClaimRecord, recheckAfter: Duration, now: Date) -> Bool {
        let urls = Self.urls(of: claim)
        guard !urls.isEmpty else { return false }
        if urls.contains(where: { ledger.sources[$0]?.fetch.map { $0 != .ok && $0 != .not_modified } ?? true }) { return true }
        guard let checked = claim.lastChecked.flatMap(Timestamp.parse) else { return true }
        return now.timeIntervalSince(checked) >= Double(recheckAfter.seconds)
    }

    /// Updates the URL's ledger record; a page is stored in the cache, a failure never is.
    private mutating func record(_ r: FetchResult, body: [UInt8]?, cache: PageCache, counts: inout SourceCheckCounts) {
        var s = ledger.sources[r.url] ?? SourceRecord(url: r.url)
        s.fetchedAt = time
        s.fetch = r.outcome
        s.httpStatus = r.httpStatus
        s.finalUrl = r.finalURL
        s.contentType = r.contentType
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
    private mutating func applyEvidence(to id: String, verifier: Verifier, cache: PageCache, pages: inout [String: Page]) {
        guard var claim = ledger.claims[id] else { return }
        let urls = Self.urls(of: claim)
        claim.evidence = urls.map { url in
            let s = ledger.sources[url]
            var e = EvidenceRecord(url: url, finalUrl: s?.finalUrl, httpStatus: s?.httpStatus, fetch: s?.fetch ?? .error, verdict: nil,
                                   score: nil, passage: nil, matched: [], missing: [], conflicts: [])
            guard e.fetch == .ok || e.fetch == .not_modified, let hash = s?.contentHash else { return e }
            if pages[hash] == nil { pages[hash] = cache.load(hash) }
            guard let page = pages[hash] else { return e }
            let r = verifier.check(claim: claim.text, page: page.text)
            e.verdict = r.verdict
            e.score = r.score
            e.passage = r.passage.isEmpty ? nil : r.passage
            e.matched = r.matched
            e.missing = r.missing
            e.conflicts = r.conflicts
            return e
        }
        claim.lastChecked = time
        let (status, reason) = StatusRules.fromEvidence(claim.evidence, failures: { self.ledger.sources[$0]?.firstFailure })
        setStatus(&claim, status, reason)
        ledger.claims[id] = claim
    }
}
