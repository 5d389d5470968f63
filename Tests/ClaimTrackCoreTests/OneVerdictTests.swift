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

    /// The same pairs give the same bytes in every process: a claim's months, its words and the sums over
    /// them are taken in the claim's order, not in a Set's (whose order is seeded anew by each process).
    func testTheSameBatchGivesTheSameBytesInEveryProcess() throws {
        let page = "The port closed in January, reopened in March and closed again in December 2025, officials said. "
            + "Cargo fell 12 percent over the year, and the harbor master left in May."
        let claims = ["The port closed in January, reopened in March and shut again in December 2025, after the storms.",
                      "The harbor master left in May, when cargo had fallen 12 percent since January and March.",
                      "In December, January and March the port handled less cargo than in May 2025, the port said."]
        let pairs = try claims.enumerated().map { k, claim in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": "\(k)", "claim": claim, "text": page]), as: UTF8.self)
        }.joined(separator: "\n")
        try pairs.write(toFile: tmp + "/pairs.jsonl", atomically: true, encoding: .utf8)
        let outputs = try (0..<4).map { _ -> String in
            let r = try CLI.run(["check", "--batch", "pairs.jsonl"], cwd: tmp)
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout
        }
        XCTAssertTrue(outputs[0].contains("\"matched\""), outputs[0])
        for other in outputs.dropFirst() { XCTAssertEqual(other, outputs[0]) }
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
