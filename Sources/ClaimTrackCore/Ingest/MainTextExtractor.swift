import Foundation

/// Picks the article's main container in a `FlatDOM` and writes its text.
///
/// The cascade, each step only when the one before found nothing: an element
/// marked `itemprop=articleBody`; the `<article>` with the most paragraph
/// text; `<main>` or `role=main`; the container with the best paragraph score
/// (each paragraph scores its parent fully and its grandparent by half); the body.
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
            if tag == "article" || tag == "main" || dom.attributes[node]["itemprop"]?.lowercased() == "articlebody" { out[node] = true }
            if out[node], dom.parent[node] >= 0 { out[dom.parent[node]] = true }
        }
        return out
    }

    func extract() -> HTMLContent {
        let metadata = readMetadata()
        let root = chooseRoot()
        var builder = TextBuilder()
        var links: [Link] = []
        write(root, into: &builder, links: &links, base: metadata.url)
        let (text, paragraphs) = builder.finish()
        let count = text.unicodeScalars.count
        links = links.filter { $0.end <= count && $0.start < $0.end }
        return HTMLContent(text: text, paragraphs: paragraphs, links: links, metadata: metadata)
    }

    // MARK: Boilerplate

    static func tokens(_ value: String) -> [String] {
        var out: [String] = []
        var word = ""
        var previousLower = false
        for ch in value {
            if ch == "-" || ch == "_" || ch == " " || ch == "\t" || ch == ":" || ch == "." {
                if !word.isEmpty { out.append(word.lowercased()); word = "" }
                previousLower = false
                continue
            }
            if ch.isUppercase && previousLower { out.append(word.lowercased()); word = "" }
            word.append(ch)
            previousLower = ch.isLowercase
        }
        if !word.isEmpty { out.append(word.lowercased()) }
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
        if tag == "body" || tag == "html" || tag == "article" || tag == "main" { return false }
        if attrs["itemprop"]?.lowercased() == "articlebody" { return false }
        let words = Self.tokens((attrs["class"] ?? "") + " " + (attrs["id"] ?? ""))
        if words.isEmpty { return false }
        if words.contains(where: BoilerplateRules.contentTokens.contains) { return false }
        return words.contains(where: BoilerplateRules.boilerplateTokens.contains)
    }

    private mutating func markDropped(byName: Bool, keep: (Int) -> Bool = { _ in false }) {
        // Parents come before children in index order, so one forward pass inherits the mark.
        for node in 0..<dom.tag.count {
            let parent = dom.parent[node]
            dropped[node] = (parent >= 0 && dropped[parent]) || (isBoilerplate(node, byName: byName) && !(byName && keep(node) && !BoilerplateRules.droppedTags.contains(dom.tag[node])))
        }
    }

    /// Visible text length and link text length of every subtree, children before parents.
    private mutating func measure() {
        for node in stride(from: dom.tag.count - 1, through: 0, by: -1) {
            if dropped[node] { continue }
            if dom.tag[node] == FlatDOM.textTag {
                let length = dom.text[node].unicodeScalars.lazy.filter { !$0.properties.isWhitespace }.count
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

    private func chooseRoot() -> Int {
        let all = 0..<dom.tag.count
        let live = all.filter { !dropped[$0] }
        if let body = live.first(where: { dom.attributes[$0]["itemprop"]?.lowercased() == "articlebody" && textLength[$0] > 0 }) {
            return body
        }
        let scores = paragraphScores()
        let articles = live.filter { dom.tag[$0] == "article" && textLength[$0] > 0 }
        if let best = articles.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 {
            return best
        }
        if let main = live.first(where: { (dom.tag[$0] == "main" || dom.attributes[$0]["role"] == "main") && textLength[$0] > 0 }) {
            return main
        }
        if let best = live.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 {
            // Prefer the parent when the best container holds only part of the story.
            let parent = dom.parent[best]
            if parent >= 0, scores[parent] > scores[best] * 0.9 { return parent }
            return best
        }
        return live.first(where: { dom.tag[$0] == "body" }) ?? 0
    }

    /// Paragraph text credited to containers: parent fully, grandparent by half.
    private func paragraphScores() -> [Double] {
        var scores = Array(repeating: 0.0, count: dom.tag.count)
        for node in 0..<dom.tag.count where !dropped[node] && BoilerplateRules.paragraphTags.contains(dom.tag[node]) {
            let length = textLength[node]
            guard length >= 25, linkDensity(node) < BoilerplateRules.maxLinkDensity else { continue }
            let score = Double(length)
            var ancestor = dom.parent[node]
            var weight = 1.0
            var depth = 0
            while ancestor >= 0 && depth < 3 {
                scores[ancestor] += score * weight
                weight /= 2
                depth += 1
                ancestor = dom.parent[ancestor]
            }
        }
        return scores
    }

    // MARK: Writing the text

    private func write(_ root: Int, into builder: inout TextBuilder, links: inout [Link], base: String?) {
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
                if node != root, isStoryList(node) { continue }
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

    private func readMetadata() -> Metadata {
        var meta: [String: String] = [:]
        var title: String?
        var canonical: String?
        var relAuthor: String?
        var timeDatetime: String?
        var itemAuthor: String?
        var itemDate: String?
        for node in 0..<dom.tag.count {
            let attrs = dom.attributes[node]
            switch dom.tag[node] {
            case "meta":
                let key = (attrs["property"] ?? attrs["name"] ?? attrs["itemprop"])?.lowercased()
                if let key, let content = attrs["content"], !content.isEmpty, meta[key] == nil { meta[key] = content }
            case "title":
                if title == nil { title = flatText(node) }
            case "link":
                if attrs["rel"]?.lowercased() == "canonical", let href = attrs["href"], canonical == nil { canonical = href }
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
        return Metadata(
            title: first(["og:title", "twitter:title", "dc.title", "headline"]) ?? title.flatMap { $0.isEmpty ? nil : $0 },
            author: byline.map { $0.replacingOccurrences(of: #"^[Bb]y\s+"#, with: "", options: .regularExpression) },
            published: first(["article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
                              "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:published_time"]) ?? itemDate ?? timeDatetime,
            url: canonical.flatMap { $0.isEmpty ? nil : $0 } ?? first(["og:url"])
        )
    }

    private func flatText(_ node: Int) -> String {
        var builder = TextBuilder()
        for n in dom.subtree(node) where dom.tag[n] == FlatDOM.textTag { builder.appendInline(dom.text[n]) }
        return builder.finish().0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
