import Foundation

/// Name and alias → outlet. Built in (`BuiltinOutlets`) and extended by
/// `resolve.outlets` in pipeline.yml; later entries win, so a user can remap a name.
public struct OutletDirectory: Sendable {
    private var byKey: [String: Outlet] = [:]
    public private(set) var count = 0

    public static let builtin = OutletDirectory(extra: [])

    public init(extra: [Configuration.OutletEntry]) {
        for line in BuiltinOutlets.table.split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { continue }
            add(name: parts[0], aliases: parts[1].split(separator: ";").map(String.init), domain: parts[2])
        }
        for entry in extra { add(name: entry.name, aliases: entry.aliases, domain: entry.domain) }
    }

    private mutating func add(name: String, aliases: [String], domain: String) {
        let outlet = Outlet(name: name, domain: domain)
        count += 1
        for key in [name] + aliases { byKey[Self.key(key)] = outlet }
    }

    /// Lowercased, without a leading "the", a possessive "'s" or punctuation at the ends.
    static func key(_ text: String) -> String {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if let first = words.first, first.lowercased() == "the", words.count > 1 { words.removeFirst() }
        var joined = words.joined(separator: " ")
        for suffix in ["'s", "’s", "’", "'"] where joined.hasSuffix(suffix) { joined.removeLast(suffix.count) }
        return joined.trimmingCharacters(in: .punctuationCharacters).lowercased()
    }

    /// The outlet the whole source names ("The New York Times", "AP").
    public func lookup(_ text: String) -> Outlet? {
        guard let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }), first.properties.isUppercase
                || text.lowercased().hasPrefix("the ") else { return nil }
        return byKey[Self.key(text)]
    }

    /// The outlet named by the longest run of capitalised words inside a source
    /// ("a New York Times report", "a study published in Nature").
    public func find(in text: String) -> Outlet? {
        if let whole = lookup(text) { return whole }
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return nil }
        for length in stride(from: min(5, words.count), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                let run = words[start..<(start + length)]
                guard let first = run.first?.unicodeScalars.first, first.properties.isUppercase else { continue }
                // A single capitalised word before a lowercase one is an adjective ("Independent engineers").
                if length == 1, start + 1 < words.count, words[start + 1].first?.isLowercase == true { continue }
                // A name that goes on is another name: "The National Institute on Drug Abuse", "the National
                // Weather Service" (not The National); "NPR's Feng" is still NPR's.
                if start + length < words.count, words[start + length].first?.isUppercase == true,
                   run.last!.last?.isLetter == true, !(run.last!.hasSuffix("'s") || run.last!.hasSuffix("’s")),
                   run.count - (run.first!.lowercased() == "the" ? 1 : 0) == 1
                    || Lexicon.organizationMarkers.contains(words[start + length].lowercased().trimmingCharacters(in: .punctuationCharacters)) {
                    continue
                }
                if let outlet = byKey[Self.key(run.joined(separator: " "))] { return outlet }
            }
        }
        return nil
    }
}
