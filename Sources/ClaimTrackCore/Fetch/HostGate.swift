import Foundation

/// Politeness shared by several processes fetching for one ledger (`PostgresHostGate`): the Fetcher asks
/// before each request to a host and tells when it ends, so `per_host` and `delay_ms` hold across all of
/// them, and robots.txt is fetched once and read by all.
public protocol HostGate: AnyObject {
    /// A slot for one request to `host` (scheme://host:port) now, or how long to wait before asking again.
    func take(_ host: String, perHost: Int, delayMs: Int) -> HostGateAnswer
    /// The request that held the slot has ended.
    func release(_ token: Int64)
    /// The host's robots.txt answer (status and body) as another process fetched it, if still fresh.
    func knownRobots(_ host: String) -> (FetchResult, [UInt8])?
    func storeRobots(_ host: String, result: FetchResult, body: [UInt8])
}

public enum HostGateAnswer: Sendable, Equatable {
    case granted(Int64)
    case wait(TimeInterval)
}
