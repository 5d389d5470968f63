import Foundation
import Yams

/// The expected type of one pipeline.yml value.
indirect enum ConfigShape: Sendable {
    case string, boolean, duration, fraction
    case integer(ClosedRange<Int>)
    case oneOf([String])
    case list(ConfigShape)
    case mapping([String: ConfigShape])

    var expectation: String {
        switch self {
        case .string: return "a string"
        case .boolean: return "true or false"
        case .duration: return "a duration such as 90s, 30m, 12h or 7d"
        case .fraction: return "a number from 0 to 1"
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .oneOf(let words): return "one of " + words.joined(separator: ", ")
        case .list: return "a list"
        case .mapping: return "a mapping of keys"
        }
    }
}

/// Values given on the command line; they override the file in `ConfigLoader.load`, and only there.
public struct ConfigOverrides: Sendable {
    public var articles: String?
    public var ledger: String?

    public init(articles: String? = nil, ledger: String? = nil) {
        self.articles = articles
        self.ledger = ledger
    }
}

public enum ConfigLoader {
    public static let defaultFile = "pipeline.yml"

    /// Loads `path` (or `./pipeline.yml` when nil; a missing default file means built-in defaults),
    /// validates every key, resolves relative paths against the file's folder and applies `overrides`
    /// (relative to the current directory).
    public static func load(path: String?, overrides: ConfigOverrides = .init()) throws -> Configuration {
        let cwd = FileManager.default.currentDirectoryPath
        var config = ConfigDefaults.configuration
        let file = path ?? defaultFile
        let baseDir: String
        if FileManager.default.fileExists(atPath: file) {
            let text: String
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                guard let decoded = String(data: data, encoding: .utf8) else {
                    throw ClaimTrackError.configuration(file: file, line: nil, key: "", message: "not UTF-8 text")
                }
                text = decoded
            } catch let error as ClaimTrackError {
                throw error
            } catch {
                throw ClaimTrackError.configuration(file: file, line: nil, key: "", message: "cannot be read (\(error.localizedDescription))")
            }
            config = try parse(text, file: file)
            baseDir = PathUtil.parent(of: PathUtil.absolute(file, base: cwd))
        } else if path != nil {
            throw ClaimTrackError.configuration(file: file, line: nil, key: "", message: "no such configuration file")
        } else {
            baseDir = cwd
        }
        config.articles = PathUtil.absolute(config.articles, base: baseDir)
        // A PostgreSQL address is not a path: it stays as written.
        if !PostgresAddress.isAddress(config.ledger) { config.ledger = PathUtil.absolute(config.ledger, base: baseDir) }
        config.cache = PathUtil.absolute(config.cache, base: baseDir)
        if let articles = overrides.articles { config.articles = PathUtil.absolute(articles, base: cwd) }
        if let ledger = overrides.ledger {
            if PostgresAddress.isAddress(ledger) {
                do { _ = try PostgresAddress.parse(ledger) } catch { throw ClaimTrackError.usage("--ledger: \(error)") }
                config.ledger = ledger
            } else {
                config.ledger = PathUtil.absolute(ledger, base: cwd)
            }
        }
        return config
    }

    /// Parses pipeline.yml text; paths stay as written.
    public static func parse(_ text: String, file: String) throws -> Configuration {
        var config = ConfigDefaults.configuration
        config.file = file
        config.hash = SHA256.hex(text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ClaimTrackError.configuration(file: file, line: yamlErrorLine(error), key: "", message: "not valid YAML: \(yamlErrorProblem(error))")
        }
        guard let root else { return config }  // an empty file: all defaults
        if case .scalar(let scalar) = root, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return config }
        let reader = Reader(file: file)
        try reader.validate(root, shape: ConfigDefaults.schema, key: "")
        let top = root.mapping!
        func value(_ path: [String]) -> Node? {
            var node: Node? = root
            for part in path { node = node?.mapping?[part] }
            return node
        }
        if let v = top["articles"] { config.articles = v.string! }
        if let v = top["workers"] { config.workers = v.int! }
        if let v = top["ledger"] {
            config.ledger = v.string!
            if PostgresAddress.isAddress(config.ledger) {
                // The message names the file and line, never the value: it may hold the password it refuses.
                do { _ = try PostgresAddress.parse(config.ledger) } catch {
                    throw ClaimTrackError.configuration(file: file, line: v.mark?.line, key: "ledger", message: "\(error)")
                }
            }
        }
        if let v = top["lease"] { config.lease = Duration(v.string!)! }
        if let v = top["cache"] { config.cache = v.string! }
        if let v = top["recheck_after"] { config.recheckAfter = Duration(v.string!)! }
        if let v = value(["extract", "min_words"]) { config.extract.minWords = v.int! }
        if let list = value(["resolve", "outlets"])?.sequence {
            config.resolve.outlets = try list.enumerated().map { index, item in
                let m = item.mapping!
                guard let name = m["name"]?.string, let domain = m["domain"]?.string else {
                    throw ClaimTrackError.configuration(file: file, line: item.mark?.line, key: "resolve.outlets[\(index)]",
                                                        message: "each outlet needs a name and a domain")
                }
                return .init(name: name, aliases: m["aliases"]?.sequence?.compactMap(\.string) ?? [], domain: domain)
            }
        }
        for (key, keyPath) in [("search", \Configuration.Resolve.search), ("archive", \Configuration.Resolve.archive)] {
            if let v = value(["resolve", key, "provider"]) { config.resolve[keyPath: keyPath].provider = v.string! }
            if let v = value(["resolve", key, "endpoint"]) { config.resolve[keyPath: keyPath].endpoint = v.string! }
        }
        let fetchInts: [(String, WritableKeyPath<Configuration.Fetch, Int>)] = [
            ("concurrency", \.concurrency), ("per_host", \.perHost), ("delay_ms", \.delayMs),
            ("timeout_s", \.timeoutS), ("retries", \.retries), ("max_bytes", \.maxBytes),
        ]
        for (key, path) in fetchInts { if let v = value(["fetch", key]) { config.fetch[keyPath: path] = v.int! } }
        if let v = value(["fetch", "user_agent"]) { config.fetch.userAgent = v.string! }
        if let v = value(["fetch", "robots"]) { config.fetch.robots = v.bool! }
        if let v = value(["fetch", "allow_private_addresses"]) { config.fetch.allowPrivateAddresses = v.bool! }
        if let v = value(["verify", "supported"]) { config.verify.supported = v.float! }
        if let v = value(["verify", "partial"]) { config.verify.partial = v.float! }
        if config.verify.partial > config.verify.supported {
            throw ClaimTrackError.configuration(file: file, line: value(["verify", "partial"])?.mark?.line, key: "verify.partial",
                                                message: "must not be above verify.supported (\(config.verify.supported))")
        }
        return config
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func yamlErrorProblem(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }

    /// Walks the YAML tree against the schema; the first problem found is thrown with its line and dotted key.
    private struct Reader {
        let file: String

        func fail(_ node: Node, _ key: String, _ message: String) -> ClaimTrackError {
            .configuration(file: file, line: node.mark?.line, key: key, message: message)
        }

        func describe(_ node: Node) -> String {
            switch node {
            case .scalar(let s): return s.string.isEmpty ? "an empty value" : "\"\(s.string.prefix(60))\""
            case .mapping: return "a mapping"
            case .sequence: return "a list"
            case .alias: return "an alias"
            }
        }

        func validate(_ node: Node, shape: ConfigShape, key: String) throws {
            let wrong = { fail(node, key, "expected \(shape.expectation), found \(describe(node))") }
            switch shape {
            case .mapping(let fields):
                guard let mapping = node.mapping else { throw wrong() }
                for (k, v) in mapping {
                    guard let name = k.string, k.scalar != nil else { throw fail(k, key, "keys must be plain words") }
                    let dotted = key.isEmpty ? name : "\(key).\(name)"
                    guard let fieldShape = fields[name] else {
                        let known = fields.keys.sorted().joined(separator: ", ")
                        throw fail(k, dotted, "unknown key (known here: \(known))")
                    }
                    try validate(v, shape: fieldShape, key: dotted)
                }
            case .list(let element):
                guard let sequence = node.sequence else { throw wrong() }
                for (i, item) in sequence.enumerated() { try validate(item, shape: element, key: "\(key)[\(i)]") }
            case .string:
                guard isPlainText(node) else { throw wrong() }
            case .boolean:
                guard node.scalar != nil, node.bool != nil, hasTag(node, .bool) else { throw wrong() }
            case .integer(let range):
                guard node.scalar != nil, hasTag(node, .int), let v = node.int else { throw wrong() }
                guard range.contains(v) else { throw fail(node, key, "\(v) is out of range (\(range.lowerBound) to \(range.upperBound))") }
            case .fraction:
                guard node.scalar != nil, hasTag(node, .float) || hasTag(node, .int), let v = node.float, v >= 0, v <= 1 else { throw wrong() }
            case .duration:
                guard let s = node.scalar, Duration(s.string) != nil else { throw wrong() }
            case .oneOf(let words):
                guard let s = node.scalar, words.contains(s.string) else { throw wrong() }
            }
        }

        func hasTag(_ node: Node, _ name: Tag.Name) -> Bool { node.tag.description == name.rawValue }

        /// A string value: any scalar that YAML did not resolve to a number, boolean or null.
        func isPlainText(_ node: Node) -> Bool {
            guard node.scalar != nil else { return false }
            return ![Tag.Name.int, .float, .bool, .null].contains { hasTag(node, $0) }
        }
    }
}
