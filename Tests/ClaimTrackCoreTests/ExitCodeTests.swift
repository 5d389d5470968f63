import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 18, point 3: the exit code of every command, from the built binary.
/// 0 done, 1 only --fail-on (fetch and check: some URL or pair failed; extract: a file unreadable),
/// 2 usage or configuration, 3 lock, 4 ledger unreadable or missing, 5 ledger or output unwritable.
final class ExitCodeTests: SeedFolderTestCase {
    static let page = "The Harbor Authority said cargo volumes rose 9 percent in 2025, reaching 2.4 million containers."
    static let claim = "Cargo volumes rose 9 percent in 2025, the Harbor Authority said."

    func testHelpAndREADMEShowOneTable() throws {
        let help = try CLI.run(["--help"], cwd: tmp)
        XCTAssertEqual(help.status, 0)
        let start = try XCTUnwrap(help.stdout.range(of: "EXIT CODES:"))
        let block = String(help.stdout[start.lowerBound...].prefix { _ in true }).components(separatedBy: "\n\n")[0]
        for code in 0...5 { XCTAssertTrue(block.contains("\n  \(code)  "), "code \(code) in --help") }
        let readme = try String(contentsOfFile: Fixtures.root + "/README.md", encoding: .utf8)
        let indented = block.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        XCTAssertTrue(readme.contains(indented), "README's table is --help's table:\n\(indented)")
    }

    func testRunExitCodes() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline", "--fail-on", "vague"], cwd: tmp).status, 1)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline", "--fail-on", "nonsense"], cwd: tmp).status, 2)
        // The ledger's folder cannot exist: a regular file stands where it should be.
        try "not a folder".write(toFile: tmp + "/blocker", atomically: true, encoding: .utf8)
        let unwritable = try CLI.run(["run", "seeds", "--offline", "--ledger", "blocker/ledger.json"], cwd: tmp)
        XCTAssertEqual(unwritable.status, 5, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("blocker/ledger.json"), unwritable.stderr)
    }

    func testReportAndShowExitCodes() throws {
        let noLedger = try CLI.run(["report"], cwd: tmp)
        XCTAssertEqual(noLedger.status, 4)
        XCTAssertTrue(noLedger.stderr.contains("ledger.json: no ledger here yet; `claimtrack run FOLDER` makes one"), noLedger.stderr)
        XCTAssertEqual(noLedger.stdout, "", "no empty report")
        XCTAssertEqual(try CLI.run(["show", "c123"], cwd: tmp).status, 4)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/ledger.json"), "reading never makes a ledger")

        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["report"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["report", "--format", "pdf"], cwd: tmp).status, 2)
        let missingFolder = try CLI.run(["report", "--format", "html", "--output", "nosuch/report.html"], cwd: tmp)
        XCTAssertEqual(missingFolder.status, 5)
        XCTAssertTrue(missingFolder.stderr.contains("nosuch/report.html: cannot be written: the folder ")
                      && missingFolder.stderr.contains("nosuch does not exist"), missingFolder.stderr)
        XCTAssertEqual(try CLI.run(["report", "--output", "report.txt"], cwd: tmp).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp + "/report.txt"))
        XCTAssertEqual(try CLI.run(["show", "nosuchclaim"], cwd: tmp).status, 2)
    }

    func testExtractExitCodes() throws {
        XCTAssertEqual(try CLI.run(["extract", "seeds/china-intelligence-leak.txt"], cwd: tmp).status, 0)
        let missing = try CLI.run(["extract", "missing.txt", "seeds/china-intelligence-leak.txt"], cwd: tmp)
        XCTAssertEqual(missing.status, 1, "DESIGN: an unreadable file is reported, the others written, exit 1")
        XCTAssertTrue(missing.stdout.contains("\"schema\""), "the readable file is still extracted")
        try "not a folder".write(toFile: tmp + "/blocker", atomically: true, encoding: .utf8)
        let unwritable = try CLI.run(["extract", "seeds/china-intelligence-leak.txt", "--output-dir", "blocker/out"], cwd: tmp)
        XCTAssertEqual(unwritable.status, 5, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("blocker/out: cannot be written: "), unwritable.stderr)
        XCTAssertEqual(try CLI.run(["extract"], cwd: tmp).status, 2)
    }

    func testFetchExitsOneWhenSomeURLFailedAfterPrintingEveryLine() throws {
        let server = try TestServer()
        defer { server.stop() }
        try "fetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 3, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["fetch", server.url("/ok"), server.url("/text")], cwd: tmp).status, 0)
        let some = try CLI.run(["fetch", server.url("/ok"), server.url("/missing"), "ftp://x.example/a"], cwd: tmp)
        XCTAssertEqual(some.status, 1)
        XCTAssertEqual(some.stdout.split(separator: "\n").count, 3, some.stdout)
        XCTAssertEqual(try CLI.run(["fetch"], cwd: tmp).status, 2)
    }

    func testExtractURLFetchesAndExtractsThePage() throws {
        let server = try TestServer()
        defer { server.stop() }
        try "fetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 3, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let page = try CLI.run(["extract", server.url("/ok"), "seeds/china-intelligence-leak.txt", "--config", "pipeline.yml"], cwd: tmp)
        XCTAssertEqual(page.status, 0, page.stderr)
        let documents = page.stdout.components(separatedBy: "\n{").count
        XCTAssertEqual(documents, 2, "one JSON document per argument, in order")
        XCTAssertTrue(page.stdout.contains("\"path\": \"\(server.url("/ok"))\""), page.stdout)
        XCTAssertTrue(page.stdout.contains("cargo volumes rose 9 percent in 2025"), page.stdout)
        XCTAssertFalse(page.stdout.contains("© 2026 Test News"), "the main text, not the footer")
        // A page that cannot be had is named; the others are still printed; exit 1 as for an unreadable file.
        let missing = try CLI.run(["extract", server.url("/missing"), server.url("/ok"), "--config", "pipeline.yml"], cwd: tmp)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains(server.url("/missing")) && missing.stderr.contains("not_found"), missing.stderr)
        XCTAssertTrue(missing.stdout.contains("cargo volumes rose"))
        // The address rules hold: a loopback page is refused unless pipeline.yml allows private addresses.
        try "fetch: {delay_ms: 0, timeout_s: 3, retries: 0}\n".write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["extract", server.url("/ok"), "--config", "pipeline.yml"], cwd: tmp)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("fetch refused") && refused.stderr.contains("allow_private_addresses"), refused.stderr)
    }

    func testCheckExitCodes() throws {
        let server = try TestServer()
        defer { server.stop() }
        try "fetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 3, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        try Self.page.write(toFile: tmp + "/page.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", Self.claim, "page.txt"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["check", Self.claim, "-"], cwd: tmp, stdin: Self.page).status, 0)
        XCTAssertEqual(try CLI.run(["check", Self.claim, server.url("/ok")], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["check", Self.claim, server.url("/missing")], cwd: tmp).status, 1)
        XCTAssertEqual(try CLI.run(["check", Self.claim, "missing.txt"], cwd: tmp).status, 1)
        XCTAssertEqual(try CLI.run(["check", Self.claim], cwd: tmp).status, 2)
    }

    func testCheckBatchAnswersEveryLineWithAnErrorObjectForABadOne() throws {
        let good = #"{"id":"a","claim":"\#(Self.claim)","text":"\#(Self.page)"}"#
        let pairs = [good, "this is not json", #"{"id":"b"}"#, #"{"id":"c","claim":"x","file":"missing.txt"}"#, #"{"id":7,"claim":"\#(Self.claim)","text":"\#(Self.page)"}"#]
        // CRLF line ends, as a Windows editor writes them, and a blank line: neither is a bad line.
        try (pairs.joined(separator: "\r\n") + "\r\n\r\n").write(toFile: tmp + "/pairs.jsonl", atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--batch", "pairs.jsonl"], cwd: tmp)
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.count, 5, r.stdout)
        XCTAssertEqual(lines[0]?["id"] as? String, "a")
        XCTAssertNotNil(lines[0]?["verdict"])
        XCTAssertEqual(lines[1]?["error"] as? String, "line 2: not a JSON object")
        XCTAssertEqual(lines[2]?["id"] as? String, "b")
        XCTAssertEqual(lines[2]?["error"] as? String, "no claim")
        XCTAssertEqual(lines[3]?["id"] as? String, "c")
        XCTAssertNotNil(lines[3]?["error"])
        XCTAssertEqual(lines[4]?["id"] as? String, "7")
        XCTAssertNotNil(lines[4]?["verdict"], "the lines after a bad one are still judged")

        try (good + "\n").write(toFile: tmp + "/good.jsonl", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", "--batch", "good.jsonl"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["check", "--batch", "nosuch.jsonl"], cwd: tmp).status, 2)
    }

    func testScheduleExitCodes() throws {
        XCTAssertEqual(try CLI.run(["schedule"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["schedule", "--every", "monthly"], cwd: tmp).status, 2)
    }
}
