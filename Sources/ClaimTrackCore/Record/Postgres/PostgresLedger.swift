import Foundation

/// The ledger in PostgreSQL (`ledger: postgresql://…`): the same records as the JSON ledger, one row
/// each, its document the JSON the JSON ledger keeps for it (`LedgerCodec`), so both stores hold the
/// same thing and `ledger export` / `ledger import` move it losslessly. Schema: Migrations/*.sql.
public final class PostgresLedger {
    public let address: PostgresAddress
    public private(set) var connection: PGConnection
    /// How long a lost connection is tried again before the command gives up (the server restarting).
    public var reconnectFor: TimeInterval = 60

    /// Connects (a refused or unknown host is exit 4, naming the host) and checks the schema: a newer one
    /// than this build knows is refused (exit 2); with `migrate`, missing migrations are applied.
    public static func open(_ address: PostgresAddress, migrate: Bool) throws -> PostgresLedger {
        let store = PostgresLedger(address: address, connection: try connect(address))
        try store.checkSchema(migrate: migrate)
        return store
    }

    init(address: PostgresAddress, connection: PGConnection) {
        self.address = address
        self.connection = connection
    }

    static func connect(_ address: PostgresAddress) throws -> PGConnection {
        do { return try PGConnection(address) } catch let error as PGError {
            throw ClaimTrackError.databaseUnavailable(address: address.description, host: "\(address.host):\(address.port)", reason: error.message)
        }
    }

    // MARK: Schema

    /// The newest schema version this build carries.
    public static var knownVersion: Int { EmbeddedSQL.migrations.map(\.version).max() ?? 0 }

    /// The database's schema version; 0 for a database claimtrack has not set up yet.
    public func schemaVersion() throws -> Int {
        try guarded(reading: true) {
            let exists = try connection.exec("SELECT to_regclass('claimtrack_schema') IS NOT NULL").bool(0, 0) ?? false
            guard exists else { return 0 }
            return try connection.exec("SELECT coalesce(max(version), 0) FROM claimtrack_schema").int(0, 0) ?? 0
        }
    }

    func checkSchema(migrate: Bool) throws {
        let version = try schemaVersion()
        if version > Self.knownVersion {
            throw ClaimTrackError.databaseTooNew(address: address.description, version: version, known: Self.knownVersion)
        }
        if version < Self.knownVersion && migrate { _ = try self.migrate() }
    }

    /// Applies every migration the database lacks, each in its own transaction, under an advisory lock
    /// so two workers starting together do not both apply one. Returns the names applied.
    @discardableResult
    public func migrate() throws -> [String] {
        try guarded(reading: false) {
            try connection.exec("SELECT pg_advisory_lock(\(Self.migrationLock))")
            defer { _ = try? connection.exec("SELECT pg_advisory_unlock(\(Self.migrationLock))") }
            try connection.exec("""
                CREATE TABLE IF NOT EXISTS claimtrack_schema (version integer PRIMARY KEY, name text NOT NULL,
                                                              applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let current = try connection.exec("SELECT coalesce(max(version), 0) FROM claimtrack_schema").int(0, 0) ?? 0
            if current > Self.knownVersion {
                throw ClaimTrackError.databaseTooNew(address: address.description, version: current, known: Self.knownVersion)
            }
            var applied: [String] = []
            for m in EmbeddedSQL.migrations.sorted(by: { $0.version < $1.version }) where m.version > current {
                try connection.transaction {
                    try connection.exec(m.sql)
                    try connection.exec("INSERT INTO claimtrack_schema (version, name) VALUES ($1, $2)", [String(m.version), m.name])
                }
                applied.append(m.name)
            }
            return applied
        }
    }

    static let migrationLock = 0x636c_6169_6d01  // "claim" + 1: one constant for every claimtrack

    // MARK: Import (report, show and export read through `PostgresBackend`)

    /// Whether the database holds no ledger yet (no article, claim, source or run).
    public func isEmpty() throws -> Bool {
        try guarded(reading: true) {
            try connection.exec("""
                SELECT NOT (EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM claims)
                         OR EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM runs))
                """).bool(0, 0) ?? false
        }
    }

    /// Writes every record of an export document into an empty database in one transaction (`ledger import`).
    public func importDocument(_ d: LedgerExport.Document) throws {
        try guarded(reading: false) {
            try connection.transaction {
                try connection.exec("LOCK TABLE articles, claims, sources, runs, ledger_meta IN EXCLUSIVE MODE")
                var meta: [[String?]] = [["tool_version", d.toolVersion]]
                if let folder = d.folder { meta.append(["folder", folder]) }
                if let scheme = d.idScheme { meta.append(["id_scheme", scheme]) }
                try connection.copy(into: "ledger_meta", columns: ["key", "value"], rows: meta)
                try connection.copy(into: "runs", columns: ["id", "folder", "started", "offline", "phase", "doc"], rows: d.runs.map {
                    [String($0.id), $0.folder, $0.started, $0.offline ? "t" : "f", "closed", RowCodec.text($0)]
                })
                try connection.copy(into: "articles", columns: RowCodec.articleColumns, rows: d.bundles.compactMap { $0.article.map(RowCodec.articleRow) })
                var claimRows: [[String?]] = []
                for b in d.bundles {
                    for c in b.claims { claimRows.append(RowCodec.claimRowWithRemoval(c, retired: false)) }
                    for c in b.retired { claimRows.append(RowCodec.claimRowWithRemoval(c, retired: true)) }
                }
                try connection.copy(into: "claims", columns: RowCodec.claimColumns, rows: claimRows)
                try connection.copy(into: "sources", columns: ["url", "doc"], rows: d.sources.map { [$0.url, RowCodec.text($0)] })
            }
        }
    }

    // MARK: Errors and reconnection

    /// Runs `body`; a lost connection is opened again with growing pauses (0.2 s doubling to 5 s) for up to
    /// `reconnectFor` seconds and `body` runs again, so `body` must be one transaction or idempotent.
    /// Other failures become the ledger's errors: exit 4 when reading, 5 when writing.
    @discardableResult
    public func guarded<T>(reading: Bool, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(reconnectFor)
        var pause = 0.2
        while true {
            do { return try body() } catch let error as PGError {
                if error.isRetryable, Date() < deadline {
                    Thread.sleep(forTimeInterval: pause)
                    pause = min(pause * 2, 5)
                    if error.connectionLost || !connection.isOpen {
                        connection.close()
                        if let fresh = try? PGConnection(address) { connection = fresh }
                    }
                    continue
                }
                if error.connectionLost {
                    throw ClaimTrackError.databaseUnavailable(address: address.description, host: "\(address.host):\(address.port)", reason: error.message)
                }
                throw reading ? ClaimTrackError.ledgerUnreadable(file: address.description, reason: error.message)
                    : ClaimTrackError.ledgerWriteFailed(file: address.description, reason: error.message)
            }
        }
    }
}

/// One record ↔ its row's document: the JSON the JSON ledger writes for it.
enum RowCodec {
    static func text(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter(capacity: 1024)
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func text(_ a: ArticleRecord) -> String { text { LedgerCodec.article(a, &$0) } }
    static func text(_ c: ClaimRecord) -> String { text { LedgerCodec.claim(c, &$0) } }
    static func text(_ s: SourceRecord) -> String { text { LedgerCodec.source(s, &$0) } }
    static func text(_ r: RunRecord) -> String { text { LedgerCodec.run(r, &$0) } }

    static func article(_ bytes: [UInt8]) throws -> ArticleRecord { try LedgerCodec.article(JSONReader(bytes)) }
    static func claim(_ bytes: [UInt8]) throws -> ClaimRecord { try LedgerCodec.claim(JSONReader(bytes)) }
    static func source(_ bytes: [UInt8]) throws -> SourceRecord { try LedgerCodec.source(JSONReader(bytes)) }
    static func run(_ bytes: [UInt8]) throws -> RunRecord { try LedgerCodec.run(JSONReader(bytes)) }

    static let articleColumns = ["path", "id", "hash", "fingerprint", "url", "doc"]
    static func articleRow(_ a: ArticleRecord) -> [String?] {
        [a.path, a.id, a.hash, a.fingerprint, a.url.flatMap(ClaimID.canonicalURL), text(a)]
    }

    static let claimColumns = ["id", "retired", "article", "status", "doc", "removed_at"]
    static func claimRow(_ c: ClaimRecord, retired: Bool) -> [String?] { [c.id, retired ? "t" : "f", c.article, c.status.rawValue, text(c)] }
    static func claimRowWithRemoval(_ c: ClaimRecord, retired: Bool) -> [String?] {
        claimRow(c, retired: retired) + [retired ? c.history.last.flatMap { $0.event == .removed ? $0.time : nil } : nil]
    }
}
