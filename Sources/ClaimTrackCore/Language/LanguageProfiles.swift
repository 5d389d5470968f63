/// The language detector's data (STYLE.md: heuristics as named data). `LanguageDetector` reads
/// the script of the letters first; Latin-script text is then told apart by these stopwords.
enum LanguageProfiles {
    /// Frequent function words per Latin-script language, lowercased. Words shared by languages
    /// ("de" in es, pt, fr and nl; "en" in es and fr) are listed under each, so they add to all
    /// and decide nothing. Words that are also frequent English words are left out of the other
    /// languages ("in", "also" and "will" are German, "as" Portuguese, "of" and "is" Dutch, but
    /// English far more often); "die" stays German and Dutch, as English news rarely has it.
    /// Elided articles split at the apostrophe: "l'État" gives "l".
    static let stopwords: [(code: String, words: [String])] = [
        ("en", ["the", "and", "of", "to", "is", "was", "that", "for", "with", "on", "are", "it", "as", "by", "said", "from",
                "at", "has", "have", "were", "be", "this", "which", "not", "but", "their", "its", "an", "they", "will",
                "would", "been", "had", "who", "he", "she", "his", "her", "after", "about", "more", "than", "also"]),
        ("de", ["der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "sich", "auf", "für", "ein", "eine",
                "einen", "einer", "eines", "auch", "wird", "wurde", "werden", "sind", "hat", "haben", "bei", "nach", "aus",
                "oder", "aber", "noch", "dass", "sagte", "über", "zum", "zur", "im", "wie", "als", "am", "es", "sie",
                "er", "vor", "seit", "nur", "wir", "ich", "mehr", "sei", "laut"]),
        ("fr", ["le", "la", "les", "des", "est", "et", "une", "un", "du", "dans", "pour", "qui", "que", "pas", "sur", "au",
                "aux", "avec", "ce", "cette", "sont", "il", "elle", "ont", "été", "selon", "mais", "ou", "par", "plus",
                "leur", "ses", "l", "d", "qu", "de", "en", "ne", "se", "nous", "vous", "ils", "dit", "a"]),
        ("es", ["el", "los", "las", "del", "que", "en", "y", "es", "por", "con", "una", "para", "se", "su", "sus", "al",
                "lo", "como", "más", "pero", "fue", "ha", "han", "según", "está", "este", "esta", "entre", "sobre",
                "también", "muy", "de", "la", "un", "dijo", "sin", "hay", "desde", "ya", "porque"]),
        ("pt", ["o", "os", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "um", "uma", "que", "não", "com",
                "para", "por", "se", "é", "foi", "ao", "pelo", "pela", "mais", "seu", "sua", "também", "segundo", "são",
                "está", "disse", "já", "entre", "de", "e", "ele", "ela", "mas", "como", "sobre", "após"]),
        ("it", ["il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "è", "e", "un", "una", "per",
                "non", "con", "sono", "nel", "nella", "ha", "hanno", "anche", "al", "alla", "da", "dal", "più", "ma",
                "come", "secondo", "stato", "questo", "questa", "l", "si", "ci", "dopo", "detto"]),
        ("nl", ["het", "een", "en", "van", "dat", "op", "te", "zijn", "niet", "met", "voor", "er", "aan", "bij", "ook",
                "om", "wordt", "werd", "heeft", "hebben", "naar", "uit", "maar", "nog", "dan", "zei", "volgens", "deze",
                "de", "die", "ze", "hij", "wel", "geen", "worden", "tot", "als", "kan"]),
    ]

    /// Letters of other scripts, by code point range, and the language each one means. A script
    /// decides when its letters outnumber the Latin ones. Han decides "zh" unless kana are present
    /// ("ja"); Cyrillic is refined by `cyrillicRules`.
    static let scripts: [(name: String, ranges: [ClosedRange<UInt32>], code: String)] = [
        ("Cyrillic", [0x0400...0x04FF, 0x0500...0x052F], "ru"),
        ("Greek", [0x0370...0x03FF, 0x1F00...0x1FFF], "el"),
        ("Arabic", [0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF], "ar"),
        ("Hebrew", [0x0590...0x05FF], "he"),
        ("Devanagari", [0x0900...0x097F], "hi"),
        ("Thai", [0x0E00...0x0E7F], "th"),
        ("Hangul", [0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF], "ko"),
        ("Kana", [0x3040...0x309F, 0x30A0...0x30FF], "ja"),
        ("Han", [0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF], "zh"),
    ]

    /// Cyrillic letters that tell languages apart: Ukrainian has і ї є ґ and no ы э; Russian has
    /// ы and э; other Cyrillic languages (Bulgarian, Serbian, …) have neither, and stay "und".
    static let ukrainianLetters: Set<UInt32> = [0x0456, 0x0457, 0x0454, 0x0491, 0x0406, 0x0407, 0x0404, 0x0490]
    static let russianLetters: Set<UInt32> = [0x044B, 0x044D, 0x042B, 0x042D]

    /// How much text is read: the first words are enough and keep detection cheap on long pages.
    static let sampleWords = 400
    /// A Latin-script language is named only when its stopwords are at least this many, at least
    /// this share of the words read, and this many times those of the runner-up. Below that the
    /// text is too short or too mixed to tell, and a declared language (if any) is taken.
    static let minimumHits = 3
    static let minimumShare = 0.08
    static let margin = 1.5
    /// Letters of a non-Latin script needed before the script decides (a name or two in Greek
    /// letters inside an English story does not).
    static let minimumScriptLetters = 8
}
