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
        let folder = tmp + "/newsroom"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("newsroom/articles")) {
            let text = try String(contentsOfFile: Fixtures.path("newsroom/articles/" + name), encoding: .utf8)
            try text.replacingOccurrences(of: "PORT", with: String(server.port)).write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try """
        articles: newsroom
        resolve:
          search: {provider: gdelt, endpoint: "\(server.url("/gdelt"))"}
          archive: {provider: wayback, endpoint: "\(server.url("/wayback/available"))"}
        fetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 1, retries: 0}
        """.write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
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

        // The search answers are cached: a second run asks the search service nothing.
        try server.reset()
        XCTAssertEqual(try CLI.run(["run"], cwd: tmp, timeout: 120).status, 0)
        XCTAssertEqual(try server.log().requests.filter { ($0["path"] as? String)?.hasPrefix("/gdelt") == true }.count, 1,
                       "only the rate-limited query is asked again")
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
