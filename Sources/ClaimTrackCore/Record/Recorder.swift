/// Folds one run's extractions into the ledger: claim records with their
/// resolved URLs and status, a history entry whenever a status changes,
/// and the removal of claims an edited article no longer makes.
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

    mutating func record(_ extraction: Extraction) {
        let article = extraction.article
        let previous = ledger.articles[article.path]
        var ids: [String] = []
        for (claim, attributions) in zip(extraction.claims, LinkResolver.resolveAll(extraction)) {
            let (status, reason) = StatusRules.offline(attributions, language: article.language)
            var record = ledger.claims[claim.id] ?? ClaimRecord(
                id: claim.id, article: article.path, text: claim.text, start: claim.start, end: claim.end, hedges: claim.hedges,
                attributions: attributions, status: status, reason: reason, evidence: [], history: [], lastChecked: nil)
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
            ledger.claims[claim.id] = record
            ids.append(claim.id)
        }
        let kept = Set(ids)
        for old in previous?.claims ?? [] where !kept.contains(old) { ledger.claims[old] = nil }
        let m = article.metadata
        ledger.articles[article.path] = ArticleRecord(
            id: ClaimID.article(article.path), path: article.path, hash: article.contentHash,
            pipelineVersion: RunPipeline.pipelineVersion, title: m.title ?? firstLineTitle(article), author: m.author,
            published: m.published, url: m.url, claims: ids, lastRun: runID, language: article.language, notes: article.notes)
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

    mutating func setStatus(_ record: inout ClaimRecord, _ status: ClaimStatus, _ reason: String) {
        let old = record.history.last?.status
        record.reason = reason
        record.status = status
        if old != status {
            record.history.append(StatusChange(run: runID, time: time, status: status, from: old))
            counts.changed += 1
            if old == nil { counts.newClaims += 1 }
        }
    }

    /// Drops articles (and their claims) that the walk no longer found.
    mutating func removeArticles(notIn present: Set<String>) -> Int {
        let gone = ledger.articles.keys.filter { !present.contains($0) }
        for path in gone {
            for id in ledger.articles[path]?.claims ?? [] { ledger.claims[id] = nil }
            ledger.articles[path] = nil
        }
        return gone.count
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
