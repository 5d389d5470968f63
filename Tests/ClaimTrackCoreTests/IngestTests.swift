@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

final class IngestTests: XCTestCase {
    func html(_ body: String, head: String = "") -> HTMLContent {
        HTMLReader.read("<html><head>\(head)</head><body>\(body)</body></html>")!
    }

    func testBoilerplateIsRemovedAndLinksKeepTheirAnchorPositions() throws {
        let page = try ArticleReader.read(Fixtures.path("extract/formats/news-page.html"), displayPath: "p.html").get()
        for gone in ["Home", "cookies", "Sign up", "newsletter", "Port strike ends", "Most read", "All rights reserved", "By Lee Chen", "tracking", "A record year"] {
            XCTAssertFalse(page.text.contains(gone), "\(gone) should be removed")
        }
        XCTAssertEqual(page.metadata, Metadata(title: "Port traffic hits record", author: "Lee Chen", published: "2026-02-03T08:00:00Z",
                                               url: "https://gazette.example/port-record"))
        XCTAssertEqual(page.links.map(\.url), ["https://harbor.example/annual-report-2025", "https://www.reuters.com/markets/port-outlook"])
        XCTAssertEqual(page.links.map(\.anchor), ["the Harbor Authority's annual report", "reported"])
        let scalars = Array(page.text.unicodeScalars)
        for link in page.links { XCTAssertEqual(String(String.UnicodeScalarView(scalars[link.start..<link.end])), link.anchor) }
    }

    func testMainContainerIsChosenWithoutArticleMarkup() {
        let body = """
        <div class="menu"><a href="/1">One</a> <a href="/2">Two</a></div>
        <div id="wrap"><div class="txt"><p>The council approved a budget of 12 million euros on Monday, officials said.</p>
        <p>Spending on roads rises by a fifth, the finance committee said in its report.</p></div>
        <div class="other"><p>Short teaser.</p></div></div>
        """
        let page = html(body)
        XCTAssertTrue(page.text.hasPrefix("The council approved"), page.text)
        XCTAssertFalse(page.text.contains("One"))
    }

    func testNamesNeverRemoveAWrapperThatHoldsTheStory() {
        let story = "<p>The port handled 2.4 million containers in 2025, the authority said on Monday.</p><p>Cargo rose 9 percent, officials said.</p>"
        let ad = html("<div class=\"Page-ad-margins\"><main><article>\(story)</article></main></div><div class=\"ad\">Buy now</div>")
        XCTAssertTrue(ad.text.hasPrefix("The port handled"), ad.text)
        XCTAssertFalse(ad.text.contains("Buy now"))
        let form = html("<form id=\"aspnetForm\"><div class=\"content\">\(story)</div><form class=\"search\"><input></form></form>")
        XCTAssertTrue(form.text.contains("Cargo rose 9 percent"), form.text)
    }

    func testRelativeLinksResolveAgainstTheCanonicalURL() {
        let page = html("<article><p>The <a href=\"/reports/2025.pdf\">report</a> and <a href=\"#top\">top</a> and <a href=\"javascript:alert(1)\">js</a>.</p></article>",
                        head: "<link rel=\"canonical\" href=\"https://news.example/a/b\">")
        XCTAssertEqual(page.links.map(\.url), ["https://news.example/reports/2025.pdf"])
    }

    func testEncodingsAreDecidedBeforeParsing() throws {
        let latin = try ArticleReader.read(Fixtures.path("extract/formats/windows-1252.html"), displayPath: "w.html").get()
        XCTAssertTrue(latin.text.contains("José Martínez, the association’s president"), latin.text)
        // A gb2312 label holding a GBK-only character (镕) decodes fully as GB18030.
        var gbk = Array("<html><head><meta charset=\"gb2312\"></head><body><p>".utf8)
        gbk += [0xE9, 0x46, 0xD6, 0xD0, 0xB9, 0xFA]  // 镕 (GBK only), 中国
        gbk += Array("</p></body></html>".utf8)
        let decoded = try XCTUnwrap(TextDecoding.decode(gbk, html: true))
        XCTAssertEqual(decoded.encoding, "GB18030")
        XCTAssertTrue(decoded.text.contains("镕中国"), decoded.text)
        // UTF-16 with a BOM, and the BOM of UTF-8 is not part of the text.
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("Hi".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(TextDecoding.decode(utf16, html: false)?.text, "Hi")
        XCTAssertEqual(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41], html: false)?.text, "A")
        // Invalid UTF-8 without a label falls back to windows-1252.
        XCTAssertEqual(TextDecoding.decode([0x63, 0x61, 0x66, 0xE9], html: false)?.text, "café")
    }

    func testDeeplyNestedHTMLDoesNotCrash() {
        let depth = 20_000
        let page = HTMLReader.read(String(repeating: "<div>", count: depth) + "<p>The port moved 9 million tonnes in 2025, officials said.</p>" + String(repeating: "</div>", count: depth))
        XCTAssertNotNil(page)
    }

    func testMarkdownFrontMatterLinksAndExclusions() throws {
        let a = try ArticleReader.read(Fixtures.path("extract/formats/markdown-article.md"), displayPath: "m.md").get()
        XCTAssertEqual(a.metadata.title, "Bridge Repairs Run Over Budget")
        XCTAssertEqual(a.metadata.author, "Sam Rivera")
        XCTAssertEqual(a.metadata.published, "2026-03-14")
        XCTAssertEqual(a.links.map(\.url), ["https://city.example/audit-2025", "https://gazette.example/bridge", "https://transport.example/news/elm",
                                            "https://city.example/contracts/elm", "https://engineers.example/traffic-study"])
        let claims = Extractor().extract(a).claims.map(\.text)
        XCTAssertFalse(claims.contains { $0.contains("99 percent") }, "code blocks are not prose")
        XCTAssertFalse(claims.contains { $0.contains("title:") })
    }

    /// Claims and `--format text` read a Markdown article as a reader does: links as their text, `<url>` as
    /// the URL, front matter out; every link still sits on its words in that text.
    func testMarkdownReadsAsAReaderReadsIt() throws {
        let a = try ArticleReader.read(Fixtures.path("extract/formats/markdown-article.md"), displayPath: "m.md").get()
        XCTAssertTrue(a.text.hasPrefix("# Bridge Repairs Run Over Budget\n"), a.text)
        for syntax in ["---", "title:", "](", "<https"] { XCTAssertFalse(a.text.contains(syntax), syntax) }
        XCTAssertTrue(a.text.contains("according to the city auditor's report.\n"))
        XCTAssertTrue(a.text.contains("the contract at https://city.example/contracts/elm. "))
        let scalars = Array(a.text.unicodeScalars)
        for link in a.links { XCTAssertEqual(String(String.UnicodeScalarView(scalars[link.start..<link.end])), link.anchor, link.url) }
        let claims = Extractor().extract(a).claims
        let bridge = try XCTUnwrap(claims.first { $0.text.hasPrefix("The city spent") })
        XCTAssertEqual(bridge.text, "The city spent $48 million on the Elm Street bridge in 2025, according to the city auditor's report.")
        XCTAssertTrue(claims.contains { $0.text == "Mayor Jane Ortiz said the work would finish in May 2027, as reported by the Harbor Gazette." })

        let text = try CLI.run(["extract", Fixtures.path("extract/formats/markdown-article.md"), "--format", "text"])
        XCTAssertEqual(text.stdout, a.text + "\n")
        // Reference links too: the definition line is not text.
        let md = "Intro.\n\nThe port hired [300 dockers][hire] in 2024, the authority said.\n\n[hire]: https://port.example/hire\n"
        let ref = try ArticleReader.parse(Array(md.utf8), path: "r.md", format: .markdown).get()
        XCTAssertEqual(ref.text, "Intro.\n\nThe port hired 300 dockers in 2024, the authority said.\n\n")
        XCTAssertEqual(ref.links.map(\.url), ["https://port.example/hire"])
        XCTAssertEqual(ref.links.first.map { String(String.UnicodeScalarView(Array(ref.text.unicodeScalars)[$0.start..<$0.end])) }, "300 dockers")
    }

    func testFolderWalkSkipsWhatItMustAndReportsEachFileByName() throws {
        let root = Fixtures.temporaryFolder("claimtrack-walk")
        let outside = Fixtures.temporaryFolder("claimtrack-outside")
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: outside) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/news/sub dir", withIntermediateDirectories: true)
        try "The port handled 2.4 million containers in 2025, the authority said.".write(toFile: root + "/news/sub dir/good ‘one’.txt", atomically: true, encoding: .utf8)
        try "Outside text with 5 numbers, officials said.".write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/news/escape.txt", withDestinationPath: outside + "/secret.txt")
        try fm.createSymbolicLink(atPath: root + "/news/passwd.txt", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: root + "/news/sub dir/loop", withDestinationPath: root + "/news")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]).write(to: URL(fileURLWithPath: root + "/news/archive.txt"))
        try Data().write(to: URL(fileURLWithPath: root + "/news/empty.md"))
        fm.createFile(atPath: root + "/news/huge.txt", contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: root + "/news/huge.txt"))
        try handle.truncate(atOffset: 21_000_000)
        try handle.close()
        try "ignored".write(toFile: root + "/news/notes.pdf", atomically: true, encoding: .utf8)
        // A named pipe with an article's name: opening it for reading would wait for a writer forever.
        XCTAssertEqual(mkfifo(root + "/news/pipe.txt", 0o644), 0)

        let run = try CLI.run(["run", "news", "--offline"], cwd: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("5 articles (4 failed)"), run.stdout)
        for expected in ["escape.txt: symbolic link leads outside the folder", "passwd.txt: symbolic link leads outside the folder",
                         "sub dir/loop: symbolic link loops back", "archive.txt: looks binary", "empty.md: empty file",
                         "huge.txt: 21000000 bytes is over the 20 MB limit", "pipe.txt: ", "not a regular file"] {
            XCTAssertTrue(run.stderr.contains(expected), "missing «\(expected)» in \(run.stderr)")
        }
        let ledger = try LedgerStore.load(root + "/ledger.json")
        XCTAssertEqual(Array(ledger.articles.keys), ["sub dir/good ‘one’.txt"])
        XCTAssertEqual(ledger.runs.last?.errors.count, 7)
    }
}
