import Foundation

/// `HostGate` over the ledger database: `claimtrack_take_slot` (Migrations/0001) grants one of a host's
/// `per_host` slots when the host's `delay_ms` since the last start, by any worker, has passed; a slot is
/// held with a lease (renewed by the worker's heartbeat), so a killed worker's slots free themselves.
/// robots.txt answers are rows of `robots`, fresh for `robotsFor`. Used on the fetching thread only.
final class PostgresHostGate: HostGate {
    let store: PostgresLedger
    let worker: String
    let leaseMs: Int
    /// RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours.
    let robotsFor: TimeInterval = 24 * 3600

    init(store: PostgresLedger, worker: String, lease: Duration) {
        self.store = store
        self.worker = worker
        self.leaseMs = max(1000, lease.seconds * 1000)
    }

    func take(_ host: String, perHost: Int, delayMs: Int) -> HostGateAnswer {
        // The database gone for longer than `reconnectFor`: wait and ask again rather than fetch unpoliced.
        guard let r = try? store.guarded(reading: false, {
            try store.connection.exec("SELECT token, wait_ms FROM claimtrack_take_slot($1, $2, $3, $4, $5)",
                                      [host, worker, String(perHost), String(delayMs), String(leaseMs)])
        }) else { return .wait(1) }
        if let token = r.string(0, 0).flatMap({ Int64($0) }) { return .granted(token) }
        return .wait(Double(r.int(0, 1) ?? 10) / 1000)
    }

    func release(_ token: Int64) {
        _ = try? store.guarded(reading: false) { try store.connection.exec("DELETE FROM fetch_slots WHERE token = $1", [String(token)]) }
    }

    func knownRobots(_ host: String) -> (FetchResult, [UInt8])? {
        guard let r = try? store.guarded(reading: true, {
            try store.connection.exec("""
                SELECT status, outcome, encode(body, 'base64') FROM robots
                WHERE host = $1 AND fetched_at > now() - make_interval(secs => $2)
                """, [host, String(Int(robotsFor))])
        }), r.rows == 1, let outcome = r.string(0, 1).flatMap(FetchOutcome.init(rawValue:)) else { return nil }
        let body = r.string(0, 2).flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }.map { [UInt8]($0) } ?? []
        return (FetchResult(url: host + "/robots.txt", outcome: outcome, detail: "", httpStatus: r.int(0, 0)), body)
    }

    func storeRobots(_ host: String, result: FetchResult, body: [UInt8]) {
        _ = try? store.guarded(reading: false) {
            try store.connection.exec("""
                INSERT INTO robots (host, fetched_at, status, outcome, body) VALUES ($1, now(), $2, $3, decode($4, 'base64'))
                ON CONFLICT (host) DO UPDATE SET fetched_at = EXCLUDED.fetched_at, status = EXCLUDED.status,
                                                 outcome = EXCLUDED.outcome, body = EXCLUDED.body
                """, [host, result.httpStatus.map(String.init), result.outcome.rawValue, Data(body.prefix(Fetcher.robotsMaxBytes)).base64EncodedString()])
        }
    }
}
