import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The JSON ledger, schema claimtrack.ledger/2 (README "Ledger"): the file the user names is a small
/// manifest; beside it, `NAME.d/` holds one file per article (its `ArticleBundle`), the index in
/// 64 shards, fetched sources in 64 buckets and the run records. Files are never changed in place:
/// a changed bundle or shard is written under a new name (its generation), and a checkpoint makes
/// them current by renaming a new manifest over the old one, after one flush of the file system.
/// A kill before that rename leaves the previous generation whole; files of a killed run are
/// removed by the next writer, superseded ones after the commit that replaced them.
///
/// Layout of NAME.d: `a/XY/<sha of path>.gN.json` (bundles), `index/S.gN.json`,
/// `sources/S.gN.json`, `runs.gN.json`, where N is the generation that wrote the file.
public final class JSONLedger: LedgerBackend {
    public static let schemaName = "claimtrack.ledger/2"
    static let shards = 64

    public let location: String
    public private(set) var notices: [String] = []
    let dataFolder: String
    let mode: LedgerBackends.Mode
    private var lock: LedgerLock?

    public private(set) var folder: String?
    public private(set) var lastToolVersion: String?
    var idScheme: String? = ClaimID.scheme
    public private(set) var runs: [RunRecord] = []
    private var partialRun: RunRecord?
    private var runsFile: String?
    private var runsDirty = false

    /// The generation the next checkpoint commits; the manifest holds the last committed one.
    private var generation = 1

    /// One bundle as the index knows it; `live` is false for a bundle of retired claims only.
    struct Slot {
        var entry: ArticleIndexEntry
        var live: Bool
        var file: String
        /// `JSONLedger.shard(of: entry.path)`, worked out once.
        var shard: Int = -1
    }
    private var slots: [String: Slot] = [:]
    /// Which bundle holds each claim id, built on the first question (`holder`, `claimIDs`): a rerun of
    /// unchanged articles or a report never asks, and at 100,000 articles the maps hold two million ids.
    private var liveHolder: [String: String] = [:]
    private var retiredHolder: [String: String] = [:]
    private var holdersBuilt = false

    private func buildHolders() {
        guard !holdersBuilt else { return }
        holdersBuilt = true
        for path in slots.keys.sorted() { noteHolders(slots[path]!) }
    }
    private var indexFiles = [String?](repeating: nil, count: JSONLedger.shards)
    private var dirtyIndex = Set<Int>()

    private var sourceFiles = [String?](repeating: nil, count: JSONLedger.shards)
    private var sourceBuckets: [Int: [String: SourceRecord]] = [:]
    private var dirtySources = Set<Int>()

    /// Bundles of a claimtrack.ledger/1 file opened for reading: held in memory, never written.
    private var memoryBundles: [String: ArticleBundle]?

    /// Files the last commit replaced (deleted at the next commit or at `close`), and those this
    /// generation wrote (flushed before the manifest names them).
    private var superseded: [String] = []
    private var retiredByLastCommit: [String] = []
    private var written: [String] = []
    /// Files written since the last commit that are already flushed (kept for `dropUncommitted`).
    private var uncommitted: [String] = []
    private var manifestDirty = false
    private var lastCheckpoint = Date()
    private var lastCommitCost: TimeInterval = 0

    init(location: String, mode: LedgerBackends.Mode) {
        self.location = location
        self.mode = mode
        self.dataFolder = location + ".d"
    }

    // MARK: Opening

    static func open(_ path: String, mode: LedgerBackends.Mode) throws -> JSONLedger {
        let ledger = JSONLedger(location: path, mode: mode)
        if mode == .write { ledger.lock = try LedgerLock.acquire(for: path) }
        do {
            try ledger.load()
        } catch {
            ledger.close()
            throw error
        }
        return ledger
    }

    private func load() throws {
        if mode == .write { LedgerStore.removeStaleTemporaries(of: location) }
        guard FileManager.default.fileExists(atPath: location) else {
            if mode == .read { throw ClaimTrackError.ledgerMissing(file: location) }
            removeLeftovers()
            manifestDirty = true
            return
        }
        let bytes: [UInt8]
        do { bytes = try LedgerStore.readAll(location) } catch {
            throw ClaimTrackError.ledgerUnreadable(file: location, reason: "\(error)")
        }
        let schema: String
        do { schema = try Self.schema(of: bytes) } catch {
            throw ClaimTrackError.ledgerUnreadable(file: location, reason: "not a valid ledger: \(error)")
        }
        switch schema {
        case Self.schemaName:
            do { try readManifest(bytes) } catch let e as ClaimTrackError { throw e } catch {
                throw ClaimTrackError.ledgerUnreadable(file: location, reason: "not a valid ledger: \(error)")
            }
            if mode == .write { removeLeftovers() }
        case Ledger.schemaName:
            var old: Ledger
            do { old = try LedgerCodec.decode(bytes) } catch {
                throw ClaimTrackError.ledgerUnreadable(file: location, reason: "not a valid ledger: \(error)")
            }
            LedgerMigration.migrateIDs(&old)
            if mode == .read {
                try adopt(old, inMemory: true)
            } else {
                try migrate(old, bytes: bytes)
            }
        default:
            throw ClaimTrackError.ledgerUnreadable(file: location, reason: "schema \(schema), expected \(Self.schemaName)")
        }
    }

    /// The `schema` of a ledger document, read without decoding the rest.
    static func schema(of bytes: [UInt8]) throws -> String {
        let r = JSONReader(bytes)
        var schema: String?
        try r.object { key in
            if key == "schema" { schema = try r.string() } else { try r.skip() }
        }
        guard let schema else { throw r.fail("no schema key") }
        return schema
    }

    private func readManifest(_ bytes: [UInt8]) throws {
        let r = JSONReader(bytes)
        idScheme = nil
        var committed = 0
        try r.object { key in
            switch key {
            case "tool_version": lastToolVersion = try r.string()
            case "folder": folder = try r.optionalString()
            case "id_scheme": idScheme = try r.optionalString()
            case "generation": committed = try r.int()
            case "index": var k = 0; try r.array { let f = try r.optionalString(); if k < Self.shards { indexFiles[k] = f }; k += 1 }
            case "sources": var k = 0; try r.array { let f = try r.optionalString(); if k < Self.shards { sourceFiles[k] = f }; k += 1 }
            case "runs": runsFile = try r.optionalString()
            case "partial_run": partialRun = try LedgerCodec.run(r)
            default: try r.skip()
            }
        }
        generation = committed + 1
        if let runsFile {
            let rr = JSONReader(try readData(runsFile))
            try rr.object { key in if key == "runs" { try rr.array { runs.append(try LedgerCodec.run(rr)) } } else { try rr.skip() } }
        }
        // A run killed after a checkpoint: its record as of that checkpoint joins the others.
        if let partial = partialRun, !runs.contains(where: { $0.id == partial.id }) {
            runs.append(partial)
            partialRun = nil
            runsDirty = true
            manifestDirty = true
        }
        for shard in 0..<Self.shards {
            guard let file = indexFiles[shard] else { continue }
            let ir = JSONReader(try readData(file))
            try ir.object { key in
                guard key == "articles" else { try ir.skip(); return }
                try ir.array {
                    var slot = try Self.readSlot(ir)
                    slot.shard = shard
                    slots[slot.entry.path] = slot
                    noteHolders(slot)
                }
            }
        }
    }

    private func noteHolders(_ slot: Slot) {
        guard holdersBuilt else { return }
        let path = slot.entry.path
        if slot.live { for id in slot.entry.claims { liveHolder[id] = path } }
        for id in slot.entry.retired { retiredHolder[id] = path }
    }

    private func forgetHolders(_ slot: Slot) {
        guard holdersBuilt else { return }
        let path = slot.entry.path
        for id in slot.entry.claims where liveHolder[id] == path { liveHolder[id] = nil }
        for id in slot.entry.retired where retiredHolder[id] == path { retiredHolder[id] = nil }
    }

    /// Takes in a whole ledger (a claimtrack.ledger/1 file, or `LedgerStore.save`): in memory for a
    /// reader, staged as bundles for a writer.
    func adopt(_ l: Ledger, inMemory: Bool) throws {
        folder = l.folder
        lastToolVersion = l.toolVersion
        idScheme = l.idScheme
        runs = l.runs
        var bundles: [String: ArticleBundle] = [:]
        for (path, a) in l.articles {
            bundles[path] = ArticleBundle(path: path, article: a, claims: a.claims.compactMap { l.claims[$0] })
        }
        for c in l.retired.values.sorted(by: { $0.id < $1.id }) where l.claims[c.id] == nil {
            bundles[c.article, default: ArticleBundle(path: c.article)].retired.append(c)
        }
        if inMemory {
            memoryBundles = bundles
            for b in bundles.values {
                let slot = Self.slot(for: b, file: "")
                slots[b.path] = slot
                noteHolders(slot)
            }
            for s in l.sources.values { sourceBuckets[Self.shard(of: s.url), default: [:]][s.url] = s }
            for k in 0..<Self.shards where sourceBuckets[k] == nil { sourceBuckets[k] = [:] }
        } else {
            for path in bundles.keys.sorted() { try stageOrThrow(bundles[path]!) }
            for k in 0..<Self.shards { sourceBuckets[k] = [:] }
            for s in l.sources.values { sourceBuckets[Self.shard(of: s.url)]![s.url] = s; dirtySources.insert(Self.shard(of: s.url)) }
            runsDirty = true
            manifestDirty = true
        }
    }

    /// Replaces every record with those of `l` (staged; `checkpoint` commits).
    func replaceAll(with l: Ledger) throws {
        for path in Array(slots.keys) where l.articles[path] == nil { try stageOrThrow(ArticleBundle(path: path)) }
        for k in 0..<Self.shards { if sourceFiles[k] != nil || sourceBuckets[k]?.isEmpty == false { dirtySources.insert(k) } }
        try adopt(l, inMemory: false)
    }

    /// The first run on a claimtrack.ledger/1 file: the file is kept beside as it was, and the ledger
    /// is written as /2 in one commit.
    private func migrate(_ old: Ledger, bytes: [UInt8]) throws {
        removeLeftovers()
        let backup = old.migratedFrom.map { LedgerMigration.backupPath(of: location, from: $0) } ?? location + ".before-ledger-2"
        if !FileManager.default.fileExists(atPath: backup) {
            do { try AtomicFile.write(Data(bytes), to: backup) } catch {
                throw ClaimTrackError.ledgerWriteFailed(file: backup, reason: "cannot keep the claimtrack.ledger/1 file before migrating it: \(error)")
            }
        }
        try adopt(old, inMemory: false)
        try checkpoint()
        notices.append("\(location): migrated from \(Ledger.schemaName) to \(Self.schemaName); the old file is kept as \(backup)")
    }

    // MARK: Whole ledger

    public func setFolder(_ folder: String) {
        if self.folder != folder { self.folder = folder; manifestDirty = true }
    }

    public func beginRun(started: String) throws -> Int {
        let id = max(runs.last?.id ?? 0, partialRun?.id ?? 0) + 1
        partialRun = RunRecord(id: id, started: started, finished: started, folder: folder ?? "", offline: true, counts: .init(),
                               errors: [Diagnostic(.warning, file: location, Message.runInterrupted)], configHash: "",
                               toolVersion: ConfigDefaults.toolVersion)
        manifestDirty = true
        return id
    }

    public func noteRunProgress(_ run: RunRecord) {
        var r = run
        r.errors.append(Diagnostic(.warning, file: location, Message.runInterrupted))
        partialRun = r
        manifestDirty = true
    }

    public func finishRun(_ run: RunRecord) {
        partialRun = nil
        runs.append(run)
        runsDirty = true
        manifestDirty = true
        lastToolVersion = run.toolVersion
    }

    // MARK: Index

    public func entry(_ path: String) -> ArticleIndexEntry? {
        guard let s = slots[path], s.live else { return nil }
        return s.entry
    }

    public func entries() -> [ArticleIndexEntry] { slots.values.filter(\.live).map(\.entry) }

    public func holder(ofClaim id: String) -> ClaimHolder? {
        buildHolders()
        if let p = liveHolder[id] { return ClaimHolder(path: p, retired: false) }
        if let p = retiredHolder[id] { return ClaimHolder(path: p, retired: true) }
        return nil
    }

    public func claimIDs(withPrefix prefix: String) -> [String] {
        buildHolders()
        return Set(liveHolder.keys.filter { $0.hasPrefix(prefix) } + retiredHolder.keys.filter { $0.hasPrefix(prefix) }).sorted()
    }

    public func bundles(withRemovalBefore time: String) -> [String] {
        slots.values.compactMap { s in s.entry.oldestRemoval.map { $0 < time } == true ? s.entry.path : nil }.sorted()
    }

    public func touch(_ path: String, run: Int) {
        guard var s = slots[path], s.entry.lastRun != run else { return }
        s.entry.lastRun = run
        slots[path] = s
        dirtyIndex.insert(s.shard)
    }

    // MARK: Bundles

    public func bundle(_ path: String) throws -> ArticleBundle? {
        guard let slot = slots[path] else { return nil }
        if let memoryBundles { return memoryBundles[path] }
        let bytes = try readData(slot.file)
        var b: ArticleBundle
        do { b = try Self.decodeBundle(bytes) } catch {
            throw ClaimTrackError.ledgerUnreadable(file: dataFolder + "/" + slot.file, reason: "not a valid article bundle: \(error)")
        }
        b.path = path
        if slot.live { b.article?.lastRun = slot.entry.lastRun }
        return b
    }

    public func stage(_ bundle: ArticleBundle) throws { try stageOrThrow(bundle) }

    private func stageOrThrow(_ bundle: ArticleBundle) throws {
        precondition(mode == .write && memoryBundles == nil, "a ledger opened for reading is not written")
        let path = bundle.path
        if let old = slots[path] {
            forgetHolders(old)
            if !old.file.hasSuffix(".g\(generation).json") { superseded.append(old.file) }
            slots[path] = nil
        }
        let hex = SHA256.hex(path)
        let shard = Int(hex.prefix(2), radix: 16)! % Self.shards
        dirtyIndex.insert(shard)
        guard !bundle.isEmpty else { return }
        let file = "a/\(hex.prefix(2))/\(hex.prefix(24)).g\(generation).json"
        var w = JSONWriter(capacity: 8192)
        Self.encodeBundle(bundle, &w)
        try writeFile(file, w.bytes)
        let slot = Self.slot(for: bundle, file: file, shard: shard)
        slots[path] = slot
        noteHolders(slot)
    }

    static func slot(for b: ArticleBundle, file: String, shard: Int? = nil) -> Slot {
        let shard = shard ?? Self.shard(of: b.path)
        if let entry = ArticleIndexEntry(b) { return Slot(entry: entry, live: true, file: file, shard: shard) }
        return Slot(entry: ArticleIndexEntry(path: b.path, id: "", hash: "", pipelineVersion: "", retired: b.retired.map(\.id),
                                             oldestRemoval: ArticleBundle.oldestRemoval(b.retired)),
                    live: false, file: file, shard: shard)
    }

    public func forEachBundle(_ body: (ArticleBundle) throws -> Void) throws {
        for path in slots.keys.sorted() {
            if let b = try bundle(path) { try body(b) }
        }
    }

    /// Paths of every bundle, live or retired-only (for pruning and the whole-ledger view).
    func allPaths() -> [String] { Array(slots.keys) }
    func slotEntry(_ path: String) -> ArticleIndexEntry? { slots[path]?.entry }

    // MARK: Sources

    private func bucket(_ k: Int) throws -> [String: SourceRecord] {
        if let b = sourceBuckets[k] { return b }
        var b: [String: SourceRecord] = [:]
        if let file = sourceFiles[k] {
            let r = JSONReader(try readData(file))
            try r.object { key in
                guard key == "sources" else { try r.skip(); return }
                try r.object { url in b[url] = try LedgerCodec.source(r) }
            }
        }
        sourceBuckets[k] = b
        return b
    }

    public func sources(_ urls: [String]) throws -> [String: SourceRecord] {
        var out: [String: SourceRecord] = [:]
        for url in urls { if let s = try bucket(Self.shard(of: url))[url] { out[url] = s } }
        return out
    }

    public func stage(source: SourceRecord) throws {
        let k = Self.shard(of: source.url)
        guard try bucket(k)[source.url] != source else { return }
        // In place: a copy of the bucket per record would make a run's source writes quadratic.
        sourceBuckets[k]![source.url] = source
        dirtySources.insert(k)
    }

    public func forEachSource(_ body: (SourceRecord) throws -> Void) throws {
        for k in 0..<Self.shards { for s in try bucket(k).values.sorted(by: { $0.url < $1.url }) { try body(s) } }
    }

    // MARK: Commits

    public func reserve(_ path: String) throws -> Bool { true }

    /// A checkpoint every 5 seconds, and no more often than keeps commits to a tenth of the run: a kill
    /// loses a few seconds of work, and a 100,000-article run (whose index is some 40 MB) does not spend
    /// its time rewriting the index. CLAIMTRACK_CHECKPOINT_SECONDS sets it (the kill tests use 0.2).
    static let checkpointEvery: TimeInterval = ProcessInfo.processInfo.environment["CLAIMTRACK_CHECKPOINT_SECONDS"].flatMap(Double.init) ?? 5

    public func checkpointDue() -> Bool {
        Date().timeIntervalSince(lastCheckpoint) >= max(Self.checkpointEvery, lastCommitCost * 10)
    }

    public func checkpoint() throws {
        do { try commit() } catch {
            // Nothing of a failed commit stays behind (a full disk gets its space back); the ledger is the last commit's.
            dropUncommitted()
            throw error
        }
    }

    /// Removes the files written since the last commit: no manifest names them.
    private func dropUncommitted() {
        for f in written + uncommitted { unlink(dataFolder + "/" + f) }
        written = []
        uncommitted = []
    }

    private func commit() throws {
        precondition(mode == .write, "a ledger opened for reading is not written")
        let began = Date()
        defer { lastCheckpoint = Date(); lastCommitCost = lastCheckpoint.timeIntervalSince(began) }
        guard manifestDirty || !dirtyIndex.isEmpty || !dirtySources.isEmpty || runsDirty || !written.isEmpty else { return }
        let g = generation
        var replaced: [String] = []
        var byShard: [Int: [Slot]] = [:]
        if !dirtyIndex.isEmpty {
            for s in slots.values where dirtyIndex.contains(s.shard) { byShard[s.shard, default: []].append(s) }
        }
        for k in dirtyIndex.sorted() {
            var w = JSONWriter(capacity: 1 << 16)
            let inShard = (byShard[k] ?? []).sorted { $0.entry.path < $1.entry.path }
            if let old = indexFiles[k] { replaced.append(old) }
            if inShard.isEmpty { indexFiles[k] = nil; continue }
            w.object { w in w.key("articles"); w.array { w in for s in inShard { Self.writeSlot(s, &w) } } }
            let file = "index/\(k).g\(g).json"
            try writeFile(file, w.bytes)
            indexFiles[k] = file
        }
        for k in dirtySources.sorted() {
            let b = try bucket(k)
            if let old = sourceFiles[k] { replaced.append(old) }
            if b.isEmpty { sourceFiles[k] = nil; continue }
            var w = JSONWriter(capacity: 1 << 16)
            w.object { w in w.key("sources"); w.object { w in for url in b.keys.sorted() { w.key(url); LedgerCodec.source(b[url]!, &w) } } }
            let file = "sources/\(k).g\(g).json"
            try writeFile(file, w.bytes)
            sourceFiles[k] = file
        }
        if runsDirty {
            var w = JSONWriter(capacity: 1 << 16)
            w.object { w in w.key("runs"); w.array { w in for r in runs { LedgerCodec.run(r, &w) } } }
            let file = "runs.g\(g).json"
            try writeFile(file, w.bytes)
            if let old = runsFile { replaced.append(old) }
            runsFile = file
        }
        uncommitted += written
        try flushWritten()
        var w = JSONWriter(capacity: 1 << 14)
        w.object { w in
            w.key("schema"); w.string(Self.schemaName)
            w.key("tool_version"); w.string(lastToolVersion ?? ConfigDefaults.toolVersion)
            w.field("folder", folder)
            w.field("id_scheme", idScheme)
            w.key("generation"); w.int(g)
            w.key("data"); w.string(URL(fileURLWithPath: dataFolder).lastPathComponent)
            w.key("index"); w.array { w in for f in indexFiles { if let f { w.string(f) } else { w.null() } } }
            w.key("sources"); w.array { w in for f in sourceFiles { if let f { w.string(f) } else { w.null() } } }
            w.field("runs", runsFile)
            if let partialRun { w.key("partial_run"); LedgerCodec.run(partialRun, &w) }
        }
        w.raw(0x0A)
        try AtomicFile.write(Data(w.bytes), to: location)
        // Committed. What the commit before this one replaced is no longer named by any manifest a
        // reader may still hold; what this one replaced goes at the next commit or at close.
        for f in retiredByLastCommit { unlink(dataFolder + "/" + f) }
        retiredByLastCommit = superseded + replaced
        superseded = []
        uncommitted = []
        generation = g + 1
        dirtyIndex = []
        dirtySources = []
        runsDirty = false
        manifestDirty = false
    }

    public func close() {
        if mode == .write {
            dropUncommitted()
            for f in retiredByLastCommit { unlink(dataFolder + "/" + f) }
            retiredByLastCommit = []
        }
        lock?.release()
        lock = nil
    }

    deinit { lock?.release() }

    // MARK: Files

    private func readData(_ file: String) throws -> [UInt8] {
        do { return try LedgerStore.readAll(dataFolder + "/" + file) } catch {
            throw ClaimTrackError.ledgerUnreadable(file: dataFolder + "/" + file, reason: "\(error)")
        }
    }

    private func writeFile(_ file: String, _ bytes: [UInt8]) throws {
        let path = dataFolder + "/" + file
        var fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: PathUtil.parent(of: path), withIntermediateDirectories: true)
            fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw ClaimTrackError.ledgerWriteFailed(file: location, reason: String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                offset += n
            }
        }
        if Glibc.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            throw ClaimTrackError.ledgerWriteFailed(file: location, reason: failure)
        }
        written.append(file)
    }

    /// One flush of the file system holding the data folder (syncfs) instead of an fsync per file;
    /// where syncfs is missing, each file written since the last commit is synced.
    private func flushWritten() throws {
        defer { written = [] }
        guard !written.isEmpty else { return }
        let dir = Glibc.open(dataFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0, let syncfs = Self.syncfs {
            defer { Glibc.close(dir) }
            if syncfs(dir) == 0 { return }
        } else if dir >= 0 {
            Glibc.close(dir)
        }
        for file in written {
            let fd = Glibc.open(dataFolder + "/" + file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            let ok = fsync(fd) == 0
            Glibc.close(fd)
            if !ok { throw ClaimTrackError.ledgerWriteFailed(file: location, reason: String(cString: strerror(errno))) }
        }
    }

    /// Linux's syncfs(2), looked up at run time (the C library's headers hide it behind _GNU_SOURCE).
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Removes what the manifest does not name: files of a run killed before its commit, and files a
    /// commit replaced that a kill kept from being deleted.
    private func removeLeftovers() {
        guard FileManager.default.fileExists(atPath: dataFolder) else { return }
        var named = Set(slots.values.map(\.file))
        for f in indexFiles + sourceFiles + [runsFile] { if let f { named.insert(f) } }
        var removed = 0
        let walker = FileManager.default.enumerator(atPath: dataFolder)
        while let rel = walker?.nextObject() as? String {
            guard rel.hasSuffix(".json"), rel.contains(".g"), !named.contains(rel) else { continue }
            if unlink(dataFolder + "/" + rel) == 0 { removed += 1 }
        }
        if removed > 0 { notices.append("\(location): removed \(removed) file\(removed == 1 ? "" : "s") a stopped run left in \(dataFolder)") }
    }

    // MARK: Names and codecs

    /// The index shard or source bucket of a key: the first byte of its SHA-256, modulo the shard count.
    static func shard(of key: String) -> Int {
        Int(SHA256.hex(key).prefix(2), radix: 16)! % shards
    }

    static func encodeBundle(_ b: ArticleBundle, _ w: inout JSONWriter) {
        w.object { w in
            w.key("path"); w.string(b.path)
            if let a = b.article { w.key("article"); LedgerCodec.article(a, &w) }
            w.key("claims"); w.array { w in for c in b.claims { LedgerCodec.claim(c, &w) } }
            if !b.retired.isEmpty { w.key("retired"); w.array { w in for c in b.retired { LedgerCodec.claim(c, &w) } } }
        }
        w.raw(0x0A)
    }

    static func decodeBundle(_ bytes: [UInt8]) throws -> ArticleBundle {
        let r = JSONReader(bytes)
        var b = ArticleBundle(path: "")
        try r.object { key in
            switch key {
            case "path": b.path = try r.string()
            case "article": b.article = try LedgerCodec.article(r)
            case "claims": try r.array { b.claims.append(try LedgerCodec.claim(r)) }
            case "retired": try r.array { b.retired.append(try LedgerCodec.claim(r)) }
            default: try r.skip()
            }
        }
        return b
    }

    static func writeSlot(_ s: Slot, _ w: inout JSONWriter) {
        let e = s.entry
        w.object { w in
            w.key("path"); w.string(e.path)
            w.key("file"); w.string(s.file)
            if s.live {
                w.key("id"); w.string(e.id)
                w.key("hash"); w.string(e.hash)
                w.key("pipeline_version"); w.string(e.pipelineVersion)
                w.field("url", e.url)
                w.field("fingerprint", e.fingerprint)
                w.field("title", e.title)
                w.key("claims"); w.strings(e.claims)
                w.key("by_status"); w.object { w in for k in e.byStatus.keys.sorted() { w.key(k); w.int(e.byStatus[k]!) } }
                if e.citesURLs { w.key("cites_urls"); w.bool(true) }
                w.key("last_run"); w.int(e.lastRun)
            }
            w.field("retired", e.retired)
            w.field("oldest_removal", e.oldestRemoval)
        }
    }

    static func readSlot(_ r: JSONReader) throws -> Slot {
        var s = Slot(entry: ArticleIndexEntry(path: "", id: "", hash: "", pipelineVersion: ""), live: false, file: "")
        try r.object { key in
            switch key {
            case "path": s.entry.path = try r.string()
            case "file": s.file = try r.string()
            case "id": s.entry.id = try r.string(); s.live = true
            case "hash": s.entry.hash = try r.string()
            case "pipeline_version": s.entry.pipelineVersion = try r.shared()
            case "url": s.entry.url = try r.optionalString()
            case "fingerprint": s.entry.fingerprint = try r.optionalString()
            case "title": s.entry.title = try r.optionalString()
            case "claims": s.entry.claims = try r.strings()
            case "by_status": try r.object { k in s.entry.byStatus[k] = try r.int() }
            case "cites_urls": s.entry.citesURLs = try r.bool()
            case "last_run": s.entry.lastRun = try r.int()
            case "retired": s.entry.retired = try r.strings()
            case "oldest_removal": s.entry.oldestRemoval = try r.optionalString()
            default: try r.skip()
            }
        }
        guard !s.entry.path.isEmpty, !s.file.isEmpty else { throw r.fail("an index entry without path or file") }
        return s
    }
}
