import ArgumentParser
import ClaimTrackCore
import Foundation

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
