import Foundation

/// Stage 5, verify: ResolvedClaim + pages → ClaimOutcome. Each URL of a claim gives an evidence entry:
/// how its fetch went (from its `SourceRecord`) and, when there is a page (the page itself, or a dead
/// link's archive snapshot), that page judged against the claim (`Verifier`). The claim's status is
/// what the evidence gives (`StatusRules.fromEvidence`). Pages are read once each; judging runs on
/// every core. Nothing here writes: the recorder puts the outcomes in the ledger.
public enum ClaimCheck {
    /// `sources`: each URL's record after fetching; `page`: a page by content hash (the page cache).
    public static func outcomes(_ claims: [ResolvedClaim], sources: (String) -> SourceRecord?, page: (String) -> Page?,
                                verifier: Verifier) -> [ClaimOutcome] {
        var pages: [String: Page] = [:]  // by content hash, read once
        var missing = Set<String>()
        var jobs: [(claim: Int, text: String, hash: String)] = []
        var evidence: [[EvidenceRecord]] = []
        var pageOf: [[String?]] = []  // per claim: the judged page's hash per evidence entry
        for (c, claim) in claims.enumerated() {
            var entries: [EvidenceRecord] = []
            var hashes: [String?] = []
            for url in claim.urls {
                let s = sources(url)
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
                if let hash = pageHash, pages[hash] == nil, !missing.contains(hash) {
                    if let p = page(hash) { pages[hash] = p } else { missing.insert(hash) }
                }
                let judged = pageHash.flatMap { pages[$0] != nil ? $0 : nil }
                if let judged { jobs.append((c, claim.text, judged)) }
                hashes.append(judged)
                entries.append(e)
            }
            evidence.append(entries)
            pageOf.append(hashes)
        }
        // The claim as the article states it: the verifier drops its framing itself, so `check` gives the same answer.
        let results = judge(jobs.map { ($0.text, $0.hash) }, pages: pages, verifier: verifier)
        var byClaimAndHash: [Int: [String: Verifier.Result]] = [:]
        for (k, job) in jobs.enumerated() { byClaimAndHash[job.claim, default: [:]][job.hash] = results[k] }
        return claims.enumerated().map { c, claim in
            var entries = evidence[c]
            for k in entries.indices {
                guard let hash = pageOf[c][k], let r = byClaimAndHash[c]?[hash] else { continue }
                entries[k].verdict = r.verdict
                entries[k].score = r.score
                entries[k].passage = r.passage.isEmpty ? nil : r.passage
                entries[k].matched = r.matched
                entries[k].missing = r.missing
                entries[k].conflicts = r.conflicts
                entries[k].subclaims = r.subclaims.map { SubclaimRecord(text: $0.text, verdict: $0.verdict, score: $0.score, passage: $0.passage) }
            }
            let (status, reason) = StatusRules.fromEvidence(entries, attributions: claim.attributions, failures: { sources($0)?.firstFailure })
            return ClaimOutcome(id: claim.id, evidence: entries, status: status, reason: reason)
        }
    }

    /// Each (claim, page hash) pair judged, on every core, each page divided into sentences once; results
    /// in the order of `pairs`.
    static func judge(_ pairs: [(String, String)], pages: [String: Page], verifier: Verifier) -> [Verifier.Result] {
        let hashes = Array(Set(pairs.map(\.1)))
        var split: [[Verifier.Sentence]] = []
        if hashes.count == 1 {
            split = [Verifier.sentences(pages[hashes[0]]!.text)]
        } else {
            split = parallelMap(hashes.count) { Verifier.sentences(pages[hashes[$0]]!.text) }
        }
        let byHash = Dictionary(uniqueKeysWithValues: zip(hashes, split))
        if pairs.count == 1 { return [verifier.check(claim: pairs[0].0, sentences: byHash[pairs[0].1]!)] }
        return parallelMap(pairs.count) { verifier.check(claim: pairs[$0].0, sentences: byHash[pairs[$0].1]!) }
    }

    /// `work(k)` for k in 0..<count on every core; results in order.
    private static func parallelMap<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let out = Slots<T>(slots: .allocate(capacity: max(1, count)))
        out.slots.initialize(repeating: nil, count: max(1, count))
        defer { out.slots.deinitialize(count: max(1, count)); out.slots.deallocate() }
        DispatchQueue.concurrentPerform(iterations: count) { k in out.slots[k] = work(k) }
        return (0..<count).map { out.slots[$0]! }
    }
}

/// Result slots the threads of `concurrentPerform` write, each its own.
private struct Slots<T>: @unchecked Sendable { let slots: UnsafeMutablePointer<T?> }
