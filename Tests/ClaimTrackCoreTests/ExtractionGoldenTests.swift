import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Every article under fixtures/extract/ (one per input format and per attribution pattern)
/// against its golden `claimtrack.extract/1` JSON in fixtures/extract/expected/.
final class ExtractionGoldenTests: XCTestCase {
    static let articleExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    func extraction(_ file: String) throws -> Extraction {
        let relative = PathUtil.relative(file, to: Fixtures.path("extract"))
        let article = try ArticleReader.read(file, displayPath: relative).get()
        return Extractor().extract(article)
    }

    func testGoldenExtractions() throws {
        let files = Fixtures.files(in: "extract", extensions: Self.articleExtensions)
        XCTAssertGreaterThanOrEqual(files.count, 15)
        for file in files {
            let relative = PathUtil.relative(file, to: Fixtures.path("extract"))
            let json = ExtractFormatter.json(try extraction(file)).serialized() + "\n"
            let golden = "extract/expected/" + relative.replacingOccurrences(of: "." + URL(fileURLWithPath: relative).pathExtension, with: ".json")
            if let problem = Golden.check(json, against: golden) { XCTFail(problem) }
        }
    }

    /// Offsets count code points into the `--format text` output: every span of every fixture is checked.
    func testEverySpanIndexesTheText() throws {
        var files = Fixtures.files(in: "extract", extensions: Self.articleExtensions)
        files.append(Fixtures.root + "/seeds/china-intelligence-leak.txt")
        var spans = 0
        for file in files {
            let e = try extraction(file)
            let scalars = Array(ExtractFormatter.text(e).unicodeScalars)
            func slice(_ a: Int, _ b: Int) -> String {
                guard a >= 0, b <= scalars.count, a <= b else { return "<out of range \(a)..<\(b)>" }
                return String(String.UnicodeScalarView(scalars[a..<b]))
            }
            for c in e.claims { XCTAssertEqual(slice(c.start, c.end), c.text, file); spans += 1 }
            for a in e.attributions {
                XCTAssertEqual(slice(a.sourceStart, a.sourceEnd), a.source, file)
                XCTAssertEqual(slice(a.cueStart, a.cueEnd), a.cue, file)
                spans += 2
            }
            for l in e.article.links { XCTAssertEqual(slice(l.start, l.end), l.anchor, file); spans += 1 }
        }
        XCTAssertGreaterThan(spans, 100)
    }

    /// The expectations of each pattern, stated here so a re-recorded golden cannot hide a regression.
    func testPatternExpectations() throws {
        // Reports only: stances ("unveiled a plan") are recorded beside them and not checked.
        func sources(_ name: String) throws -> [String] {
            try extraction(Fixtures.path("extract/patterns/\(name)")).attributions.filter { !$0.stance }.map { "\($0.source)|\($0.kind.rawValue)|\($0.cue)" + ($0.resolved.map { "=\($0)" } ?? "") }
        }
        XCTAssertEqual(try sources("according-to.txt"), ["the Harbor Authority|organization|according to", "Reuters|outlet|According to"])
        XCTAssertEqual(try sources("reports-from.txt"), ["The New York Times|outlet|According to", "The Australian|outlet|According to", "Reuters|outlet|According to"])
        XCTAssertEqual(try sources("inverted.txt"), ["Finance Minister Omar Haddad|person|said", "a spokesman for the pension board|person|said"])
        XCTAssertEqual(try sources("citing.txt"), ["Bloomberg|outlet|said", "people familiar with the matter|vague|citing", "The Guardian|outlet|as reported by"])
        XCTAssertEqual(try sources("told.txt"), ["Senator Maria Lopez|person|told", "The minister|person|told"])
        // A description is a mention too: "the senator" is the senator, not the lieutenant governor met
        // in the same sentence; "it" after "The ministry published" is the ministry, unnamed, not the
        // Budget Office before it; "the company" fits "Acme Corp". A surname names whom it ends.
        XCTAssertEqual(try sources("pronouns.txt"), [
            "He|person|said=Governor Alan Brooks", "It|organization|said=Energy Agency", "who|person|said=Mark Ellis",
            "The senator|person|said=Senator Jane Holt", "Ortiz|person|said=Lt. Gov. Ray Ortiz", "it|organization|said",
            "The company|organization|said=Acme Corp",
        ])
        XCTAssertEqual(try sources("vague.txt"), [
            "multiple sources|vague|According to", "Sources familiar with the talks|vague|said", "Some experts|vague|speculate",
            "Others|vague|suggest", "Analysts|vague|believe", "Officials|vague|said", "It|anonymous|is believed",
        ])
        let study = try sources("study-statement.txt")
        XCTAssertEqual(study.first, "A study published in The Lancet|document|found")
        XCTAssertTrue(study.contains("the Ministry of Health|organization|said"), "\(study)")
        XCTAssertTrue(study.contains("The airline|organization|said in a statement"), "\(study)")
        let verbs = try extraction(Fixtures.path("extract/patterns/reporting-verbs.txt"))
        XCTAssertEqual(verbs.attributions.map(\.cue), ["said", "says", "reported", "stated", "announced", "wrote", "confirmed", "claimed", "estimated", "added"])
        XCTAssertEqual(verbs.claims.count, 10)

        // Appositives belong to the source (as news annotation has it); the name inside is `resolved`.
        XCTAssertEqual(try sources("appositive.txt"), [
            "Ana Silva, the port's director|person|said=Ana Silva", "The port's director, Ana Silva|person|told=Ana Silva",
            "Tom Becker, an analyst at the Harbor Bank|person|said=Tom Becker", "Jimmy Ghazal, 39, a visitor from Nice|person|told=Jimmy Ghazal",
        ])
        // Where a source begins and ends: nouns that look like adverbs or participles ("tally", "polling"),
        // month and day words in names, a name opening a longer noun phrase, a relative clause with its
        // own cue, which is its own attribution, two apostrophes closing a quotation (''so,''), a phrase
        // that opens its clause across "of", and a pronoun as the first of two speakers.
        XCTAssertEqual(try sources("boundaries.txt"), [
            "a Harbor Gazette tally|outlet|according to", "exit polling data|document|according to",
            "Prime Minister Theresa May|person|said", "A reporter for USA Today|person|reported",
            "Band member Tom Reyes|person|writing", "Mayor Ana Silva|person|said", "who|person|believes=Mayor Ana Silva",
            "Harbor officials|vague|confirmed",
            "Tom Reyes, the former harbor master and a council candidate|person|told=Tom Reyes",
            "Several members of the harbor council|vague|said", "She and her deputy|anonymous|told",
        ])

        // Stances are recorded and marked; only the report ("saying") is checked.
        let stance = try extraction(Fixtures.path("extract/patterns/stance.txt"))
        // ("The union wants a 5 percent raise": the tagger confirms the rules' stance, as PolNeAR annotates
        // what an organisation wants. Confirmed or not, it is marked a stance and never checked.)
        XCTAssertEqual(stance.attributions.map(\.cue), ["criticized", "wants", "endorsed", "saying"])
        XCTAssertEqual(stance.attributions.map(\.stance), [true, true, true, false])
        XCTAssertEqual(stance.claims.count, 3)
        XCTAssertEqual(LinkResolver.resolve(stance.claims[2], in: stance).map(\.cue), ["saying"])

        // "The report also said …" continues the report; "This total reportedly …" carries it on.
        let carry = try extraction(Fixtures.path("extract/patterns/carry-over.txt"))
        XCTAssertEqual(carry.claims.count, 4)
        XCTAssertEqual(carry.attributions[1].resolved, "Harbor Authority")
        XCTAssertEqual(carry.claims[3].attributions, carry.claims[2].attributions, "the last sentence carries the attribution of the one before")

        // A quotation's speaker is named once: the sentences of the quotation before the one that names
        // the speaker, and a quotation that follows (in the paragraph or opening the next), are theirs
        // too; a sentence of the writer's own ends the turn. A quotation run over two paragraphs, the
        // first left open, is the speaker's whom the second names.
        let quotations = try extraction(Fixtures.path("extract/patterns/quotations.txt"))
        XCTAssertEqual(quotations.claims.map { $0.attributions.map { quotations.attributions[$0].source }.joined(separator: "+") }, [
            "Senator Jane Holt", "Senator Jane Holt",
            "Tom Reyes, the harbor master", "Tom Reyes, the harbor master", "Tom Reyes, the harbor master",
            "", "", "the mayor's office",
            "Ana Silva, the port's director", "Ana Silva, the port's director", "Ana Silva, the port's director",
        ])
    }
}
