import Foundation

/// `claimtrack ledger export | import | migrate`, whichever store `ledger:` names: a JSON ledger
/// (`JSONLedger`) or a PostgreSQL database (`PostgresBackend`). Errors and exit codes are the same for both.
public enum LedgerAccess {
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

    /// `ledger export --to FILE`: the export document (`LedgerExport`), streamed, written aside and renamed.
    public static func export(_ location: String, to file: String) throws {
        let store = try LedgerBackends.open(location, mode: .read)
        defer { store.close() }
        var failure: Error?
        do {
            try AtomicFile.write(to: file) { sink in
                do { try LedgerExport.encode(store, sink: sink) } catch { failure = error }
            }
        } catch {
            throw ClaimTrackError.outputWriteFailed(file: file, reason: LedgerStore.whyUnwritable(file, error))
        }
        if let failure { try? FileManager.default.removeItem(atPath: file); throw failure }
    }

    /// `ledger import FILE`: the export document into an empty ledger (a database without records, or a
    /// JSON ledger that does not exist yet). A ledger that holds records is never overwritten.
    public static func importLedger(_ file: String, into location: String) throws -> LedgerExport.Document {
        let bytes: [UInt8]
        do { bytes = try LedgerStore.readAll(file) } catch { throw ClaimTrackError.input(file: file, reason: "cannot be read (\(error))") }
        let document: LedgerExport.Document
        do { document = try LedgerExport.decode(bytes) } catch { throw ClaimTrackError.input(file: file, reason: "\(error)") }
        if let address = try database(location) {
            let store = try PostgresLedger.open(address, migrate: true)
            defer { store.connection.close() }
            guard try store.isEmpty() else {
                throw ClaimTrackError.ledgerWriteFailed(file: address.description, reason: "it already holds a ledger; import goes into an empty database only")
            }
            try store.importDocument(document)
            return document
        }
        guard !FileManager.default.fileExists(atPath: location) else {
            throw ClaimTrackError.ledgerWriteFailed(file: location, reason: "it already exists; import writes a new ledger only")
        }
        let store = try LedgerBackends.open(location, mode: .write)
        defer { store.close() }
        do {
            if let folder = document.folder { store.setFolder(folder) }
            for run in document.runs.sorted(by: { $0.id < $1.id }) { store.finishRun(run) }
            for b in document.bundles { try store.stage(b) }
            for s in document.sources { try store.stage(source: s) }
            try store.checkpoint()
        } catch {
            throw ClaimTrackError.ledgerWriteFailed(file: location, reason: LedgerStore.whyUnwritable(location, error))
        }
        return document
    }
}
