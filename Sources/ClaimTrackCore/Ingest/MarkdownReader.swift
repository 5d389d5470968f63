import Foundation
import Yams

/// Markdown articles as a reader reads them: front matter read as metadata and left out of the
/// text, `[text](url)` and reference links as their text (linked there), `<url>` as the URL, bare
/// URLs, reference definitions left out, and paragraphs that never include code.
/// `read` finds everything on the file's own text; `reading` then removes the syntax and moves every
/// range onto the text that is left, which is the text claims quote and offsets index.
enum MarkdownReader {
    /// The article text a reader sees, with ranges on it.
    struct Reading {
        var text: String
        var result: Result
    }

    static func reading(_ s: [Unicode.Scalar]) -> Reading {
        let found = read(s)
        var drop = [Bool](repeating: false, count: s.count)
        func remove(_ r: Range<Int>) { for k in r where k >= 0 && k < s.count { drop[k] = true } }
        if let (front, _) = frontMatter(s) {
            remove(front)
            var k = front.upperBound
            while k < s.count, s[k] == "\n" || s[k] == "\r" { drop[k] = true; k += 1 }
        }
        for d in referenceDefinitions(s, from: 0) { remove(d.range) }
        let bodyStart = frontMatter(s)?.0.upperBound ?? 0
        let definitions = Dictionary(referenceDefinitions(s, from: bodyStart).map { ($0.label, $0.url) }, uniquingKeysWith: { a, _ in a })
        for f in inlineLinks(s, from: bodyStart, definitions: definitions) where !found.excluded.contains(where: { $0.contains(f.link.start) }) {
            remove((f.link.start - 1)..<f.link.start)    // "[" or "<"
            remove(f.link.end..<(f.link.end + 1))        // "]" or ">"
            if let syntax = f.syntaxRange { remove(syntax) }
        }
        // position[k]: where scalar k of the file lands in the reader's text.
        var position = [Int](repeating: 0, count: s.count + 1)
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(s.count)
        for k in 0..<s.count {
            position[k] = kept.count
            if !drop[k] { kept.append(s[k]) }
        }
        position[s.count] = kept.count
        func move(_ r: Range<Int>) -> Range<Int>? {
            let moved = position[max(0, min(r.lowerBound, s.count))]..<position[max(0, min(r.upperBound, s.count))]
            return moved.isEmpty ? nil : moved
        }
        let links = found.links.compactMap { l -> Link? in
            guard let r = move(l.start..<l.end) else { return nil }
            return Link(url: l.url, anchor: l.anchor, start: r.lowerBound, end: r.upperBound)
        }
        let result = Result(paragraphs: found.paragraphs.compactMap(move), excluded: found.excluded.compactMap(move),
                            markup: found.markup.compactMap(move), links: links, metadata: found.metadata)
        return Reading(text: String(String.UnicodeScalarView(kept)), result: result)
    }

    struct Result {
        var paragraphs: [Range<Int>]
        var excluded: [Range<Int>]
        var markup: [Range<Int>]
        var links: [Link]
        var metadata: Metadata
    }

    static func read(_ s: [Unicode.Scalar]) -> Result {
        var excluded: [Range<Int>] = []
        var metadata = Metadata()
        let bodyStart: Int
        if let (range, yaml) = frontMatter(s) {
            excluded.append(range)
            metadata = frontMatterMetadata(yaml)
            bodyStart = range.upperBound
        } else {
            bodyStart = 0
        }
        excluded.append(contentsOf: codeBlocks(s, from: bodyStart))
        let definitions = referenceDefinitions(s, from: bodyStart)
        excluded.append(contentsOf: definitions.map(\.range))
        var links = inlineLinks(s, from: bodyStart, definitions: Dictionary(definitions.map { ($0.label, $0.url) }, uniquingKeysWith: { a, _ in a }))
        links = links.filter { found in !excluded.contains(where: { $0.contains(found.link.start) }) }
        let taken = links.map { $0.link.start..<$0.link.end } + links.compactMap(\.syntaxRange)
        let bare = PlainText.bareURLs(s, skipping: taken + excluded).filter { l in !excluded.contains(where: { $0.contains(l.start) }) }
        var paragraphs: [Range<Int>] = []
        var blockStart = bodyStart
        for range in excluded.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= blockStart {
            paragraphs += blocks(s, blockStart..<range.lowerBound)
            blockStart = range.upperBound
        }
        paragraphs += blocks(s, blockStart..<s.count)
        var markup: [Range<Int>] = bare.map { $0.start..<$0.end }
        for found in links {
            if found.link.start > 0 { markup.append((found.link.start - 1)..<found.link.start) }  // "[" or "<"
            markup.append(found.link.end..<(found.link.end + 1))                                  // "]" or ">"
            if found.link.url == found.link.anchor { markup.append(found.link.start..<found.link.end) }
            if let syntax = found.syntaxRange { markup.append(syntax) }
        }
        return Result(paragraphs: paragraphs, excluded: excluded, markup: markup,
                      links: (links.map(\.link) + bare).sorted { $0.start < $1.start }, metadata: metadata)
    }

    /// `---` … `---` at the very start.
    static func frontMatter(_ s: [Unicode.Scalar]) -> (Range<Int>, String)? {
        guard PlainText.matches(s, 0, "---\n") || PlainText.matches(s, 0, "---\r\n") else { return nil }
        var i = s[3] == "\r" ? 5 : 4
        let contentStart = i
        while i < s.count {
            var lineEnd = i
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            let line = String(String.UnicodeScalarView(s[i..<lineEnd])).trimmingCharacters(in: .whitespaces)
            if line == "---" || line == "..." {
                let yaml = String(String.UnicodeScalarView(s[contentStart..<i]))
                return (0..<min(s.count, lineEnd + 1), yaml)
            }
            i = lineEnd + 1
        }
        return nil
    }

    static func frontMatterMetadata(_ yaml: String) -> Metadata {
        guard let node = try? Yams.compose(yaml: yaml), let map = node.mapping else { return Metadata() }
        func value(_ keys: [String]) -> String? {
            for key in keys {
                guard let v = map[key] else { continue }
                if let s = v.string, !s.isEmpty { return s }
                if let first = v.sequence?.first?.string { return first }
                if let name = v.mapping?["name"]?.string { return name }
            }
            return nil
        }
        return Metadata(title: value(["title"]), author: value(["author", "authors", "byline"]),
                        published: value(["date", "published", "pubdate"]), url: value(["canonical", "canonical_url", "url"]))
    }

    /// Fenced code blocks (``` or ~~~) are not prose.
    static func codeBlocks(_ s: [Unicode.Scalar], from start: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: Int?
        var i = start
        while i < s.count {
            var lineEnd = i
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            var k = i
            while k < lineEnd, s[k] == " " { k += 1 }
            if PlainText.matches(s, k, "```") || PlainText.matches(s, k, "~~~") {
                if let o = open { out.append(o..<min(s.count, lineEnd + 1)); open = nil } else { open = i }
            }
            i = lineEnd + 1
        }
        if let o = open { out.append(o..<s.count) }
        return out
    }

    struct Definition { var label: String; var url: String; var range: Range<Int> }

    /// `[label]: url` lines.
    static func referenceDefinitions(_ s: [Unicode.Scalar], from start: Int) -> [Definition] {
        var out: [Definition] = []
        var i = start
        while i < s.count {
            var lineEnd = i
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            let line = String(String.UnicodeScalarView(s[i..<lineEnd]))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("["), !trimmed.hasPrefix("[^"), let close = trimmed.range(of: "]:") {
                let label = trimmed[trimmed.index(after: trimmed.startIndex)..<close.lowerBound].lowercased()
                let url = trimmed[close.upperBound...].trimmingCharacters(in: .whitespaces)
                    .split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "<>")) } ?? ""
                if !label.isEmpty, url.hasPrefix("http") {
                    out.append(Definition(label: label, url: url, range: i..<min(s.count, lineEnd + 1)))
                }
            }
            i = lineEnd + 1
        }
        return out
    }

    struct Found {
        var link: Link
        /// The `(url)` part, which is not prose.
        var syntaxRange: Range<Int>?
    }

    /// `[text](url "title")`, `[text][ref]`, `[text]` (a defined reference) and `<url>`; images are skipped.
    static func inlineLinks(_ s: [Unicode.Scalar], from start: Int, definitions: [String: String]) -> [Found] {
        var out: [Found] = []
        var i = start
        while i < s.count {
            if s[i] == "<", let found = autolink(s, i) { out.append(found); i = found.link.end + 1; continue }
            guard s[i] == "[", i == 0 || s[i - 1] != "\\" else { i += 1; continue }
            let isImage = i > 0 && s[i - 1] == "!"
            // Find the matching "]" on the same paragraph, allowing nested brackets.
            var depth = 0, j = i
            var close: Int?
            while j < s.count {
                if s[j] == "[" { depth += 1 } else if s[j] == "]" { depth -= 1; if depth == 0 { close = j; break } }
                if s[j] == "\n", j + 1 < s.count, s[j + 1] == "\n" { break }
                j += 1
            }
            guard let c = close else { i += 1; continue }
            let anchor = String(String.UnicodeScalarView(s[(i + 1)..<c]))
            if c + 1 < s.count, s[c + 1] == "(" {
                var k = c + 2, parens = 1
                while k < s.count, s[k] != "\n" || parens > 0 && s[k] != "\n" {
                    if s[k] == "(" { parens += 1 } else if s[k] == ")" { parens -= 1; if parens == 0 { break } }
                    k += 1
                }
                if k < s.count, s[k] == ")" {
                    let inside = String(String.UnicodeScalarView(s[(c + 2)..<k])).trimmingCharacters(in: .whitespaces)
                    let url = inside.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "<>")) } ?? ""
                    if !isImage, !url.isEmpty, c > i + 1 {
                        out.append(Found(link: Link(url: url, anchor: anchor, start: i + 1, end: c), syntaxRange: (c + 1)..<(k + 1)))
                    }
                    i = k + 1
                    continue
                }
            }
            if !isImage, c > i + 1 {
                var label = anchor.lowercased()
                var syntax: Range<Int>?
                if c + 1 < s.count, s[c + 1] == "[", let end = s[(c + 2)...].firstIndex(of: "]") {
                    let ref = String(String.UnicodeScalarView(s[(c + 2)..<end])).lowercased()
                    if !ref.isEmpty { label = ref }
                    syntax = (c + 1)..<(end + 1)
                }
                if let url = definitions[label] {
                    out.append(Found(link: Link(url: url, anchor: anchor, start: i + 1, end: c), syntaxRange: syntax))
                }
            }
            i = c + 1
        }
        return out
    }

    private static func autolink(_ s: [Unicode.Scalar], _ i: Int) -> Found? {
        guard PlainText.matches(s, i + 1, "http://") || PlainText.matches(s, i + 1, "https://") else { return nil }
        var j = i + 1
        while j < s.count, s[j] != ">", !s[j].properties.isWhitespace { j += 1 }
        guard j < s.count, s[j] == ">" else { return nil }
        let url = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        return Found(link: Link(url: url, anchor: url, start: i + 1, end: j), syntaxRange: nil)
    }

    /// Blocks separated by blank lines; headings, list items and quotes are blocks of their own.
    static func blocks(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var current: Range<Int>?
        var i = range.lowerBound
        while i < range.upperBound {
            var lineEnd = i
            while lineEnd < range.upperBound, s[lineEnd] != "\n" { lineEnd += 1 }
            if let line = PlainText.trim(s, i..<lineEnd) {
                let first = s[line.lowerBound]
                let second = line.count > 1 ? s[line.lowerBound + 1] : " "
                let startsBlock = first == "#" || first == ">" || (("-*+".unicodeScalars.contains(first)) && second == " ")
                    || (first.properties.numericType != nil && (line.count > 2) && (s[line.lowerBound + 1] == "." || s[line.lowerBound + 2] == "."))
                let isRule = line.count >= 3 && s[line].allSatisfy { $0 == "-" || $0 == "*" || $0 == "_" || $0 == "=" || $0 == " " }
                if isRule {
                    current.map { out.append($0) }
                    current = nil
                } else if startsBlock || current == nil {
                    current.map { out.append($0) }
                    current = line
                } else {
                    current = current!.lowerBound..<line.upperBound
                }
                if first == "#" { out.append(current!); current = nil }
            } else {
                current.map { out.append($0) }
                current = nil
            }
            i = lineEnd + 1
        }
        current.map { out.append($0) }
        return out
    }
}
