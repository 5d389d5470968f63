/// The ledger's JSON, written and read field by field (`JSONWriter`, `JSONReader`).
/// Keys are snake_case; optional and empty fields are left out and read back
/// as nil or empty; unknown keys are skipped, so a newer ledger still loads.
enum LedgerCodec {
    static func encode(_ l: Ledger) -> [UInt8] {
        var out: [UInt8] = []
        encode(l) { out.append(contentsOf: $0) }
        return out
    }

    /// Streams the document to `sink` in chunks of about a megabyte, so writing never holds a second copy of the ledger.
    static func encode(_ l: Ledger, sink: (UnsafeRawBufferPointer) -> Void) {
        var w = JSONWriter(capacity: 1 << 20)
        withoutActuallyEscaping(sink) { sink in
            let flush = { (w: inout JSONWriter) in if w.bytes.count >= 1 << 20 { w.drain(sink) } }
            w.object { w in
                w.key("schema"); w.string(l.schema)
                w.key("tool_version"); w.string(l.toolVersion)
                w.field("folder", l.folder)
                w.field("id_scheme", l.idScheme)
                w.key("runs"); w.array { w in for r in l.runs { run(r, &w) } }
                w.key("articles"); w.object { w in
                    for path in l.articles.keys.sorted() { w.key(path); article(l.articles[path]!, &w) }
                }
                w.key("claims"); w.object { w in
                    for id in l.claims.keys.sorted() { w.key(id); claim(l.claims[id]!, &w); flush(&w) }
                }
                w.key("sources"); w.object { w in
                    for url in l.sources.keys.sorted() { w.key(url); source(l.sources[url]!, &w) }
                }
                if !l.retired.isEmpty {
                    w.key("retired_claims"); w.object { w in
                        for id in l.retired.keys.sorted() { w.key(id); claim(l.retired[id]!, &w); flush(&w) }
                    }
                }
            }
            w.raw(0x0A)
            w.drain(sink)
        }
    }

    static func decode(_ bytes: [UInt8]) throws -> Ledger {
        let r = JSONReader(bytes)
        var l = Ledger()
        l.idScheme = nil
        var sawSchema = false
        try r.object { key in
            switch key {
            case "schema": l.schema = try r.string(); sawSchema = true
            case "tool_version": l.toolVersion = try r.string()
            case "folder": l.folder = try r.optionalString()
            case "runs": try r.array { l.runs.append(try run(r)) }
            case "articles": try r.object { path in l.articles[path] = try article(r) }
            case "claims":
                l.claims.reserveCapacity(1024)
                try r.object { id in l.claims[id] = try claim(r) }
            case "sources": try r.object { url in l.sources[url] = try source(r) }
            case "id_scheme": l.idScheme = try r.optionalString()
            case "retired_claims": try r.object { id in l.retired[id] = try claim(r) }
            default: try r.skip()
            }
        }
        try r.end()
        guard sawSchema else { throw r.fail("no schema key") }
        return l
    }

    // MARK: Runs

    static func run(_ x: RunRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("id"); w.int(x.id)
            w.key("started"); w.string(x.started)
            w.key("finished"); w.string(x.finished)
            w.key("folder"); w.string(x.folder)
            w.key("offline"); w.bool(x.offline)
            w.key("counts"); w.object { w in
                let c = x.counts
                for (k, v) in [("articles", c.articles), ("unchanged", c.unchanged), ("failed", c.failed), ("removed", c.removed),
                               ("claims", c.claims), ("new_claims", c.newClaims), ("changed", c.changed),
                               ("removed_claims", c.removedClaims), ("moved", c.moved),
                               ("pages_fetched", c.pagesFetched), ("pages_not_modified", c.pagesNotModified), ("pages_failed", c.pagesFailed)] {
                    w.key(k); w.int(v)
                }
                w.key("by_status"); w.object { w in for k in c.byStatus.keys.sorted() { w.key(k); w.int(c.byStatus[k]!) } }
            }
            w.key("errors"); w.array { w in
                for d in x.errors { w.object { w in w.key("severity"); w.string(d.severity.rawValue); w.key("file"); w.string(d.file); w.key("message"); w.string(d.message) } }
            }
            w.key("config_hash"); w.string(x.configHash)
            w.key("tool_version"); w.string(x.toolVersion)
            if !x.articleChanges.isEmpty {
                w.key("article_changes"); w.array { w in
                    for a in x.articleChanges {
                        w.object { w in
                            w.key("id"); w.string(a.id); w.key("path"); w.string(a.path)
                            w.field("title", a.title); w.field("moved_to", a.movedTo)
                        }
                    }
                }
            }
        }
    }

    static func run(_ r: JSONReader) throws -> RunRecord {
        var x = RunRecord(id: 0, started: "", finished: "", folder: "", offline: false, counts: .init(), errors: [], configHash: "", toolVersion: "")
        try r.object { key in
            switch key {
            case "id": x.id = try r.int()
            case "started": x.started = try r.string()
            case "finished": x.finished = try r.string()
            case "folder": x.folder = try r.string()
            case "offline": x.offline = try r.bool()
            case "config_hash": x.configHash = try r.string()
            case "tool_version": x.toolVersion = try r.string()
            case "counts":
                try r.object { k in
                    switch k {
                    case "articles": x.counts.articles = try r.int()
                    case "unchanged": x.counts.unchanged = try r.int()
                    case "failed": x.counts.failed = try r.int()
                    case "removed": x.counts.removed = try r.int()
                    case "claims": x.counts.claims = try r.int()
                    case "new_claims": x.counts.newClaims = try r.int()
                    case "changed": x.counts.changed = try r.int()
                    case "removed_claims": x.counts.removedClaims = try r.int()
                    case "moved": x.counts.moved = try r.int()
                    case "pages_fetched": x.counts.pagesFetched = try r.int()
                    case "pages_not_modified": x.counts.pagesNotModified = try r.int()
                    case "pages_failed": x.counts.pagesFailed = try r.int()
                    case "by_status": try r.object { s in x.counts.byStatus[s] = try r.int() }
                    default: try r.skip()
                    }
                }
            case "errors":
                try r.array {
                    var d = Diagnostic(.error, file: "", "")
                    try r.object { k in
                        switch k {
                        case "severity": d.severity = Diagnostic.Severity(rawValue: try r.string()) ?? .error
                        case "file": d.file = try r.string()
                        case "message": d.message = try r.string()
                        default: try r.skip()
                        }
                    }
                    x.errors.append(d)
                }
            case "article_changes":
                try r.array {
                    var a = RunRecord.ArticleChange(id: "", path: "", title: nil)
                    try r.object { k in
                        switch k {
                        case "id": a.id = try r.string()
                        case "path": a.path = try r.string()
                        case "title": a.title = try r.optionalString()
                        case "moved_to": a.movedTo = try r.optionalString()
                        default: try r.skip()
                        }
                    }
                    x.articleChanges.append(a)
                }
            default: try r.skip()
            }
        }
        return x
    }

    // MARK: Articles

    static func article(_ a: ArticleRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("id"); w.string(a.id)
            w.key("path"); w.string(a.path)
            w.key("hash"); w.string(a.hash)
            w.key("pipeline_version"); w.string(a.pipelineVersion)
            w.field("title", a.title)
            w.field("author", a.author)
            w.field("published", a.published)
            w.field("url", a.url)
            w.key("claims"); w.strings(a.claims)
            w.key("last_run"); w.int(a.lastRun)
            w.field("language", a.language)
            w.field("fingerprint", a.fingerprint)
            if !a.notes.isEmpty {
                w.key("notes"); w.array { w in
                    for n in a.notes { w.object { w in w.key("code"); w.string(n.code); w.key("message"); w.string(n.message) } }
                }
            }
        }
    }

    static func article(_ r: JSONReader) throws -> ArticleRecord {
        var a = ArticleRecord(id: "", path: "", hash: "", pipelineVersion: "", title: nil, author: nil, published: nil, url: nil, claims: [], lastRun: 0)
        try r.object { key in
            switch key {
            case "id": a.id = try r.string()
            case "path": a.path = try r.string()
            case "hash": a.hash = try r.string()
            case "pipeline_version": a.pipelineVersion = try r.shared()
            case "title": a.title = try r.optionalString()
            case "author": a.author = try r.optionalString()
            case "published": a.published = try r.optionalString()
            case "url": a.url = try r.optionalString()
            case "claims": a.claims = try r.strings()
            case "last_run": a.lastRun = try r.int()
            case "language": a.language = try r.optionalShared()
            case "fingerprint": a.fingerprint = try r.optionalString()
            case "notes":
                try r.array {
                    var n = ArticleNote(code: "", message: "")
                    try r.object { k in
                        switch k {
                        case "code": n.code = try r.shared()
                        case "message": n.message = try r.shared()
                        default: try r.skip()
                        }
                    }
                    a.notes.append(n)
                }
            default: try r.skip()
            }
        }
        return a
    }

    // MARK: Claims

    static func claim(_ c: ClaimRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("id"); w.string(c.id)
            w.key("article"); w.string(c.article)
            w.key("text"); w.string(c.text)
            w.key("start"); w.int(c.start)
            w.key("end"); w.int(c.end)
            w.field("hedges", c.hedges)
            if !c.attributions.isEmpty { w.key("attributions"); w.array { w in for a in c.attributions { attribution(a, &w) } } }
            w.key("status"); w.string(c.status.rawValue)
            w.key("reason"); w.string(c.reason)
            if !c.evidence.isEmpty { w.key("evidence"); w.array { w in for e in c.evidence { evidence(e, &w) } } }
            w.key("history"); w.array { w in
                for h in c.history {
                    w.object { w in
                        w.key("run"); w.int(h.run); w.key("time"); w.string(h.time); w.key("status"); w.string(h.status.rawValue)
                        w.field("from", h.from?.rawValue)
                        w.field("event", h.event?.rawValue)
                    }
                }
            }
            w.field("last_checked", c.lastChecked)
            if let review = c.review {
                w.key("review"); w.object { w in
                    w.key("verdict"); w.string(review.verdict.rawValue)
                    w.key("note"); w.string(review.note)
                    w.key("at"); w.string(review.at)
                    w.key("by"); w.string(review.by)
                    w.key("machine_status"); w.string(review.machineStatus.rawValue)
                }
            }
        }
    }

    static func claim(_ r: JSONReader) throws -> ClaimRecord {
        var c = ClaimRecord(id: "", article: "", text: "", start: 0, end: 0, hedges: [], attributions: [], status: .pending, reason: "",
                            evidence: [], history: [], lastChecked: nil)
        try r.object { key in
            switch key {
            case "id": c.id = try r.string()
            case "article": c.article = try r.shared()
            case "text": c.text = try r.string()
            case "start": c.start = try r.int()
            case "end": c.end = try r.int()
            case "hedges": c.hedges = try r.strings()
            case "attributions": try r.array { c.attributions.append(try attribution(r)) }
            case "status": c.status = try status(r)
            case "reason": c.reason = try r.shared()
            case "evidence": try r.array { c.evidence.append(try evidence(r)) }
            case "history":
                try r.array {
                    var h = StatusChange(run: 0, time: "", status: .pending, from: nil)
                    try r.object { k in
                        switch k {
                        case "run": h.run = try r.int()
                        case "time": h.time = try r.shared()
                        case "status": h.status = try status(r)
                        case "from": h.from = try r.null() ? nil : try status(r)
                        case "event": h.event = try r.optionalString().flatMap(StatusChange.Event.init(rawValue:))
                        default: try r.skip()
                        }
                    }
                    c.history.append(h)
                }
            case "last_checked": c.lastChecked = try r.optionalShared()
            case "review":
                var review = Review(verdict: .pending, note: "", at: "", by: "", machineStatus: .pending)
                try r.object { k in
                    switch k {
                    case "verdict": review.verdict = try status(r)
                    case "note": review.note = try r.string()
                    case "at": review.at = try r.string()
                    case "by": review.by = try r.string()
                    case "machine_status": review.machineStatus = try status(r)
                    default: try r.skip()
                    }
                }
                c.review = review
            default: try r.skip()
            }
        }
        guard !c.id.isEmpty else { throw r.fail("a claim without an id") }
        return c
    }

    static func status(_ r: JSONReader) throws -> ClaimStatus {
        let word = try r.string()
        guard let s = ClaimStatus(rawValue: word) else { throw r.fail("unknown status \(word)") }
        return s
    }

    static func attribution(_ a: AttributionRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("source"); w.string(a.source)
            w.key("kind"); w.string(a.kind.rawValue)
            w.key("cue"); w.string(a.cue)
            w.field("resolved", a.resolved)
            if let by = a.resolvedBy { w.key("resolved_by"); w.string(by.rawValue) }
            if let o = a.outlet { w.key("outlet"); w.object { w in w.key("name"); w.string(o.name); w.key("domain"); w.string(o.domain) } }
            w.field("urls", a.urls)
            w.field("origins", a.origins)
        }
    }

    static func attribution(_ r: JSONReader) throws -> AttributionRecord {
        var a = AttributionRecord(source: "", kind: .anonymous, cue: "", resolved: nil, outlet: nil, urls: [], origins: [])
        try r.object { key in
            switch key {
            case "source": a.source = try r.shared()
            case "kind":
                let word = try r.string()
                guard let kind = AttributionKind(rawValue: word) else { throw r.fail("unknown kind \(word)") }
                a.kind = kind
            case "cue": a.cue = try r.shared()
            case "resolved": a.resolved = try r.optionalShared()
            case "resolved_by": a.resolvedBy = try r.optionalShared().flatMap(ResolvedBy.init(rawValue:))
            case "outlet":
                if try !r.null() {
                    var o = Outlet(name: "", domain: "")
                    try r.object { k in
                        switch k {
                        case "name": o.name = try r.shared()
                        case "domain": o.domain = try r.shared()
                        default: try r.skip()
                        }
                    }
                    a.outlet = o
                }
            case "urls": a.urls = try r.strings()
            case "origins": a.origins = try r.strings()
            default: try r.skip()
            }
        }
        return a
    }

    static func evidence(_ e: EvidenceRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("url"); w.string(e.url)
            w.field("final_url", e.finalUrl)
            w.field("http_status", e.httpStatus)
            w.key("fetch"); w.string(e.fetch.rawValue)
            w.field("verdict", e.verdict?.rawValue)
            w.field("score", e.score)
            w.field("passage", e.passage)
            w.field("matched", e.matched)
            w.field("missing", e.missing)
            w.field("conflicts", e.conflicts)
            w.field("archive_url", e.archiveUrl)
            w.field("archive_time", e.archiveTime)
            w.field("wait_until", e.waitUntil)
            if !e.subclaims.isEmpty {
                w.key("subclaims")
                w.array { w in
                    for s in e.subclaims {
                        w.object { w in
                            w.key("text"); w.string(s.text)
                            w.key("verdict"); w.string(s.verdict.rawValue)
                            w.key("score"); w.double(s.score)
                            w.key("passage"); w.string(s.passage)
                        }
                    }
                }
            }
        }
    }

    static func evidence(_ r: JSONReader) throws -> EvidenceRecord {
        var e = EvidenceRecord(url: "", finalUrl: nil, httpStatus: nil, fetch: .error, verdict: nil, score: nil, passage: nil, matched: [], missing: [], conflicts: [])
        try r.object { key in
            switch key {
            case "url": e.url = try r.string()
            case "final_url": e.finalUrl = try r.optionalString()
            case "http_status": e.httpStatus = try r.optionalInt()
            case "fetch": e.fetch = FetchOutcome(rawValue: try r.string()) ?? .error
            case "verdict": e.verdict = try r.optionalString().flatMap(Verdict.init(rawValue:))
            case "score": e.score = try r.optionalDouble()
            case "passage": e.passage = try r.optionalString()
            case "matched": e.matched = try r.strings()
            case "missing": e.missing = try r.strings()
            case "conflicts": e.conflicts = try r.strings()
            case "archive_url": e.archiveUrl = try r.optionalString()
            case "archive_time": e.archiveTime = try r.optionalString()
            case "wait_until": e.waitUntil = try r.optionalString()
            case "subclaims":
                try r.array {
                    var s = SubclaimRecord(text: "", verdict: .unsupported, score: 0, passage: "")
                    try r.object { key in
                        switch key {
                        case "text": s.text = try r.string()
                        case "verdict": s.verdict = Verdict(rawValue: try r.string()) ?? .unsupported
                        case "score": s.score = try r.optionalDouble() ?? 0
                        case "passage": s.passage = try r.string()
                        default: try r.skip()
                        }
                    }
                    e.subclaims.append(s)
                }
            default: try r.skip()
            }
        }
        return e
    }

    // MARK: Sources

    static func source(_ s: SourceRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("url"); w.string(s.url)
            w.field("final_url", s.finalUrl)
            w.field("http_status", s.httpStatus)
            w.field("content_type", s.contentType)
            w.field("etag", s.etag)
            w.field("last_modified", s.lastModified)
            w.field("content_hash", s.contentHash)
            w.field("fetched_at", s.fetchedAt)
            w.field("fetch", s.fetch?.rawValue)
            w.field("error", s.error)
            w.field("first_failure", s.firstFailure)
            w.field("failures", s.failures)
            w.field("archive_url", s.archiveUrl)
            w.field("archive_time", s.archiveTime)
            w.field("archive_content_hash", s.archiveContentHash)
            w.field("wait_until", s.waitUntil)
        }
    }

    static func source(_ r: JSONReader) throws -> SourceRecord {
        var s = SourceRecord(url: "")
        try r.object { key in
            switch key {
            case "url": s.url = try r.string()
            case "final_url": s.finalUrl = try r.optionalString()
            case "http_status": s.httpStatus = try r.optionalInt()
            case "content_type": s.contentType = try r.optionalShared()
            case "etag": s.etag = try r.optionalString()
            case "last_modified": s.lastModified = try r.optionalString()
            case "content_hash": s.contentHash = try r.optionalString()
            case "fetched_at": s.fetchedAt = try r.optionalString()
            case "fetch": s.fetch = try r.optionalString().flatMap(FetchOutcome.init(rawValue:))
            case "error": s.error = try r.optionalString()
            case "first_failure": s.firstFailure = try r.optionalString()
            case "failures": s.failures = try r.optionalInt()
            case "archive_url": s.archiveUrl = try r.optionalString()
            case "archive_time": s.archiveTime = try r.optionalString()
            case "archive_content_hash": s.archiveContentHash = try r.optionalString()
            case "wait_until": s.waitUntil = try r.optionalString()
            default: try r.skip()
            }
        }
        return s
    }
}
