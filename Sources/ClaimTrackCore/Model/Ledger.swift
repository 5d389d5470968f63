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

    public init(run: Int, time: String, status: ClaimStatus, from: ClaimStatus?) {
        self.run = run
        self.time = time
        self.status = status
        self.from = from
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
}
