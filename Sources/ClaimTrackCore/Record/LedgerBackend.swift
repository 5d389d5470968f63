/// Where a ledger keeps its records, one article at a time: the JSON ledger (`JSONLedger`,
/// claimtrack.ledger/2) and the PostgreSQL ledger implement it; the recorder, `report`, `show` and
/// `review` use only this, so no command holds the whole ledger in memory.
///
/// Granularity is the article: an `ArticleBundle` is one article's record with its claims and the
/// claims an edit or its removal retired. Everything a run needs without reading bundles (is this
/// file unchanged? which article holds this claim id? how many claims of each status?) is in the
/// index (`ArticleIndexEntry`), which a backend keeps in step with the bundles it stores.
///
/// Consistency: changes are staged (`stage`, `stage(source:)`, `setFolder`, `touch`) and become
/// durable and visible to other processes together at `checkpoint()`; a kill at any instant leaves
/// the state of the last checkpoint, never a part of one. Reads (`bundle`, `entry`, `sources`) see
/// this process's staged changes on top of the last committed state.
///
/// Thread use: one thread at a time (the recorder's); the backend itself need not be thread-safe.
public protocol LedgerBackend: AnyObject {
    /// What messages name: the ledger path as the user gave it, or the database URL without password.
    var location: String { get }

    /// Lines for the run's output that say what opening the ledger did (a claimtrack.ledger/1 file
    /// migrated and kept as a backup, leftovers of a killed run removed). Empty when nothing happened.
    var notices: [String] { get }

    // MARK: The ledger as a whole

    /// The folder of the last run (absolute); article paths are relative to it. nil for a new ledger.
    var folder: String? { get }
    func setFolder(_ folder: String)
    /// The tool version of the run that last committed (the JSON ledger's `tool_version`); nil for a new ledger.
    var lastToolVersion: String? { get }
    /// Every finished run, oldest first (a run killed after a checkpoint is there too, marked so).
    var runs: [RunRecord] { get }
    /// Reserves the id of the run about to start (one more than any run recorded or begun).
    /// The reservation is committed with the run's first checkpoint.
    func beginRun(started: String) throws -> Int
    /// The run's record so far (counts, errors): kept with every checkpoint, so a run killed later is
    /// still listed; `finishRun` replaces it with the final one.
    func noteRunProgress(_ run: RunRecord)
    /// Appends the finished run's record (committed by the next `checkpoint`).
    func finishRun(_ run: RunRecord)

    // MARK: Index

    /// The article at `path` as the index knows it; nil when the ledger has no live article there.
    func entry(_ path: String) -> ArticleIndexEntry?
    /// Every live article's index entry (order unspecified).
    func entries() -> [ArticleIndexEntry]
    /// The path of the bundle that holds claim `id`, and whether it is retired there; nil when no bundle does.
    func holder(ofClaim id: String) -> ClaimHolder?
    /// Ids of live and retired claims equal to or starting with `prefix`, sorted (for `show` and `review`).
    func claimIDs(withPrefix prefix: String) -> [String]
    /// Paths of the bundles (live or retired-only) holding a claim removed before `time` (ISO 8601):
    /// those `LedgerMigration.retiredKeptFor` may have expired.
    func bundles(withRemovalBefore time: String) -> [String]
    /// Marks an unchanged article as seen by run `run` without rewriting its bundle (`ArticleRecord.lastRun`).
    func touch(_ path: String, run: Int)

    // MARK: Bundles

    /// The bundle of `path` (its article may be nil when only retired claims are left); nil when none.
    func bundle(_ path: String) throws -> ArticleBundle?
    /// Replaces the bundle at `bundle.path` (creating it). A bundle with no article and no retired
    /// claims removes the path. The index entry is derived from the bundle by the backend.
    func stage(_ bundle: ArticleBundle) throws
    /// Calls `body` with every bundle in path order, one at a time (for `report`, export, migration).
    func forEachBundle(_ body: (ArticleBundle) throws -> Void) throws

    // MARK: Sources (fetched URLs)

    /// The records of those `urls` the ledger has.
    func sources(_ urls: [String]) throws -> [String: SourceRecord]
    func stage(source: SourceRecord) throws
    /// Every source record (for export and the whole-ledger view `LedgerStore.load`).
    func forEachSource(_ body: (SourceRecord) throws -> Void) throws

    // MARK: Work and commits

    /// Whether this process should record `path` in this run. A shared ledger (PostgreSQL, many `run`
    /// processes) says no when another process has the article; the JSON ledger, locked for the whole
    /// run, always says yes.
    func reserve(_ path: String) throws -> Bool
    /// Makes every staged change durable and visible at once (see the type's comment).
    func checkpoint() throws
    /// Whether enough has been staged since the last checkpoint that the recorder should take one now
    /// (the JSON ledger: by elapsed time, so commits stay a small share of a long run).
    func checkpointDue() -> Bool
    /// Ends the use: releases the lock of a writing open. Staged changes not checkpointed are dropped.
    func close()
}

/// Where a claim id lives.
public struct ClaimHolder: Sendable, Equatable {
    public var path: String
    public var retired: Bool
    public init(path: String, retired: Bool) { self.path = path; self.retired = retired }
}

/// One article's part of the ledger.
public struct ArticleBundle: Sendable, Equatable {
    /// The article's path relative to the folder: the bundle's key.
    public var path: String
    /// nil once the article is removed while claims it made are still kept retired.
    public var article: ArticleRecord?
    /// The live claims, in the order of `article.claims`.
    public var claims: [ClaimRecord]
    /// Claims an edit or the article's removal took away (`Ledger.retired`), kept `LedgerMigration.retiredKeptFor`.
    public var retired: [ClaimRecord]

    public init(path: String, article: ArticleRecord? = nil, claims: [ClaimRecord] = [], retired: [ClaimRecord] = []) {
        self.path = path
        self.article = article
        self.claims = claims
        self.retired = retired
    }

    public var isEmpty: Bool { article == nil && retired.isEmpty }
}

/// What the index keeps of one article so a run decides without reading its bundle.
public struct ArticleIndexEntry: Sendable, Equatable {
    public var path: String
    public var id: String
    /// SHA-256 of the file and the pipeline version that read it: both unchanged, the file is not read again.
    public var hash: String
    public var pipelineVersion: String
    /// The article's own URL and `ClaimID.fingerprint` of its text: how a moved file is recognised.
    public var url: String?
    public var fingerprint: String?
    public var title: String?
    /// Live claim ids in reading order, and retired ones.
    public var claims: [String]
    public var retired: [String]
    /// Live claims by status word.
    public var byStatus: [String: Int]
    /// Whether any live claim cites a URL (only those articles are read for fetch and verify).
    public var citesURLs: Bool
    /// The oldest removal time among retired claims (ISO 8601), for pruning them after 90 days.
    public var oldestRemoval: String?
    /// `ArticleRecord.lastRun`, kept here so an unchanged article's bundle is not rewritten each run.
    public var lastRun: Int

    public init(path: String, id: String, hash: String, pipelineVersion: String, url: String? = nil, fingerprint: String? = nil,
                title: String? = nil, claims: [String] = [], retired: [String] = [], byStatus: [String: Int] = [:],
                citesURLs: Bool = false, oldestRemoval: String? = nil, lastRun: Int = 0) {
        self.path = path
        self.id = id
        self.hash = hash
        self.pipelineVersion = pipelineVersion
        self.url = url
        self.fingerprint = fingerprint
        self.title = title
        self.claims = claims
        self.retired = retired
        self.byStatus = byStatus
        self.citesURLs = citesURLs
        self.oldestRemoval = oldestRemoval
        self.lastRun = lastRun
    }

    /// The entry a bundle implies (nil for a bundle without a live article: only its retired ids matter then).
    public init?(_ b: ArticleBundle) {
        guard let a = b.article else { return nil }
        var byStatus: [String: Int] = [:]
        for c in b.claims { byStatus[c.status.rawValue, default: 0] += 1 }
        self.init(path: b.path, id: a.id, hash: a.hash, pipelineVersion: a.pipelineVersion, url: a.url, fingerprint: a.fingerprint,
                  title: a.title, claims: b.claims.map(\.id), retired: b.retired.map(\.id), byStatus: byStatus,
                  citesURLs: b.claims.contains { c in c.attributions.contains { !$0.urls.isEmpty } },
                  oldestRemoval: ArticleBundle.oldestRemoval(b.retired), lastRun: a.lastRun)
    }
}

extension ArticleBundle {
    static func oldestRemoval(_ retired: [ClaimRecord]) -> String? {
        retired.compactMap { c in c.history.last.flatMap { $0.event == .removed ? $0.time : nil } }.min()
    }
}

/// Opens the ledger a configuration names: a PostgreSQL URL goes to the PostgreSQL backend, anything
/// else is a JSON ledger path.
public enum LedgerBackends {
    public enum Mode: Sendable { case read, write }

    /// `write` takes the run lock without waiting (`ClaimTrackError.lockHeld`) and creates a new ledger;
    /// `read` never writes and throws `ledgerMissing` when there is no ledger.
    /// An unreadable ledger or one of a newer schema throws `ledgerUnreadable` and is left untouched.
    public static func open(_ location: String, mode: Mode) throws -> any LedgerBackend {
        if PostgresAddress.isAddress(location) { return try PostgresBackend.open(location, mode: mode) }
        return try JSONLedger.open(location, mode: mode)
    }
}
