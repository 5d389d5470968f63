@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The fetch stage against a real loopback server started by the test.
final class FetchTests: XCTestCase {
    var server: TestServer!

    override func setUpWithError() throws { server = try TestServer() }
    override func tearDown() { server.stop() }

    func fetch(_ paths: [String], _ options: Fetcher.Options = TestServer.options()) -> [String: FetchResult] {
        var out: [String: FetchResult] = [:]
        Fetcher(options: options).fetch(paths.map { FetchRequest(url: server.url($0)) }) { result, _ in
            out[String(result.url.dropFirst(server.url("").count - 1))] = result
        }
        return out
    }

    func testOutcomesOfEveryKindOfAnswer() {
        let r = fetch(["/ok", "/missing", "/gone", "/forbidden", "/teapot", "/redirect/3", "/loop", "/to-file", "/big", "/bomb",
                       "/doc.pdf", "/private/secret", "/text", "/gzip-page", "/reset"])
        XCTAssertEqual(r["/ok"]?.outcome, .ok)
        XCTAssertEqual(r["/ok"]?.httpStatus, 200)
        XCTAssertEqual(r["/missing"]?.outcome, .not_found)
        XCTAssertEqual(r["/gone"]?.outcome, .not_found)
        XCTAssertEqual(r["/forbidden"]?.outcome, .blocked)
        XCTAssertEqual(r["/teapot"]?.outcome, .http_error)
        XCTAssertEqual(r["/redirect/3"]?.outcome, .ok)
        XCTAssertEqual(r["/redirect/3"]?.finalURL, server.url("/ok"))
        XCTAssertEqual(r["/loop"]?.outcome, .error)
        XCTAssertEqual(r["/loop"]?.detail, "more than 10 redirects")
        XCTAssertEqual(r["/to-file"]?.outcome, .refused)
        XCTAssertEqual(r["/big"]?.outcome, .too_large)
        XCTAssertEqual(r["/bomb"]?.outcome, .too_large, "a gzip bomb is stopped on its inflated size")
        XCTAssertLessThanOrEqual(r["/bomb"]?.bytes ?? .max, 1_000_000)
        XCTAssertEqual(r["/doc.pdf"]?.outcome, .unsupported_type)
        XCTAssertEqual(r["/doc.pdf"]?.contentType, "application/pdf")
        XCTAssertEqual(r["/private/secret"]?.outcome, .robots)
        XCTAssertEqual(r["/private/secret"]?.detail, "robots.txt disallows /private/")
        XCTAssertEqual(r["/text"]?.outcome, .ok)
        XCTAssertEqual(r["/gzip-page"]?.outcome, .ok)
        XCTAssertEqual(r["/reset"]?.outcome, .error, "a body that stops half-way")
        XCTAssertEqual(r["/reset"]?.attempts, 3, "connection errors are retried")
    }

    func testTimeoutOnASlowBody() {
        let r = fetch(["/slow-body"], TestServer.options { $0.timeoutS = 1; $0.retries = 0 })
        XCTAssertEqual(r["/slow-body"]?.outcome, .timeout)
        XCTAssertEqual(r["/slow-body"]?.attempts, 1)
    }

    func testRetryAfterAndBackoff() throws {
        let started = Date()
        let r = fetch(["/retry-after", "/flaky", "/retry-after-date"], TestServer.options { $0.retries = 2 })
        XCTAssertEqual(r["/retry-after"]?.outcome, .ok)
        XCTAssertEqual(r["/retry-after"]?.attempts, 2)
        XCTAssertEqual(r["/flaky"]?.outcome, .ok)
        XCTAssertEqual(r["/flaky"]?.attempts, 3)
        XCTAssertEqual(r["/retry-after-date"]?.outcome, .ok)
        // Retry-After: 1 second, and an HTTP date about 2 seconds ahead, were both waited for.
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 1.0)
        let log = try server.log()
        XCTAssertEqual(log.counters["/retry-after"], 2)
        XCTAssertEqual(log.counters["/flaky"], 3)
    }

    func testAHostThatAlways429sIsNotHammered() throws {
        let started = Date()
        let r = fetch(["/always-429"], TestServer.options { $0.retries = 2 })
        XCTAssertEqual(r["/always-429"]?.outcome, .http_error)
        XCTAssertEqual(r["/always-429"]?.httpStatus, 429)
        XCTAssertEqual(try server.log().counters["/always-429"], 3, "one try and two retries, no more")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 2.0, "Retry-After: 1 held the host twice")
    }

    func testPerHostLimitAndDelay() throws {
        let paths = (0..<12).map { "/page/\($0)?sleep=150" }
        _ = fetch(paths, TestServer.options { $0.perHost = 2; $0.concurrency = 16; $0.robots = false })
        let log = try server.log()
        XCTAssertLessThanOrEqual(log.maxActive, 2, "never more than per_host requests at once")
        XCTAssertEqual(log.maxActive, 2, "and the limit is used")
        try server.reset()
        _ = fetch((0..<4).map { "/page/d\($0)" }, TestServer.options { $0.perHost = 4; $0.delayMs = 200; $0.robots = false })
        let times = try server.log().requests.filter { ($0["path"] as? String)?.hasPrefix("/page/") == true }.compactMap { $0["time"] as? Double }.sorted()
        XCTAssertEqual(times.count, 4)
        for (a, b) in zip(times, times.dropFirst()) { XCTAssertGreaterThanOrEqual(b - a, 0.18, "delay_ms between starts on a host") }
    }

    func testRobotsFetchedOncePerHostAndCanBeTurnedOff() throws {
        _ = fetch(["/page/1", "/page/2", "/page/3"])
        XCTAssertEqual(try server.log().counters["/robots.txt"] ?? 0, 0)  // robots.txt is not counted by path counters
        let paths = try server.log().requests.compactMap { $0["path"] as? String }
        XCTAssertEqual(paths.filter { $0 == "/robots.txt" }.count, 1)
        XCTAssertEqual(paths.first, "/robots.txt", "robots.txt comes before the host's pages")
        let off = fetch(["/private/secret"], TestServer.options { $0.robots = false })
        XCTAssertEqual(off["/private/secret"]?.outcome, .ok)
    }

    func testPrivateAddressesAreRefusedByResolvedAddressOnEveryHop() {
        let refuse = TestServer.options { $0.allowPrivateAddresses = false }
        let direct = Fetcher(options: refuse).fetchAll(["http://127.0.0.1:\(server.port)/ok", "http://2130706433:\(server.port)/ok",
                                                        "http://0x7f000001:\(server.port)/ok", "http://[::1]:\(server.port)/ok",
                                                        "http://[::ffff:127.0.0.1]:\(server.port)/ok", "http://localhost:\(server.port)/ok"]
            .map { FetchRequest(url: $0) })
        XCTAssertEqual(direct.count, 6)
        for (result, _) in direct { XCTAssertEqual(result.outcome, .refused, result.url + " " + result.detail) }
        // 127.0.0.1 pinned as permitted: the page loads, but its redirect to 127.0.0.2 is refused at connect time.
        var pinned = refuse
        pinned.permittedAddresses = ["127.0.0.1"]
        let r = fetch(["/ok", "/to-private"], pinned)
        XCTAssertEqual(r["/ok"]?.outcome, .ok)
        XCTAssertEqual(r["/to-private"]?.outcome, .refused)
        XCTAssertTrue(r["/to-private"]?.detail.contains("127.0.0.2, loopback") == true, r["/to-private"]?.detail ?? "")
    }

    func testURLsThatAreNeverFetched() {
        let results = Fetcher(options: TestServer.options()).fetchAll(["javascript:alert(1)", "file:///etc/passwd", "ftp://x.example/a", "not a url"]
            .map { FetchRequest(url: $0) })
        XCTAssertEqual(results.map(\.0.outcome), [.refused, .refused, .refused, .error])
    }

    func testConditionalRequestGets304() throws {
        let first = Fetcher(options: TestServer.options()).fetchAll([FetchRequest(url: server.url("/etag"))]).first!.0
        XCTAssertEqual(first.outcome, .ok)
        XCTAssertEqual(first.etag, "\"v1\"")
        XCTAssertEqual(first.lastModified, "Mon, 02 Mar 2026 10:00:00 GMT")
        let second = Fetcher(options: TestServer.options()).fetchAll([FetchRequest(url: server.url("/etag"), etag: first.etag, lastModified: first.lastModified)]).first!.0
        XCTAssertEqual(second.outcome, .not_modified)
        let sent = try server.log().requests.filter { ($0["path"] as? String) == "/etag" }
        XCTAssertEqual(sent.last?["if_none_match"] as? String, "\"v1\"")
        XCTAssertEqual(sent.last?["if_modified_since"] as? String, "Mon, 02 Mar 2026 10:00:00 GMT")
    }

    func testCharsetsAndPageText() {
        let results = Fetcher(options: TestServer.options()).fetchAll(["/cp1252", "/gbk", "/gzip-page", "/text"].map { FetchRequest(url: server.url($0)) }, keepBodies: true)
        let pages = results.map { r, body in PageDecoder.decode(body ?? [], contentType: r.contentType, url: r.url, finalURL: r.finalURL ?? r.url) }
        XCTAssertEqual(pages[0]?.encoding, "WINDOWS-1252")
        XCTAssertTrue(pages[0]?.text.contains("The café association said prices rose 14 percent — a record.") == true, pages[0]?.text ?? "")
        XCTAssertEqual(pages[1]?.encoding, "GB18030")
        XCTAssertTrue(pages[1]?.text.contains("镕中国经济增长 5%") == true, pages[1]?.text ?? "")
        XCTAssertTrue(pages[2]?.text.contains("rose 9 percent in 2025") == true)
        XCTAssertEqual(pages[2]?.metadata.author, "Test Desk")
        XCTAssertEqual(pages[3]?.contentType, "text/plain")
    }

    func testRobotsRules() {
        let robots = Robots("User-agent: *\nDisallow: /private/\nAllow: /private/ok$\n\nUser-agent: claimtrack\nDisallow: /no-bots\nAllow: /no-bots/yes\nDisallow: /*.pdf$\n", agent: "claimtrack/0.1.0")
        XCTAssertFalse(robots.allows("/no-bots/page"))
        XCTAssertTrue(robots.allows("/no-bots/yes/1"))
        XCTAssertFalse(robots.allows("/files/a.pdf"))
        XCTAssertTrue(robots.allows("/files/a.pdf?x=1"))
        XCTAssertTrue(robots.allows("/private/x"), "our own group replaces the * group")
        let star = Robots("User-agent: *\nDisallow: /private/\nAllow: /private/ok$\n", agent: "claimtrack/0.1.0")
        XCTAssertFalse(star.allows("/private/x"))
        XCTAssertTrue(star.allows("/private/ok"))
        XCTAssertTrue(Robots("User-agent: *\nDisallow:\n", agent: "claimtrack").allows("/anything"))
    }

    func testAddressPolicy() {
        XCTAssertNotNil(AddressPolicy.refusalV4([127, 0, 0, 1]))
        XCTAssertNotNil(AddressPolicy.refusalV4([10, 1, 2, 3]))
        XCTAssertNotNil(AddressPolicy.refusalV4([172, 31, 255, 255]))
        XCTAssertNil(AddressPolicy.refusalV4([172, 32, 0, 1]))
        XCTAssertNotNil(AddressPolicy.refusalV4([192, 168, 1, 1]))
        XCTAssertNotNil(AddressPolicy.refusalV4([169, 254, 169, 254]))
        XCTAssertNotNil(AddressPolicy.refusalV4([100, 64, 0, 1]))
        XCTAssertNil(AddressPolicy.refusalV4([100, 128, 0, 1]))
        XCTAssertNil(AddressPolicy.refusalV4([93, 184, 216, 34]))
        var v6 = [UInt8](repeating: 0, count: 16)
        v6[15] = 1
        XCTAssertEqual(AddressPolicy.refusalV6(v6), "loopback")
        XCTAssertNotNil(AddressPolicy.refusalV6([0xFD] + [UInt8](repeating: 0, count: 15)))
        XCTAssertNotNil(AddressPolicy.refusalV6([0xFE, 0x80] + [UInt8](repeating: 0, count: 14)))
        XCTAssertNotNil(AddressPolicy.refusalV6([UInt8](repeating: 0, count: 10) + [0xFF, 0xFF, 127, 0, 0, 1]))
        XCTAssertNil(AddressPolicy.refusalV6([0x20, 0x01, 0x48, 0x60] + [UInt8](repeating: 0, count: 11) + [0x88]))
    }
}
