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
}
