import Foundation

/// Every key of pipeline.yml, its type and its default, in one place.
/// The shipped pipeline.yml repeats these values with a comment each.
public enum ConfigDefaults {
    public static let toolVersion = "0.1.0"
    /// Pipeline version, kept in each article's record: an article whose hash and this version are
    /// unchanged is not read again (ingest decides, the recorder writes it).
    /// extract.2: languages, article notes, JSON-LD text and paywall stubs (older records lack them).
    public static let pipelineVersion = "\(toolVersion)+extract.2"

    public static let configuration = Configuration(
        file: nil,
        articles: "seeds",
        workers: 0,
        ledger: "ledger.json",
        cache: ".claimtrack/cache",
        recheckAfter: Duration(seconds: 7 * 86400),
        lease: Duration(seconds: 60),
        extract: .init(minWords: 6),
        resolve: .init(outlets: [], search: .init(provider: "none", endpoint: nil),
                       archive: .init(provider: "none", endpoint: nil)),
        fetch: .init(concurrency: 16, perHost: 2, delayMs: 250, timeoutS: 20, retries: 2, maxBytes: 5_000_000,
                     userAgent: "claimtrack/\(toolVersion)", robots: true, allowPrivateAddresses: false),
        verify: .init(supported: 0.7, partial: 0.4),
        hash: ""
    )

    /// The commented pipeline.yml that `claimtrack init` writes and the repository ships (a test keeps the
    /// two byte-identical): every key with its default and a line on what it does.
    public static func pipelineFile(articles: String = "seeds") -> String {
        // Plain when YAML reads it back as this string; else a double-quoted (JSON) string: "my news: 2026",
        // "2026", "no", "#draft" would be misread.
        let yamlWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        let plain = articles.first.map { $0.isLetter || $0 == "." || $0 == "/" } == true
            && articles.allSatisfy({ $0.isLetter || $0.isNumber || "._/-".contains($0) }) && !yamlWords.contains(articles.lowercased())
        let articles = plain ? articles : JSONValue.string(articles).serialized(pretty: false)
        return """
        # claimtrack configuration. Every key is optional; the values below are the
        # defaults. Relative paths are relative to this file's folder. Durations are
        # written 0s, 90s, 30m, 12h or 7d. Unknown keys and wrong types are errors.

        # Folder of articles to scan (.html .htm .md .markdown .txt), recursively.
        # `claimtrack run FOLDER` overrides it.
        articles: \(articles)

        # Worker threads per stage; 0 means one per core.
        workers: 0

        # The JSON ledger that keeps claims, statuses and history between runs.
        # `--ledger FILE` overrides it. Or a PostgreSQL database that many
        # `claimtrack run` processes share: postgresql://user@host:5432/claimtrack
        # (the password from PGPASSWORD or ~/.pgpass, never from this file).
        ledger: ledger.json

        # PostgreSQL ledger: how long a worker's claim on an article or a page
        # lasts without renewal; a dead worker's work is taken over after it.
        lease: 60s

        # Folder for fetched pages (their main text), addressed by content hash.
        cache: .claimtrack/cache

        # Re-verify a claim whose last check is older than this.
        recheck_after: 7d

        extract:
          # Sentences with fewer words are not claims.
          min_words: 6

        resolve:
          # Extra outlets for the built-in directory, e.g.
          #   - {name: Harbor Gazette, aliases: [the Gazette], domain: harborgazette.example}
          outlets: []
          # News search for a named outlet without a link: none, or gdelt. The
          # endpoint defaults to GDELT's DOC 2.0 API; one request per 5 seconds.
          search: {provider: none}
          # Web archive for a dead link: none, or wayback. The endpoint defaults to
          # the Wayback Machine's availability API.
          archive: {provider: none}

        fetch:
          concurrency: 16            # transfers at once
          per_host: 2                # transfers at once to one host
          delay_ms: 250              # pause between requests to one host
          timeout_s: 20              # whole-transfer limit per request
          retries: 2                 # on timeouts, connection errors, 408, 429, 5xx
          max_bytes: 5000000         # larger bodies are cut off and marked too_large
          user_agent: "claimtrack/\(toolVersion)"
          robots: true               # obey robots.txt
          allow_private_addresses: false   # refuse loopback and private networks

        verify:
          supported: 0.7             # score at or above which a passage supports a claim
          partial: 0.4               # score at or above which it supports part of it

        """
    }

    /// The shape of pipeline.yml: the loader rejects any key not named here and any value of another type.
    static let schema: ConfigShape = .mapping([
        "articles": .string,
        "workers": .integer(0...1024),
        "ledger": .string,
        "cache": .string,
        "recheck_after": .duration,
        "lease": .duration,
        "extract": .mapping(["min_words": .integer(0...1000)]),
        "resolve": .mapping([
            "outlets": .list(.mapping(["name": .string, "aliases": .list(.string), "domain": .string])),
            "search": .mapping(["provider": .oneOf(["none", "gdelt"]), "endpoint": .string]),
            "archive": .mapping(["provider": .oneOf(["none", "wayback"]), "endpoint": .string]),
        ]),
        "fetch": .mapping([
            "concurrency": .integer(1...1000),
            "per_host": .integer(1...100),
            "delay_ms": .integer(0...600_000),
            "timeout_s": .integer(1...3600),
            "retries": .integer(0...20),
            "max_bytes": .integer(1...2_000_000_000),
            "user_agent": .string,
            "robots": .boolean,
            "allow_private_addresses": .boolean,
        ]),
        "verify": .mapping(["supported": .fraction, "partial": .fraction]),
    ])
}

/// Foundation's ProcessInfo, named once so the core count is read in one place.
enum ProcessInfoCompat {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
