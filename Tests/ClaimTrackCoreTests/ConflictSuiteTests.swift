@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// fixtures/verify/conflict-suite.txt: hand-written claim/page pairs with the verdict a fact-checker
/// would give. The targets of issue 17: accuracy ≥ 0.85, contradicted precision ≥ 0.95 and recall ≥ 0.90.
/// The suite was written before the verifier was changed (the old verifier: accuracy 0.799, contradicted
/// precision 0.977, recall 0.750) and the rules were then developed against it, so its figures are in
/// sample; fixtures/verify/conflict-holdout.txt, written afterwards and not tuned on, is the estimate.
final class ConflictSuiteTests: XCTestCase {
    struct Case { var page: String; var pageText: String; var claim: String; var expected: Verdict }

    static func cases(_ file: String = "verify/conflict-suite.txt") throws -> [Case] {
        let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        var out: [Case] = []
        var name = "", lines: [String] = []
        for line in text.components(separatedBy: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("=== page ") { name = String(line.dropFirst(9)); lines = []; continue }
            if let colon = line.firstIndex(of: ":"), let verdict = Verdict(rawValue: String(line[..<colon])) {
                out.append(Case(page: name, pageText: lines.joined(separator: "\n"), claim: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces), expected: verdict))
            } else if !line.isEmpty, !name.isEmpty {
                lines.append(line)
            }
        }
        return out
    }

    struct Score { var pairs: Int; var accuracy: Double; var precision: Double; var recall: Double; var summary: String }

    func score(_ file: String) throws -> Score {
        let cases = try Self.cases(file)
        let verifier = Verifier(supported: 0.7, partial: 0.4)
        var right = 0, predictedContradicted = 0, trueContradicted = 0, goldContradicted = 0
        var failures: [String] = []
        for c in cases {
            let r = verifier.check(claim: c.claim, page: c.pageText)
            if r.verdict == c.expected { right += 1 } else {
                failures.append("[\(c.page)] expected \(c.expected.rawValue), got \(r.verdict.rawValue) (\(r.score)): \(c.claim) — conflicts \(r.conflicts), missing \(r.missing)")
            }
            if r.verdict == .contradicted { predictedContradicted += 1 }
            if c.expected == .contradicted { goldContradicted += 1 }
            if r.verdict == .contradicted && c.expected == .contradicted { trueContradicted += 1 }
        }
        let accuracy = Double(right) / Double(cases.count)
        let precision = predictedContradicted == 0 ? 0 : Double(trueContradicted) / Double(predictedContradicted)
        let recall = Double(trueContradicted) / Double(max(1, goldContradicted))
        let summary = String(format: "%@: %d pairs, accuracy %.3f, contradicted precision %.3f (%d/%d), recall %.3f (%d/%d)", file,
                             cases.count, accuracy, precision, trueContradicted, predictedContradicted, recall, trueContradicted, goldContradicted)
        print(summary)
        for f in failures { print("  " + f) }
        return Score(pairs: cases.count, accuracy: accuracy, precision: precision, recall: recall, summary: summary)
    }

    func testTheSuiteMeetsItsTargets() throws {
        let s = try score("verify/conflict-suite.txt")
        XCTAssertGreaterThanOrEqual(s.pairs, 150)
        XCTAssertGreaterThanOrEqual(s.accuracy, 0.85, s.summary)
        XCTAssertGreaterThanOrEqual(s.precision, 0.95, s.summary)
        XCTAssertGreaterThanOrEqual(s.recall, 0.90, s.summary)
    }

    /// Pairs written after tuning and never tuned on: their figures are printed as the honest estimate.
    func testHeldOutPairs() throws {
        let s = try score("verify/conflict-holdout.txt")
        XCTAssertGreaterThanOrEqual(s.pairs, 30)
        XCTAssertGreaterThanOrEqual(s.precision, 0.95, "a false contradiction accuses a journalist: " + s.summary)
    }

    /// Set 2, written by an independent session from the verdict rules alone: its tune part (first
    /// measured untuned, then tuned on) holds the suite's precision target; its held-out part (never
    /// tuned on) is printed as the estimate, with a floor under its precision (0.875 when written: one
    /// false contradiction in eight) so that it cannot get worse unnoticed.
    func testSecondSetOfPairs() throws {
        for (file, floor) in [("verify/conflict-tune-2.txt", 0.95), ("verify/conflict-holdout-2.txt", 0.85)] {
            let s = try score(file)
            XCTAssertGreaterThanOrEqual(s.pairs, 25)
            XCTAssertGreaterThanOrEqual(s.precision, floor, "a false contradiction accuses a journalist: " + s.summary)
        }
    }

    /// Another person credited: the page puts the claim's words in someone else's mouth.
    func testAnotherPersonCreditedIsAConflict() {
        let page = """
            The utility serves about 310,000 households.
            "We expect to finish removing lead pipes from the network by 2031," said operations director Paul Lindqvist.
            Chief executive Marta Okafor said average bills would rise by 4.5% from July.
            Reserves stood at £3.4 million at the end of March.
            """
        let verifier = Verifier(supported: 0.7, partial: 0.4)
        let other = verifier.check(claim: "\"We expect to finish removing lead pipes from the network by 2031,\" chief executive Marta Okafor said.", page: page)
        XCTAssertEqual(other.verdict, .contradicted)
        XCTAssertEqual(other.conflicts, ["article: credited to Marta Okafor — source: credited to Paul Lindqvist"])
        // The same person by surname, and a page that credits nobody, say nothing against the claim.
        XCTAssertEqual(verifier.check(claim: "Lindqvist said the utility expects to finish removing lead pipes from the network by 2031.", page: page).verdict, .supported)
        XCTAssertEqual(verifier.check(claim: "Reserves stood at £3.4 million at the end of March, treasurer Alan Whitby told councillors.", page: page).verdict, .supported)
        // An organisation as the claim's source is not a person to compare.
        XCTAssertNotEqual(verifier.check(claim: "Average bills will rise by 4.5% from July, the company said.", page: page).verdict, .contradicted)
    }
    /// The opposite verb (a decision, a movement) in a sentence that says all the rest of the claim is a conflict;
    /// a verb of the same way is the same statement ("dropped" for "fell").
    func testOppositeVerbsAreAConflictAndSynonymsAgree() {
        let verifier = Verifier(supported: 0.7, partial: 0.4)
        let council = "The town council approved the plan to sell the harbour warehouse by five votes to two on Monday. The sale is expected to raise money for the new library."
        let rejected = verifier.check(claim: "The council rejected the plan to sell the harbour warehouse.", page: council)
        XCTAssertEqual(rejected.verdict, .contradicted)
        XCTAssertEqual(rejected.conflicts, ["article: rejected — source: approved"])
        XCTAssertEqual(verifier.check(claim: "The council approved the plan to sell the harbour warehouse.", page: council).verdict, .supported)
        let exports = "Exports fell to 4.2 billion euros in March, the statistics office said. Imports were stable."
        XCTAssertEqual(verifier.check(claim: "Exports dropped to 4.2 billion euros in March.", page: exports).verdict, .supported)
        let rose = verifier.check(claim: "Exports rose to 4.2 billion euros in March.", page: exports)
        XCTAssertEqual(rose.verdict, .contradicted)
        XCTAssertEqual(rose.conflicts, ["article: rose 4.2 billion euros — source: fell 4.2 billion euros"])
    }
}
