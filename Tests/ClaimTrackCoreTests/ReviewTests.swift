import ClaimTrackCore
import ClaimTrackTestSupport
import Foundation
import XCTest

/// `claimtrack review`: a person's verdict kept in the ledger across runs, shown beside the machine's,
/// flagged when a later run changes the machine's status under it (issue 18, point 7).
final class ReviewTests: SeedFolderTestCase {
    func claims(_ cwd: String) throws -> [[String: Any]] {
        let r = try CLI.run(["report", "--format", "json"], cwd: cwd)
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return ((json["articles"] as? [[String: Any]]) ?? []).flatMap { ($0["claims"] as? [[String: Any]]) ?? [] }
    }

    func testAReviewIsKeptAcrossRunsShownEverywhereAndFlaggedWhenTheMachineChanges() throws {
        let article = tmp + "/seeds/port.html"
        try "<html><body><h1>Port</h1><p>The port added 1,200 jobs in 2025, the harbor authority said in a report.</p></body></html>\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let claim = try XCTUnwrap(try claims(tmp).first { ($0["text"] as? String)?.contains("1,200 jobs") == true })
        let id = try XCTUnwrap(claim["id"] as? String)
        let machine = try XCTUnwrap(claim["status"] as? String)

        let review = try CLI.run(["review", String(id.prefix(9)), "--verdict", "contradicted", "--note", "the authority's report says 800",
                                  "--by", "ana"], cwd: tmp)
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.contains("\(id): review: contradicted by ana at "), review.stdout)

        // An unchanged rerun keeps it; the JSON report carries it, with the machine's status it was given under.
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let kept = try XCTUnwrap(try claims(tmp).first { $0["id"] as? String == id }?["review"] as? [String: Any])
        XCTAssertEqual(kept["verdict"] as? String, "contradicted")
        XCTAssertEqual(kept["note"] as? String, "the authority's report says 800")
        XCTAssertEqual(kept["by"] as? String, "ana")
        XCTAssertEqual(kept["machine_status"] as? String, machine)
        XCTAssertEqual(kept["machine_changed"] as? Bool, false)
        for format in ["table", "markdown"] {
            let text = try CLI.run(["report", "--format", format], cwd: tmp).stdout
            XCTAssertTrue(text.contains("review: contradicted by ana at "), format)
        }
        XCTAssertTrue(try CLI.run(["show", id], cwd: tmp).stdout.contains("review: contradicted by ana"))

        // The article now links the report: the machine's status moves, the review stays and says so.
        try "<html><body><h1>Port</h1><p>The port added 1,200 jobs in 2025, the harbor authority said in a <a href=\"http://127.0.0.1:9/report\">report</a>.</p></body></html>\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let moved = try XCTUnwrap(try claims(tmp).first { $0["id"] as? String == id })
        XCTAssertNotEqual(moved["status"] as? String, machine, "the test needs the machine's status to change")
        let flagged = try XCTUnwrap(moved["review"] as? [String: Any])
        XCTAssertEqual(flagged["machine_changed"] as? Bool, true)
        XCTAssertTrue(try CLI.run(["show", id], cwd: tmp).stdout.contains("(the machine now says "))

        // --clear removes it.
        XCTAssertEqual(try CLI.run(["review", id, "--clear"], cwd: tmp).status, 0)
        XCTAssertNil(try claims(tmp).first { $0["id"] as? String == id }?["review"])
    }

    func testBadReviewsAreUsageErrorsAndNothingIsWritten() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let ledger = tmp + "/ledger.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let id = try XCTUnwrap(try claims(tmp).first?["id"] as? String)
        for arguments in [["review", id], ["review", id, "--verdict", "true"], ["review", id, "--verdict", "supported", "--clear"],
                          ["review", "nosuchclaim", "--verdict", "supported"]] {
            let r = try CLI.run(arguments, cwd: tmp)
            XCTAssertEqual(r.status, 2, arguments.joined(separator: " ") + ": " + r.stderr)
            XCTAssertFalse(r.stderr.isEmpty)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ledger)), before, "a refused review writes nothing")
    }
}
