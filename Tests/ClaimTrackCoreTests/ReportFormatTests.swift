import ClaimTrackCore
import ClaimTrackTestSupport
import Foundation
import XCTest

/// Every report format from the built binary, with an article written to break them:
/// markup, quotes, pipes, control characters and a spreadsheet formula in the claims.
final class ReportFormatTests: SeedFolderTestCase {
    static let hostile = """
    Officials said <script>alert("x")</script> 5 people were hurt in 2024 | and 3 "fled" the city.
    =HYPERLINK("http://evil.example") says 12 buildings burned in 2023, officials said.
    The mayor said 40 homes lost power on \u{7}Tuesday in 2025.
    """

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Self.hostile.write(toFile: tmp + "/seeds/hostile.txt", atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func report(_ format: String) throws -> String {
        let r = try CLI.run(["report", "--format", format], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    func testHTMLEscapesEverythingFromArticles() throws {
        let html = try report("html")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(html.contains("<script>alert"), "a claim's markup must never reach the page as markup")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("\\u003cscript\\u003ealert"), "embedded filter data escapes < and >")
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2, "only the report's own two script blocks")
        XCTAssertFalse(html.contains("\u{7}"))
        // Self-contained: nothing loaded from elsewhere.
        for external in ["<link", "src=\"http", "@import", "url(http"] { XCTAssertFalse(html.contains(external), external) }
        XCTAssertTrue(html.contains("<div class=\"chart\""))
        XCTAssertEqual(html.components(separatedBy: "<article class=\"claim\"").count - 1, 23)
    }

    func testCSVHasAHeaderARowPerAttributionAndNeutralisedFormulas() throws {
        let csv = try report("csv")
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, (CSVReportFormatter.header + CSVReportFormatter.articleHeader).joined(separator: ","))
        XCTAssertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\") says 12 buildings burned in 2023, officials said.\""), csv)
        XCTAssertFalse(csv.contains(",=HYPERLINK"))
        XCTAssertTrue(csv.contains("\"Officials said <script>alert(\"\"x\"\")</script> 5 people were hurt in 2024 | and 3 \"\"fled\"\" the city.\""))
        // The APT10 claim has three attributions: one row, its sources joined in the source column…
        let apt10 = lines.filter { $0.contains("APT10") }
        XCTAssertEqual(apt10.count, 1)
        XCTAssertEqual(apt10.first?.components(separatedBy: "; ").count ?? 0 >= 3, true, apt10.description)
        // … and three rows in csv-attributions, the shape with a row per claim and source.
        let perSource = try report("csv-attributions").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(perSource.first, lines.first)
        XCTAssertEqual(perSource.filter { $0.contains("APT10") }.count, 3)
        XCTAssertGreaterThan(perSource.count, lines.count)
    }

    func testJSONLinesHasOneClaimALineWithItsArticle() throws {
        let jsonl = try report("jsonl")
        let lines = jsonl.split(separator: "\n")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try report("json").utf8)) as? [String: Any])
        let claims = ((json["summary"] as? [String: Any])?["claims"] as? Int) ?? -1
        XCTAssertEqual(lines.count, claims)
        for line in lines {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            XCTAssertEqual(object["schema"] as? String, "claimtrack.report-line/1")
            XCTAssertNotNil(object["article"] as? String)
            XCTAssertNotNil(object["id"] as? String)
            XCTAssertNotNil(object["status"] as? String)
        }
    }

    func testMarkdownTablesKeepTheirShape() throws {
        let md = try report("markdown")
        XCTAssertTrue(md.hasPrefix("# Claim report\n"))
        XCTAssertTrue(md.contains("| # | Status | Claim | Sources | Evidence | Why |"))
        let row = try XCTUnwrap(md.split(separator: "\n").first { $0.contains("5 people were hurt") })
        XCTAssertTrue(row.contains("2024 \\| and 3"), String(row))
        XCTAssertTrue(row.contains("&lt;script&gt;"))
        XCTAssertEqual(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count, 7, "six columns, escaped pipes inside")
    }

    func testClaimReviewIsJSONLDPerClaim() throws {
        let text = try report("claimreview")
        let reviews = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(reviews.count, 23)
        let apt10 = try XCTUnwrap(reviews.first { ($0["claimReviewed"] as? String)?.contains("APT10") == true })
        XCTAssertEqual(apt10["@type"] as? String, "ClaimReview")
        XCTAssertEqual((apt10["reviewRating"] as? [String: Any])?["alternateName"] as? String, "unverifiable")
        let item = try XCTUnwrap(apt10["itemReviewed"] as? [String: Any])
        XCTAssertEqual((item["author"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["The New York Times", "The Australian", "Reuters"])
        XCTAssertEqual((item["firstAppearance"] as? [String: Any])?["name"] as? String, "china-intelligence-leak.txt")
    }

    func testTableAndJSONToo() throws {
        XCTAssertTrue(try report("table").contains("[UNVERIFIABLE]"))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(try report("json").utf8)))
    }

    /// The tables of `report` and `extract` fit the terminal: 80 columns when it is no terminal, COLUMNS
    /// when set, broken only between words (every word of every claim is still whole), continuation
    /// lines indented.
    func testTableFitsTheTerminalWidthWithoutBreakingWords() throws {
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        func words(of claims: [ClaimRecord]) -> Set<String> { Set(claims.flatMap { $0.text.split(separator: " ").map(String.init) }) }
        let seed = try XCTUnwrap(ledger.articles["china-intelligence-leak.txt"])
        let commands = [(["report", "--format", "table"], words(of: Array(ledger.claims.values))),
                        (["extract", "seeds/china-intelligence-leak.txt", "--format", "table"], words(of: seed.claims.compactMap { ledger.claims[$0] }))]
        for (command, words) in commands {
        for (environment, width) in [([String: String](), 80), (["COLUMNS": "60"], 60), (["COLUMNS": "132"], 132)] {
            let r = try CLI.run(command, cwd: tmp, environment: environment)
            XCTAssertEqual(r.status, 0, r.stderr)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines where line.count > width {
                XCTAssertEqual(line.split(separator: " ").count, 1, "only a single word longer than a line may pass \(width): \(line)")
            }
            let printed = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
            for word in words {
                XCTAssertTrue(printed.contains(TerminalText.escape(word)), "\(word) broken at \(width) columns")
            }
            if width == 132 { XCTAssertTrue(lines.contains { $0.count > 100 }, "\(command[0]): a wide terminal is used") }
        }
        }
    }

    /// The page as a person sees it: headless Chromium (Debian's package, installed by scripts/test).
    func testHTMLReportInABrowser() throws {
        _ = try Chromium.require()
        let file = tmp + "/report.html"
        XCTAssertEqual(try CLI.run(["report", "--format", "html", "--output", file], cwd: tmp).status, 0)
        func browse(_ args: [String], width: Int = 1400, height: Int = 1000) throws -> String {
            try Chromium.run(args, profileIn: tmp, width: width, height: height)
        }
        let all = try browse(["--dump-dom", "file://\(file)"])
        XCTAssertEqual(all.components(separatedBy: "<article class=\"claim\"").count - 1, 23)
        XCTAssertTrue(all.contains("23 of 23 claims shown"), "the script ran")
        XCTAssertTrue(all.contains("class=\"badge s-vague\""))
        XCTAssertFalse(all.contains("<script>alert"))
        let vague = try browse(["--dump-dom", "file://\(file)#status=vague"])
        let claims = vague.components(separatedBy: "<article class=\"claim\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
        XCTAssertEqual(claims.count, 23)
        for tag in claims { XCTAssertEqual(tag.contains("data-status=\"vague\""), !tag.contains("hidden"), tag) }
        let vagueCount = claims.filter { $0.contains("data-status=\"vague\"") }.count
        XCTAssertGreaterThanOrEqual(vagueCount, 4)
        XCTAssertTrue(vague.contains("\(vagueCount) of 23 claims shown"))
        let searched = try browse(["--dump-dom", "file://\(file)#q=apt10"])
        XCTAssertTrue(searched.contains("1 of 23 claims shown"))
        // A filter that leaves nothing says so, not a blank page: these seeds have no contradicted claim.
        let none = try browse(["--dump-dom", "file://\(file)#status=contradicted"])
        XCTAssertTrue(none.contains("0 of 23 claims shown"))
        XCTAssertTrue(none.contains("<p id=\"empty\" class=\"empty\">No claims match."), "the message is not hidden")
        _ = try browse(["--screenshot=\(tmp)/report.png", "file://\(file)"], width: 1200, height: 1600)
        let png = try XCTUnwrap(FileManager.default.contents(atPath: tmp + "/report.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(png.count, 20_000)
    }
}
