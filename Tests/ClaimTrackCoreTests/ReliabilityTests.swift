import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Crashes, a full disk, hostile files and network faults: the run keeps working and loses nothing.
final class ReliabilityTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws { tmp = Fixtures.temporaryFolder("claimtrack-reliability") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }

    /// Twenty SIGKILLs at random moments of runs that ingest, fetch and write: after each the ledger
    /// parses (or was never written) and the lock is free; at the end the claims equal a clean run's.
    func testTwentyKillsAcrossIngestFetchAndWrite() throws {
        let server = try TestServer()
        defer { server.stop() }
        let folder = tmp + "/news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seed = try String(contentsOfFile: Fixtures.root + "/seeds/china-intelligence-leak.txt", encoding: .utf8)
        for k in 0..<300 {
            let link = server.url("/page/\(k % 30)?sleep=50")
            try (seed + "\nThe port handled \(k) ships in 2025, [the authority said](\(link)).\n")
                .write(toFile: folder + "/a\(k).md", atomically: false, encoding: .utf8)
        }
        try "articles: news\nfetch: {allow_private_addresses: true, delay_ms: 0, per_host: 4, timeout_s: 5, retries: 0}\n"
            .write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for _ in 0..<20 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["run", "--quiet", "--ledger", tmp + "/crash.json"]
            process.currentDirectoryURL = URL(fileURLWithPath: tmp)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...1_500_000, using: &generator))
            if process.isRunning { kill(process.processIdentifier, SIGKILL); killed += 1 }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: tmp + "/crash.json") {
                XCTAssertNoThrow(try LedgerStore.load(tmp + "/crash.json"), "the ledger broke after a kill")
            }
        }
        XCTAssertGreaterThanOrEqual(killed, 10, "most runs were killed while working")
        let finish = try CLI.run(["run", "--quiet", "--ledger", tmp + "/crash.json"], cwd: tmp, timeout: 180)
        XCTAssertEqual(finish.status, 0, finish.stderr)
        let clean = try CLI.run(["run", "--quiet", "--ledger", tmp + "/clean.json"], cwd: tmp, timeout: 180)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.contains(".tmp.") }, [],
                       "a killed writer's temporary file is cleared by the next run")
        let a = try LedgerStore.load(tmp + "/crash.json"), b = try LedgerStore.load(tmp + "/clean.json")
        XCTAssertEqual(a.claims.count, b.claims.count)
        XCTAssertGreaterThan(a.claims.count, 6000)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: a.claims.map { ($0.key, $0.value.status) }),
                       Dictionary(uniqueKeysWithValues: b.claims.map { ($0.key, $0.value.status) }))
    }

    /// A ledger write that runs out of space fails with a clear message and leaves the old ledger as it was.
    func testDiskFullLeavesTheOldLedger() throws {
        let disk = tmp + "/small"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=192k", "tmpfs", disk]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a small tmpfs here (needs root)") }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [disk]
            try? umount.run()
            umount.waitUntilExit()
        }
        try FileManager.default.createDirectory(atPath: tmp + "/news", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.root + "/seeds/china-intelligence-leak.txt", toPath: tmp + "/news/one.txt")
        XCTAssertEqual(try CLI.run(["run", "news", "--offline", "--quiet", "--ledger", disk + "/ledger.json"], cwd: tmp).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: disk + "/ledger.json"))
        let files = { Set((FileManager.default.subpaths(atPath: disk + "/ledger.json.d") ?? []).filter { $0.hasSuffix(".json") }) }
        let filesBefore = files()
        let text = try String(contentsOfFile: tmp + "/news/one.txt", encoding: .utf8)
        for k in 0..<40 { try (text + "\nCopy \(k) was filed in 2026.").write(toFile: tmp + "/news/c\(k).txt", atomically: true, encoding: .utf8) }
        let full = try CLI.run(["run", "news", "--offline", "--quiet", "--ledger", disk + "/ledger.json"], cwd: tmp)
        XCTAssertNotEqual(full.status, 0)
        XCTAssertTrue(full.stderr.contains("ledger.json: the ledger could not be written (No space left on device); the previous ledger is intact"), full.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: disk + "/ledger.json")), before)
        // Nothing half-written is left: the manifest and the data folder's files are those of the first run.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk).sorted(),
                       ["ledger.json", "ledger.json.d", "ledger.json.lock"].filter { FileManager.default.fileExists(atPath: disk + "/" + $0) })
        XCTAssertEqual(files(), filesBefore)
    }

    func testHostileFiles() throws {
        let folder = tmp + "/news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // HTML nested 100,000 levels deep.
        try (String(repeating: "<div>", count: 100_000) + "<p>The port moved 9 million tonnes in 2025, officials said.</p>" + String(repeating: "</div>", count: 100_000))
            .write(toFile: folder + "/deep.html", atomically: true, encoding: .utf8)
        // Nearly 20 MB on one line.
        let sentence = "The council said 12 roads were closed in 2024 and traffic fell by 9 percent; "
        try String(repeating: sentence, count: 19_900_000 / sentence.utf8.count).write(toFile: folder + "/line.txt", atomically: true, encoding: .utf8)
        // NUL bytes, invalid UTF-8, UTF-16 with a BOM, mixed line endings.
        try Data([0x54, 0x68, 0x65, 0x00, 0x00, 0x01] + Array(repeating: 0x41, count: 100)).write(to: URL(fileURLWithPath: folder + "/nul.txt"))
        try Data(Array("The caf".utf8) + [0xE9, 0xFF] + Array(" owner said 3 tables were sold in 2023.".utf8)).write(to: URL(fileURLWithPath: folder + "/latin.txt"))
        let utf16 = "The mayor said 40 homes lost power in 2025."
        try Data([0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: folder + "/utf16.txt"))
        try "Title\r\nThe minister said 800 jobs were cut in 2024.\rThe union said 1,200 jobs were cut in 2024.\nThe firm said 500 jobs remain in 2025.\r\n"
            .write(toFile: folder + "/endings.txt", atomically: true, encoding: .utf8)
        // Links that must never be fetched.
        try "Officials said 5 ships sank in 2023, [according to this](javascript:alert(1)) and [that](file:///etc/passwd).\n"
            .write(toFile: folder + "/links.md", atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "news", "--quiet"], cwd: tmp, timeout: 240)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("nul.txt: looks binary"), run.stderr)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(Set(ledger.articles.keys), ["deep.html", "line.txt", "latin.txt", "utf16.txt", "endings.txt", "links.md"])
        let texts = ledger.claims.values.map(\.text)
        XCTAssertTrue(texts.contains { $0.hasPrefix("The caf\u{E9}\u{FF} owner said 3 tables") }, "invalid UTF-8 read as windows-1252")
        XCTAssertTrue(texts.contains("The mayor said 40 homes lost power in 2025."))
        XCTAssertTrue(texts.contains("The union said 1,200 jobs were cut in 2024."), "\(texts.filter { $0.contains("union") })")
        XCTAssertTrue(ledger.claims.values.allSatisfy { $0.attributions.allSatisfy { $0.urls.allSatisfy { $0.hasPrefix("http") } } })
        XCTAssertTrue(ledger.sources.isEmpty, "javascript: and file: links are never fetched")
    }

    func testAFileThatDisappearsMidRun() throws {
        let folder = tmp + "/news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Fixtures.root + "/seeds/china-intelligence-leak.txt", encoding: .utf8)
        for k in 0..<400 { try text.write(toFile: folder + "/a\(k).txt", atomically: false, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["run", "news", "--offline"]
        process.currentDirectoryURL = URL(fileURLWithPath: tmp)
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        usleep(30_000)
        for k in stride(from: 399, through: 200, by: -1) { try? FileManager.default.removeItem(atPath: folder + "/a\(k).txt") }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertGreaterThanOrEqual(ledger.articles.count, 200)
        // Every file that was listed but vanished before it was read is named; every other one is recorded.
        let counts = try XCTUnwrap(ledger.runs.last?.counts)
        XCTAssertEqual(counts.articles - counts.failed, ledger.articles.count)
        XCTAssertEqual(stderr.components(separatedBy: ": cannot be read").count - 1, counts.failed, stderr)
        for k in 0..<200 { XCTAssertNotNil(ledger.articles["a\(k).txt"], "a\(k).txt was never deleted") }
    }

    func testNetworkFaults() throws {
        let server = try TestServer()
        defer { server.stop() }
        let options = TestServer.options { $0.timeoutS = 1; $0.retries = 0 }
        let results = Fetcher(options: options).fetchAll([
            server.url("/never"), "https://127.0.0.1:\(server.port)/ok", "http://does-not-exist.invalid/page",
        ].map { FetchRequest(url: $0) })
        XCTAssertEqual(results[0].0.outcome, .timeout, "a server that accepts and never answers")
        XCTAssertEqual(results[1].0.outcome, .error, "TLS against a plain HTTP server: \(results[1].0.detail)")
        XCTAssertTrue(results[1].0.detail.lowercased().contains("ssl") || results[1].0.detail.lowercased().contains("tls"), results[1].0.detail)
        XCTAssertTrue([.dns, .error].contains(results[2].0.outcome), "DNS failure: \(results[2].0.outcome) \(results[2].0.detail)")
    }

    func testConfigWithAnchorsAndAliases() throws {
        let yaml = """
        resolve:
          outlets:
            - &harbor {name: Harbor Gazette, aliases: [the Gazette], domain: gazette.example}
            - *harbor
        fetch: {concurrency: 8}
        """
        let c = try ConfigLoader.parse(yaml, file: "p.yml")
        XCTAssertEqual(c.resolve.outlets.count, 2)
        XCTAssertEqual(c.resolve.outlets[1].domain, "gazette.example")
    }
}
