import ClaimTrackCore
import Foundation
import XCTest

/// Where the repository's fixtures live, found from this source file.
public enum Fixtures {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("repository root not found above \(#filePath)")
    }()

    public static func path(_ relative: String) -> String { root + "/fixtures/" + relative }

    /// Files under a fixtures folder with one of the extensions, sorted.
    public static func files(in folder: String, extensions: Set<String>) -> [String] {
        let base = path(folder)
        guard let names = FileManager.default.subpaths(atPath: base) else { return [] }
        return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) && !$0.contains("expected/") }
            .sorted().map { base + "/" + $0 }
    }

    /// A fresh temporary folder, removed by the caller's `defer`.
    public static func temporaryFolder(_ name: String = "claimtrack-test") -> String {
        let folder = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// A test case that works in a fresh temporary folder holding a copy of seeds/ (`tmp`), removed afterwards.
open class SeedFolderTestCase: XCTestCase {
    public var tmp = ""

    override open func setUpWithError() throws {
        tmp = Fixtures.temporaryFolder("claimtrack-\(type(of: self))")
        try FileManager.default.copyItem(atPath: Fixtures.root + "/seeds", toPath: tmp + "/seeds")
    }

    override open func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }
}

/// Golden files: compared byte for byte; `CLAIMTRACK_RECORD=1` rewrites them and reports a failure,
/// so a re-recording run can never pass by accident.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["CLAIMTRACK_RECORD"] == "1" }

    /// Returns nil when `actual` matches the golden file, else a message for the test failure.
    public static func check(_ actual: String, against relativePath: String) -> String? {
        let file = Fixtures.path(relativePath)
        if recording {
            try? FileManager.default.createDirectory(atPath: PathUtil.parent(of: file), withIntermediateDirectories: true)
            try! Data(actual.utf8).write(to: URL(fileURLWithPath: file))
            return "recorded \(relativePath); run again without CLAIMTRACK_RECORD"
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return "missing golden file \(relativePath) (record with CLAIMTRACK_RECORD=1)"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        return "\(relativePath) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)"
    }
}

/// Runs the built `claimtrack` binary, as a user would.
public enum CLI {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static let binary: String = {
        // The test bundle sits next to the executable in the build folder.
        var candidates: [String] = []
        for argument in CommandLine.arguments {
            var url = URL(fileURLWithPath: argument)
            while url.path != "/" && !url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
            if url.lastPathComponent.hasSuffix(".xctest") { candidates.append(url.deletingLastPathComponent().appendingPathComponent("claimtrack").path) }
        }
        candidates.append(Fixtures.root + "/.build/debug/claimtrack")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Runs with a time limit (seconds); the process is killed when it overruns. `executable` runs
    /// another program instead (script(1), to give the binary a terminal).
    @discardableResult
    public static func run(_ arguments: [String], cwd: String? = nil, environment: [String: String] = [:], stdin: String? = nil,
                           timeout: TimeInterval = 60, executable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

final class DataBox: @unchecked Sendable { var data = Data() }

/// Replaces volatile values (times, absolute temp paths) so outputs can be compared with golden files.
public enum Normalize {
    public static func times(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#, with: "<time>", options: .regularExpression)
    }
}

/// The loopback test server (fixtures/server/test_server.py), started by a test and stopped with it.
public final class TestServer {
    public let port: Int
    private let process: Process

    /// `arguments` are added to the server's command line (`--robots big` or `--robots 5xx`).
    public init(_ arguments: [String] = []) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.path("server/test_server.py"), "--lifetime", "240"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw NSError(domain: "TestServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "the test server did not start"])
        }
        self.port = port
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path.hasPrefix("/") ? path : "/" + path)" }

    /// The server's request log: the most requests it served at once, and each request's path and conditional headers.
    public func log() throws -> (maxActive: Int, requests: [[String: Any]], counters: [String: Int]) {
        let data = Data(get("/_log"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (json["max_active"] as? Int ?? 0, json["log"] as? [[String: Any]] ?? [], json["counters"] as? [String: Int] ?? [:])
    }

    public func reset() throws { _ = get("/_reset") }

    /// A plain GET through claimtrack's own fetcher (no robots, private addresses allowed).
    public func get(_ path: String) -> [UInt8] {
        var fetch = ConfigDefaults.configuration.fetch
        fetch.allowPrivateAddresses = true
        fetch.robots = false
        fetch.delayMs = 0
        return Fetcher(options: Fetcher.Options(fetch)).fetchAll([FetchRequest(url: url(path))], keepBodies: true).first?.1 ?? []
    }

    /// Fetch options for tests: loopback allowed, short limits, no politeness delay unless asked.
    public static func options(_ change: (inout Configuration.Fetch) -> Void = { _ in }) -> Fetcher.Options {
        var fetch = ConfigDefaults.configuration.fetch
        fetch.allowPrivateAddresses = true
        fetch.delayMs = 0
        fetch.timeoutS = 2
        fetch.maxBytes = 1_000_000
        change(&fetch)
        var options = Fetcher.Options(fetch)
        options.backoffBaseS = 0.2
        return options
    }

    public func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// The fixtures newsroom (fixtures/newsroom): its articles written into `tmp/newsroom` with the loopback
/// server's port, and a pipeline.yml that resolves, searches and archives against that server.
public enum Newsroom {
    public static func prepare(in tmp: String, server: TestServer) throws {
        let folder = tmp + "/newsroom"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("newsroom/articles")) {
            let text = try String(contentsOfFile: Fixtures.path("newsroom/articles/" + name), encoding: .utf8)
            try text.replacingOccurrences(of: "PORT", with: String(server.port)).write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try """
        articles: newsroom
        resolve:
          search: {provider: gdelt, endpoint: "\(server.url("/gdelt"))"}
          archive: {provider: wayback, endpoint: "\(server.url("/wayback/available"))"}
        fetch: {allow_private_addresses: true, delay_ms: 0, timeout_s: 1, retries: 0}
        """.write(toFile: tmp + "/pipeline.yml", atomically: true, encoding: .utf8)
    }
}

extension CLI {
    /// The commands `claimtrack --help` lists under SUBCOMMANDS, "help" left out.
    public static func subcommands() throws -> [String] {
        let help = try run(["--help"]).stdout
        return help.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                  word.allSatisfy({ $0.isLowercase }), word != "help" else { return nil }
            return String(word)
        } ?? []
    }
}
