import ClaimTrackCore
import ClaimTrackTestSupport
import Foundation
import XCTest

/// Every command the README shows and every example in `--help` is run, in a folder holding the
/// seeds after a run: none may be a usage error (an unknown option, a missing argument), so the
/// documentation cannot drift from the parser. Examples that need the internet (a URL) are only parsed.
final class ExamplesTests: SeedFolderTestCase {
    static func readmeCommands() throws -> [String] {
        try String(contentsOfFile: Fixtures.root + "/README.md", encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("    $ claimtrack ") }.map { String($0.dropFirst("    $ ".count)) }
    }

    static func helpExamples() throws -> [String] {
        let commands = try CLI.subcommands()
        var examples: [String] = []
        for command in commands {
            let text = try CLI.run([command, "--help"]).stdout
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("claimtrack \(command)") }
            XCTAssertFalse(lines.isEmpty, "claimtrack \(command) --help has no example")
            examples += lines
        }
        return examples
    }

    func testEveryDocumentedCommandParses() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let commands = try Self.readmeCommands() + Self.helpExamples()
        XCTAssertGreaterThan(commands.count, 30)
        // `init` last: the pipeline.yml it writes would change what the others read.
        for command in commands.sorted(by: { !$0.hasPrefix("claimtrack init") && $1.hasPrefix("claimtrack init") }) {
            // The comment after "#" is the README's, and "> FILE" a redirection, as a shell reads them.
            var line = command.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
            let offline = !line.contains("http://") && !line.contains("https://")
            if !offline { line += " --help" }
            let shell = "exec \"$CLAIMTRACK\" " + line.dropFirst("claimtrack ".count)
            let r = try CLI.run(["-c", shell], cwd: tmp, environment: ["CLAIMTRACK": CLI.binary], timeout: 60, executable: "/bin/sh")
            XCTAssertFalse(r.stderr.contains("Usage: claimtrack") || r.stderr.contains("Error: Unknown option"), "\(command): \(r.stderr)")
            XCTAssertNotEqual(r.status, 64, command)
        }
    }
}
