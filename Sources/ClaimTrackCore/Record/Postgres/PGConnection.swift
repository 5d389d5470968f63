import CLibPQ
import Foundation

/// A failed PostgreSQL call: the server's or libpq's message (first line only, never the connection
/// string, so no log line can carry a secret) and the SQLSTATE when the server gave one.
public struct PGError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var sqlState: String?
    /// The connection itself is gone (server restarted, network cut): the caller may reconnect and retry.
    public var connectionLost: Bool

    public var description: String { message }

    /// SQLSTATE 23505: a unique key already holds the value.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// 40001 / 40P01: the server gave up the transaction; running it again is correct.
    public var isRetryable: Bool { connectionLost || sqlState == "40001" || sqlState == "40P01" }
}

/// One result set, read as text (every parameter and column travels in libpq's text format).
public final class PGResult {
    fileprivate let handle: OpaquePointer

    fileprivate init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { PQclear(handle) }

    public var rows: Int { Int(PQntuples(handle)) }
    public var columns: Int { Int(PQnfields(handle)) }
    public var affected: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }
    public func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(column)) == 1 }
    public func string(_ row: Int, _ column: Int) -> String? { isNull(row, column) ? nil : String(cString: PQgetvalue(handle, Int32(row), Int32(column))) }
    public func int(_ row: Int, _ column: Int) -> Int? { string(row, column).flatMap { Int($0) } }
    public func bool(_ row: Int, _ column: Int) -> Bool? { string(row, column).map { $0 == "t" } }
    /// The column's bytes without a String in between (for JSON documents read by `JSONReader`).
    public func bytes(_ row: Int, _ column: Int) -> [UInt8] {
        guard !isNull(row, column), let p = PQgetvalue(handle, Int32(row), Int32(column)) else { return [] }
        let n = Int(PQgetlength(handle, Int32(row), Int32(column)))
        return p.withMemoryRebound(to: UInt8.self, capacity: n) { Array(UnsafeBufferPointer(start: $0, count: n)) }
    }
}

/// A connection to PostgreSQL through libpq: statements with text parameters, transactions, and
/// nothing else. Not shared between threads (each thread that talks to the database opens its own).
public final class PGConnection {
    private var handle: OpaquePointer?
    public let address: PostgresAddress

    /// Connects to `address`; libpq itself reads the password from PGPASSWORD or ~/.pgpass.
    public init(_ address: PostgresAddress) throws {
        self.address = address
        handle = PQconnectdb(address.connectionString)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { Self.firstLine(PQerrorMessage($0)) } ?? "out of memory"
            if let handle { PQfinish(handle) }
            self.handle = nil
            throw PGError(message: message, sqlState: nil, connectionLost: true)
        }
        // Notices ("relation already exists, skipping") would go to stderr: the tool's messages are its own.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit { close() }

    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    public var isOpen: Bool { handle.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Runs one statement with `$1`… parameters (nil is SQL NULL) and returns its rows.
    @discardableResult
    public func exec(_ sql: String, _ parameters: [String?] = []) throws -> PGResult {
        guard let handle else { throw PGError(message: "the connection is closed", sqlState: nil, connectionLost: true) }
        let result: OpaquePointer? = withCStrings(parameters) { values in
            parameters.isEmpty ? PQexec(handle, sql) : PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let result else { throw error(nil) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return PGResult(result)
        default:
            let failure = error(result)
            PQclear(result)
            throw failure
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN")
        do {
            let value = try body()
            try exec("COMMIT")
            return value
        } catch {
            _ = try? exec("ROLLBACK")
            throw error
        }
    }

    /// `COPY table (columns) FROM STDIN` with `rows` in COPY's text format: the fast way to load many rows.
    public func copy(into table: String, columns: [String], rows: [[String?]]) throws {
        guard let handle else { throw PGError(message: "the connection is closed", sqlState: nil, connectionLost: true) }
        let start = try execRaw("COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN", expect: PGRES_COPY_IN)
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let ok = buffer.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { PQputCopyData(handle, $0, Int32(p.count)) } }
            buffer.removeAll(keepingCapacity: true)
            if ok != 1 { throw error(nil) }
        }
        for row in rows {
            for (k, value) in row.enumerated() {
                if k > 0 { buffer.append(0x09) }
                guard let value else { buffer.append(contentsOf: [0x5C, 0x4E]); continue }  // \N
                for byte in value.utf8 {
                    switch byte {
                    case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
                    case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
                    case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
                    case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
                    default: buffer.append(byte)
                    }
                }
            }
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 { try flush() }
        }
        try flush()
        guard PQputCopyEnd(handle, nil) == 1 else { throw error(nil) }
        var failure: PGError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = error(result) }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    private func execRaw(_ sql: String, expect: ExecStatusType) throws -> OpaquePointer {
        guard let handle, let result = PQexec(handle, sql) else { throw error(nil) }
        guard PQresultStatus(result) == expect else {
            let failure = error(result)
            PQclear(result)
            throw failure
        }
        return result
    }

    private func error(_ result: OpaquePointer?) -> PGError {
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let text = result.map { PQresultErrorMessage($0) } ?? handle.map { PQerrorMessage($0) }
        let lost = handle.map { PQstatus($0) != CONNECTION_OK } ?? true
        return PGError(message: text.map { Self.firstLine($0) } ?? "unknown error", sqlState: state, connectionLost: lost)
    }

    /// libpq's messages end with a newline and may add a hint line; one line is kept ("ERROR:  " dropped).
    static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        var line = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        if line.hasPrefix("ERROR:  ") { line.removeFirst(8) }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The parameters as C strings for the duration of `body`.
    private func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        let copies = strings.map { $0.map { strdup($0)! } }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}

extension PGConnection {
    /// A text[] literal whose nil elements are SQL NULL.
    public static func nullableArray(_ values: [String?]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(values.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 } * 9 / 8)
        for (k, v) in values.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            if let v { appendElement(v, to: &out) } else { out += "NULL".utf8 }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A text[] literal for `= ANY($1::text[])`: each element quoted, `"` and `\` escaped.
    public static func array(_ values: some Sequence<String>) -> String {
        nullableArray(values.map { Optional($0) })
    }

    /// One element of an array literal: in double quotes, each backslash and double quote escaped by a
    /// backslash. Byte by byte (both are ASCII): claim documents are kilobytes of JSON, full of quotes, and
    /// Foundation's replacing (through UTF-16) cost a third of a batch's commit.
    private static func appendElement(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
