import ArgumentParser
import ClaimTrackCore
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ingest, extract, resolve and record every article of a folder; update the ledger.",
        discussion: """
        Examples:
          claimtrack run seeds --offline
          claimtrack run seeds/china-intelligence-leak.txt --offline
          claimtrack run --fail-on contradicted,unreachable
        """
    )

    @Argument(help: "Folder of articles (overrides `articles` in the config).")
    var folder: String?

    @OptionGroup var common: CommonOptions

    @Flag(help: "Do not fetch: claims that need a page stay pending.")
    var offline = false

    @Flag(help: "Print only the summary line and errors.")
    var quiet = false

    @Option(help: "Exit 1 when, after the run, a claim of the folder has one of these statuses (comma-separated).")
    var failOn: String?

    func run() throws {
        let failStatuses = try StatusList.parse(failOn, option: "--fail-on")
        let configuration = try common.load(articles: folder)
        if folder == nil, common.config == nil, !FileManager.default.fileExists(atPath: ConfigLoader.defaultFile),
           !FileManager.default.fileExists(atPath: configuration.articles) {
            let cwd = FileManager.default.currentDirectoryPath
            throw ClaimTrackError.usage(Message.noPipeline(PathUtil.relative(configuration.articles, to: cwd)))
        }
        let observer = ConsoleObserver(quiet: quiet, failureList: PathUtil.parent(of: configuration.cache) + "/fetch-failures.log")
        let signals = StopSignals.install(observer: observer)
        defer { signals.forEach { $0.cancel() } }
        let pipeline = RunPipeline(configuration: configuration, options: .init(offline: offline), observer: observer)
        let summary = try pipeline.run()
        observer.finish()
        // A migrated ledger's backup is named even under --quiet: it is the user's only copy of the old file.
        if quiet { summary.notices.forEach { Console.error($0) } }
        Console.out(summary.line)
        if let signal = summary.stopped {
            Console.error(Message.stopped(signalName: StopSignals.name(signal), articlesDone: summary.articlesDone,
                                          articles: summary.run.counts.articles, ledger: configuration.ledger))
            throw ExitCode(128 + signal)
        }
        if let failStatuses, summary.statuses.keys.contains(where: failStatuses.contains) { throw ExitCode(1) }
    }
}

/// SIGINT and SIGTERM during a run: the first asks the pipeline to stop (`StopRequest`) and says so;
/// the run then saves what it did and exits 130 or 143. A second one ends the process at once — safe,
/// since the ledger only ever changes by a checkpoint (new files, then the manifest renamed over the old one).
enum StopSignals {
    static func install(observer: ConsoleObserver) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if StopRequest.isRequested { _exit(128 + number) }
                StopRequest.request(number)
                Console.error(Message.stopping(signalName: name(number)))
            }
            source.resume()
            return source
        }
    }

    static func name(_ signal: Int32) -> String { signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)" }
}

/// --config and --ledger, shared by the commands that read the ledger.
struct CommonOptions: ParsableArguments {
    @Option(help: "pipeline.yml to use (default ./pipeline.yml; built-in defaults when it does not exist).")
    var config: String?

    @Option(help: "Ledger file, or postgresql://user@host:port/db (overrides `ledger` in the config).")
    var ledger: String?

    func load(articles: String? = nil) throws -> Configuration {
        try ConfigLoader.load(path: config, overrides: ConfigOverrides(articles: articles, ledger: ledger))
    }
}

enum StatusList {
    static func parse(_ value: String?, option: String) throws -> Set<ClaimStatus>? {
        guard let value else { return nil }
        var out = Set<ClaimStatus>()
        for word in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let status = ClaimStatus(rawValue: word) else {
                let known = ClaimStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw ClaimTrackError.usage("\(option): unknown status “\(word)” (known: \(known))")
            }
            out.insert(status)
        }
        return out
    }
}

/// Progress on a terminal (one rewritten line on stderr), timestamped log lines otherwise (cron).
/// Failed pages do not interrupt the progress bar: `finish` sums them up (counts by outcome, the first
/// few URLs); the log lists each one on its own line as it happens, and on a terminal the whole list
/// goes to `failureList` instead.
final class ConsoleObserver: RunObserver, @unchecked Sendable {
    let quiet: Bool
    let terminal = Console.stderrIsTerminal
    let failureList: String?
    private var lastDraw = Date.distantPast
    private let started = Date()
    private let lock = NSLock()
    private var failures: [(url: String, outcome: FetchOutcome, detail: String)] = []

    init(quiet: Bool, failureList: String? = nil) {
        self.quiet = quiet
        self.failureList = failureList
    }

    func fetchFailed(url: String, outcome: FetchOutcome, detail: String) {
        lock.withLock { failures.append((url, outcome, detail)) }
        if !terminal { log("fetch: " + Message.fetchFailed(url, outcome, detail)) }
    }

    /// The failed pages in one summary at the end of the run.
    func finish() {
        let all = lock.withLock { failures }
        guard !quiet, !all.isEmpty else { return }
        var whereListed = "are listed above", shown = 3
        if terminal {
            let text = all.map { Timestamp.now() + " " + TerminalText.escape(Message.fetchFailed($0.url, $0.outcome, $0.detail)) + "\n" }.joined()
            if let failureList, (try? FileManager.default.createDirectory(atPath: PathUtil.parent(of: failureList), withIntermediateDirectories: true)) != nil,
               (try? AtomicFile.write(Data(text.utf8), to: failureList)) != nil {
                whereListed = "are in \(failureList)"
            } else {
                shown = all.count  // no file to hold them: the terminal gets them all
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
        for line in Message.fetchFailureSummary(all.map { ($0.url, $0.outcome) }, shown: shown, fullList: whereListed) { log(line) }
    }

    func log(_ message: String) {
        guard !quiet else { return }
        // One message, one line: a newline or escape sequence from a file name or a page is shown escaped.
        let line = TerminalText.escape(message)
        Console.error(terminal ? line : "\(Timestamp.now()) \(line)")
    }

    func stage(_ name: String, message: String) {
        if terminal && !quiet { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        log("\(name): \(message)")
    }

    func progress(_ what: String, done: Int, total: Int, final: Bool) {
        guard !quiet else { return }
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let rate = Int(Double(done) / elapsed)
        if terminal {
            guard final || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(what) \(bar) \(done)/\(total) (\(rate)/s)\(final ? "\n" : "")".utf8))
        } else if final {
            log("\(what): \(done)/\(total) done (\(rate)/s)")
        }
    }

    func diagnostic(_ diagnostic: Diagnostic) {
        if quiet && diagnostic.severity == .warning { return }  // --quiet: the summary line and errors only
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let line = TerminalText.escape(diagnostic.description)
        Console.error(terminal ? line : "\(Timestamp.now()) \(line)")
    }
}
