import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 18, point 4: what a new user meets first, from the built binary.
final class FirstUseTests: SeedFolderTestCase {
    func testRunWithoutPipelineOrFolderSaysHowToStart() throws {
        let empty = tmp + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let r = try CLI.run(["run"], cwd: empty)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("no pipeline.yml here") && r.stderr.contains("`claimtrack run FOLDER`")
                      && r.stderr.contains("`claimtrack init FOLDER`"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty + "/ledger.json"))
        // Where the defaults do find their folder (./seeds), a bare run works as before.
        XCTAssertEqual(try CLI.run(["run", "--offline"], cwd: tmp).status, 0)
    }

    func testInitWritesTheShippedCommentedPipelineAndNeverOverwrites() throws {
        let shipped = try String(contentsOfFile: Fixtures.root + "/pipeline.yml", encoding: .utf8)
        XCTAssertEqual(ConfigDefaults.pipelineFile(), shipped, "the shipped pipeline.yml is what init writes")
        let here = tmp + "/project"
        try FileManager.default.createDirectory(atPath: here + "/news", withIntermediateDirectories: true)
        try "The mayor said 40 homes lost power in 2025, officials said.\n".write(toFile: here + "/news/a.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["init", "news"], cwd: here)
        XCTAssertEqual(r.status, 0, r.stderr)
        let written = try String(contentsOfFile: here + "/pipeline.yml", encoding: .utf8)
        XCTAssertEqual(written, shipped.replacingOccurrences(of: "articles: seeds\n", with: "articles: news\n"))
        let run = try CLI.run(["run", "--offline"], cwd: here)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1 article; 1 claim"), run.stdout)
        try "# mine\narticles: news\n".write(toFile: here + "/pipeline.yml", atomically: true, encoding: .utf8)
        let again = try CLI.run(["init"], cwd: here)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("pipeline.yml already exists"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: here + "/pipeline.yml", encoding: .utf8), "# mine\narticles: news\n")
        // A folder name YAML would misread is quoted.
        try FileManager.default.removeItem(atPath: here + "/pipeline.yml")
        for name in ["my news: 2026", "2026", "no", "#draft"] {
            try? FileManager.default.removeItem(atPath: here + "/pipeline.yml")
            XCTAssertEqual(try CLI.run(["init", name], cwd: here).status, 0)
            let quoted = try ConfigLoader.load(path: here + "/pipeline.yml")
            XCTAssertTrue(quoted.articles.hasSuffix("/" + name), quoted.articles)
        }
    }

    func testRunOnOneFileKeepsTheFolderAndItsOtherArticles() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        try FileManager.default.createDirectory(atPath: tmp + "/seeds/sub", withIntermediateDirectories: true)
        try "The mayor said 40 homes lost power in 2025, officials said.\n".write(toFile: tmp + "/seeds/sub/power.txt", atomically: true, encoding: .utf8)
        let one = try CLI.run(["run", "seeds/sub/power.txt", "--offline"], cwd: tmp)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("1 article; 1 claim"), one.stdout)
        var ledger = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(Set(ledger.articles.keys), ["china-intelligence-leak.txt", "sub/power.txt"], "its path under the folder; the others kept")
        XCTAssertEqual(ledger.claims.count, 21)
        // The folder run that follows sees the same article: no new claims, no history entries.
        let all = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertTrue(all.stdout.contains("no claim new, changed or removed since the last run"), all.stdout)
        ledger = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(ledger.claims.values.first { $0.article == "sub/power.txt" }?.history.count, 1)
        XCTAssertEqual(try CLI.run(["run", "seeds/nosuch.txt", "--offline"], cwd: tmp).status, 2)
    }

    func testRunOnOneFileWithoutALedger() throws {
        let r = try CLI.run(["run", "seeds/china-intelligence-leak.txt", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 article; 20 claims"), r.stdout)
        XCTAssertEqual(Array(try LedgerStore.load(tmp + "/ledger.json").articles.keys), ["china-intelligence-leak.txt"])
    }

    func testReportAndShowWithoutALedgerExitFourAndSaySo() throws {
        for args in [["report"], ["report", "--format", "json"], ["show", "c1"]] {
            let r = try CLI.run(args, cwd: tmp)
            XCTAssertEqual(r.status, 4, "\(args)")
            XCTAssertTrue(r.stderr.contains("no ledger here yet; `claimtrack run FOLDER` makes one"), r.stderr)
        }
    }

    func testUnknownArticleIsAnErrorNamingTheKnownOnes() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let r = try CLI.run(["report", "--article", "nosuch.html"], cwd: tmp)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--article nosuch.html: no such article in the ledger (known: china-intelligence-leak.txt)"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        let known = try CLI.run(["report", "--article", "seeds/china-intelligence-leak.txt"], cwd: tmp)
        XCTAssertEqual(known.status, 0, known.stderr)
        XCTAssertTrue(known.stdout.contains("APT10"))
    }
}
