@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// fixtures/verify/conflict-suite.txt: hand-written claim/page pairs with the verdict a fact-checker
/// would give. The targets of issue 17: accuracy ≥ 0.85, contradicted precision ≥ 0.95 and recall ≥ 0.90.
final class ConflictSuiteTests: XCTestCase {
    struct Case { var page: String; var pageText: String; var claim: String; var expected: Verdict }

    static func cases() throws -> [Case] {
        let text = try String(contentsOfFile: Fixtures.path("verify/conflict-suite.txt"), encoding: .utf8)
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

    func testTheSuiteMeetsItsTargets() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 150)
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
        let summary = String(format: "conflict suite: %d pairs, accuracy %.3f, contradicted precision %.3f (%d/%d), recall %.3f (%d/%d)",
                             cases.count, accuracy, precision, trueContradicted, predictedContradicted, recall, trueContradicted, goldContradicted)
        print(summary)
        for f in failures { print("  " + f) }
        XCTAssertGreaterThanOrEqual(accuracy, 0.85, summary)
        XCTAssertGreaterThanOrEqual(precision, 0.95, summary)
        XCTAssertGreaterThanOrEqual(recall, 0.90, summary)
    }
}
