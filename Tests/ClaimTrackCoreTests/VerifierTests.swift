@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

final class VerifierTests: XCTestCase {
    let verifier = Verifier(supported: 0.7, partial: 0.4)

    func number(_ text: String) -> KeyTerms.Number? { KeyTerms(text).numbers.first }

    func testNumbersAreNormalised() {
        XCTAssertTrue(Verifier.sameNumber(number("rose 63 percent")!, number("rose 63%")!))
        XCTAssertTrue(Verifier.sameNumber(number("1,200 jobs")!, number("1200 jobs")!))
        XCTAssertTrue(Verifier.sameNumber(number("$2.1 billion in aid")!, number("2.1bn dollars in aid")!))
        XCTAssertTrue(Verifier.sameNumber(number("a fifth of voters")!, number("20 percent of voters")!))
        XCTAssertTrue(Verifier.sameNumber(number("1.2 million people")!, number("1,213,000 people")!), "rounded figures match")
        XCTAssertFalse(Verifier.sameNumber(number("1,200 jobs")!, number("800 jobs")!))
        XCTAssertFalse(Verifier.sameNumber(number("12 percent")!, number("12 dollars")!))
        XCTAssertTrue(number("in 2016")!.isYear)
        XCTAssertFalse(number("2016 people")!.isYear)
    }

    let page = """
    Port traffic hits record
    The Harbor Authority said cargo volumes rose 9 percent in 2025, reaching 2.4 million containers.
    About 800 jobs were added at the port, the authority said in its annual report published in March 2026.
    Director Ana Silva said: “We are building the port of the future for the whole region.”
    The city council meets on Tuesdays in the old town hall.
    """

    func testSupportedPartialContradictedUnsupported() {
        let supported = verifier.check(claim: "Cargo volumes at the port rose 9 percent in 2025, the Harbor Authority said.", page: page)
        XCTAssertEqual(supported.verdict, .supported)
        XCTAssertTrue(supported.passage.contains("rose 9 percent in 2025"))
        XCTAssertTrue(supported.matched.contains("9 percent") && supported.matched.contains("2025"), "\(supported.matched)")

        let contradicted = verifier.check(claim: "The port added 1,200 jobs in 2025, the authority said in its annual report.", page: page)
        XCTAssertEqual(contradicted.verdict, .contradicted)
        XCTAssertEqual(contradicted.conflicts, ["article: 1,200 jobs — source: 800 jobs"])

        let partial = verifier.check(claim: "The Harbor Authority said cargo rose 9 percent in 2025 and the port will double in size by 2030 with Chinese investment.", page: page)
        XCTAssertEqual(partial.verdict, .partial, "\(partial.score)")
        XCTAssertTrue(partial.missing.contains("2030"))

        let unrelated = verifier.check(claim: "The football club signed three new players from Brazil in the summer of 2024.", page: page)
        XCTAssertEqual(unrelated.verdict, .unsupported)
    }

    func testFiguresAgreeWithinTheirStatedPrecision() {
        XCTAssertFalse(Verifier.sameNumber(number("about 800 jobs")!, number("1,200 jobs")!), "about 800 is not 1,200")
        XCTAssertTrue(Verifier.sameNumber(number("about 1,200 jobs")!, number("1,213 jobs")!))
        XCTAssertTrue(Verifier.sameNumber(number("more than 1,000 jobs")!, number("1,200 jobs")!))
        XCTAssertFalse(Verifier.sameNumber(number("at least 120 homes")!, number("87 homes")!))
        XCTAssertFalse(Verifier.sameNumber(number("at least 26 people")!, number("at least 62 people")!), "two floors compare as figures")
        XCTAssertTrue(Verifier.sameNumber(number("1.2m people")!, number("1,200,000 people")!))
        XCTAssertTrue(Verifier.sameNumber(number("$2.1bn")!, number("$2.1 billion")!))
        XCTAssertTrue(Verifier.sameNumber(number("63% of voters")!, number("63 percent of voters")!))
        XCTAssertFalse(Verifier.sameNumber(number("fell 0.3 percent")!, number("fell 0.3 percentage points")!), "percent is not points")
        XCTAssertTrue(Verifier.sameNumber(number("800 jobs")!, number("800 permanent jobs")!), "the counted noun, not the adjective")
        XCTAssertFalse(Verifier.sameNumber(number("800 jobs")!, number("800 containers")!))
        XCTAssertTrue(number("the 2019 peak")!.isYear)
        XCTAssertTrue(KeyTerms("published in March 2026").numbers.first!.isPublication)
    }

    func testTheFramingIsNotChecked() {
        XCTAssertEqual(ClaimFraming.proposition("City council member Dana Ruiz said the expansion would create 1,200 permanent jobs, as recorded in the minutes of the council meeting."),
                       "the expansion would create 1,200 permanent jobs.")
        XCTAssertEqual(ClaimFraming.proposition("BAYPORT — The port added 1,200 jobs in 2025, the authority said Tuesday.[1]"), "The port added 1,200 jobs in 2025.")
        XCTAssertEqual(ClaimFraming.proposition("WASHINGTON (Reuters) - U.S. measles cases reached 1,274 in 2025, according to the CDC."),
                       "U.S. measles cases reached 1,274 in 2025.")
        XCTAssertEqual(ClaimFraming.proposition("According to the county, turnout was 63 percent."), "turnout was 63 percent.")
        XCTAssertEqual(ClaimFraming.proposition("The port added 1,200 jobs in 2025."), "The port added 1,200 jobs in 2025.", "'added' is no cue here")
        XCTAssertEqual(KeyTerms("The port reportedly added 800 jobs.").hedges, ["reportedly"], "hedges stay hedges")
        XCTAssertEqual(ClaimFraming.proposition("According to reports from The New York Times, The Australian, and Reuters, among others, the breach was traced to a hacking group."),
                       "the breach was traced to a hacking group.", "a source that is a list")
        XCTAssertEqual(ClaimFraming.subclaims("The breach exposed records on people, organizations, and operations."),
                       ["The breach exposed records on people, organizations, and operations."], "', and' ending a list joins no clauses")

        let framed = verifier.check(claim: "BAYPORT — The port added 1,200 jobs in 2025, the authority said on Tuesday.[1]", page: page)
        XCTAssertEqual(framed.verdict, .contradicted)
        XCTAssertFalse(framed.missing.contains { ["1", "bayport", "tuesday"].contains($0) }, "\(framed.missing)")
        let supported = verifier.check(claim: "BAYPORT — About 800 jobs were added at the port in 2025, the Harbor Authority said on Tuesday.[1]", page: page)
        XCTAssertEqual(supported.verdict, .supported, "the page's 'published in March 2026' is not the event's year: \(supported)")
        XCTAssertEqual(supported.conflicts, [])
    }

    func testTheSameFigureMovingTheOtherWayIsAConflict() {
        let fell = verifier.check(claim: "Cargo volumes fell 9 percent in 2025, the authority said.", page: page)
        XCTAssertEqual(fell.verdict, .contradicted)
        XCTAssertEqual(fell.conflicts, ["article: fell 9 percent — source: rose 9 percent"])
        XCTAssertEqual(verifier.check(claim: "Cargo volumes climbed 9% in 2025.", page: page).verdict, .supported)
    }

    func testDoubledAndHalvedAreFigures() {
        let page = "Container traffic at the port rose 40 percent in 2025, the Harbor Authority said in its annual report."
        let doubled = verifier.check(claim: "Container traffic at the port doubled in 2025.", page: page)
        XCTAssertEqual(doubled.verdict, .contradicted, "\(doubled)")
        XCTAssertEqual(doubled.conflicts, ["article: doubled — source: 40 percent"])
        XCTAssertEqual(verifier.check(claim: "Container traffic at the port doubled in 2025.",
                                      page: "Container traffic at the port doubled in 2025, the Harbor Authority said.").verdict, .supported)
        // The same change in other words is no conflict.
        XCTAssertNotEqual(verifier.check(claim: "Container traffic at the port rose 100 percent in 2025.",
                                         page: "Container traffic at the port doubled in 2025, the Harbor Authority said.").verdict, .contradicted)
        XCTAssertEqual(verifier.check(claim: "Container traffic at the port halved in 2025.", page: page).verdict, .contradicted)
    }

    func testCompoundClaimsAreJudgedPartByPart() {
        let r = verifier.check(claim: "The port added 1,200 jobs in 2025, making it the region's largest new employer.", page: page)
        XCTAssertEqual(r.verdict, .contradicted, "one wrong figure makes the claim contradicted")
        XCTAssertEqual(r.subclaims.map(\.verdict), [.contradicted, .unsupported], "\(r.subclaims)")
        XCTAssertEqual(r.subclaims.first?.text, "The port added 1,200 jobs in 2025")
        let partial = verifier.check(claim: "Cargo volumes rose 9 percent in 2025, and the port will double in size by 2030.", page: page)
        XCTAssertEqual(partial.verdict, .partial)
        XCTAssertEqual(partial.subclaims.map(\.verdict).first, .supported)
    }

    func testQuotesMustAppearNearlyVerbatim() {
        let exact = verifier.check(claim: "Ana Silva said “we are building the port of the future for the whole region.”", page: page)
        XCTAssertTrue(exact.matched.contains { $0.hasPrefix("“we are building") }, "\(exact.matched)")
        let changed = verifier.check(claim: "Ana Silva said “we are destroying the harbour of the past for a few investors.”", page: page)
        XCTAssertTrue(changed.missing.contains { $0.hasPrefix("“we are destroying") }, "\(changed.missing)")
        XCTAssertNotEqual(changed.verdict, .supported)
    }

    func testMarkdownLinkSyntaxIsNotPartOfTheClaim() {
        XCTAssertEqual(KeyTerms.readerText("The authority said 800 jobs were added, as [its report](https://x.example/r?id=7) shows."),
                       "The authority said 800 jobs were added, as its report shows.")
        XCTAssertEqual(KeyTerms.readerText("See https://x.example/a for 3 charts."), "See  for 3 charts.")
    }

    func testCheckCommandAndBatch() throws {
        let tmp = Fixtures.temporaryFolder("claimtrack-check")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try page.write(toFile: tmp + "/page.txt", atomically: true, encoding: .utf8)
        let one = try CLI.run(["check", "The port added 1,200 jobs in 2025, the authority said in its annual report.", "page.txt"], cwd: tmp)
        XCTAssertEqual(one.status, 0, one.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["verdict"] as? String, "contradicted")
        for key in ["verdict", "score", "passage", "matched", "missing", "conflicts"] { XCTAssertNotNil(json[key], key) }
        let stdin = try CLI.run(["check", "Cargo volumes rose 9 percent in 2025.", "-", "--format", "table"], cwd: tmp, stdin: page)
        XCTAssertTrue(stdin.stdout.hasPrefix("verdict: supported"), stdin.stdout)
        let pairs = [
            #"{"id": "a", "claim": "Cargo volumes rose 9 percent in 2025.", "text": "Cargo volumes rose 9 percent in 2025, the authority said."}"#,
            #"{"id": "b", "claim": "The port added 1,200 jobs in 2025.", "file": "page.txt"}"#,
            #"{"id": "c", "claim": "Anything at all about 3 ships.", "url": "file:///etc/passwd"}"#,
        ].joined(separator: "\n")
        try pairs.write(toFile: tmp + "/pairs.jsonl", atomically: true, encoding: .utf8)
        let batch = try CLI.run(["check", "--batch", "pairs.jsonl"], cwd: tmp)
        XCTAssertEqual(batch.status, 1, "pair c failed: every line answered, then exit 1 (issue 18)")
        let lines = batch.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.map { $0["id"] as? String }, ["a", "b", "c"])
        XCTAssertEqual(lines[0]["verdict"] as? String, "supported")
        XCTAssertEqual(lines[1]["verdict"] as? String, "contradicted")
        XCTAssertTrue((lines[2]["error"] as? String)?.hasPrefix("fetch refused") == true, "\(lines[2])")
        XCTAssertEqual(try CLI.run(["check", "only a claim"], cwd: tmp).status, 2)
    }
}
