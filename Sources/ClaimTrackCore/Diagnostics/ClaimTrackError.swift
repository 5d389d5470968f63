/// The few problems that stop a run. Everything recoverable is a `Diagnostic`.
/// The executable maps each case to its exit code in one place.
public enum ClaimTrackError: Error, Equatable, CustomStringConvertible {
    /// Bad command-line usage (exit 2).
    case usage(String)
    /// A configuration problem: file, line (when known), dotted key, message (exit 2).
    case configuration(file: String, line: Int?, key: String, message: String)
    /// Another run holds the ledger lock (exit 3).
    case lockHeld(lockFile: String, pid: Int32?)
    /// The ledger exists but cannot be read; it is left untouched (exit 4).
    case ledgerUnreadable(file: String, reason: String)
    /// `report` or `show` found no ledger where they looked (exit 4).
    case ledgerMissing(file: String)
    /// The ledger could not be written; the previous one is intact (exit 5).
    case ledgerWriteFailed(file: String, reason: String)
    /// A report or extract output could not be written (exit 5).
    case outputWriteFailed(file: String, reason: String)
    /// The page `check` was given could not be fetched or read: its one pair failed (exit 1).
    case input(file: String, reason: String)
    /// The PostgreSQL ledger cannot be reached (exit 4, like an unreadable ledger); names the host, never a password.
    case databaseUnavailable(address: String, host: String, reason: String)
    /// The database's schema is newer than this claimtrack knows (exit 2).
    case databaseTooNew(address: String, version: Int, known: Int)

    public var description: String {
        switch self {
        case .usage(let message):
            return "error: \(message)"
        case let .configuration(file, line, key, message):
            let place = line.map { "\(file):\($0)" } ?? file
            return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
        case let .lockHeld(lockFile, pid):
            let holder = pid.map { " (process \($0))" } ?? ""
            return "\(lockFile): another claimtrack run holds the lock\(holder); try again when it has finished"
        case let .ledgerUnreadable(file, reason):
            return "\(file): the ledger cannot be read (\(reason)); it was left untouched. Repair or move it, then run again"
        case let .ledgerMissing(file):
            return "\(file): no ledger here yet; `claimtrack run FOLDER` makes one (or point to yours with --ledger FILE or --config FILE)"
        case let .ledgerWriteFailed(file, reason):
            return "\(file): the ledger could not be written (\(reason)); the previous ledger is intact"
        case let .outputWriteFailed(file, reason):
            return "\(file): cannot be written: \(reason)"
        case let .input(file, reason):
            return "\(file): \(reason)"
        case let .databaseUnavailable(address, host, reason):
            return "\(address): cannot reach the ledger database on \(host) (\(reason)); nothing was changed"
        case let .databaseTooNew(address, version, known):
            return "\(address): the ledger database has schema version \(version), newer than this claimtrack knows (\(known)); use a newer claimtrack"
        }
    }
}
