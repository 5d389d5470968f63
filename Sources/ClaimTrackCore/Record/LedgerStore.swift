import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The whole ledger in memory, for tools and tests that want it as one value (`Ledger`): read from a
/// claimtrack.ledger/2 (`JSONLedger`) or /1 file, and written as /2. The commands themselves work one
/// article at a time through `LedgerBackend`; this is not their path.
public enum LedgerStore {
    /// The ledger at `path`; an empty one when there is no file yet (the first run).
    public static func load(_ path: String) throws -> Ledger {
        guard FileManager.default.fileExists(atPath: path) else { return Ledger() }
        let store = try JSONLedger.open(path, mode: .read)
        defer { store.close() }
        return try whole(store)
    }

    /// Every record of `store` in one `Ledger`.
    static func whole(_ store: JSONLedger) throws -> Ledger {
        var l = Ledger()
        l.folder = store.folder
        l.toolVersion = store.lastToolVersion ?? ConfigDefaults.toolVersion
        l.idScheme = store.idScheme
        l.runs = store.runs
        try store.forEachBundle { b in
            if let a = b.article {
                l.articles[b.path] = a
                for c in b.claims { l.claims[c.id] = c }
            }
            for c in b.retired where l.retired[c.id] == nil { l.retired[c.id] = c }
        }
        try store.forEachSource { l.sources[$0.url] = $0 }
        return l
    }

    /// The ledger at `path` for the commands that only read it (`report`, `show`): no file is an error
    /// (exit 4), not an empty report.
    public static func loadExisting(_ path: String) throws -> Ledger {
        guard FileManager.default.fileExists(atPath: path) else { throw ClaimTrackError.ledgerMissing(file: path) }
        return try load(path)
    }

    /// Why a file cannot be written at `path`, in words, with the folder as the user wrote it: a missing
    /// folder, or a file standing where a folder should be, is named as such.
    public static func whyUnwritable(_ path: String, _ error: Error) -> String {
        func parent(_ p: String) -> String {
            guard let slash = p.lastIndex(of: "/") else { return "." }
            return slash == p.startIndex ? "/" : String(p[..<slash])
        }
        let folder = parent(path)
        var ancestor = folder
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder), ancestor != "." && ancestor != "/" {
            ancestor = parent(ancestor)
        }
        if !isFolder.boolValue { return "\(ancestor) is a file, not a folder" }
        if ancestor != folder { return "the folder \(folder) does not exist" }
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if let failure = error as? ClaimTrackError, case let .ledgerWriteFailed(_, reason) = failure { return reason }
        return (error as NSError).localizedDescription
    }

    /// The ledger as one claimtrack.ledger/1 document (what older versions wrote; tests make old ledgers with it).
    public static func encode(_ ledger: Ledger) -> Data { Data(LedgerCodec.encode(ledger)) }

    struct ReadFailure: Error, CustomStringConvertible { var description: String }

    /// The whole file in one buffer, read with plain syscalls (no second copy as with Data).
    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadFailure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ReadFailure(description: String(cString: strerror(errno))) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; throw ReadFailure(description: String(cString: strerror(errno))) }
            if n == 0 { bytes.removeLast(bytes.count - offset); break }
            offset += n
        }
        return bytes
    }

    /// Writes `ledger` at `path` as claimtrack.ledger/2, replacing what was there, in one commit
    /// under the ledger's lock.
    public static func save(_ ledger: Ledger, to path: String) throws {
        removeStaleTemporaries(of: path)
        let store = try JSONLedger.open(path, mode: .write)
        defer { store.close() }
        try store.replaceAll(with: ledger)
        try store.checkpoint()
    }

    /// A run killed while writing leaves `LEDGER.tmp.PID` behind; the lock holder removes such leftovers.
    static func removeStaleTemporaries(of path: String) {
        let folder = PathUtil.parent(of: path)
        let prefix = URL(fileURLWithPath: path).lastPathComponent + ".tmp."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}

/// The run lock: `LEDGER.lock`, held with flock for the whole run and taken
/// without waiting. The kernel drops the lock when its process dies, so a
/// lock left by a killed run is taken over by the next one.
public final class LedgerLock {
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    public static func acquire(for ledgerPath: String) throws -> LedgerLock {
        let path = ledgerPath + ".lock"
        try? FileManager.default.createDirectory(atPath: PathUtil.parent(of: path), withIntermediateDirectories: true)
        // O_NOFOLLOW: a lock file planted as a symbolic link must not make us truncate and overwrite
        // its target (the ftruncate below); opening it fails with ELOOP instead.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link; remove it (claimtrack creates its own)" : String(cString: strerror(errno))
            throw ClaimTrackError.ledgerWriteFailed(file: path, reason: "cannot open the lock file: \(reason)")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 31, 0)
            close(fd)
            let holder = n > 0 ? Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            throw ClaimTrackError.lockHeld(lockFile: path, pid: holder)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return LedgerLock(path: path, fd: fd)
    }

    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
