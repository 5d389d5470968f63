@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The ledger's promises, with real files, real locks and real crashes.
final class LedgerTests: SeedFolderTestCase {
    func testLockHeldExitsThreeAtOnce() throws {
        let lock = try LedgerLock.acquire(for: tmp + "/ledger.json")
        let started = Date()
        let r = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 3)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertTrue(r.stderr.contains("ledger.json.lock: another claimtrack run holds the lock (process \(getpid()))"), r.stderr)
        lock.release()
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
    }

    func testLockLeftByADeadProcessIsTakenOver() throws {
        // A run killed with SIGKILL leaves its lock file behind, holding a dead pid.
        try "999999\n".write(toFile: tmp + "/ledger.json.lock", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testUnreadableLedgerExitsFourAndIsNeverOverwritten() throws {
        let broken = "{\"schema\": \"claimtrack.ledger/1\", \"claims\": [tru"
        try broken.write(toFile: tmp + "/ledger.json", atomically: true, encoding: .utf8)
        for args in [["run", "seeds", "--offline"], ["report"], ["show", "c123"]] {
            let r = try CLI.run(args, cwd: tmp)
            XCTAssertEqual(r.status, 4, "\(args)")
            XCTAssertTrue(r.stderr.contains("ledger.json: the ledger cannot be read"), r.stderr)
        }
        XCTAssertEqual(try String(contentsOfFile: tmp + "/ledger.json", encoding: .utf8), broken)
        try "{\"schema\": \"claimtrack.ledger/9\"}".write(toFile: tmp + "/ledger.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 4)
    }

    func testIDsSurviveRerunReformattingAndMovingTheFolder() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let first = try LedgerStore.load(tmp + "/ledger.json")
        // Reflow: double spaces, CRLF line ends, trailing spaces, extra blank lines.
        let path = tmp + "/seeds/china-intelligence-leak.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let reflowed = text.replacingOccurrences(of: ". ", with: ".  ").replacingOccurrences(of: "\n", with: "  \r\n\r\n")
        try FileManager.default.createDirectory(atPath: tmp + "/moved", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: tmp + "/seeds", toPath: tmp + "/moved/articles")
        try reflowed.write(toFile: tmp + "/moved/articles/china-intelligence-leak.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "moved/articles", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("no claim new, changed or removed since the last run"), r.stdout)
        let second = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(Set(second.claims.keys), Set(first.claims.keys))
        for (id, claim) in second.claims {
            XCTAssertEqual(claim.status, first.claims[id]?.status)
            XCTAssertEqual(claim.history.count, 1, "no new history entry for \(id)")
        }
        XCTAssertEqual(second.runs.count, 2)
        XCTAssertEqual(second.runs[1].counts.unchanged, 0, "the file changed, so it was read again")
    }

    func testRunRecordAndHistory() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        let run = try XCTUnwrap(ledger.runs.first)
        XCTAssertEqual(run.id, 1)
        XCTAssertEqual(run.counts.articles, 1)
        XCTAssertEqual(run.counts.claims, 20)
        XCTAssertEqual(run.counts.newClaims, 20)
        XCTAssertEqual(run.toolVersion, ConfigDefaults.toolVersion)
        XCTAssertTrue(run.offline)
        XCTAssertLessThanOrEqual(run.started, run.finished)
        let article = try XCTUnwrap(ledger.articles["china-intelligence-leak.txt"])
        XCTAssertEqual(article.hash.count, 64)
        XCTAssertEqual(article.claims.count, 20)
        for claim in ledger.claims.values {
            XCTAssertEqual(claim.history, [StatusChange(run: 1, time: run.started, status: claim.status, from: nil)])
        }
        // The file on disk is the one encoded: keys in snake case, schema first-class. The named file is
        // the manifest of claimtrack.ledger/2; the article's records are in its own file beside it.
        let raw = try String(contentsOfFile: tmp + "/ledger.json", encoding: .utf8)
        XCTAssertTrue(raw.contains("\"schema\":\"claimtrack.ledger/2\""), raw)
        let bundles = try XCTUnwrap(FileManager.default.subpaths(atPath: tmp + "/ledger.json.d")?.filter { $0.hasPrefix("a/") && $0.hasSuffix(".json") })
        XCTAssertEqual(bundles.count, 1, "one file per article")
        let bundle = try String(contentsOfFile: tmp + "/ledger.json.d/" + bundles[0], encoding: .utf8)
        XCTAssertTrue(bundle.contains("\"pipeline_version\"") && bundle.contains("china-intelligence-leak.txt"))
    }

    func testAtomicWriteLeavesOldOrNewNeverBroken() throws {
        let path = tmp + "/l.json"
        var ledger = Ledger()
        try LedgerStore.save(ledger, to: path)
        ledger.folder = "/x"
        try LedgerStore.save(ledger, to: path)
        XCTAssertEqual(try LedgerStore.load(path).folder, "/x")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.contains(".tmp.") }
        XCTAssertEqual(leftovers, [])
        // A folder that cannot be written: the old ledger stays.
        let ro = tmp + "/ro"
        try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: true)
        try LedgerStore.save(ledger, to: ro + "/l.json")
        chmod(ro, 0o500)
        defer { chmod(ro, 0o700) }
        if getuid() != 0 {  // root ignores permissions
            XCTAssertThrowsError(try LedgerStore.save(Ledger(), to: ro + "/l.json"))
            XCTAssertEqual(try LedgerStore.load(ro + "/l.json").folder, "/x")
        }
    }

    /// SIGKILL at several moments of a run over a folder big enough to take a while:
    /// after each kill the ledger parses (or was never written) and the next run completes.
    func testKilledRunsNeverBreakTheLedger() throws {
        let folder = tmp + "/many"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: tmp + "/seeds/china-intelligence-leak.txt", encoding: .utf8)
        for k in 0..<600 { try (text + "\nArticle \(k) was filed on May \(k % 28 + 1), 2026.").write(toFile: folder + "/a\(k).txt", atomically: false, encoding: .utf8) }
        // Random moments (printed, so a failure can be replayed), among them one in the first tenth of a second.
        var generator = SystemRandomNumberGenerator()
        let delays: [useconds_t] = [50_000] + (0..<4).map { _ in useconds_t.random(in: 100_000...1_500_000, using: &generator) }
        print("kill delays (µs): \(delays)")
        var committed: [Int] = []
        for delay in delays {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["run", "many", "--offline", "--quiet", "--ledger", tmp + "/crash.json"]
            process.currentDirectoryURL = URL(fileURLWithPath: tmp)
            // Checkpoints every 0.2 s, so kills fall between checkpoints as well as before the first.
            process.environment = ProcessInfo.processInfo.environment.merging(["CLAIMTRACK_CHECKPOINT_SECONDS": "0.2"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: tmp + "/crash.json") {
                XCTAssertNoThrow(committed.append(try LedgerStore.load(tmp + "/crash.json").articles.count), "ledger broken after a kill at \(delay) µs")
            }
        }
        // Some kill fell after a checkpoint and before the end: the ledger held part of the folder.
        XCTAssertTrue(committed.contains { $0 > 0 && $0 < 600 }, "articles committed after each kill: \(committed)")
        let finish = try CLI.run(["run", "many", "--offline", "--quiet", "--ledger", tmp + "/crash.json"], cwd: tmp, timeout: 120)
        XCTAssertEqual(finish.status, 0, finish.stderr)
        let clean = try CLI.run(["run", "many", "--offline", "--quiet", "--ledger", tmp + "/clean.json"], cwd: tmp, timeout: 120)
        XCTAssertEqual(clean.status, 0)
        let a = try LedgerStore.load(tmp + "/crash.json"), b = try LedgerStore.load(tmp + "/clean.json")
        XCTAssertEqual(Set(a.claims.keys), Set(b.claims.keys))
        XCTAssertEqual(a.claims.count, 600 * 21)
        // The same statuses and the same sequences of statuses (run numbers differ: the killed runs count).
        for (id, claim) in b.claims {
            XCTAssertEqual(a.claims[id]?.status, claim.status, id)
            XCTAssertEqual(a.claims[id]?.history.map(\.status), claim.history.map(\.status), id)
        }
        XCTAssertEqual(a.articles.mapValues(\.id), b.articles.mapValues(\.id))
        XCTAssertEqual(a.retired.count, 0)
    }
}

final class LedgerCodecTests: XCTestCase {
    func testRoundTripKeepsEveryField() throws {
        var l = Ledger()
        l.folder = "/news"
        l.articles["a/b.html"] = ArticleRecord(id: "a1", path: "a/b.html", hash: "h", pipelineVersion: "v", title: "T \"q\"", author: nil,
                                               published: "2026-01-01", url: "https://x.example/a", claims: ["c1"], lastRun: 2)
        l.claims["c1"] = ClaimRecord(
            id: "c1", article: "a/b.html", text: "Line\nwith \\ tab\t, quote \" and \u{1} and 漢字 and 🎉", start: 3, end: 9, hedges: ["may have"],
            attributions: [AttributionRecord(source: "Reuters", kind: .outlet, cue: "said", resolved: "Reuters", outlet: Outlet(name: "Reuters", domain: "reuters.com"),
                                             urls: ["https://reuters.com/x"], origins: ["sentence link"])],
            status: .contradicted, reason: "r",
            evidence: [EvidenceRecord(url: "https://reuters.com/x", finalUrl: "https://www.reuters.com/x", httpStatus: 200, fetch: .ok, verdict: .contradicted,
                                      score: 0.8125, passage: "p", matched: ["2016"], missing: ["APT10"], conflicts: ["1,200 vs 800"])],
            history: [StatusChange(run: 1, time: "t1", status: .pending, from: nil), StatusChange(run: 2, time: "t2", status: .contradicted, from: .pending)],
            lastChecked: "t2")
        l.sources["https://reuters.com/x"] = SourceRecord(url: "https://reuters.com/x", finalUrl: "https://www.reuters.com/x", httpStatus: 200, contentType: "text/html", etag: "\"e\"",
                                                          lastModified: "Mon", contentHash: "ch", fetchedAt: "t2", fetch: .ok, error: nil, firstFailure: nil, failures: 0)
        l.runs = [RunRecord(id: 1, started: "s", finished: "f", folder: "/news", offline: true, counts: .init(), errors: [Diagnostic(.error, file: "x.txt", "empty file, skipped")],
                            configHash: "c", toolVersion: "0.1.0")]
        let bytes = LedgerStore.encode(l)
        let back = try LedgerCodec_decode(bytes)
        XCTAssertEqual(back.folder, l.folder)
        XCTAssertEqual(back.articles, l.articles)
        XCTAssertEqual(back.claims, l.claims)
        XCTAssertEqual(back.sources, l.sources)
        XCTAssertEqual(back.runs, l.runs)
        // It is JSON any tool can read.
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: bytes))
    }

    func LedgerCodec_decode(_ data: Data) throws -> Ledger {
        let path = Fixtures.temporaryFolder() + "/l.json"
        try data.write(to: URL(fileURLWithPath: path))
        return try LedgerStore.load(path)
    }
}
