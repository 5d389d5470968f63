import Foundation

/// Language codes as claimtrack uses them, and which languages the attribution rules cover.
///
/// Ingest detects each article's language (`LanguageDetector`); extract runs the attribution
/// rules, the tagger and the claim filter only on a covered language. An article in another
/// language keeps its sentences of at least `extract.min_words` words as claims, with no
/// attributions, a note (`ArticleNote.Code.languageNotCovered`) and the reason
/// `Message.reasonLanguageNotCovered`, never "unattributed": nobody has looked for its sources.
public enum Language {
    /// BCP 47's code for "undetermined": the detector is unsure and the page declares nothing.
    public static let undetermined = "und"

    /// Languages the attribution rules are written for: English (the cue verbs, hedges and word
    /// lists of Extract/Lexicon.swift and the tagger trained on PolNeAR), and German, French and
    /// Spanish (Extract/Languages/, issue 21).
    public static let attributionRulesCover: [String] = ["en", "de", "fr", "es"]

    /// Whether attribution rules run: a covered language, or "und" (too little text to tell; the
    /// English rules ran on such articles before languages were detected, and mostly they are English).
    public static func attributionsCover(_ code: String) -> Bool {
        code == undetermined || attributionRulesCover.contains(code)
    }

    /// The primary subtag of a declared language tag, lowercased: "en-US" → "en", "pt_BR" → "pt",
    /// "DE" → "de". nil for what is no language ("", "x-default", "*", "zxx", "mul", "und").
    public static func primarySubtag(_ tag: String) -> String? {
        let primary = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == ";" || $0 == " " }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return ["und", "zxx", "mul", "mis"].contains(primary) ? nil : primary
    }
}
