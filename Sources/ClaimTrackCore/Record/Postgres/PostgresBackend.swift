import Foundation

/// `LedgerBackend` over the PostgreSQL ledger (Migrations/0001): reads go to the database when asked
/// (one article's rows at a time), changes are staged in memory and written together by `checkpoint`, in
/// one transaction. `report`, `show`, `review` and `ledger export` use it as they use the JSON ledger.
///
/// A run's batch (`PostgresRun`) uses it with a `scope`: the bundles the batch read, whose entries are all
/// `entries()` returns, so the recorder's search for moved files looks at the batch's candidates only, not
/// at every article of the ledger; `writeStaged` then runs inside the batch's own transaction.
public final class PostgresBackend: LedgerBackend {
    let store: PostgresLedger
    let owned: Bool
    public var location: String { store.address.description }
    public let notices: [String] = []

    private var staged: [String: ArticleBundle] = [:]
    private var stagedSources: [String: SourceRecord] = [:]
    private var touched: [String: Int] = [:]
    private var read: [String: ArticleBundle?] = [:]
    private var pendingFolder: String?
    private var finished: [RunRecord] = []
    /// Batch mode: the paths whose entries `entries()` gives.
    var scope: [String]?

    init(store: PostgresLedger, owned: Bool) {
        self.store = store
        self.owned = owned
    }

    /// `LedgerBackends.open` for a `postgresql://` location: `.read` needs a ledger there (exit 4 otherwise),
    /// `.write` sets up the schema when missing.
    static func open(_ location: String, mode: LedgerBackends.Mode) throws -> PostgresBackend {
        let address: PostgresAddress
        do { address = try PostgresAddress.parse(location) } catch { throw ClaimTrackError.usage("\(error)") }
        let store = try PostgresLedger.open(address, migrate: mode == .write)
        if mode == .read, try store.schemaVersion() == 0 { throw ClaimTrackError.ledgerMissing(file: address.description) }
        return PostgresBackend(store: store, owned: true)
    }

    var c: PGConnection { store.connection }

    /// ledger_meta as read once (a run's recorder asks for the tool version once per unchanged article);
    /// forgotten when this backend writes.
    private var metaValues: [String: String]?

    private func meta(_ key: String) -> String? {
        if metaValues == nil {
            metaValues = try? store.guarded(reading: true) {
                let r = try c.exec("SELECT key, value FROM ledger_meta")
                return Dictionary((0..<r.rows).map { (r.string($0, 0)!, r.string($0, 1)!) }, uniquingKeysWith: { a, _ in a })
            }
        }
        return metaValues?[key]
    }

    // MARK: The ledger as a whole

    public var folder: String? { pendingFolder ?? meta("folder") }
    public func setFolder(_ folder: String) { pendingFolder = folder }
    public var lastToolVersion: String? { meta("tool_version") }
    var idScheme: String? { meta("id_scheme") }

    public var runs: [RunRecord] {
        let r = try? store.guarded(reading: true) { try c.exec("SELECT doc FROM runs WHERE phase = 'closed' ORDER BY id") }
        return (0..<(r?.rows ?? 0)).compactMap { try? RowCodec.run(r!.bytes($0, 0)) } + finished
    }

    public func beginRun(started: String) throws -> Int {
        try store.guarded(reading: false) { try c.exec("SELECT coalesce(max(id), 0) + 1 FROM runs").int(0, 0) ?? 1 }
    }

    public func noteRunProgress(_ run: RunRecord) {}
    public func finishRun(_ run: RunRecord) { finished.append(run) }

    // MARK: Index

    public func entry(_ path: String) -> ArticleIndexEntry? {
        guard let b = try? bundle(path) else { return nil }
        return ArticleIndexEntry(b)
    }

    public func entries() -> [ArticleIndexEntry] {
        let paths: [String]
        if let scope {
            paths = scope + staged.keys.filter { !scope.contains($0) }
        } else {
            let r = try? store.guarded(reading: true) { try c.exec("SELECT path FROM articles") }
            paths = (0..<(r?.rows ?? 0)).map { r!.string($0, 0)! } + staged.keys
        }
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }.compactMap(entry)
    }

    /// The committed rows (article, retired) of claim ids read so far, live first: the recorder asks for a
    /// claim's holder two or three times per claim, so a batch reads them for all its claims in one query
    /// (`prefetch(claimIDs:)`) instead of one round trip each. Forgotten when this backend writes.
    private var holderRows: [String: [(path: String, retired: Bool)]] = [:]

    /// Reads the holders of `ids` in one query, and the bundles of the other articles holding them (the
    /// recorder reads those entries to decide which of two articles keeps a shared sentence's plain id).
    func prefetch(claimIDs ids: some Sequence<String>) throws {
        let wanted = Array(Set(ids).filter { holderRows[$0] == nil })
        guard !wanted.isEmpty else { return }
        var others = Set<String>()
        try store.guarded(reading: true) {
            let r = try c.exec("SELECT id, article, retired FROM claims WHERE id = ANY($1::text[]) ORDER BY id, retired",
                               [PGConnection.array(wanted)])
            for id in wanted { holderRows[id] = [] }
            for k in 0..<r.rows {
                let path = r.string(k, 1)!
                holderRows[r.string(k, 0)!, default: []].append((path, r.bool(k, 2) == true))
                if read[path] == nil, staged[path] == nil { others.insert(path) }
            }
        }
        try load(others.sorted())
    }

    private func committedHolders(_ id: String) -> [(path: String, retired: Bool)] {
        if let rows = holderRows[id] { return rows }
        let r = try? store.guarded(reading: true) { try c.exec("SELECT article, retired FROM claims WHERE id = $1 ORDER BY retired", [id]) }
        let rows = (0..<(r?.rows ?? 0)).map { (path: r!.string($0, 0)!, retired: r!.bool($0, 1) == true) }
        if r != nil { holderRows[id] = rows }
        return rows
    }

    public func holder(ofClaim id: String) -> ClaimHolder? {
        var best: ClaimHolder?
        for b in staged.values {
            if b.claims.contains(where: { $0.id == id }) { return ClaimHolder(path: b.path, retired: false) }
            if best == nil, b.retired.contains(where: { $0.id == id }) { best = ClaimHolder(path: b.path, retired: true) }
        }
        for (path, retired) in committedHolders(id) {
            guard staged[path] == nil else { continue }  // what this process staged for that path says it all
            if !retired { return ClaimHolder(path: path, retired: false) }
            if best == nil { best = ClaimHolder(path: path, retired: true) }
        }
        return best
    }

    public func claimIDs(withPrefix prefix: String) -> [String] {
        let r = try? store.guarded(reading: true) { try c.exec("SELECT DISTINCT id FROM claims WHERE starts_with(id, $1) ORDER BY id", [prefix]) }
        var ids = Set((0..<(r?.rows ?? 0)).map { r!.string($0, 0)! })
        for b in staged.values { for c in b.claims + b.retired where c.id.hasPrefix(prefix) { ids.insert(c.id) } }
        return ids.sorted()
    }

    public func touch(_ path: String, run: Int) { touched[path] = run }

    // MARK: Bundles

    public func bundle(_ path: String) throws -> ArticleBundle? {
        var b: ArticleBundle?
        if let s = staged[path] {
            b = s.isEmpty ? nil : s
        } else if let cached = read[path] {
            b = cached
        } else {
            b = try load([path])[path] ?? nil
            read[path] = b
        }
        if let run = touched[path], b?.article != nil { b!.article!.lastRun = run }
        return b
    }

    /// The committed bundles of `paths` (nil for a path without one), in two queries; kept as read.
    @discardableResult
    func load(_ paths: [String], lock: Bool = false) throws -> [String: ArticleBundle?] {
        guard !paths.isEmpty else { return [:] }
        return try store.guarded(reading: true) {
            let list = PGConnection.array(paths)
            var out: [String: ArticleBundle?] = [:]
            var bundles: [String: ArticleBundle] = [:]
            let a = try c.exec("SELECT path, doc, last_run FROM articles WHERE path = ANY($1::text[])\(lock ? " FOR UPDATE" : "")", [list])
            for r in 0..<a.rows {
                var article = try RowCodec.article(a.bytes(r, 1))
                if let run = a.int(r, 2) { article.lastRun = run }
                bundles[article.path] = ArticleBundle(path: article.path, article: article)
            }
            var live: [String: [ClaimRecord]] = [:]
            let claims = try c.exec("SELECT article, retired, doc FROM claims WHERE article = ANY($1::text[]) ORDER BY article, id", [list])
            for r in 0..<claims.rows {
                let path = claims.string(r, 0)!
                let claim = try RowCodec.claim(claims.bytes(r, 2))
                if bundles[path] == nil { bundles[path] = ArticleBundle(path: path) }
                if claims.bool(r, 1) == true { bundles[path]!.retired.append(claim) } else { live[path, default: []].append(claim) }
            }
            for (path, claims) in live {
                // Reading order, as the article lists them; a claim it does not list after, by id.
                let order = Dictionary((bundles[path]?.article?.claims ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                bundles[path]!.claims = claims.sorted { (order[$0.id] ?? Int.max, $0.id) < (order[$1.id] ?? Int.max, $1.id) }
            }
            for path in paths {
                let b = bundles[path].flatMap { $0.isEmpty && $0.claims.isEmpty ? nil : $0 }
                out[path] = .some(b)
                read[path] = .some(b)
            }
            return out
        }
    }

    public func stage(_ bundle: ArticleBundle) throws { staged[bundle.path] = bundle }

    public func forEachBundle(_ body: (ArticleBundle) throws -> Void) throws {
        let r = try store.guarded(reading: true) {
            try c.exec("SELECT path FROM articles UNION SELECT article FROM claims ORDER BY 1")
        }
        var paths = Set((0..<r.rows).map { r.string($0, 0)! })
        paths.formUnion(staged.keys)
        let sorted = paths.sorted()
        for start in stride(from: 0, to: sorted.count, by: 500) {
            let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
            let unread = chunk.filter { staged[$0] == nil }
            let loaded = try load(unread)
            for path in chunk {
                let b = staged[path] ?? loaded[path] ?? nil
                if let b, !b.isEmpty || !b.claims.isEmpty { try body(b) }
            }
            for path in unread { read[path] = nil }  // one chunk in memory at a time
        }
    }

    public func bundles(withRemovalBefore time: String) -> [String] {
        let r = try? store.guarded(reading: true) {
            try c.exec("SELECT DISTINCT article FROM claims WHERE retired AND removed_at < $1 ORDER BY 1", [time])
        }
        return (0..<(r?.rows ?? 0)).map { r!.string($0, 0)! }
    }

    // MARK: Sources

    public func sources(_ urls: [String]) throws -> [String: SourceRecord] {
        var out: [String: SourceRecord] = [:]
        let wanted = Array(Set(urls)).filter { stagedSources[$0] == nil }
        if !wanted.isEmpty {
            try store.guarded(reading: true) {
                let s = try c.exec("SELECT doc FROM sources WHERE url = ANY($1::text[])", [PGConnection.array(wanted)])
                for r in 0..<s.rows { let record = try RowCodec.source(s.bytes(r, 0)); out[record.url] = record }
            }
        }
        for url in urls { if let s = stagedSources[url] { out[url] = s } }
        return out
    }

    public func stage(source: SourceRecord) throws { stagedSources[source.url] = source }

    public func forEachSource(_ body: (SourceRecord) throws -> Void) throws {
        let r = try store.guarded(reading: true) { try c.exec("SELECT url FROM sources ORDER BY url") }
        var urls = Set((0..<r.rows).map { r.string($0, 0)! })
        urls.formUnion(stagedSources.keys)
        let sorted = urls.sorted()
        for start in stride(from: 0, to: sorted.count, by: 1000) {
            let chunk = Array(sorted[start..<min(start + 1000, sorted.count)])
            let found = try sources(chunk)
            for url in chunk { if let s = found[url] { try body(s) } }
        }
    }

    // MARK: Work and commits

    public func reserve(_ path: String) throws -> Bool { true }

    public func checkpoint() throws {
        try store.guarded(reading: false) { try c.transaction { try writeStaged() } }
        read = [:]
    }

    public func checkpointDue() -> Bool { false }

    public func close() {
        staged = [:]
        stagedSources = [:]
        if owned { store.connection.close() }
    }

    /// A new claim row's id is already another's (a worker committed it meanwhile): record the batch again.
    struct IDTaken: Error {}

    /// Writes every staged bundle, touch, source, run record and the folder, in the caller's transaction.
    func writeStaged() throws {
        let paths = Array(staged.keys)
        if !paths.isEmpty {
            let list = PGConnection.array(paths)
            try c.exec("DELETE FROM claims WHERE article = ANY($1::text[])", [list])
            var claimRows: [[String?]] = []
            var articleRows: [[String?]] = []
            var gone: [String] = []
            for b in staged.values {
                for claim in b.claims { claimRows.append(RowCodec.claimRow(claim, retired: false) + [nil]) }
                for claim in b.retired {
                    let removed = claim.history.last.flatMap { $0.event == .removed ? $0.time : nil }
                    claimRows.append(RowCodec.claimRow(claim, retired: true) + [removed])
                }
                if let a = b.article { articleRows.append(RowCodec.articleRow(a) + [String(a.lastRun)]) } else { gone.append(b.path) }
            }
            if !gone.isEmpty { try c.exec("DELETE FROM articles WHERE path = ANY($1::text[])", [PGConnection.array(gone)]) }
            if !articleRows.isEmpty {
                try c.exec("""
                    INSERT INTO articles (path, id, hash, fingerprint, url, doc, last_run)
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[])
                    ON CONFLICT (path) DO UPDATE SET id = EXCLUDED.id, hash = EXCLUDED.hash, fingerprint = EXCLUDED.fingerprint,
                                                     url = EXCLUDED.url, doc = EXCLUDED.doc, last_run = EXCLUDED.last_run
                    """, (0..<7).map { k in PGConnection.nullableArray(articleRows.map { $0[k] }) })
            }
            if !claimRows.isEmpty {
                let r = try c.exec("""
                    INSERT INTO claims (id, retired, article, status, doc, removed_at)
                    SELECT * FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING
                    """, (0..<6).map { k in PGConnection.nullableArray(claimRows.map { $0[k] }) })
                if r.affected != claimRows.count { throw IDTaken() }
            }
        }
        let touches = touched.filter { staged[$0.key] == nil }
        if !touches.isEmpty {
            try c.exec("UPDATE articles SET last_run = u.run FROM unnest($1::text[], $2::integer[]) AS u (path, run) WHERE articles.path = u.path",
                       [PGConnection.array(touches.keys), PGConnection.array(touches.keys.map { String(touches[$0]!) })])
        }
        if !stagedSources.isEmpty {
            let urls = stagedSources.keys.sorted()
            try c.exec("""
                INSERT INTO sources (url, doc) SELECT * FROM unnest($1::text[], $2::text[])
                ON CONFLICT (url) DO UPDATE SET doc = EXCLUDED.doc
                """, [PGConnection.array(urls), PGConnection.array(urls.map { RowCodec.text(stagedSources[$0]!) })])
        }
        for run in finished {
            try c.exec("INSERT INTO runs (id, folder, started, offline, phase, doc) VALUES ($1, $2, $3, $4, 'closed', $5) ON CONFLICT (id) DO NOTHING",
                       [String(run.id), run.folder, run.started, run.offline ? "t" : "f", RowCodec.text(run)])
        }
        if let folder = pendingFolder {
            try c.exec("INSERT INTO ledger_meta (key, value) VALUES ('folder', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [folder])
        }
        staged = [:]
        stagedSources = [:]
        touched = [:]
        finished = []
        pendingFolder = nil
        holderRows = [:]
        metaValues = nil
    }

    /// Forgets what was staged and read (a batch that must be recorded again).
    func reset() {
        staged = [:]
        stagedSources = [:]
        touched = [:]
        read = [:]
        finished = []
        pendingFolder = nil
        holderRows = [:]
        metaValues = nil
    }
}
