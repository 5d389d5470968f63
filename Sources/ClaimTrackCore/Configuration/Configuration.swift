/// The resolved configuration: every value present, defaults applied, paths absolute.
/// `ConfigLoader` builds it from pipeline.yml; `ConfigDefaults` holds the defaults.
public struct Configuration: Sendable, Equatable {
    public struct Extract: Sendable, Equatable {
        public var minWords: Int
    }
    public struct OutletEntry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var domain: String
    }
    public struct Provider: Sendable, Equatable {
        public var provider: String
        public var endpoint: String?
    }
    public struct Resolve: Sendable, Equatable {
        public var outlets: [OutletEntry]
        public var search: Provider
        public var archive: Provider
    }
    public struct Fetch: Sendable, Equatable {
        public var concurrency: Int
        public var perHost: Int
        public var delayMs: Int
        public var timeoutS: Int
        public var retries: Int
        public var maxBytes: Int
        public var userAgent: String
        public var robots: Bool
        public var allowPrivateAddresses: Bool
    }
    public struct Verify: Sendable, Equatable {
        public var supported: Double
        public var partial: Double
    }

    /// The file this came from, nil for built-in defaults.
    public var file: String?
    public var articles: String
    public var workers: Int
    public var ledger: String
    public var cache: String
    public var recheckAfter: Duration
    /// PostgreSQL ledger: how long a worker's claim on an article, a page or a host slot lasts unrenewed.
    public var lease: Duration
    public var extract: Extract
    public var resolve: Resolve
    public var fetch: Fetch
    public var verify: Verify
    /// SHA-256 of the file's text ("" for defaults), recorded with each run.
    public var hash: String

    /// The PostgreSQL ledger `ledger` names, nil for a JSON ledger file (validated by `ConfigLoader`).
    public var ledgerDatabase: PostgresAddress? {
        PostgresAddress.isAddress(ledger) ? try? PostgresAddress.parse(ledger) : nil
    }

    /// Worker threads per stage: `workers`, or one per core when 0.
    public var effectiveWorkers: Int {
        workers > 0 ? workers : max(1, ProcessInfoCompat.activeProcessorCount)
    }
}

/// A length of time written `0s`, `90s`, `30m`, `12h` or `7d`.
public struct Duration: Sendable, Equatable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public init?(_ text: String) {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        guard let unit = text.last, let scale = units[unit], text.count > 1,
              let value = Int(text.dropLast()), value >= 0, value <= Int(Int32.max) else { return nil }
        seconds = value * scale
    }

    public var description: String {
        for (unit, scale) in [("d", 86400), ("h", 3600), ("m", 60)] where seconds > 0 && seconds % scale == 0 {
            return "\(seconds / scale)\(unit)"
        }
        return "\(seconds)s"
    }
}
