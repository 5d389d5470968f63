import Foundation

/// `claimtrack ledger export` / `import`: the whole ledger as one JSON document, whichever store holds it
/// (README "Running on many machines"). Schema claimtrack.ledger/2, `"form": "export"`: the /2 ledger's
/// units (one bundle per article: its record, live claims in reading order, retired claims) in one file,
/// each record in the JSON ledger's own encoding (`LedgerCodec`), bundles sorted by path and sources by
/// URL, so the same ledger always exports to the same bytes.
///
///     {"schema": "claimtrack.ledger/2", "form": "export", "tool_version": "…", "folder": "…", "id_scheme": "…",
///      "runs": [run…], "bundles": [{"path": "…", "article": {…} | null, "claims": [claim…], "retired": [claim…]}],
///      "sources": [source…]}
public enum LedgerExport {
    public static let schemaName = "claimtrack.ledger/2"
    public static let form = "export"

    /// The ledger's bundles: each article with its claims, and the claims of removed articles under their old path.
    static func bundles(_ l: Ledger) -> [(path: String, article: ArticleRecord?, claims: [ClaimRecord], retired: [ClaimRecord])] {
        var paths = Set(l.articles.keys)
        var livesBy: [String: [ClaimRecord]] = [:]
        var retiredBy: [String: [ClaimRecord]] = [:]
        for c in l.claims.values { livesBy[c.article, default: []].append(c) }
        for c in l.retired.values { retiredBy[c.article, default: []].append(c) }
        paths.formUnion(livesBy.keys)
        paths.formUnion(retiredBy.keys)
        return paths.sorted().map { path in
            let article = l.articles[path]
            let order = Dictionary((article?.claims ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            // Reading order first; a claim its article does not list (a hand-edited ledger) after, by id.
            let live = (livesBy[path] ?? []).sorted { (order[$0.id] ?? Int.max, $0.id) < (order[$1.id] ?? Int.max, $1.id) }
            let retired = (retiredBy[path] ?? []).sorted { $0.id < $1.id }
            return (path, article, live, retired)
        }
    }

    /// Writes the document to `sink` in chunks (a large ledger is never held twice).
    public static func encode(_ l: Ledger, sink: (UnsafeRawBufferPointer) -> Void) {
        var w = JSONWriter(capacity: 1 << 20)
        withoutActuallyEscaping(sink) { sink in
            let flush = { (w: inout JSONWriter) in if w.bytes.count >= 1 << 20 { w.drain(sink) } }
            w.object { w in
                w.key("schema"); w.string(schemaName)
                w.key("form"); w.string(form)
                w.key("tool_version"); w.string(l.toolVersion)
                w.field("folder", l.folder)
                w.field("id_scheme", l.idScheme)
                w.key("runs"); w.array { w in for r in l.runs.sorted(by: { $0.id < $1.id }) { LedgerCodec.run(r, &w) } }
                w.key("bundles"); w.array { w in
                    for b in bundles(l) {
                        w.object { w in
                            w.key("path"); w.string(b.path)
                            w.key("article")
                            if let a = b.article { LedgerCodec.article(a, &w) } else { w.null() }
                            w.key("claims"); w.array { w in for c in b.claims { LedgerCodec.claim(c, &w) } }
                            w.key("retired"); w.array { w in for c in b.retired { LedgerCodec.claim(c, &w) } }
                        }
                        flush(&w)
                    }
                }
                w.key("sources"); w.array { w in
                    for url in l.sources.keys.sorted() { LedgerCodec.source(l.sources[url]!, &w); flush(&w) }
                }
            }
            w.raw(0x0A)
            w.drain(sink)
        }
    }

    public static func encode(_ l: Ledger) -> [UInt8] {
        var out: [UInt8] = []
        encode(l) { out.append(contentsOf: $0) }
        return out
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads an export document back into a ledger; anything else (a ledger/1 file included) is refused.
    public static func decode(_ bytes: [UInt8]) throws -> Ledger {
        let r = JSONReader(bytes)
        var l = Ledger()
        l.idScheme = nil
        var schema: String?
        var kind: String?
        try r.object { key in
            switch key {
            case "schema": schema = try r.string()
            case "form": kind = try r.string()
            case "tool_version": l.toolVersion = try r.string()
            case "folder": l.folder = try r.optionalString()
            case "id_scheme": l.idScheme = try r.optionalString()
            case "runs": try r.array { l.runs.append(try LedgerCodec.run(r)) }
            case "bundles":
                try r.array {
                    var path: String?
                    var article: ArticleRecord?
                    var claims: [ClaimRecord] = []
                    var retired: [ClaimRecord] = []
                    try r.object { key in
                        switch key {
                        case "path": path = try r.string()
                        case "article": article = try r.null() ? nil : try LedgerCodec.article(r)
                        case "claims": try r.array { claims.append(try LedgerCodec.claim(r)) }
                        case "retired": try r.array { retired.append(try LedgerCodec.claim(r)) }
                        default: try r.skip()
                        }
                    }
                    guard let path else { throw r.fail("a bundle without a path") }
                    if let article { l.articles[path] = article }
                    for c in claims { l.claims[c.id] = c }
                    for c in retired { l.retired[c.id] = c }
                }
            case "sources": try r.array { let s = try LedgerCodec.source(r); l.sources[s.url] = s }
            default: try r.skip()
            }
        }
        try r.end()
        guard schema == schemaName, kind == form else {
            throw Failure(description: "not a claimtrack ledger export (schema \(schema ?? "missing")\(kind.map { ", form \($0)" } ?? ""); expected \(schemaName), form \(form))")
        }
        return l
    }
}
