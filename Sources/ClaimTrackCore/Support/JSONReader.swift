import Foundation

/// A pull parser over UTF-8 bytes: values are decoded straight into the
/// caller's types, with no intermediate tree, so a ledger of hundreds of
/// thousands of claims loads in a fraction of what Codable needs in time and memory.
final class JSONReader {
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "\(message) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var i = 0
    /// Shared copies of repeated strings (paths, reasons, source names, times), so
    /// thousands of claims citing "Reuters" hold one string, not thousands.
    private var pool: [String: String] = [:]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ message: String) -> Failure { Failure(offset: i, message: message) }

    private func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func peek() throws -> UInt8 {
        skipWhitespace()
        guard i < bytes.count else { throw fail("unexpected end of input") }
        return bytes[i]
    }

    private func expect(_ c: UInt8) throws {
        guard try peek() == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'") }
        i += 1
    }

    /// Calls `field` for each key; the callback must read (or skip) the value.
    func object(_ field: (String) throws -> Void) throws {
        try expect(0x7B)
        if try peek() == 0x7D { i += 1; return }
        while true {
            let key = try string()
            try expect(0x3A)
            try field(key)
            let c = try peek()
            i += 1
            if c == 0x7D { return }
            guard c == 0x2C else { i -= 1; throw fail("expected ',' or '}'") }
        }
    }

    func array(_ element: () throws -> Void) throws {
        try expect(0x5B)
        if try peek() == 0x5D { i += 1; return }
        while true {
            try element()
            let c = try peek()
            i += 1
            if c == 0x5D { return }
            guard c == 0x2C else { i -= 1; throw fail("expected ',' or ']'") }
        }
    }

    func strings() throws -> [String] {
        var out: [String] = []
        try array { out.append(try shared()) }
        return out
    }

    /// A string that is likely repeated elsewhere in the document: one copy is kept for all.
    func shared() throws -> String {
        let s = try string()
        guard s.utf8.count > 15 else { return s }  // short strings are stored inline anyway
        if let existing = pool[s] { return existing }
        pool[s] = s
        return s
    }

    func optionalShared() throws -> String? { try null() ? nil : try shared() }

    /// Consumes `null` and returns true, or returns false and leaves the value.
    func null() throws -> Bool {
        guard try peek() == 0x6E else { return false }
        guard i + 4 <= bytes.count, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C else { throw fail("bad literal") }
        i += 4
        return true
    }

    func optionalString() throws -> String? { try null() ? nil : try string() }
    func optionalInt() throws -> Int? { try null() ? nil : try int() }
    func optionalDouble() throws -> Double? { try null() ? nil : try double() }

    func bool() throws -> Bool {
        let c = try peek()
        if c == 0x74, i + 4 <= bytes.count { i += 4; return true }
        if c == 0x66, i + 5 <= bytes.count { i += 5; return false }
        throw fail("expected true or false")
    }

    func int() throws -> Int {
        _ = try peek()
        var negative = false
        if bytes[i] == 0x2D { negative = true; i += 1 }
        var value = 0
        let start = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
            guard !o1, !o2 else { throw fail("number too large") }
            value = a
            i += 1
        }
        guard i > start else { throw fail("expected a number") }
        if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { throw fail("expected a whole number") }
        return negative ? -value : value
    }

    func double() throws -> Double {
        _ = try peek()
        let start = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(bytes[i]) { i += 1 }
        guard let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw fail("expected a number") }
        return value
    }

    func string() throws -> String {
        try expect(0x22)
        let start = i
        while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C { i += 1 }
        guard i < bytes.count else { throw fail("unterminated string") }
        if bytes[i] == 0x22 {
            defer { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c != 0x5C { out.append(c); i += 1; continue }
            guard i + 1 < bytes.count else { break }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                    i += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
            default: throw fail("bad escape")
            }
        }
        throw fail("unterminated string")
    }

    private func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else { throw fail("bad \\u escape") }
        i += 4
        return v
    }

    func skip() throws {
        switch try peek() {
        case 0x7B: try object { _ in try skip() }
        case 0x5B: try array { try skip() }
        case 0x22: _ = try string()
        case 0x74, 0x66: _ = try bool()
        case 0x6E: _ = try null()
        default: _ = try double()
        }
    }

    /// The next value as a `JSONValue` tree, for small documents whose shape is not known in advance
    /// (a page's JSON-LD). Nesting deeper than `maxDepth` is an error: a hostile page cannot exhaust the stack.
    func value(maxDepth: Int = 64) throws -> JSONValue {
        guard maxDepth > 0 else { throw fail("nested too deeply") }
        switch try peek() {
        case 0x7B:
            var fields: [(String, JSONValue)] = []
            try object { key in fields.append((key, try value(maxDepth: maxDepth - 1))) }
            return .object(fields)
        case 0x5B:
            var items: [JSONValue] = []
            try array { items.append(try value(maxDepth: maxDepth - 1)) }
            return .array(items)
        case 0x22: return .string(try string())
        case 0x74, 0x66: return .bool(try bool())
        case 0x6E: _ = try null(); return .null
        default:
            let d = try double()
            return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d)
        }
    }

    /// After the document: only whitespace may follow.
    func end() throws {
        skipWhitespace()
        guard i == bytes.count else { throw fail("unexpected data after the document") }
    }
}

/// Appends JSON to a byte buffer: the ledger's writer, the counterpart of `JSONReader`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: true until its first element is written.
    private var first: [Bool] = []
    private var afterKey = false

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        if let f = first.last {
            if !f { bytes.append(0x2C) }
            first[first.count - 1] = false
        }
    }

    mutating func key(_ k: String) { prefix(); appendString(k); bytes.append(0x3A); afterKey = true }
    mutating func string(_ s: String) { prefix(); appendString(s) }
    mutating func int(_ v: Int) { prefix(); bytes.append(contentsOf: String(v).utf8) }
    mutating func double(_ v: Double) { prefix(); bytes.append(contentsOf: (v.isFinite ? "\(v)" : "null").utf8) }
    mutating func bool(_ v: Bool) { prefix(); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
    mutating func null() { prefix(); bytes.append(contentsOf: "null".utf8) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        prefix()
        bytes.append(0x7B)
        first.append(true)
        body(&self)
        first.removeLast()
        bytes.append(0x7D)
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        prefix()
        bytes.append(0x5B)
        first.append(true)
        body(&self)
        first.removeLast()
        bytes.append(0x5D)
    }

    /// Hands the bytes written so far to `sink` and empties the buffer.
    mutating func drain(_ sink: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    mutating func strings(_ list: [String]) { array { w in for s in list { w.string(s) } } }

    // Optional fields are written only when present, so the ledger stays small; readers default them.
    mutating func field(_ k: String, _ v: String?) { if let v { key(k); string(v) } }
    mutating func field(_ k: String, _ v: Int?) { if let v { key(k); int(v) } }
    mutating func field(_ k: String, _ v: Double?) { if let v { key(k); double(v) } }
    mutating func field(_ k: String, _ v: [String]) { if !v.isEmpty { key(k); strings(v) } }

    private mutating func appendString(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20: bytes.append(contentsOf: String(format: "\\u%04x", b).utf8)
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
