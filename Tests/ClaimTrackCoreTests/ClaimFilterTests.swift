@testable import ClaimTrackCore
import XCTest

final class ClaimFilterTests: XCTestCase {
    func claims(_ text: String) -> [String] {
        let article = try! ArticleReader.parse(Array(text.utf8), path: "t.txt", format: .text).get()
        return Extractor().extract(article).claims.map(\.text)
    }

    func testDropsNonClaims() {
        let text = """
        Possible blog article:
        The Budget Crisis Explained
        How did the deficit reach $2 trillion in 2025?
        Click here to subscribe to our newsletter for 50 percent off.
        Please share this story with 3 friends today.
        (Note: Join our authors team. Click Registration to join us in 2026.)
        By Jane Doe
        Speech tips:
        We will explore the causes of the 2025 deficit in this article.
        Governments should cut spending by 10 percent in 2027.
        The deficit reached $2 trillion in 2025, the Treasury said.
        """
        XCTAssertEqual(claims(text), ["The deficit reached $2 trillion in 2025, the Treasury said."])
    }

    func testKeepsCheckWorthySentences() {
        XCTAssertEqual(claims("The bridge opened in March 2024 after three years of work.\nIt was a lovely day for everyone who came along."),
                       ["The bridge opened in March 2024 after three years of work."])
    }

    func testHedges() {
        XCTAssertEqual(Extractor.hedges(in: "The group is believed to have allegedly stolen data and may have sold it."),
                       ["is believed to", "allegedly", "may have"])
        XCTAssertEqual(Extractor.hedges(in: "Officials could not confirm it, reportedly."), ["could", "reportedly"])
    }
}
