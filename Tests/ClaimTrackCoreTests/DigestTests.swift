import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 18, point 2: `report --changed` and `--since` are a digest a cron mail can carry: new, changed and
/// removed claims and removed articles, old → new, with counts that add up, counted as the run's summary.
final class DigestTests: SeedFolderTestCase {
    func run(_ args: [String]) throws -> CLI.Result {
        let r = try CLI.run(args, cwd: tmp)
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        return r
    }

    func json(_ args: [String]) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try run(args).stdout.utf8)) as? [String: Any])
    }

    func write(_ text: String, _ name: String) throws {
        try text.write(toFile: tmp + "/seeds/" + name, atomically: true, encoding: .utf8)
    }

    func testTheFirstRunReportsEveryClaimAsNew() throws {
        let first = try run(["run", "seeds", "--offline"])
        XCTAssertTrue(first.stdout.hasSuffix("20 claims: unverifiable 2, vague 4, unattributed 14; 20 new, 0 changed, 0 removed since the last run\n"), first.stdout)
        let changed = try run(["report", "--changed"])
        XCTAssertEqual(changed.stdout.components(separatedBy: "[NEW → ").count - 1, 20, changed.stdout)
        XCTAssertTrue(changed.stdout.hasSuffix("run 1: 20 new, 0 changed, 0 removed\n1 article, 20 claims: unverifiable 2, vague 4, unattributed 14\n"), changed.stdout)
        let doc = try json(["report", "--changed", "--format", "json"])
        let changes = try XCTUnwrap(doc["changes"] as? [String: Any])
        XCTAssertEqual(changes["new"] as? Int, 20)
        XCTAssertEqual(changes["changed"] as? Int, 0)
        XCTAssertEqual(changes["removed"] as? Int, 0)
        XCTAssertEqual(changes["runs"] as? [Int], [1])
        let claims = try XCTUnwrap((doc["articles"] as? [[String: Any]])?.first?["claims"] as? [[String: Any]])
        XCTAssertEqual(Set(claims.compactMap { ($0["change"] as? [String: Any])?["kind"] as? String }), ["new"])
        XCTAssertEqual(claims.filter { ($0["change"] as? [String: Any])?["from"] is NSNull }.count, 20)
    }

    func testChangedListsNewChangedRemovedClaimsAndRemovedArticlesWithCountsThatAddUp() throws {
        try write("The port handled 2.4 million containers in 2025, the Harbor Authority said.\n\nThe mayor said 40 homes lost power in March, officials said.\n", "port.md")
        _ = try run(["run", "seeds", "--offline"])
        try write("The ferry carried 9,000 passengers in 2025, the operator said.\n", "ferry.txt")
        _ = try run(["run", "seeds", "--offline"])
        // Run 3: the ferry story is deleted; in the port story one sentence gets a link (changed: unverifiable → pending),
        // one is rewritten (its old claim removed, the new one new).
        try FileManager.default.removeItem(atPath: tmp + "/seeds/ferry.txt")
        try write("The port handled 2.4 million containers in 2025, [the Harbor Authority said](https://example.org/report).\n\nThe mayor said 45 homes lost power in March, officials said.\n", "port.md")
        let third = try run(["run", "seeds", "--offline"])
        XCTAssertTrue(third.stdout.contains("2 articles (1 unchanged, 1 removed)"), third.stdout)
        XCTAssertTrue(third.stdout.hasSuffix("; 1 new, 1 changed, 2 removed since the last run\n"), third.stdout)

        let table = try run(["report", "--changed"]).stdout
        XCTAssertTrue(table.contains("ferry.txt (removed)"), table)
        XCTAssertTrue(table.contains("[UNVERIFIABLE → REMOVED]"), table)
        XCTAssertTrue(table.contains("[UNVERIFIABLE → PENDING]"), table)
        XCTAssertTrue(table.contains("[NEW → "), table)
        XCTAssertEqual(table.components(separatedBy: " → ").count - 1, 4, table)
        XCTAssertFalse(table.contains("china-intelligence-leak.txt"), "an article without changes is not listed")
        XCTAssertTrue(table.contains("run 3: 1 new, 1 changed, 2 removed; 1 article removed\n"), table)
        XCTAssertTrue(table.hasSuffix("2 articles, 4 claims: " + table.split(separator: "\n").last!.split(separator: ":").last!.trimmingCharacters(in: .whitespaces) + "\n"))

        let doc = try json(["report", "--changed", "--format", "json"])
        let changes = try XCTUnwrap(doc["changes"] as? [String: Any])
        XCTAssertEqual(changes["removed_articles"] as? [String], ["ferry.txt"])
        XCTAssertEqual((changes["new"] as? Int, changes["changed"] as? Int, changes["removed"] as? Int) == (1, 1, 2), true, "\(changes)")
        XCTAssertEqual((doc["summary"] as? [String: Any])?["claims"] as? Int, 4)
        let articles = try XCTUnwrap(doc["articles"] as? [[String: Any]])
        XCTAssertEqual(articles.first { $0["path"] as? String == "ferry.txt" }?["removed"] as? Bool, true)

        // --article narrows the digest, also to the removed article.
        let ferry = try run(["report", "--changed", "--article", "ferry.txt"]).stdout
        XCTAssertTrue(ferry.hasPrefix("ferry.txt (removed)\n") && ferry.contains("run 3: 0 new, 0 changed, 1 removed; 1 article removed\n"), ferry)
        XCTAssertEqual(try CLI.run(["report", "--article", "ferry.txt"], cwd: tmp).status, 2, "not in the full report")

        let markdown = try run(["report", "--changed", "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.contains("**unverifiable → removed**") && markdown.contains("**unverifiable → pending**"), markdown)
        XCTAssertTrue(markdown.contains("run 3: 1 new, 1 changed, 2 removed; 1 article removed."), markdown)

        // The run record counts the same way.
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        let counts = try XCTUnwrap(ledger.runs.last?.counts)
        XCTAssertEqual([counts.newClaims, counts.changed, counts.removedClaims, counts.removed], [1, 1, 2, 1])
        XCTAssertEqual(ledger.runs.map(\.counts.claims), [22, 23, 22], "before + new − removed = now")
        // The run counts without listing (`Digest.counts`) exactly as the listing does, for every window.
        for after in 0...3 {
            XCTAssertEqual(Digest.counts(ledger, after: after), Digest(ledger: ledger, after: after).counts, "after run \(after)")
        }
    }

    func testSinceCoversSeveralRunsByRunIDDateOrDuration() throws {
        _ = try run(["run", "seeds", "--offline"])                     // run 1: the seed, 20 claims
        try write("The ferry carried 9,000 passengers in 2025, the operator said.\n", "ferry.txt")
        _ = try run(["run", "seeds", "--offline"])                     // run 2: the ferry claim is new
        try write("The port handled 2.4 million containers in 2025, the Harbor Authority said.\n", "port.txt")
        try FileManager.default.removeItem(atPath: tmp + "/seeds/ferry.txt")
        _ = try run(["run", "seeds", "--offline"])                     // run 3: ferry removed, port new

        // After run 1: the ferry came and went (not listed), the port claim is new.
        let week = try run(["report", "--since", "1"]).stdout
        XCTAssertTrue(week.contains("runs 2–3: 1 new, 0 changed, 0 removed\n"), week)
        XCTAssertTrue(week.contains("port.txt") && !week.contains("ferry"), week)
        // After run 2: the ferry's claim and article removed, the port's new.
        let last = try run(["report", "--since", "2"]).stdout
        XCTAssertEqual(last, try run(["report", "--changed"]).stdout)
        XCTAssertTrue(last.contains("run 3: 1 new, 0 changed, 1 removed; 1 article removed\n"), last)
        // A date or a duration before every run: everything that stands is new.
        for since in ["2000-01-01", "2000-01-01T00:00:00Z", "7d", "0"] {
            let all = try run(["report", "--since", since]).stdout
            XCTAssertTrue(all.contains("runs 1–3: 21 new, 0 changed, 0 removed\n"), "\(since): \(all)")
        }
        for bad in ["99", "yesterday"] {
            let r = try CLI.run(["report", "--since", bad], cwd: tmp)
            XCTAssertEqual(r.status, 2, bad)
            XCTAssertTrue(r.stderr.contains("--since \(bad):"), r.stderr)
        }
    }
}
