/// The ledger (schema claimtrack.ledger/1): what record writes and report reads.
/// Stored types stay simple; keys may be added, never renamed.
public struct Ledger: Sendable {
    public static let schemaName = "claimtrack.ledger/1"

    public var schema: String = Ledger.schemaName
    public var toolVersion: String = ConfigDefaults.toolVersion
    /// The folder of the last run (absolute); article paths are relative to it.
    public var folder: String?
    /// Keyed by the article's path relative to the folder.
    public var articles: [String: ArticleRecord] = [:]
    /// Keyed by claim id.
    public var claims: [String: ClaimRecord] = [:]
    /// Fetched sources keyed by URL (written by the fetch stage).
    public var sources: [String: SourceRecord] = [:]
    public var runs: [RunRecord] = []
    /// The id scheme of the claim and article ids (`ClaimID.scheme`); nil in a ledger with the older,
    /// path-based ids, which `LedgerMigration` rewrites on read.
    public var idScheme: String? = ClaimID.scheme
    /// Claims an edit or a removed article took away, keyed by id, with their history (its last entry
    /// says `removed`): an edit that is reverted gets its history back, and `report --since` can list
    /// what was removed. Dropped `LedgerMigration.retiredKeptFor` after their removal.
    public var retired: [String: ClaimRecord] = [:]
    /// Set when the ledger was read with older ids and rewritten in memory (not stored): the first
    /// write keeps the file as it was beside it.
    public var migratedFrom: String? = nil

    public init() {}
}

public struct ArticleRecord: Sendable, Equatable {
    public var id: String
    public var path: String
    public var hash: String
    public var pipelineVersion: String
    public var title: String?
    public var author: String?
    public var published: String?
    public var url: String?
    /// Claim ids in reading order.
    public var claims: [String]
    public var lastRun: Int
    /// The detected language ("en", "de", "und"); nil in a ledger written before languages were detected.
    public var language: String? = nil
    /// What a reader should know about the article as a whole (`ArticleNote`); empty in older ledgers.
    public var notes: [ArticleNote] = []
    /// `ClaimID.fingerprint` of the article's text; nil in a ledger written before it was kept.
    public var fingerprint: String? = nil
}

public struct ClaimRecord: Sendable, Equatable {
    public var id: String
    public var article: String
    public var text: String
    public var start: Int
    public var end: Int
    public var hedges: [String]
    public var attributions: [AttributionRecord]
    public var status: ClaimStatus
    public var reason: String
    public var evidence: [EvidenceRecord]
    public var history: [StatusChange]
    /// When the claim's sources were last checked against fetched pages (ISO 8601), nil before.
    public var lastChecked: String?
    /// A person's verdict (`claimtrack review`), kept across runs; nil when no one reviewed the claim.
    public var review: Review? = nil
}

/// A human verdict on a claim, beside the machine's: what, why, when and by whom, and the machine's
/// status when it was given, so a report can say when the machine's verdict changed under it.
public struct Review: Sendable, Equatable {
    public var verdict: ClaimStatus
    public var note: String
    public var at: String
    public var by: String
    public var machineStatus: ClaimStatus

    public init(verdict: ClaimStatus, note: String, at: String, by: String, machineStatus: ClaimStatus) {
        self.verdict = verdict
        self.note = note
        self.at = at
        self.by = by
        self.machineStatus = machineStatus
    }

    /// Whether the machine's status is no longer the one the reviewer saw.
    public func machineChanged(_ status: ClaimStatus) -> Bool { status != machineStatus }

    /// One line for reports: "review: supported by ana at 2026-12-01T… — note (the machine now says partial, was unsupported)".
    public func line(machine status: ClaimStatus) -> String {
        var text = "review: \(verdict.rawValue) by \(by) at \(at)"
        if !note.isEmpty { text += " — \(note)" }
        if machineChanged(status) { text += " (the machine now says \(status.rawValue), was \(machineStatus.rawValue) when reviewed)" }
        return text
    }
}

public struct AttributionRecord: Sendable, Equatable {
    public var source: String
    public var kind: AttributionKind
    public var cue: String
    public var resolved: String?
    public var resolvedBy: ResolvedBy? = nil
    public var outlet: Outlet?
    public var urls: [String]
    /// How each URL was found ("sentence link", "paragraph link" …), parallel to `urls`.
    public var origins: [String]
}

public struct EvidenceRecord: Sendable, Equatable {
    public var url: String
    public var finalUrl: String?
    public var httpStatus: Int?
    public var fetch: FetchOutcome
    public var verdict: Verdict?
    public var score: Double?
    public var passage: String?
    public var matched: [String]
    public var missing: [String]
    public var conflicts: [String]
    /// The archive snapshot that stood in for a dead link, and its time.
    public var archiveUrl: String?
    public var archiveTime: String?
    /// The page's host asked to wait until this time (a Retry-After longer than a run waits).
    public var waitUntil: String?
    /// The parts of a compound claim, each with its verdict against this page (empty for a simple claim).
    public var subclaims: [SubclaimRecord] = []
}

/// One statement of a compound claim judged against one page.
public struct SubclaimRecord: Sendable, Equatable {
    public var text: String
    public var verdict: Verdict
    public var score: Double
    public var passage: String

    public init(text: String, verdict: Verdict, score: Double, passage: String) {
        self.text = text
        self.verdict = verdict
        self.score = score
        self.passage = passage
    }
}

public struct StatusChange: Sendable, Equatable {
    public var run: Int
    public var time: String
    public var status: ClaimStatus
    public var from: ClaimStatus?
    /// nil for a status change; `removed` when an edit or the article's removal took the claim away
    /// (its status is the last one it had), `restored` when it came back (from is then nil).
    public var event: Event? = nil

    public enum Event: String, Sendable { case removed, restored }

    public init(run: Int, time: String, status: ClaimStatus, from: ClaimStatus?, event: Event? = nil) {
        self.run = run
        self.time = time
        self.status = status
        self.from = from
        self.event = event
    }
}

public struct SourceRecord: Sendable, Equatable {
    public var url: String
    public var finalUrl: String?
    public var httpStatus: Int?
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var contentHash: String?
    public var fetchedAt: String?
    public var fetch: FetchOutcome?
    public var error: String?
    public var firstFailure: String?
    public var failures: Int?
    /// The closest archive snapshot of a dead link, its time, and its page's content hash.
    public var archiveUrl: String?
    public var archiveTime: String?
    public var archiveContentHash: String?
    /// Until when the host asked us to wait (Retry-After beyond what a run waits), from the last fetch.
    public var waitUntil: String?
}

public struct RunRecord: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var articles = 0
        public var unchanged = 0
        public var failed = 0
        public var removed = 0
        public var claims = 0
        public var newClaims = 0
        public var changed = 0
        public var pagesFetched = 0
        public var pagesNotModified = 0
        public var pagesFailed = 0
        public var byStatus: [String: Int] = [:]
        /// Claims the run took away (edited out, or their article removed); see `Digest`.
        public var removedClaims = 0
        public var moved = 0
    }

    /// An article the run no longer found, or found under another path.
    public struct ArticleChange: Sendable, Equatable {
        public var id: String
        public var path: String
        public var title: String?
        /// The new path of a moved or renamed article; nil when it was removed.
        public var movedTo: String?
        public init(id: String, path: String, title: String?, movedTo: String? = nil) {
            self.id = id; self.path = path; self.title = title; self.movedTo = movedTo
        }
    }

    public var id: Int
    public var started: String
    public var finished: String
    public var folder: String
    public var offline: Bool
    public var counts: Counts
    public var errors: [Diagnostic]
    public var configHash: String
    public var toolVersion: String
    /// Articles removed or moved by this run (empty in older ledgers).
    public var articleChanges: [ArticleChange] = []
}
