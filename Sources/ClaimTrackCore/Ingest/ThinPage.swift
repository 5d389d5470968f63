import Foundation

/// The last step of HTML ingest: what to do when the main text is not the story.
///
/// A cascade, each step on what the one before left (STYLE.md, habit 7):
/// 1. paragraphs that hold template placeholders ("{{ article.body }}") are dropped, and the
///    article is noted as rendered in the browser;
/// 2. subscribe and sign-in blurbs are dropped; when they were all the page said (fewer than
///    `ThinPageRules.thinWords` words remain) the article is noted as a paywall stub;
/// 3. a text of fewer than `ThinPageRules.fewWords` words is noted as rendered in the browser
///    (or empty), unless a step above already said why;
/// 4. a text still thinner than `ThinPageRules.thinWords` is replaced by the page's schema.org
///    JSON-LD `articleBody`, when it has more words, and noted (`text_from_jsonld`).
/// Every note names its step, so the report says where the text came from.
enum ThinPage {
    static func review(_ content: HTMLContent, articleBody: () -> String?) -> HTMLContent {
        var c = content
        let scalars = Array(c.text.unicodeScalars)
        var placeholders = 0, blurbs = 0
        var drop = [Bool](repeating: false, count: c.paragraphs.count)
        for (k, p) in c.paragraphs.enumerated() {
            let paragraph = scalars[p]
            if hasPlaceholder(paragraph) { drop[k] = true; placeholders += 1; continue }
            if isBlurb(paragraph) { drop[k] = true; blurbs += 1 }
        }
        if placeholders + blurbs > 0 { c = keeping(c, scalars: scalars, drop: drop) }
        if let title = c.metadata.title, hasPlaceholder(ArraySlice(title.unicodeScalars)) { c.metadata.title = nil }
        let words = wordCount(c.text.unicodeScalars)
        if placeholders > 0 {
            c.notes.append(ArticleNote(.renderedInBrowser, Message.notePlaceholders(placeholders)))
        } else if blurbs > 0, words < ThinPageRules.thinWords {
            c.notes.append(ArticleNote(.paywall, Message.notePaywall))
        } else if words < ThinPageRules.fewWords {
            c.notes.append(ArticleNote(.renderedInBrowser, Message.noteFewWords(words)))
        }
        if words < ThinPageRules.thinWords, let body = articleBody(), wordCount(body.unicodeScalars) > words {
            var builder = TextBuilder()
            for line in plainLines(body) {
                builder.appendInline(line)
                builder.breakBlock()
            }
            let (text, paragraphs) = builder.finish()
            c.text = text
            c.paragraphs = paragraphs
            c.links = []
            c.notes.append(ArticleNote(.textFromJSONLD, Message.noteTextFromJSONLD(words)))
        }
        return c
    }

    /// Words: runs of letters and digits.
    static func wordCount<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        var n = 0, inWord = false
        for s in scalars {
            let alnum = s.value < 0x80 ? (s.value >= 0x30 && s.value <= 0x39) || ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A)
                : s.properties.isAlphabetic || s.properties.numericType != nil
            if alnum && !inWord { n += 1 }
            inWord = alnum
        }
        return n
    }

    /// Whether the text holds a template placeholder (`ThinPageRules.placeholderDelimiters`).
    static func hasPlaceholder(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.contains(where: { $0 == "{" || $0 == "[" }) else { return false }
        let a = Array(s)
        for (open, close) in ThinPageRules.placeholderDelimiters {
            let o = Array(open.unicodeScalars), c = Array(close.unicodeScalars)
            var i = 0
            while i + o.count <= a.count {
                guard a[i..<(i + o.count)].elementsEqual(o) else { i += 1; continue }
                let start = i + o.count
                var j = start
                var letter = false
                while j + c.count <= a.count, j - start <= ThinPageRules.maxPlaceholder, !a[j..<(j + c.count)].elementsEqual(c) {
                    if a[j].properties.isAlphabetic { letter = true }
                    j += 1
                }
                if j + c.count <= a.count, j - start <= ThinPageRules.maxPlaceholder, letter { return true }
                i = start
            }
        }
        return false
    }

    /// A short paragraph holding a subscribe or sign-in phrase (`ThinPageRules.paywallPhrases`).
    static func isBlurb(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard wordCount(s) <= ThinPageRules.maxBlurbWords else { return false }
        let lower = Array(String(String.UnicodeScalarView(s)).lowercased().replacingOccurrences(of: "’", with: "'").utf8)
        return paywallPhrases.contains { Bytes.contains(lower, $0) }
    }

    /// The phrases as UTF-8, searched with `Bytes.contains` (Foundation's `contains` is slow on many short paragraphs).
    static let paywallPhrases = ThinPageRules.paywallPhrases.map { Array($0.utf8) }

    /// The content without the dropped paragraphs; links inside kept ones move with their text.
    static func keeping(_ c: HTMLContent, scalars: [Unicode.Scalar], drop: [Bool]) -> HTMLContent {
        var out = c
        var text = String.UnicodeScalarView()
        var paragraphs: [Range<Int>] = []
        var links: [Link] = []
        var count = 0
        for (k, p) in c.paragraphs.enumerated() where !drop[k] {
            if count > 0 { text.append("\n"); count += 1 }
            let shift = count - p.lowerBound
            text.append(contentsOf: scalars[p])
            paragraphs.append(count..<(count + p.count))
            count += p.count
            for l in c.links where l.start >= p.lowerBound && l.end <= p.upperBound {
                links.append(Link(url: l.url, anchor: l.anchor, start: l.start + shift, end: l.end + shift))
            }
        }
        out.text = String(text)
        out.paragraphs = paragraphs
        out.links = links
        return out
    }

    /// The lines of a JSON-LD `articleBody`: split at line breaks, markup some sites leave in it removed.
    static func plainLines(_ body: String) -> [String] {
        var text = body
        if text.contains("<") {
            text = text.replacingOccurrences(of: #"(?i)<\s*(br|/p|/div|/h[1-6]|/li)\b[^>]*>"#, with: "\n", options: .regularExpression)
                .replacingOccurrences(of: #"<[^>]{0,500}>"#, with: "", options: .regularExpression)
        }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
