import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `claimtrack run` on a PostgreSQL ledger: any number of these processes, on one machine or many, over
/// the same folder (a shared file system) and database share one run.
///
///     worker ─┐                       ┌─ articles: read, extract, resolve, record   (one row per article)
///     worker ─┼─ SKIP LOCKED + lease ─┼─ pages:    fetch each due URL once           (one row per URL)
///     worker ─┘                       └─ verify:   judge the due claims' pages       (one row per article)
///
/// Pages are queued as articles are recorded and fetched from then on: a worker takes a batch of them
/// between two batches of articles, so fetching overlaps reading; the pages phase fetches what is left.
///
/// The first worker opens the run and queues the folder's articles; the others join it. Each phase's rows
/// are claimed in batches with `FOR UPDATE SKIP LOCKED` and a lease the worker's heartbeat renews; a batch
/// is committed in one transaction that also marks its rows done, and only while the worker still holds
/// them, so an article is recorded exactly once even when a worker that lost its lease comes back. Rows of
/// a dead worker are taken by another when their lease runs out. The worker that finds a phase finished
/// starts the next; after the last it removes the articles gone from the folder, writes the run record and
/// closes the run. Every worker then prints the run's summary. Fetching is polite across all workers
/// (`PostgresHostGate`); pages go to the `cache:` folder, which workers on several machines share like the
/// articles' folder (files named by content hash, written aside and renamed: concurrent writers are safe).
public struct PostgresRun {
    public let configuration: Configuration
    public let options: RunPipeline.Options
    public let observer: RunObserver
    let address: PostgresAddress
    /// Articles per batch: small enough to share a folder evenly, large enough to pay for the round trips.
    var articleBatch = 64
    /// URLs per batch: enough to keep every host's slots busy.
    var pageBatch: Int { max(32, configuration.fetch.concurrency * 2) }

    public init(configuration: Configuration, options: RunPipeline.Options, observer: RunObserver = SilentObserver()) {
        self.configuration = configuration
        self.options = options
        self.observer = observer
        self.address = configuration.ledgerDatabase!
    }

    /// The run this worker takes part in.
    struct Run {
        var id: Int
        var folder: String
        var started: String
        var offline: Bool
        var single: String?
        var startedDate: Date { Timestamp.parse(started) ?? Date() }
    }

    public func run() throws -> RunPipeline.Summary {
        let store = try PostgresLedger.open(address, migrate: true)
        let worker = Self.workerName()
        var folder = configuration.articles
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw ClaimTrackError.usage(Message.noArticles(folder))
        }
        let singleFile = isDir.boolValue ? nil : folder
        if let file = singleFile {
            let last = try store.guarded(reading: true) { try store.connection.exec("SELECT value FROM ledger_meta WHERE key = 'folder'").string(0, 0) }
            folder = last.map { file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } == true ? last! : PathUtil.parent(of: file)
        }
        let (entries, walkDiagnostics) = singleFile.map { file in
            ([FolderWalker.Entry(absolutePath: file, relativePath: PathUtil.relative(file, to: folder))], [Diagnostic]())
        } ?? FolderWalker.walk(folder)
        walkDiagnostics.forEach(observer.diagnostic)
        let run = try join(store, folder: folder, entries: entries, single: singleFile.map { _ in entries[0].relativePath },
                           diagnostics: walkDiagnostics, worker: worker)
        observer.stage("ingest", message: "\(entries.count) article file\(entries.count == 1 ? "" : "s") in \(run.folder) (run \(run.id), worker \(worker))")
        let heartbeat = Heartbeat(address: address, run: run.id, worker: worker, lease: configuration.lease)
        heartbeat.start()
        defer { heartbeat.stop() }
        let byPath = Dictionary(entries.map { ($0.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
        var work = Work(configuration: configuration, store: store, run: run, worker: worker, observer: observer)
        var done = 0
        while !StopRequest.isRequested {
            let phase = try store.guarded(reading: true) { try store.connection.exec("SELECT phase FROM runs WHERE id = $1", [String(run.id)]).string(0, 0) } ?? "closed"
            if phase == "closed" { break }
            let progressed: Bool
            switch phase {
            case "articles":
                progressed = try work.articles(limit: articleBatch, entries: byPath, done: &done)
                // Pages are fetched while the articles are read: between two batches of articles, a batch of
                // the URLs recorded so far (each once, politely across every worker), so the fetch's waiting
                // overlaps the other workers' reading. The verify phase still waits for every page.
                if !run.offline, try work.pages(limit: pageBatch) { continue }
            case "pages": progressed = try work.pages(limit: pageBatch)
            case "verify": progressed = try work.verify(limit: articleBatch)
            default: progressed = false
            }
            if progressed { continue }
            if try work.advance(from: phase) { continue }
            // Rows held by other workers: wait for them, or for their leases to run out.
            Thread.sleep(forTimeInterval: 0.2)
        }
        if StopRequest.isRequested {
            try work.giveBack()
            var counts = RunRecord.Counts()
            counts.articles = entries.count
            let record = RunRecord(id: run.id, started: run.started, finished: Timestamp.now(), folder: run.folder, offline: run.offline, counts: counts,
                                   errors: [], configHash: configuration.hash, toolVersion: ConfigDefaults.toolVersion)
            return RunPipeline.Summary(run: record, statuses: [:], diagnostics: work.diagnostics, stopped: StopRequest.signal, articlesDone: done)
        }
        observer.progress("articles", done: done, total: done, final: true)
        let record = try store.guarded(reading: true) {
            try store.connection.exec("SELECT doc FROM runs WHERE id = $1", [String(run.id)]).bytes(0, 0)
        }
        let summaryRun = try RowCodec.run(record)
        let statuses = try work.statusCounts(only: run.single)
        return RunPipeline.Summary(run: summaryRun, statuses: statuses, diagnostics: work.diagnostics, stopped: nil, articlesDone: done)
    }

    static func workerName() -> String {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, 255)
        return "\(String(cString: name))/\(getpid())/\(UInt32.random(in: 0...UInt32.max) % 100_000)"
    }

    /// Joins the open run over the same folder, or opens one and queues every article of the walk.
    /// An open run over another folder (or another single file) holds the ledger: exit 3.
    func join(_ store: PostgresLedger, folder: String, entries: [FolderWalker.Entry], single: String?,
              diagnostics: [Diagnostic], worker: String) throws -> Run {
        try store.guarded(reading: false) {
            try store.connection.transaction {
                let c = store.connection
                try c.exec("SELECT pg_advisory_xact_lock(\(Self.runLock))")
                let open = try c.exec("SELECT id, folder, started, offline, single FROM runs WHERE phase <> 'closed' ORDER BY id LIMIT 1")
                if open.rows == 1 {
                    let run = Run(id: open.int(0, 0)!, folder: open.string(0, 1)!, started: open.string(0, 2)!, offline: open.bool(0, 3)!,
                                  single: open.string(0, 4))
                    guard run.folder == folder, run.single == single else {
                        throw ClaimTrackError.lockHeld(lockFile: "\(address) (run \(run.id) over \(run.single.map { run.folder + "/" + $0 } ?? run.folder))", pid: nil)
                    }
                    return run
                }
                let id = (try c.exec("SELECT coalesce(max(id), 0) + 1 FROM runs").int(0, 0)) ?? 1
                let run = Run(id: id, folder: folder, started: Timestamp.now(), offline: options.offline, single: single)
                try c.exec("INSERT INTO runs (id, folder, started, offline, single, phase) VALUES ($1, $2, $3, $4, $5, 'articles')",
                           [String(id), folder, run.started, run.offline ? "t" : "f", single])
                try c.exec("""
                    INSERT INTO work_articles (run, path, phase, state) SELECT $1, p, 'articles', 'todo' FROM unnest($2::text[]) AS p
                    ON CONFLICT DO NOTHING
                    """, [String(id), PGConnection.array(entries.map(\.relativePath))])
                for d in diagnostics { try c.exec("INSERT INTO run_diagnostics (run, doc) VALUES ($1, $2)", [String(id), Work.encode(d)]) }
                return run
            }
        }
    }

    /// The advisory lock of a batch recorded again after a claim-id collision (`recordBatch`).
    static let recordLock = 0x636c_6169_6d03
    /// Attempts to record one batch before the run gives up with a write error.
    static let maxRecordAttempts = 50
    static let runLock = 0x636c_6169_6d02

    /// Renews this worker's leases (articles, pages, host slots) every third of the lease, on its own connection.
    final class Heartbeat: @unchecked Sendable {
        let address: PostgresAddress
        let run: Int
        let worker: String
        let lease: Duration
        private let stopped = NSCondition()
        private var isStopped = false
        private var thread: Thread?

        init(address: PostgresAddress, run: Int, worker: String, lease: Duration) {
            self.address = address
            self.run = run
            self.worker = worker
            self.lease = lease
        }

        func start() {
            let t = Thread { [self] in beat() }
            t.name = "lease-heartbeat"
            thread = t
            t.start()
        }

        func stop() {
            stopped.lock()
            isStopped = true
            stopped.signal()
            stopped.unlock()
        }

        private func beat() {
            var connection: PGConnection?
            let every = max(0.2, Double(lease.seconds) / 3)
            let interval = "\(max(1, lease.seconds)) seconds"
            while true {
                stopped.lock()
                if !isStopped { _ = stopped.wait(until: Date().addingTimeInterval(every)) }
                let done = isStopped
                stopped.unlock()
                if done { return }
                if connection?.isOpen != true { connection = try? PGConnection(address) }
                guard let c = connection else { continue }
                do {
                    try c.exec("UPDATE work_articles SET lease_until = now() + $3::interval WHERE run = $1 AND worker = $2 AND state = 'claimed'",
                               [String(run), worker, interval])
                    try c.exec("UPDATE work_pages SET lease_until = now() + $3::interval WHERE run = $1 AND worker = $2 AND state = 'claimed'",
                               [String(run), worker, interval])
                    try c.exec("UPDATE fetch_slots SET lease_until = now() + $2::interval WHERE holder = $1", [worker, interval])
                } catch {
                    connection = nil
                }
            }
        }
    }
}

extension PostgresRun {
    /// One worker's share of the run: claims batches, processes them, commits them.
    struct Work {
        let configuration: Configuration
        let store: PostgresLedger
        let run: Run
        let worker: String
        let observer: RunObserver
        var diagnostics: [Diagnostic] = []
        /// The batch being read while the one before it commits.
        var readAhead: ReadAhead?
        let extractor: Extractor
        let cache: PageCache
        let verifier: Verifier

        init(configuration: Configuration, store: PostgresLedger, run: Run, worker: String, observer: RunObserver) {
            self.configuration = configuration
            self.store = store
            self.run = run
            self.worker = worker
            self.observer = observer
            self.extractor = Extractor(configuration: configuration)
            self.cache = PageCache(folder: configuration.cache)
            self.verifier = Verifier(configuration.verify)
        }

        var c: PGConnection { store.connection }
        var runID: String { String(run.id) }
        var interval: String { "\(max(1, configuration.lease.seconds)) seconds" }

        /// Another worker took a new claim's id meanwhile: the batch is recorded again, seeing it.
        struct Retry: Error {}
        /// This worker's lease on the batch ran out and another took it: the batch is dropped, uncommitted.
        struct LeaseLost: Error {}

        // MARK: Claiming

        /// Up to `limit` rows of `table` in `phase` that nobody holds (or whose holder's lease ran out), now this worker's.
        /// The locking SELECT is a MATERIALIZED CTE, run once: as a subquery in UPDATE … FROM, a nested loop
        /// rescanned it and each rescan skipped to new rows (pg_stat_statements: 2 calls claimed all 2,000 rows
        /// of a rerun, in 9.4 s, so one worker took the whole folder). `state <> 'done'` is the predicate of the
        /// partial indexes of Migrations/0002, which hold the open rows in claiming order.
        /// `orphans`: rows this worker claimed without knowing it are taken too (a claim the server committed
        /// whose answer a lost connection kept from the worker: the heartbeat would renew their lease forever).
        /// False only while the worker holds a batch of the same table, the read-ahead's claim.
        func claim(_ table: String, key: String, phase: String?, limit: Int, extra: String = "", orphans: Bool = true) throws -> PGResult {
            let phaseTest = phase.map { "AND phase = '\($0)'" } ?? ""
            let own = orphans ? " OR worker = $2" : ""
            return try store.guarded(reading: false) {
                try c.exec("""
                    WITH s AS MATERIALIZED (
                        SELECT \(key) FROM \(table) WHERE run = $1 \(phaseTest) AND state <> 'done'
                          AND (state = 'todo' OR lease_until < now()\(own))
                        ORDER BY \(key) LIMIT $3 FOR UPDATE SKIP LOCKED)
                    UPDATE \(table) w SET state = 'claimed', worker = $2, lease_until = now() + $4::interval
                    FROM s WHERE w.run = $1 AND w.\(key) = s.\(key)
                    RETURNING w.\(key)\(extra)
                    """, [runID, worker, String(limit), interval])
            }
        }

        /// Marks `keys` done, only while this worker still holds them; false when the lease was lost (the batch
        /// is then another worker's, and this one's transaction must roll back).
        func finish(_ table: String, key: String, _ keys: [String], set: String = "", _ parameters: [String?] = []) throws -> Bool {
            let r = try c.exec("""
                UPDATE \(table) SET state = 'done', worker = NULL, lease_until = NULL\(set)
                WHERE run = $1 AND \(key) = ANY($2::text[]) AND worker = $3 AND state = 'claimed'
                """, [runID, PGConnection.array(keys), worker] + parameters)
            return r.affected == keys.count
        }

        /// A stopped worker hands its rows back at once rather than after its lease.
        func giveBack() throws {
            try store.guarded(reading: false) {
                for table in ["work_articles", "work_pages"] {
                    try c.exec("UPDATE \(table) SET state = 'todo', worker = NULL, lease_until = NULL WHERE run = $1 AND worker = $2 AND state = 'claimed'",
                               [runID, worker])
                }
                try c.exec("DELETE FROM fetch_slots WHERE holder = $1", [worker])
            }
        }

        // MARK: A batch's part of the ledger

        /// A backend for one batch on this worker's connection: `scope` bundles read, staged changes written
        /// by `writeStaged` inside the batch's transaction.
        func backend(scope paths: [String], lock: Bool = false) throws -> PostgresBackend {
            let backend = PostgresBackend(store: store, owned: false)
            try backend.load(paths, lock: lock)
            backend.scope = paths
            return backend
        }

        func tally(_ counts: [String: Int]) throws {
            let nonzero = counts.filter { $0.value != 0 }
            guard !nonzero.isEmpty else { return }
            try c.exec("INSERT INTO run_tallies (run, name, n) SELECT $1, * FROM unnest($2::text[], $3::bigint[])",
                       [runID, PGConnection.array(nonzero.keys), PGConnection.array(nonzero.keys.map { String(nonzero[$0]!) })])
        }

        /// The digest counts of the bundles at `paths` that `recorder` staged.
        static func digest(_ recorder: Recorder, paths: Set<String>) -> [String: Int] {
            var counts = ["new": 0, "changed": 0, "removed_claims": 0]
            for (path, d) in recorder.digestCounts where paths.contains(path) {
                counts["new"]! += d.new
                counts["changed"]! += d.changed
                counts["removed_claims"]! += d.removed
            }
            return counts
        }

        /// The ledger's articles this batch's new articles may have moved from: not in the run's queue (so the
        /// walk did not find them), and with the same canonical URL, fingerprint or file hash, or holding one of
        /// their claims' ids.
        func goneArticles(new outcomes: [Outcome], known: Set<String>) throws -> [String] {
            var urls: [String] = [], texts: [String] = [], ids: [String] = []
            for case .extracted(let x) in outcomes where !known.contains(x.article.path) {
                if let url = x.article.metadata.url.flatMap(ClaimID.canonicalURL) { urls.append(url) }
                texts.append(x.fingerprint)
                texts.append(x.article.contentHash)
                ids += x.claims.map(\.id)
            }
            guard !texts.isEmpty else { return [] }
            let r = try c.exec("""
                SELECT path FROM articles
                WHERE (url = ANY($2::text[]) OR fingerprint = ANY($3::text[]) OR hash = ANY($3::text[])
                       OR path IN (SELECT article FROM claims WHERE NOT retired AND id = ANY($4::text[])))
                  AND path NOT IN (SELECT path FROM work_articles WHERE run = $1)
                ORDER BY path
                """, [runID, PGConnection.array(urls), PGConnection.array(texts), PGConnection.array(ids)])
            return (0..<r.rows).map { r.string($0, 0)! }
        }

        /// The claim ids whose holders the recorder asks for while recording `outcomes`: each claim's plain id,
        /// the id qualified by its article's id, and the retired claims of the bundles read.
        static func askedIDs(_ outcomes: [Outcome], backend: PostgresBackend) throws -> [String] {
            var ids: [String] = []
            for case .extracted(let x) in outcomes {
                let articleID = try backend.bundle(x.article.path)?.article?.id
                    ?? ClaimID.article(url: x.article.metadata.url, fingerprint: x.fingerprint)
                for claim in x.claims { ids += [claim.id, ClaimID.qualified(claim.id, article: articleID)] }
            }
            for case .extracted(let x) in outcomes { if let b = try backend.bundle(x.article.path) { ids += b.retired.map(\.id) } }
            return ids
        }

        static func encode(_ change: RunRecord.ArticleChange) -> String {
            JSONValue.object([("id", .string(change.id)), ("path", .string(change.path)), ("title", .optional(change.title)),
                              ("moved_to", .optional(change.movedTo))]).serialized(pretty: false)
        }

        static func decodeChange(_ bytes: [UInt8]) -> RunRecord.ArticleChange? {
            guard let o = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], let id = o["id"] as? String,
                  let path = o["path"] as? String else { return nil }
            return RunRecord.ArticleChange(id: id, path: path, title: o["title"] as? String, movedTo: o["moved_to"] as? String)
        }

        static func encode(_ d: Diagnostic) -> String { String(decoding: (try? JSONEncoder().encode(d)) ?? Data(), as: UTF8.self) }

        // MARK: Phase 1: articles

        enum Outcome: Sendable {
            case extracted(Extraction)
            case unchanged(String)
            case failed(String, Diagnostic)
        }

        /// A batch of articles claimed by this worker, with what the ledger knows of each (hash and pipeline version).
        struct ClaimedBatch: Sendable {
            var paths: [String]
            var known: [String: String]
        }

        /// The next batch, read and extracted on a thread of its own while the batch before it commits:
        /// reading is work for the cores, committing waits on the database, and one worker does both at once.
        final class ReadAhead: @unchecked Sendable {
            let batch: ClaimedBatch
            private var outcomes: [Outcome] = []
            private let finished = DispatchSemaphore(value: 0)

            init(_ batch: ClaimedBatch, read: @escaping @Sendable (ClaimedBatch) -> [Outcome]) {
                self.batch = batch
                let thread = Thread { [self] in
                    outcomes = read(batch)
                    finished.signal()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }

            func wait() -> [Outcome] {
                finished.wait()
                return outcomes
            }
        }

        /// Up to `limit` articles of the folder, now this worker's (nil when none is left to take); `ahead`:
        /// claimed while this worker holds the batch before it.
        func claimArticles(limit: Int, ahead: Bool = false) throws -> ClaimedBatch? {
            let claimed = try claim("work_articles", key: "path", phase: "articles", limit: limit, orphans: !ahead)
            guard claimed.rows > 0 else { return nil }
            let paths = (0..<claimed.rows).map { claimed.string($0, 0)! }
            let known = try store.guarded(reading: true) { () -> [String: String] in
                let a = try c.exec("SELECT path, doc FROM articles WHERE path = ANY($1::text[])", [PGConnection.array(paths)])
                var out: [String: String] = [:]
                for r in 0..<a.rows { if let record = try? RowCodec.article(a.bytes(r, 1)) { out[record.path] = record.hash + "|" + record.pipelineVersion } }
                return out
            }
            return ClaimedBatch(paths: paths, known: known)
        }

        /// Stages 1 and 2 for a batch, on the pool's threads, in the batch's order: no database.
        static func read(_ batch: ClaimedBatch, entries: [String: FolderWalker.Entry], folder: String, extractor: Extractor, workers: Int) -> [Outcome] {
            let version = RunPipeline.pipelineVersion
            let known = batch.known
            var outcomes: [Outcome] = []
            OrderedWork.run(batch.paths, workers: workers, work: { path -> Outcome in
                let entry = entries[path] ?? FolderWalker.Entry(absolutePath: folder + "/" + path, relativePath: path)
                switch ArticleReader.load(entry.absolutePath, displayPath: path) {
                case .failure(let d): return .failed(path, d)
                case .success(let bytes):
                    let hash = SHA256.hex(bytes)
                    if known[path] == hash + "|" + version { return .unchanged(path) }
                    guard let format = ArticleReader.format(of: path) else { return .failed(path, Diagnostic(.error, file: path, "unknown article type")) }
                    switch ArticleReader.parse(bytes, path: path, format: format, hash: hash) {
                    case .success(let article): return .extracted(extractor.extract(article))
                    case .failure(let d): return .failed(path, d)
                    }
                }
            }, consume: { outcomes.append($0) })
            return outcomes
        }

        /// One batch of articles: read and extract outside any transaction, then record and commit. The
        /// next batch is claimed and read ahead meanwhile (`ReadAhead`); a stop gives its rows back
        /// with the others (`giveBack`).
        mutating func articles(limit: Int, entries: [String: FolderWalker.Entry], done: inout Int) throws -> Bool {
            let (folder, extractor, workers) = (run.folder, self.extractor, configuration.effectiveWorkers)
            let read: @Sendable (ClaimedBatch) -> [Outcome] = { Self.read($0, entries: entries, folder: folder, extractor: extractor, workers: workers) }
            let batch: ClaimedBatch
            let outcomes: [Outcome]
            if let ahead = readAhead {
                readAhead = nil
                batch = ahead.batch
                outcomes = ahead.wait()
            } else {
                guard let claimed = try claimArticles(limit: limit) else { return false }
                batch = claimed
                outcomes = read(claimed)
            }
            if !StopRequest.isRequested, let next = try claimArticles(limit: limit, ahead: true) { readAhead = ReadAhead(next, read: read) }
            let paths = batch.paths, known = batch.known
            for case .extracted(let x) in outcomes { for d in x.article.diagnostics { diagnostics.append(d); observer.diagnostic(d) } }
            for case .failed(_, let d) in outcomes { diagnostics.append(d); observer.diagnostic(d) }
            let pathSet = Set(paths)
            let now = run.startedDate
            var attempts = 0
            while true {
                attempts += 1
                do {
                    try store.guarded(reading: false) {
                        try c.transaction {
                            // After a collision of new claim ids, record under a lock that every retrying worker
                            // takes, so retries see each other's ids instead of colliding again (four workers over
                            // generated articles, which share many sentences, ran out of optimistic retries).
                            if attempts > 1 { try c.exec("SELECT pg_advisory_xact_lock(\(PostgresRun.recordLock))") }
                            let gone = try goneArticles(new: outcomes, known: Set(known.keys))
                            // The gone candidates are locked: of two workers that find the same moved file, one moves it.
                            let backend = try backend(scope: paths + gone, lock: !gone.isEmpty)
                            try backend.prefetch(claimIDs: try Self.askedIDs(outcomes, backend: backend))
                            var recorder = Recorder(store: backend, runID: run.id, time: run.started)
                            recorder.present = pathSet
                            var failed = 0
                            for o in outcomes {
                                switch o {
                                case .extracted(let x): try recorder.record(x)
                                case .unchanged(let path): try recorder.recheck(path)
                                case .failed: failed += 1
                                }
                            }
                            var due: [String: [String]] = [:]
                            var dueURLs = Set<String>()
                            if !run.offline {
                                // The batch's claims, their sources, and (with a news search) pages found for named outlets.
                                backend.scope = paths
                                let search = configuration.resolve.search.provider == "gdelt"
                                try recorder.loadWorkingSet(everyArticle: search)
                                if search { recorder.searchOutlets(configuration: configuration, now: now, observer: observer) }
                                // Due claims (as `checkSources` decides them), per article, for the verify phase; their URLs queued once.
                                for claim in recorder.ledger.claims.values where recorder.isDue(claim, recheckAfter: configuration.recheckAfter, now: now, source: { recorder.ledger.sources[$0] }) {
                                    due[claim.article, default: []].append(claim.id)
                                    for url in Recorder.urls(of: claim) where recorder.ledger.sources[url]?.waitUntil.flatMap(Timestamp.parse).map({ $0 > now }) != true {
                                        dueURLs.insert(url)
                                    }
                                }
                                recorder.ledger.sources = [:]  // unchanged here: not written back
                                try recorder.storeWorkingSet()
                            }
                            let dueDocs: [String] = paths.map { p in due[p].map { "[" + $0.sorted().map { JSONValue.string($0).serialized(pretty: false) }.joined(separator: ",") + "]" } ?? "" }
                            let r = try c.exec("""
                                UPDATE work_articles w SET state = 'done', worker = NULL, lease_until = NULL, due = NULLIF(u.due, '')
                                FROM unnest($2::text[], $4::text[]) AS u (path, due)
                                WHERE w.run = $1 AND w.path = u.path AND w.worker = $3 AND w.state = 'claimed'
                                """, [runID, PGConnection.array(paths), worker, PGConnection.array(dueDocs)])
                            guard r.affected == paths.count else { throw LeaseLost() }
                            try backend.writeStaged()
                            for change in recorder.articleChanges {
                                try c.exec("INSERT INTO run_article_changes (run, doc) VALUES ($1, $2)", [runID, Self.encode(change)])
                            }
                            if !dueURLs.isEmpty {
                                try c.exec("INSERT INTO work_pages (run, url, state) SELECT $1, u, 'todo' FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING",
                                           [runID, PGConnection.array(dueURLs)])
                            }
                            var counts = ["unchanged": recorder.counts.unchanged, "failed": failed, "moved": recorder.counts.moved]
                            // Articles with nothing due are final now; the others are counted after their verify.
                            let final = Set(paths.filter { due[$0] == nil }).union(gone)
                            counts.merge(Self.digest(recorder, paths: final), uniquingKeysWith: +)
                            try tally(counts)
                            for case .failed(_, let d) in outcomes { try c.exec("INSERT INTO run_diagnostics (run, doc) VALUES ($1, $2)", [runID, Self.encode(d)]) }
                            for case .extracted(let x) in outcomes {
                                for d in x.article.diagnostics { try c.exec("INSERT INTO run_diagnostics (run, doc) VALUES ($1, $2)", [runID, Self.encode(d)]) }
                            }
                        }
                    }
                    done += paths.count
                    observer.progress("articles", done: done, total: max(done, entries.count), final: false)
                    return true
                } catch is PostgresBackend.IDTaken where attempts < PostgresRun.maxRecordAttempts {
                    continue  // another worker took a new claim's id meanwhile: record again, seeing it
                } catch is PostgresBackend.IDTaken {
                    throw ClaimTrackError.ledgerWriteFailed(file: store.address.description, reason: "new claim ids kept colliding with other workers' after \(attempts) attempts")
                } catch is LeaseLost {
                    return true
                }
            }
        }

        // MARK: Phase 2: pages

        /// One batch of cited URLs, fetched politely across all workers; their source records committed.
        mutating func pages(limit: Int) throws -> Bool {
            let claimed = try claim("work_pages", key: "url", phase: nil, limit: limit)
            guard claimed.rows > 0 else { return false }
            let urls = (0..<claimed.rows).map { claimed.string($0, 0)! }
            let backend = PostgresBackend(store: store, owned: false)
            var recorder = Recorder(store: backend, runID: run.id, time: run.started)
            recorder.ledger.sources = try backend.sources(urls)
            let cache = self.cache
            let requests = urls.map { url -> FetchRequest in
                guard let s = recorder.ledger.sources[url], let hash = s.contentHash, cache.contains(hash) else { return FetchRequest(url: url) }
                return FetchRequest(url: url, etag: s.etag, lastModified: s.lastModified)
            }
            var counts = Recorder.SourceCheckCounts()
            let gate = PostgresHostGate(store: store, worker: worker, lease: configuration.lease)
            let observer = self.observer
            Fetcher(options: Fetcher.Options(configuration.fetch), gate: gate).fetch(requests, keepBodies: true) { result, body in
                recorder.record(result, body: body, cache: cache, counts: &counts)
                if result.isFailure { observer.fetchFailed(url: result.url, outcome: result.outcome, detail: result.detail) }
            }
            if StopRequest.isRequested { return true }  // not all fetched: the rows go back (`giveBack`)
            if configuration.resolve.archive.provider == "wayback" {
                recorder.archiveDeadLinks(urls, configuration: configuration, cache: cache, observer: observer)
            }
            for s in recorder.ledger.sources.values { try backend.stage(source: s) }
            do {
                try store.guarded(reading: false) {
                    try c.transaction {
                        guard try finish("work_pages", key: "url", urls) else { throw LeaseLost() }
                        try backend.writeStaged()
                        try tally(["pages_fetched": counts.fetched, "pages_not_modified": counts.notModified, "pages_failed": counts.failed])
                    }
                }
            } catch is LeaseLost {}
            return true
        }

        // MARK: Phase 3: verify

        /// One batch of articles whose claims were due: each due claim judged against its fetched pages.
        mutating func verify(limit: Int) throws -> Bool {
            let claimed = try claim("work_articles", key: "path", phase: "verify", limit: limit, extra: ", w.due")
            guard claimed.rows > 0 else { return false }
            let paths = (0..<claimed.rows).map { claimed.string($0, 0)! }
            var duePerArticle: [String: [String]] = [:]
            for r in 0..<claimed.rows {
                guard let text = claimed.string(r, 1), case .array(let items)? = try? JSONReader(Array(text.utf8)).value() else { continue }
                for case .string(let id) in items { duePerArticle[paths[r], default: []].append(id) }
            }
            do {
                try store.guarded(reading: false) {
                    try c.transaction {
                        let backend = try backend(scope: paths)
                        var recorder = Recorder(store: backend, runID: run.id, time: run.started)
                        try recorder.loadWorkingSet(everyArticle: false)
                        recorder.applyEvidence(to: recorder.heldIDs(duePerArticle).sorted(), verifier: verifier, cache: cache)
                        recorder.ledger.sources = [:]
                        try recorder.storeWorkingSet()
                        guard try finish("work_articles", key: "path", paths) else { throw LeaseLost() }
                        try backend.writeStaged()
                        try tally(Self.digest(recorder, paths: Set(paths)))
                    }
                }
            } catch is LeaseLost {}
            return true
        }

        // MARK: Between phases, and the end

        /// When every row of `phase` is done, starts the next phase (or closes the run), once: the run's row
        /// is locked, so of two workers finding the phase done only one moves it on. False while rows remain.
        func advance(from phase: String) throws -> Bool {
            try store.guarded(reading: false) {
                try c.transaction {
                    guard try c.exec("SELECT phase FROM runs WHERE id = $1 FOR UPDATE", [runID]).string(0, 0) == phase else { return true }
                    let remaining: Int
                    switch phase {
                    case "pages": remaining = try c.exec("SELECT count(*) FROM work_pages WHERE run = $1 AND state <> 'done'", [runID]).int(0, 0) ?? 0
                    default: remaining = try c.exec("SELECT count(*) FROM work_articles WHERE run = $1 AND phase = $2 AND state <> 'done'", [runID, phase]).int(0, 0) ?? 0
                    }
                    guard remaining == 0 else { return false }
                    switch phase {
                    case "articles" where !run.offline:
                        try c.exec("UPDATE runs SET phase = 'pages' WHERE id = $1", [runID])
                        let n = try c.exec("SELECT count(*) FROM work_pages WHERE run = $1", [runID]).int(0, 0) ?? 0
                        if n > 0 { observer.stage("fetch", message: "\(n) cited page\(n == 1 ? "" : "s") for the run's due claims") }
                    case "pages":
                        try c.exec("UPDATE work_articles SET phase = 'verify', state = 'todo' WHERE run = $1 AND due IS NOT NULL", [runID])
                        try c.exec("UPDATE runs SET phase = 'verify' WHERE id = $1", [runID])
                    default:
                        try close()
                    }
                    return true
                }
            }
        }

        /// The end of the run, in the transaction that moves it to `closed`: articles gone from the folder are
        /// removed (their claims retired), long-retired claims forgotten, the run record written.
        func close() throws {
            var removed = 0
            var changes: [RunRecord.ArticleChange] = []
            let moved = try c.exec("SELECT doc FROM run_article_changes WHERE run = $1 ORDER BY seq", [runID])
            changes = (0..<moved.rows).compactMap { Self.decodeChange(moved.bytes($0, 0)) }
            var gonePaths: [String] = []
            if run.single == nil {
                let gone = try c.exec("SELECT path FROM articles WHERE path NOT IN (SELECT path FROM work_articles WHERE run = $1) ORDER BY path", [runID])
                gonePaths = (0..<gone.rows).map { gone.string($0, 0)! }
            }
            let backend = try backend(scope: gonePaths)
            var recorder = Recorder(store: backend, runID: run.id, time: run.started)
            removed = try recorder.removeArticles(notIn: [])
            // Retired claims older than `LedgerMigration.retiredKeptFor` are forgotten, as a JSON ledger forgets them.
            try recorder.pruneRetired(now: Date())
            changes += recorder.articleChanges
            try backend.writeStaged()
            try tally(Self.digest(recorder, paths: Set(gonePaths)))

            var tallies: [String: Int] = [:]
            let t = try c.exec("SELECT name, sum(n) FROM run_tallies WHERE run = $1 GROUP BY name", [runID])
            for r in 0..<t.rows { tallies[t.string(r, 0)!] = t.int(r, 1) ?? 0 }
            var errors: [Diagnostic] = []
            let d = try c.exec("SELECT doc FROM run_diagnostics WHERE run = $1 ORDER BY seq", [runID])
            for r in 0..<d.rows { if let x = try? JSONDecoder().decode(Diagnostic.self, from: Data(d.bytes(r, 0))) { errors.append(x) } }
            var counts = RunRecord.Counts()
            counts.articles = try c.exec("SELECT count(*) FROM work_articles WHERE run = $1", [runID]).int(0, 0) ?? 0
            counts.unchanged = tallies["unchanged"] ?? 0
            counts.failed = tallies["failed"] ?? 0
            counts.moved = tallies["moved"] ?? 0
            counts.removed = removed
            counts.pagesFetched = tallies["pages_fetched"] ?? 0
            counts.pagesNotModified = tallies["pages_not_modified"] ?? 0
            counts.pagesFailed = tallies["pages_failed"] ?? 0
            counts.newClaims = tallies["new"] ?? 0
            counts.changed = tallies["changed"] ?? 0
            counts.removedClaims = tallies["removed_claims"] ?? 0
            let statuses = try statusCounts(only: run.single)
            counts.claims = statuses.values.reduce(0, +)
            counts.byStatus = Dictionary(uniqueKeysWithValues: statuses.map { ($0.key.rawValue, $0.value) })
            let record = RunRecord(id: run.id, started: run.started, finished: Timestamp.now(), folder: run.folder, offline: run.offline,
                                   counts: counts, errors: errors, configHash: configuration.hash, toolVersion: ConfigDefaults.toolVersion,
                                   articleChanges: changes)
            try c.exec("UPDATE runs SET phase = 'closed', doc = $2 WHERE id = $1", [runID, RowCodec.text(record)])
            var meta: [(String, String)] = [("tool_version", ConfigDefaults.toolVersion), ("id_scheme", ClaimID.scheme)]
            let hasFolder = try c.exec("SELECT 1 FROM ledger_meta WHERE key = 'folder'").rows == 1
            if run.single == nil || !hasFolder { meta.append(("folder", run.folder)) }
            for (k, v) in meta {
                try c.exec("INSERT INTO ledger_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [k, v])
            }
            for table in ["work_articles", "work_pages", "run_tallies", "run_diagnostics", "run_article_changes"] {
                try c.exec("DELETE FROM \(table) WHERE run = $1", [runID])
            }
            observer.stage("record", message: "run \(run.id) closed in \(address)")
        }

        var address: PostgresAddress { store.address }

        /// Statuses of the ledger's live claims (or one article's), as `RunPipeline.statusCounts` counts them.
        func statusCounts(only article: String?) throws -> [ClaimStatus: Int] {
            try store.guarded(reading: true) {
                let r = try c.exec("SELECT status, count(*) FROM claims WHERE NOT retired AND ($1::text IS NULL OR article = $1) GROUP BY status", [article])
                var out: [ClaimStatus: Int] = [:]
                for k in 0..<r.rows { if let s = r.string(k, 0).flatMap(ClaimStatus.init(rawValue:)) { out[s] = r.int(k, 1) ?? 0 } }
                return out
            }
        }
    }
}

