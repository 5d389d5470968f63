import ClaimTrackTestSupport
import XCTest

/// The README's `check` example is what the binary prints (fixtures/verify/report.txt is its page).
final class ReadmeExampleTests: XCTestCase {
    func testTheCheckExampleIsTheBinarysOutput() throws {
        let readme = try String(contentsOfFile: Fixtures.root + "/README.md", encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("    $ claimtrack check \"") && $0.hasSuffix("report.txt --format table") })
        let output = lines[(start + 1)...].prefix { !$0.hasPrefix("    $ ") && !$0.isEmpty }.map { String($0.dropFirst(4)) }
        // The command line: the quoted claim, the page, the format.
        let command = String(lines[start].dropFirst("    $ claimtrack check \"".count))
        let claim = String(command[..<command.range(of: "\" report.txt")!.lowerBound])
        let run = try CLI.run(["check", claim, "report.txt", "--format", "table"], cwd: Fixtures.path("verify"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.trimmingCharacters(in: .newlines), output.joined(separator: "\n"))
    }
}
