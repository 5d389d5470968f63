import Foundation

/// Ids of articles and claims (id scheme `claim/2`, README "Ids").
///
/// Every id is 15 characters: a letter (`c` claim, `a` article) and 14 hex digits of a SHA-256
/// (56 bits; 15 characters also fit Swift's inline small-string form, which matters with 10^5 claims
/// in memory).
///
/// - A claim's id is made from its sentence alone, read as a reader reads it (`IdentityText`:
///   markup, punctuation, case and whitespace do not count), and from how many times the same
///   sentence came before it in the article. The file's path and name are not part of it, so
///   `extract` and `run` agree and moving or renaming a file keeps every id.
/// - A sentence that stands word for word in an article the ledger already has gets, in a second
///   article, an id that also depends on that article's id (`qualified`); only the ledger can know
///   this, so `extract` shows the plain id there.
/// - An article's id is made when the ledger first sees it, from its canonical URL when it has one,
///   else from its text's fingerprint, and is kept when the file is edited, moved or renamed.
public enum ClaimID {
    /// The scheme the ledger records (`id_scheme`); a ledger without it has the older, path-based ids.
    public static let scheme = "claim/2"
    /// Characters in every claim and article id.
    public static let length = 15

    /// The id of a claim sentence. `occurrences` counts each normalised sentence of the article so far.
    /// `articlePath` is not part of the id (kept in the signature so callers need not change).
    public static func make(articlePath: String, sentence: String, occurrences: inout [String: Int]) -> String {
        plain(IdentityText.normalize(sentence), occurrences: &occurrences)
    }

    static func plain(_ normalized: String, occurrences: inout [String: Int]) -> String {
        let n = occurrences[normalized, default: 0]
        occurrences[normalized] = n + 1
        return "c" + digest(scheme + "\u{1}" + normalized + "\u{1}\(n)")
    }

    /// The id of a claim whose plain id another article of the ledger already holds.
    public static func qualified(_ plainID: String, article articleID: String) -> String {
        "c" + digest(scheme + "\u{1}" + plainID + "\u{1}" + articleID)
    }

    /// An article's id at first sight: from its canonical URL, else from the fingerprint of its text.
    public static func article(url: String?, fingerprint: String) -> String {
        let anchor = url.flatMap(canonicalURL).map { "url:" + $0 } ?? "text:" + fingerprint
        return "a" + digest(scheme + "\u{1}" + anchor)
    }

    /// The article's text as a reader reads it, hashed: the same after reflowing, re-wrapping or
    /// changing its markup; what finds a moved or renamed file that has no canonical URL.
    public static func fingerprint(_ text: String) -> String {
        String(SHA256.hex(IdentityText.normalize(text)).prefix(32))
    }

    /// A URL compared as an address: scheme and host in lower case, no fragment, no trailing slash.
    static func canonicalURL(_ url: String) -> String? {
        var u = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !u.isEmpty else { return nil }
        if let hash = u.firstIndex(of: "#") { u = String(u[..<hash]) }
        while u.hasSuffix("/") { u.removeLast() }
        if let schemeEnd = u.range(of: "://") {
            let rest = u[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            u = u[..<schemeEnd.upperBound].lowercased() + rest[..<hostEnd].lowercased() + rest[hostEnd...]
        }
        return u
    }

    static func digest(_ text: String) -> String { String(SHA256.hex(text).prefix(length - 1)) }
}

/// Text as identity sees it: what a reader reads, without what only formats it. HTML tags,
/// Markdown link targets (`[text](url)` is `text`), emphasis and every other character that is
/// not a letter or digit are gaps; letters are compared in lower case; gaps of any length are one
/// space. So reflowing a paragraph, converting it between Markdown and HTML, or typographic
/// quotes do not change an id; changing a word or a figure does.
public enum IdentityText {
    public static func normalize(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var gap = false
        var i = 0
        func skip(to close: Unicode.Scalar, from start: Int, limit: Int) -> Int? {
            var k = start
            while k < s.count, k - start <= limit {
                if s[k] == close { return k }
                if s[k] == "\n" && s[min(k + 1, s.count - 1)] == "\n" { return nil }
                k += 1
            }
            return nil
        }
        while i < s.count {
            let c = s[i]
            // An HTML tag or comment: `<` followed by a letter, `/` or `!`, up to its `>`.
            if c == "<", i + 1 < s.count, s[i + 1].properties.isAlphabetic || s[i + 1] == "/" || s[i + 1] == "!",
               let end = skip(to: ">", from: i + 1, limit: 2000) {
                gap = true
                i = end + 1
                continue
            }
            // A Markdown link target: `](…)` or a reference `][…]`.
            if c == "]", i + 1 < s.count, s[i + 1] == "(" || s[i + 1] == "[",
               let end = skip(to: s[i + 1] == "(" ? ")" : "]", from: i + 2, limit: 2000) {
                gap = true
                i = end + 1
                continue
            }
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                if gap && !out.isEmpty { out.append(" ") }
                gap = false
                for l in c.properties.lowercaseMapping.unicodeScalars { out.append(l) }
            } else {
                gap = true
            }
            i += 1
        }
        return String(out)
    }
}
