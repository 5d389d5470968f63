import ArgumentParser
import ClaimTrackCore
import Foundation

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch URLs with the configured limits and print one line per URL (no cache, no ledger).",
        discussion: """
        Examples:
          claimtrack fetch https://example.org/report --format table
          claimtrack fetch --urls urls.txt
        """
    )

    enum Format: String, ExpressibleByArgument { case jsonl, table }

    @Argument(help: "URLs to fetch.")
    var urls: [String] = []

    @Option(name: .customLong("urls"), help: "A file with one URL per line.")
    var urlFile: String?

    @Option(help: "pipeline.yml for the fetch limits (default ./pipeline.yml).")
    var config: String?

    @Option(help: "jsonl or table.")
    var format: Format = .jsonl

    func run() throws {
        let configuration = try ConfigLoader.load(path: config)
        var list = urls
        if let urlFile {
            guard let text = try? String(contentsOfFile: urlFile, encoding: .utf8) else {
                throw ClaimTrackError.usage("\(urlFile): cannot be read")
            }
            list += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !list.isEmpty else { throw ClaimTrackError.usage("give URLs as arguments or with --urls FILE") }
        var occurrences: [String: Int] = [:]
        for url in list { occurrences[url, default: 0] += 1 }
        let out = FileHandle.standardOutput
        if format == .table { out.write(Data((FetchFormatter.tableHeader + "\n").utf8)) }
        let fetcher = Fetcher(options: Fetcher.Options(configuration.fetch))
        var failed = false
        fetcher.fetch(list.map { FetchRequest(url: $0) }, keepBodies: false) { result, _ in
            let line = format == .jsonl ? FetchFormatter.jsonLine(result) : FetchFormatter.tableRow(result)
            for _ in 0..<(occurrences[result.url] ?? 1) { out.write(Data((line + "\n").utf8)) }
            if result.isFailure { failed = true }
        }
        // Like lychee: every URL answered, and exit 1 tells a script that some failed.
        if failed { throw ExitCode(ExitPolicy.someFailedCode) }
    }
}
