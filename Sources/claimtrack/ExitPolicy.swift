import ClaimTrackCore

/// The one place where outcomes become exit codes (DESIGN.md, issue 18), and the table that
/// `claimtrack --help` and the README show. Kept under 80 columns: the help prints it as it is.
enum ExitPolicy {
    static let doneCode: Int32 = 0
    /// `--fail-on` matched; for `fetch` and `check`, some URL or pair failed; for `extract`, some file
    /// could not be read (DESIGN.md's extract rule).
    static let someFailedCode: Int32 = 1
    static let outputCode: Int32 = 5

    static func code(for error: ClaimTrackError) -> Int32 {
        switch error {
        case .input: return someFailedCode
        case .usage, .configuration, .databaseTooNew: return 2
        case .lockHeld: return 3
        case .ledgerUnreadable, .ledgerMissing, .databaseUnavailable: return 4
        case .ledgerWriteFailed, .outputWriteFailed: return outputCode
        }
    }

    static let table = """
    EXIT CODES:
      0  done
      1  run: after the run, a claim of the folder has a status in --fail-on
         fetch, check: some URL or pair failed (check --batch: a line was
         answered with an error object)
         extract: some file could not be read (the others were written)
      2  bad usage or configuration (the message names file, line and key)
      3  run, review: another run holds the lock (LEDGER.lock)
      4  run, report, show, review: the ledger is unreadable, or (report,
         show, review) missing; it is left untouched
      5  run, review, report, extract, init: the ledger or an output cannot
         be written
         (the previous ledger is intact)
    """
}
