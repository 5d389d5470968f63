/// German attribution rules (issue 21). Written from German news style (dpa, tagesschau.de,
/// Spiegel, Süddeutsche): the verb-second report ("…, sagte Lindner."), the report in the
/// subjunctive (Konjunktiv I: "Die Lage sei ernst.") carried from the cue before, the prepositional
/// cues "laut", "zufolge", "nach Angaben", and „…“ quotations.
extension LanguageRules {
    static let german = LanguageRules(
        code: "de",
        reportingVerbs: [
            "sagte", "sagten", "sagt", "sagen", "gesagt", "erklärte", "erklärten", "erklärt", "betonte", "betonten", "betont",
            "teilte", "teilten", "mitteilte", "mitteilten", "mitgeteilt", "berichtete", "berichteten", "berichtet",
            "schrieb", "schrieben", "schreibt", "meldete", "meldeten", "meldet", "kündigte", "kündigten", "angekündigt",
            "räumte", "räumten", "eingeräumt", "bestätigte", "bestätigten", "bestätigt", "bestritt", "bestritten",
            "dementierte", "wies", "wiesen", "forderte", "forderten", "fordert", "warnte", "warnten", "warnt",
            "kritisierte", "kritisierten", "kritisiert", "kritisieren", "nannte", "nannten", "fügte", "fügten", "hinzufügte",
            "ergänzte", "ergänzten", "sprach", "sprachen", "verwies", "verwiesen", "verkündete", "erläuterte",
            "versicherte", "behauptete", "behauptet", "behaupten", "bekräftigte", "unterstrich", "beklagte", "deutete",
            "twitterte", "postete", "antwortete", "entgegnete", "widersprach", "mahnte",
            "hieß", "heißt", "zitierte", "zitiert", "lobte", "lobten", "räumt", "teilt", "erklären", "betonen",
            "berichten", "schreiben", "melden", "bestätigen", "bestreiten", "bestreitet", "dementiert", "weist",
            "kündigt", "nennt", "ergänzt", "spricht", "sprechen", "verweist", "versichert", "bekräftigt", "unterstreicht",
            "beklagt", "antwortet", "entgegnet", "widerspricht", "mahnt", "fordert", "warnte", "erzählte", "erzählt",
            "berichtete", "schilderte", "schildert", "beschrieb", "beschreibt", "verkündet", "gesagt", "erklärt",
        ],
        positionVerbs: [
            "sehen", "sieht", "sah", "erwarten", "erwartet", "erwartete", "glaubt", "glauben", "glaubte", "hält", "halten",
            "hielt", "schließen", "schließt", "schloss", "werfen", "wirft", "warf", "fürchten", "fürchtet", "befürchten",
            "rechnen", "rechnet", "rechnete", "bezweifeln", "bezweifelt", "vermuten", "vermutet", "kritisieren",
            "warnen", "fordern", "beklagen", "loben", "begrüßte", "begrüßen", "begrüßt", "bemängeln", "bemängelt",
        ],
        auxiliaries: ["hat", "haben", "hatte", "hatten"],
        passiveAuxiliaries: ["wird", "wurde", "werden", "wurden", "worden"],
        passiveParticiples: ["berichtet", "bestätigt", "gemeldet", "zitiert", "kritisiert"],
        agentPrepositions: ["von"],
        cuesBefore: [["nach", "angaben", "von"], ["nach", "angaben"], ["laut"], ["unter", "berufung", "auf"], ["gemäß"],
                     ["nach", "einschätzung", "von"], ["nach", "einschätzung"], ["nach", "auskunft"]],
        cuesAfter: [["zufolge"]],
        cueBeforeExceptions: [],
        determiners: ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "sein",
                      "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer", "dieser", "diese",
                      "dieses", "diesem", "mehrere", "einige", "viele", "zahlreiche", "andere"],
        feminineDeterminers: ["die", "eine", "einer", "seine", "ihre", "diese"],
        masculineDeterminers: ["der", "ein", "sein", "ihr", "dieser"],
        pronouns: ["er": Pronoun(gender: .male, plural: false), "sie": Pronoun(gender: .female, plural: false)],
        impersonal: ["es", "man"],
        sourceStops: [
            "am", "im", "in", "an", "auf", "bei", "vor", "nach", "seit", "gegenüber", "mit", "für", "über", "zu", "zum", "zur",
            "dass", "ob", "am", "heute", "gestern", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
            "sonntag", "bereits", "auch", "zudem", "jedoch", "aber", "und", "nicht", "noch", "dem", "den", "es", "sich",
            "zufolge", "laut", "unter", "als", "wie", "bis", "um",
        ],
        sourceLinks: ["der", "des", "von", "vom"],
        clauseOpeners: ["und", "aber", "doch", "denn", "dass", "weil", "sondern", "oder", "jedoch"],
        frontedOpeners: [
            "das", "dies", "so", "dazu", "darüber", "davon", "deshalb", "auch", "zudem", "außerdem", "dagegen", "jetzt",
            "heute", "gestern", "bereits", "am", "im", "in", "vor", "nach", "seit", "bei", "mit", "auf", "für", "über",
            "unter", "dem", "den", "damit", "danach", "inzwischen", "zuletzt", "später", "zuvor", "dabei", "hier",
            "dort", "nun", "mittlerweile", "gegenüber", "wörtlich", "weiter",
        ],
        verbFinalOpeners: ["wie"],
        capitalizedNouns: true,
        personHeads: [
            "minister", "ministerin", "sprecher", "sprecherin", "chef", "chefin", "präsident", "präsidentin", "bürgermeister",
            "bürgermeisterin", "landrat", "landrätin", "senator", "senatorin", "leiter", "leiterin", "verteidiger",
            "verteidigerin", "anwalt", "anwältin", "zeuge", "zeugin", "experte", "expertin", "volkswirt", "volkswirtin",
            "politiker", "politikerin", "jährige", "jähriger", "kanzler", "kanzlerin", "abgeordnete", "abgeordneter",
            "richter", "richterin", "staatsanwalt", "staatsanwältin", "direktor", "direktorin", "vorsitzende",
            "vorsitzender", "sekretär", "sekretärin", "ökonom", "ökonomin", "forscher", "forscherin", "professor",
            "professorin", "mann", "frau", "vater", "mutter", "opfer", "angeklagte", "angeklagter", "beamte", "beamter",
            "haushälter", "haushälterin", "beauftragte", "beauftragter", "intendant", "trainer", "trainerin", "manager",
            "managerin", "gründer", "gründerin", "insider", "schulleiter", "schulleiterin", "vorstand",
            "präsidentin", "stellvertreter", "stellvertreterin",
        ],
        femininePersonHeads: [
            "ministerin", "sprecherin", "chefin", "präsidentin", "bürgermeisterin", "landrätin", "senatorin", "leiterin",
            "verteidigerin", "anwältin", "zeugin", "expertin", "volkswirtin", "politikerin", "kanzlerin", "richterin",
            "staatsanwältin", "direktorin", "sekretärin", "ökonomin", "forscherin", "professorin", "frau", "mutter",
            "haushälterin", "trainerin", "managerin", "gründerin", "schulleiterin", "stellvertreterin",
        ],
        organizationHeads: [
            "ministerium", "amt", "behörde", "bank", "verband", "gericht", "staatsanwaltschaft", "polizei", "regierung",
            "feuerwehr", "unternehmen", "konzern", "partei", "stadt", "rechnungshof", "bund", "kommission", "gewerkschaft",
            "verwaltung", "institut", "universität", "klinik", "bahn", "hochbahn", "stiftung", "rat", "landkreis",
            "gemeinde", "kreis", "bundesregierung", "zentralbank", "agentur", "firma", "hersteller", "gruppe", "fraktion",
            "senat", "bundestag", "ministerien", "kriminalamt", "bundesamt", "landesamt", "staatskanzlei", "kanzleramt",
            "botschaft", "armee", "bundeswehr", "verein", "club", "klub", "konzernleitung", "vorstand", "betriebsrat",
            "initiative", "organisation", "fahrgastverband", "steuerzahler",
        ],
        documentHeads: ["bericht", "studie", "urteil", "entscheidung", "umfrage", "daten", "statistik", "mitteilung",
                        "erklärung", "gutachten", "analyse", "schreiben", "brief", "dokument", "dokumente", "papier",
                        "akten", "prognose", "erhebung", "untersuchung", "zahlen", "beschluss", "anklage", "anklageschrift"],
        vagueHeads: ["experten", "kritiker", "beobachter", "ermittler", "anwohner", "fachleute", "analysten", "ökonomen",
                     "forscher", "kreise", "quellen", "behörden", "beamte", "politiker", "zeugen", "nachbarn",
                     "augenzeugen", "wissenschaftler", "mediziner", "ärzte", "insider", "stimmen", "befürworter",
                     "gegner", "sicherheitskreise", "regierungskreise", "unternehmenskreise", "verbraucherschützer",
                     "umweltschützer", "bürger", "menschen", "eltern", "schüler", "mitarbeiter", "beschäftigte"],
        anonymousHeads: ["person", "quelle", "insider", "mitarbeiter", "informant", "beamter", "diplomat", "vertreter"],
        anonymityMarkers: ["nicht genannt werden", "anonym", "vertraute person", "ungenannt"],
        indefiniteDeterminers: ["ein", "eine", "einem", "einen", "einer"],
        femaleNames: [
            "anna", "barbara", "iris", "nancy", "daniela", "annalena", "angela", "ursula", "sahra", "saskia", "ricarda",
            "katrin", "christine", "claudia", "julia", "svenja", "franziska", "manuela", "petra", "sabine", "andrea",
            "susanne", "birgit", "renate", "karin", "monika", "ulrike", "heike", "kerstin", "silke", "anke", "stefanie",
            "katharina", "lisa", "lena", "marie", "sophie", "eva", "malu", "bärbel", "anja", "nadine", "dorothee", "alice",
        ],
        maleNames: [
            "christian", "markus", "richard", "gerald", "octavian", "sebastian", "andy", "jörg", "karl-peter", "ferdinand",
            "anjes", "olaf", "friedrich", "robert", "boris", "hubertus", "karl", "lars", "hendrik", "cem", "volker",
            "winfried", "hendrik", "michael", "thomas", "andreas", "stefan", "frank-walter", "wolfgang", "jürgen", "klaus",
            "dieter", "uwe", "horst", "peter", "hans", "günter", "matthias", "florian", "tobias", "jens", "sven",
            "sven-christian", "philipp", "alexander", "martin", "frank", "bernd", "rainer", "ralf", "norbert", "armin",
            "tino", "björn", "kevin", "jan", "hubert", "joachim", "heinrich", "wilhelm", "fabian", "lukas", "felix",
        ],
        hedges: ["soll", "sollen", "sollte", "sollten", "angeblich", "mutmaßlich", "mutmaßliche", "mutmaßlichen",
                 "mutmaßlicher", "vermutlich", "offenbar", "offenbar", "wahrscheinlich", "möglicherweise", "womöglich",
                 "vermeintlich", "vermeintliche", "unbestätigt", "unbestätigten", "nach ersten erkenntnissen"],
        reportedSpeechForms: ["sei", "seien", "habe", "hätten", "werde", "könne", "müsse", "wolle", "gebe", "liege",
                              "stehe", "komme", "fehle", "solle", "dürfe", "wisse", "seist", "brauchten", "gehe"],
        opinionMarkers: [
            "darf bezweifelt", "man fragt sich", "schlechte nachricht", "gute nachricht", "armutszeugnis",
            "noch lange nicht", "steht vor einer", "glück im unglück", "ist richtig", "ist falsch", "ein skandal",
            "zu hoffen", "bleibt abzuwarten", "betroffenheit", "es ist zeit", "es wird zeit", "höchste zeit",
            "unserer meinung", "meiner meinung", "ein fehler", "muss bezahlbar", "kommentar",
        ],
        callToAction: ["lesen sie auch", "mehr zum thema", "folgen sie", "abonnieren sie", "jetzt abonnieren",
                       "newsletter", "hier anmelden", "melden sie sich"],
        evaluationCues: phrases([
            "lobte", "lobten", "lobt", "loben", "gelobt", "würdigte", "würdigten", "begrüßte", "begrüßten", "begrüßt",
            "begrüßen", "bedauerte", "bedauerten", "bedauert", "bedauern", "bemängelte", "bemängelten", "bemängelt",
            "bemängeln", "beklagte", "beklagten", "beklagt", "beklagen", "kritisierte", "kritisierten", "kritisiert",
            "kritisieren", "bezeichnete", "bezeichneten", "sprach von", "sprachen von", "spricht von", "sprechen von",
            "zeigte sich", "zeigten sich", "zeigt sich",
        ]),
        opinionCues: phrases([
            "warnte davor", "warnten davor", "warnt davor", "warnen davor", "warnte vor", "warnten vor", "warnt vor",
            "warnen vor", "für zu", "rechnet damit", "rechne damit", "rechnen damit", "rechnete damit", "rechneten damit",
            "erwartet dass", "erwarte dass", "erwarten dass", "erwartete dass", "befürchtet", "befürchten", "befürchte",
            "befürchtete", "fürchtet", "fürchten", "fürchte", "hofft", "hoffen", "hoffe", "hoffte",
        ]),
        forecastModals: ["könnte", "könnten"],
        perfectAuxiliaries: ["haben", "sein", "worden", "gewesen"],
        stanceCueExceptions: [],
        stanceFillers: ["aber", "jedoch", "auch", "allerdings", "zudem", "nun", "noch", "ebenfalls", "zugleich", "dennoch"],
        complementizers: ["dass"],
        quotedOpinionMarkers: [
            "das ist ein", "das ist eine", "das ist kein", "das ist keine", "dies ist ein", "dies ist eine", "es ist ein",
            "es ist eine", "das wäre", "muss", "müssen", "müsste", "müssten", "sollte", "sollten", "darf nicht",
            "dürfen nicht", "zu spät", "zu früh", "zu alt", "zu hoch", "zu teuer", "zu wenig", "zu viel", "zu viele",
            "zu langsam", "zu groß", "zu klein", "zu voll", "zu lange", "auf einem guten weg", "endlich", "leider", "hoffentlich", "zum glück", "wir brauchen", "ich bin stolz",
            "wir sind stolz", "ich freue mich", "wir freuen uns", "ich hoffe", "wir hoffen", "ich glaube", "wir glauben",
            "ich denke",
        ],
        factWords: ["erste", "ersten", "erster", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                    "elf", "zwölf", "zwanzig", "dutzend", "hälfte", "drittel", "viertel", "doppelt", "verdoppelt",
                    "beispiellos", "beispiellose", "beispiellosen"],
        factStems: ["rekord", "größt", "höchst", "niedrigst", "meist", "hundert", "tausend", "million", "milliard"],
        outlets: """
        Deutsche Presse-Agentur|dpa;Deutschen Presse-Agentur;Nachrichtenagentur dpa|dpa.com
        Süddeutsche Zeitung|SZ;Süddeutschen Zeitung;Süddeutsche|sueddeutsche.de
        Frankfurter Allgemeine Zeitung|FAZ;F.A.Z.;Frankfurter Allgemeinen Zeitung;Frankfurter Allgemeine|faz.net
        Die Zeit|Zeit;Zeit Online|zeit.de
        Die Welt|Welt;Welt am Sonntag|welt.de
        Bild|Bild-Zeitung;Bild am Sonntag|bild.de
        Handelsblatt||handelsblatt.com
        Tagesschau|ARD;tagesschau.de;ARD-Tagesschau|tagesschau.de
        ZDF|ZDFheute|zdf.de
        Mitteldeutscher Rundfunk|MDR|mdr.de
        Norddeutscher Rundfunk|NDR|ndr.de
        Westdeutscher Rundfunk|WDR|wdr.de
        Bayerischer Rundfunk|BR|br.de
        Stern||stern.de
        Focus|Focus Online|focus.de
        taz|die tageszeitung|taz.de
        RedaktionsNetzwerk Deutschland|RND|rnd.de
        Der Tagesspiegel|Tagesspiegel|tagesspiegel.de
        Kieler Nachrichten||kn-online.de
        Evangelischer Pressedienst|epd|epd.de
        Katholische Nachrichten-Agentur|KNA|kna.de
        Austria Presse Agentur|APA|apa.at
        Neue Zürcher Zeitung|NZZ|nzz.ch
        Der Standard|Standard|derstandard.at
        ORF||orf.at
        Keystone-SDA|SDA|keystone-sda.ch
        Spiegel|Der Spiegel;Spiegel Online|spiegel.de
        Deutsche Welle|DW|dw.com
        """
    )
}
