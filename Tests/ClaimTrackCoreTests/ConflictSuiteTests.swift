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
}
