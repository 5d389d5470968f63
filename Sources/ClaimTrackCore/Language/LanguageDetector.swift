/// Detects an article's language from its text: the script of its letters, then, for Latin
/// script, the stopword profiles (`LanguageProfiles`). Reads at most the first
/// `LanguageProfiles.sampleWords` words, one pass over their scalars and one dictionary lookup a
/// word, so it costs little next to extraction.
public enum LanguageDetector {
    /// Each stopword with one bit per profile that lists it.
    static let table: [String: UInt16] = {
        var out: [String: UInt16] = [:]
        for (k, profile) in LanguageProfiles.stopwords.enumerated() {
            for word in profile.words { out[word, default: 0] |= 1 << UInt16(k) }
        }
        return out
    }()

    /// The language of `text`, or `Language.undetermined` when it is too short or mixed to tell.
    public static func detect(_ text: String) -> String {
        let profiles = LanguageProfiles.stopwords
        var hits = [Int](repeating: 0, count: profiles.count)
        /// Hits of words only one profile lists ("los", "dans"): they tell Spanish from French when the
        /// shared "de", "la", "en", "que" bring the runner-up close.
        var own = [Int](repeating: 0, count: profiles.count)
        var scriptLetters = [Int](repeating: 0, count: LanguageProfiles.scripts.count)
        var latin = 0, words = 0, ukrainian = 0, russian = 0
        var word = String.UnicodeScalarView()
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            if let bits = table[String(word)] {
                for k in 0..<profiles.count where bits & (1 << UInt16(k)) != 0 {
                    hits[k] += 1
                    if bits & (bits - 1) == 0 { own[k] += 1 }
                }
            }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { word.append(scalar); latin += 1; continue }
                if v >= 0x41 && v <= 0x5A { word.append(Unicode.Scalar(v + 0x20)!); latin += 1; continue }
                endWord()
                if words >= LanguageProfiles.sampleWords { break }
                continue
            }
            guard scalar.properties.isAlphabetic else {
                endWord()
                if words >= LanguageProfiles.sampleWords { break }
                continue
            }
            if v <= 0x024F || (0x1E00...0x1EFF).contains(v) {
                latin += 1
            } else if let s = LanguageProfiles.scripts.firstIndex(where: { $0.ranges.contains { $0.contains(v) } }) {
                scriptLetters[s] += 1
                if LanguageProfiles.ukrainianLetters.contains(v) { ukrainian += 1 }
                if LanguageProfiles.russianLetters.contains(v) { russian += 1 }
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { word.append(lower) }
        }
        endWord()
        if let code = scriptLanguage(scriptLetters, latin: latin, ukrainian: ukrainian, russian: russian) { return code }
        guard latin >= scriptLetters.reduce(0, +) else { return Language.undetermined }
        return stopwordLanguage(hits, words: words, own: own)
    }

    /// The language a non-Latin script names, when its letters outnumber the Latin ones.
    static func scriptLanguage(_ letters: [Int], latin: Int, ukrainian: Int, russian: Int) -> String? {
        guard let top = letters.indices.max(by: { letters[$0] < letters[$1] }),
              letters[top] >= LanguageProfiles.minimumScriptLetters, letters[top] > latin else { return nil }
        let script = LanguageProfiles.scripts[top]
        switch script.name {
        case "Cyrillic":
            if ukrainian > 0 && russian == 0 { return "uk" }
            return russian > 0 ? "ru" : Language.undetermined
        case "Han":
            let kana = LanguageProfiles.scripts.firstIndex { $0.name == "Kana" }.map { letters[$0] } ?? 0
            return kana > 0 ? "ja" : "zh"
        case "Kana":
            return "ja"
        default:
            return script.code
        }
    }

    /// The Latin-script profile with clearly the most stopwords, or "und".
    /// When all stopwords leave the margin unmet, the words only one profile lists decide, by the same margin.
    static func stopwordLanguage(_ hits: [Int], words: Int, own: [Int]? = nil) -> String {
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] }) else { return Language.undetermined }
        let second = hits.indices.filter { $0 != best }.map { hits[$0] }.max() ?? 0
        let n = hits[best]
        guard n >= LanguageProfiles.minimumHits, Double(n) >= LanguageProfiles.minimumShare * Double(words),
              n > second else { return Language.undetermined }
        if Double(n) >= LanguageProfiles.margin * Double(second) { return LanguageProfiles.stopwords[best].code }
        guard let own else { return Language.undetermined }
        let ownSecond = own.indices.filter { $0 != best }.map { own[$0] }.max() ?? 0
        guard own[best] >= LanguageProfiles.minimumHits, Double(own[best]) >= LanguageProfiles.margin * Double(ownSecond) else {
            return Language.undetermined
        }
        return LanguageProfiles.stopwords[best].code
    }

    /// The article's language: the text's when it is clear, else what the page declares (HTML
    /// `lang`, `og:locale`, `Content-Language`), else "und". Text wins over a
    /// declaration because templates declare the site's language, not the story's.
    public static func decide(text: String, declared: [String]) -> String {
        let detected = detect(text)
        if detected != Language.undetermined { return detected }
        return declared.lazy.compactMap(Language.primarySubtag).first ?? Language.undetermined
    }
}
