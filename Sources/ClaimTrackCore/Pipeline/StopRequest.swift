import Foundation

/// A request to stop the run (SIGINT, SIGTERM), set by the command and read by the stages: ingest
/// takes no new file, fetch starts no new page and drops the ones under way, and the run then records
/// what was done — articles read, pages fetched, claims all of whose pages were fetched — and saves
/// the ledger and cache as at the end of any run (DESIGN: exit 130/143 after saving what was done).
public enum StopRequest {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var received: Int32?

    /// The first signal asked for; later ones do not replace it.
    public static func request(_ signal: Int32) {
        lock.withLock { if received == nil { received = signal } }
    }

    public static var signal: Int32? { lock.withLock { received } }
    public static var isRequested: Bool { signal != nil }

    /// For tests in one process.
    public static func reset() { lock.withLock { received = nil } }
}
