import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The sample article: a confident blog post that pins an invented breach on real outlets.
final class SeedAcceptanceTests: XCTestCase {
    func runSeeds() throws -> (Ledger, String) {
        let tmp = Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: tmp) }
        try FileManager.default.copyItem(atPath: Fixtures.root + "/seeds", toPath: tmp + "/seeds")
        var config = try ConfigLoader.load(path: Fixtures.root + "/pipeline.yml", overrides: .init(articles: tmp + "/seeds", ledger: tmp + "/ledger.json"))
        config.workers = 2
        _ = try RunPipeline(configuration: config, options: .init(offline: true)).run()
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        return (ledger, tmp)
    }

    func claim(_ ledger: Ledger, containing text: String) -> ClaimRecord? {
        ledger.claims.values.first { $0.text.contains(text) }
    }

    func testSeedStatuses() throws {
        let (ledger, _) = try runSeeds()
        let breach = try XCTUnwrap(claim(ledger, containing: "major breach in 2016"))
        XCTAssertEqual(breach.status, .vague)
        XCTAssertEqual(breach.attributions.map(\.source), ["multiple sources", "Western intelligence agencies", "Chinese dissidents"])

        let apt10 = try XCTUnwrap(claim(ledger, containing: "APT10"))
        XCTAssertEqual(apt10.status, .unverifiable)
        XCTAssertEqual(apt10.attributions.map(\.source), ["The New York Times", "The Australian", "Reuters"])
        XCTAssertEqual(apt10.attributions.map(\.kind), [.outlet, .outlet, .outlet])
        XCTAssertEqual(apt10.attributions.compactMap(\.outlet?.domain), ["nytimes.com", "theaustralian.com.au", "reuters.com"])
        XCTAssertEqual(apt10.hedges, ["is believed to"])

        XCTAssertEqual(claim(ledger, containing: "Some experts speculate")?.status, .vague)
        XCTAssertEqual(claim(ledger, containing: "Others suggest")?.status, .vague)
        XCTAssertEqual(claim(ledger, containing: "kept the breach hidden for over two years")?.status, .unattributed)

        for text in ledger.claims.values.map(\.text) {
            for banned in ["Possible blog article", "Speech tips", "Click Registration", "authors team", "(Note:", "Please note"] {
                XCTAssertFalse(text.contains(banned), "\(banned) must not be a claim: \(text)")
            }
        }
    }

    func testSeedReportGolden() throws {
        let (ledger, _) = try runSeeds()
        let json = JSONReportFormatter.render(ReportModel(ledger: ledger, generatedAt: "2026-11-26T12:00:00Z"))
        if let problem = Golden.check(Normalize.times(json), against: "reports/seeds.json") { XCTFail(problem) }
        let table = TableReportFormatter(color: false).render(ReportModel(ledger: ledger))
        if let problem = Golden.check(table, against: "reports/seeds.table.txt") { XCTFail(problem) }
    }
}
