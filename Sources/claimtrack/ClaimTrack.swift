import ArgumentParser
import ClaimTrackCore

struct ClaimTrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimtrack",
        abstract: "Finds the factual claims in articles and checks the sources they cite.",
        discussion: ExitPolicy.table,
        version: "\(ConfigDefaults.toolVersion) (commit \(BuildCommit.hash))",
        subcommands: [InitCommand.self, RunCommand.self, ReportCommand.self, ShowCommand.self, ReviewCommand.self, ExtractCommand.self, FetchCommand.self, CheckCommand.self, ScheduleCommand.self, LedgerCommand.self]
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

    /// Columns a table may use: `COLUMNS` when set, else the terminal's own width, else (a pipe, a
    /// file, cron) 80. Never under 40: narrower, the indented lines would hold a word or two.
    static var width: Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(value.trimmingCharacters(in: .whitespaces)), n > 0 {
            return max(40, n)
        }
        var size = winsize()
        if stdoutIsTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
        return 80
    }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

import Foundation
