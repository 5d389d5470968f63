@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Stages 3 to 6 without a server: `ReplayPageFetcher` serves the pages (from a dictionary or a folder),
/// the news search's and the web archive's answers, and the run verifies and records as it would
/// against the web. The fetch stage itself is tested against the loopback server (FetchTests, FetchRunTests).
final class ReplayTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        tmp = Fixtures.temporaryFolder("claimtrack-replay")
        try FileManager.default.createDirectory(atPath: tmp + "/news", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }

    static let report = "<html><head><title>Annual report</title></head><body><article><h1>Annual report 2025</h1>"
        + "<p>Cargo through the port rose 9 percent in 2025, the Harbor Authority said in its annual report.</p>"
        + "<p>The authority added 800 jobs at the port during the year, most of them permanent.</p></article></body></html>"

    func configuration(search: Bool = false, archive: Bool = false, recheck: String = "7d") throws -> Configuration {
        var yaml = "articles: \(tmp)/news\nledger: \(tmp)/ledger.json\ncache: \(tmp)/cache\nrecheck_after: \(recheck)\n"
        if archive && !search { yaml += "resolve:\n  archive: {provider: wayback, endpoint: \"https://archive.example/available\"}\n" }
        if search {
            yaml += "resolve:\n  search: {provider: gdelt, endpoint: \"https://search.example/doc\"}\n"
                + "  archive: {provider: wayback, endpoint: \"https://archive.example/available\"}\n"
                + "  outlets:\n    - {name: Harbor Gazette, domain: harborgazette.example}\n"
        }
        try yaml.write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: tmp + "/pipeline.yml")
    }

    func claims() throws -> [String: ClaimRecord] {
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        return Dictionary(uniqueKeysWithValues: ledger.claims.values.map { (String($0.text.prefix(20)), $0) })
    }

    /// Verify and record from replayed pages: a supporting page, a contradicting one, a dead link and a
    /// DNS failure; on the next run the failed URLs alone are asked again, and a page whose validator the
    /// replay still matches is not modified.
    func testVerifyAndRecordFromReplayedPages() throws {
        try """
        # Port

        The Harbor Authority said cargo rose 9 percent in 2025, according to [its annual report](https://port.example/report).

        The authority said 1,200 jobs were added at the port, as [its report](https://port.example/jobs) shows.

        The port hired 300 dockers in 2025, [officials said](https://port.example/gone).

        The port ordered 12 cranes in 2026, [the authority said](https://nowhere.example/cranes).
        """.write(toFile: tmp + "/news/port.md", atomically: true, encoding: .utf8)
        let replay = ReplayPageFetcher([
            "https://port.example/report": .page(Self.report, etag: "\"r1\""),
            "https://port.example/jobs": .page(Self.report),
            "https://nowhere.example/cranes": .failure(.dns, detail: "could not resolve nowhere.example"),
        ])
        let configuration = try configuration()
        let first = try RunPipeline(configuration: configuration, options: .init(offline: false), fetcher: replay).run()
        XCTAssertEqual(first.run.counts.pagesFetched, 2)
        XCTAssertEqual(first.run.counts.pagesFailed, 2)
        var c = try claims()
        XCTAssertEqual(c["The Harbor Authority"]?.status, .supported)
        XCTAssertTrue(c["The Harbor Authority"]?.evidence.first?.passage?.contains("rose 9 percent in 2025") == true)
        XCTAssertEqual(c["The authority said 1"]?.status, .contradicted)
        XCTAssertEqual(c["The authority said 1"]?.evidence.first?.conflicts, ["article: 1,200 jobs — source: 800 jobs"])
        XCTAssertEqual(c["The port hired 300 d"]?.status, .unreachable)
        XCTAssertEqual(c["The port hired 300 d"]?.evidence.first?.fetch, .not_found)
        XCTAssertEqual(c["The port ordered 12 "]?.status, .unreachable)
        XCTAssertEqual(c["The port ordered 12 "]?.evidence.first?.fetch, .dns)
        XCTAssertEqual(Set(replay.requested), ["https://port.example/report", "https://port.example/jobs", "https://port.example/gone",
                                               "https://nowhere.example/cranes"])

        // The next run: checked claims are not due before recheck_after; failed URLs are retried.
        let again = ReplayPageFetcher(["https://port.example/report": .page(Self.report, etag: "\"r1\"")])
        _ = try RunPipeline(configuration: configuration, options: .init(offline: false), fetcher: again).run()
        XCTAssertEqual(Set(again.requested), ["https://port.example/gone", "https://nowhere.example/cranes"])
        c = try claims()
        XCTAssertEqual(c["The Harbor Authority"]?.status, .supported)
        XCTAssertEqual(c["The port ordered 12 "]?.evidence.first?.fetch, .not_found, "the replay no longer holds it")

        // A forced recheck asks again with the validator; the replay answers 304 and the verdict stands.
        let recheck = try self.configuration(recheck: "0s")
        let third = ReplayPageFetcher(["https://port.example/report": .page(Self.report, etag: "\"r1\"")])
        let r3 = try RunPipeline(configuration: recheck, options: .init(offline: false), fetcher: third).run()
        XCTAssertGreaterThanOrEqual(r3.run.counts.pagesNotModified, 1)
        XCTAssertEqual(try claims()["The Harbor Authority"]?.status, .supported, "a 304 is judged on the cached page")
    }

    /// Pages are judged while the walk goes on (`StreamChecks`): sixty articles share one sentence word for
    /// word (so the recorder qualifies its id in all but one, possibly after that claim was judged) and cite
    /// one shared page and a page each; one claim cites two pages of its own. Every claim gets its verdict, each URL is
    /// asked for once, and a second run over the same ledger asks for nothing.
    func testPagesJudgedDuringTheWalkReachEveryClaimAndEachURLIsAskedOnce() throws {
        var pages: [String: ReplayPageFetcher.Reply] = ["https://port.example/report": .page(Self.report)]
        for k in 0..<60 {
            var text = "# Port \(k)\n\nThe Harbor Authority said cargo rose 9 percent in 2025, according to [its annual report](https://port.example/report).\n\n"
                + "The port hired \(100 + k) dockers in 2025, [officials said](https://port.example/d\(k)).\n"
            if k == 7 { text += "\nThe port ordered 12 cranes in 2026, according to [its plan](https://port.example/c7) and [its budget](https://port.example/c8).\n" }
            try text.write(toFile: tmp + "/news/port\(k).md", atomically: true, encoding: .utf8)
            pages["https://port.example/d\(k)"] = .page("<html><body><article><p>The port hired \(100 + k) dockers in 2025.</p></article></body></html>")
        }
        for url in ["https://port.example/c7", "https://port.example/c8"] {
            pages[url] = .page("<html><body><article><p>The port ordered 12 cranes in 2026.</p></article></body></html>")
        }
        let replay = ReplayPageFetcher(pages)
        let configuration = try configuration()
        let run = try RunPipeline(configuration: configuration, options: .init(offline: false), fetcher: replay).run()
        XCTAssertEqual(run.run.counts.pagesFetched, 63)
        XCTAssertEqual(replay.requested.count, 63, "each URL once: \(replay.requested)")
        XCTAssertEqual(Set(replay.requested).count, 63)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        let shared = ledger.claims.values.filter { $0.text.hasPrefix("The Harbor Authority said cargo") }
        XCTAssertEqual(shared.count, 60)
        XCTAssertEqual(Set(shared.map(\.id)).count, 60)
        for claim in ledger.claims.values where !AttributionRecord.urls(claim.attributions).isEmpty {
            XCTAssertEqual(claim.status, .supported, "\(claim.article): \(claim.text): \(claim.reason)")
            XCTAssertEqual(claim.evidence.count, AttributionRecord.urls(claim.attributions).count, claim.text)
            XCTAssertNotNil(claim.lastChecked, claim.text)
        }
        XCTAssertEqual(ledger.claims.values.first { $0.text.hasPrefix("The port ordered") }?.evidence.map(\.url),
                       ["https://port.example/c7", "https://port.example/c8"])

        let again = ReplayPageFetcher(pages)
        let second = try RunPipeline(configuration: configuration, options: .init(offline: false), fetcher: again).run()
        XCTAssertEqual(again.requested, [], "nothing is due before recheck_after")
        XCTAssertEqual(second.statuses[.supported], run.statuses[.supported])
    }

    /// With the web archive on and no news search, a claim whose link is dead is left for the step after
    /// the walk, which looks up its snapshot and judges it there; the article's other claim is judged
    /// during the walk, and no page is fetched twice.
    func testADeadLinkIsJudgedAgainstItsSnapshotAfterTheWalk() throws {
        try "---\ndate: 2025-01-12\n---\n# Port\n\nThe port hired 300 dockers in 2025, [officials said](https://port.example/gone).\n\n"
            .appending("The Harbor Authority said cargo rose 9 percent in 2025, according to [its annual report](https://port.example/report).\n")
            .write(toFile: tmp + "/news/port.md", atomically: true, encoding: .utf8)
        let lookup = Providers.waybackURL(endpoint: "https://archive.example/available", url: "https://port.example/gone",
                                          timestamp: Providers.parseDate("2025-01-12"))
        let snapshot = "https://archive.example/web/20250110000000/https://port.example/gone"
        let replay = ReplayPageFetcher([
            "https://port.example/report": .page(Self.report),
            lookup: .page(#"{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": "20250110000000", "url": "\#(snapshot)"}}}"#,
                          contentType: "application/json"),
            snapshot: .page("<html><body><article><p>The port hired 300 dockers in 2025, officials said.</p></article></body></html>"),
        ])
        _ = try RunPipeline(configuration: try configuration(archive: true), options: .init(offline: false), fetcher: replay).run()
        let c = try claims()
        let archived = try XCTUnwrap(c["The port hired 300 d"])
        XCTAssertEqual(archived.evidence.first?.fetch, .not_found)
        XCTAssertEqual(archived.evidence.first?.archiveUrl, snapshot)
        XCTAssertEqual(archived.status, .supported, archived.reason)
        XCTAssertEqual(c["The Harbor Authority"]?.status, .supported)
        XCTAssertEqual(replay.requested.filter { $0.hasPrefix("https://port.example/") }.sorted(), ["https://port.example/gone", "https://port.example/report"])
    }

    /// Pages from a folder (`scheme/host/path`), the news search for a named outlet without a link and the
    /// web archive for a dead link, all replayed: resolve's network steps, verify and record, no server.
    func testNewsSearchAndWebArchiveFromAReplayFolder() throws {
        let gazette = "The Harbor Gazette reported that 40 new berths opened at the port in 2025."
        let dead = "The port hired 300 dockers in 2025, [officials said](https://port.example/gone)."
        try "---\ndate: 2025-01-12\n---\n# Port\n\n\(gazette)\n\n\(dead)\n".write(toFile: tmp + "/news/port.md", atomically: true, encoding: .utf8)
        let pages = tmp + "/replay"
        func put(_ url: String, _ body: String) throws {
            let u = try XCTUnwrap(URLComponents(string: url))
            let file = "\(pages)/\(u.scheme!)/\(u.host!)\(u.path)"
            try FileManager.default.createDirectory(atPath: PathUtil.parent(of: file), withIntermediateDirectories: true)
            try body.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let date = Providers.parseDate("2025-01-12")
        let claim = try XCTUnwrap(Extractor().extract(try ArticleReader.read(tmp + "/news/port.md", displayPath: "port.md").get())
            .claims.first { $0.text.hasPrefix("The Harbor Gazette") })
        let search = Providers.gdeltURL(endpoint: "https://search.example/doc",
                                        query: Providers.gdeltQuery(claim: claim.text, domain: "harborgazette.example"), around: date)
        let lookup = Providers.waybackURL(endpoint: "https://archive.example/available", url: "https://port.example/gone", timestamp: date)
        let snapshot = "https://archive.example/web/20250110000000/https://port.example/gone.html"
        // The two answers are kept by request URL (queries are not part of a folder's file names).
        let replay = ReplayPageFetcher(folder: pages, [
            search: .page(#"{"articles": [{"url": "https://harborgazette.example/berths.html", "title": "Port opens 40 new berths", "domain": "harborgazette.example"}]}"#,
                          contentType: "application/json"),
            lookup: .page(#"{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": "20250110000000", "url": "\#(snapshot)"}}}"#,
                          contentType: "application/json"),
        ])
        try put("https://harborgazette.example/berths.html",
                "<html><body><article><p>Forty new berths opened at the port in 2025, the Harbor Gazette reported.</p><p>40 new berths opened at the port in 2025.</p></article></body></html>")
        try put(snapshot, "<html><body><article><p>The port hired 300 dockers in 2025, officials said.</p></article></body></html>")

        _ = try RunPipeline(configuration: try configuration(search: true), options: .init(offline: false), fetcher: replay).run()
        let c = try claims()
        let found = try XCTUnwrap(c["The Harbor Gazette r"])
        XCTAssertEqual(found.attributions.flatMap(\.urls), ["https://harborgazette.example/berths.html"])
        XCTAssertEqual(found.attributions.flatMap(\.sourceOrigins), [.search])
        XCTAssertEqual(found.status, .supported, found.reason)
        let archived = try XCTUnwrap(c["The port hired 300 d"])
        XCTAssertEqual(archived.evidence.first?.fetch, .not_found)
        XCTAssertEqual(archived.evidence.first?.archiveUrl, snapshot)
        XCTAssertEqual(archived.evidence.first?.archiveTime, "2025-01-10T00:00:00Z")
        XCTAssertEqual(archived.status, .supported, archived.reason)
    }

    /// Verify alone: a resolved claim and a page give the outcome `run` records, the same verdict `check` gives.
    func testClaimCheckJudgesResolvedClaimsAgainstPages() throws {
        let page = try XCTUnwrap(PageDecoder.decode(Array(Self.report.utf8), contentType: "text/html", url: "https://port.example/report",
                                                    finalURL: "https://port.example/report"))
        let attribution = AttributionRecord(source: "the Harbor Authority", kind: .organization, cue: "said", resolved: nil, outlet: nil,
                                            urls: ["https://port.example/report", "https://port.example/gone"],
                                            origins: [SourceOrigin.sentenceLink.rawValue, SourceOrigin.paragraphLink.rawValue])
        let claim = ResolvedClaim(id: "c1", text: "The Harbor Authority said cargo rose 9 percent in 2025.", attributions: [attribution])
        var ok = SourceRecord(url: "https://port.example/report")
        ok.fetch = .ok
        ok.contentHash = page.contentHash
        var gone = SourceRecord(url: "https://port.example/gone")
        gone.fetch = .not_found
        let sources = [ok.url: ok, gone.url: gone]
        let verifier = Verifier(ConfigDefaults.configuration.verify)
        let outcomes = ClaimCheck.outcomes([claim], sources: { sources[$0] }, page: { $0 == page.contentHash ? page : nil }, verifier: verifier)
        XCTAssertEqual(outcomes.count, 1)
        XCTAssertEqual(outcomes[0].evidence.map(\.fetch), [.ok, .not_found])
        XCTAssertEqual(outcomes[0].evidence[0].verdict, verifier.check(claim: claim.text, page: page.text).verdict)
        XCTAssertNil(outcomes[0].evidence[1].verdict)
        XCTAssertEqual(outcomes[0].status, .supported)
        XCTAssertEqual(attribution.sourceOrigins, [.sentenceLink, .paragraphLink])
    }

    /// `check` and `show` as library calls: the pair judged from a replayed URL as from its text, a batch
    /// answered line by line, and a recorded claim found by a prefix of its id and rendered.
    func testCheckAndShowAreLibraryCalls() throws {
        let url = "https://port.example/report"
        let configuration = try configuration()
        let check = PairCheck(configuration: configuration, fetcher: ReplayPageFetcher([url: .page(Self.report)]))
        let claim = "The Harbor Authority said cargo rose 9 percent in 2025."
        let byURL = try check.check(claim: claim, source: url, standardInput: { [] })
        XCTAssertEqual(byURL.verdict, .supported)
        XCTAssertThrowsError(try check.check(claim: claim, source: "https://port.example/gone", standardInput: { [] })) { error in
            XCTAssertTrue("\(error)".contains("not_found"), "\(error)")
        }
        let batch = check.batch(Data("""
        {"id": "a", "claim": "\(claim)", "url": "\(url)"}
        not json
        {"id": 7, "claim": "\(claim)", "url": "https://port.example/gone"}
        {"id": "b"}
        """.utf8), standardInput: { [] })
        XCTAssertEqual(batch.count, 4)
        guard case .judged(let lineID, let result) = batch[0] else { return XCTFail("\(batch[0])") }
        XCTAssertEqual(lineID, "a")
        XCTAssertEqual(result, byURL)
        guard case .failed(nil, let bad) = batch[1], case .failed("7", let gone) = batch[2], case .failed("b", let none) = batch[3] else { return XCTFail("\(batch)") }
        XCTAssertEqual(bad, "line 2: not a JSON object")
        XCTAssertTrue(gone.hasPrefix("fetch not_found"), gone)
        XCTAssertEqual(none, "no claim")

        try "# Port\n\n\(claim.dropLast()), according to [its annual report](\(url)).\n".write(toFile: tmp + "/news/port.md", atomically: true, encoding: .utf8)
        _ = try RunPipeline(configuration: configuration, options: .init(offline: false), fetcher: ReplayPageFetcher([url: .page(Self.report)])).run()
        let store = try LedgerBackends.open(configuration.ledger, mode: .read)
        defer { store.close() }
        let id = try XCTUnwrap(try claims()["The Harbor Authority"]?.id)
        let shown = try ShownClaim.find(String(id.prefix(6)), in: store, ledger: configuration.ledger)
        XCTAssertEqual(shown.claim.id, id)
        XCTAssertEqual(shown.sources[url]?.fetch, .ok)
        let lines = ShowFormatter.lines(shown)
        XCTAssertEqual(lines.first, "claim \(id): supported")
        XCTAssertTrue(lines.contains("  \(url) (sentence link)"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("evidence: \(url) — ok, supported") }, "\(lines)")
        XCTAssertThrowsError(try ShownClaim.find("cffffffffffff", in: store, ledger: configuration.ledger))
    }
}
