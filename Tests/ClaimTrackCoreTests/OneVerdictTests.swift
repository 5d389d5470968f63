import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 17: one claim against one page gets one verdict, however the page arrives — `run` (fetched from the
/// loopback server), `check URL`, `check FILE` (the same HTML saved), `check -` (piped) and `check --batch`
/// (inline text, file and URL). HTML goes through the same main-text extraction everywhere.
final class OneVerdictTests: XCTestCase {
    var server: TestServer!
    var tmp = ""

    override func setUpWithError() throws {
        server = try TestServer()
        tmp = Fixtures.temporaryFolder("claimtrack-oneverdict")
        try FileManager.default.createDirectory(atPath: tmp + "/news", withIntermediateDirectories: true)
        try "articles: news\nfetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 3, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        server.stop()
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func verdicts(of claim: String, url: String) throws -> [String: String] {
        let html = String(decoding: server.get("/page/minutes"), as: UTF8.self)
        XCTAssertTrue(html.contains("<article>"))
        try html.write(toFile: tmp + "/page.html", atomically: true, encoding: .utf8)
        var out: [String: String] = [:]
        func verdict(_ r: CLI.Result) throws -> String {
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
            return json["verdict"] as? String ?? "none"
        }
        out["check URL"] = try verdict(CLI.run(["check", claim, url], cwd: tmp))
        out["check FILE"] = try verdict(CLI.run(["check", claim, "page.html"], cwd: tmp))
        out["check -"] = try verdict(CLI.run(["check", claim, "-"], cwd: tmp, stdin: html))
        let lines = [["id": "text", "claim": claim, "text": html], ["id": "file", "claim": claim, "file": "page.html"], ["id": "url", "claim": claim, "url": url]]
        let pairs = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        try pairs.write(toFile: tmp + "/pairs.jsonl", atomically: true, encoding: .utf8)
        let batch = try CLI.run(["check", "--batch", "pairs.jsonl"], cwd: tmp)
        XCTAssertEqual(batch.status, 0, batch.stderr)
        for line in batch.stdout.split(separator: "\n") {
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out["batch " + (json["id"] as? String ?? "?")] = json["verdict"] as? String ?? "error: \(json["error"] ?? "")"
        }
        return out
    }

    func testRunAndEveryCheckAgree() throws {
        let url = server.url("/page/minutes")
        // The issue's case: the article's own framing around a figure the page gives otherwise.
        try """
        # Council

        BAYPORT — City council member Dana Ruiz said the port added 1,200 jobs in 2025, as recorded in the [minutes of the council meeting](\(url)).

        Cargo volumes rose 9 percent in 2025, and the port will open a second terminal in 2028, the authority said in [its report](\(url)).
        """.write(toFile: tmp + "/news/council.md", atomically: true, encoding: .utf8)
        let run = try CLI.run(["run"], cwd: tmp, timeout: 60)
        XCTAssertEqual(run.status, 0, run.stderr)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        let claim = try XCTUnwrap(ledger.claims.values.first { $0.text.contains("1,200 jobs") })
        let evidence = try XCTUnwrap(claim.evidence.first)
        XCTAssertEqual(evidence.verdict, .contradicted, "\(evidence)")
        XCTAssertEqual(claim.status, .contradicted)

        var all = try verdicts(of: claim.text, url: url)
        all["run"] = evidence.verdict?.rawValue
        XCTAssertEqual(Set(all.values), ["contradicted"], "\(all)")

        // A compound claim lists its parts in show and in the report.
        let compound = try XCTUnwrap(ledger.claims.values.first { $0.text.hasPrefix("Cargo volumes") })
        XCTAssertEqual(compound.status, .partial)
        XCTAssertEqual(compound.evidence.first?.subclaims.map(\.verdict), [.supported, .unsupported])
        let show = try CLI.run(["show", compound.id], cwd: tmp)
        XCTAssertTrue(show.stdout.contains("part: supported") && show.stdout.contains("part: unsupported"), show.stdout)
        let report = try CLI.run(["report", "--format", "json"], cwd: tmp)
        XCTAssertTrue(report.stdout.contains("\"subclaims\""), report.stdout)

        // A supported claim agrees everywhere too.
        let supported = try verdicts(of: "WASHINGTON (Reuters) - Cargo volumes at the port rose 9 percent in 2025 to 2.4 million containers, the Harbor Authority said.[1]", url: url)
        XCTAssertEqual(Set(supported.values), ["supported"], "\(supported)")
    }
}
