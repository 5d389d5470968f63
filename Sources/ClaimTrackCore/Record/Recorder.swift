import Foundation

/// Folds one run's extractions into the ledger, one article's bundle at a time (`LedgerBackend`):
/// claim records with their resolved URLs and status, one history entry per run whose status
/// changed, moved and renamed articles matched to their records, and claims an edit or a removal
/// takes away retired with their history (README "Ids"). Only the article being recorded is in
/// memory, besides the backend's index; the fetch and verify stages work on `ledger`, a working set
/// of the articles that cite pages (`loadWorkingSet`, `storeWorkingSet`).
struct Recorder {
    let store: any LedgerBackend
    private(set) var counts = RunRecord.Counts()
    let runID: Int
    let time: String
    /// The fetch and verify stages' view: the articles whose claims cite URLs, their claims and sources.
    var ledger = Ledger()
    private var workingSet: [String] = []

    init(store: any LedgerBackend, runID: Int, time: String) {
        self.store = store
        self.runID = runID
        self.time = time
        // The runs just before this one that were killed after a checkpoint: what they recorded counts as
        // recorded by this run where ids are given out, so a killed run followed by a full one gives the
        // ids one run would have given.
        var provisional = Set<Int>()
        for run in store.runs.reversed() {
            guard run.errors.contains(where: { $0.message == Message.runInterrupted }) else { break }
            provisional.insert(run.id)
        }
        self.provisional = provisional
    }

    /// Ids of the killed runs just before this one (see `init`).
    private let provisional: Set<Int>

    /// Paths of the articles this run found (the walk's, or for a one-file run every article whose file is
    /// still there): an article of the ledger missing from it may have moved to a path the ledger lacks.
    var present: Set<String>? = nil
    /// Articles this run moved or removed, for the run record.
    private(set) var articleChanges: [RunRecord.ArticleChange] = []
    /// What each bundle this run wrote adds to the run's new / changed / removed counts (`Digest`):
    /// only a bundle the run wrote can hold a history entry of this run.
    private(set) var digestCounts: [String: Digest.Counts] = [:]

    /// Records one article's extraction; returns its bundle as staged.
    @discardableResult
    mutating func record(_ extraction: Extraction) throws -> ArticleBundle {
        let article = extraction.article
        let path = article.path
        let fingerprint = extraction.fingerprint
        if store.entry(path) == nil, let from = movedArticle(extraction, fingerprint: fingerprint) {
            try move(from, to: path)
        }
        var bundle = try store.bundle(path) ?? ArticleBundle(path: path)
        let previous = bundle.article
        let articleID = previous?.id ?? ClaimID.article(url: article.metadata.url, fingerprint: fingerprint)
        var live = Dictionary(bundle.claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var retired = Dictionary(bundle.retired.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids: [String] = []
        for (claim, resolved) in zip(extraction.claims, LinkResolver.resolveAll(extraction).claims) {
            let attributions = resolved.attributions
            let id = try ledgerID(claim.id, article: path, articleID: articleID, live: live, retired: retired)
            let (status, reason) = StatusRules.offline(attributions, language: article.language)
            var record: ClaimRecord
            if let known = live[id] {
                record = known
            } else if var back = try retired.removeValue(forKey: id) ?? takeRetired(id, into: path) {
                // An edit reverted (or an article put back): the claim takes up its history again.
                back.history.append(StatusChange(run: runID, time: time, status: back.status, from: nil, event: .restored))
                record = back
            } else {
                record = ClaimRecord(
                    id: id, article: path, text: claim.text, start: claim.start, end: claim.end, hedges: claim.hedges,
                    attributions: attributions, status: status, reason: reason, evidence: [], history: [], lastChecked: nil)
            }
            record.article = path
            record.text = claim.text
            record.start = claim.start
            record.end = claim.end
            record.hedges = claim.hedges
            let sameSources = Self.urls(record.attributions) == Self.urls(attributions)
            record.attributions = attributions
            // A reworded article keeps what was learned about the same sources; new sources need a new check.
            if !(sameSources && !record.evidence.isEmpty) {
                record.evidence = []
                record.lastChecked = nil
                setStatus(&record, status, reason)
            }
            live[id] = record
            ids.append(id)
        }
        let kept = Set(ids)
        for old in previous?.claims ?? [] where !kept.contains(old) {
            guard var record = live.removeValue(forKey: old), record.article == path else { continue }
            retire(&record)
            retired[old] = record
        }
        let m = article.metadata
        bundle.article = ArticleRecord(
            id: articleID, path: path, hash: article.contentHash,
            pipelineVersion: ConfigDefaults.pipelineVersion, title: m.title ?? firstLineTitle(article), author: m.author,
            published: m.published, url: m.url, claims: ids, lastRun: runID, language: article.language, notes: article.notes,
            fingerprint: fingerprint)
        bundle.claims = ids.map { live[$0]! }
        bundle.retired = retired.values.sorted { $0.id < $1.id }
        try stage(bundle)
        return bundle
    }

    /// Writes a bundle through the backend and notes what it adds to the run's digest counts.
    mutating func stage(_ bundle: ArticleBundle) throws {
        try store.stage(bundle)
        var c = Digest.Counts()
        let after = runID - 1
        for claim in bundle.claims {
            let before = Digest.status(claim, after: after)
            if before == nil { c.new += 1 } else if before != claim.status { c.changed += 1 }
        }
        for claim in bundle.retired where store.holder(ofClaim: claim.id)?.retired != false && Digest.status(claim, after: after) != nil {
            c.removed += 1
        }
        digestCounts[bundle.path] = c
    }

    /// The new, changed and removed claims of this run, as `Digest.counts` over the whole ledger would count them.
    var digest: Digest.Counts {
        var total = Digest.Counts()
        for c in digestCounts.values { total.new += c.new; total.changed += c.changed; total.removed += c.removed }
        return total
    }

    /// A claim retired from an article that no longer exists, now made by the article at `path`: taken
    /// out of the bundle that kept it.
    private mutating func takeRetired(_ id: String, into path: String) throws -> ClaimRecord? {
        guard let h = store.holder(ofClaim: id), h.retired, h.path != path, var other = try store.bundle(h.path),
              let k = other.retired.firstIndex(where: { $0.id == id }) else { return nil }
        let claim = other.retired.remove(at: k)
        try stage(other)
        return claim
    }

    /// The ledger's id for a claim `extract` calls `plain`: the plain id, unless another article already
    /// holds it (the same sentence word for word in two articles), then the id qualified by the article's.
    mutating func ledgerID(_ plain: String, article path: String, articleID: String,
                           live: [String: ClaimRecord], retired: [String: ClaimRecord]) throws -> String {
        let qualified = ClaimID.qualified(plain, article: articleID)
        if live[qualified] != nil || retired[qualified] != nil { return qualified }
        guard let holder = store.holder(ofClaim: plain), holder.path != path else { return plain }
        if !holder.retired {
            // Of two articles that share a sentence and whose claim was created in this run (its history
            // starts with this run, or with a killed run just before it: as if recorded by this one), the
            // one with the smaller article id keeps the plain id, whatever order the workers finish in.
            // Asked of the holder's bundle, not kept as a set of every new id: a first run over 10^5
            // articles creates millions.
            guard let other = store.entry(holder.path), articleID < other.id, var otherBundle = try store.bundle(holder.path),
                  let held = otherBundle.claims.first(where: { $0.id == plain }), let first = held.history.first,
                  first.run == runID || provisional.contains(first.run) else { return qualified }
            // The holder came in this run too and sorts after this article: it takes the qualified id.
            let moved = ClaimID.qualified(plain, article: other.id)
            for k in otherBundle.claims.indices where otherBundle.claims[k].id == plain { otherBundle.claims[k].id = moved }
            otherBundle.article?.claims = other.claims.map { $0 == plain ? moved : $0 }
            try stage(otherBundle)
            return plain
        }
        if store.entry(holder.path) != nil { return qualified }
        return plain
    }

    /// The ledger's articles this run did not find where they were, indexed once (a run over 10^5
    /// reorganised files must not scan the ledger per file); entries leave it as they are matched.
    struct GoneIndex {
        var paths = Set<String>()
        var byURL: [String: String] = [:]
        var byText: [String: String] = [:]
    }
    private var gone: GoneIndex?

    mutating func goneIndex() -> GoneIndex {
        if let gone { return gone }
        var index = GoneIndex()
        for a in store.entries().sorted(by: { $0.path > $1.path }) where present?.contains(a.path) == false {
            index.paths.insert(a.path)
            if let url = a.url.flatMap(ClaimID.canonicalURL) { index.byURL[url] = a.path }
            if let f = a.fingerprint { index.byText[f] = a.path }
            index.byText[a.hash] = a.path
        }
        gone = index
        return index
    }

    /// The ledger's article that the new path `extraction` came from: one this run did not find where
    /// it was, with the same canonical URL, else the same text (fingerprint or file hash), else holding
    /// at least half of the claims it now makes and at least half of its own (a file both moved and edited).
    mutating func movedArticle(_ extraction: Extraction, fingerprint: String) -> String? {
        guard present != nil else { return nil }
        let index = goneIndex()
        guard !index.paths.isEmpty else { return nil }
        let article = extraction.article
        let candidates = [article.metadata.url.flatMap(ClaimID.canonicalURL).flatMap { index.byURL[$0] },
                          index.byText[fingerprint], index.byText[article.contentHash]]
        if let path = candidates.compactMap({ $0 }).first(where: index.paths.contains) { return path }
        var shared: [String: Int] = [:]
        for claim in extraction.claims {
            if let h = store.holder(ofClaim: claim.id), !h.retired, index.paths.contains(h.path) { shared[h.path, default: 0] += 1 }
        }
        let best = shared.filter { path, n in n * 2 >= max(extraction.claims.count, store.entry(path)?.claims.count ?? 0) }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }
        return best?.key
    }

    /// The article at `old` now stands at `new`: its record, id, claims and their history go with it.
    mutating func move(_ old: String, to new: String) throws {
        guard var b = try store.bundle(old), var a = b.article else { return }
        gone?.paths.remove(old)
        articleChanges.append(RunRecord.ArticleChange(id: a.id, path: old, title: a.title, movedTo: new))
        counts.moved += 1
        a.path = new
        b.path = new
        b.article = a
        for k in b.claims.indices { b.claims[k].article = new }
        for k in b.retired.indices { b.retired[k].article = new }
        // Claims retired from an article that stood at the new path before join those of the moved one.
        if let there = try store.bundle(new) { b.retired += there.retired.map { var c = $0; c.article = new; return c } }
        try stage(ArticleBundle(path: old))
        try stage(b)
    }

    /// A claim the article no longer makes is retired, its history saying so.
    func retire(_ record: inout ClaimRecord) {
        record.history.append(StatusChange(run: runID, time: time, status: record.status, from: record.status, event: .removed))
    }

    /// An unchanged article keeps its claims; their statuses are recomputed from what is known. With the
    /// same tool version as the run that last wrote the ledger, nothing it knows can have changed (same file,
    /// same code), so its bundle is not even read: the index notes the run.
    mutating func recheck(_ path: String) throws {
        guard store.entry(path) != nil else { return }
        counts.unchanged += 1
        if store.lastToolVersion == ConfigDefaults.toolVersion {
            store.touch(path, run: runID)
            return
        }
        guard var b = try store.bundle(path), var article = b.article else { return }
        article.lastRun = runID
        b.article = article
        for k in b.claims.indices where b.claims[k].evidence.isEmpty {
            let (status, reason) = StatusRules.offline(b.claims[k].attributions, language: article.language ?? Language.undetermined)
            setStatus(&b.claims[k], status, reason)
        }
        try stage(b)
    }

    /// Sets the status and keeps one history entry per run: a claim that is new, then pending, then
    /// checked in the same run has one entry, new → its verdict; one that returns within the run to
    /// the status it had before has none.
    func setStatus(_ record: inout ClaimRecord, _ status: ClaimStatus, _ reason: String) {
        record.reason = reason
        record.status = status
        if var last = record.history.last, last.run == runID, last.event != .removed {
            if last.event == nil, last.from == status {
                record.history.removeLast()
            } else {
                last.status = status
                record.history[record.history.count - 1] = last
            }
        } else if record.history.last?.status != status || record.history.isEmpty {
            record.history.append(StatusChange(run: runID, time: time, status: status, from: record.history.last?.status))
        }
    }

    /// Drops articles that the walk no longer found; their claims are retired with their history.
    mutating func removeArticles(notIn present: Set<String>) throws -> Int {
        let gone = store.entries().map(\.path).filter { !present.contains($0) }.sorted()
        for path in gone {
            guard var b = try store.bundle(path), let a = b.article else { continue }
            articleChanges.append(RunRecord.ArticleChange(id: a.id, path: path, title: a.title))
            for var c in b.claims where c.article == path {
                retire(&c)
                b.retired.append(c)
            }
            b.retired.sort { $0.id < $1.id }
            b.claims = []
            b.article = nil
            try stage(b)
        }
        return gone.count
    }

    /// Retired claims removed longer ago than `LedgerMigration.retiredKeptFor` are forgotten.
    mutating func pruneRetired(now: Date) throws {
        let cutoff = Timestamp.format(now.addingTimeInterval(-LedgerMigration.retiredKeptFor))
        for path in store.bundles(withRemovalBefore: cutoff) {
            guard var b = try store.bundle(path) else { continue }
            let before = b.retired.count
            b.retired.removeAll { c in
                guard let last = c.history.last, last.event == .removed, let at = Timestamp.parse(last.time) else { return false }
                return now.timeIntervalSince(at) > LedgerMigration.retiredKeptFor
            }
            if b.retired.count != before { try stage(b) }
        }
    }

    // MARK: The fetch and verify stages' working set

    /// Reads the articles whose claims cite pages (every article when a news search may find pages for
    /// named outlets), their claims and the records of the URLs they cite, into `ledger`.
    /// `only`: just these articles (nil: every article whose claims cite pages, or every article).
    mutating func loadWorkingSet(everyArticle: Bool = false, only: Set<String>? = nil) throws {
        ledger = Ledger()
        workingSet = []
        for e in store.entries() where only.map({ $0.contains(e.path) }) ?? (everyArticle || e.citesURLs) {
            guard let b = try store.bundle(e.path), let a = b.article else { continue }
            workingSet.append(e.path)
            ledger.articles[e.path] = a
            for c in b.claims { ledger.claims[c.id] = c }
        }
        var urls: [String] = []
        for c in ledger.claims.values { urls += Self.urls(of: c) }
        ledger.sources = try store.sources(urls)
    }

    /// Writes back what the fetch and verify stages changed: the sources, and each bundle whose claims changed.
    mutating func storeWorkingSet() throws {
        for s in ledger.sources.values { try store.stage(source: s) }
        for path in workingSet {
            guard var b = try store.bundle(path) else { continue }
            let claims = b.claims.map { ledger.claims[$0.id] ?? $0 }
            guard claims != b.claims else { continue }
            b.claims = claims
            try stage(b)
        }
        ledger = Ledger()
        workingSet = []
    }

    /// A text file has no metadata; its first short line is usually its headline.
    private func firstLineTitle(_ article: Article) -> String? {
        guard article.format == .text else { return nil }
        let scalars = Array(article.text.unicodeScalars)
        for paragraph in article.paragraphs.prefix(3) {
            let line = String(String.UnicodeScalarView(scalars[paragraph]))
            if line.count <= 120, !line.hasSuffix(":"), ClaimFilter.isHeading(line) { return line }
        }
        return nil
    }
}
