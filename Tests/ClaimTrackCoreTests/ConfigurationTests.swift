import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

final class ConfigurationTests: XCTestCase {
    /// Each file in fixtures/configs/invalid/ and the exact message it must give (golden).
    func testInvalidConfigurationsNameFileLineAndKey() throws {
        let files = Fixtures.files(in: "configs/invalid", extensions: ["yml"])
        XCTAssertGreaterThanOrEqual(files.count, 8)
        var messages = ""
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let text = try String(contentsOfFile: file, encoding: .utf8)
            do {
                _ = try ConfigLoader.parse(text, file: name)
                XCTFail("\(name) should be rejected")
            } catch let error as ClaimTrackError {
                guard case .configuration = error else { return XCTFail("\(name): \(error)") }
                messages += error.description + "\n"
            }
        }
        if let problem = Golden.check(messages, against: "configs/invalid/expected-messages.txt") { XCTFail(problem) }
    }

    func testShippedFileHoldsTheDefaults() throws {
        var shipped = try ConfigLoader.parse(String(contentsOfFile: Fixtures.root + "/pipeline.yml", encoding: .utf8), file: "pipeline.yml")
        shipped.file = nil
        shipped.hash = ""
        XCTAssertEqual(shipped, ConfigDefaults.configuration)
    }

    func testValuesAnchorsAndRelativePaths() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
        base: &fast {concurrency: 4, per_host: 1}
        """
        XCTAssertThrowsError(try ConfigLoader.parse(yaml, file: "x.yml"))  // unknown key "base"
        let good = """
        articles: news
        ledger: state/ledger.json
        recheck_after: 12h
        extract: {min_words: 4}
        resolve:
          outlets:
            - {name: Harbor Gazette, aliases: [the Gazette], domain: gazette.example}
        fetch: {concurrency: 4, robots: false}
        verify: {supported: 0.8, partial: 0.5}
        """
        try good.write(toFile: folder + "/pipeline.yml", atomically: true, encoding: .utf8)
        let c = try ConfigLoader.load(path: folder + "/pipeline.yml")
        XCTAssertEqual(c.articles, folder + "/news")
        XCTAssertEqual(c.ledger, folder + "/state/ledger.json")
        XCTAssertEqual(c.recheckAfter.seconds, 12 * 3600)
        XCTAssertEqual(c.extract.minWords, 4)
        XCTAssertEqual(c.fetch.concurrency, 4)
        XCTAssertFalse(c.fetch.robots)
        XCTAssertEqual(c.fetch.perHost, 2)
        XCTAssertEqual(c.resolve.outlets.first?.domain, "gazette.example")
        XCTAssertEqual(OutletDirectory(extra: c.resolve.outlets).lookup("the Gazette")?.domain, "gazette.example")
        // The command line overrides the file, relative to the current directory.
        let o = try ConfigLoader.load(path: folder + "/pipeline.yml", overrides: .init(articles: "/srv/articles", ledger: "/srv/l.json"))
        XCTAssertEqual(o.articles, "/srv/articles")
        XCTAssertEqual(o.ledger, "/srv/l.json")
    }

    func testMissingDefaultFileMeansDefaultsButMissingNamedFileIsAnError() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        let c = try ConfigLoader.load(path: nil)
        XCTAssertEqual(c.workers, 0)
        XCTAssertTrue(c.ledger.hasSuffix("/ledger.json"))
        XCTAssertThrowsError(try ConfigLoader.load(path: "nope.yml")) { error in
            XCTAssertEqual((error as? ClaimTrackError)?.description, "nope.yml: no such configuration file")
        }
    }

    func testDurations() {
        XCTAssertEqual(Duration("0s")?.seconds, 0)
        XCTAssertEqual(Duration("90s")?.seconds, 90)
        XCTAssertEqual(Duration("30m")?.seconds, 1800)
        XCTAssertEqual(Duration("7d")?.seconds, 604_800)
        XCTAssertNil(Duration("7"))
        XCTAssertNil(Duration("-1d"))
        XCTAssertNil(Duration("1w"))
    }
}
