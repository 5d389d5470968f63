import CLibXML2
import Foundation

/// The main text of an HTML page, with its links and metadata.
public struct HTMLContent: Sendable {
    public var text: String
    public var paragraphs: [Range<Int>]
    public var links: [Link]
    public var metadata: Metadata
    /// Languages the page declares, strongest first: `<html lang>`, `Content-Language`, `og:locale`.
    public var declaredLanguages: [String] = []
    /// Where the text came from when it is not the DOM's story (`ThinPage`).
    public var notes: [ArticleNote] = []
}

/// A flat copy of the parsed document: nodes by index, children in order.
/// Kept flat (no object graph) so that pages nested 100,000 levels deep are
/// walked with explicit stacks and freed without recursion.
struct FlatDOM {
    static let textTag = "#text"
    static let keptAttributes: Set<String> = [
        "class", "id", "href", "rel", "name", "property", "content", "itemprop", "role", "hidden", "style",
        "aria-hidden", "datetime", "charset", "itemtype",
        "type", "lang", "http-equiv",  // JSON-LD scripts, declared languages
    ]

    var tag: [String] = []
    var text: [String] = []
    var attributes: [[String: String]] = []
    var parent: [Int] = []
    var children: [[Int]] = []

    func attribute(_ node: Int, _ name: String) -> String? { attributes[node][name] }

    /// Node indexes of the subtree under `root` in document order (root first).
    func subtree(_ root: Int) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: children[node].reversed())
        }
        return out
    }
}

/// Parses HTML with libxml2 and extracts the main text. All libxml2 calls live
/// in `parse`; everything after works on Swift values.
public enum HTMLReader {
    /// Parses `html` (already decoded) and extracts its main text. nil when libxml2 finds no document.
    public static func read(_ html: String) -> HTMLContent? {
        guard let dom = parse(html) else { return nil }
        return MainTextExtractor(dom: dom).extract()
    }

    static func parse(_ html: String) -> FlatDOM? {
        ct_xml_silence_errors()
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            // Without it libxml2 stops the whole parse at nesting depth 256 ("Excessive depth") and every
            // word after that point is lost without a sign. The walk below is flat, so depth costs no stack.
            | XML_PARSE_HUGE.rawValue
        var utf8 = Array(html.utf8)
        if utf8.isEmpty { return nil }
        utf8.append(0)
        guard let doc = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count - 1), nil, "UTF-8", Int32(bitPattern: options))
            }
        }) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }

        var dom = FlatDOM()
        // Pre-order walk over libxml2's own sibling and parent pointers: no recursion.
        var node: xmlNodePtr? = root
        var current = -1  // index of the DOM node that `node`'s parent maps to
        var indexStack: [Int] = []
        while let n = node {
            var descended = false
            let type = n.pointee.type
            if type == XML_ELEMENT_NODE {
                let name = n.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
                var attrs: [String: String] = [:]
                var attr = n.pointee.properties
                while let a = attr {
                    if let aname = a.pointee.name.map({ String(cString: $0).lowercased() }), FlatDOM.keptAttributes.contains(aname) {
                        attrs[aname] = a.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
                    }
                    attr = a.pointee.next
                }
                let index = append(&dom, tag: name, text: "", attributes: attrs, parent: current)
                if let child = n.pointee.children {
                    indexStack.append(current)
                    current = index
                    node = child
                    descended = true
                }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                let content = n.pointee.content.map { String(cString: $0) } ?? ""
                if current >= 0 { _ = append(&dom, tag: FlatDOM.textTag, text: content, attributes: [:], parent: current) }
            }
            if descended { continue }
            // Move to the next sibling, climbing up while there is none.
            var up: xmlNodePtr? = n
            node = nil
            while let u = up {
                if u == root { break }
                if let next = u.pointee.next { node = next; break }
                up = u.pointee.parent
                current = indexStack.popLast() ?? -1
                if up == root { break }
            }
        }
        return dom
    }

    private static func append(_ dom: inout FlatDOM, tag: String, text: String, attributes: [String: String], parent: Int) -> Int {
        let index = dom.tag.count
        dom.tag.append(tag)
        dom.text.append(text)
        dom.attributes.append(attributes)
        dom.parent.append(parent)
        dom.children.append([])
        if parent >= 0 { dom.children[parent].append(index) }
        return index
    }
}
