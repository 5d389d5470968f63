/// Word lists that drive extraction, as named data (STYLE.md). Everything is
/// lowercase; matching is on whole words. Each list says why it exists.
enum Lexicon {
    // MARK: Cues

    /// Reporting verbs: a source before them ("X said") or after them, inverted ("…, said X").
    /// Every inflection is listed so matching needs no stemmer.
    static let reportingVerbs: Set<String> = [
        "say", "says", "said", "saying", "tells", "told", "telling",
        "reports", "reported", "reporting", "stated",
        "announce", "announces", "announced", "announcing", "write", "writes", "wrote", "writing",
        "confirm", "confirms", "confirmed", "claims", "claimed", "claiming",
        "add", "adds", "added", "adding", "estimate", "estimates", "estimated",
        "note", "notes", "noted", "noting", "explain", "explains", "explained", "explaining",
        "argue", "argues", "argued", "arguing", "warn", "warns", "warned", "warning",
        "acknowledge", "acknowledges", "acknowledged", "insist", "insists", "insisted",
        "reveal", "reveals", "revealed", "disclose", "discloses", "disclosed",
        "testify", "testifies", "testified", "declare", "declares", "declared", "assert", "asserts", "asserted",
        "tweeted", "posted", "suggest", "suggests", "suggested", "speculate", "speculates", "speculated",
        "allege", "alleges", "alleged", "predict", "predicts", "predicted", "conclude", "concludes", "concluded",
        "admit", "admits", "admitted", "deny", "denies", "denied", "contend", "contends", "contended",
        "stress", "stresses", "stressed", "emphasize", "emphasized", "emphasised", "recall", "recalls", "recalled",
        "asked", "asks", "replied", "responded", "continued", "believe", "believes", 
        "complained", "boasted", "observed", "pointed", "countered", "indicated", "indicates",
        "agreed", "agrees", "quipped", "joked", "remarked", "mentioned", "predicted", "cautioned", "charged", "conceded",
        "learned", "learnt", "found", "finds", "show", "shows", "showed", "shown",
        // Progressive and participle forms ("Trump is stressing that …", ", confirming that …").
        "stressing", "emphasizing", "emphasising", "confirming", "revealing", "disclosing", "predicting", "asserting",
        "declaring", "contending", "alleging", "testifying", "denying", "admitting", "tweeting", "complaining",
        "boasting", "cautioning", "replying", "responding", "speculating", "concluding",
    ]

    /// (Verbs whose source was right in under a third of cases on PolNeAR train — "seems", "want", "plans",
    /// "felt" — are left out: they describe more often than they attribute.)
    /// Stance verbs: the subject takes a position ("Trump criticized the plan", "officials want …"). News
    /// annotation counts them as attributions; claimtrack records them (marked `stance`) but checks only reports.
    static let stanceVerbs: Set<String> = [
        "called", "calling", "calls", "described", "describing", "describes", "criticized", "criticised", "criticizing",
        "criticizes", "accused", "accusing", "accuses", "endorsed", "endorsing", "endorses", "wants", "wanted", "declined",
        "declining", "defended", "defending", "defends", "urged", "urging", "urges", "supported", "supports", "sought",
        "seeking", "seeks", "proposed", "proposing", "proposes", "hopes", "hoped", "hoping", "refused", "refuses",
        "praised", "praising", "praises", "promised", "promising", "promises", "opposed", "opposing", "questioned",
        "questioning", "feared", "fears", "pledged", "pledging", "pledges", "vowed", "vowing", "vows", "dismissed",
        "dismissing", "denounced", "denouncing", "blamed", "blaming", "blames", "rejected", "rejecting", "rejects",
        "attacked", "attacking", "backed", "backing", "think", "thinks", "knows", "know", "insists", "welcomed",
        "welcomes", "slammed", "blasted", "lashed", "mocked", "condemned", "condemns", "condemning", "applauded", "touted",
        "touting", "argues", "warns", "hailed", "predicts", "worried", "worries", "agree", "disagree", "disagreed",
        "disputed", "disputes", "objected", "challenged", "admits", "conceded", "concedes", "signaled", "signalled",
        "vowing", "suggesting", "referring", "recalling", "acknowledging", "explaining", "arguing", "noting", "insisting",
        "claiming", "warning", "describing", "announcing",
        "demand", "demands", "demanded", "demanding", "slamming", "blasting", "mocking", "hailing", "lashing",
        "encouraging", "encouraged", "encourages", "welcoming", "applauding", "objecting", "challenging",
    ]

    /// Verbs that are cues only with a document-like or study-like subject ("the study found", "data show").
    static let findingVerbs: Set<String> = ["found", "finds", "show", "shows", "showed", "shown", "indicated", "indicates", "concluded", "concludes"]

    /// Verbs that are cues only after a person-like source; after other subjects they are ordinary verbs.
    static let weakVerbs: Set<String> = [
        "believe", "believes", "believed", "think", "thinks", "continued", "asked", "asks", "pointed", "learned", "learnt",
        "posted", "charged", "maintained", "maintains", "agreed", "agrees", "note", "add", "report", "state", "claim",
        "added", "adds",  // "the port added 800 jobs": only a speaker adds words
        "estimate", "write", "say", "tell", "show",
    ]

    /// Words before a colon that make a label, not a speaker ("Update:", "Editor's note:").
    static let colonLabels: Set<String> = [
        "note", "update", "updated", "editor", "editors", "photo", "photos", "video", "watch", "read", "related", "source",
        "sources", "tags", "correction", "clarification", "breaking", "live", "exclusive", "analysis", "opinion", "q", "a",
        "question", "answer", "see", "also", "more", "listen", "subscribe", "share", "advertisement", "sponsored", "credit",
        "speech", "tips", "possible", "warning", "disclaimer", "disclosure", "summary", "abstract", "background", "context",
        "http", "https", "www", "posted", "published", "filed", "by", "image", "caption", "transcript", "contact", "email",
        "phone", "address", "date", "time", "location", "where", "when", "what", "why", "how", "who", "here", "there",
        "online", "latest", "the", "fix", "poll", "live", "follow", "timeline", "factbox", "explainer", "watch",
        // A credit line at a story's foot ("Contributing: Kristine Phillips", "Reporting by …", "Additional reporting").
        "contributing", "reporting", "additional", "writing", "editing",
    ]

    /// Words before "that" that are not verbs of saying or thinking ("so that", "means that", "shows that" is a finding).
    static let nonThatVerbs: Set<String> = [
        "means", "meant", "ensured", "ensures", "makes", "made", "provided", "provides", "given", "such", "except", "assumed",
        "caused", "causes", "happens", "happened", "turned", "turns", "seems", "seemed", "appears", "appeared", "was", "is",
        "has", "does", "goes", "comes", "needs", "needed", "ones", "times", "years", "days", "things", "ways", "those", "this",
        "helps", "helped", "allows", "allowed", "requires", "required", "includes", "included", "contains", "contained",
        "shows", "showed", "finds", "found", "indicates", "indicated", "suggests", "sets", "lies", "proves", "proved",
    ]

    /// Verbs whose next word is their object, never an inverted source ("told AFP", "asked reporters").
    static let objectVerbs: Set<String> = ["told", "tell", "tells", "telling", "asked", "asks", "warned", "urged", "reminded"]

    /// Openings of an introductory phrase; the subject comes after its comma ("In an interview with CNN, Trump …").
    static let introWords: Set<String> = [
        "in", "on", "at", "after", "before", "during", "while", "speaking", "asked", "earlier", "later", "last", "meanwhile",
        "however", "but", "and", "when", "since", "as", "with", "for", "from", "according", "despite", "although", "though",
        "yet", "still", "also", "then", "now", "today", "yesterday", "instead", "separately", "previously",
    ]

    /// Auxiliaries that belong to the cue ("has said", "would tell", "has learned").
    static let auxiliaries: Set<String> = ["has", "have", "had", "will", "would", "did", "does", "do", "is", "was", "were", "are", "could", "may", "might"]

    /// Forms of "be" that make a participle passive ("is believed", "was told").
    static let passiveAuxiliaries: Set<String> = ["is", "was", "were", "are", "be", "been", "being"]

    /// Modal auxiliaries: "would add", "could claim" are not reports, except "will say", "would tell".
    static let modalAuxiliaries: Set<String> = ["will", "would", "could", "may", "might", "should", "must", "can"]
    static let sayTell: Set<String> = ["say", "tell", "said", "told"]

    /// Words before a noun: after them "report", "claims" or "estimate" are nouns, not cues.
    static let nounPrecursors: Set<String> = [
        "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "annual",
        "new", "latest", "final", "recent", "monthly", "weekly", "daily", "quarterly", "official", "initial", "special",
        "internal", "independent", "previous", "earlier", "first", "second", "third", "such", "whose", "own", "no", "any",
        "every", "each", "draft", "same", "multiple", "several", "various", "numerous", "conflicting", "unconfirmed",
        "unverified", "media", "news", "press", "pool", "separate", "subsequent", "other", "many", "some",
    ]

    /// Nouns with the endings of adverbs and participles ("a CNN tally", "exit polling data", "a hundred
    /// officials"): inside a noun phrase they do not end it.
    static let nounsWithVerbEndings: Set<String> = [
        "tally", "rally", "ally", "family", "assembly", "supply", "reply", "monopoly", "anomaly", "daily", "weekly",
        "monthly", "quarterly", "polling", "briefing", "hearing", "meeting", "ruling", "filing", "funding", "building",
        "spending", "finding", "ranking", "rating", "reading", "recording", "training", "landing", "offering", "opening",
        "setting", "shooting", "bombing", "housing", "lending", "marketing", "banking", "fundraising", "accounting",
        "hundred", "kindred", "seed", "need", "creed", "speed", "bed", "shed", "red",
    ]

    /// Month and day words that are also names ("Theresa May", "USA Today"): after a capitalised word they
    /// end a name instead of starting a time phrase.
    static let timeWordsInNames: Set<String> = ["may", "june", "april", "august", "today"]

    /// Cue words that are also nouns ("the report", "his claims").
    static let nounVerbs: Set<String> = [
        "report", "reports", "claim", "claims", "estimate", "estimates", "note", "notes", "tweet", "tweets", "show", "shows",
        "finds", "state", "states", "warning", "post", "posted", "stress", "review", "add", "say", "believe", "think",
    ]

    /// Words between a description and what it belongs to ("a study published in X", "people familiar with the talks").
    static let postnominalLinks: Set<String> = [
        "published", "released", "issued", "conducted", "commissioned", "funded", "led", "familiar", "close", "knowledgeable",
        "briefed", "involved", "working", "based", "speaking", "compiled", "taken", "obtained", "reviewed", "cited", "filed",
    ]

    /// Adverbs between a source and its verb; skipped when looking for the source ("he also said").
    static let interveningAdverbs: Set<String> = [
        "also", "later", "previously", "recently", "repeatedly", "then", "again", "once", "reportedly", "publicly",
        "privately", "earlier", "often", "never", "always", "frequently", "initially", "first", "last", "now", "still",
        "further", "separately", "simply", "bluntly", "flatly", "angrily", "openly", "quietly", "confidently", "famously", "not",
    ]

    /// Words that never open a source: a clause or an adverb stands before the speaker ("Despite media
    /// pronouncements", "then Clinton said"). Measured on PolNeAR train, where each opens fewer sources
    /// than it precedes.
    static let sourceOpenersToDrop: Set<String> = [
        "despite", "as", "then", "now", "still", "later", "and", "but", "because", "although", "though", "while", "if",
        "when", "whether", "since", "once", "everything",
    ]

    /// Adverbs that join the cue they stand before ("also said", "still insists"), besides those in -ly.
    static let cueAdverbs: Set<String> = [
        "also", "later", "then", "again", "once", "often", "never", "always", "first", "now", "still", "further",
        "not", "just", "even", "already", "long", "since",
    ]

    /// Everything that can stand inside a verb group between its subject and its verb: auxiliaries,
    /// modals and the adverbs above ("Clinton has also repeatedly said"). One set, looked up once per token.
    static let verbGroupFillers: Set<String> = auxiliaries.union(passiveAuxiliaries).union(modalAuxiliaries)
        .union(cueAdverbs).union(interveningAdverbs)

    /// Where something was said that news annotation keeps out of the cue ("said in an interview").
    static let settingsOutsideCues: Set<String> = ["interview", "interviews", "email", "e-mail", "speech", "call", "appearance", "briefing"]

    /// Multi-word cues followed by their source ("according to X").
    static let prepositionalCues: [[String]] = [
        ["according", "to"], ["as", "reported", "by"], ["as", "reported", "in"], ["reported", "by"], ["citing"],
        ["quoted", "by"], ["quoting"], ["per"],
    ]

    /// Words that introduce a list of sources after "according to" ("reports from A, B and C").
    static let reportsFrom: [[String]] = [["reports", "from"], ["reports", "by"], ["reports", "in"], ["a", "report", "by"], ["a", "report", "from"], ["reporting", "by"]]

    // MARK: Sources

    /// Dashes that sign a quotation with its speaker's name ("…” ― Sonya Herridge").
    static let signatureDashes: Set<String> = ["―", "—", "–"]

    /// Subjects that name nothing by themselves ("It shows", "This suggests").
    static let demonstrativeSubjects: Set<String> = ["it", "this", "that", "these", "those", "which"]

    /// Words that open a request to the reader, never a speaker: "Please note that …" is not an
    /// attribution to someone called "Please".
    static let imperativeOpeners: Set<String> = ["please", "kindly"]

    static let personalPronouns: Set<String> = ["he", "she", "i", "we", "you", "they", "it", "who", "which"]

    /// Nouns for one person that are not offices: after "the", "his", "a" … they describe someone a
    /// later "he" or "she" may mean ("his father", "a woman", "the actress"). Such a description is
    /// that person only when an appositive names it; otherwise it stands between a pronoun and an
    /// older name, and the pronoun keeps no name. The gender, where the noun tells one.
    static let personNouns: [String: Extractor.Gender?] = [
        "father": .male, "mother": .female, "son": .male, "daughter": .female, "brother": .male, "sister": .female,
        "husband": .male, "wife": .female, "uncle": .male, "aunt": .female, "nephew": .male, "niece": .female,
        "grandfather": .male, "grandmother": .female, "boyfriend": .male, "girlfriend": .female, "widow": .female,
        "widower": .male, "man": .male, "woman": .female, "boy": .male, "girl": .female, "actress": .female,
        "actor": .male, "spokesman": .male, "spokeswoman": .female, "businessman": .male, "businesswoman": .female,
        "parent": nil, "child": nil, "partner": nil, "friend": nil, "neighbor": nil, "neighbour": nil, "lawyer": nil,
        "attorney": nil, "doctor": nil, "victim": nil, "suspect": nil, "witness": nil, "teacher": nil, "student": nil,
        "officer": nil, "spokesperson": nil, "driver": nil, "resident": nil, "owner": nil, "agent": nil,
        "executive": nil, "founder": nil, "colleague": nil, "relative": nil, "cousin": nil, "player": nil,
        "coach": nil, "singer": nil, "writer": nil, "author": nil, "researcher": nil, "scientist": nil,
        "professor": nil, "analyst": nil, "official": nil, "employee": nil, "worker": nil, "patient": nil,
        "reporter": nil, "correspondent": nil, "editor": nil, "journalist": nil, "columnist": nil,
    ]

    /// Endings of plurals that name people by what they do ("oceanographers", "economists",
    /// "physicians", "residents"): such a crowd can speak ("…, say oceanographers").
    static let agentPluralEndings = ["ers", "ists", "ians"]
    /// Plurals with those endings that name no people: "papers", "matters", "numbers".
    static let agentPluralExceptions: Set<String> = [
        "papers", "matters", "numbers", "orders", "letters", "waters", "centers", "computers", "headquarters",
        "powers", "borders", "layers", "filters", "others", "chapters", "towers", "rivers", "markers", "meters",
    ]

    /// Articles and possessives: a cue right after one is an adjective ("the alleged killer", "a
    /// reported 300 cases"), and a source of nothing else is no source.
    static let articles: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"]

    /// Verbs right after a plural noun that make it part of a compound subject, not a cue: "The crew
    /// lists showed …", "the company reports are …".
    static let compoundFollowers: Set<String> = [
        "is", "are", "was", "were", "show", "showed", "shows", "include", "included", "includes", "have", "has", "had",
        "revealed", "indicated", "suggested", "listed", "named",
    ]
    /// Cues that are also plural nouns, which the compound rule above may take for one.
    static let pluralNounCues: Set<String> = ["lists", "reports", "notes", "claims", "records", "counts", "tallies", "figures", "states"]
    /// Cues that are also nouns, which a possessive before them shows they are: "Swift’s claims",
    /// "the group's claim", "Spain’s hopes".
    static let possessedNounCues: Set<String> = [
        "claim", "claims", "report", "reports", "hopes", "fears", "notes", "pledges", "statements", "warnings", "promises",
    ]
    /// Cues that are also adjectives before a noun: "the alleged killer", "a reported 300 cases".
    static let adjectivalCues: Set<String> = [
        "alleged", "reported", "claimed", "purported", "so-called", "said", "stated", "announced", "rumored", "rumoured",
        "suspected", "accused", "confirmed", "estimated", "publishing", "leading", "ruling",
    ]

    /// Words after "A and B" that are not part of B: "he and Rice both said".
    static let coordinationTails: Set<String> = ["both", "all", "each", "also", "together", "jointly"]

    /// Reporting verbs whose passive names its speaker after "by": "was disputed by Jane Holt".
    static let passiveReportingVerbs: Set<String> = [
        "disputed", "confirmed", "denied", "announced", "criticized", "criticised", "rejected", "questioned",
        "challenged", "contradicted", "endorsed", "praised", "condemned", "claimed", "alleged", "stated", "described",
        "estimated", "predicted", "revealed", "disclosed", "cited", "quoted", "dismissed", "echoed", "refuted",
    ]

    /// Words that make a description definite: "the minister", "his lawyer" point at one known referent.
    static let definiteOpeners: Set<String> = ["the", "his", "her", "their", "its"]

    /// Words that open a relative clause inside a source: "The group that owns her music, Big Machine".
    static let relativeWords: Set<String> = ["that", "which", "who", "whom", "whose"]

    /// Nouns for what a person does, not whom they are related to: "Eyamba Sowers … The real estate
    /// agent said" is Sowers, but "Tom Reyes … The father said" is not Tom Reyes. No offices: "the
    /// governor" is whoever holds that title ("Lt. Gov. Ray Ortiz … The governor said" is someone else).
    static let occupationNouns: Set<String> = [
        "actress", "actor", "businessman", "businesswoman", "agent", "executive", "founder", "player", "coach", "singer",
        "writer", "author", "researcher", "scientist", "professor", "analyst", "economist", "reporter", "correspondent",
        "editor", "journalist", "columnist", "neurologist", "physician", "surgeon", "engineer", "entrepreneur", "investor",
        "artist", "musician", "producer", "historian", "astronomer", "biologist", "physicist", "chemist",
        "lawmaker", "legislator", "politician", "candidate", "star", "rapper", "comedian", "novelist", "poet", "designer", "architect", "chef", "pilot", "astronaut", "activist",
    ]

    /// Words that open a description of one person: "the father", "his lawyer", "a woman".
    static let personDeterminers: Set<String> = ["the", "his", "her", "their", "a", "an", "my", "our", "its"]

    /// Titles that open a person's name ("Sen. Graham", "President Barack Obama").
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "rev", "sir", "dame", "lord", "lady",
        "president", "senator", "governor", "secretary", "minister", "chancellor", "judge", "justice", "mayor",
        "representative", "congressman", "congresswoman", "speaker", "ambassador", "director", "chairman", "chairwoman",
        "commissioner", "general", "professor", "king", "queen", "prince", "pope", "attorney", "chief", "deputy", "premier",
        "adm", "admiral", "vice", "former", "state", "prime", "foreign", "defense", "interior", "pres", "ceo",
    ]

    /// The office a title abbreviation stands for, so that "the senator" finds "Sen. Jane Holt".
    static let titleAbbreviations: [String: String] = [
        "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president",
        "prof": "professor", "dr": "doctor", "adm": "admiral", "capt": "captain", "col": "colonel", "lt": "lieutenant",
        "sgt": "sergeant", "rev": "reverend",
    ]

    /// Honorifics that tell a person's gender: "Mr. Reyes" is a "he", "Ms. Holt" a "she".
    static let honorificGenders: [String: Extractor.Gender] = [
        "mr": .male, "sir": .male, "lord": .male, "mrs": .female, "ms": .female, "miss": .female, "dame": .female, "lady": .female,
    ]

    /// Titles that make a run of capitalised words a person's name wherever they stand in it ("Afghan
    /// President Ashraf Ghani"): not the words that also name places, departments or companies ("State",
    /// "Defense", "General Electric").
    static let personTitles: Set<String> = titles.subtracting(["vice", "former", "state", "prime", "foreign", "defense", "interior",
                                                               "chief", "deputy", "general"])

    /// Prepositions after which a name is a place or an employer, not the person a source is: "a
    /// woman from Fort Pierce", "the organist at the Midway Baptist Church".
    static let prepositions: Set<String> = ["of", "at", "from", "in", "on", "for", "with", "by", "near"]

    /// Words that may end a person's name after the surname: "Martin Luther King Jr.".
    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// First names the census lists (`GivenNames`) give one gender and other languages the other:
    /// Italian men are Andrea, Nicola, Simone, Michele, Daniele and Gabriele; Russian men Sasha,
    /// Misha, Nikita, Yuri and Valery.
    static let givenNamesOfEitherGender: Set<String> = ["andrea", "nicola", "simone", "michele", "daniele", "gabriele",
                                                        "sasha", "misha", "nikita", "yuri", "valery"]

    /// Offices a description of a person is named by ("the governor said", "the prime minister added"): the
    /// titles that are words of their own, and what the abbreviations stand for.
    static let offices: Set<String> = titles.subtracting(["mr", "mrs", "ms", "sir", "dame", "lord", "lady", "vice", "former", "state",
                                                           "prime", "foreign", "defense", "interior", "chief", "deputy"]
                                                          + Array(titleAbbreviations.keys)).union(titleAbbreviations.values)

    /// Descriptions any organisation may go by without its name holding the word: "the Tax Policy
    /// Center … the group said". Other heads need the name to hold them: "the ministry" is not the
    /// Congressional Budget Office, nor "the bank" Acme Corp.
    static let genericOrganizationHeads: Set<String> = ["group", "organization", "organisation", "network", "agency"]

    /// Descriptions of a company, which fit a name with a company's marker or none: "Acme Corp. …
    /// the company said", "Apple … the firm", not "the Harbor Authority … the company".
    static let companyHeads: Set<String> = ["company", "firm", "corporation", "automaker", "carmaker", "retailer", "startup",
                                            "conglomerate", "chipmaker", "airline", "label"]
    static let companyMarkers: Set<String> = ["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "company", "firm", "group", "holdings"]

    /// Heads of appositives that make the name before them an organisation or an outlet ("Ascom, a global
    /// solutions provider", "InfoNation, a Sugar Land-based provider of automobile data", "the People’s
    /// Daily, the mouthpiece of the Communist party"), besides `companyHeads` and `organizationMarkers`.
    static let organizationAppositiveHeads: Set<String> = [
        "provider", "maker", "producer", "manufacturer", "developer", "operator", "giant", "nonprofit", "non-profit",
        "charity", "brand", "chain", "supplier", "platform", "lender", "insurer", "broker", "distributor", "publisher",
        "subsidiary", "unit", "affiliate", "conglomerate", "watchdog", "regulator", "tank", "outfit", "consultancy",
        "studio", "label", "franchise", "club",
    ]
    static let outletAppositiveHeads: Set<String> = [
        "newspaper", "mouthpiece", "broadcaster", "outlet", "tabloid", "magazine", "daily", "weekly", "newswire", "channel",
    ]

    /// Heads of sources that name nobody: anonymous ones stand for a hidden person,
    /// vague ones for an unnamed crowd.
    static let anonymousHeads: Set<String> = [
        "source", "sources", "insider", "insiders", "person", "people", "official", "officials", "aide", "aides",
        "diplomat", "diplomats", "staffer", "staffers", "employee", "employees", "operative", "operatives",
        "whistleblower", "informant", "someone", "individual", "individuals", "adviser", "advisers", "advisor", "advisors",
        "authorities", "spokesman", "spokeswoman", "spokesperson",
    ]
    /// The plural anonymous heads: many unnamed people are a vague source, not an anonymous one.
    static let anonymousPlurals: Set<String> = [
        "sources", "insiders", "people", "officials", "aides", "diplomats", "staffers", "employees", "operatives",
        "individuals", "advisers", "advisors", "authorities",
    ]
    static let vagueHeads: Set<String> = [
        "experts", "expert", "analysts", "analyst", "critics", "observers", "commentators", "scientists", "researchers",
        "others", "some", "many", "most", "several", "reports", "studies", "agencies", "dissidents", "activists",
        "economists", "pundits", "voters", "residents", "witnesses", "specialists", "skeptics", "sceptics", "rumors",
        "rumours", "media", "outlets", "pundits", "watchers", "supporters", "opponents", "users", "locals", "everyone",
        "everybody", "nobody", "they", "accounts", "circles", "groups", "governments", "intelligence",
    ]

    /// Quantifiers that make a source vague however specific its noun ("multiple sources", "some experts").
    static let vagueQuantifiers: Set<String> = [
        "multiple", "various", "several", "some", "many", "numerous", "unnamed", "anonymous", "unidentified", "other",
        "others", "certain", "few", "countless", "most",
    ]

    /// Heads of documents ("the report found", "a study published in X").
    static let documentHeads: Set<String> = [
        "report", "study", "survey", "statement", "paper", "analysis", "data", "poll", "filing", "memo", "letter",
        "document", "documents", "records", "research", "findings", "audit", "review", "release", "census", "figures",
        "estimates", "complaint", "lawsuit", "indictment", "ruling", "transcript", "email", "emails", "tweet", "post",
        "article", "book", "investigation", "assessment", "forecast", "index", "dataset", "statistics",
        "reports", "filings", "polls", "surveys", "studies", "results", "files", "analyses", "numbers", "estimates", "memos",
        "letters", "transcripts", "statements", "audits", "reviews", "investigations", "projections", "returns",
        // What a record shows: "The scan showed", "Tests found", "the state's finances website", "her testimony".
        "scan", "scans", "test", "tests", "script", "website", "testimony", "video", "footage", "recording", "database",
        // Texts of the web and the phone: "A series of text messages", "the posts".
        "messages", "texts", "posts", "tweets", "videos", "recordings",
        // What witnesses give: "eyewitness accounts corroborated by video footage".
        "accounts",
    ]

    /// Capitalised words that make a name a news outlet even when the directory does not know it ("Harbor Gazette").
    static let outletNameWords: Set<String> = [
        "gazette", "times", "post", "herald", "journal", "tribune", "chronicle", "daily", "press", "magazine", "telegraph",
        "courier", "observer", "standard", "mail", "globe", "inquirer", "bulletin", "monitor", "dispatch", "examiner",
        "newspaper", "broadcasting", "radio", "television", "newswire", "wire", "weekly", "news",
    ]

    /// Words that make a capitalised name an organisation rather than a person.
    static let organizationMarkers: Set<String> = [
        "ministry", "department", "agency", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "university",
        "commission", "council", "committee", "party", "government", "authority", "bureau", "office", "police", "institute",
        "association", "bank", "court", "fund", "organization", "organisation", "board", "service", "group", "campaign",
        "administration", "foundation", "center", "centre", "society", "union", "federation", "network", "agency", "army",
        "navy", "force", "forces", "club", "league", "senate", "house", "congress", "parliament", "cabinet", "embassy",
        "consulate", "team", "firm", "school", "college", "hospital", "museum", "lab", "laboratory", "security", "intelligence",
        "coalition", "alliance", "trust", "exchange", "reserve", "treasury", "pentagon", "kremlin", "whitehouse", "nations",
        "secretariat", "regulator", "tribunal", "directorate", "command", "guard", "county", "city", "state", "states",
        "republic", "kingdom", "fbi", "cia", "nsa", "who", "un", "eu", "nato", "imf", "opec", "mss",
        // Words that end company and charity names ("Amnesty International", "Dick Clark Productions").
        "international", "productions", "studios", "industries", "enterprises", "technologies", "pharmaceuticals",
        "airlines", "airways", "motors", "labs", "ventures", "unions",
    ]

    /// Words that end a source phrase when walking away from the cue: they cannot be inside a name or description.
    static let sourceStops: Set<String> = [
        "that", "which", "when", "where", "while", "if", "because", "as", "but", "so", "than", "then", "though", "although",
        "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "not", "to", "it", "its", "this", "these",
        "those", "there", "here", "what", "why", "how", "and", "or", "nor", "yet", "after", "before", "since", "until",
        "on", "in", "into", "at", "about", "over", "under", "during", "against", "between", "through", "without",
        "would", "will", "could", "should", "can", "may", "might", "must", "do", "does", "did", "also", "just", "even",
        "only", "not", "never", "very", "more", "less", "however", "meanwhile", "yesterday", "today", "tomorrow", "tonight",
        "now", "said", "says", "say", "told", "tells", "i", "we", "you", "he", "she", "they", "him", "her", "them", "us", "me",
        "all", "both", "each", "every", "no", "any", "well", "too", "by", "with", "from", "up", "out", "off", "down",
        "please", "let", "let's", "lets", "of",
    ]

    /// Determiners and possessives that open a description ("the campaign", "a source", "his spokesman").
    static let determiners: Set<String> = [
        "the", "a", "an", "another", "one", "two", "three", "four", "five", "several", "some", "many", "multiple", "most",
        "his", "her", "their", "its", "our", "my", "your", "other", "various", "numerous", "certain", "few", "both", "these", "those",
    ]

    /// Prepositions that join a role to its organisation ("a spokesman for the ministry").
    static let sourceLinkers: Set<String> = ["for", "of", "at", "with", "from", "in", "on"]

    /// Words that mark time and never name a source ("on Tuesday", "in March").
    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "day", "today", "yesterday",
        "past", "time", "moment", "summer", "winter", "spring", "fall", "autumn",
    ]

    // MARK: Hedges

    /// Hedges, longest first so "is believed to" wins over "believed".
    static let hedges: [String] = [
        "it is believed", "is believed to", "are believed to", "was believed to", "were believed to", "is thought to",
        "are thought to", "is said to", "are said to", "is alleged to", "is reported to", "is understood to", "is suspected of",
        "may have", "might have", "could have", "would have", "appears to", "appear to", "seems to", "seem to",
        "allegedly", "reportedly", "purportedly", "supposedly", "apparently", "possibly", "probably", "presumably",
        "rumored", "rumoured", "unconfirmed", "unverified", "suspected", "likely", "perhaps", "may", "might", "could",
        "is presumed to", "are presumed to", "was presumed to", "presumed", "an estimated", "is estimated to",
        "are estimated to", "believed to have", "thought to have", "said to have",
    ]

    /// Hedges that are a hedge only in lower case: "May" is a month or Theresa May.
    static let lowercaseOnlyHedges: Set<String> = ["may"]

    // MARK: Claim filter

    /// First words of imperatives and calls to action: not claims.
    static let imperativeStarts: Set<String> = [
        "click", "subscribe", "share", "sign", "join", "read", "follow", "download", "register", "unlock", "please", "tap",
        "watch", "listen", "donate", "contact", "email", "visit", "learn", "discover", "buy", "order", "try", "check",
        "see", "don't", "do", "let's", "lets", "like", "comment", "send", "get", "find", "explore", "consider", "imagine",
        "remember", "note", "enter", "continue", "scroll", "go", "call", "text", "support", "become", "start", "make",
    ]

    /// Phrases that mark site furniture anywhere in a sentence.
    static let callToActionPhrases: [String] = [
        "click here", "subscribe to", "subscribe now", "sign up", "join our", "read more", "advertisement", "all rights reserved",
        "newsletter", "follow us", "share this", "share on", "cookie", "our authors team", "terms of service", "privacy policy",
        "log in", "create an account", "support our journalism", "continue reading", "related articles", "recommended for you",
        // Contact and social lines, subscription blurbs and credits: no claim in them.
        "may be reached at", "can be reached at", "be reached at", "reach him at", "reach her at", "follow him on",
        "follow her on", "follow them on", "on twitter at", "on twitter @", "photo by", "photos by", "photograph by",
        "getty images", "contributed to this report", "contributed reporting", "already a subscriber", "subscribers only",
        "to continue reading", "originally published", "originally appeared", "for the latest news", "sign in to",
        // Nothing said: "We have no further comment," they said.
        "no further comment", "no comment at this time",
        // Embedded posts and promotion: "Good luck my friend. pic.twitter.com/…", "top headlines … are here".
        "pic.twitter.com", "headlines are here", "headlines for",
    ]

    /// Openings of notes to editors, bylines and labels: the whole paragraph is not article prose.
    static let nonProseOpenings: [String] = [
        "(note:", "note:", "note to editors", "notes to editors", "editor's note", "editor’s note", "editors' note", "by ",
        "photo:", "image:", "credit:", "posted by", "updated:", "published:", "source:", "sources:", "tags:", "filed under",
        "copyright", "©", "disclaimer:", "disclosure:", "speech tips", "[", "advertisement",
    ]

    /// Words that make a sentence normative or about the writer rather than a checkable fact.
    static let opinionMarkers: [String] = [
        " should ", " must ", " need to ", " it is important to ", " it is imperative ", " it is worth noting ",
        " we will ", " we can ", " we need ", " we must ", " let’s ", " let's ", " in this blog post", " in this article",
        " i think ", " in my opinion", " we mean ",
    ]

    /// Words that make reported content without a fact a forecast or a view: "experts say the upside
    /// will be capped", "… should not turn into misplaced optimism, experts say". Not "would", "could"
    /// or "may": "it was withholding the names until next of kin could be told" reports a fact.
    static let viewWords: Set<String> = [
        "will", "should", "must", "likely", "unlikely", "expect", "expects", "hope", "hopes", "believe", "believes",
        "think", "thinks", "feel", "feels", "probably", "perhaps", "maybe", "optimism", "optimistic", "pessimistic",
        "confident", "important", "essential", "crucial",
    ]

    /// Words that make a quotation without a fact a view rather than a report: the generic "you", and
    /// words of judgement or feeling ("difficult", "really happy"). Not "I" or "we" ("we have agreed to
    /// grant all licenses" reports what a company did); "us" only as in "difficult for us".
    static let subjectiveWords: Set<String> = [
        "you", "your", "you're", "you’re", "us",
        "very", "really", "great", "good", "bad", "best", "worst", "difficult", "hard", "tough", "easy",
        "happy", "proud", "sad", "excited", "exciting", "amazing", "incredible", "unbelievable", "terrible",
        "awful", "wonderful", "fantastic", "beautiful", "love", "hate", "hope", "feel", "felt", "think", "believe",
        "should", "must", "important", "crazy", "special",
        // Wants, certainty and speculation without a fact: "I just want to be able to perform my own
        // music", "I'm sure it happens much more than we realize", "they may uncover things".
        "want", "wants", "wanted", "needed", "sure", "realize", "realise", "may", "might", "shouldn't", "shouldn’t",
        "thought", "pressure", "well",
        // Thanks and feelings: "I'm so grateful", "The quality of the squad excites me".
        "grateful", "thankful", "thanks", "excites", "luck", "nightmare", "shame", "lovely", "blessed", "honored",
        "honoured", "thrilled", "delighted", "glad", "sorry", "heartbroken", "devastated", "grieve", "emotional",
    ]

    /// Words that make a quotation speak of what is yet to come: "we'll have to get closer", "it's going to be".
    static let futureMarkers: Set<String> = ["will", "we'll", "we’ll", "i'll", "i’ll", "it'll", "it’ll", "they'll", "they’ll", "gonna"]

    /// Words of praise and feeling that make a quotation without a figure a view even when it names
    /// people or places: "Governor Bevin has done a wonderful job for the people of Kentucky!", "We're
    /// truly excited about the Denver show". A narrower list than `subjectiveWords`, which a quotation
    /// with a name passes.
    static let praiseWords: Set<String> = [
        "wonderful", "great", "fantastic", "amazing", "incredible", "terrific", "awesome", "excellent", "brilliant",
        "lovely", "beautiful", "excited", "thrilled", "delighted", "proud", "grateful", "thankful", "honored", "honoured",
        "blessed", "heartbroken", "devastated", "nightmare", "terrible", "awful", "horrible", "disgraceful", "shameful",
    ]

    /// Openings of the writer's asides, before a comma: "Of course, you might …", "If anything, this
    /// was …", "Yes, that’s it.", "Oh, no." (not "Yes this is real": no comma).
    static let asideOpenings: [[String]] = [
        ["of", "course"], ["if", "anything"], ["yes"], ["oh"], ["obviously"], ["clearly"], ["frankly"], ["honestly"],
        ["needless", "to", "say"], ["admittedly"], ["arguably"], ["surely"], ["wow"], ["sadly"], ["hopefully"],
    ]

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// After an opening "If", what would happen rather than what did: "If he doesn't play, Clark would start".
    static let conditionalModals: Set<String> = ["would", "could", "might"]

    /// Words that put a sentence in someone's own voice: no event is narrated in them ("We were thrilled").
    static let personalVoice: Set<String> = ["i", "we", "you", "me", "us", "my", "our", "your", "i'm", "i’m", "we're", "we’re"]

    /// Verbs that tell something happened: "was", "had", "left", "ran" (and any "-ed" form).
    static let pastTenseMarkers: Set<String> = [
        "was", "were", "had", "did", "ran", "left", "lost", "won", "took", "gave", "found", "made", "went", "came",
        "began", "fell", "rose", "grew", "sold", "bought", "paid", "met", "led", "held", "kept", "sent", "spent",
        "built", "broke", "caught", "fought", "hit", "shot", "struck", "stole", "threw", "wrote", "drove", "flew", "died",
    ]

    /// Words of manner that make what a person said a joke, not a claim: "'I almost died there,' Bublik
    /// said, jokingly."
    static let jokingWords: Set<String> = ["jokingly", "joked", "joking", "quipped", "quips", "laughed", "laughing", "teased"]

    /// Openings of a quotation that give the speaker's own view, even of named things: "I think Guido
    /// helped me a lot", "I feel like we were the better team".
    static let viewOpenings: [[String]] = [
        ["i", "think"], ["i", "believe"], ["i", "feel"], ["i", "hope"], ["i", "guess"], ["i", "thought"], ["we", "think"],
        ["we", "believe"], ["we", "hope"], ["we", "feel"], ["thought", "i"],
    ]

    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words before "of" that leave the head to the noun after it ("a whole lot of people", "a series of
    /// text messages", "a number of analysts").
    static let partitiveHeads: Set<String> = [
        "lot", "lots", "series", "number", "couple", "handful", "bunch", "group", "range", "host", "majority", "minority",
        "dozens", "hundreds", "thousands", "millions", "some", "many", "most", "several", "all", "none", "few",
    ]
    /// Words that end a source's head besides the linkers ("activists outside Iran", "reports received by Amnesty").
    static let headEnders: Set<String> = ["by", "outside", "inside", "across", "around", "near", "including", "like", "such", "who", "that"]
    /// Plural nouns for people that are never names, even capitalised at a sentence's start ("Teachers say",
    /// "Traders said", "Republicans argued"), and "percent" of a poll ("Fifty-one percent say"). The
    /// endings rule (`agentPluralEndings`) is not enough alone: "Sanders" and "Rogers" are surnames.
    static let crowdNouns: Set<String> = [
        "percent", "%", "teachers", "traders", "investors", "protesters", "protestors", "demonstrators", "lawmakers",
        "legislators", "republicans", "democrats", "conservatives", "liberals", "parents", "students", "doctors",
        "nurses", "workers", "farmers", "fans", "citizens", "consumers", "customers", "shoppers", "drivers", "passengers",
        "patients", "members", "friends", "neighbors", "neighbours", "relatives", "families", "officers", "prosecutors",
        "investigators", "executives", "scholars", "historians", "engineers", "players", "americans", "respondents",
        "participants", "viewers", "readers", "listeners", "users", "people", "authorities", "officials", "experts",
        "scientists", "researchers", "analysts", "critics", "economists", "activists", "residents", "witnesses",
    ]
    /// What makes "media" one outlet rather than a crowd of them ("State media reported").
    static let stateMediaModifiers: Set<String> = ["state", "state-run", "state-owned", "state-controlled", "official", "government", "government-run"]

    /// Heads of quantities that open a source ("a majority of voters", "three-quarters of the voters").
    static let quantityHeads: Set<String> = [
        "majority", "minority", "plurality", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "most",
        "many", "some", "all", "none", "few", "share", "number", "percent", "%", "each", "one", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions", "several", "both", "any",
    ]
    static let quantityLeads: Set<String> = ["about", "some", "nearly", "almost", "roughly", "around", "over", "more", "than", "a", "an", "the", "only", "just", "fully"]

    /// Number words that make a sentence checkable ("two years", "millions of records").
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
        "billions", "trillion", "dozen", "dozens", "half", "third", "quarter", "percent", "per cent", "twice", "double",
        "triple", "first", "second", "largest", "biggest", "smallest", "highest", "lowest", "most", "record",
    ]

    /// Sentence-initial words that are capitalised only because they start a sentence.
    static let commonSentenceStarts: Set<String> = [
        "the", "a", "an", "in", "on", "at", "as", "this", "that", "these", "those", "it", "its", "but", "and", "or", "so",
        "however", "first", "to", "for", "with", "by", "from", "after", "before", "when", "while", "if", "although",
        "some", "others", "many", "most", "all", "there", "here", "what", "how", "why", "we", "our", "they", "their",
        "he", "she", "his", "her", "using", "according",
    ]

    /// Prepositions and adverbs that open a sentence, never a name there: "Like Instagram, …", "Under
    /// NASA's plan". They also open a fronted phrase before the subject ("In a statement, Holt said").
    static let sentenceOpeners: Set<String> = prepositions.union([
        "like", "unlike", "under", "despite", "among", "during", "since", "until", "without", "about", "against",
        "meanwhile", "still", "yet", "now", "then", "also", "instead", "later", "earlier", "today", "asked",
        "according", "after", "before", "when", "while", "although", "as", "however", "but", "and", "so", "if",
    ])

    /// First words of places' names, which make a run of capitalised words no one's name: "West
    /// Virginia", "New Mexico", "San Diego", "Fort Pierce".
    static let placeLeads: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new", "san", "santa", "los",
        "las", "el", "fort", "saint", "st", "port", "lake", "mount", "upper", "lower", "central", "greater", "united",
    ]

    /// Acronyms of countries and unions: places, never the organisation "the company" or "it" is.
    static let placeAcronyms: Set<String> = ["us", "u.s", "u.s.", "usa", "uk", "u.k", "u.k.", "eu", "uae", "un", "u.n", "u.n."]

    // MARK: Sentences

    /// Abbreviations whose period does not end a sentence. Titles always precede a name;
    /// months and "No." precede a number; the rest rarely end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
        "maj", "cmdr", "adm", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "messrs", "mme", "mlle",
        "inc", "ltd", "co", "corp", "bros", "llc", "plc", "dept", "univ", "assn", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "ch", "sec", "cit", "ibid",
        "vs", "v", "etc", "e.g", "i.e", "cf", "al", "approx", "viz",
        // US state abbreviations of the AP style; those that are also English words ("Ill.", "Miss.", "Wash.") are left out.
        "blvd", "rd", "hwy", "ky", "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga",
        "kan", "kans", "md", "mich", "minn", "nev", "okla", "tenn", "tex", "va", "vt", "wis", "wyo",
    ]

    /// Abbreviations that end a sentence when the next word starts one ("… in the U.S. The …", "… etc. Then …").
    static let sentenceFinalAbbreviations: Set<String> = ["etc", "inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m"]

    /// Words that begin a new sentence after an ambiguous abbreviation.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "i", "this", "that", "these",
        "those", "there", "his", "her", "their", "its", "our", "as", "after", "before", "when", "while", "if", "however",
        "meanwhile", "still", "yet", "so", "then", "for", "some", "many", "most", "according", "officials", "one",
    ]
}
