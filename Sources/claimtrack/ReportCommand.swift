import ArgumentParser
import ClaimTrackCore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print the claim report from the ledger.",
        discussion: """
        Examples:
          claimtrack report --status vague,unverifiable
          claimtrack report --format html --output report.html
          claimtrack report --since 7d --format markdown --output week.md
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, jsonl, markdown, csv, csvAttributions = "csv-attributions", html, claimreview
    }

    @OptionGroup var common: CommonOptions

    @Option(help: "table, json, jsonl (a claim a line), markdown, csv (a claim a row), csv-attributions (a claim and source a row), html or claimreview.")
    var format: Format = .table

    @Option(help: "Only claims with these statuses (comma-separated).")
    var status: String?

    @Option(help: "Only the article with this path (relative to the folder that was run).")
    var article: String?

    @Flag(help: "What the last run changed: new, changed and removed claims (and removed articles), old → new.")
    var changed = false

    @Option(help: "What changed after run RUN: a run id, a date (2026-11-25), a time, or a duration (7d) for a weekly mail.")
    var since: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    func run() throws {
        let configuration = try common.load()
        let store = try LedgerBackends.open(configuration.ledger, mode: .read)
        defer { store.close() }
        try ReportSource.checkArticle(article, in: store, digest: changed || since != nil)
        let after = try since.map { try Digest.runBefore($0, in: ReportSource.runs(store)) }
        let filter = ReportModel.Filter(statuses: try StatusList.parse(status, option: "--status"), article: article, changedOnly: changed, after: after)
        if format == .json && !filter.changedOnly {
            // Streamed article by article: memory holds one article, whatever the ledger's size.
            try Self.write(to: output) { sink in try JSONReportFormatter.stream(store, filter: filter, to: sink) }
            return
        }
        let digestAfter = filter.changedOnly ? (after ?? (store.runs.last?.id ?? 1) - 1) : nil
        let model = ReportModel(ledger: try ReportSource.ledger(store, digestAfter: digestAfter), filter: filter)
        let text: String
        switch format {
        case .json: text = JSONReportFormatter.render(model)
        case .markdown: text = MarkdownReportFormatter.render(model)
        case .jsonl: text = JSONLinesReportFormatter.render(model)
        case .csv: text = CSVReportFormatter.render(model)
        case .csvAttributions: text = CSVReportFormatter.renderAttributions(model)
        case .html: text = HTMLReportFormatter.render(model)
        case .claimreview: text = ClaimReviewFormatter.render(model)
        case .table:
            let color = output == nil && Console.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false
            text = TableReportFormatter(color: color, width: Console.width).render(model, changed: changed)
        }
        if let output {
            do { try AtomicFile.write(Data(text.utf8), to: output) } catch {
                throw ClaimTrackError.outputWriteFailed(file: output, reason: LedgerStore.whyUnwritable(output, error))
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Hands `produce` a sink that writes to standard output, or atomically to `output`, in chunks.
    static func write(to output: String?, _ produce: (_ sink: (String) throws -> Void) throws -> Void) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        guard let output else {
            try produce { text in
                buffer.append(contentsOf: text.utf8)
                if buffer.count >= 1 << 16 { FileHandle.standardOutput.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
            }
            FileHandle.standardOutput.write(Data(buffer))
            return
        }
        var failure: Error?
        do {
            try AtomicFile.write(to: output) { rawSink in
                withoutActuallyEscaping(rawSink) { sink in
                do {
                    try produce { text in
                        buffer.append(contentsOf: text.utf8)
                        if buffer.count >= 1 << 16 { buffer.withUnsafeBytes(sink); buffer.removeAll(keepingCapacity: true) }
                    }
                    buffer.withUnsafeBytes(sink)
                } catch { failure = error }
                }
            }
        } catch {
            throw ClaimTrackError.outputWriteFailed(file: output, reason: LedgerStore.whyUnwritable(output, error))
        }
        if let failure { throw failure }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one claim: sentence, sources, evidence, history.",
        discussion: """
        Examples:
          claimtrack show c59f1493382af29
          claimtrack show c59f14
        """)

    @Argument(help: "The claim id (from the report).")
    var claimID: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let configuration = try common.load()
        let store = try LedgerBackends.open(configuration.ledger, mode: .read)
        defer { store.close() }
        let shown = try ShownClaim.find(claimID, in: store, ledger: configuration.ledger)
        // Every line holds text from the article or its pages: escape sequences are shown, not obeyed.
        Console.out(ShowFormatter.lines(shown).map(TerminalText.escape).joined(separator: "\n"))
    }
}

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Print a crontab line that runs claimtrack regularly.",
        discussion: """
        Examples:
          claimtrack schedule --every daily
          claimtrack schedule --every weekly --config /srv/news/pipeline.yml
        """)

    enum Every: String, ExpressibleByArgument { case hourly, daily, weekly }

    @Option(help: "hourly, daily or weekly.")
    var every: Every = .daily

    @Option(help: "pipeline.yml the scheduled run uses (default ./pipeline.yml).")
    var config: String?

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let configPath = PathUtil.absolute(config ?? ConfigLoader.defaultFile, base: cwd)
        _ = try ConfigLoader.load(path: FileManager.default.fileExists(atPath: configPath) ? configPath : config)
        let folder = PathUtil.parent(of: configPath)
        let binary = PathUtil.absolute(CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : (Self.which(CommandLine.arguments[0]) ?? CommandLine.arguments[0]), base: cwd)
        let times: String
        switch every {
        case .hourly: times = "17 * * * *"
        case .daily: times = "17 3 * * *"
        case .weekly: times = "17 3 * * 1"
        }
        Console.out("# claimtrack \(every.rawValue): install with `crontab -e`")
        Console.out("\(times) cd \(Self.quote(folder)) && \(Self.quote(binary)) run --config \(Self.quote(configPath)) --quiet >> \(Self.quote(folder + "/claimtrack.log")) 2>&1")
    }

    static func quote(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
