import Foundation

/// robots.txt (RFC 9309): the group for our user agent (its product token,
/// else `*`), longest matching rule wins, Allow wins a tie, `*` and `$` patterns.
public struct Robots: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule]
    /// Why every path is disallowed, when the rules come from the answer rather than the text (a 5xx).
    public var reason: String?

    public static let allowAll = Robots(rules: [])

    /// Every path disallowed, with the reason the outcome's detail gives.
    public static func disallowAll(reason: String) -> Robots {
        var robots = Robots(rules: [Rule(allow: false, pattern: "/")])
        robots.reason = reason
        return robots
    }

    /// Parses `text` for the user agent whose product token is `agent` ("claimtrack" in "claimtrack/0.1.0").
    public init(_ text: String, agent: String) {
        let token = agent.split(separator: "/").first.map { $0.lowercased() } ?? agent.lowercased()
        var groups: [(agents: [String], rules: [Rule])] = []
        var lastWasAgent = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if lastWasAgent, !groups.isEmpty { groups[groups.count - 1].agents.append(value.lowercased()) } else { groups.append(([value.lowercased()], [])) }
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty else { continue }
                if key == "disallow" && value.isEmpty { continue }  // "Disallow:" allows everything
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            default:
                lastWasAgent = false
            }
        }
        let mine = groups.filter { $0.agents.contains { $0 != "*" && token.hasPrefix($0) } }
        let chosen = mine.isEmpty ? groups.filter { $0.agents.contains("*") } : mine
        rules = chosen.flatMap(\.rules)
        reason = nil
    }

    init(rules: [Rule]) {
        self.rules = rules
        reason = nil
    }

    /// Whether `path` (with its query) may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: Rule?
        var bestLength = -1
        for rule in rules where Self.matches(rule.pattern, path) {
            let length = rule.pattern.count
            if length > bestLength || (length == bestLength && rule.allow) {
                best = rule
                bestLength = length
            }
        }
        return best?.allow ?? true
    }

    /// The rule that blocks `path`, for the outcome's detail line.
    public func blockingRule(_ path: String) -> String? {
        allows(path) ? nil : rules.filter { !$0.allow && Self.matches($0.pattern, path) }.max { $0.pattern.count < $1.pattern.count }?.pattern
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.unicodeScalars), s = Array(path.unicodeScalars)
        // Iterative wildcard match: '*' any run, '$' at the end anchors.
        func match(_ i: Int, _ j: Int) -> Bool {
            var i = i, j = j
            var star = -1, mark = 0
            while true {
                if i < p.count, p[i] == "$", i == p.count - 1 { return j == s.count }
                if i == p.count { return true }  // a prefix match is enough
                if i < p.count, p[i] == "*" { star = i; mark = j; i += 1; continue }
                if j < s.count, p[i] == s[j] { i += 1; j += 1; continue }
                if star >= 0, mark < s.count { mark += 1; j = mark; i = star + 1; continue }
                return false
            }
        }
        return match(0, 0)
    }
}
