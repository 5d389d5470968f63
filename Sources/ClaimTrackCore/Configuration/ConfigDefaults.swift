import Foundation

/// Every key of pipeline.yml, its type and its default, in one place.
/// The shipped pipeline.yml repeats these values with a comment each.
public enum ConfigDefaults {
    public static let toolVersion = "0.1.0"

    public static let configuration = Configuration(
        file: nil,
        articles: "seeds",
        workers: 0,
        ledger: "ledger.json",
        cache: ".claimtrack/cache",
        recheckAfter: Duration(seconds: 7 * 86400),
        extract: .init(minWords: 6),
        resolve: .init(outlets: [], search: .init(provider: "none", endpoint: nil),
                       archive: .init(provider: "none", endpoint: nil)),
        fetch: .init(concurrency: 16, perHost: 2, delayMs: 250, timeoutS: 20, retries: 2, maxBytes: 5_000_000,
                     userAgent: "claimtrack/\(toolVersion)", robots: true, allowPrivateAddresses: false),
        verify: .init(supported: 0.7, partial: 0.4),
        hash: ""
    )

    /// The shape of pipeline.yml: the loader rejects any key not named here and any value of another type.
    static let schema: ConfigShape = .mapping([
        "articles": .string,
        "workers": .integer(0...1024),
        "ledger": .string,
        "cache": .string,
        "recheck_after": .duration,
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
