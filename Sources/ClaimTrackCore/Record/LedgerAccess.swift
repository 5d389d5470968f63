import Foundation

/// The commands' door to the ledger, whichever store `ledger:` names: a JSON file (`LedgerStore`) or a
/// PostgreSQL database (`PostgresLedger`). Errors and exit codes are the same for both.
public enum LedgerAccess {
    /// The whole ledger for `report` and `show`; no ledger there is `ledgerMissing` (exit 4).
    public static func loadExisting(_ location: String) throws -> Ledger {
        guard let address = try database(location) else { return try LedgerStore.loadExisting(location) }
        let store = try openExisting(address)
        defer { store.connection.close() }
        return try store.load()
    }

    /// A PostgreSQL ledger that claimtrack has set up (schema present, not newer than this build).
    static func openExisting(_ address: PostgresAddress) throws -> PostgresLedger {
        let store = try PostgresLedger.open(address, migrate: false)
        if try store.schemaVersion() == 0 { throw ClaimTrackError.ledgerMissing(file: address.description) }
        return store
    }

    static func database(_ location: String) throws -> PostgresAddress? {
        guard PostgresAddress.isAddress(location) else { return nil }
        do { return try PostgresAddress.parse(location) } catch { throw ClaimTrackError.usage("\(error)") }
    }

    /// `ledger migrate`: brings the database's schema up to this build's; returns the migrations applied.
    /// A JSON ledger needs none beyond what its first run does (the list is then empty).
    public static func migrate(_ location: String) throws -> [String] {
        guard let address = try database(location) else { return [] }
        let store = try PostgresLedger.open(address, migrate: false)
        defer { store.connection.close() }
        return try store.migrate()
    }

    /// `ledger export --to FILE`: the export document (`LedgerExport`), written aside and renamed.
    public static func export(_ location: String, to file: String) throws {
        let ledger = try loadExisting(location)
        do {
            try LedgerStore.writeAtomically(to: file) { sink in LedgerExport.encode(ledger, sink: sink) }
        } catch {
            throw ClaimTrackError.outputWriteFailed(file: file, reason: LedgerStore.whyUnwritable(file, error))
        }
    }

    /// `ledger import FILE`: the export document into an empty ledger (a database without records, or a
    /// JSON ledger file that does not exist yet). A ledger that holds records is never overwritten.
    public static func importLedger(_ file: String, into location: String) throws -> Ledger {
        let bytes: [UInt8]
        do { bytes = try LedgerStore.readAll(file) } catch { throw ClaimTrackError.input(file: file, reason: "cannot be read (\(error))") }
        let ledger: Ledger
        do { ledger = try LedgerExport.decode(bytes) } catch { throw ClaimTrackError.input(file: file, reason: "\(error)") }
        if let address = try database(location) {
            let store = try PostgresLedger.open(address, migrate: true)
            defer { store.connection.close() }
            guard try store.isEmpty() else {
                throw ClaimTrackError.ledgerWriteFailed(file: address.description, reason: "it already holds a ledger; import goes into an empty database only")
            }
            try store.importLedger(ledger)
        } else {
            let lock = try LedgerLock.acquire(for: location)
            defer { lock.release() }
            guard !FileManager.default.fileExists(atPath: location) else {
                throw ClaimTrackError.ledgerWriteFailed(file: location, reason: "it already exists; import writes a new ledger only")
            }
            var json = ledger
            json.schema = Ledger.schemaName
            do { try LedgerStore.save(json, to: location) } catch {
                throw ClaimTrackError.ledgerWriteFailed(file: location, reason: LedgerStore.whyUnwritable(location, error))
            }
        }
        return ledger
    }

    /// `review` on a PostgreSQL ledger: the claim's row alone is rewritten, in one statement.
    static func review(claim id: String, verdict: ClaimStatus?, note: String, by reviewer: String, address: PostgresAddress,
                       time: String) throws -> ClaimRecord {
        let store = try openExisting(address)
        defer { store.connection.close() }
        let matches = try store.guarded(reading: true) { () -> [String] in
            let r = try store.connection.exec("SELECT id FROM claims WHERE NOT retired AND (id = $1 OR starts_with(id, $1)) ORDER BY id", [id])
            let all = (0..<r.rows).map { r.string($0, 0)! }
            return all.contains(id) ? [id] : all
        }
        guard matches.count == 1, var claim = try store.claim(matches[0]) else {
            throw ClaimTrackError.usage(matches.isEmpty ? "no claim \(id) in \(address)" : "\(id) is ambiguous: \(matches.joined(separator: ", "))")
        }
        claim.review = verdict.map { Review(verdict: $0, note: note, at: time, by: reviewer, machineStatus: claim.status) }
        try store.updateClaim(claim)
        return claim
    }
}
