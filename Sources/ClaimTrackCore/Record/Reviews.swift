/// `claimtrack review`: a person's verdict recorded in the ledger beside the machine's. Under the
/// ledger's lock and written atomically like a run, so a review never races a cron run.
public enum Reviews {
    /// Records (or with `verdict` nil, clears) the review of the claim `id` names (a unique prefix
    /// will do) and returns the claim as written.
    @discardableResult
    public static func record(claim id: String, verdict: ClaimStatus?, note: String, by reviewer: String,
                              ledgerPath: String, time: String = Timestamp.now()) throws -> ClaimRecord {
        if let address = try LedgerAccess.database(ledgerPath) {
            return try LedgerAccess.review(claim: id, verdict: verdict, note: note, by: reviewer, address: address, time: time)
        }
        let lock = try LedgerLock.acquire(for: ledgerPath)
        defer { lock.release() }
        var ledger = try LedgerStore.loadExisting(ledgerPath)
        let key = try claimKey(id, in: ledger, ledgerPath: ledgerPath)
        var claim = ledger.claims[key]!
        claim.review = verdict.map { Review(verdict: $0, note: note, at: time, by: reviewer, machineStatus: claim.status) }
        ledger.claims[key] = claim
        do { try LedgerStore.save(ledger, to: ledgerPath) } catch {
            throw ClaimTrackError.ledgerWriteFailed(file: ledgerPath, reason: LedgerStore.whyUnwritable(ledgerPath, error))
        }
        return claim
    }

    /// The ledger key a claim id or a unique prefix of one names.
    public static func claimKey(_ id: String, in ledger: Ledger, ledgerPath: String) throws -> String {
        if ledger.claims[id] != nil { return id }
        let matches = ledger.claims.keys.filter { $0.hasPrefix(id) }.sorted()
        guard matches.count == 1 else {
            throw ClaimTrackError.usage(matches.isEmpty ? "no claim \(id) in \(ledgerPath)" : "\(id) is ambiguous: \(matches.joined(separator: ", "))")
        }
        return matches[0]
    }
}
