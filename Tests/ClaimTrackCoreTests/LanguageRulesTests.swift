@testable import ClaimTrackCore
import ClaimTrackTestSupport
import XCTest

/// German, French and Spanish attribution rules (issue 21): each pattern on a sentence of its own,
/// and the pattern fixtures under fixtures/extract/patterns/ (de-, fr-, es-) with what they must give.
final class LanguageRulesTests: XCTestCase {
    func extraction(_ text: String, language: String) -> Extraction {
        var article = try! ArticleReader.parse(Array(text.utf8), path: "t.txt", format: .text).get()
        article.language = language
        return Extractor().extract(article)
    }

    func sources(_ text: String, _ language: String) -> [String] {
        extraction(text, language: language).attributions.map { "\($0.source)|\($0.kind.rawValue)|\($0.cue)" + ($0.resolved.map { "=\($0)" } ?? "") }
    }

    func testGermanVerbSecondAndPrepositionalCues() {
        XCTAssertEqual(sources("Die Lage ist ernst, sagte Bundesfinanzminister Christian Lindner am Dienstag.", "de"),
                       ["Bundesfinanzminister Christian Lindner|person|sagte=Christian Lindner"])
        XCTAssertEqual(sources("Laut dem Europäischen Rechnungshof hat Deutschland 2,4 Milliarden Euro nicht abgerufen.", "de"),
                       ["dem Europäischen Rechnungshof|organization|Laut"])
        XCTAssertEqual(sources("Der Staatsanwaltschaft zufolge soll der Mann 25.000 Tests abgerechnet haben.", "de"),
                       ["Der Staatsanwaltschaft|organization|zufolge"])
        XCTAssertEqual(sources("Nach Angaben der Ermittler gab es vorher einen Streit zwischen den beiden Männern.", "de"),
                       ["der Ermittler|vague|Nach Angaben"])
        XCTAssertEqual(sources("Verletzt wurde niemand, wie ein Sprecher der Feuerwehr am Abend mitteilte.", "de"),
                       ["ein Sprecher der Feuerwehr|person|mitteilte"])
        XCTAssertEqual(sources("Das teilte das Statistische Bundesamt am Montag in Wiesbaden mit.", "de"),
                       ["das Statistische Bundesamt|organization|teilte"])
        XCTAssertEqual(sources("Das berichtete der „Spiegel“ am Sonntag.", "de").first, "der „Spiegel“|outlet|berichtete")
    }

    func testGermanNoCueFromAColonAPassiveOrAnImpersonalSubject() {
        XCTAssertEqual(sources("Ein Sprecher: Die Ermittlungen dauern noch bis Ende des Monats an.", "de"), [])
        XCTAssertEqual(sources("Das Urteil wird für Ende Januar vor dem Landgericht erwartet.", "de"), [])
        XCTAssertEqual(sources("Vor allem Energie sei billiger geworden, hieß es aus dem Amt.", "de"), [])
        XCTAssertEqual(sources("Die Musik war am Samstagabend im ganzen Viertel sehr laut.", "de"), [])
    }

    func testGermanSubjunctiveContinuesTheReportAndIsAHedge() throws {
        let e = extraction("„Wir haben das Geld“, sagte Bürgermeisterin Anna Berg. Die Finanzierung des Projekts sei bereits vollständig gesichert.", language: "de")
        XCTAssertEqual(e.claims.count, 2)
        XCTAssertEqual(e.claims[1].attributions, [0], "the subjunctive sentence carries the cue before")
        XCTAssertEqual(e.claims[1].hedges, ["sei"])
        let soll = extraction("Der Besitzer der Halle soll im Frühjahr einen Drohbrief erhalten haben.", language: "de")
        XCTAssertEqual(soll.claims.first?.hedges, ["soll"])
        XCTAssertEqual(soll.claims.first?.attributions, [])
    }

    func testFrenchInversionAndSelon() {
        XCTAssertEqual(sources("« Nous allons recruter 10 000 soignants », a déclaré le ministre de la Santé, Frédéric Valletoux, lors d'une conférence.", "fr"),
                       ["le ministre de la Santé, Frédéric Valletoux|person|a déclaré=Frédéric Valletoux"])
        let e = sources("« Je n'ai rien à me reprocher », a affirmé le maire Jean Dupont. Les contrats sont en règle, a-t-il ajouté. Selon lui, 3 millions d'euros sont en jeu.", "fr")
        XCTAssertEqual(e, ["le maire Jean Dupont|person|a affirmé=Jean Dupont", "il|person|a-t-il ajouté=Jean Dupont", "lui|person|Selon=Jean Dupont"])
        XCTAssertEqual(sources("D'après l'AFP, 12 kilos de cannabis ont été saisis dans son véhicule.", "fr"), ["l'AFP|outlet|D'après"])
        XCTAssertEqual(sources("L'information a été révélée par Le Monde et confirmée par la direction.", "fr"),
                       ["Le Monde|outlet|a été révélée par", "la direction|organization|confirmée par"])
        XCTAssertEqual(sources("Selon les cas, le prix varie entre 10 et 20 euros par mois.", "fr"), [])
        XCTAssertEqual(sources("D'après un sondage Ifop publié dimanche, 62 % des Parisiens sont mécontents.", "fr"), ["un sondage Ifop|document|D'après"])
    }

    func testSpanishPostposedCuesDashesAndHedges() {
        XCTAssertEqual(sources("La medida beneficiará a 2,4 millones de trabajadores, dijo el ministro de Trabajo este martes.", "es"),
                       ["el ministro de Trabajo|person|dijo"])
        XCTAssertEqual(sources("—No tengo nada que esconder —dijo Ábalos a los periodistas—.", "es"), ["Ábalos|organization|dijo"])
        XCTAssertEqual(sources("Según la policía, el detenido pudo haber actuado solo.", "es"), ["la policía|organization|Según"])
        XCTAssertEqual(sources("De acuerdo con fuentes de la investigación, hubo 14 detenidos.", "es"), ["fuentes de la investigación|vague|De acuerdo con"])
        XCTAssertEqual(sources("La patronal CEOE rechazó la subida y advirtió de que pondrá en riesgo el empleo.", "es"),
                       ["La patronal CEOE|organization|rechazó", "La patronal CEOE|organization|advirtió"])
        let hedged = extraction("El exministro presuntamente cobró comisiones y la trama pudo haber obtenido 50 millones.", language: "es")
        XCTAssertEqual(hedged.claims.first?.hedges, ["presuntamente", "pudo haber"])
    }

    /// A pronoun takes a name only when the gender fits and the text tells who: never by nearness alone.
    func testPronounsTakeANameOnlyWhenItFits() {
        XCTAssertEqual(sources("„Wir sind bereit“, sagte Innensenatorin Iris Spranger. Sie sagte, die Polizei sei vorbereitet.", "de").last,
                       "Sie|person|sagte=Iris Spranger")
        // Two women named in one sentence, neither the speaker: "sie" keeps no name.
        XCTAssertEqual(sources("Die Kämmerin Sabine Wolf und die Ministerin Doris Grondke kamen. Sie sagte, die Kosten würden geprüft.", "de"),
                       ["Sie|person|sagte"])
        // The nearest candidate is a description without a name: "Er" is that man, not the name before him.
        XCTAssertEqual(sources("„Ich bin unschuldig“, sagte Markus Brandt. Sein Verteidiger erklärte, die Software sei fehlerhaft. Er kündigte einen Gutachter an.", "de").last,
                       "Er|person|kündigte")
        // A man's pronoun passes over a woman.
        XCTAssertEqual(sources("« C'est fini », a déclaré Jean Dupont. La ministre Catherine Vautrin était absente. Il a précisé que le site fermera.", "fr").last,
                       "Il|person|a précisé=Jean Dupont")
        XCTAssertEqual(sources("«Es un golpe», dijo el comisario Roberto Grande. Él explicó que la investigación comenzó hace un año.", "es").last,
                       "Él|person|explicó=Roberto Grande")
    }

    func testQuestionsOpinionsAndCallsToActionAreNoClaims() {
        let de = extraction("Wer soll das alles am Ende eigentlich bezahlen? Ob das klug ist, darf bezweifelt werden. Der Bundestag beschließt den Haushalt im November.", language: "de")
        XCTAssertEqual(de.claims.map(\.text), ["Der Bundestag beschließt den Haushalt im November."])
        let fr = extraction("Qui paiera la facture de ces travaux ? Suivez toute l'actualité économique sur notre application. Le chômage a reculé à 7,2 %.", language: "fr")
        XCTAssertEqual(fr.claims.map(\.text), ["Le chômage a reculé à 7,2 %."])
        let es = extraction("¿Quién pagará la factura de todo esto? Una tragedia que se repite demasiadas veces. La economía creció un 0,8 % en el tercer trimestre.", language: "es")
        XCTAssertEqual(es.claims.map(\.text), ["La economía creció un 0,8 % en el tercer trimestre."])
    }

    /// The act of saying is not the fact (GUIDE §6): a reported evaluation or forecast and a quoted opinion are
    /// no claims; a clause after "kritisierte" says what was criticised, a figure or a record keeps a quotation,
    /// and the attribution is still found.
    func testReportedStancesAndQuotedOpinionsAreNoClaims() {
        let de = extraction("""
        Der Stadtrat hat am Montag den Bau einer neuen Brücke über die Elbe beschlossen. Die Opposition kritisierte die Pläne als überstürzt. \
        Anwohner kritisieren, die Stadt habe sie nie angehört. Der Verkehrsverband rechnet allerdings damit, dass sich die Staus verschlimmern. \
        „Das ist ein guter Tag für unsere Stadt“, sagte Oberbürgermeister Dirk Hilbert. „Die Brücke kostet 80 Millionen Euro“, sagte der Baudezernent.
        """, language: "de")
        XCTAssertEqual(de.claims.map(\.text), [
            "Der Stadtrat hat am Montag den Bau einer neuen Brücke über die Elbe beschlossen.",
            "Anwohner kritisieren, die Stadt habe sie nie angehört.",
            "„Die Brücke kostet 80 Millionen Euro“, sagte der Baudezernent.",
        ])
        XCTAssertTrue(de.attributions.contains { $0.source == "Oberbürgermeister Dirk Hilbert" && $0.claim == nil })
        let fr = extraction("""
        La préfecture a fermé trois écoles après les inondations de mardi. Les parents d'élèves saluent une décision « responsable ». \
        « C'est un record historique », a déclaré le maire. « Il faut tirer les leçons de cette crise », a ajouté la préfète.
        """, language: "fr")
        XCTAssertEqual(fr.claims.map(\.text), [
            "La préfecture a fermé trois écoles après les inondations de mardi.",
            "« C'est un record historique », a déclaré le maire.",
        ])
        let es = extraction("""
        El juicio contra el exalcalde se celebró el lunes en la Audiencia de Sevilla. La defensa calificó el proceso de «persecución política». \
        Los vecinos temen que la obra se retrase otra vez. «Es un día triste para la ciudad», dijo la portavoz municipal.
        """, language: "es")
        XCTAssertEqual(es.claims.map(\.text), ["El juicio contra el exalcalde se celebró el lunes en la Audiencia de Sevilla."])
    }

    /// A forecast in the conditional is no claim, figure or not; with a perfect auxiliary it is a hedged past.
    func testForecastsInTheConditionalAreNoClaimsAHedgedPastIs() {
        let fr = extraction("""
        Le prix du gazole pourrait atteindre 2,10 euros le litre en 2026. Le suspect pourrait avoir quitté la France la semaine dernière.
        """, language: "fr")
        XCTAssertEqual(fr.claims.map(\.text), ["Le suspect pourrait avoir quitté la France la semaine dernière."])
        XCTAssertEqual(fr.claims.first?.hedges, ["pourrait"])
        let de = extraction("""
        Die Mieten in München könnten bis 2027 um weitere zehn Prozent steigen. Der Täter könnte über die Grenze geflohen sein. \
        Der Mieterverein hält die Pläne der Stadt für zu zaghaft.
        """, language: "de")
        XCTAssertEqual(de.claims.map(\.text), ["Der Täter könnte über die Grenze geflohen sein."])
        let es = extraction("La inflación podría bajar al 2 % a finales de año. El incendio podría haber sido provocado por un rayo.", language: "es")
        XCTAssertEqual(es.claims.map(\.text), ["El incendio podría haber sido provocado por un rayo."])
    }

    /// No English rule fires on these languages, and English articles keep the English path.
    func testEnglishCueInsideAGermanTextDoesNotFire() {
        XCTAssertEqual(sources("Der Minister schrieb auf der Plattform X: \"The port will grow by 30 percent\", according to Reuters.", "de"),
                       ["Der Minister|person|schrieb"])
        XCTAssertNil(LanguageRules.rules(for: "en"))
        XCTAssertNil(LanguageRules.rules(for: "it"))
    }

    func testPatternFixtures() throws {
        func fixture(_ name: String) throws -> Extraction {
            let path = Fixtures.path("extract/patterns/\(name)")
            return Extractor().extract(try ArticleReader.read(path, displayPath: name).get())
        }
        func summary(_ e: Extraction) -> [String] { e.attributions.map { "\($0.source)|\($0.kind.rawValue)|\($0.cue)" + ($0.resolved.map { "=\($0)" } ?? "") } }
        let de = try fixture("de-reported-speech.txt")
        XCTAssertEqual(de.article.language, "de")
        XCTAssertEqual(summary(de), [
            "Oberbürgermeister Ulf Kämpfer|person|sagte=Ulf Kämpfer", "Kämpfer|person|kündigte=Ulf Kämpfer",
            "dem Landesrechnungshof|organization|Laut", "Dem Bericht|document|zufolge", "Sie|person|sagte",
            "Experten|vague|halten", "der NDR|outlet|berichtete", "Stadtkreise|vague|unter Berufung auf",
        ])
        let fr = try fixture("fr-inversion.txt")
        XCTAssertEqual(summary(fr), [
            "le président de la région, Loïg Chesnais-Girard|person|a déclaré=Loïg Chesnais-Girard",
            "il|person|a-t-il ajouté=Loïg Chesnais-Girard", "lui|person|Selon=Loïg Chesnais-Girard",
            "Ouest-France|outlet|D'après", "Elle|person|a estimé", "Des syndicats|vague|dénoncent",
        ])
        XCTAssertEqual(fr.claims.first { $0.text.hasPrefix("D'après") }?.hedges, ["aurait"])
        let es = try fixture("es-postposed.txt")
        XCTAssertEqual(summary(es), [
            "el alcalde, José Luis Sanz|person|dijo=José Luis Sanz", "Sanz|person|afirmó=José Luis Sanz",
            "la empresa municipal Tussam|organization|Según", "fuentes municipales|vague|de acuerdo con",
            "La concejala Carmen Ríos|person|recordó=Carmen Ríos", "Ella|person|explicó=Carmen Ríos",
        ])
        XCTAssertFalse(es.claims.contains { $0.text.hasPrefix("¿") })
    }
}
