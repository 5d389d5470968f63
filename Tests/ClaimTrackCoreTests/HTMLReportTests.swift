import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// The HTML report of the fixtures newsroom (every status, a conflict, dead links), checked in headless
/// Chromium: problems first, article order, clickable pills and bars, several statuses at once, the
/// address following every filter, search over sources, cues and URLs, "No claims match", and a
/// layout that uses 1400 px and does not scroll sideways at 400 px.
final class HTMLReportTests: XCTestCase {
    nonisolated(unsafe) static var tmp = ""
    nonisolated(unsafe) static var port = 0
    nonisolated(unsafe) static var report: [String: Any] = [:]
    var file: String { Self.tmp + "/report.html" }
    var html: String { (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }

    override class func setUp() {
        super.setUp()
        tmp = Fixtures.temporaryFolder("claimtrack-html")
        do {
            let server = try TestServer()
            defer { server.stop() }
            port = server.port
            try Newsroom.prepare(in: tmp, server: server)
            _ = try CLI.run(["run", "--quiet"], cwd: tmp, timeout: 120)
            _ = try CLI.run(["report", "--format", "html", "--output", tmp + "/report.html"], cwd: tmp)
            let json = try CLI.run(["report", "--format", "json"], cwd: tmp)
            report = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]) ?? [:]
        } catch {
            XCTFail("newsroom setup: \(error)")
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: tmp)
        super.tearDown()
    }

    /// The statuses of the claims a person sees (not hidden, no hidden ancestor), top to bottom.
    static let visible = """
    function visible(){return Array.prototype.slice.call(document.querySelectorAll('article.claim')).filter(function(e){return e.offsetParent!==null;})
    .map(function(e){return e.getAttribute('data-status');});}
    """

    func probe(_ fragment: String = "", width: Int = 1400, _ js: String) throws -> [String: Any] {
        let r = try Chromium.probe(file, fragment: fragment, width: width, Self.visible + js)
        return try XCTUnwrap(r as? [String: Any], "\(r)")
    }

    /// The statuses in reading order, article by article, as `report --format json` lists them.
    var readingOrder: [String] {
        ((Self.report["articles"] as? [[String: Any]]) ?? []).flatMap { ($0["claims"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } }
    }

    func testProblemsFirstWithAToggleForArticleOrder() throws {
        let all = readingOrder
        XCTAssertEqual(all.count, 17)
        let rank = HTMLReportFormatter.problemOrder.map(\.rawValue)
        let r = try probe("", """
        var first=visible();var from=document.querySelector('article.claim .from').offsetParent!==null;
        document.querySelector('button[data-order=article]').click();
        return {first:first,from:from,article:visible(),hash:location.hash,sections:document.querySelectorAll('section.article:not([hidden])').length,
        fromInArticleOrder:document.querySelector('article.claim .from').offsetParent!==null};
        """)
        let first = try XCTUnwrap(r["first"] as? [String])
        XCTAssertEqual(first, all.sorted { rank.firstIndex(of: $0)! < rank.firstIndex(of: $1)! }, "problems first, by problemOrder")
        XCTAssertEqual(first.prefix(3), ["contradicted", "unreachable", "unreachable"])
        XCTAssertEqual(first.last, "supported")
        XCTAssertEqual(r["from"] as? Bool, true, "problems first names each claim's article")
        XCTAssertEqual(r["article"] as? [String], all, "the toggle gives back each article's reading order")
        XCTAssertEqual(r["hash"] as? String, "#order=article")
        XCTAssertEqual(r["sections"] as? Int, 3)
        XCTAssertEqual(r["fromInArticleOrder"] as? Bool, false, "under its article's heading a claim does not repeat it")
        // And a shared link opens in article order.
        XCTAssertEqual(try probe("order=article", "return {v:visible()};")["v"] as? [String], all)
        // Without a script (a printer, a mail client), the page as written is problems first too.
        let written = html.components(separatedBy: "<article class=\"claim\"").dropFirst().map { $0.prefix(120) }
        XCTAssertTrue(written.first?.contains("data-status=\"contradicted\"") == true)
    }

    func testPillsBarsAndArticleCountsFilterAndTheAddressFollows() throws {
        // Per-article counts, as pills that filter that article.
        let harbor = try XCTUnwrap(html.range(of: "<li class=\"article-row\" data-article=\"harbor.html\">").map { String(html[$0.lowerBound...].prefix(2000)) })
        let row = String(harbor.prefix { $0 != "\n" })
        for count in ["contradicted <b>1</b>", "unsupported <b>1</b>", "partial <b>1</b>", "supported <b>3</b>"] { XCTAssertTrue(row.contains(count), row) }
        XCTAssertTrue(row.contains("6 claims"))

        let r = try probe("", """
        var out={};
        document.querySelector('.summary .counts button[data-status=partial]').click();
        out.one=visible();out.h1=location.hash;
        document.querySelector('.chart button[data-status=unreachable]').click();
        out.two=visible();out.h2=location.hash;out.pressed=document.querySelectorAll('.summary button[aria-pressed=true]').length;
        var t=document.getElementById('f-text');t.value='authority';t.dispatchEvent(new Event('input'));
        out.h3=location.hash;out.three=visible();
        document.querySelector('.chart button[data-status=partial]').click();out.h4=location.hash;
        document.getElementById('f-clear').click();out.h5=location.hash;out.cleared=visible().length;
        document.querySelector('li.article-row[data-article="harbor.html"] button[data-status=supported]').click();
        out.h6=location.hash;out.six=visible();
        var sel=document.getElementById('f-article');sel.value='jobs.md';sel.dispatchEvent(new Event('change'));out.h7=location.hash;
        document.querySelector('button[data-order=article]').click();out.h8=location.hash;
        return out;
        """)
        XCTAssertEqual(r["one"] as? [String], ["partial"])
        XCTAssertEqual(r["h1"] as? String, "#status=partial")
        XCTAssertEqual(r["two"] as? [String], ["unreachable", "unreachable", "partial"], "several statuses at once, problems first")
        XCTAssertEqual(r["h2"] as? String, "#status=partial,unreachable")
        XCTAssertEqual(r["pressed"] as? Int, 4, "the two pills and the two bars show they are on")
        XCTAssertEqual(r["h3"] as? String, "#status=partial,unreachable&q=authority")
        XCTAssertEqual(r["h4"] as? String, "#status=unreachable&q=authority", "a second click turns a status off")
        XCTAssertEqual(r["h5"] as? String, "")
        XCTAssertEqual(r["cleared"] as? Int, 17)
        XCTAssertEqual(r["h6"] as? String, "#status=supported&article=harbor.html")
        XCTAssertEqual(r["six"] as? [String], ["supported", "supported", "supported"])
        XCTAssertEqual(r["h7"] as? String, "#status=supported&article=jobs.md")
        XCTAssertEqual(r["h8"] as? String, "#status=supported&article=jobs.md&order=article")
        // The address is a link to share: opened elsewhere it shows the same claims.
        let shared = try probe("status=partial,unreachable&q=authority", "return {v:visible(),c:document.getElementById('f-count').textContent,q:document.getElementById('f-text').value};")
        XCTAssertEqual(shared["v"] as? [String], r["three"] as? [String])
        XCTAssertEqual(shared["q"] as? String, "authority")
        XCTAssertEqual(shared["c"] as? String, "\((r["three"] as? [String])?.count ?? -1) of 17 claims shown")
        let jobs = try probe("status=supported&article=jobs.md&order=article", "return {v:visible(),a:document.getElementById('f-article').value};")
        XCTAssertEqual(jobs["v"] as? [String], ["supported", "supported"])
        XCTAssertEqual(jobs["a"] as? String, "jobs.md")
    }

    func testSearchCoversClaimSourceCueAndURL() throws {
        func shown(_ q: String) throws -> [String] {
            let fragment = "q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q)
            return try XCTUnwrap(try probe(fragment, "return {v:visible()};")["v"] as? [String], q)
        }
        XCTAssertEqual(try shown("1,200 jobs"), ["contradicted"], "the claim's words")
        // "Harbor Authority" is what "the authority" of the 1,200-jobs sentence refers to: not in its words.
        XCTAssertTrue(html.contains(">The port added <mark class=\"conflict\">1,200 jobs</mark> in 2025, <mark class=\"source\">the authority</mark>"))
        XCTAssertTrue(try shown("harbor authority").contains("contradicted"), "a source's resolved name")
        XCTAssertEqual(try shown("127.0.0.1:\(Self.port)/missing"), ["unreachable"], "a cited URL")
        let cue = try shown("according to")
        XCTAssertFalse(cue.isEmpty, "a cue")
        XCTAssertEqual(try shown("zzz-nothing"), [])
    }

    func testNoClaimsMatchWhenAFilterLeavesNone() throws {
        for fragment in ["status=pending", "q=zzz-nothing", "status=vague&article=harbor.html"] {
            let r = try probe(fragment, "var e=document.getElementById('empty');return {v:visible(),shown:e.offsetParent!==null,text:e.textContent,c:document.getElementById('f-count').textContent};")
            XCTAssertEqual(r["v"] as? [String], [], fragment)
            XCTAssertEqual(r["shown"] as? Bool, true, fragment)
            XCTAssertTrue((r["text"] as? String)?.hasPrefix("No claims match.") == true, fragment)
            XCTAssertEqual(r["c"] as? String, "0 of 17 claims shown")
        }
        let all = try probe("", "var e=document.getElementById('empty');return {shown:e.offsetParent!==null};")
        XCTAssertEqual(all["shown"] as? Bool, false)
    }

    func testTheConflictingFigureIsMarkedOnBothSidesAndTheReasonNamesTheSource() throws {
        let start = try XCTUnwrap(html.range(of: "<p class=\"sentence\" lang=\"en\">The port added "))
        let claim = String(html[start.lowerBound...].prefix(3000))
        XCTAssertTrue(claim.contains("The port added <mark class=\"conflict\">1,200 jobs</mark> in 2025"), claim)
        XCTAssertTrue(claim.contains("<blockquote>About <mark class=\"conflict\">800 jobs</mark> were added"), claim)
        XCTAssertTrue(html.contains("Harbor Authority (127.0.0.1) says otherwise: article: 1,200 jobs — source: 800 jobs"))
        XCTAssertFalse(html.contains(">127.0.0.1 supports it"), "the reason names the source, not only the host")
        XCTAssertFalse(html.contains(">127.0.0.1 says otherwise"))
    }

    /// Wide screen: a side panel beside claims that take the rest; a phone: one column, nothing wider than
    /// the screen (long URLs wrap, the chart shrinks). Screenshots at both widths.
    func testLayoutAt1400And400Pixels() throws {
        let layout = """
        var m=document.querySelector('main').getBoundingClientRect(),p=document.querySelector('.panel').getBoundingClientRect();
        var widest=0;document.querySelectorAll('body *').forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0&&r.right>widest)widest=r.right;});
        var bars=document.querySelector('.chart').getBoundingClientRect();
        return {scroll:document.documentElement.scrollWidth,inner:window.innerWidth,main:m.width,mainLeft:m.left,panelRight:p.right,widest:widest,chart:bars.right};
        """
        for fragment in ["", "order=article"] {
            let wide = try probe(fragment, width: 1400, layout)
            XCTAssertEqual(wide["inner"] as? Int, 1400)
            XCTAssertLessThanOrEqual(try XCTUnwrap(wide["scroll"] as? Int), 1400)
            XCTAssertGreaterThan(try XCTUnwrap(wide["main"] as? Double), 900, "claims take the width a wide screen has")
            XCTAssertLessThanOrEqual(try XCTUnwrap(wide["panelRight"] as? Double), try XCTUnwrap(wide["mainLeft"] as? Double), "panel beside the claims")
            let narrow = try probe(fragment, width: 400, layout)
            XCTAssertEqual(narrow["inner"] as? Int, 400)
            XCTAssertLessThanOrEqual(try XCTUnwrap(narrow["scroll"] as? Int), 400, "no sideways scrolling at 400 px")
            XCTAssertLessThanOrEqual(try XCTUnwrap(narrow["widest"] as? Double), 400.5, "no element reaches past the screen")
            XCTAssertLessThanOrEqual(try XCTUnwrap(narrow["chart"] as? Double), 400, "the chart is not cut")
        }
        for width in [1400, 400] {
            let png = Self.tmp + "/report-\(width).png"
            _ = try Chromium.run(["--screenshot=\(png)", "file://\(file)"], profileIn: Self.tmp, width: width, height: 1600)
            let data = try XCTUnwrap(FileManager.default.contents(atPath: png), "no screenshot at \(width) px")
            let size = try XCTUnwrap(Chromium.pngSize(data))
            XCTAssertEqual(size.width, width)
            XCTAssertEqual(size.height, 1600)
            XCTAssertGreaterThan(data.count, 20_000, "a page, not a blank")
        }
    }
}
