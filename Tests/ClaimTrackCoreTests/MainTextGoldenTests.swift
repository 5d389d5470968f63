@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The main text of every page under fixtures/maintext/pages against its golden
/// `claimtrack extract --format text` output in fixtures/maintext/expected/. The pages are
/// written for these tests, one web habit each: captions and galleries, a story among longer
/// teasers, comments marked as articles, labels and embedded posts, a Portuguese page.
final class MainTextGoldenTests: XCTestCase {
    func testMainTextOfEveryPage() throws {
        let files = Fixtures.files(in: "maintext/pages", extensions: ["html"])
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files {
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let article = try ArticleReader.read(file, displayPath: name + ".html").get()
            let text = ExtractFormatter.text(Extractor().extract(article)) + "\n"
            if let problem = Golden.check(text, against: "maintext/expected/\(name).txt") { XCTFail(problem) }
        }
    }

    /// A one-word label needs a colon or to stand alone: "Share" goes, "Share prices rose" stays.
    func testLabelsNeedAColonOrToStandAlone() {
        XCTAssertTrue(MainTextExtractor.isLabelText("share"))
        XCTAssertTrue(MainTextExtractor.isLabelText("related: how the drought spread"))
        XCTAssertTrue(MainTextExtractor.isLabelText("read more about the harvest"))
        XCTAssertFalse(MainTextExtractor.isLabelText("share prices rose 5 percent"))
        XCTAssertFalse(MainTextExtractor.isLabelText("sourced from three farms"))
        XCTAssertFalse(MainTextExtractor.isLabelText("more than 40 people came"))
    }

    /// A dateline needs a month or weekday name and a number: a table cell "57" is text.
    func testDatelinesNeedANameAndANumber() {
        XCTAssertTrue(MainTextExtractor.isDateLine(MainTextExtractor.normalizedWords("Wednesday 20 November 2019 9:22 am")))
        XCTAssertTrue(MainTextExtractor.isDateLine(MainTextExtractor.normalizedWords("segunda-feira, 22 de janeiro de 2018 às 0:13")))
        XCTAssertFalse(MainTextExtractor.isDateLine("57"))
        XCTAssertFalse(MainTextExtractor.isDateLine(MainTextExtractor.normalizedWords("May 5 was the hottest day")))
    }
}
