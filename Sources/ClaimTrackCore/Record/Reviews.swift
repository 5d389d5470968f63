import Foundation

/// `claimtrack review`: a person's verdict recorded in the ledger beside the machine's. Under the
/// ledger's lock and committed like a run, so a review never races a cron run; only the claim's
/// article bundle is read and rewritten.
public enum Reviews {
    /// Records (or with `verdict` nil, clears) the review of the claim `id` names (a unique prefix
    /// will do) and returns the claim as written.
    @discardableResult
    public static func record(claim id: String, verdict: ClaimStatus?, note: String, by reviewer: String,
                              ledgerPath: String, time: String = Timestamp.now()) throws -> ClaimRecord {
        if !ledgerPath.contains("://"), !FileManager.default.fileExists(atPath: ledgerPath) { throw ClaimTrackError.ledgerMissing(file: ledgerPath) }
        let store = try LedgerBackends.open(ledgerPath, mode: .write)
        defer { store.close() }
        let key = try claimKey(id, in: store)
        guard let holder = store.holder(ofClaim: key), var bundle = try store.bundle(holder.path),
              let k = bundle.claims.firstIndex(where: { $0.id == key }) else { throw ClaimTrackError.usage("no claim \(id) in \(ledgerPath)") }
        bundle.claims[k].review = verdict.map { Review(verdict: $0, note: note, at: time, by: reviewer, machineStatus: bundle.claims[k].status) }
        do {
            try store.stage(bundle)
            try store.checkpoint()
        } catch {
            throw ClaimTrackError.ledgerWriteFailed(file: ledgerPath, reason: LedgerStore.whyUnwritable(ledgerPath, error))
        }
        return bundle.claims[k]
    }

    /// The id of the live claim a claim id or a unique prefix of one names.
    public static func claimKey(_ id: String, in store: any LedgerBackend) throws -> String {
        let live = store.claimIDs(withPrefix: id).filter { store.holder(ofClaim: $0)?.retired == false }
        if live.contains(id) { return id }
        guard live.count == 1 else {
            throw ClaimTrackError.usage(live.isEmpty ? "no claim \(id) in \(store.location)" : "\(id) is ambiguous: \(live.joined(separator: ", "))")
        }
        return live[0]
    }
}
