@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Issue 18, point 1: ids of one length everywhere, the same in `extract` and `run`, kept with their
/// history when a file is moved, renamed, reformatted, or edited and reverted; old ledgers migrated.
final class StableIDTests: SeedFolderTestCase {
    let seed = "china-intelligence-leak.txt"

    func claimIDs(_ reportJSON: String) throws -> [String] {
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(reportJSON.utf8)) as? [String: Any])
        let articles = try XCTUnwrap(doc["articles"] as? [[String: Any]])
        return articles.flatMap { ($0["claims"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
    }

    func testExtractRunReportShowAndReadmeShareOneIDOfOneLength() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let fromRun = try claimIDs(try CLI.run(["report", "--format", "json"], cwd: tmp).stdout)
        let extract = try CLI.run(["extract", "seeds/" + seed, "--format", "json"], cwd: tmp)
        XCTAssertEqual(extract.status, 0, extract.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any])
        let fromExtract = try XCTUnwrap(doc["claims"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(fromExtract, fromRun, "extract (path seeds/…) and run (path relative to the folder) agree")
        // The same file given by another path, and the table format, show the same ids.
        let table = try CLI.run(["extract", tmp + "/seeds/" + seed, "--format", "table"], cwd: "/")
        for id in fromRun { XCTAssertTrue(table.stdout.contains(id), id) }

        let ledger = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(ledger.idScheme, ClaimID.scheme)
        for id in Array(ledger.claims.keys) + ledger.articles.values.map(\.id) {
            XCTAssertEqual(id.count, ClaimID.length, id)
        }
        // Every id the README shows is one `run` gives the seed, and `show` takes it whole.
        let readme = try String(contentsOfFile: Fixtures.root + "/README.md", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\bc[0-9a-f]{12,20}\b"#)
        let shown = pattern.matches(in: readme, range: NSRange(readme.startIndex..., in: readme)).map { (readme as NSString).substring(with: $0.range) }
        XCTAssertFalse(shown.isEmpty)
        for id in Set(shown) {
            XCTAssertEqual(id.count, ClaimID.length, "README id \(id)")
            XCTAssertTrue(ledger.claims[id] != nil, "README id \(id) is not the seed's")
            let show = try CLI.run(["show", id], cwd: tmp)
            XCTAssertEqual(show.status, 0, show.stderr)
            XCTAssertTrue(show.stdout.hasPrefix("claim \(id): "), show.stdout)
        }
    }

    func testMovingAndRenamingTheFileKeepsArticleClaimsAndHistory() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let first = try LedgerStore.load(tmp + "/ledger.json")
        try FileManager.default.createDirectory(atPath: tmp + "/seeds/2026/leaks", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: tmp + "/seeds/" + seed, toPath: tmp + "/seeds/2026/leaks/mss.txt")
        let r = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 article (1 moved)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("no claim new, changed or removed since the last run"), r.stdout)
        let second = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(Array(second.articles.keys), ["2026/leaks/mss.txt"])
        XCTAssertEqual(second.articles["2026/leaks/mss.txt"]?.id, first.articles[seed]?.id)
        XCTAssertEqual(Set(second.claims.keys), Set(first.claims.keys))
        for (id, claim) in second.claims {
            XCTAssertEqual(claim.article, "2026/leaks/mss.txt")
            XCTAssertEqual(claim.history, first.claims[id]?.history, "history kept for \(id)")
        }
        XCTAssertTrue(second.retired.isEmpty)
        let changed = try CLI.run(["report", "--changed"], cwd: tmp)
        XCTAssertTrue(changed.stdout.contains("2026/leaks/mss.txt — China’s Intelligence Leak Scandal"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("  moved from \(seed)\n"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("run 2: no claim new, changed or removed; 1 article moved\n"), changed.stdout)
    }

    func testAFileMovedAndEditedAtOnceIsFoundByTheClaimsItShares() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let first = try LedgerStore.load(tmp + "/ledger.json")
        let text = try String(contentsOfFile: tmp + "/seeds/" + seed, encoding: .utf8)
        try FileManager.default.removeItem(atPath: tmp + "/seeds/" + seed)
        try text.replacingOccurrences(of: "APT10", with: "APT41").write(toFile: tmp + "/seeds/leak.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertTrue(r.stdout.contains("1 article (1 moved)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1 new, 0 changed, 1 removed since the last run"), r.stdout)
        let second = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(second.articles["leak.txt"]?.id, first.articles[seed]?.id)
        XCTAssertEqual(Set(second.claims.keys).intersection(first.claims.keys).count, 19)
        for (id, c) in second.claims where first.claims[id] != nil { XCTAssertEqual(c.history, first.claims[id]?.history) }
    }

    func testMarkupAndLineWrappingDoNotChangeTheIDButEditsDo() throws {
        let folder = tmp + "/news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "The port handled 2.4 million containers in 2025, the Harbor Authority said.\n\nThe mayor said 40 homes lost power.\n"
            .write(toFile: folder + "/port.md", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "news", "--offline"], cwd: tmp).status, 0)
        let first = try LedgerStore.load(tmp + "/ledger.json")
        let id = try XCTUnwrap(first.claims.values.first { $0.text.hasPrefix("The port") }?.id)
        // Emphasis, a line break inside the sentence, a link around words it already had; and moved and renamed too.
        try FileManager.default.removeItem(atPath: folder + "/port.md")
        try FileManager.default.createDirectory(atPath: folder + "/archive", withIntermediateDirectories: true)
        try "The port handled *2.4 million* containers\nin 2025, [the Harbor Authority said](https://example.org/report).\n\nThe mayor said  40 homes lost power.\n"
            .write(toFile: folder + "/archive/harbour.md", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "news", "--offline"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("(1 moved)"), r.stdout)
        let second = try LedgerStore.load(tmp + "/ledger.json")
        let claim = try XCTUnwrap(second.claims[id], "same id after reformatting, moving and renaming")
        XCTAssertEqual(claim.article, "archive/harbour.md")
        XCTAssertEqual(claim.status, .pending, "the link is a source now")
        XCTAssertEqual(claim.history.map(\.status), [.unverifiable, .pending])
        XCTAssertEqual(Set(second.claims.keys), Set(first.claims.keys))
        // extract sees the same id in the reformatted file.
        XCTAssertTrue(try CLI.run(["extract", "news/archive/harbour.md", "--format", "table"], cwd: tmp).stdout.contains(id))
        // A changed figure is another claim.
        try "The port handled 2.5 million containers in 2025, the Harbor Authority said.\n\nThe mayor said 40 homes lost power.\n"
            .write(toFile: folder + "/archive/harbour.md", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "news", "--offline"], cwd: tmp).status, 0)
        XCTAssertNil(try LedgerStore.load(tmp + "/ledger.json").claims[id])
    }

    func testEditingASentenceAndRevertingItRestoresItsHistory() throws {
        let path = tmp + "/seeds/" + seed
        let original = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        let first = try LedgerStore.load(tmp + "/ledger.json")
        let apt10 = try XCTUnwrap(first.claims.values.first { $0.text.contains("APT10") })
        try original.replacingOccurrences(of: "APT10", with: "APT41").write(toFile: path, atomically: true, encoding: .utf8)
        let edited = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertTrue(edited.stdout.contains("1 new, 0 changed, 1 removed since the last run"), edited.stdout)
        XCTAssertNil(try LedgerStore.load(tmp + "/ledger.json").claims[apt10.id])
        let gone = try CLI.run(["show", apt10.id], cwd: tmp)
        XCTAssertEqual(gone.status, 0, gone.stderr)
        XCTAssertTrue(gone.stdout.hasPrefix("claim \(apt10.id): unverifiable (removed from the article)"), gone.stdout)

        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let reverted = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertTrue(reverted.stdout.contains("1 new, 0 changed, 1 removed since the last run"), reverted.stdout)
        let back = try XCTUnwrap(try LedgerStore.load(tmp + "/ledger.json").claims[apt10.id], "the same id again")
        XCTAssertEqual(back.history.map(\.run), [1, 2, 3])
        XCTAssertEqual(back.history.map(\.event), [nil, .removed, .restored])
        XCTAssertEqual(back.status, apt10.status)
        let show = try CLI.run(["show", apt10.id], cwd: tmp)
        XCTAssertTrue(show.stdout.contains("run 1 ") && show.stdout.contains(": new → unverifiable"), show.stdout)
        XCTAssertTrue(show.stdout.contains(": removed (was unverifiable)"), show.stdout)
        XCTAssertTrue(show.stdout.contains(": restored → unverifiable"), show.stdout)
    }

    func testTheSameSentenceInTwoArticlesGetsTwoIDsWhateverTheOrder() throws {
        let sentence = "The port handled 2.4 million containers in 2025, the Harbor Authority said.\n"
        var ids: [Set<String>] = []
        for order in [["a.txt", "b.txt", "c.txt"], ["c.txt", "b.txt", "a.txt"]] {
            let folder = tmp + "/wire-\(ids.count)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // The same three files in both folders, written in another order.
            for name in order {
                try (sentence + "\nStory \(name) was filed by the wire desk in May.\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(try CLI.run(["run", folder, "--offline", "--ledger", folder + ".json"], cwd: tmp).status, 0)
            let ledger = try LedgerStore.load(folder + ".json")
            XCTAssertEqual(ledger.claims.count, 6)
            ids.append(Set(ledger.claims.values.filter { $0.text.hasPrefix("The port") }.map(\.id)))
            XCTAssertEqual(ids.last?.count, 3, "one record per article")
        }
        // The ids depend on the articles, not on which file a worker finished first.
        XCTAssertEqual(ids[0], ids[1])
    }

    /// A claim judged while the walk goes on can be given its qualified id before its outcome is written:
    /// an article recorded later, with the same sentence and a smaller article id, takes the plain id. The
    /// outcome still reaches the claim (`Recorder.apply(_:toArticle:)`), and not the newcomer's.
    func testAnOutcomeReachesAClaimWhoseIDWasQualifiedSinceItWasJudged() throws {
        let sentence = "The port handled 2.4 million containers in 2025, [the Harbor Authority said](https://port.example/report).\n"
        let texts = ["a.md": sentence + "\nStory one was filed by the wire desk.\n", "b.md": sentence + "\nStory two was filed by the wire desk.\n"]
        var renamed = 0
        for order in [["a.md", "b.md"], ["b.md", "a.md"]] {
            let store = try LedgerBackends.open(tmp + "/ledger-\(order[0]).json", mode: .write)
            defer { store.close() }
            var recorder = Recorder(store: store, runID: try store.beginRun(started: Timestamp.now()), time: Timestamp.now())
            func extraction(_ name: String) throws -> Extraction {
                try texts[name]!.write(toFile: tmp + "/" + name, atomically: true, encoding: .utf8)
                return Extractor().extract(try ArticleReader.read(tmp + "/" + name, displayPath: name).get())
            }
            let first = try recorder.record(extraction(order[0]))
            let judged = try XCTUnwrap(first.claims.first { $0.text.hasPrefix("The port") })
            let outcome = ClaimOutcome(id: judged.id, evidence: [], status: .supported, reason: "the cited page supports it")
            try recorder.record(extraction(order[1]))
            try recorder.apply([outcome], toArticle: order[0])
            let holder = try XCTUnwrap(try store.bundle(order[0])?.claims.first { $0.text.hasPrefix("The port") })
            let newcomer = try XCTUnwrap(try store.bundle(order[1])?.claims.first { $0.text.hasPrefix("The port") })
            if holder.id != judged.id { renamed += 1 }
            XCTAssertEqual(holder.status, .supported, "order \(order): the judged claim keeps its outcome")
            XCTAssertEqual(newcomer.status, .pending, "order \(order): the other article's claim is not judged by it")
        }
        XCTAssertEqual(renamed, 1, "in one of the two orders the first article's claim is qualified after it was judged")
    }

    /// A ledger written with path-based ids (before `id_scheme`) is migrated on read, keeps every history,
    /// and is kept as it was beside the new one.
    func testOldLedgerIsMigratedOnReadKeepingHistoryAndABackup() throws {
        XCTAssertEqual(try CLI.run(["run", "seeds", "--offline"], cwd: tmp).status, 0)
        var current = try LedgerStore.load(tmp + "/ledger.json")
        // Rewrite it as the old tool wrote it: claim id = c + SHA-256(path, sentence with whitespace collapsed, n).
        var old = current
        old.idScheme = nil
        old.claims = [:]
        var oldIDs: [String: String] = [:]
        for (path, a) in current.articles {
            var occurrences: [String: Int] = [:]
            var list: [String] = []
            for id in a.claims {
                var c = current.claims[id]!
                let collapsed = c.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                let n = occurrences[collapsed, default: 0]
                occurrences[collapsed] = n + 1
                let oldID = "c" + String(SHA256.hex(path + "\u{1}" + collapsed + "\u{1}\(n)").prefix(14))
                c.id = oldID
                c.history.append(StatusChange(run: 1, time: "2026-01-01T00:00:00Z", status: c.status, from: .pending))
                old.claims[oldID] = c
                oldIDs[oldID] = id
                list.append(oldID)
            }
            old.articles[path]?.claims = list
            old.articles[path]?.id = "a" + String(SHA256.hex(path).prefix(11))
        }
        let oldText = String(decoding: LedgerStore.encode(old), as: UTF8.self)
        XCTAssertFalse(oldText.contains("id_scheme"))
        try oldText.write(toFile: tmp + "/ledger.json", atomically: true, encoding: .utf8)

        // Read-only commands see the new ids and the old history, and leave the file alone.
        let report = try claimIDs(try CLI.run(["report", "--format", "json"], cwd: tmp).stdout)
        XCTAssertEqual(Set(report), Set(current.claims.keys))
        let some = try XCTUnwrap(oldIDs.first)
        let show = try CLI.run(["show", some.value], cwd: tmp)
        XCTAssertTrue(show.stdout.contains("run 1 2026-01-01T00:00:00Z: pending →"), "\(show.status) \(some) " + show.stdout + show.stderr)
        XCTAssertEqual(try String(contentsOfFile: tmp + "/ledger.json", encoding: .utf8), oldText)

        // The next run writes the new ids, keeps the old file beside it, and finds nothing new.
        let run = try CLI.run(["run", "seeds", "--offline"], cwd: tmp)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1 article (1 unchanged)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("no claim new, changed or removed since the last run"), run.stdout)
        XCTAssertEqual(try String(contentsOfFile: tmp + "/ledger.json.before-claim-1-ids", encoding: .utf8), oldText)
        current = try LedgerStore.load(tmp + "/ledger.json")
        XCTAssertEqual(current.idScheme, ClaimID.scheme)
        XCTAssertEqual(Set(current.claims.keys), Set(oldIDs.values))
        XCTAssertEqual(current.claims[some.value]?.history.count, 2, "history kept")
        XCTAssertTrue(try String(contentsOfFile: tmp + "/ledger.json", encoding: .utf8).contains("\"id_scheme\":\"claim/2\""))
    }
}
