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

    /// What an export document holds.
    public struct Document {
        public var toolVersion = ConfigDefaults.toolVersion
        public var folder: String?
        public var idScheme: String?
        public var runs: [RunRecord] = []
        public var bundles: [ArticleBundle] = []
        public var sources: [SourceRecord] = []
    }

    /// Streams `store`'s whole ledger to `sink` in chunks: one bundle in memory at a time.
    public static func encode(_ store: any LedgerBackend, sink: (UnsafeRawBufferPointer) -> Void) throws {
        var w = JSONWriter(capacity: 1 << 20)
        let scheme = (store as? JSONLedger)?.idScheme ?? (store as? PostgresBackend)?.idScheme ?? ClaimID.scheme
        var failure: Error?
        withoutActuallyEscaping(sink) { sink in
            let flush = { (w: inout JSONWriter) in if w.bytes.count >= 1 << 20 { w.drain(sink) } }
            w.object { w in
                w.key("schema"); w.string(schemaName)
                w.key("form"); w.string(form)
                w.key("tool_version"); w.string(store.lastToolVersion ?? ConfigDefaults.toolVersion)
                w.field("folder", store.folder)
                w.field("id_scheme", scheme)
                w.key("runs"); w.array { w in for r in store.runs.sorted(by: { $0.id < $1.id }) { LedgerCodec.run(r, &w) } }
                w.key("bundles"); w.array { w in
                    do {
                        try store.forEachBundle { b in
                            w.object { w in
                                w.key("path"); w.string(b.path)
                                w.key("article")
                                if let a = b.article { LedgerCodec.article(a, &w) } else { w.null() }
                                w.key("claims"); w.array { w in for c in b.claims { LedgerCodec.claim(c, &w) } }
                                w.key("retired"); w.array { w in for c in b.retired.sorted(by: { $0.id < $1.id }) { LedgerCodec.claim(c, &w) } }
                            }
                            flush(&w)
                        }
                    } catch { failure = error }
                }
                w.key("sources"); w.array { w in
                    do { try store.forEachSource { LedgerCodec.source($0, &w); flush(&w) } } catch { failure = failure ?? error }
                }
            }
            w.raw(0x0A)
            w.drain(sink)
        }
        if let failure { throw failure }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads an export document back; anything else (a ledger file included) is refused.
    public static func decode(_ bytes: [UInt8]) throws -> Document {
        let r = JSONReader(bytes)
        var d = Document()
        var schema: String?
        var kind: String?
        try r.object { key in
            switch key {
            case "schema": schema = try r.string()
            case "form": kind = try r.string()
            case "tool_version": d.toolVersion = try r.string()
            case "folder": d.folder = try r.optionalString()
            case "id_scheme": d.idScheme = try r.optionalString()
            case "runs": try r.array { d.runs.append(try LedgerCodec.run(r)) }
            case "bundles":
                try r.array {
                    var b = ArticleBundle(path: "")
                    var sawPath = false
                    try r.object { key in
                        switch key {
                        case "path": b.path = try r.string(); sawPath = true
                        case "article": b.article = try r.null() ? nil : try LedgerCodec.article(r)
                        case "claims": try r.array { b.claims.append(try LedgerCodec.claim(r)) }
                        case "retired": try r.array { b.retired.append(try LedgerCodec.claim(r)) }
                        default: try r.skip()
                        }
                    }
                    guard sawPath else { throw r.fail("a bundle without a path") }
                    d.bundles.append(b)
                }
            case "sources": try r.array { d.sources.append(try LedgerCodec.source(r)) }
            default: try r.skip()
            }
        }
        try r.end()
        guard schema == schemaName, kind == form else {
            throw Failure(description: "not a claimtrack ledger export (schema \(schema ?? "missing")\(kind.map { ", form \($0)" } ?? ""); expected \(schemaName), form \(form))")
        }
        return d
    }
}
