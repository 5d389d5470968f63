import Foundation

/// `claimtrack run`, the whole tool: six stages, one type per arrow (the types between stages are in Model/).
///
/// 1. ingest   ArticleFile → `Article` (`ArticleReader`), or unchanged (same hash and pipeline version as
///             in the ledger's index), or a `Diagnostic`.
/// 2. extract  `Article` → `Extraction` (`Extractor`): check-worthy claims and their attributed sources.
/// 3. resolve  `Extraction` → `ResolvedClaims` (`LinkResolver`): each source with its URLs and a closed
///             `SourceOrigin`; the news search for a named outlet without a link and the web archive for a
///             dead link (`Providers`) are the steps that need the network.
/// 4. fetch    `FetchRequest` → `FetchResult` and its `FetchOutcome`, through one `PageFetcher` for cited
///             pages, news search and web archive (`Fetcher`, libcurl; `ReplayPageFetcher` without a server).
///             `PageFetchStage` fetches each recorded article's due pages while the walk goes on.
/// 5. verify   `ResolvedClaim` + pages → `ClaimOutcome` (`ClaimCheck`, `Verifier` on every core): evidence
///             per URL and the status its rules give (`StatusRules`). `StreamChecks` judges each claim as
///             soon as its pages are in, on the check pool (`CheckPool`), while the walk goes on.
/// 6. record   ledger + outcomes → ledger (`Recorder` through `LedgerBackend`): only the recorder changes
///             the ledger; one article's bundle at a time, statuses, history, run record; a checkpoint every
///             few seconds and at the end (README "Ledger").
///
///     folder ─walk→ [Entry] ─ingest pool→ IngestResult ─extract pool→ ExtractResult ─resolve+record→ LedgerBackend
///                                                                      due pages │          ↑ outcomes
///                                                   fetch thread → check pool: decode, cache, judge
///     after the walk, only with a news search or the web archive: search, snapshots, judge, record
///
/// Ingest, extract and the check pool are pools of `workers` threads joined by bounded queues; resolve and
/// record run on the calling thread, fetch on its own. The ledger lock is held from before the
/// first file read to after the last commit. A PostgreSQL ledger runs the same stages in `PostgresRun`.
public struct RunPipeline {
    public struct Options: Sendable {
        public var offline: Bool
        public init(offline: Bool) { self.offline = offline }
    }

    public struct Summary: Sendable {
        public var run: RunRecord
        /// Statuses of every claim of the run's folder after the run.
        public var statuses: [ClaimStatus: Int]
        public var diagnostics: [Diagnostic]
        /// The signal that stopped the run early (`StopRequest`); nil for a run that went to its end.
        public var stopped: Int32? = nil
        /// Articles read of those found, for a stopped run's message.
        public var articlesDone = 0
        /// What opening the ledger did (`LedgerBackend.notices`): a /1 ledger migrated and where its backup is.
        public var notices: [String] = []

        public var line: String {
            let c = run.counts
            let order = ClaimStatus.allCases.compactMap { s in statuses[s].map { "\(s.rawValue) \($0)" } }
            var parts = ["\(c.articles) article\(c.articles == 1 ? "" : "s")"]
            var notes: [String] = []
            if c.unchanged > 0 { notes.append("\(c.unchanged) unchanged") }
            if c.failed > 0 { notes.append("\(c.failed) failed") }
            if c.removed > 0 { notes.append("\(c.removed) removed") }
            if c.moved > 0 { notes.append("\(c.moved) moved") }
            let pages = c.pagesFetched + c.pagesNotModified + c.pagesFailed
            if pages > 0 {
                parts.append("\(pages) page\(pages == 1 ? "" : "s") checked (\(c.pagesFetched) fetched, \(c.pagesNotModified) not modified, \(c.pagesFailed) failed)")
            }
            if !notes.isEmpty { parts[0] += " (" + notes.joined(separator: ", ") + ")" }
            parts.append("\(c.claims) claim\(c.claims == 1 ? "" : "s")" + (order.isEmpty ? "" : ": " + order.joined(separator: ", ")))
            // Counted as `report --changed` lists them (`Digest`): new, changed, removed claims.
            let digest = Digest.Counts(new: c.newClaims, changed: c.changed, removed: c.removedClaims)
            parts.append((digest.phrase ?? "no claim new, changed or removed") + " since the last run")
            return "claimtrack run: " + parts.joined(separator: "; ")
        }
    }

    /// Pipeline version (`ConfigDefaults.pipelineVersion`): an article whose hash and this version are unchanged is not read again.
    public static let pipelineVersion = ConfigDefaults.pipelineVersion

    public let configuration: Configuration
    public let options: Options
    public let observer: RunObserver
    /// Who serves the pages, the news search and the web archive: the curl fetcher of the `fetch:`
    /// settings unless given (a `ReplayPageFetcher` runs the whole tool without a server).
    public let fetcher: (any PageFetcher)?

    public init(configuration: Configuration, options: Options, observer: RunObserver = SilentObserver(), fetcher: (any PageFetcher)? = nil) {
        self.configuration = configuration
        self.options = options
        self.observer = observer
        self.fetcher = fetcher
    }

    enum IngestResult: Sendable {
        case article(Article)
        case unchanged(String)
        case failed(String, Diagnostic)
    }

    enum ExtractResult: Sendable {
        case extracted(Extraction)
        case unchanged(String)
        case failed(String, Diagnostic)
    }

    public func run() throws -> Summary {
        // A PostgreSQL ledger: a run that any number of processes share (`PostgresRun`).
        if configuration.ledgerDatabase != nil { return try PostgresRun(configuration: configuration, options: options, observer: observer).run() }
        var folder = configuration.articles
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw ClaimTrackError.usage(Message.noArticles(folder))
        }
        // `run FILE`: that one article, under the folder of the last run when it lies inside it (so it keeps
        // its path and its claims their history), else under its own folder. Other articles are left alone.
        let singleFile = isDir.boolValue ? nil : folder
        let store = try LedgerBackends.open(configuration.ledger, mode: .write)
        defer { store.close() }
        store.notices.forEach { observer.stage("record", message: $0) }
        let started = Timestamp.now()
        var recorder = Recorder(store: store, runID: try store.beginRun(started: started), time: started)

        if let file = singleFile {
            let lastFolder = store.folder
            folder = lastFolder.map { file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } == true ? lastFolder! : PathUtil.parent(of: file)
        }
        let (entries, walkDiagnostics) = singleFile.map { file in
            ([FolderWalker.Entry(absolutePath: file, relativePath: PathUtil.relative(file, to: folder))], [Diagnostic]())
        } ?? FolderWalker.walk(folder)
        // What a moved or renamed article is matched against: ledger articles not found where they were.
        recorder.present = Set(entries.map(\.relativePath))
        let indexed = store.entries()
        if singleFile != nil {
            for a in indexed where FileManager.default.fileExists(atPath: folder + "/" + a.path) { recorder.present?.insert(a.path) }
        }
        var diagnostics = walkDiagnostics
        walkDiagnostics.forEach(observer.diagnostic)
        observer.stage("ingest", message: singleFile.map { "1 article file: \($0)" } ?? "\(entries.count) article files in \(folder)")

        let known = Dictionary(indexed.map { ($0.path, $0.hash + "|" + $0.pipelineVersion) }, uniquingKeysWith: { a, _ in a })
        let version = Self.pipelineVersion
        let workers = configuration.effectiveWorkers
        let extractor = Extractor(configuration: configuration)

        let paths = BoundedQueue<FolderWalker.Entry>(capacity: workers * 8)
        let ingested = BoundedQueue<IngestResult>(capacity: workers * 4)
        let extracted = BoundedQueue<ExtractResult>(capacity: workers * 4)
        WorkerPool.start(name: "ingest", workers: workers, input: paths, output: ingested) { entry in
            switch ArticleReader.load(entry.absolutePath, displayPath: entry.relativePath) {
            case .failure(let d): return .failed(entry.relativePath, d)
            case .success(let bytes):
                let hash = SHA256.hex(bytes)
                if known[entry.relativePath] == hash + "|" + version { return .unchanged(entry.relativePath) }
                guard let format = ArticleReader.format(of: entry.relativePath) else {
                    return .failed(entry.relativePath, Diagnostic(.error, file: entry.relativePath, "unknown article type"))
                }
                switch ArticleReader.parse(bytes, path: entry.relativePath, format: format, hash: hash) {
                case .success(let article): return .article(article)
                case .failure(let d): return .failed(entry.relativePath, d)
                }
            }
        }
        WorkerPool.start(name: "extract", workers: workers, input: ingested, output: extracted) { result in
            switch result {
            case .article(let article): return .extracted(extractor.extract(article))
            case .unchanged(let path): return .unchanged(path)
            case .failed(let path, let d): return .failed(path, d)
            }
        }
        let feeder = Thread {
            for entry in entries where !StopRequest.isRequested { paths.push(entry) }
            paths.close()
        }
        feeder.start()

        // Stages 4 and 5 start now, beside the walk: each recorded article's due pages are fetched, decoded
        // and judged while the next articles are read (`StreamChecks`).
        let cache = PageCache(folder: configuration.cache)
        let pageFetcher = fetcher ?? Fetcher(options: Fetcher.Options(configuration.fetch))
        let checkTime = Date()
        var checks = options.offline ? nil : StreamChecks(fetcher: pageFetcher, verifier: Verifier(configuration.verify), cache: cache,
                                                          configuration: configuration, now: checkTime, observer: observer)
        defer { checks?.close() }
        var seen = Set<String>()
        var failedPaths = Set<String>()
        var fetchCounts = Recorder.SourceCheckCounts()
        var done = 0
        var claimsFound = 0
        while let result = extracted.pop() {
            done += 1
            switch result {
            case .extracted(let extraction):
                seen.insert(extraction.article.path)
                claimsFound += extraction.claims.count
                let bundle = try recorder.record(extraction)
                try checks?.add(bundle, recorder: &recorder)
                // A page that yields nothing to check (paywall stub, script-rendered) is named, and the run goes on.
                for d in extraction.article.diagnostics {
                    diagnostics.append(d)
                    observer.diagnostic(d)
                }
            case .unchanged(let path):
                seen.insert(path)
                try recorder.recheck(path)
                try checks?.add(unchanged: path, recorder: &recorder)
            case .failed(let path, let d):
                failedPaths.insert(path)
                diagnostics.append(d)
                observer.diagnostic(d)
            }
            observer.progress("articles (\(claimsFound) claims found)", done: done, total: entries.count)
            // A kill loses at most what came after the last checkpoint.
            if store.checkpointDue() {
                store.noteRunProgress(runRecord(recorder, started: started, folder: folder, diagnostics: diagnostics, articles: done))
                try store.checkpoint()
            }
        }
        observer.progress("articles (\(claimsFound) claims found)", done: entries.count, total: entries.count, final: true)
        // The pages still coming, and their claims judged (a stop starts no new transfer).
        try checks?.finish(recorder: &recorder)
        if let checks { fetchCounts = checks.counts }
        // Files gone from the folder take their claims with them; failed ones keep their last good record.
        // A one-file run removes nothing; a stopped run has not seen every file: it removes nothing.
        let removed = singleFile == nil && !StopRequest.isRequested ? try recorder.removeArticles(notIn: seen.union(failedPaths)) : 0
        // After the walk: the news search for named outlets without a link (every article), and the web
        // archive's snapshots of dead links (the articles whose claims were left for it).
        let search = configuration.resolve.search.provider == "gdelt"
        if let checks, !StopRequest.isRequested, search || !checks.deferred.isEmpty {
            try recorder.loadWorkingSet(everyArticle: search, only: search ? nil : checks.deferred)
            let more = recorder.checkSources(fetcher: pageFetcher, verifier: Verifier(configuration.verify), cache: cache,
                                             configuration: configuration, now: checkTime, observer: observer, fetchedInRun: checks.fetched)
            fetchCounts.fetched += more.fetched
            fetchCounts.notModified += more.notModified
            fetchCounts.failed += more.failed
            try recorder.storeWorkingSet()
        }
        try recorder.pruneRetired(now: Date())
        // The ledger belongs to the folder it was run over; a one-file run names a folder only for a new ledger.
        if singleFile == nil || store.folder == nil { store.setFolder(folder) }

        var counts = recorder.counts
        counts.pagesFetched = fetchCounts.fetched
        counts.pagesNotModified = fetchCounts.notModified
        counts.pagesFailed = fetchCounts.failed
        counts.articles = entries.count
        counts.failed = failedPaths.count
        counts.removed = removed
        let digest = recorder.digest
        counts.newClaims = digest.new
        counts.changed = digest.changed
        counts.removedClaims = digest.removed
        // The run's claims: the folder's, or the one file's.
        let statuses = Self.statusCounts(store, only: singleFile == nil ? nil : entries.first?.relativePath)
        counts.claims = statuses.values.reduce(0, +)
        counts.byStatus = Dictionary(uniqueKeysWithValues: statuses.map { ($0.key.rawValue, $0.value) })
        let record = RunRecord(id: recorder.runID, started: started, finished: Timestamp.now(), folder: folder, offline: options.offline,
                               counts: counts, errors: diagnostics, configHash: configuration.hash, toolVersion: ConfigDefaults.toolVersion,
                               articleChanges: recorder.articleChanges)
        store.finishRun(record)
        observer.stage("record", message: "writing \(configuration.ledger)")
        try store.checkpoint()
        return Summary(run: record, statuses: statuses, diagnostics: diagnostics, stopped: StopRequest.signal, articlesDone: done,
                       notices: store.notices)
    }

    /// The run's record as of now, kept with a checkpoint: what a run killed later leaves in the ledger.
    private func runRecord(_ recorder: Recorder, started: String, folder: String, diagnostics: [Diagnostic], articles: Int) -> RunRecord {
        var counts = recorder.counts
        counts.articles = articles
        return RunRecord(id: recorder.runID, started: started, finished: Timestamp.now(), folder: folder, offline: options.offline,
                         counts: counts, errors: diagnostics, configHash: configuration.hash, toolVersion: ConfigDefaults.toolVersion,
                         articleChanges: recorder.articleChanges)
    }

    static func statusCounts(_ store: any LedgerBackend, only article: String? = nil) -> [ClaimStatus: Int] {
        var out: [ClaimStatus: Int] = [:]
        let entries = article.map { store.entry($0).map { [$0] } ?? [] } ?? store.entries()
        for e in entries {
            for (word, n) in e.byStatus { if let s = ClaimStatus(rawValue: word) { out[s, default: 0] += n } }
        }
        return out
    }
}

/// What the pipeline tells the person or the log while it runs.
public protocol RunObserver: Sendable {
    func stage(_ name: String, message: String)
    func progress(_ what: String, done: Int, total: Int, final: Bool)
    func diagnostic(_ diagnostic: Diagnostic)
    /// A cited page that could not be fetched; it is tried again on the next run. An observer may
    /// gather these for one summary at the end instead of a line each (`Message.fetchFailureSummary`).
    func fetchFailed(url: String, outcome: FetchOutcome, detail: String)
}

extension RunObserver {
    func progress(_ what: String, done: Int, total: Int) { progress(what, done: done, total: total, final: false) }

    public func fetchFailed(url: String, outcome: FetchOutcome, detail: String) {
        stage("fetch", message: Message.fetchFailed(url, outcome, detail))
    }
}

public struct SilentObserver: RunObserver {
    public init() {}
    public func stage(_ name: String, message: String) {}
    public func progress(_ what: String, done: Int, total: Int, final: Bool) {}
    public func diagnostic(_ diagnostic: Diagnostic) {}
}

public enum Timestamp {
    public static func now() -> String { format(Date()) }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
