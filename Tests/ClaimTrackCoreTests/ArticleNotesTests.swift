@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// Pages whose main text is not the story (fixtures/notes/, written for these tests): the JSON-LD
/// fallback, script-rendered pages and paywall stubs, each with its note and, where the page gives
/// nothing to check, a diagnostic naming the file.
final class ArticleNotesTests: XCTestCase {
    func read(_ name: String) throws -> Article {
        try ArticleReader.read(Fixtures.path("notes/" + name), displayPath: name).get()
    }

    func codes(_ a: Article) -> [String] { a.notes.map(\.code) }

    func testJSONLDArticleBodyIsTheTextWhenTheDOMIsThin() throws {
        let article = try read("jsonld-thin.html")
        XCTAssertTrue(article.text.hasPrefix("Twelve new cranes arrived at the Port Ellis container terminal"), article.text)
        XCTAssertFalse(article.text.contains("Loading the story"))
        XCTAssertEqual(article.paragraphs.count, 3, "paragraphs split at the body's line breaks")
        XCTAssertTrue(codes(article).contains("text_from_jsonld"))
        XCTAssertEqual(article.diagnostics, [], "the JSON-LD gave the story: nothing to warn about")
        let e = Extractor().extract(article)
        XCTAssertEqual(e.claims.count, 3)
        XCTAssertTrue(e.attributions.contains { $0.source == "Reuters" && $0.kind == .outlet })
    }

    func testJSONLDIsNotUsedWhenTheDOMTextIsRich() throws {
        let article = try read("jsonld-rich.html")
        XCTAssertTrue(article.text.hasPrefix("The island ferry resumed its crossings"))
        XCTAssertFalse(article.text.contains("written for search engines"))
        XCTAssertEqual(article.notes, [])
    }

    func testTemplatePlaceholdersGiveADiagnosticANoteAndNoClaims() throws {
        let article = try read("placeholders.html")
        XCTAssertEqual(codes(article), ["rendered_in_browser"])
        XCTAssertFalse(article.text.contains("{{") || article.text.contains("${") || article.text.contains("[["), article.text)
        XCTAssertNil(article.metadata.title, "a placeholder is no title")
        XCTAssertEqual(article.diagnostics.count, 1)
        XCTAssertEqual(article.diagnostics.first?.file, "placeholders.html")
        XCTAssertEqual(article.diagnostics.first?.message, Message.notePlaceholders(3))
        let e = Extractor().extract(article)
        XCTAssertEqual(e.claims.count, 0, e.claims.map(\.text).joined(separator: "\n"))
        XCTAssertEqual(e.attributions.count, 0)
    }

    func testPlaceholdersAreTemplateSyntaxNotBracesInProse() {
        func has(_ s: String) -> Bool { ThinPage.hasPlaceholder(ArraySlice(s.unicodeScalars)) }
        XCTAssertTrue(has("{{ article.body | safe }}"))
        XCTAssertTrue(has("Price: ${item.price}"))
        XCTAssertTrue(has("[[headline]]"))
        XCTAssertFalse(has("The set {1, 2} has [3] items and costs $5."))
        XCTAssertFalse(has("Footnote [[1]] only"))
    }

    func testPaywallStubGivesADiagnosticANoteAndNoClaimsFromTheBlurb() throws {
        let article = try read("paywall.html")
        XCTAssertEqual(codes(article), ["paywall"])
        XCTAssertEqual(article.diagnostics, [Diagnostic(.warning, file: "paywall.html", Message.notePaywall)])
        XCTAssertFalse(article.text.lowercased().contains("subscribe"), article.text)
        let e = Extractor().extract(article)
        XCTAssertEqual(e.claims.map(\.text), ["The city council approved a budget of $2.1 billion on Monday, the mayor said."])
        XCTAssertFalse(e.attributions.contains { $0.source.contains("publisher") })
    }

    /// The notes reach `claimtrack extract --format json` (key `notes`, `{"code","message"}`) beside `language`.
    func testExtractJSONHasLanguageAndNotes() throws {
        let json = ExtractFormatter.json(Extractor().extract(try read("paywall.html")))
        XCTAssertEqual(json["language"], .string("en"))
        XCTAssertEqual(json["notes"], .array([.object([("code", .string("paywall")), ("message", .string(Message.notePaywall))])]))
        let table = ExtractFormatter.table(Extractor().extract(try read("paywall.html")))
        XCTAssertTrue(table.contains("language: en"))
        XCTAssertTrue(table.contains("note: paywall stub: the main text is a subscribe or sign-in blurb"), table)  // wrapped at 100 columns
    }

    /// `claimtrack extract` names a paywall stub on stderr and still succeeds.
    func testExtractCommandWarnsOnStderr() throws {
        let r = try CLI.run(["extract", Fixtures.path("notes/paywall.html"), "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("paywall.html: " + Message.notePaywall), r.stderr)
        XCTAssertTrue(r.stdout.contains("\"notes\""))
    }
}

/// An article in a language the attribution rules do not cover: no rule fires, its claims are kept
/// without attributions, and neither it nor they are called "unattributed".
final class UncoveredLanguageTests: XCTestCase {
    var tmp = ""

    override func setUpWithError() throws {
        tmp = Fixtures.temporaryFolder("claimtrack-language")
        try FileManager.default.createDirectory(atPath: tmp + "/articles", withIntermediateDirectories: true)
        for name in ["italian.html", "paywall.html"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("notes/" + name), toPath: tmp + "/articles/" + name)
        }
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }

    func testItalianArticleHasNoAttributionsAndIsNotUnattributed() throws {
        let article = try ArticleReader.read(Fixtures.path("notes/italian.html"), displayPath: "italian.html").get()
        XCTAssertEqual(article.language, "it")
        let e = Extractor().extract(article)
        XCTAssertEqual(e.attributions.count, 0, "the English “according to Reuters” inside the Italian text must not fire")
        XCTAssertEqual(e.claims.count, 4)
        XCTAssertEqual(e.article.notes, [ArticleNote(.languageNotCovered, Message.noteLanguageNotCovered("it"))])
        XCTAssertEqual(Message.noteLanguageNotCovered("it"), "language it: attributions not covered (rules cover en, de, fr, es)")
    }

    /// German is covered since issue 21: its own rules run, no note, and the English cue inside it still does not fire.
    func testGermanArticleIsCovered() throws {
        let article = try ArticleReader.read(Fixtures.path("notes/german.html"), displayPath: "german.html").get()
        XCTAssertEqual(article.language, "de")
        let e = Extractor().extract(article)
        XCTAssertEqual(e.article.notes, [])
        XCTAssertEqual(e.attributions.map { "\($0.source)|\($0.kind.rawValue)|\($0.cue)" }, [
            "ein Sprecher der Hafenbehörde|person|sagte", "des Betreibers|organization|nach Angaben",
            "Der Minister|person|schrieb", "einem Bericht der Kieler Nachrichten|document|Laut",
        ])
        XCTAssertFalse(e.attributions.contains { $0.source.contains("Reuters") })
    }

    func runPipeline() throws -> Ledger {
        var config = ConfigDefaults.configuration
        config.articles = tmp + "/articles"
        config.ledger = tmp + "/ledger.json"
        _ = try RunPipeline(configuration: config, options: .init(offline: true)).run()
        return try LedgerStore.load(tmp + "/ledger.json")
    }

    func testLedgerAndEveryReportFormatCarryLanguageAndNotes() throws {
        let first = try runPipeline()
        XCTAssertTrue(first.runs.last!.errors.contains(Diagnostic(.warning, file: "paywall.html", Message.notePaywall)))
        // The second run: unchanged articles are not read again; statuses come from the ledger's language.
        let second = try runPipeline()
        XCTAssertEqual(second.runs.last?.counts.unchanged, 2)
        for ledger in [first, second] {
            let italian = try XCTUnwrap(ledger.articles["italian.html"])
            XCTAssertEqual(italian.language, "it")
            XCTAssertEqual(italian.notes.map(\.code), ["language_not_covered"])
            let claims = italian.claims.compactMap { ledger.claims[$0] }
            XCTAssertEqual(claims.count, 4)
            for c in claims {
                XCTAssertNotEqual(c.status, .unattributed)
                XCTAssertEqual(c.status, .pending)
                XCTAssertEqual(c.reason, Message.reasonLanguageNotCovered("it"))
                XCTAssertTrue(c.reason.hasPrefix("language not covered: it"))
                XCTAssertEqual(c.attributions, [])
            }
            XCTAssertEqual(ledger.articles["paywall.html"]?.notes.map(\.code), ["paywall"])
        }

        let model = ReportModel(ledger: second)
        let json = JSONReportFormatter.document(model)
        guard case .array(let articles)? = json["articles"] else { return XCTFail("no articles") }
        let italian = try XCTUnwrap(articles.first { $0["path"] == .string("italian.html") })
        XCTAssertEqual(italian["language"], .string("it"))
        XCTAssertEqual(italian["notes"], .array([ArticleNote(.languageNotCovered, Message.noteLanguageNotCovered("it")).json]))

        let table = TableReportFormatter(color: false).render(model)
        XCTAssertTrue(table.contains("  language: it"), table)
        XCTAssertTrue(table.contains("note: " + Message.noteLanguageNotCovered("it")))
        XCTAssertTrue(table.contains("note: paywall stub: the main text is a subscribe or sign-in blurb"), table)  // wrapped at 100 columns
        XCTAssertFalse(table.contains("[UNATTRIBUTED]"))

        let html = HTMLReportFormatter.render(model)
        XCTAssertTrue(html.contains("language <span class=\"language\">it</span>"))
        XCTAssertTrue(html.contains("<li data-code=\"language_not_covered\">"))
        XCTAssertTrue(html.contains("<p class=\"sentence\" lang=\"it\">"))

        let markdown = MarkdownReportFormatter.render(model)
        XCTAssertTrue(markdown.contains("· language: it"))
        XCTAssertTrue(markdown.contains("> Note: " + Message.notePaywall))

        let csv = CSVReportFormatter.render(model)
        XCTAssertTrue(csv.hasPrefix((CSVReportFormatter.header + ["language", "notes"]).joined(separator: ",")))
        XCTAssertTrue(csv.contains(",it,\"" + Message.noteLanguageNotCovered("it") + "\""), csv)  // quoted: the note has commas

        let review = ClaimReviewFormatter.render(model)
        XCTAssertTrue(review.contains("\"inLanguage\": \"it\""))
        XCTAssertTrue(review.contains("claimtrack notes: " + Message.notePaywall))
    }
}

final class LanguageDetectorTests: XCTestCase {
    func testShortSamples() {
        let samples: [(String, String)] = [
            ("en", "The city council approved the new budget on Monday, and the mayor said it was the largest in its history."),
            ("de", "Der Stadtrat hat am Montag den neuen Haushalt beschlossen, und der Bürgermeister sagte, es sei der größte seit Jahren."),
            ("fr", "Le conseil municipal a adopté le nouveau budget lundi, et le maire a dit que c'était le plus important de son histoire."),
            ("es", "El ayuntamiento aprobó el nuevo presupuesto el lunes, y el alcalde dijo que era el más grande de su historia."),
            ("pt", "A câmara municipal aprovou o novo orçamento na segunda-feira, e o prefeito disse que foi o maior da sua história."),
            ("it", "Il consiglio comunale ha approvato il nuovo bilancio lunedì, e il sindaco ha detto che è il più grande della sua storia."),
            ("nl", "De gemeenteraad heeft maandag de nieuwe begroting goedgekeurd, en de burgemeester zei dat het de grootste ooit is."),
            ("ru", "Городской совет в понедельник утвердил новый бюджет, и мэр сказал, что это самый большой бюджет в истории."),
            ("uk", "Міська рада в понеділок затвердила новий бюджет, і мер сказав, що це найбільший бюджет в історії."),
            ("el", "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό τη Δευτέρα."),
            ("zh", "市议会周一批准了新的预算，市长说这是历史上最大的一次。"),
            ("ja", "市議会は月曜日に新しい予算を承認し、市長はこれが史上最大だと述べた。"),
            ("ar", "وافق مجلس المدينة على الميزانية الجديدة يوم الاثنين."),
        ]
        for (code, text) in samples { XCTAssertEqual(LanguageDetector.detect(text), code, text) }
    }

    func testUnsureIsUnd() {
        XCTAssertEqual(LanguageDetector.detect(""), "und")
        XCTAssertEqual(LanguageDetector.detect("Port Ellis, 2026"), "und")
        XCTAssertEqual(LanguageDetector.detect("Reuters AP AFP 12 34"), "und")
    }

    func testTextWinsOverADeclaredLanguageAndADeclarationFillsIn() {
        let english = "The city council approved the new budget on Monday, and the mayor said it was the largest in its history."
        XCTAssertEqual(LanguageDetector.decide(text: english, declared: ["de-DE"]), "en")
        XCTAssertEqual(LanguageDetector.decide(text: "Port Ellis", declared: ["pt_BR"]), "pt")
        XCTAssertEqual(LanguageDetector.decide(text: "Port Ellis", declared: ["x-default", "fr-FR"]), "fr")
        XCTAssertEqual(LanguageDetector.decide(text: "Port Ellis", declared: []), "und")
    }

    /// Rules run on "und" (too little text to tell; the English ones) and on English, German, French and Spanish.
    func testCoverage() {
        XCTAssertTrue(Language.attributionsCover("en"))
        XCTAssertTrue(Language.attributionsCover("und"))
        for code in ["de", "fr", "es"] { XCTAssertTrue(Language.attributionsCover(code), code) }
        XCTAssertFalse(Language.attributionsCover("it"))
        XCTAssertEqual(StatusRules.offline([], language: "it").0, .pending)
        XCTAssertEqual(StatusRules.offline([], language: "fr").0, .unattributed)
        XCTAssertEqual(StatusRules.offline([], language: "en").0, .unattributed)
    }
}

final class LedgerNotesTests: XCTestCase {
    func decode(_ text: String) throws -> Ledger {
        let path = Fixtures.temporaryFolder() + "/l.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try LedgerStore.load(path)
    }

    /// A ledger written before languages and notes reads as it did, with nil and [] for them.
    func testOldLedgerWithoutLanguageOrNotesStillReads() throws {
        let old = """
        {"schema":"claimtrack.ledger/1","tool_version":"0.1.0","runs":[],
         "articles":{"a.txt":{"id":"a1","path":"a.txt","hash":"h","pipeline_version":"0.1.0+extract.1","claims":["c1"],"last_run":1}},
         "claims":{"c1":{"id":"c1","article":"a.txt","text":"T","start":0,"end":1,"status":"unattributed","reason":"r","history":[]}},
         "sources":{}}
        """
        let l = try decode(old)
        XCTAssertNil(l.articles["a.txt"]?.language)
        XCTAssertEqual(l.articles["a.txt"]?.notes, [])
        // Its path-based ids are rewritten on read (README "Ids"); the claim and its article stay.
        let id = try XCTUnwrap(l.articles["a.txt"]?.claims.first)
        XCTAssertEqual(id.count, ClaimID.length)
        XCTAssertEqual(l.claims[id]?.status, .unattributed)
        let report = JSONReportFormatter.document(ReportModel(ledger: l))
        guard case .array(let articles)? = report["articles"] else { return XCTFail() }
        XCTAssertEqual(articles.first?["language"], .null)
        XCTAssertEqual(articles.first?["notes"], .array([]))
    }

    func testLanguageAndNotesRoundTrip() throws {
        var l = Ledger()
        l.articles["b.html"] = ArticleRecord(id: "a2", path: "b.html", hash: "h", pipelineVersion: "v", title: nil, author: nil, published: nil,
                                             url: nil, claims: [], lastRun: 1, language: "de",
                                             notes: [ArticleNote(.paywall, "m"), ArticleNote(code: "from_a_newer_version", message: "kept")])
        let back = try decode(String(decoding: LedgerStore.encode(l), as: UTF8.self))
        XCTAssertEqual(back.articles, l.articles)
    }
}
