import ArgumentParser
import ClaimTrackCore
import Foundation

/// The one place where errors become exit codes (DESIGN.md):
/// 0 done, 1 a `--fail-on` status present, 2 usage or configuration,
/// 3 lock held, 4 ledger unreadable.
enum ExitPolicy {
    static func code(for error: ClaimTrackError) -> Int32 {
        switch error {
        case .usage, .configuration: return 2
        case .lockHeld: return 3
        case .ledgerUnreadable: return 4
        case .ledgerWriteFailed, .input: return 1
        }
    }
}

do {
    var command = try ClaimTrack.parseAsRoot()
    try command.run()
} catch let error as ClaimTrackError {
    Console.error(error.description)
    exit(ExitPolicy.code(for: error))
} catch let error as ExitCode {
    exit(error.rawValue)
} catch {
    let code = ClaimTrack.exitCode(for: error)
    let message = ClaimTrack.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    Console.error(message)
    exit(2)
}
