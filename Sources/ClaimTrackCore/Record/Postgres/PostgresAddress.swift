import Foundation

/// `ledger: postgresql://user@host:port/db` from pipeline.yml or `--ledger`. The password is never part
/// of it: libpq reads PGPASSWORD or ~/.pgpass itself, so no file of ours and no log line holds one.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var user: String?
    public var host: String
    public var port: Int
    public var database: String
    /// Extra libpq parameters from the query string (`?sslmode=require`), in the order written.
    public var parameters: [(String, String)]

    public static let schemes = ["postgresql://", "postgres://"]

    public static func == (a: PostgresAddress, b: PostgresAddress) -> Bool {
        a.user == b.user && a.host == b.host && a.port == b.port && a.database == b.database
            && a.parameters.map { $0.0 + "=" + $0.1 } == b.parameters.map { $0.0 + "=" + $0.1 }
    }

    /// Whether `text` names a PostgreSQL ledger rather than a file.
    public static func isAddress(_ text: String) -> Bool { schemes.contains { text.lowercased().hasPrefix($0) } }

    public enum Problem: Error, CustomStringConvertible {
        case password
        case malformed(String)

        public var description: String {
            switch self {
            case .password:
                return "a password does not belong in the ledger address; give it in PGPASSWORD or a ~/.pgpass file (libpq reads both)"
            case .malformed(let why):
                return "not a PostgreSQL address (postgresql://user@host:port/database): \(why)"
            }
        }
    }

    /// Parses the address; a password (`user:secret@`, or `password=` in the query) is refused.
    public static func parse(_ text: String) throws -> PostgresAddress {
        guard let scheme = schemes.first(where: { text.lowercased().hasPrefix($0) }) else { throw Problem.malformed("it must start with postgresql://") }
        var rest = Substring(text.dropFirst(scheme.count))
        var query = ""
        if let q = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        guard let slash = rest.firstIndex(of: "/") else { throw Problem.malformed("no database name after the host") }
        let authority = rest[..<slash]
        let database = String(rest[rest.index(after: slash)...])
        guard !database.isEmpty, !database.contains("/") else { throw Problem.malformed("no database name after the host") }
        var user: String?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if userInfo.contains(":") { throw Problem.password }
            user = userInfo.removingPercentEncoding ?? String(userInfo)
            hostPort = authority[authority.index(after: at)...]
        }
        var host = String(hostPort)
        var port = 5432
        if hostPort.hasPrefix("[") {  // [::1]:5432
            guard let close = hostPort.firstIndex(of: "]") else { throw Problem.malformed("an unclosed [ in the host") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { guard let p = Int(after.dropFirst()), (1...65535).contains(p) else { throw Problem.malformed("the port is not a number from 1 to 65535") }; port = p }
        } else if let colon = hostPort.lastIndex(of: ":") {
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else { throw Problem.malformed("the port is not a number from 1 to 65535") }
            port = p
            host = String(hostPort[..<colon])
        }
        guard !host.isEmpty else { throw Problem.malformed("no host") }
        var parameters: [(String, String)] = []
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            guard kv.count == 2 else { throw Problem.malformed("the parameter \(kv[0]) has no value") }
            if kv[0].lowercased() == "password" { throw Problem.password }
            parameters.append((kv[0], kv[1]))
        }
        return PostgresAddress(user: user, host: host, port: port, database: database.removingPercentEncoding ?? database, parameters: parameters)
    }

    /// As the user wrote it, without a password (there never is one): fit for messages and logs.
    public var description: String {
        let who = user.map { $0 + "@" } ?? ""
        let h = host.contains(":") ? "[\(host)]" : host
        let q = parameters.isEmpty ? "" : "?" + parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return "postgresql://\(who)\(h):\(port)/\(database)\(q)"
    }

    /// libpq's key=value form (values quoted), with a bounded connect timeout so a dead host fails fast.
    var connectionString: String {
        func quoted(_ v: String) -> String { "'" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
        var pairs = [("host", host), ("port", String(port)), ("dbname", database), ("application_name", "claimtrack")]
        if let user { pairs.append(("user", user)) }
        if !parameters.contains(where: { $0.0 == "connect_timeout" }) { pairs.append(("connect_timeout", "10")) }
        pairs += parameters
        return pairs.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: " ")
    }
}
