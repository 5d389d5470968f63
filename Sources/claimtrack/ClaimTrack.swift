import ArgumentParser
import ClaimTrackCore

struct ClaimTrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimtrack",
        abstract: "Finds the factual claims in articles and checks the sources they cite.",
        discussion: ExitPolicy.table,
        version: ConfigDefaults.toolVersion,
        subcommands: [InitCommand.self, RunCommand.self, ReportCommand.self, ShowCommand.self, ReviewCommand.self, ExtractCommand.self, FetchCommand.self, CheckCommand.self, ScheduleCommand.self]
    )
}

/// Writes to standard error and standard output without buffering surprises.
enum Console {
    /// Messages name files and URLs from articles: each line's control characters are shown escaped,
    /// so a file name cannot recolour or clear the terminal.
    static func error(_ message: String) {
        let safe = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escape(String($0)) }.joined(separator: "\n")
        FileHandle.standardError.write(Data((safe + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

import Foundation
