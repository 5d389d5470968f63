import ClaimTrackCore
import ClaimTrackTestSupport
import Foundation
import XCTest

/// Every README command that shows its output is run, in README order, in one folder that starts as
/// a copy of seeds/ (with fixtures/verify/report.txt, the page of the `check` example), and what it
/// prints is compared with what the README shows. Parts that differ from machine to machine are
/// compared by shape: timestamps, the rate in "(19/s)", the folder (`/home/me/claimtrack` in the
/// README) and the binary's path. A line "…" in the README ends the comparison of that output: what
/// follows is left out of the README, not of the output.
final class ReadmeExampleTests: SeedFolderTestCase {
    struct Example {
        var line: Int
        var command: String
        var output: [String]
    }

    static func examplesWithOutput() throws -> [Example] {
        let lines = try String(contentsOfFile: Fixtures.root + "/README.md", encoding: .utf8).components(separatedBy: "\n")
        var examples: [Example] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("    $ claimtrack ") {
            // The output runs to the next command or the next line of prose; a blank line inside it is its own.
            var output: [String] = []
            var j = i + 1
            while j < lines.count {
                let next = lines[j]
                let isOutput = next.hasPrefix("    ") && !next.hasPrefix("    $ ")
                let blankInside = next.isEmpty && j + 1 < lines.count && lines[j + 1].hasPrefix("    ") && !lines[j + 1].hasPrefix("    $ ")
                guard isOutput || blankInside else { break }
                output.append(String(next.dropFirst(min(4, next.count))))
                j += 1
            }
            if !output.isEmpty { examples.append(Example(line: i + 1, command: String(line.dropFirst("    $ ".count)), output: output)) }
        }
        return examples
    }

    /// The README's way of writing what varies, made one with the output's; `folder` is the README's
    /// name for the test's folder.
    func normalized(_ text: String, folder: String = "/home/me/claimtrack") -> String {
        var s = text.replacingOccurrences(of: tmp, with: folder)
        s = s.replacingOccurrences(of: CLI.binary, with: "/usr/local/bin/claimtrack")
        s = s.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "TIME", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\(\d+/s\)"#, with: "(N/s)", options: .regularExpression)
        return s
    }

    func testEveryOutputTheReadmeShowsIsTheBinarys() throws {
        try FileManager.default.copyItem(atPath: Fixtures.path("verify/report.txt"), toPath: tmp + "/report.txt")
        // The schedule example's newsroom, /srv/news, is this folder with a pipeline.yml of its own.
        try "articles: seeds\n".write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let examples = try Self.examplesWithOutput()
        // The run, the report, the schedule line and the check example at least.
        XCTAssertGreaterThanOrEqual(examples.count, 4, "README outputs found: \(examples.map(\.command))")
        for example in examples {
            // As a shell reads the line: the README's comment after "#" is not part of it; stderr
            // joins stdout, as a terminal shows both.
            var line = example.command.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
            let folder = line.contains("/srv/news") ? "/srv/news" : "/home/me/claimtrack"
            line = line.replacingOccurrences(of: "/srv/news", with: tmp)
            let shell = "exec \"$CLAIMTRACK\" " + line.dropFirst("claimtrack ".count) + " 2>&1"
            let r = try CLI.run(["-c", shell], cwd: tmp, environment: ["CLAIMTRACK": CLI.binary, "COLUMNS": "80"],
                                timeout: 120, executable: "/bin/sh")
            var expected = example.output
            if let cut = expected.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "…" }) { expected = Array(expected[..<cut]) }
            let actual = normalized(r.stdout, folder: folder).trimmingCharacters(in: .newlines).components(separatedBy: "\n")
            let shown = normalized(expected.joined(separator: "\n"), folder: folder).components(separatedBy: "\n")
            let compared = example.output.count == expected.count ? actual : Array(actual.prefix(shown.count))
            XCTAssertEqual(compared, shown, "README.md:\(example.line) `\(example.command)` prints otherwise:\n\(r.stdout)")
        }
    }
}
