import Foundation

/// Folds one run's extractions into the ledger: claim records with their
/// resolved URLs and status, one history entry per run whose status changed,
/// moved and renamed articles matched to their records, and claims an edited
/// article no longer makes retired with their history (README "Ids").
struct Recorder {
    var ledger: Ledger
    private(set) var counts = RunRecord.Counts()
    let runID: Int
    let time: String

    init(ledger: Ledger, time: String) {
        self.ledger = ledger
        self.runID = (ledger.runs.last?.id ?? 0) + 1
        self.time = time
    }

    /// Paths of the articles this run found (the walk's, or for a one-file run every article whose file is
    /// still there): an article of the ledger missing from it may have moved to a path the ledger lacks.
    var present: Set<String>? = nil
    /// Articles this run moved or removed, for the run record.
    private(set) var articleChanges: [RunRecord.ArticleChange] = []

    mutating func record(_ extraction: Extraction) {
        let article = extraction.article
        let fingerprint = ClaimID.fingerprint(article.text)
        if ledger.articles[article.path] == nil, let from = movedArticle(extraction, fingerprint: fingerprint) {
            move(from, to: article.path)
        }
        let previous = ledger.articles[article.path]
        let articleID = previous?.id ?? ClaimID.article(url: article.metadata.url, fingerprint: fingerprint)
        var ids: [String] = []
        for (claim, attributions) in zip(extraction.claims, LinkResolver.resolveAll(extraction)) {
            let id = ledgerID(claim.id, article: article.path, articleID: articleID)
            let isNew = ledger.claims[id] == nil && ledger.retired[id] == nil
            if isNew { newThisRun.insert(id) }
            let (status, reason) = StatusRules.offline(attributions, language: article.language)
            var record: ClaimRecord
            if let known = ledger.claims[id] {
                record = known
            } else if var back = ledger.retired.removeValue(forKey: id) {
                // An edit reverted (or an article put back): the claim takes up its history again.
                back.history.append(StatusChange(run: runID, time: time, status: back.status, from: nil, event: .restored))
                record = back
            } else {
                record = ClaimRecord(
                    id: id, article: article.path, text: claim.text, start: claim.start, end: claim.end, hedges: claim.hedges,
                    attributions: attributions, status: status, reason: reason, evidence: [], history: [], lastChecked: nil)
            }
            record.article = article.path
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
            ledger.claims[id] = record
            ids.append(id)
        }
        let kept = Set(ids)
        for old in previous?.claims ?? [] where !kept.contains(old) { retire(old, of: article.path) }
        let m = article.metadata
        ledger.articles[article.path] = ArticleRecord(
            id: articleID, path: article.path, hash: article.contentHash,
            pipelineVersion: RunPipeline.pipelineVersion, title: m.title ?? firstLineTitle(article), author: m.author,
            published: m.published, url: m.url, claims: ids, lastRun: runID, language: article.language, notes: article.notes,
            fingerprint: fingerprint)
    }

    /// Claims this run created: of two articles new in the same run that share a sentence, the one with
    /// the smaller article id keeps the plain id, whatever order the workers finish in.
    private var newThisRun = Set<String>()

    /// The ledger's id for a claim `extract` calls `plain`: the plain id, unless another article already
    /// holds it (the same sentence word for word in two articles), then the id qualified by the article's.
    mutating func ledgerID(_ plain: String, article path: String, articleID: String) -> String {
        let qualified = ClaimID.qualified(plain, article: articleID)
        if ledger.claims[qualified]?.article == path || ledger.retired[qualified]?.article == path { return qualified }
        if var holder = ledger.claims[plain], holder.article != path {
            guard newThisRun.contains(plain), let holderArticle = ledger.articles[holder.article], articleID < holderArticle.id else { return qualified }
            // The holder came in this run too and sorts after this article: it takes the qualified id.
            let moved = ClaimID.qualified(plain, article: holderArticle.id)
            holder.id = moved
            ledger.claims[plain] = nil
            ledger.claims[moved] = holder
            ledger.articles[holder.article]?.claims = holderArticle.claims.map { $0 == plain ? moved : $0 }
            newThisRun.remove(plain)
            newThisRun.insert(moved)
            return plain
        }
        if let holder = ledger.retired[plain], holder.article != path, ledger.articles[holder.article] != nil { return qualified }
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
        for a in ledger.articles.values.sorted(by: { $0.path > $1.path }) where present?.contains(a.path) == false {
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
            if let path = ledger.claims[claim.id]?.article, index.paths.contains(path) { shared[path, default: 0] += 1 }
        }
        let best = shared.filter { path, n in n * 2 >= max(extraction.claims.count, ledger.articles[path]?.claims.count ?? 0) }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }
        return best?.key
    }

    /// The article at `old` now stands at `new`: its record, id, claims and their history go with it.
    mutating func move(_ old: String, to new: String) {
        guard var a = ledger.articles.removeValue(forKey: old) else { return }
        gone?.paths.remove(old)
        articleChanges.append(RunRecord.ArticleChange(id: a.id, path: old, title: a.title, movedTo: new))
        counts.moved += 1
        a.path = new
        for id in a.claims { ledger.claims[id]?.article = new }
        for (id, c) in ledger.retired where c.article == old { ledger.retired[id]?.article = new }
        ledger.articles[new] = a
    }

    /// A claim the article no longer makes leaves `claims` for `retired`, its history saying so.
    mutating func retire(_ id: String, of path: String) {
        guard var record = ledger.claims[id], record.article == path else { return }
        ledger.claims[id] = nil
        record.history.append(StatusChange(run: runID, time: time, status: record.status, from: record.status, event: .removed))
        ledger.retired[id] = record
    }

    /// An unchanged article keeps its claims; their statuses are recomputed from what is known.
    mutating func recheck(_ path: String) {
        guard var article = ledger.articles[path] else { return }
        counts.unchanged += 1
        article.lastRun = runID
        ledger.articles[path] = article
        for id in article.claims {
            guard var record = ledger.claims[id], record.evidence.isEmpty else { continue }
            let (status, reason) = StatusRules.offline(record.attributions, language: article.language ?? Language.undetermined)
            setStatus(&record, status, reason)
            ledger.claims[id] = record
        }
    }

    /// Sets the status and keeps one history entry per run: a claim that is new, then pending, then
    /// checked in the same run has one entry, new → its verdict; one that returns within the run to
    /// the status it had before has none.
    mutating func setStatus(_ record: inout ClaimRecord, _ status: ClaimStatus, _ reason: String) {
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
    mutating func removeArticles(notIn present: Set<String>) -> Int {
        let gone = ledger.articles.keys.filter { !present.contains($0) }.sorted()
        for path in gone {
            guard let a = ledger.articles.removeValue(forKey: path) else { continue }
            articleChanges.append(RunRecord.ArticleChange(id: a.id, path: path, title: a.title))
            for id in a.claims { retire(id, of: path) }
        }
        return gone.count
    }

    /// Retired claims removed longer ago than `LedgerMigration.retiredKeptFor` are forgotten.
    mutating func pruneRetired(now: Date) {
        for (id, c) in ledger.retired {
            guard let last = c.history.last, last.event == .removed, let at = Timestamp.parse(last.time) else { continue }
            if now.timeIntervalSince(at) > LedgerMigration.retiredKeptFor { ledger.retired[id] = nil }
        }
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
