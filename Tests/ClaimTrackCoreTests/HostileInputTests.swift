@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 18, point 9: input written to break claimtrack — by an article, a cited site, or a file
/// planted next to the ledger. Each test fails on the build before its fix.
final class HostileInputTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        tmp = Fixtures.temporaryFolder("claimtrack-hostile")
        try FileManager.default.createDirectory(atPath: tmp + "/news", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }

    func write(_ text: String, _ name: String) throws {
        try text.write(toFile: tmp + "/news/" + name, atomically: true, encoding: .utf8)
    }

    func runOffline() throws -> CLI.Result {
        let r = try CLI.run(["run", "news", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r
    }

    // MARK: robots.txt (RFC 9309)

    func testRobotsOverTheSizeLimitIsReadForItsFirst500KiB() throws {
        // 2 MB, over max_bytes (1 MB here); its one rule stands after ~400 KiB of comments.
        let server = try TestServer(["--robots", "big"])
        defer { server.stop() }
        let r = Fetcher(options: TestServer.options()).fetchAll(["/private/secret", "/ok"].map { FetchRequest(url: server.url($0)) })
        XCTAssertEqual(r.map(\.0.outcome), [.robots, .ok], r.map(\.0.detail).joined(separator: " / "))
        XCTAssertEqual(r[0].0.detail, "robots.txt disallows /private/")
    }

    func testRobotsAnswering5xxDisallowsEverything() throws {
        let server = try TestServer(["--robots", "5xx"])
        defer { server.stop() }
        let r = Fetcher(options: TestServer.options()).fetchAll([FetchRequest(url: server.url("/ok"))]).first!.0
        XCTAssertEqual(r.outcome, .robots, r.detail)
        XCTAssertTrue(r.detail.contains("HTTP 503"), r.detail)
        let paths = try server.log().requests.compactMap { $0["path"] as? String }
        XCTAssertEqual(paths.filter { $0 == "/ok" }.count, 0, "the page itself is never requested")
        // The status decides, not the body: a 5xx with an error page longer than the limit still disallows.
        let big = try TestServer(["--robots", "5xx-big"])
        defer { big.stop() }
        XCTAssertEqual(Fetcher(options: TestServer.options()).fetchAll([FetchRequest(url: big.url("/ok"))]).first?.0.outcome, .robots)
    }

    func testRobotsIsReadWhateverItsContentType() throws {
        let server = try TestServer(["--robots", "odd-type"])
        defer { server.stop() }
        let r = Fetcher(options: TestServer.options()).fetchAll(["/private/secret", "/ok"].map { FetchRequest(url: server.url($0)) })
        XCTAssertEqual(r.map(\.0.outcome), [.robots, .ok])
    }

    // MARK: Retry-After

    func testRetryAfterHoldsOnlyItsURLNotTheHost() throws {
        let server = try TestServer()
        defer { server.stop() }
        // One connection at a time: /retry-after answers 429 with Retry-After: 1, the pages after it must not wait.
        let options = TestServer.options { $0.perHost = 1; $0.robots = false; $0.retries = 2 }
        let r = Fetcher(options: options).fetchAll(["/retry-after", "/page/1", "/page/2"].map { FetchRequest(url: server.url($0)) })
        XCTAssertEqual(r.map(\.0.outcome), [.ok, .ok, .ok])
        let log = try server.log().requests
        let first429 = try XCTUnwrap(log.first { ($0["path"] as? String) == "/retry-after" }?["time"] as? Double)
        let page2 = try XCTUnwrap(log.first { ($0["path"] as? String) == "/page/2" }?["time"] as? Double)
        XCTAssertLessThan(page2 - first429, 0.8, "the host's other URLs go on while one URL waits its Retry-After")
    }

    func testRetryAfterLongerThanARunWaitsLeavesTheURLWaitingForItsHost() throws {
        let server = try TestServer()
        defer { server.stop() }
        // Four URLs answer 429 with Retry-After: 3600; a run waits at most 3 s here.
        var options = TestServer.options { $0.perHost = 2; $0.robots = false; $0.retries = 2 }
        options.retryAfterCapS = 3
        let started = Date()
        let r = Fetcher(options: options).fetchAll((1...4).map { FetchRequest(url: server.url("/busy/\($0)")) } + [FetchRequest(url: server.url("/ok"))])
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5, "nobody sits out a cap, let alone four")
        for (result, _) in r.prefix(4) {
            XCTAssertEqual(result.outcome, .http_error)
            XCTAssertEqual(result.attempts, 1, "not retried before the time the host asked for")
            let until = try XCTUnwrap(result.waitUntil, result.detail)
            XCTAssertGreaterThan(until.timeIntervalSinceNow, 3500)
            XCTAssertTrue(result.detail.contains("waiting for its host until"), result.detail)
        }
        XCTAssertEqual(r.last?.0.outcome, .ok)
    }

    func testAClaimWhosePageAsksToWaitIsPendingWaitingForItsHost() throws {
        let server = try TestServer()
        defer { server.stop() }
        try write("# Port\n\nThe Harbor Authority said cargo rose 9 percent in 2025, according to [its annual report](\(server.url("/busy/report"))).\n", "port.md")
        try "articles: news\nfetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 3, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let started = Date()
        let r = try CLI.run(["run"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        let claim = try XCTUnwrap(try LedgerStore.load(tmp + "/ledger.json").claims.values.first { $0.text.contains("cargo rose") })
        XCTAssertEqual(claim.status, .pending, claim.reason)
        XCTAssertTrue(claim.reason.contains("waiting for its host"), claim.reason)
        XCTAssertNotNil(claim.evidence.first?.waitUntil)
        let json = try CLI.run(["report", "--format", "json"], cwd: tmp)
        XCTAssertTrue(json.stdout.contains("\"wait_until\""), json.stdout)
        // The next run does not ask the host again before the time it gave, and the claim keeps waiting.
        XCTAssertEqual(try CLI.run(["run"], cwd: tmp).status, 0)
        XCTAssertEqual(try server.log().counters["/busy/report"], 1)
        XCTAssertEqual(try LedgerStore.load(tmp + "/ledger.json").claims[claim.id]?.status, .pending)
    }

    // MARK: Reports

    static let scriptClaim = "The mayor said 40 homes lost power in 2025 </script><script>alert(1)</script> <!-- and\u{2028}more.\n"

    func testClaimReviewCannotEndTheScriptElementItIsEmbeddedIn() throws {
        try write(Self.scriptClaim, "script.txt")
        _ = try runOffline()
        let r = try CLI.run(["report", "--format", "claimreview"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.lowercased().contains("</script"), r.stdout)
        XCTAssertFalse(r.stdout.contains("<!--"))
        XCTAssertFalse(r.stdout.contains("\u{2028}"))
        // Still the same JSON: the claim reads back unchanged.
        let reviews = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(reviews.contains { ($0["claimReviewed"] as? String)?.contains("</script><script>alert(1)</script>") == true })
    }

    func testCSVNeutralisesFullwidthAndOtherFormulaLookAlikes() throws {
        try write("＝HYPERLINK(\"http://evil.example\") says 12 buildings burned in 2023, officials said.\n", "formula.txt")
        _ = try runOffline()
        let csv = try CLI.run(["report", "--format", "csv"], cwd: tmp).stdout
        XCTAssertTrue(csv.contains("\"'＝HYPERLINK("), csv)
        for cell in ["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "−1", " =1", "\u{200B}=1", "\t=1"] {
            XCTAssertTrue(CSVReportFormatter.field(cell).hasPrefix("'") || CSVReportFormatter.field(cell).hasPrefix("\"'"), cell)
        }
        XCTAssertEqual(CSVReportFormatter.field("12 buildings"), "12 buildings")
    }

    func testEscapeSequencesFromArticlesReachNoTerminal() throws {
        try write("The mayor said \u{1B}]0;owned\u{7}40 homes lost power \u{1B}[2Jin 2025 \u{9B}31m in the city.\n", "escape.txt")
        _ = try runOffline()
        let table = try CLI.run(["report"], cwd: tmp)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("40 homes"), table.stdout)
        XCTAssertFalse(table.stdout.contains("\u{1B}"), "no raw ESC in the table report")
        XCTAssertFalse(table.stdout.contains("\u{9B}"), "no raw CSI in the table report")
        XCTAssertTrue(table.stdout.contains("\\x1b]0;owned\\x07"), table.stdout)
        let id = try XCTUnwrap(try LedgerStore.load(tmp + "/ledger.json").claims.keys.first)
        let show = try CLI.run(["show", id], cwd: tmp)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("40 homes"), show.stdout)
        XCTAssertFalse(show.stdout.contains("\u{1B}"))
        XCTAssertFalse(show.stdout.contains("\u{7}"))
        let markdown = try CLI.run(["report", "--format", "markdown"], cwd: tmp).stdout
        XCTAssertFalse(markdown.contains("\u{1B}"))
        let extract = try CLI.run(["extract", "news/escape.txt", "--format", "table"], cwd: tmp)
        XCTAssertTrue(extract.stdout.contains("40 homes"), extract.stdout)
        XCTAssertFalse(extract.stdout.contains("\u{1B}"))
        // An error naming a file keeps the file name's escape sequence inert too.
        let missing = try CLI.run(["extract", "news/\u{1B}[2Jgone.txt"], cwd: tmp)
        XCTAssertTrue(missing.stderr.contains("\\x1b[2Jgone.txt"), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("\u{1B}"))
    }

    func testANewlineInAFileNameForgesNoLogLineAndNoMarkdownHeading() throws {
        // An empty file makes a logged diagnostic that names it; an article puts its name in the report.
        FileManager.default.createFile(atPath: tmp + "/news/a\n2026-01-01T00:00:00Z forged line.txt", contents: Data())
        try write("The mayor said 40 homes lost power in 2025, officials said.\n", "b`\n## Forged heading.txt")
        let r = try runOffline()
        let lines = r.stderr.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        XCTAssertFalse(lines.contains { $0.hasPrefix("2026-01-01T00:00:00Z forged") }, r.stderr)
        XCTAssertTrue(r.stderr.contains("a\\n2026-01-01T00:00:00Z forged line.txt: "), r.stderr)
        let markdown = try CLI.run(["report", "--format", "markdown"], cwd: tmp).stdout
        XCTAssertFalse(markdown.split(separator: "\n").contains { $0.hasPrefix("## Forged") }, markdown)
        XCTAssertTrue(markdown.contains("`news/b'\\n## Forged heading.txt`") || markdown.contains("`b'\\n## Forged heading.txt`"), markdown)
    }

    // MARK: The ledger's files

    func testALockFileThatIsASymbolicLinkNeverTruncatesItsTarget() throws {
        try write("The mayor said 40 homes lost power in 2025, officials said.\n", "a.txt")
        let precious = tmp + "/precious.txt"
        try "do not truncate me\n".write(toFile: precious, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: tmp + "/ledger.json.lock", withDestinationPath: precious)
        let r = try CLI.run(["run", "news", "--offline"], cwd: tmp)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("ledger.json.lock") && r.stderr.contains("symbolic link"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: precious, encoding: .utf8), "do not truncate me\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/ledger.json"), "no run without the lock")
    }

    func testARewrittenLedgerKeepsItsMode() throws {
        try write("The mayor said 40 homes lost power in 2025, officials said.\n", "a.txt")
        _ = try runOffline()
        let ledger = tmp + "/ledger.json"
        for mode in [0o600, 0o444, 0o640] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: ledger)
            _ = try runOffline()
            let after = try FileManager.default.attributesOfItem(atPath: ledger)[.posixPermissions] as? Int
            XCTAssertEqual(after, mode, String(mode, radix: 8))
        }
        XCTAssertEqual(try LedgerStore.load(ledger).runs.count, 4, "every run did rewrite the ledger")
    }

    // MARK: HTML

    func testTextNestedDeeperThan256ElementsIsKept() throws {
        let depth = 600
        let html = "<html><head><title>Deep</title></head><body><article><p>The council said 12 bridges closed in 2024, officials said.</p>"
            + String(repeating: "<div>", count: depth) + "<p>The ministry said 40 people were hurt in 2024, police said.</p>"
            + String(repeating: "</div>", count: depth) + "<p>The mayor said 7 schools reopened in 2025, the city said.</p></article></body></html>"
        try write(html, "deep.html")
        let r = try CLI.run(["extract", "news/deep.html", "--format", "text"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("40 people were hurt"), r.stdout)
        XCTAssertTrue(r.stdout.contains("7 schools reopened"), "and the text after the deep part")
        // Very deep nesting stays quick (the walk is flat).
        let deeper = "<html><body><p>Start.</p>" + String(repeating: "<div>", count: 50_000) + "<p>The ministry said 40 people were hurt in 2024.</p></body></html>"
        let started = Date()
        XCTAssertNotNil(HTMLReader.read(deeper))
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    // MARK: Addresses

    func testIPv6FormsThatEmbedAnIPv4AddressAreJudgedByIt() {
        func v6(_ text: String) -> [UInt8] {
            var a = in6_addr()
            XCTAssertEqual(inet_pton(AF_INET6, text, &a), 1, text)
            return withUnsafeBytes(of: &a) { Array($0) }
        }
        for refused in ["::127.0.0.1", "::10.0.0.1", "::ffff:0:127.0.0.1", "::ffff:0:192.168.1.1", "2002:7f00:1::", "2002:a9fe:a9fe::1",
                        "64:ff9b:1::7f00:1", "64:ff9b:1::5db8:d822", "64:ff9b::7f00:1", "::ffff:127.0.0.1"] {
            XCTAssertNotNil(AddressPolicy.refusalV6(v6(refused)), refused)
        }
        XCTAssertEqual(AddressPolicy.refusalV6(v6("2002:7f00:1::")), "loopback")
        XCTAssertEqual(AddressPolicy.refusalV6(v6("::ffff:0:169.254.169.254")), "link-local, cloud metadata")
        for allowed in ["2002:5db8:d822::1", "64:ff9b::5db8:d822", "2606:4700::1111"] {
            XCTAssertNil(AddressPolicy.refusalV6(v6(allowed)), allowed)
        }
    }

    func testFetchRefusesIPv6FormsOfLoopbackBeforeConnecting() throws {
        let server = try TestServer()
        defer { server.stop() }
        let refuse = TestServer.options { $0.allowPrivateAddresses = false; $0.retries = 0 }
        let urls = ["::127.0.0.1", "::ffff:0:127.0.0.1", "2002:7f00:1::", "64:ff9b:1::7f00:1"].map { "http://[\($0)]:\(server.port)/ok" }
        for (result, _) in Fetcher(options: refuse).fetchAll(urls.map { FetchRequest(url: $0) }) {
            XCTAssertEqual(result.outcome, .refused, result.url + " " + result.detail)
        }
    }
}
