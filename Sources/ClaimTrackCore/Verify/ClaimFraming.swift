import Foundation

/// What a claim states, without what the article wraps around it. The verifier checks the proposition
/// ("the expansion would create 1,200 permanent jobs"), not the framing ("City council member Dana Ruiz
/// said …, as recorded in the minutes of the council meeting"): a cited page need not name itself, its
/// speaker, the article's dateline or its footnote. The claim shown to the reader stays verbatim.
///
/// The steps, in order (each works on what the previous one left):
/// 1. link syntax and bare URLs (`KeyTerms.readerText`);
/// 2. footnote markers ("[1]", "[^2]");
/// 3. a dateline ("BAYPORT —", "WASHINGTON (Reuters) -", "LANSING, Mich. —");
/// 4. a leading source ("According to the CDC, …", "Dana Ruiz said (that) …");
/// 5. source clauses between or after commas (", the Harbor Authority said.", ", according to …",
///    ", as recorded in the minutes …").
/// Hedges stay: `KeyTerms` lists them and does not ask the page to repeat them.
public enum ClaimFraming {
    public static func proposition(_ claim: String) -> String {
        var text = KeyTerms.readerText(claim)
        text = replace(FramingRules.compiled.footnoteMarker, in: text, with: "")
        text = replace(FramingRules.compiled.dateline, in: text, with: "")
        text = dropLeadingSource(text)
        text = dropSourceClauses(text)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Never strip a claim down to nothing checkable: then the whole claim is the proposition.
        let terms = KeyTerms(trimmed)
        return terms.content.count >= 2 || terms.content.count >= 1 && !terms.numbers.isEmpty ? trimmed : KeyTerms.readerText(claim)
    }

    /// A compound proposition as the statements a page must each support: coordinated clauses
    /// ("…, and the company opened …"), non-restrictive relative clauses (", which employs …,"),
    /// participle tails (", making it the region's largest …"). A part too small to check on its own
    /// (fewer than three content words and no figure) stays with the part before it.
    public static func subclaims(_ proposition: String) -> [String] {
        var parts: [String] = []
        var rest = proposition
        // A relative clause between commas is its own statement; the sentence closes around it.
        while let r = firstMatch(FramingRules.compiled.embeddedRelative, in: rest) ?? firstMatch(FramingRules.compiled.embeddedAppositive, in: rest) {
            let inner = String(rest[r]).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            parts.append(inner)
            rest.replaceSubrange(r, with: " ")
        }
        var pieces: [String] = []
        var current = ""
        let splitters = FramingRules.compiled.clauseSplitters
        var s = Substring(rest)
        while !s.isEmpty {
            var earliest: (Range<Substring.Index>, Bool)?
            for (pattern, keep) in splitters {
                if let r = firstMatch(pattern, in: s), earliest.map({ r.lowerBound < $0.0.lowerBound }) ?? true {
                    earliest = (r, keep)
                }
            }
            guard let (r, keepsWord) = earliest else { current += s; break }
            // ", and" after a short item ends a list ("people, organizations, and operations"), not a clause.
            let before = current + s[..<r.lowerBound]
            if FramingRules.listJoiners.contains(String(s[r]).trimmingCharacters(in: .whitespaces).lowercased()),
               let comma = before.range(of: ", ", options: .backwards),
               before[comma.upperBound...].split(separator: " ").count <= FramingRules.maxListItemWords {
                current = before + s[r]
                s = s[r.upperBound...]
                continue
            }
            current += s[..<r.lowerBound]
            pieces.append(current)
            // "…, which …" keeps "which"; ", and" and "; " are dropped.
            current = keepsWord ? String(s[r]).trimmingCharacters(in: CharacterSet(charactersIn: ",; ")) : ""
            s = s[r.upperBound...]
        }
        pieces.append(current)
        var merged: [String] = []
        for piece in pieces.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: ",; ").union(.whitespaces)) }) where !piece.isEmpty {
            if !checkable(piece), let last = merged.last {
                merged[merged.count - 1] = last + ", " + piece
            } else {
                merged.append(piece)
            }
        }
        if merged.count > 1, !checkable(merged[0]) { merged[1] = merged[0] + ", " + merged[1]; merged.removeFirst() }
        parts = merged + parts.filter(checkable)
        return parts.isEmpty ? [proposition] : parts
    }

    static func checkable(_ part: String) -> Bool {
        let terms = KeyTerms(part)
        return terms.content.count >= 3 || !terms.numbers.isEmpty && terms.content.count >= 1
    }

    // MARK: Steps

    private static func replace(_ pattern: NSRegularExpression, in text: String, with replacement: String) -> String {
        pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }

    /// The first match of a compiled pattern in `text` (patterns are compiled once: `FramingRules.compiled`).
    static func firstMatch<S: StringProtocol>(_ pattern: NSRegularExpression, in text: S) -> Range<S.Index>? {
        let string = String(text)
        guard let m = pattern.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)),
              let r = Range(m.range, in: string) else { return nil }
        let lower = text.index(text.startIndex, offsetBy: string.distance(from: string.startIndex, to: r.lowerBound))
        let upper = text.index(lower, offsetBy: string.distance(from: r.lowerBound, to: r.upperBound))
        return lower..<upper
    }

    /// "According to the county, turnout …" → "turnout …"; "Dana Ruiz said (that) the expansion …" → "the expansion …".
    static func dropLeadingSource(_ text: String) -> String {
        if let r = firstMatch(FramingRules.compiled.leadingSource, in: text) {
            // The source may be a list: "According to reports from The New York Times, The Australian, and
            // Reuters, among others, the MSS breach …".
            var rest = String(text[r.upperBound...])
            while let more = firstMatch(FramingRules.compiled.sourceContinuation, in: rest),
                  rest[more.upperBound...].split(separator: " ").count >= 4 {
                rest = String(rest[more.upperBound...])
            }
            return rest
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let cue = words.prefix(FramingRules.maxLeadingSourceWords + 1).firstIndex(where: {
                  FramingRules.leadingCues.contains(bare($0)) || FramingRules.leadingCuesBeforeThat.contains(bare($0)) }),
              cue > 0, !FramingRules.relativeWords.contains(bare(words[cue - 1])) else { return text }
        var k = cue + 1
        if FramingRules.leadingCuesBeforeThat.contains(bare(words[cue])) {
            guard k < words.count, bare(words[k]) == "that" else { return text }
            k += 1
        } else if bare(words[cue]) == "told" {
            // "told reporters (on Tuesday) that …": only with "that".
            guard let that = words[k...].prefix(5).firstIndex(where: { bare($0) == "that" }) else { return text }
            k = that + 1
        } else {
            while k < words.count, FramingRules.timeWords.contains(bare(words[k])) { k += 1 }
            if k < words.count, bare(words[k]) == "that" { k += 1 }
        }
        // The source must end at the cue (no comma clause after it) and leave a statement of four words or more.
        guard words.count - k >= 4, !words[cue].hasSuffix(","), !words[cue].hasSuffix(".") else { return text }
        return words[k...].joined(separator: " ")
    }

    /// Comma-separated segments that only say who says it: ", the Harbor Authority said in its annual report",
    /// ", according to …", ", as recorded in the minutes …", ", census estimates show". The first segment stays.
    static func dropSourceClauses(_ text: String) -> String {
        var segments = commaSegments(text)
        guard segments.count > 1 else { return text }
        var end = ""
        if let last = segments.last, let dot = last.lastIndex(where: { !$0.isWhitespace }), ".!?".contains(last[dot]) {
            end = String(last[dot])
            segments[segments.count - 1] = String(last[..<dot])
        }
        let kept = [segments[0]] + segments.dropFirst().filter { !isSourceClause($0) }
        return kept.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ") + end
    }

    static func isSourceClause(_ segment: String) -> Bool {
        let lower = segment.lowercased().trimmingCharacters(in: .whitespaces)
        if FramingRules.sourceClauseOpeners.contains(where: { lower.hasPrefix($0 + " ") }) { return true }
        let words = lower.split(separator: " ").map(bare)
        guard let cue = words.firstIndex(where: { FramingRules.trailingCues.contains($0) }) else { return false }
        let after = words[(cue + 1)...]
        // The source before the cue is a name or a short description; after it at most a time, a place or a document.
        guard cue <= FramingRules.maxLeadingSourceWords, after.count <= 6 else { return false }
        if cue == 0 { return after.count <= 5 }  // ", said Ana Silva"
        return after.isEmpty || FramingRules.afterCueWords.contains(after.first!) || FramingRules.timeWords.contains(after.first!)
    }

    /// Segments between commas outside quotation marks.
    static func commaSegments(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inQuote = false
        var previousWasComma = false
        for c in text {
            if previousWasComma {
                previousWasComma = false
                if c.isWhitespace { out.append(String(current.dropLast())); current = "" }
            }
            if c == "“" { inQuote = true } else if c == "”" { inQuote = false } else if c == "\"" { inQuote.toggle() }
            if c == ",", !inQuote { previousWasComma = true }
            current.append(c)
        }
        out.append(current)
        return out
    }

    private static func bare<S: StringProtocol>(_ word: S) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols))
    }
}

/// The framing around a claim, as data (STYLE.md: heuristics as named, ordered tables).
enum FramingRules {
    /// The patterns below, compiled once.
    struct Compiled: @unchecked Sendable {
        let footnoteMarker = regex(FramingRules.footnoteMarker)
        let dateline = regex(FramingRules.dateline, caseless: false)
        let leadingSource = regex(FramingRules.leadingSource)
        let sourceContinuation = regex(FramingRules.sourceContinuation, caseless: false)
        let embeddedRelative = regex(FramingRules.embeddedRelative)
        let embeddedAppositive = regex(FramingRules.embeddedAppositive)
        let clauseSplitters = FramingRules.clauseSplitters.map { (regex($0.pattern), $0.keepsWord) }

        static func regex(_ pattern: String, caseless: Bool = true) -> NSRegularExpression {
            try! NSRegularExpression(pattern: pattern, options: caseless ? [.caseInsensitive] : [])
        }
    }
    static let compiled = Compiled()

    /// "[1]", "[^2]", "[12]": footnote markers a page never repeats.
    static let footnoteMarker = #"\s*\[\^?\d{1,3}\]"#

    /// A dateline: a place in capitals, an optional region and agency, then a dash ("BAYPORT —",
    /// "CEDAR RIDGE, Colo. —", "WASHINGTON (Reuters) -", "DHAKA, Bangladesh (AP) —").
    static let dateline = #"^\s*[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?: \([A-Za-z .]{1,30}\))?\s*(?:—|–|--|-)\s+"#

    /// A leading prepositional source, up to its comma ("According to the county, …", "As recorded in the minutes, …").
    static let leadingSource = #"^\s*(?:according to|as (?:recorded|reported|stated|noted|shown|published) (?:in|by)|citing|in a statement|per)\b[^,“"]{1,120},\s*"#

    /// What continues a leading source past its first comma: another item of its list, "among others".
    static let sourceContinuation = #"^\s*(?:(?:including|and|or|as well as|such as|among others|among them)\b[^,“"]{0,80}|(?:the )?[A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,3}),\s+"#

    /// Joiners that may end a list rather than join clauses, and how long a list item may be.
    static let listJoiners: Set<String> = [", and", ", or"]
    static let maxListItemWords = 3

    /// Openers of a comma segment that is only a source (", according to the CDC", ", as recorded in the minutes …").
    static let sourceClauseOpeners = [
        "according to", "as recorded in", "as recorded by", "as reported by", "as reported in", "as stated in", "as noted in",
        "as shown in", "as shown by", "as published in", "citing", "per", "data show", "data showed", "records show",
    ]

    /// Cue verbs that end a trailing source clause (", the agency said", ", the audit found", ", census estimates show").
    static let trailingCues: Set<String> = Lexicon.reportingVerbs.union(["according", "recorded", "reports", "show", "shows"])

    /// Cue verbs that open a claim after its source ("Dana Ruiz said the expansion …"): verbs of saying.
    static let leadingCues: Set<String> = [
        "said", "says", "say", "told", "stated", "states", "claimed", "claims", "insisted", "insists", "argued", "argues",
        "acknowledged", "confirmed", "wrote", "writes", "testified", "maintained", "contended",
    ]
    /// Cue verbs that also take a plain object ("the port added 1,200 jobs", "the audit found errors"): a source
    /// cue before a claim only when "that" follows.
    static let leadingCuesBeforeThat: Set<String> = [
        "added", "adds", "found", "finds", "showed", "shows", "estimated", "estimates", "reported", "reports", "noted", "notes",
        "revealed", "disclosed", "predicted", "warned", "announced", "announces", "believes", "believed", "concluded",
    ]

    /// A source is a name or a short description: a cue further in than this is part of the statement.
    static let maxLeadingSourceWords = 9

    /// Words before a cue that make it a relative clause of the statement ("the company, which said …").
    static let relativeWords: Set<String> = ["which", "who", "that", "whom"]

    /// What may follow a trailing cue in a source clause: a time ("on Tuesday"), a setting ("in a statement"),
    /// a document ("in its annual report"), the hearer ("told reporters").
    static let afterCueWords: Set<String> = ["in", "on", "at", "during", "this", "last", "earlier", "late", "reporters", "journalists",
                                             "councillors", "councilors", "lawmakers", "legislators", "parliament", "mps", "senators",
                                             "investors", "analysts", "shareholders", "delegates", "supporters", "staff", "the", "a", "an",
                                             "its", "his", "her", "their", "by", "through", "to", "via", "from", "when", "after", "before"]
    static let timeWords: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                                         "today", "tonight", "on", "earlier", "later", "recently", "previously", "also", "publicly"]

    /// Where a compound statement divides, earliest first; `true` keeps the splitting word with the new part
    /// ("which employs …", "making it …").
    static let clauseSplitters: [(pattern: String, keepsWord: Bool)] = [
        (#";\s+"#, false),
        (#",\s+and\s+"#, false),
        (#",\s+or\s+"#, false),
        (#",\s+but\s+"#, false),
        (#",\s+while\s+"#, false),
        (#",\s+whereas\s+"#, false),
        (#",\s+making\b"#, true),
        (#",\s+which\b"#, true),
        (#"\s+and\s+(?=(?:will|would|has|have|had|is|was|are|were|plans|could|can|also)\b)"#, false),
        (#"\s+and\s+(?=(?:\$|€|£)?\d)"#, false),
        // "… and the port will double in size": a second subject with its verb.
        (#"\s+and\s+(?=(?:the|a|an|its|their|his|her)\s+[\w’'-]+\s+(?:will|would|has|have|had|is|was|are|were|plans|could|can)\b)"#, false),
    ]

    /// An appositive with a figure between commas: "Mapleton, a city of about 1.2 million residents, approved …".
    static let embeddedAppositive = #",\s+(?:a|an)\s+(?:[^,]|,(?=\d)){0,60}\d(?:[^,]|,(?=\d)){0,60},(?=\s+\S)"#
    /// A relative clause between commas in mid-sentence: ", which employs 2,100 people directly,".
    static let embeddedRelative = #",\s+(?:which|who)\s+(?:[^,]|,(?=\d)){3,120},(?=\s+\S)"#
}
