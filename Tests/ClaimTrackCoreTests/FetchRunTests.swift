import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// `claimtrack run` and `claimtrack fetch` against the loopback server: ledger records, cache,
/// conditional requests on the next run, failed URLs retried, one fetch per URL per run.
final class FetchRunTests: XCTestCase {
    var server: TestServer!
    var tmp = ""

    override func setUpWithError() throws {
        server = try TestServer()
        tmp = Fixtures.temporaryFolder("claimtrack-fetchrun")
        try FileManager.default.createDirectory(atPath: tmp + "/news", withIntermediateDirectories: true)
        let article = """
        # Port

        The Harbor Authority said cargo rose 9 percent in 2025, according to [its annual report](\(server.url("/etag"))).

        The authority said 800 jobs were added at the port, as [its report](\(server.url("/etag"))) shows.

        The port hired 300 dockers, [officials said](\(server.url("/missing"))).

        A paywalled story by the Harbor Gazette said 3 ships sank in 2024 ([link](\(server.url("/forbidden")))).

        Reuters said 12 cranes arrived in 2026.
        """
        try article.write(toFile: tmp + "/news/port.md", atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        server.stop()
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func writeConfig(recheck: String) throws {
        try "articles: news\nrecheck_after: \(recheck)\nfetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 3, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
    }

    func claims() throws -> [String: ClaimRecord] {
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        return Dictionary(uniqueKeysWithValues: ledger.claims.values.map { (String($0.text.prefix(20)), $0) })
    }

    func testRunFetchesRecordsAndRechecks() throws {
        try writeConfig(recheck: "7d")
        let first = try CLI.run(["run"], cwd: tmp)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("3 pages checked (1 fetched, 0 not modified, 2 failed)"), first.stdout)
        var c = try claims()
        XCTAssertEqual(c["The Harbor Authority"]?.status, .supported)
        XCTAssertEqual(c["The Harbor Authority"]?.evidence.map(\.fetch), [.ok])
        XCTAssertEqual(c["The Harbor Authority"]?.evidence.first?.verdict, .supported)
        XCTAssertTrue(c["The Harbor Authority"]?.evidence.first?.passage?.contains("rose 9 percent in 2025") == true)
        XCTAssertEqual(c["The authority said 8"]?.status, .supported)
        XCTAssertEqual(c["The port hired 300 d"]?.status, .unreachable)
        XCTAssertTrue(c["The port hired 300 d"]?.reason.contains("dead (not_found) since") == true)
        XCTAssertEqual(c["A paywalled story by"]?.status, .unreachable)
        XCTAssertTrue(c["A paywalled story by"]?.reason.contains("blocked (paywall or bot wall)") == true, "blocked is not dead")
        XCTAssertEqual(c["Reuters said 12 cran"]?.status, .unverifiable)
        // One URL cited by two claims: fetched once.
        XCTAssertEqual(try server.log().requests.filter { ($0["path"] as? String) == "/etag" }.count, 1)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        let etag = try XCTUnwrap(ledger.sources[server.url("/etag")])
        XCTAssertEqual(etag.etag, "\"v1\"")
        XCTAssertEqual(etag.fetch, .ok)
        XCTAssertEqual(etag.contentType, "text/html; charset=utf-8")
        let page = try XCTUnwrap(PageCache(folder: tmp + "/.claimtrack/cache").load(try XCTUnwrap(etag.contentHash)))
        XCTAssertTrue(page.text.contains("rose 9 percent in 2025"))
        XCTAssertEqual(ledger.sources[server.url("/missing")]?.failures, 1)
        XCTAssertNil(ledger.sources[server.url("/missing")]?.etag, "failures are never cached as pages")

        // Second run inside recheck_after: only the failed URLs are tried again.
        try server.reset()
        let second = try CLI.run(["run"], cwd: tmp)
        XCTAssertTrue(second.stdout.contains("2 pages checked (0 fetched, 0 not modified, 2 failed)"), second.stdout)
        let paths = try server.log().requests.compactMap { $0["path"] as? String }.filter { !$0.hasPrefix("/_") }
        XCTAssertEqual(Set(paths), ["/robots.txt", "/missing", "/forbidden"])
        XCTAssertEqual(try LedgerStore.load(tmp + "/ledger.json").sources[server.url("/missing")]?.failures, 2)

        // With recheck_after 0s everything is due: the page is asked for conditionally and not downloaded again.
        try writeConfig(recheck: "0s")
        try server.reset()
        let third = try CLI.run(["run"], cwd: tmp)
        XCTAssertTrue(third.stdout.contains("(0 fetched, 1 not modified, 2 failed)"), third.stdout)
        let conditional = try server.log().requests.first { ($0["path"] as? String) == "/etag" }
        XCTAssertEqual(conditional?["if_none_match"] as? String, "\"v1\"")
        XCTAssertEqual(conditional?["if_modified_since"] as? String, "Mon, 02 Mar 2026 10:00:00 GMT")
        c = try claims()
        XCTAssertEqual(c["The Harbor Authority"]?.evidence.map(\.fetch), [.not_modified])
        XCTAssertEqual(c["The Harbor Authority"]?.status, .supported, "a 304 is verified against the cached page")
    }

    func testOfflineRunFetchesNothing() throws {
        try writeConfig(recheck: "7d")
        let r = try CLI.run(["run", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(try server.log().requests.filter { !(($0["path"] as? String) ?? "").hasPrefix("/_") }.count, 0)
        XCTAssertEqual(try claims()["The port hired 300 d"]?.status, .pending)
    }

    func testFetchCommandPrintsOneLinePerArgumentAsGiven() throws {
        try writeConfig(recheck: "7d")
        let urls = [server.url("/ok"), server.url("/missing"), "file:///etc/passwd", server.url("/ok"), "javascript:alert(1)"]
        try (server.url("/doc.pdf") + "\n# a comment\n\n" + server.url("/private/x") + "\n").write(toFile: tmp + "/urls.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["fetch"] + urls + ["--urls", "urls.txt"], cwd: tmp)
        XCTAssertEqual(r.status, 1, "some URLs failed: every line printed, then exit 1 (issue 18)")
        let lines = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(Set(lines.map { $0["url"] as! String }), Set(urls + [server.url("/doc.pdf"), server.url("/private/x")]))
        let byURL = Dictionary(lines.map { ($0["url"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byURL[server.url("/ok")]?["fetch"] as? String, "ok")
        XCTAssertEqual(byURL[server.url("/missing")]?["fetch"] as? String, "not_found")
        XCTAssertEqual(byURL["file:///etc/passwd"]?["fetch"] as? String, "refused")
        XCTAssertEqual(byURL["javascript:alert(1)"]?["fetch"] as? String, "refused")
        XCTAssertEqual(byURL[server.url("/doc.pdf")]?["fetch"] as? String, "unsupported_type")
        XCTAssertEqual(byURL[server.url("/private/x")]?["fetch"] as? String, "robots")
        for line in lines {
            for key in ["url", "final_url", "fetch", "http_status", "bytes", "content_type", "elapsed_ms", "detail"] { XCTAssertTrue(line.keys.contains(key), key) }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/ledger.json"), "fetch writes no ledger")
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/.claimtrack"), "and no cache")
        let table = try CLI.run(["fetch", server.url("/forbidden"), "--format", "table"], cwd: tmp)
        XCTAssertTrue(table.stdout.hasPrefix(FetchFormatter.tableHeader + "\nblocked"), table.stdout)
        // Without allow_private_addresses the loopback server is refused.
        try "articles: news\n".write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["fetch", server.url("/ok")], cwd: tmp)
        XCTAssertTrue(refused.stdout.contains("\"fetch\":\"refused\""), refused.stdout)
        XCTAssertEqual(try CLI.run(["fetch"], cwd: tmp).status, 2)
    }
}
