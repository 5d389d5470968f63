/// WordNet's coarse class of a word as a verb and as a noun ("condemned" → verb.communication,
/// "spokeswoman" → noun.person), from the table bench/word_classes.py derives into
/// `WordClassData`. The attribution tagger uses them as features, so a cue or source word it never
/// saw in training still resembles the ones it did.
struct WordClasses: Sendable {
    /// A word's class as one small number: 0 unknown, else lexicographer file + 1, plus
    /// `communicates` when an early sense (not the first) is a communication sense.
    typealias Code = UInt8
    static let communicates: Code = 0x80

    /// Keyed by the FNV-1a hash of the word's bytes: the tagger asks for every token, and hashing
    /// bytes (with the endings below, without building strings) is several times cheaper than
    /// String keys.
    private var verbs: [UInt64: Code] = [:], nouns: [UInt64: Code] = [:]
    /// Irregular forms: hash of the form → hash of its lemma ("told" → "tell").
    private var verbForms: [UInt64: UInt64] = [:], nounForms: [UInt64: UInt64] = [:]

    static let shared = WordClasses(WordClassData.lines)

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let key = fields.first, let pos = key.first, fields.count > 1 else { continue }
            let code = key.dropFirst()
            if code == "x" {
                var k = 1
                while k + 1 < fields.count {
                    let form = AttributionTagger.fnv(fields[k].utf8), lemma = AttributionTagger.fnv(fields[k + 1].utf8)
                    if pos == "v" { verbForms[form] = lemma } else { nounForms[form] = lemma }
                    k += 2
                }
                continue
            }
            guard let file = UInt8(code.filter(\.isNumber)) else { continue }
            let value = (file + 1) | (code.hasSuffix("+") ? Self.communicates : 0)
            for word in fields.dropFirst() {
                if pos == "v" { verbs[AttributionTagger.fnv(word.utf8)] = value } else { nouns[AttributionTagger.fnv(word.utf8)] = value }
            }
        }
    }

    /// Endings WordNet's morphology strips to reach a lemma, tried in order.
    static let verbEndings = endings([("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")])
    static let nounEndings = endings([("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")])
    /// Endings after which a doubled final consonant is undone: "stopped", "admitting".
    static let doubling: [[UInt8]] = [Array("ed".utf8), Array("ing".utf8)]

    private static func endings(_ pairs: [(String, String)]) -> [(ending: [UInt8], replacement: [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    /// The class of a lower-case word as a verb and as a noun (0 when it is not one). Only words of
    /// ASCII letters are in the table, so anything else is answered at once.
    func classes(_ lower: String) -> (verb: Code, noun: Code) {
        let bytes = Array(lower.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return (0, 0) }
        return (Self.look(bytes, in: verbs, forms: verbForms, endings: Self.verbEndings),
                Self.look(bytes, in: nouns, forms: nounForms, endings: Self.nounEndings))
    }

    private static func look(_ w: [UInt8], in table: [UInt64: Code], forms: [UInt64: UInt64], endings: [(ending: [UInt8], replacement: [UInt8])]) -> Code {
        let whole = AttributionTagger.fnv(w)
        if let code = table[whole] { return code }
        if let lemma = forms[whole], let code = table[lemma] { return code }
        for (ending, replacement) in endings where w.count > ending.count + 1 && w.suffix(ending.count).elementsEqual(ending) {
            if let code = table[AttributionTagger.fnv(replacement, after: AttributionTagger.fnv(w.prefix(w.count - ending.count)))] { return code }
        }
        for ending in doubling where w.count > ending.count + 3 && w.suffix(ending.count).elementsEqual(ending) {
            let base = w.count - ending.count
            if w[base - 1] == w[base - 2], let code = table[AttributionTagger.fnv(w.prefix(base - 1))] { return code }
        }
        return 0
    }
}
