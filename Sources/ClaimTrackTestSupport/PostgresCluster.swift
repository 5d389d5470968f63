import ClaimTrackCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL server for the tests: `initdb` in a temporary folder, `pg_ctl start` on 127.0.0.1
/// at a free port (its socket in the same folder), trust authentication, fsync off; stopped and removed by
/// `stop()` (and at the latest when the test process exits). initdb refuses to run as root, so as root the
/// server runs as the `postgres` user (`runuser -u postgres --`). The tests skip PostgreSQL only when
/// `CLAIMTRACK_PG_TESTS=0`; otherwise a missing server is a failure, not a skip.
public final class PostgresCluster: @unchecked Sendable {
    public let folder: String
    public let port: Int
    let bin: String
    let asUser: [String]
    private var databases = 0

    public static var disabled: Bool { ProcessInfo.processInfo.environment["CLAIMTRACK_PG_TESTS"] == "0" }

    /// The cluster the whole test process shares (each test takes its own database from it).
    public static let shared: Result<PostgresCluster, Error> = Result { try PostgresCluster.start() }

    public struct Failure: Error, CustomStringConvertible { public var description: String }

    /// The newest Debian server binaries (/usr/lib/postgresql/N/bin), else initdb on PATH.
    static func binaries() throws -> String {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).compactMap(Int.init).sorted()
        for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(base)/\(v)/bin/initdb") { return "\(base)/\(v)/bin" }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/initdb") {
            return String(dir)
        }
        throw Failure(description: "no PostgreSQL server binaries (initdb): run scripts/install-deps, or set CLAIMTRACK_PG_TESTS=0 to skip these tests")
    }

    public static func start() throws -> PostgresCluster {
        let bin = try binaries()
        let folder = Fixtures.temporaryFolder("claimtrack-pg")
        let asUser = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        if getuid() == 0 {
            guard let pw = getpwnam("postgres") else { throw Failure(description: "running as root and there is no postgres user to run the server") }
            chown(folder, pw.pointee.pw_uid, pw.pointee.pw_gid)
            // Every folder above must let the postgres user through.
            var dir = PathUtil.parent(of: folder)
            while dir != "/" && !dir.isEmpty { chmod(dir, (try? FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int).map { mode_t($0) | 0o001 } ?? 0o755); dir = PathUtil.parent(of: dir) }
        }
        let cluster = PostgresCluster(folder: folder, port: freePort(), bin: bin, asUser: asUser)
        try cluster.command(["\(bin)/initdb", "-D", folder + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
        try cluster.startServer()
        atexit { if case .success(let c) = PostgresCluster.shared { c.stop() } }
        return cluster
    }

    init(folder: String, port: Int, bin: String, asUser: [String]) {
        self.folder = folder
        self.port = port
        self.bin = bin
        self.asUser = asUser
    }

    public func startServer() throws {
        let options = "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        try command(["\(bin)/pg_ctl", "-D", folder + "/data", "-o", options, "-l", folder + "/server.log", "-w", "-t", "60", "start"])
    }

    /// Stops the server at once (`-m immediate`: like a crash, in-flight transactions are lost).
    public func stopServer(immediate: Bool = true) throws {
        try command(["\(bin)/pg_ctl", "-D", folder + "/data", "-m", immediate ? "immediate" : "fast", "-w", "stop"])
    }

    public func stop() {
        _ = try? stopServer()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new, empty database on this server, and the ledger address that names it.
    public func createDatabase() throws -> String {
        databases += 1
        let name = "ct_\(getpid())_\(databases)_\(UInt32.random(in: 0...999_999))"
        try command(["\(bin)/psql", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres", "-q", "-c", "CREATE DATABASE \(name)"])
        return address(name)
    }

    public func address(_ database: String) -> String { "postgresql://postgres@127.0.0.1:\(port)/\(database)" }

    /// Runs SQL on a database of this server and returns psql's unaligned output (`-At`).
    public func sql(_ database: String, _ statement: String) throws -> String {
        let r = ProcessRunner.run(["\(bin)/psql", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement])
        guard r.status == 0 else { throw Failure(description: "psql: \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func command(_ arguments: [String]) throws -> String {
        let r = ProcessRunner.run(asUser + arguments)
        guard r.status == 0 else { throw Failure(description: "\(arguments[0]) failed (\(r.status)): \(r.stderr) \(r.stdout)") }
        return r.stdout
    }

    /// A TCP port nobody listens on now (bound to port 0, read back, closed).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// Runs a program to its end and returns its exit status and output (for the cluster's commands), with
/// posix_spawn and waitpid: the server that pg_ctl leaves running must not keep a pipe of ours open, so
/// the output goes through temporary files.
enum ProcessRunner {
    static func run(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let base = NSTemporaryDirectory() + "claimtrack-pgcmd-\(UUID().uuidString)"
        defer { unlink(base + ".out"); unlink(base + ".err") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { return (127, "", "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        return (code, out, err)
    }
}
