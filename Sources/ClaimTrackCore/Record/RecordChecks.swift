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

    /// `fetchedInRun`: URLs this run fetched already (during the walk, `StreamChecks`); their records are
    /// in `ledger.sources` and they are not fetched again.
    mutating func checkSources(fetcher: any PageFetcher, verifier: Verifier, cache: PageCache, configuration: Configuration, now: Date,
                               observer: RunObserver, fetchedInRun: Set<String> = []) -> SourceCheckCounts {
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
        var done = requests.count { fetchedInRun.contains($0.url) }
        fetcher.fetch(requests.filter { !fetchedInRun.contains($0.url) }, keepBodies: true) { result, body in
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

    /// Updates the URL's ledger record; a page is stored in the cache, a failure never is.
    mutating func record(_ r: FetchResult, body: [UInt8]?, cache: PageCache, counts: inout SourceCheckCounts) {
        let page = r.outcome == .ok ? cache.keep(r, body: body) : nil
        ledger.sources[r.url] = Self.source(ledger.sources[r.url], after: r, page: page, time: time, counts: &counts)
    }

    /// A URL's record after a fetch at `time`: `page` is the decoded page of an `ok` result (a body the tool
    /// cannot read keeps the content hash it had).
    static func source(_ old: SourceRecord?, after r: FetchResult, page: Page?, time: String, counts: inout SourceCheckCounts) -> SourceRecord {
        var s = old ?? SourceRecord(url: r.url)
        s.fetchedAt = time
        s.fetch = r.outcome
        s.httpStatus = r.httpStatus
        s.finalUrl = r.finalURL
        s.contentType = r.contentType
        s.waitUntil = r.waitUntil.map(Timestamp.format)
        switch r.outcome {
        case .ok:
            counts.fetched += 1
            if let page { s.contentHash = page.contentHash }
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
        return s
    }

    /// Stage 5 for the due claims (`ClaimCheck`), its outcomes written into their records: evidence,
    /// status and reason, checked at this run's time.
    mutating func applyEvidence(to due: [String], verifier: Verifier, cache: PageCache) {
        let claims = due.compactMap { id in ledger.claims[id].map { ResolvedClaim(id: id, text: $0.text, attributions: $0.attributions) } }
        let sources = ledger.sources
        for outcome in ClaimCheck.outcomes(claims, sources: { sources[$0] }, page: cache.load, verifier: verifier) {
            guard var claim = ledger.claims[outcome.id] else { continue }
            apply(outcome, to: &claim)
            ledger.claims[outcome.id] = claim
        }
    }

    /// A claim's check written into its record: evidence, status and reason, checked at this run's time.
    func apply(_ outcome: ClaimOutcome, to claim: inout ClaimRecord) {
        claim.evidence = outcome.evidence
        claim.lastChecked = time
        setStatus(&claim, outcome.status, outcome.reason)
    }

    /// The ids the working set holds for claim ids noted per article earlier in the run: an id the recorder
    /// qualified since (the same sentence recorded later in an article with a smaller id, `ledgerID`) is
    /// taken in its qualified form.
    func heldIDs(_ idsPerArticle: [String: [String]]) -> [String] {
        idsPerArticle.flatMap { path, ids in
            ids.compactMap { id -> String? in
                if ledger.claims[id]?.article == path { return id }
                guard let articleID = ledger.articles[path]?.id else { return nil }
                let qualified = ClaimID.qualified(id, article: articleID)
                return ledger.claims[qualified] != nil ? qualified : nil
            }
        }
    }

    /// The outcomes of some of an article's claims (judged while the walk went on) written into its bundle
    /// as the ledger holds it now. A claim may have been given its qualified id since it was judged, when
    /// another article recorded later holds the same sentence (`ledgerID`).
    mutating func apply(_ outcomes: [ClaimOutcome], toArticle path: String) throws {
        guard var b = try store.bundle(path), let articleID = b.article?.id else { return }
        var byID = Dictionary(outcomes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let held = Set(b.claims.map(\.id))
        for o in outcomes where !held.contains(o.id) {
            let qualified = ClaimID.qualified(o.id, article: articleID)
            if byID[qualified] == nil { byID[qualified] = ClaimOutcome(id: qualified, evidence: o.evidence, status: o.status, reason: o.reason) }
        }
        var changed = false
        for k in b.claims.indices {
            guard let outcome = byID[b.claims[k].id] else { continue }
            let before = b.claims[k]
            apply(outcome, to: &b.claims[k])
            changed = changed || b.claims[k] != before
        }
        if changed { try stage(b) }
    }
}
