import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The fixtures newsroom: HTML, Markdown and text articles citing pages on the loopback server,
/// covering every status and every resolve step, against golden reports (online and offline).
final class NewsroomTests: XCTestCase {
    var server: TestServer!
    var tmp = ""

    override func setUpWithError() throws {
        server = try TestServer()
        tmp = Fixtures.temporaryFolder("claimtrack-newsroom")
        try Newsroom.prepare(in: tmp, server: server)
    }

    override func tearDown() {
        server.stop()
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func normalized(_ report: String) -> String {
        Normalize.times(report)
            .replacingOccurrences(of: "127.0.0.1:\(server.port)", with: "127.0.0.1:PORT")
            .replacingOccurrences(of: #"since \d{4}-\d{2}-\d{2}"#, with: "since <date>", options: .regularExpression)
            // Claim ids hash the sentence, and these sentences hold the server's port.
            .replacingOccurrences(of: #""id": "c[0-9a-f]{14}""#, with: "\"id\": \"<claim id>\"", options: .regularExpression)
            // Article ids too: an article without a canonical URL is known by its text at first sight.
            .replacingOccurrences(of: #""id": "a[0-9a-f]{14}""#, with: "\"id\": \"<article id>\"", options: .regularExpression)
    }

    func testEveryStatusAndResolveStep() throws {
        let run = try CLI.run(["run"], cwd: tmp, timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try CLI.run(["report", "--format", "json"], cwd: tmp)
        if let problem = Golden.check(normalized(report.stdout), against: "newsroom/expected/report.json") { XCTFail(problem) }
        // The log (no terminal) lists each failed page once, on one line, and sums them up at the end.
        let log = run.stderr.split(separator: "\n").map(String.init)
        let failed = log.filter { $0.contains("; it is tried again on the next run") }
        XCTAssertEqual(failed.count, 3, run.stderr)
        XCTAssertEqual(failed.filter { $0.contains(server.url("/missing") + ": not_found") }.count, 1)
        let summary = try XCTUnwrap(log.firstIndex { $0.contains("fetch: 3 cited pages failed (") }, run.stderr)
        XCTAssertTrue(log[summary].contains("not_found 2, timeout 1") || log[summary].contains("timeout 1"), log[summary])
        XCTAssertTrue(log[summary + 4].hasSuffix("all 3 are listed above"), log[summary + 4])

        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        // The first run, online: every claim is new (not "pending → partial"), counted once (issue 18, point 2).
        let n = ledger.claims.count
        XCTAssertTrue(run.stdout.contains("; \(n) new, 0 changed, 0 removed since the last run"), run.stdout)
        let digest = try CLI.run(["report", "--changed"], cwd: tmp).stdout
        XCTAssertFalse(digest.contains("[PENDING →"), digest)
        XCTAssertEqual(digest.components(separatedBy: "[NEW → ").count - 1, n, digest)
        XCTAssertTrue(digest.contains("run 1: \(n) new, 0 changed, 0 removed\n"), digest)
        XCTAssertTrue(ledger.claims.values.allSatisfy { $0.history.count == 1 && $0.history[0].from == nil }, "one entry for the run")
        let statuses = Set(ledger.claims.values.map(\.status))
        XCTAssertEqual(statuses, [.supported, .contradicted, .partial, .unsupported, .unreachable, .unverifiable, .vague, .unattributed])
        let origins = Set(ledger.claims.values.flatMap { $0.attributions.flatMap(\.origins) })
        XCTAssertEqual(origins, ["sentence link", "paragraph link", "footnote", "search"])
        func claim(_ prefix: String) throws -> ClaimRecord { try XCTUnwrap(ledger.claims.values.first { $0.text.hasPrefix(prefix) }, prefix) }
        XCTAssertEqual(try claim("The port added 1,200 jobs").evidence.first?.conflicts, ["article: 1,200 jobs — source: 800 jobs"])
        XCTAssertEqual(try claim("Reuters reported").status, .supported, "found by the news search")
        XCTAssertEqual(try claim("The Guardian said").reason, "named outlet, no link: The Guardian; the news search found nothing")
        XCTAssertEqual(try claim("The BBC reported").status, .unverifiable, "a rate-limited plain-text answer is not read as JSON")
        let archived = try claim("The authority hired 300 dockers")
        XCTAssertEqual(archived.status, .supported)
        XCTAssertEqual(archived.evidence.first?.fetch, .not_found)
        XCTAssertEqual(archived.evidence.first?.archiveTime, "2025-01-10T00:00:00Z")
        XCTAssertTrue(archived.evidence.first?.archiveUrl?.contains("/web/20250110000000/") == true)
        XCTAssertEqual(try claim("The port lost 50 tugboats").status, .unreachable, "no snapshot: still a dead link")
        XCTAssertEqual(try claim("A second terminal").evidence.first?.fetch, .timeout)
        XCTAssertTrue(try claim("A second terminal").reason.contains("/slow-body timed out"), "slow is not dead")
        XCTAssertFalse(try claim("A second terminal").reason.contains("dead"))

        // The search answers are cached: a second run asks the search service nothing.
        try server.reset()
        XCTAssertEqual(try CLI.run(["run"], cwd: tmp, timeout: 120).status, 0)
        XCTAssertEqual(try server.log().requests.filter { ($0["path"] as? String)?.hasPrefix("/gdelt") == true }.count, 1,
                       "only the rate-limited query is asked again")
    }

    /// On a terminal the progress bar is not scrolled away by failed pages: one summary at the end, the
    /// whole list in .claimtrack/fetch-failures.log. (`script` gives the run a terminal.)
    func testOnATerminalFailuresAreSummedUpAtTheEnd() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) for a terminal") }
        let r = try CLI.run(["-qfec", "'\(CLI.binary)' run", "/dev/null"], cwd: tmp, timeout: 120, executable: "/usr/bin/script")
        XCTAssertEqual(r.status, 0, r.stdout)
        let screen = r.stdout.replacingOccurrences(of: "\r", with: "\n")
        XCTAssertFalse(screen.contains("it is tried again on the next run"), "no line per failed page: " + screen)
        XCTAssertTrue(screen.contains("fetch: 3 cited pages failed ("), screen)
        XCTAssertTrue(screen.contains("  \(server.url("/missing")): not_found"), screen)
        XCTAssertTrue(screen.contains("all 3 are in \(tmp)/.claimtrack/fetch-failures.log") || screen.contains("fetch-failures.log"), screen)
        let list = try String(contentsOfFile: tmp + "/.claimtrack/fetch-failures.log", encoding: .utf8)
        XCTAssertEqual(list.split(separator: "\n").count, 3, list)
        XCTAssertTrue(list.contains(server.url("/slow-body") + ": timeout ("), list)
    }

    /// SIGINT or SIGTERM while a slow page is still coming: the run stops, keeps what it did (pages
    /// fetched, their claims' verdicts, the cache), leaves the claims of the unfinished page as they were
    /// (not "unreachable"), says so, and exits 130 or 143.
    func testSIGINTAndSIGTERMStopCleanlySavingWhatWasDone() throws {
        // The slow page (a byte a second) outlasts the wait below.
        try String(contentsOfFile: tmp + "/pipeline.yml", encoding: .utf8).replacingOccurrences(of: "timeout_s: 1", with: "timeout_s: 30")
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        for (signal, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            try? FileManager.default.removeItem(atPath: tmp + "/ledger.json")
            try? FileManager.default.removeItem(atPath: tmp + "/.claimtrack")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["run"]
            p.currentDirectoryURL = URL(fileURLWithPath: tmp)
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            // Wait until only the slow page is left: the fast ones are in the cache.
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, ((try? FileManager.default.subpathsOfDirectory(atPath: tmp + "/.claimtrack/cache")) ?? []).filter({ !$0.hasPrefix(".") }).count < 4 {
                usleep(100_000)
            }
            usleep(1_000_000)
            kill(p.processIdentifier, signal)
            let started = Date()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "stops promptly, not after the slow page")
            XCTAssertEqual(p.terminationStatus, code, stderr)
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            XCTAssertTrue(stderr.contains("\(name): stopping; what is done so far is saved"), stderr)
            XCTAssertTrue(stderr.contains("claimtrack run: stopped by \(name) after 3 of 3 articles; saved"), stderr)
            let ledger = try LedgerStore.load(tmp + "/ledger.json")
            func claim(_ prefix: String) throws -> ClaimRecord { try XCTUnwrap(ledger.claims.values.first { $0.text.hasPrefix(prefix) }, prefix) }
            XCTAssertEqual(try claim("The port added 1,200 jobs").status, .contradicted, "a page fetched before the stop is recorded")
            XCTAssertEqual(try claim("A second terminal").status, .pending, "the unfinished page is not a dead one")
            XCTAssertEqual(ledger.runs.count, 1)
        }
    }

    func testFailureSummaryCountsByOutcomeAndShowsTheFirstFew() {
        let failures: [(url: String, outcome: FetchOutcome)] = [("http://a/1", .timeout), ("http://a/2", .not_found), ("http://a/3", .not_found),
                                                                ("http://a/4", .dns), ("http://a/5", .not_found)]
        XCTAssertEqual(Message.fetchFailureSummary(failures, fullList: "are in x.log"), [
            "fetch: 5 cited pages failed (not_found 3, dns 1, timeout 1); they are tried again on the next run",
            "  http://a/1: timeout", "  http://a/2: not_found", "  http://a/3: not_found", "  … and 2 more; all 5 are in x.log",
        ])
        XCTAssertEqual(Message.fetchFailureSummary([], fullList: "x"), [])
    }

    func testOfflineRunLeavesLinkedClaimsPending() throws {
        let run = try CLI.run(["run", "--offline"], cwd: tmp)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try CLI.run(["report", "--format", "json"], cwd: tmp)
        if let problem = Golden.check(normalized(report.stdout), against: "newsroom/expected/report.offline.json") { XCTFail(problem) }
        XCTAssertTrue(try LedgerStore.load(tmp + "/ledger.json").claims.values.contains { $0.status == .pending })
        XCTAssertEqual(try server.log().requests.filter { !(($0["path"] as? String) ?? "").hasPrefix("/_") }.count, 0)
    }
}
