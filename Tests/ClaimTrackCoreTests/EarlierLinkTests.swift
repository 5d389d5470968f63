@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 17, resolve step 4: a source that refers back to a document linked earlier in the article
/// ("the report also found", "said in the same report") gets that document's URL.
final class EarlierLinkTests: XCTestCase {
    func testBackReferencesGetTheEarlierLink() throws {
        let tmp = Fixtures.temporaryFolder("claimtrack-earlier")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let text = """
        # Port

        The Harbor Authority said in its [annual report](https://bayport.example/report-2025) that cargo rose 9 percent in 2025.

        The city's budget office published [its own figures](https://city.example/budget) on Monday.

        The report also found that about 800 jobs were added at the port in 2025.

        The authority said in the same report that its director earns $210,000 a year.

        The mayor told reporters that the port would double in size by 2030.
        """
        try text.write(toFile: tmp + "/port.md", atomically: true, encoding: .utf8)
        let extraction = Extractor().extract(try ArticleReader.read(tmp + "/port.md", displayPath: "port.md").get())
        let resolved = LinkResolver.resolveAll(extraction)
        func urls(_ prefix: String) throws -> (urls: [String], origins: [String]) {
            let k = try XCTUnwrap(extraction.claims.firstIndex { $0.text.hasPrefix(prefix) }, prefix)
            return (resolved.claims[k].attributions.flatMap(\.urls), resolved.claims[k].attributions.flatMap(\.origins))
        }
        let also = try urls("The report also found")
        XCTAssertEqual(also.urls, ["https://bayport.example/report-2025"], "the link whose anchor names the report")
        XCTAssertEqual(also.origins, [SourceOrigin.earlierLink.rawValue])
        XCTAssertEqual(resolved.claims.map(\.id), extraction.claims.map(\.id), "one resolved claim per extracted claim, in order")
        XCTAssertEqual(try urls("The authority said in the same report").urls, ["https://bayport.example/report-2025"])
        XCTAssertEqual(try urls("The mayor told").urls, [], "no document referred to, no link borrowed")
    }
}
