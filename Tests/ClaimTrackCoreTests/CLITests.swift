import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The built binary, run as a user runs it: exit codes, formats, filters, files.
final class CLITests: SeedFolderTestCase {
    func testRunReportShowAndFilters() throws {
        let run = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("claimtrack run: 1 article; 20 claims:"), run.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp + "/ledger.json"))

        let json = try CLI.run(["report", "--format", "json"], cwd: tmp)
        XCTAssertEqual(json.status, 0)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["schema"] as? String, "claimtrack.report/1")
        let summary = try XCTUnwrap(doc["summary"] as? [String: Any])
        XCTAssertEqual(summary["articles"] as? Int, 1)
        let byStatus = try XCTUnwrap(summary["by_status"] as? [String: Int])
        XCTAssertEqual(byStatus["unverifiable"], 2)
        let articles = try XCTUnwrap(doc["articles"] as? [[String: Any]])
        XCTAssertEqual(articles.first?["path"] as? String, "china-intelligence-leak.txt")
        let claims = try XCTUnwrap(articles.first?["claims"] as? [[String: Any]])
        for claim in claims {
            for key in ["id", "text", "status", "reason", "hedges", "attributions", "evidence"] { XCTAssertNotNil(claim[key], key) }
        }

        let vague = try CLI.run(["report", "--status", "vague,unverifiable"], cwd: tmp)
        XCTAssertTrue(vague.stdout.contains("[VAGUE]") && vague.stdout.contains("[UNVERIFIABLE]"))
        XCTAssertFalse(vague.stdout.contains("[UNATTRIBUTED]"))
        XCTAssertTrue(vague.stdout.hasSuffix("1 article, 6 claims: unverifiable 2, vague 4\n"), vague.stdout)
        XCTAssertFalse(vague.stdout.contains("\u{1B}["), "no colour when not on a terminal")

        // An article the ledger does not have is an error naming the ones it has, not an empty report (issue 18).
        let none = try CLI.run(["report", "--article", "other.txt"], cwd: tmp)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("known: china-intelligence-leak.txt"), none.stderr)
        let one = try CLI.run(["report", "--article", "seeds/china-intelligence-leak.txt", "--format", "json", "--output", "r.json"], cwd: tmp)
        XCTAssertEqual(one.status, 0)
        XCTAssertTrue(try String(contentsOfFile: tmp + "/r.json", encoding: .utf8).contains("APT10"))

        let badStatus = try CLI.run(["report", "--status", "bogus"], cwd: tmp)
        XCTAssertEqual(badStatus.status, 2)
        XCTAssertTrue(badStatus.stderr.contains("unknown status “bogus”"), badStatus.stderr)

        let id = try XCTUnwrap(claims.first { ($0["text"] as? String)?.contains("APT10") == true }?["id"] as? String)
        let show = try CLI.run(["show", id], cwd: tmp)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("claim \(id): unverifiable"))
        XCTAssertTrue(show.stdout.contains("source: Reuters (outlet)"))
        XCTAssertTrue(show.stdout.contains("run 1"))
        XCTAssertEqual(try CLI.run(["show", "nope"], cwd: tmp).status, 2)
    }

    func testSecondRunIsIncrementalAndChangedListsOnlyChanges() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let second = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertTrue(second.stdout.contains("1 article (1 unchanged)"), second.stdout)
        XCTAssertTrue(second.stdout.contains("no claim new, changed or removed since the last run"), second.stdout)
        let changed = try CLI.run(["report", "--changed"], cwd: tmp)
        XCTAssertEqual(changed.stdout, "run 2: no claim new, changed or removed\n0 articles, 0 claims\n")

        // A new article: only its claims are listed, as new.
        try "The port handled 2.4 million containers in 2025, the Harbor Authority said.".write(toFile: tmp + "/seeds/port.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let afterAdd = try CLI.run(["report", "--changed"], cwd: tmp)
        XCTAssertTrue(afterAdd.stdout.contains("[NEW → UNVERIFIABLE]"), afterAdd.stdout)
        XCTAssertTrue(afterAdd.stdout.hasSuffix("1 article, 1 claim: unverifiable 1\n"), afterAdd.stdout)

        // Removing it removes its claims.
        try FileManager.default.removeItem(atPath: tmp + "/seeds/port.txt")
        let removed = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertTrue(removed.stdout.contains("1 removed"), removed.stdout)
        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(ledger.claims.count, 20)
        XCTAssertEqual(ledger.runs.map(\.id), [1, 2, 3, 4])
    }

    func testVersionNamesTheCommitTheBinaryWasBuiltFrom() throws {
        let r = try CLI.run(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let line = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(line.hasPrefix(ConfigDefaults.toolVersion + " (commit "), line)
        // In a git checkout the commit is HEAD's (the build and this test see the same one).
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", Fixtures.root, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        try git.run()
        git.waitUntilExit()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if git.terminationStatus == 0, !head.isEmpty {
            XCTAssertTrue(line.contains("(commit \(head)"), "\(line) vs HEAD \(head)")
        } else {
            XCTAssertTrue(line.hasSuffix("(commit unknown)"), line)
        }
    }

    /// docs/claimtrack.1 is generated from the parser (scripts/manpage): every command and option
    /// `--help` shows must be in it, so a new option fails here until the page is generated again.
    func testTheManPageHasEveryCommandAndOption() throws {
        let page = try String(contentsOfFile: Fixtures.root + "/docs/claimtrack.1", encoding: .utf8)
        let commands = try CLI.subcommands()
        XCTAssertGreaterThan(commands.count, 8)
        for command in commands {
            XCTAssertTrue(page.contains(".It Em \(command)\n"), "\(command) missing: run scripts/manpage")
            let options = try CLI.run([command, "--help"]).stdout.split(whereSeparator: { " ,\n[]<>".contains($0) })
                .map { String($0) }.filter { $0.hasPrefix("--") && $0.dropFirst(2).allSatisfy { $0.isLowercase || $0 == "-" } && $0.count > 2 }
                .map { String($0.dropFirst(2)) }
            for option in Set(options) where option != "help" {
                XCTAssertTrue(page.contains("Fl -\(option)"), "\(command) --\(option) missing: run scripts/manpage")
            }
        }
    }

    func testFailOnExitCodes() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline", "--fail-on", "vague"], cwd: tmp).status, 1)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline", "--fail-on", "supported,contradicted"], cwd: tmp).status, 0)
        // Exit 1 also when this run did not touch the claim (the article is unchanged now).
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline", "--fail-on", "unattributed"], cwd: tmp).status, 1)
        let bad = try CLI.run(["run", "seeds", "--offline", "--fail-on", "wrong"], cwd: tmp)
        XCTAssertEqual(bad.status, 2)
    }

    func testConfigErrorExitsTwoNamingFileLineAndKey() throws {
        try "articles: seeds\nfetch:\n  per_hots: 3\n".write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("pipeline.yml:3: fetch.per_hots: unknown key"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/ledger.json"))
        XCTAssertEqual(try CLI.run(["run", "--nonsense"], cwd: tmp).status, 2)
        XCTAssertEqual(try CLI.run(["run", "missing-folder", "--offline"], cwd: tmp).status, 2)
    }

    func testConfigFolderRelativePathsAndQuietMode() throws {
        try FileManager.default.createDirectory(atPath: tmp + "/conf", withIntermediateDirectories: true)
        try "articles: ../seeds\nledger: state/ledger.json\n".write(toFile: tmp + "/conf/pipeline.yml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--config", "conf/pipeline.yml", "--offline", "--quiet"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp + "/conf/state/ledger.json"))
        let report = try CLI.run(["report", "--config", "conf/pipeline.yml"], cwd: tmp)
        XCTAssertTrue(report.stdout.contains("APT10"))
    }

    func testNonTerminalRunPrintsTimestampedLogLines() throws {
        let r = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines { XCTAssertNotNil(line.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z "#, options: .regularExpression), String(line)) }
    }

    /// Two inputs with one stem keep their paths below the folder they share; two that would still
    /// write one file are refused, naming both, before anything is written.
    func testExtractOutputDirNeverOverwritesSilently() throws {
        for dir in ["a", "b", "c/d"] { try FileManager.default.createDirectory(atPath: tmp + "/" + dir, withIntermediateDirectories: true) }
        let page = try String(contentsOfFile: Fixtures.path("extract/formats/news-page.html"), encoding: .utf8)
        try page.write(toFile: tmp + "/a/index.html", atomically: true, encoding: .utf8)
        try page.replacingOccurrences(of: "9 percent", with: "7 percent").write(toFile: tmp + "/b/index.html", atomically: true, encoding: .utf8)
        try "The mayor said 40 homes lost power in 2025.".write(toFile: tmp + "/c/d/index.md", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", "a/index.html", "b/index.html", "seeds/china-intelligence-leak.txt", "--output-dir", "out"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        let a = try String(contentsOfFile: tmp + "/out/a/index.json", encoding: .utf8)
        let b = try String(contentsOfFile: tmp + "/out/b/index.json", encoding: .utf8)
        XCTAssertTrue(a.contains("\"path\": \"a/index.html\""))
        XCTAssertTrue(b.contains("\"path\": \"b/index.html\""))
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp + "/out/china-intelligence-leak.json"), "a unique stem keeps DESIGN's STEM.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/out/index.json"))
        XCTAssertEqual(try PathUtil.outputNames(for: ["a/index.html", "c/d/index.md", "x.txt"], ext: "txt", base: tmp), ["a/index.txt", "c/d/index.txt", "x.txt"])

        try page.write(toFile: tmp + "/a/index.md", atomically: true, encoding: .utf8)
        let clash = try CLI.run(["extract", "a/index.html", "a/index.md", "--output-dir", "out2"], cwd: tmp)
        XCTAssertEqual(clash.status, 2)
        XCTAssertTrue(clash.stderr.contains("a/index.html and a/index.md would both write index.json"), clash.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/out2/index.json"), "nothing written")
        let twice = try CLI.run(["extract", "a/index.html", "./a/index.html", "--output-dir", "out3"], cwd: tmp)
        XCTAssertEqual(twice.status, 2, twice.stderr)
        XCTAssertTrue(twice.stderr.contains("a/index.html and ./a/index.html would both write"), twice.stderr)
    }

    func testExtractOutputDirAndUnreadableFile() throws {
        let out = tmp + "/out"
        try FileManager.default.createDirectory(atPath: tmp + "/a/b", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.path("extract/formats/news-page.html"), toPath: tmp + "/a/b/page.html")
        let r = try CLI.run(["extract", "a/b/page.html", "missing.txt", "seeds/china-intelligence-leak.txt", "--output-dir", out], cwd: tmp)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("missing.txt: cannot be read"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/page.json"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/china-intelligence-leak.json"))
        let text = try CLI.run(["extract", "a/b/page.html", "--format", "text", "--output-dir", out], cwd: tmp)
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(try String(contentsOfFile: out + "/page.txt", encoding: .utf8).hasPrefix("Cargo through the port rose 9 percent"))
        // --format text prints the file's own text for .txt, unchanged.
        let own = try CLI.run(["extract", "seeds/china-intelligence-leak.txt", "--format", "text"], cwd: tmp)
        XCTAssertEqual(own.stdout, try String(contentsOfFile: tmp + "/seeds/china-intelligence-leak.txt", encoding: .utf8) + "\n")
        let table = try CLI.run(["extract", "seeds/china-intelligence-leak.txt", "--format", "table"], cwd: tmp)
        XCTAssertTrue(table.stdout.contains("source: Reuters (outlet) [reuters.com], cue: According to"))
    }

    func testScheduleLine() throws {
        try "articles: seeds\n".write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["schedule", "--every", "hourly"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("#"))
        let fields = lines[1].split(separator: " ", maxSplits: 5).map(String.init)
        XCTAssertEqual(fields[0..<5].joined(separator: " "), "17 * * * *")
        let real = URL(fileURLWithPath: tmp).resolvingSymlinksInPath().path
        XCTAssertTrue(fields[5].hasPrefix("cd "), fields[5])
        XCTAssertTrue(fields[5].contains(" run --config ") && fields[5].contains("/pipeline.yml --quiet >> "), fields[5])
        XCTAssertTrue(fields[5].contains(real) || fields[5].contains(tmp), fields[5])
        XCTAssertTrue(fields[5].hasSuffix("/claimtrack.log 2>&1"))
    }
}
