import Foundation

/// The two resolve steps that need the network (never offline): a news search for a named outlet with
/// no link (`gdelt*`), and a web archive's snapshot for a dead link (`wayback*`, `snapshots`).
/// Both ask through a `PageFetcher` (the tool's curl fetcher, so the fetch limits and address policy
/// apply), check that an answer is JSON before reading it, and keep answers in the cache folder.
/// The recorder, which alone changes the ledger, asks them and writes what they found.
public enum Providers {
    public static let defaultGDELT = "https://api.gdeltproject.org/api/v2/doc/doc"
    public static let defaultWayback = "https://archive.org/wayback/available"

    /// Request spacing for the GDELT DOC API: GDELT answers clients that ask faster than one request every
    /// 5 seconds with a plain-text "please limit requests" page instead of JSON (the value the provider
    /// has used since it was added, moved here unchanged).
    public static let gdeltSpacingMs = 5000
    /// Request spacing for the Wayback availability API: archive.org publishes no fixed limit; one request
    /// a second is the conservative pace the provider has used since it was added (moved here unchanged).
    public static let waybackSpacingMs = 1000

    /// JSON answers kept on disk by request URL, so a rerun asks nothing twice.
    struct AnswerCache {
        let folder: String

        func path(_ url: String) -> String { "\(folder)/\(SHA256.hex(url).prefix(32)).json" }
        func load(_ url: String) -> [UInt8]? { FileManager.default.contents(atPath: path(url)).map { [UInt8]($0) } }
        func store(_ url: String, _ body: [UInt8]) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? AtomicFile.write(Data(body), to: path(url))
        }
    }

    /// GETs each URL (at most one request per `spacingMs` to the provider), answering from the cache when it can.
    /// Only answers that parse as a JSON object are kept; a rate-limit page in plain text is a failure.
    static func getJSON(_ urls: [String], fetcher: any PageFetcher, spacingMs: Int, cache: AnswerCache) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        var missing: [String] = []
        for url in Set(urls) {
            if let body = cache.load(url), let json = parseObject(body) { out[url] = json } else { missing.append(url) }
        }
        guard !missing.isEmpty else { return out }
        fetcher.forAPI(spacingMs: spacingMs).fetch(missing.sorted().map { FetchRequest(url: $0) }, keepBodies: true) { result, body in
            guard result.outcome == .ok, let body, let json = parseObject(body) else { return }
            cache.store(result.url, body)
            out[result.url] = json
        }
        return out
    }

    static func parseObject(_ body: [UInt8]) -> [String: Any]? {
        guard let first = body.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }), first == UInt8(ascii: "{") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    // MARK: GDELT DOC 2.0 (ArtList, JSON)

    /// The query for a claim on one outlet: its names (as phrases) and a few content words, restricted to the domain.
    static func gdeltQuery(claim: String, domain: String) -> String {
        let terms = KeyTerms(KeyTerms.readerText(claim))
        var parts = terms.names.filter { $0.count > 2 }.prefix(3).map { $0.contains(" ") ? "\"\($0)\"" : $0 }
        let words = KeyTerms.plainWords(KeyTerms.readerText(claim)).filter { w in w.count > 3 && !parts.contains { $0.contains(w) } }
        parts += words.prefix(max(0, 5 - parts.count))
        return parts.joined(separator: " ") + " domain:\(domain)"
    }

    public static func gdeltURL(endpoint: String, query: String, around date: Date?) -> String {
        var url = "\(endpoint)?query=\(encode(query))&mode=ArtList&format=json&maxrecords=10&sort=HybridRel"
        if let date {
            let f = utcFormatter("yyyyMMddHHmmss")
            url += "&startdatetime=\(f.string(from: date.addingTimeInterval(-14 * 86400)))&enddatetime=\(f.string(from: date.addingTimeInterval(3 * 86400)))"
        }
        return url
    }

    /// The best candidates of an ArtList answer for a claim: titles sharing most of its words, at most `limit`.
    static func gdeltCandidates(_ json: [String: Any], claim: String, domain: String, limit: Int = 3) -> [String] {
        let articles = json["articles"] as? [[String: Any]] ?? []
        let wanted = Set(KeyTerms(KeyTerms.readerText(claim)).content)
        let scored = articles.compactMap { a -> (String, Int)? in
            guard let url = a["url"] as? String, LinkResolver.isFetchable(url) else { return nil }
            if let d = a["domain"] as? String, !(d == domain || d.hasSuffix("." + domain) || domain.hasSuffix("." + d)) { return nil }
            let title = Set(KeyTerms(a["title"] as? String ?? "").content)
            return (url, title.intersection(wanted).count)
        }
        return scored.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .prefix(limit).map(\.element.0)
    }

    // MARK: Wayback availability API

    public static func waybackURL(endpoint: String, url: String, timestamp: Date?) -> String {
        var q = "\(endpoint)?url=\(encode(url))"
        if let timestamp { q += "&timestamp=\(utcFormatter("yyyyMMdd").string(from: timestamp))" }
        return q
    }

    /// The closest available snapshot: (snapshot URL, its timestamp as ISO 8601).
    static func waybackSnapshot(_ json: [String: Any]) -> (url: String, time: String)? {
        guard let closest = (json["archived_snapshots"] as? [String: Any])?["closest"] as? [String: Any],
              (closest["available"] as? Bool) ?? false, let url = closest["url"] as? String, LinkResolver.isFetchable(url) else { return nil }
        if let status = closest["status"] as? String, !status.hasPrefix("2") { return nil }
        let t = closest["timestamp"] as? String ?? ""
        var iso = t
        if t.count >= 14 {
            let c = Array(t)
            iso = "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[8..<10])):\(String(c[10..<12])):\(String(c[12..<14]))Z"
        }
        return (url, iso)
    }

    /// Step 5 of resolve: each dead link's closest archive snapshot near its date, by snapshot URL →
    /// (the dead link, the snapshot's time). The snapshots themselves are pages for the fetch stage.
    static func snapshots(of dead: [String: Date?], endpoint: String, fetcher: any PageFetcher, cache: AnswerCache) -> [String: (url: String, time: String)] {
        let lookups = Dictionary(dead.keys.sorted().map { url in (waybackURL(endpoint: endpoint, url: url, timestamp: dead[url] ?? nil), url) },
                                 uniquingKeysWith: { a, _ in a })
        let answers = getJSON(Array(lookups.keys), fetcher: fetcher, spacingMs: waybackSpacingMs, cache: cache)
        var out: [String: (url: String, time: String)] = [:]
        for (lookup, original) in lookups {
            guard let answer = answers[lookup], let snapshot = waybackSnapshot(answer) else { continue }
            out[snapshot.url] = (original, snapshot.time)
        }
        return out
    }

    /// A fixed-format date formatter in UTC, independent of the machine's locale.
    static func utcFormatter(_ format: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = format
        return f
    }

    /// An article date as written in metadata ("2026-03-14", "2026-03-14T08:00:00Z", RFC 822 dates).
    static func parseDate(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let d = Timestamp.parse(text) { return d }
        let f = utcFormatter("")
        for format in ["yyyy-MM-dd'T'HH:mm:ssZZZZZ", "yyyy-MM-dd'T'HH:mm:ss.SSSZZZZZ", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "EEE, dd MMM yyyy HH:mm:ss zzz", "MMMM d, yyyy"] {
            f.dateFormat = format
            if let d = f.date(from: text) { return d }
        }
        return nil
    }
}
