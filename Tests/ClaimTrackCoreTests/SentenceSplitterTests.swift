@testable import ClaimTrackCore
import XCTest

final class SentenceSplitterTests: XCTestCase {
    func split(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        return SentenceSplitter.split(s, 0..<s.count).map { String(String.UnicodeScalarView(s[$0])) }
    }

    func testKeepsAbbreviationsInitialsDecimalsAndEllipses() {
        XCTAssertEqual(split("The U.S. economy grew 2.5 percent. Dr. Smith and Mr. Jones met Gov. Lee at Acme Inc. headquarters on Jan. 5."),
                       ["The U.S. economy grew 2.5 percent.", "Dr. Smith and Mr. Jones met Gov. Lee at Acme Inc. headquarters on Jan. 5."])
        XCTAssertEqual(split("He lives at No. 5 Elm Street. J. K. Rowling wrote it. She paused... and went on."),
                       ["He lives at No. 5 Elm Street.", "J. K. Rowling wrote it.", "She paused... and went on."])
        XCTAssertEqual(split("Prices rose 3.2% in 2025. Wages did not."), ["Prices rose 3.2% in 2025.", "Wages did not."])
    }

    func testClosingQuotesStayInsideTheSentence() {
        XCTAssertEqual(split("“We will win,” she said. “It is over.” Then he left."),
                       ["“We will win,” she said.", "“It is over.”", "Then he left."])
        XCTAssertEqual(split("He asked (quietly.) Nobody answered!"), ["He asked (quietly.)", "Nobody answered!"])
    }

    func testSplitsAfterSentenceFinalAbbreviationWhenANewSentenceStarts() {
        XCTAssertEqual(split("The firm moved to the U.S. The move cost $3 million."), ["The firm moved to the U.S.", "The move cost $3 million."])
        XCTAssertEqual(split("They bought pens, paper, etc. Then they left."), ["They bought pens, paper, etc.", "Then they left."])
    }

    func testQuestionsAndExclamations() {
        XCTAssertEqual(split("Why now? Because the vote is on Friday! Really."), ["Why now?", "Because the vote is on Friday!", "Really."])
    }
}
