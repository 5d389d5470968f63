import ClaimTrackCore
import ClaimTrackTestSupport
import Foundation
import XCTest

/// The PostgreSQL ledger against a real server (`PostgresCluster`: a private cluster on 127.0.0.1 for the
/// test process). Skipped only when CLAIMTRACK_PG_TESTS=0; a machine without PostgreSQL fails them.
final class PostgresTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        if PostgresCluster.disabled { throw XCTSkip("CLAIMTRACK_PG_TESTS=0") }
        tmp = Fixtures.temporaryFolder("claimtrack-pg-test")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }

    func cluster() throws -> PostgresCluster { try PostgresCluster.shared.get() }

    /// `count` generated articles in tmp/articles, each with a sentence of its own and, when `cite` gives
    /// one, a link to a cited page.
    func articles(_ count: Int, cite: ((Int) -> String)? = nil) throws -> String {
        let folder = tmp + "/articles"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for k in 0..<count {
            var text = """
            Harbor council report number \(k)

            The harbor council approved \(k + 100) new moorings for the eastern quay on Tuesday, according to the city's planning office.
            Officials said the project number \(k) would cost \(k * 3 + 7) million euros over the next four years.
            """
            if let cite { text += "\nThe council's own minutes [say so](\(cite(k))), according to the harbor authority.\n" }
            try text.write(toFile: folder + "/a\(String(format: "%05d", k)).md", atomically: true, encoding: .utf8)
        }
        return folder
    }

    func config(_ ledger: String, extra: String = "") throws -> String {
        let file = tmp + "/pipeline.yml"
        try "ledger: \(ledger)\nlease: 2s\nworkers: 2\n\(extra)".write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    // MARK: Addresses and configuration

    func testAddressParsingAndPasswordRefused() throws {
        let a = try PostgresAddress.parse("postgresql://ana@db.example:6543/claims?sslmode=require")
        XCTAssertEqual(a.user, "ana")
        XCTAssertEqual(a.host, "db.example")
        XCTAssertEqual(a.port, 6543)
        XCTAssertEqual(a.database, "claims")
        XCTAssertEqual(a.description, "postgresql://ana@db.example:6543/claims?sslmode=require")
        XCTAssertEqual(try PostgresAddress.parse("postgres://h/db").port, 5432)
        XCTAssertThrowsError(try PostgresAddress.parse("postgresql://ana:s3cret@h/db"))
        XCTAssertThrowsError(try PostgresAddress.parse("postgresql://ana@h/db?password=s3cret"))
        XCTAssertThrowsError(try PostgresAddress.parse("postgresql://h:99999/db"))
    }

    /// Array literals as libpq sends them: each element quoted, backslashes and double quotes escaped,
    /// other bytes (UTF-8 included) as they are, nil as NULL. The round trip through the server is in the
    /// tests that record and export.
    func testArrayLiteralsQuoteAndEscapeEachElement() {
        XCTAssertEqual(PGConnection.array(["plain", "a \"quote\"", "back\\slash", "é—漢字", ""]),
                       #"{"plain","a \"quote\"","back\\slash","é—漢字",""}"#)
        XCTAssertEqual(PGConnection.nullableArray([nil, "x", nil]), #"{NULL,"x",NULL}"#)
        XCTAssertEqual(PGConnection.array([String]()), "{}")
    }

    func testPasswordInPipelineYmlIsRefusedNamingFileAndLineNotTheSecret() throws {
        let file = tmp + "/pipeline.yml"
        try "workers: 1\nledger: postgresql://ana:s3cret@127.0.0.1:5432/claimtrack\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--offline", "--config", file], cwd: tmp)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("pipeline.yml:2"), r.stderr)
        XCTAssertTrue(r.stderr.contains("PGPASSWORD"), r.stderr)
        XCTAssertFalse(r.stderr.contains("s3cret"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }

    func testConnectionRefusedAtStartIsExit4InOneLineNamingTheHost() throws {
        let folder = try articles(1)
        let port = PostgresCluster.freePort()
        let r = try CLI.run(["run", folder, "--offline", "--ledger", "postgresql://claimtrack@127.0.0.1:\(port)/claimtrack"], cwd: tmp)
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("127.0.0.1:\(port)"), r.stderr)
    }

    // MARK: Schema

    func testMigrateOnceAndRefuseANewerSchema() throws {
        let pg = try cluster()
        let ledger = try pg.createDatabase()
        let first = try CLI.run(["ledger", "migrate", "--ledger", ledger], cwd: tmp)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("applied 0001_ledger.sql"), first.stdout)
        XCTAssertTrue(first.stdout.contains("0002_open_work.sql"), first.stdout)
        let again = try CLI.run(["ledger", "migrate", "--ledger", ledger], cwd: tmp)
        XCTAssertTrue(again.stdout.contains("up to date"), again.stdout)
        let db = String(ledger.split(separator: "/").last!)
        // A database of version 1 (as 0001 shipped) is brought to version 2, and a run works on it.
        let oldLedger = try pg.createDatabase()
        XCTAssertEqual(try CLI.run(["ledger", "migrate", "--ledger", oldLedger], cwd: tmp).status, 0)
        let oldDB = String(oldLedger.split(separator: "/").last!)
        try _ = pg.sql(oldDB, """
            DROP INDEX work_articles_open; DROP INDEX work_pages_open;
            CREATE INDEX work_articles_todo ON work_articles (run, phase, state); CREATE INDEX work_pages_todo ON work_pages (run, state);
            DELETE FROM claimtrack_schema WHERE version = 2
            """)
        let upgrade = try CLI.run(["ledger", "migrate", "--ledger", oldLedger], cwd: tmp)
        XCTAssertTrue(upgrade.stdout.contains("applied 0002_open_work.sql") && !upgrade.stdout.contains("0001"), upgrade.stdout)
        XCTAssertEqual(try pg.sql(oldDB, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('work_articles_open', 'work_pages_open')"), "2")
        try FileManager.default.createDirectory(atPath: tmp + "/upgraded", withIntermediateDirectories: true)
        try "The harbor council said 40 moorings were built in 2024.\n".write(toFile: tmp + "/upgraded/a.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", tmp + "/upgraded", "--offline", "--quiet", "--ledger", oldLedger], cwd: tmp).status, 0)
        XCTAssertEqual(try pg.sql(db, "SELECT max(version) FROM claimtrack_schema"), "\(PostgresLedger.knownVersion)")
        try _ = pg.sql(db, "INSERT INTO claimtrack_schema (version, name) VALUES (999, 'from the future')")
        let folder = try articles(1)
        let r = try CLI.run(["run", folder, "--offline", "--ledger", ledger], cwd: tmp)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("schema version 999"), r.stderr)
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM runs"), "0")
    }

    func testReportOnAnEmptyDatabaseIsMissingLedger() throws {
        let ledger = try cluster().createDatabase()
        let r = try CLI.run(["report", "--ledger", ledger], cwd: tmp)
        XCTAssertEqual(r.status, 4, r.stderr)
    }

    // MARK: The same ledger on both stores

    /// One folder run twice on each store: reports (every format) identical but for times, `show`,
    /// `review` and `--changed` work the same, and export → import → export gives the same bytes.
    func testBothStoresGiveTheSameReportsAndExportRoundTrips() throws {
        let pg = try cluster()
        let ledger = try pg.createDatabase()
        try FileManager.default.copyItem(atPath: Fixtures.root + "/seeds", toPath: tmp + "/seeds")
        let folder = try articles(12)
        try FileManager.default.copyItem(atPath: tmp + "/seeds/china-intelligence-leak.txt", toPath: folder + "/seed.txt")
        for store in [ledger, tmp + "/ledger.json"] {
            for _ in 0..<2 { XCTAssertEqual(try CLI.run(["run", folder, "--offline", "--quiet", "--ledger", store], cwd: tmp).status, 0) }
        }
        // An edit removes a claim on both: retired claims and --changed must agree too.
        try "Harbor council report number 0\n\nThe harbor council approved 100 new moorings for the eastern quay on Tuesday, according to the city's planning office.\n"
            .write(toFile: folder + "/a00000.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/a00001.md")
        // A file moved into a subfolder keeps its article id, claim ids and history on both stores.
        try FileManager.default.createDirectory(atPath: folder + "/moved", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder + "/a00003.md", toPath: folder + "/moved/renamed.md")
        for store in [ledger, tmp + "/ledger.json"] {
            let r = try CLI.run(["run", folder, "--offline", "--ledger", store], cwd: tmp)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("1 removed, 1 moved"), r.stdout)
        }
        for format in ["json", "markdown", "csv", "table", "jsonl", "csv-attributions", "html", "claimreview"] {
            let a = try CLI.run(["report", "--format", format, "--ledger", ledger], cwd: tmp)
            let b = try CLI.run(["report", "--format", format, "--ledger", tmp + "/ledger.json"], cwd: tmp)
            XCTAssertEqual(a.status, 0, a.stderr)
            XCTAssertEqual(Normalize.times(a.stdout), Normalize.times(b.stdout), format)
        }
        let changedPG = try CLI.run(["report", "--changed", "--ledger", ledger], cwd: tmp).stdout
        XCTAssertEqual(Normalize.times(changedPG), Normalize.times(try CLI.run(["report", "--changed", "--ledger", tmp + "/ledger.json"], cwd: tmp).stdout))
        XCTAssertTrue(changedPG.contains("removed"), changedPG)

        let id = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(CLI.run(["report", "--format", "json", "--ledger", ledger], cwd: tmp).stdout.utf8))
            as? [String: Any]).flatMap { (($0["articles"] as? [[String: Any]])?.first?["claims"] as? [[String: Any]])?.first?["id"] as? String }
        let claim = try XCTUnwrap(id)
        let review = try CLI.run(["review", String(claim.prefix(8)), "--verdict", "supported", "--note", "minutes", "--by", "ana", "--ledger", ledger], cwd: tmp)
        XCTAssertEqual(review.status, 0, review.stderr)
        let show = try CLI.run(["show", claim, "--ledger", ledger], cwd: tmp)
        XCTAssertTrue(show.stdout.contains("review: supported by ana"), show.stdout)

        // Export → import into a fresh database → export: the same bytes; and into a new JSON ledger, too.
        XCTAssertEqual(try CLI.run(["ledger", "export", "--to", tmp + "/one.json", "--ledger", ledger], cwd: tmp).status, 0)
        let other = try pg.createDatabase()
        let imported = try CLI.run(["ledger", "import", tmp + "/one.json", "--ledger", other], cwd: tmp)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(try CLI.run(["ledger", "export", "--to", tmp + "/two.json", "--ledger", other], cwd: tmp).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tmp + "/one.json")), try Data(contentsOf: URL(fileURLWithPath: tmp + "/two.json")))
        XCTAssertEqual(try CLI.run(["ledger", "import", tmp + "/one.json", "--ledger", tmp + "/moved.json"], cwd: tmp).status, 0)
        XCTAssertEqual(try CLI.run(["ledger", "export", "--to", tmp + "/three.json", "--ledger", tmp + "/moved.json"], cwd: tmp).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tmp + "/one.json")), try Data(contentsOf: URL(fileURLWithPath: tmp + "/three.json")))
        // A ledger that holds records is never overwritten by an import.
        let again = try CLI.run(["ledger", "import", tmp + "/one.json", "--ledger", other], cwd: tmp)
        XCTAssertEqual(again.status, 5, again.stderr)
        // And the imported ledger carries on: the next run there sees every article unchanged.
        let next = try CLI.run(["run", folder, "--offline", "--ledger", other], cwd: tmp)
        XCTAssertTrue(next.stdout.contains("(12 unchanged)"), next.stdout)
    }

    // MARK: Many workers

    /// Three workers over one folder: one run, every article recorded by exactly one of them (one history
    /// entry per claim), the run closed once, every worker printing the same summary.
    func testThreeWorkersShareOneRunAndRecordEachArticleOnce() throws {
        let pg = try cluster()
        let ledger = try pg.createDatabase()
        let folder = try articles(1200)
        let file = try config(ledger)
        let results = ConcurrentResults()
        let cwd = tmp
        together(3) { results.add(try? CLI.run(["run", folder, "--offline", "--config", file], cwd: cwd, timeout: 180)) }
        XCTAssertEqual(results.all.count, 3)
        for r in results.all { XCTAssertEqual(r.status, 0, r.stderr) }
        let summaries = Set(results.all.map(\.stdout))
        XCTAssertEqual(summaries.count, 1, "\(summaries)")
        XCTAssertTrue(summaries.first?.contains("1200 articles") == true, "\(summaries)")
        let db = String(ledger.split(separator: "/").last!)
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM runs"), "1")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM articles"), "1200")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM claims WHERE doc::jsonb -> 'history' @> '[{\"run\": 1}]' AND jsonb_array_length(doc::jsonb -> 'history') <> 1"), "0")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM work_articles"), "0")
        // More than one worker did work (each logs its own batches' articles).
        let busy = results.all.filter { !$0.stderr.contains("articles: 0/") }
        XCTAssertGreaterThan(busy.count, 1, results.all.map(\.stderr).joined(separator: "\n---\n"))
    }

    /// A worker killed with SIGKILL in the middle of a run: another started after it finishes the run,
    /// taking the dead worker's articles once its lease (2 s) has run out; nothing is lost or doubled.
    func testAWorkerKilledMidRunHasItsArticlesTakenAfterTheLease() throws {
        let pg = try cluster()
        let ledger = try pg.createDatabase()
        let db = String(ledger.split(separator: "/").last!)
        let folder = try articles(1500)
        let file = try config(ledger, extra: "")
        let victim = Process()
        victim.executableURL = URL(fileURLWithPath: CLI.binary)
        victim.arguments = ["run", folder, "--offline", "--quiet", "--config", file]
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let done = Int((try? pg.sql(db, "SELECT count(*) FROM work_articles WHERE state = 'done'")) ?? "") ?? 0
            if done >= 64 { break }
            usleep(20_000)
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let held = Int(try pg.sql(db, "SELECT count(*) FROM work_articles WHERE state = 'claimed'")) ?? 0
        let done = Int(try pg.sql(db, "SELECT count(*) FROM work_articles WHERE state = 'done'")) ?? 0
        XCTAssertLessThan(done, 1500, "the victim finished before it was killed; the test proves nothing")
        let r = try CLI.run(["run", folder, "--offline", "--config", file], cwd: tmp, timeout: 240)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1500 articles"), r.stdout)
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM runs WHERE phase = 'closed'"), "1")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM articles"), "1500")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM claims WHERE jsonb_array_length(doc::jsonb -> 'history') <> 1"), "0")
        _ = held
    }

    /// The server restarted (stopped like a crash, started 2 s later) while a worker runs: it reconnects
    /// with backoff and finishes; one run, every article once.
    func testTheDatabaseRestartedMidRunLosesAndDoublesNothing() throws {
        let pg = try PostgresCluster.start()  // its own server: stopping it must not disturb other tests
        defer { pg.stop() }
        let ledger = try pg.createDatabase()
        let db = String(ledger.split(separator: "/").last!)
        let folder = try articles(1500)
        let file = try config(ledger)
        let box = ConcurrentResults()
        let cwd = tmp
        let worker = Thread { box.add(try? CLI.run(["run", folder, "--offline", "--config", file], cwd: cwd, timeout: 240)) }
        worker.start()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if (Int((try? pg.sql(db, "SELECT count(*) FROM work_articles WHERE state = 'done'")) ?? "") ?? 0) >= 64 { break }
            usleep(20_000)
        }
        try pg.stopServer(immediate: true)
        Thread.sleep(forTimeInterval: 2)
        try pg.startServer()
        while box.all.isEmpty { usleep(50_000) }
        let r = try XCTUnwrap(box.all.first)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1500 articles"), r.stdout)
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM runs"), "1")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM articles"), "1500")
        XCTAssertEqual(try pg.sql(db, "SELECT count(*) FROM claims WHERE jsonb_array_length(doc::jsonb -> 'history') <> 1"), "0")
    }

    /// Two workers fetching the same hosts: per_host 1 holds across both (the server counts the transfers
    /// at once), each cited page is fetched once, robots.txt once, and the claims get their verdicts.
    func testPolitenessHoldsAcrossWorkers() throws {
        let pg = try cluster()
        let ledger = try pg.createDatabase()
        let server = try TestServer()
        defer { server.stop() }
        let folder = try articles(40) { k in server.url("/page/p\(k % 10)?sleep=100") }
        let file = try config(ledger, extra: "fetch: {allow_private_addresses: true, per_host: 1, delay_ms: 20, timeout_s: 5, retries: 0}\n")
        let results = ConcurrentResults()
        let cwd = tmp
        together(2) { results.add(try? CLI.run(["run", folder, "--config", file], cwd: cwd, timeout: 180)) }
        for r in results.all { XCTAssertEqual(r.status, 0, r.stderr) }
        let log = try server.log()
        XCTAssertEqual(log.maxActive, 1, "per_host 1 across two workers")
        let paths = log.requests.compactMap { $0["path"] as? String }
        XCTAssertEqual(paths.filter { $0.hasPrefix("/page/") }.count, 10, "\(paths)")
        XCTAssertEqual(paths.filter { $0 == "/robots.txt" }.count, 1, "\(paths)")
        XCTAssertTrue(results.all.first?.stdout.contains("10 pages checked") == true, results.all.first?.stdout ?? "")
    }

    /// The same cited sentence in articles of different batches: an article recorded later with a smaller
    /// id takes the plain claim id and the earlier one's is qualified (`Recorder.ledgerID`) after its due
    /// claims were noted for the verify phase. Every claim that cites a page is still judged (it was left
    /// pending, 312 of 44,639 claims in bench/pg_fetch.sh 2000 with PAGES=400).
    func testClaimsRenamedAfterTheirBatchAreStillJudged() throws {
        let pg = try cluster()
        let ledger = try pg.createDatabase()
        let server = try TestServer()
        defer { server.stop() }
        let folder = try articles(200) { k in server.url("/page/p\(k % 5)") }
        let file = try config(ledger, extra: "fetch: {allow_private_addresses: true, retries: 0}\n")
        let run = try CLI.run(["run", folder, "--config", file], cwd: tmp, timeout: 180)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("pending"), run.stdout)
        XCTAssertEqual(try pg.sql(ledger, "SELECT count(*) FROM claims WHERE doc::jsonb ->> 'status' = 'pending'"), "0")
        // Judged: five pages, a verdict on each of the 200 claims that cite one.
        XCTAssertEqual(try pg.sql(ledger, "SELECT count(*) FROM claims WHERE jsonb_array_length(doc::jsonb -> 'evidence') > 0"), "200")
    }
}

/// `body` on `n` threads at once (concurrentPerform would run no more at once than there are cores), until all return.
func together(_ n: Int, _ body: @escaping @Sendable () -> Void) {
    let group = DispatchGroup()
    for _ in 0..<n {
        group.enter()
        Thread { body(); group.leave() }.start()
    }
    group.wait()
}

final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CLI.Result] = []
    func add(_ r: CLI.Result?) { lock.withLock { if let r { results.append(r) } } }
    var all: [CLI.Result] { lock.withLock { results } }
}
