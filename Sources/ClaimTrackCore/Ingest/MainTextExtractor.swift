import Foundation

/// Picks the article's main container in a `FlatDOM` and writes its text.
///
/// Containers are scored by the paragraph text they hold (each paragraph scores its parent
/// fully, its grandparent by half, the next by a quarter; `BoilerplateRules.paragraphWeight`).
/// The cascade, each step only when the one before found nothing: the largest element marked
/// `itemprop=articleBody`; an `<article>` that is the story (the only one holding text, the one
/// whose heading is the page title, or the one holding the best-scored container); `<main>` or
/// `role=main` when it holds that container; the best-scored container; the body. Inside it,
/// boilerplate by tag, role and class name, teaser lists and short labels (`isLabel`) are left out.
struct MainTextExtractor {
    let dom: FlatDOM
    private var dropped: [Bool]
    private var textLength: [Int]
    private var linkLength: [Int]

    init(dom: FlatDOM) {
        self.dom = dom
        let n = dom.tag.count
        dropped = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        // Class and id names only remove an element that holds a small part of the page: a wrapper
        // named "Page-ad-margins" around the whole story must not take the story with it.
        markDropped(byName: false)
        measure()
        let structural = containsStory()
        let total = textLength.first ?? 0
        let lengths = textLength
        markDropped(byName: true, keep: { node in structural[node] || lengths[node] * 5 > total * 2 })
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        measure()
    }

    /// Elements that contain an `<article>`, `<main>` or `itemprop=articleBody`.
    private func containsStory() -> [Bool] {
        var out = Array(repeating: false, count: dom.tag.count)
        for node in stride(from: dom.tag.count - 1, through: 0, by: -1) {
            let tag = dom.tag[node]
            if (tag == "article" && !isComment(node)) || tag == "main" || dom.attributes[node]["itemprop"]?.lowercased() == "articlebody" { out[node] = true }
            if out[node], dom.parent[node] >= 0 { out[dom.parent[node]] = true }
        }
        return out
    }

    func extract() -> HTMLContent {
        let (metadata, languages) = readMetadata()
        let root = chooseRoot(title: metadata.title)
        var builder = TextBuilder()
        var links: [Link] = []
        write(root, into: &builder, links: &links, base: metadata.url, title: metadata.title.map(Self.normalizedWords))
        let (text, paragraphs) = builder.finish()
        let count = text.unicodeScalars.count
        links = links.filter { $0.end <= count && $0.start < $0.end }
        let content = HTMLContent(text: text, paragraphs: paragraphs, links: links, metadata: metadata, declaredLanguages: languages)
        // The JSON-LD is read only when the DOM text turns out thin.
        return ThinPage.review(content, articleBody: { jsonLDArticleBody() })
    }

    // MARK: JSON-LD

    /// The longest `articleBody` of a schema.org article (`ThinPageRules.articleTypes`) in the page's
    /// `<script type="application/ld+json">` blocks: a top-level object, an array, or an `@graph`.
    func jsonLDArticleBody() -> String? {
        var best: String?
        for node in 0..<dom.tag.count where dom.tag[node] == "script" {
            guard let type = dom.attributes[node]["type"]?.lowercased(), type.contains("ld+json") else { continue }
            let source = dom.children[node].filter { dom.tag[$0] == FlatDOM.textTag }.map { dom.text[$0] }.joined()
            guard let value = try? JSONReader(Array(source.utf8)).value() else { continue }
            var stack: [(JSONValue, Int)] = [(value, 0)]
            while let (v, depth) = stack.popLast(), depth < 8 {
                switch v {
                case .array(let items): stack.append(contentsOf: items.map { ($0, depth + 1) })
                case .object(let fields):
                    if let body = v["articleBody"]?.stringValue, Self.isArticleType(v["@type"]),
                       body.count > (best?.count ?? 0) { best = body }
                    stack.append(contentsOf: fields.filter { $0.0 != "articleBody" }.map { ($0.1, depth + 1) })
                default: break
                }
            }
        }
        return best
    }

    static func isArticleType(_ type: JSONValue?) -> Bool {
        func named(_ s: String) -> Bool {
            // "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle"
            let last = s.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last.map(String.init) ?? s
            return ThinPageRules.articleTypes.contains(last)
        }
        switch type {
        case .string(let s)?: return named(s)
        case .array(let items)?: return items.contains { $0.stringValue.map(named) ?? false }
        default: return false
        }
    }

    // MARK: Boilerplate

    static func tokens(_ value: String) -> [String] {
        var out: [String] = []
        var word = String.UnicodeScalarView()
        var previousLower = false
        func flush() {
            if !word.isEmpty { out.append(String(word).lowercased()); word = String.UnicodeScalarView() }
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "-", "_", " ", "\t", "\n", ":", ".":
                flush()
                previousLower = false
                continue
            default:
                break
            }
            let v = scalar.value
            let upper = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : scalar.properties.isUppercase
            if upper && previousLower { flush() }
            word.append(scalar)
            previousLower = v < 0x80 ? (v >= 0x61 && v <= 0x7A) : scalar.properties.isLowercase
        }
        flush()
        return out
    }

    private func isBoilerplate(_ node: Int, byName: Bool) -> Bool {
        let tag = dom.tag[node]
        if tag == FlatDOM.textTag { return false }
        if BoilerplateRules.droppedTags.contains(tag) { return true }
        guard byName else { return false }
        if BoilerplateRules.softDroppedTags.contains(tag) { return true }
        let attrs = dom.attributes[node]
        if attrs["hidden"] != nil || attrs["aria-hidden"] == "true" { return true }
        if let style = attrs["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = attrs["role"]?.lowercased(), BoilerplateRules.droppedRoles.contains(role) { return true }
        if isComment(node) { return true }
        if tag == "body" || tag == "html" || tag == "main" || tag == "article" { return false }
        if attrs["itemprop"]?.lowercased() == "articlebody" { return false }
        if let classes = attrs["class"]?.lowercased().split(separator: " "),
           classes.contains(where: { BoilerplateRules.screenReaderClasses.contains(String($0)) }) { return true }
        let words = Self.tokens((attrs["class"] ?? "") + " " + (attrs["id"] ?? ""))
        if words.isEmpty { return false }
        if words.contains(where: BoilerplateRules.embedTokens.contains) { return false }
        if words.contains(where: BoilerplateRules.strongBoilerplateTokens.contains) { return true }
        if words.contains(where: BoilerplateRules.contentTokens.contains) { return false }
        return words.contains(where: BoilerplateRules.boilerplateTokens.contains)
    }

    /// A reader's comment: schema.org `Comment`, or an `<article>`/`<li>` named "comment".
    private func isComment(_ node: Int) -> Bool {
        let attrs = dom.attributes[node]
        if let type = attrs["itemtype"]?.lowercased(), type.hasSuffix("/comment") { return true }
        let tag = dom.tag[node]
        guard tag == "article" || tag == "li" else { return false }
        let words = Self.tokens((attrs["class"] ?? "") + " " + (attrs["id"] ?? ""))
        return words.contains("comment") || words.contains("comments")
    }

    private mutating func markDropped(byName: Bool, keep: (Int) -> Bool = { _ in false }) {
        // Parents come before children in index order, so one forward pass inherits the mark.
        for node in 0..<dom.tag.count {
            let parent = dom.parent[node]
            if parent >= 0 && dropped[parent] { dropped[node] = true; continue }
            guard isBoilerplate(node, byName: byName) else { dropped[node] = false; continue }
            // Tags and comments go whatever their size; a name alone never takes a big wrapper.
            let always = BoilerplateRules.droppedTags.contains(dom.tag[node]) || (byName && isComment(node))
            dropped[node] = always || !(byName && keep(node))
        }
    }

    /// Visible text length and link text length of every subtree, children before parents.
    private mutating func measure() {
        for node in stride(from: dom.tag.count - 1, through: 0, by: -1) {
            if dropped[node] { continue }
            if dom.tag[node] == FlatDOM.textTag {
                let length = TextBuilder.visibleLength(dom.text[node])
                textLength[node] = length
            }
            if dom.tag[node] == "a" { linkLength[node] = textLength[node] }
            let parent = dom.parent[node]
            if parent >= 0 {
                textLength[parent] += textLength[node]
                linkLength[parent] += linkLength[node]
            }
        }
    }

    private func linkDensity(_ node: Int) -> Double {
        textLength[node] == 0 ? 0 : Double(linkLength[node]) / Double(textLength[node])
    }

    // MARK: Choosing the container

    private func chooseRoot(title: String?) -> Int {
        let all = 0..<dom.tag.count
        let live = all.filter { !dropped[$0] }
        let bodies = live.filter { dom.attributes[$0]["itemprop"]?.lowercased() == "articlebody" && textLength[$0] > 0 }
        if let body = bodies.max(by: { textLength[$0] < textLength[$1] }) { return body }
        let scores = paragraphScores()
        let best = live.max(by: { scores[$0] < scores[$1] }) ?? 0
        let bestScore = scores[best]
        // An <article> is trusted when it is the page's story: the only one, the one whose heading
        // is the page's title, or the one holding the best-scored text. Listing pages and related
        // stories have many <article>s; the story among them may be shorter than a teaser list.
        let articles = live.filter { dom.tag[$0] == "article" && textLength[$0] > 0 }
        // Parents come before children, so one pass marks what lies inside an <article>.
        var insideArticle = [Bool](repeating: false, count: dom.tag.count)
        for node in 0..<dom.tag.count where dom.parent[node] >= 0 {
            let parent = dom.parent[node]
            insideArticle[node] = insideArticle[parent] || (dom.tag[parent] == "article" && !dropped[parent] && textLength[parent] > 0)
        }
        let outermost = articles.filter { !insideArticle[$0] }
        if let chosen = pickArticle(outermost.count == 1 ? outermost : articles, best: best, bestScore: bestScore,
                                    scores: scores, title: title) {
            return chosen
        }
        if let main = live.first(where: { (dom.tag[$0] == "main" || dom.attributes[$0]["role"] == "main") && textLength[$0] > 0 }),
           bestScore == 0 || main == best || isAncestor(main, of: best) {
            return main
        }
        if bestScore > 0 {
            // Prefer the parent when the best container holds only part of the story.
            let parent = dom.parent[best]
            if parent >= 0, scores[parent] > bestScore * 0.9 { return parent }
            return best
        }
        return live.first(where: { dom.tag[$0] == "body" }) ?? 0
    }

    private func pickArticle(_ articles: [Int], best: Int, bestScore: Double, scores: [Double], title: String?) -> Int? {
        guard !articles.isEmpty else { return nil }
        if articles.count > 1, let title = title.map(Self.normalizedWords), !title.isEmpty,
           let titled = articles.first(where: { headingMatches($0, title: title) }) {
            return titled
        }
        let holdsBest = articles.filter { $0 == best || isAncestor($0, of: best) }
        if let innermost = holdsBest.max(by: { depth($0) < depth($1) }) { return innermost }
        let top = articles.max(by: { scores[$0] < scores[$1] })!
        return articles.count == 1 && scores[top] >= bestScore * 0.5 && scores[top] > 0 ? top : nil
    }

    private func isAncestor(_ a: Int, of node: Int) -> Bool {
        var p = dom.parent[node]
        while p >= 0 { if p == a { return true }; p = dom.parent[p] }
        return false
    }

    private func depth(_ node: Int) -> Int {
        var d = 0, p = dom.parent[node]
        while p >= 0 { d += 1; p = dom.parent[p] }
        return d
    }

    /// Whether the first h1–h3 under `node` is the page title (the title may add the site's name).
    private func headingMatches(_ node: Int, title: String) -> Bool {
        guard let heading = dom.subtree(node).first(where: { ["h1", "h2", "h3"].contains(dom.tag[$0]) && !dropped[$0] }) else { return false }
        return Self.isTitle(Self.normalizedWords(flatText(heading)), title: title)
    }

    static func isTitle(_ text: String, title: String) -> Bool {
        text.count >= 10 && title.contains(text)
    }

    /// Lowercased letters and digits, words joined by one space: titles and headings differ in
    /// quotes, dashes and case.
    static func normalizedWords(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if space && !out.isEmpty { out.append(" ") }
                out.unicodeScalars.append(scalar)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// Paragraph text credited to containers: parent fully, grandparent by half.
    private func paragraphScores() -> [Double] {
        var scores = Array(repeating: 0.0, count: dom.tag.count)
        for node in 0..<dom.tag.count where !dropped[node] {
            guard let weight = BoilerplateRules.paragraphWeight[dom.tag[node]] else { continue }
            let length = textLength[node]
            guard length >= 25, linkDensity(node) < BoilerplateRules.maxLinkDensity else { continue }
            let score = Double(length) * weight
            var ancestor = dom.parent[node]
            var share = 1.0
            var depth = 0
            while ancestor >= 0 && depth < 3 {
                scores[ancestor] += score * share
                share /= 2
                depth += 1
                ancestor = dom.parent[ancestor]
            }
        }
        return scores
    }

    // MARK: Writing the text

    private func write(_ root: Int, into builder: inout TextBuilder, links: inout [Link], base: String?, title: String?) {
        enum Step { case enter(Int), exit(Int) }
        var stack: [Step] = [.enter(root)]
        var openLinks: [(href: String, start: Int?)] = []
        var pre = 0
        while let step = stack.popLast() {
            switch step {
            case .enter(let node):
                if dropped[node] { continue }
                let tag = dom.tag[node]
                if tag == FlatDOM.textTag {
                    let before = builder.count
                    let startCandidate = builder.nextCharPosition
                    if pre > 0 { builder.appendPreformatted(dom.text[node]) } else { builder.appendInline(dom.text[node]) }
                    if builder.count > before {
                        for i in openLinks.indices where openLinks[i].start == nil { openLinks[i].start = startCandidate }
                    }
                    continue
                }
                if node != root, isStoryList(node) || isLabel(node, title: title) { continue }
                if BoilerplateRules.blockTags.contains(tag) { builder.breakBlock() }
                if tag == "pre" { pre += 1 }
                if tag == "a" { openLinks.append((dom.attributes[node]["href"] ?? "", nil)) }
                stack.append(.exit(node))
                for child in dom.children[node].reversed() { stack.append(.enter(child)) }
            case .exit(let node):
                let tag = dom.tag[node]
                if tag == "pre" { pre -= 1 }
                if tag == "a", let open = openLinks.popLast(), let start = open.start,
                   let url = Self.resolve(open.href, base: base) {
                    let end = builder.count
                    if end > start {
                        let anchor = builder.slice(start..<end)
                        links.append(Link(url: url, anchor: anchor, start: start, end: end))
                    }
                }
                if BoilerplateRules.blockTags.contains(tag) { builder.breakBlock() }
            }
        }
    }

    /// Short blocks around the story: the headline again (the title is metadata), "Related: …",
    /// "Photo: AP", "Tags", a dateline.
    private func isLabel(_ node: Int, title: String?) -> Bool {
        let tag = dom.tag[node]
        guard BoilerplateRules.blockTags.contains(tag) || tag == "span" || tag == "time" else { return false }
        let length = textLength[node]
        guard length > 0, length <= BoilerplateRules.maxLabelLength else { return false }
        let text = flatText(node)
        // The words only for the tests that read them: most short blocks are paragraphs.
        let heading = (tag == "h1" || tag == "h2") && title != nil
        let dateLine = tag == "time" || length <= BoilerplateRules.maxDateLineLength
        if heading || dateLine {
            let words = Self.normalizedWords(text)
            if heading, let title, Self.isTitle(words, title: title) { return true }
            if dateLine, Self.isDateLine(words) { return true }
        }
        return Self.isLabelText(text.lowercased())
    }

    static func isLabelText(_ lowered: String) -> Bool {
        for prefix in BoilerplateRules.labelPrefixes where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            if prefix.contains(" ") {
                // "read more", "see also": a word boundary is enough.
                if let next = rest.first, next.isLetter { continue }
                return true
            }
            // "share", "tags": alone, or before a colon or an ellipsis.
            let after = rest.drop(while: { $0 == " " })
            if after.isEmpty || after.hasPrefix(":") || after.hasPrefix("…") || after.hasPrefix("...") { return true }
        }
        return false
    }

    static func isDateLine(_ words: String) -> Bool {
        var number = false, name = false
        for word in words.split(separator: " ") {
            if word.allSatisfy(\.isNumber) { number = true; continue }
            if word.first!.isNumber, ["st", "nd", "rd", "th", "h"].contains(where: { word.hasSuffix($0) }) { number = true; continue }
            if BoilerplateRules.dateNames.contains(String(word)) { name = true; continue }
            if !BoilerplateRules.dateFillers.contains(String(word)) { return false }
        }
        return number && name
    }

    /// Lists and short blocks made mostly of links: related stories, tag clouds, menus without markup.
    private func isStoryList(_ node: Int) -> Bool {
        let tag = dom.tag[node]
        guard tag == "ul" || tag == "ol" || tag == "div" || tag == "section" || tag == "table" else { return false }
        guard textLength[node] > 0 else { return false }
        let density = linkDensity(node)
        if tag == "ul" || tag == "ol" { return density > BoilerplateRules.maxLinkDensity }
        return density > 0.7 && textLength[node] < 1000
    }

    /// An absolute http(s) URL for `href`, or nil for fragments, scripts and mail links.
    static func resolve(_ href: String, base: String?) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        if let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() {
            return scheme == "http" || scheme == "https" ? trimmed : nil
        }
        guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL) else { return nil }
        let absolute = url.absoluteString
        return absolute.hasPrefix("http://") || absolute.hasPrefix("https://") ? absolute : nil
    }

    // MARK: Metadata

    /// The page's metadata, and the languages it declares (strongest first).
    private func readMetadata() -> (Metadata, [String]) {
        var meta: [String: String] = [:]
        var title: String?
        var canonical: String?
        var relAuthor: String?
        var timeDatetime: String?
        var itemAuthor: String?
        var itemDate: String?
        var htmlLang: String?
        for node in 0..<dom.tag.count {
            let attrs = dom.attributes[node]
            switch dom.tag[node] {
            case "meta":
                let key = (attrs["property"] ?? attrs["name"] ?? attrs["itemprop"] ?? attrs["http-equiv"])?.lowercased()
                if let key, let content = attrs["content"], !content.isEmpty, meta[key] == nil { meta[key] = content }
            case "title":
                if title == nil { title = flatText(node) }
            case "link":
                if attrs["rel"]?.lowercased() == "canonical", let href = attrs["href"], canonical == nil { canonical = href }
            case "html":
                if htmlLang == nil, let lang = attrs["lang"], !lang.isEmpty { htmlLang = lang }
            case "time":
                if timeDatetime == nil, let dt = attrs["datetime"], !dt.isEmpty { timeDatetime = dt }
            default:
                break
            }
            if relAuthor == nil, attrs["rel"]?.lowercased() == "author", dom.tag[node] == "a" { relAuthor = flatText(node) }
            if let prop = attrs["itemprop"]?.lowercased(), dom.tag[node] != "meta" {
                if prop == "author", itemAuthor == nil { itemAuthor = flatText(node) }
                if prop == "datepublished", itemDate == nil { itemDate = attrs["datetime"] ?? attrs["content"] ?? flatText(node) }
            }
        }
        func first(_ keys: [String]) -> String? {
            for key in keys { if let v = meta[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty { return v } }
            return nil
        }
        let authorMeta = first(["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"])
            .flatMap { $0.hasPrefix("http") ? nil : $0 }
        let byline = authorMeta ?? itemAuthor ?? relAuthor
        let languages = [htmlLang, first(["content-language"]), first(["og:locale"]), first(["language", "dc.language"])].compactMap { $0 }
        return (Metadata(
            title: first(["og:title", "twitter:title", "dc.title", "headline"]) ?? title.flatMap { $0.isEmpty ? nil : $0 },
            author: byline.map { $0.replacingOccurrences(of: #"^[Bb]y\s+"#, with: "", options: .regularExpression) },
            published: first(["article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
                              "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:published_time"]) ?? itemDate ?? timeDatetime,
            url: canonical.flatMap { $0.isEmpty ? nil : $0 } ?? first(["og:url"])
        ), languages)
    }

    private func flatText(_ node: Int) -> String {
        var builder = TextBuilder()
        for n in dom.subtree(node) where dom.tag[n] == FlatDOM.textTag { builder.appendInline(dom.text[n]) }
        return builder.finish().0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
