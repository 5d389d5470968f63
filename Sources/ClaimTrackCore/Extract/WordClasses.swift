/// WordNet's coarse class of a word as a verb and as a noun ("condemned" → verb.communication,
/// "spokeswoman" → noun.person), from the table bench/word_classes.py derives into
/// `WordClassData`. The attribution tagger uses them as features, so a cue or source word it never
/// saw in training still resembles the ones it did.
struct WordClasses: Sendable {
    /// A word's class as one small number: 0 unknown, else lexicographer file + 1, plus
    /// `communicates` when an early sense (not the first) is a communication sense.
    typealias Code = UInt8
    static let communicates: Code = 0x80

    private var verbs: [String: Code] = [:], nouns: [String: Code] = [:]
    private var verbForms: [String: String] = [:], nounForms: [String: String] = [:]

    static let shared = WordClasses(WordClassData.lines)

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let key = fields.first, let pos = key.first, fields.count > 1 else { continue }
            let code = key.dropFirst()
            if code == "x" {
                var k = 1
                while k + 1 < fields.count {
                    if pos == "v" { verbForms[String(fields[k])] = String(fields[k + 1]) } else { nounForms[String(fields[k])] = String(fields[k + 1]) }
                    k += 2
                }
                continue
            }
            guard let file = UInt8(code.filter(\.isNumber)) else { continue }
            let value = (file + 1) | (code.hasSuffix("+") ? Self.communicates : 0)
            for word in fields.dropFirst() {
                if pos == "v" { verbs[String(word)] = value } else { nouns[String(word)] = value }
            }
        }
    }

    /// Endings WordNet's morphology strips to reach a lemma, tried in order.
    static let verbEndings: [(String, String)] = [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
    static let nounEndings: [(String, String)] = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]

    /// The class of a lower-case word as a verb and as a noun (0 when it is not one).
    func classes(_ lower: String) -> (verb: Code, noun: Code) {
        (Self.look(lower, in: verbs, forms: verbForms, endings: Self.verbEndings),
         Self.look(lower, in: nouns, forms: nounForms, endings: Self.nounEndings))
    }

    private static func look(_ w: String, in table: [String: Code], forms: [String: String], endings: [(String, String)]) -> Code {
        if let code = table[w] { return code }
        if let lemma = forms[w], let code = table[lemma] { return code }
        for (ending, replacement) in endings where w.count > ending.count + 1 && w.hasSuffix(ending) {
            if let code = table[String(w.dropLast(ending.count)) + replacement] { return code }
        }
        // A doubled final consonant: "stopped", "admitting".
        for ending in ["ed", "ing"] where w.count > ending.count + 3 && w.hasSuffix(ending) {
            let base = w.dropLast(ending.count)
            if let last = base.last, base.dropLast().last == last, let code = table[String(base.dropLast())] { return code }
        }
        return 0
    }
}
