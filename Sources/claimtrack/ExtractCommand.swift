import ArgumentParser
import ClaimTrackCore
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Ingest and extract files and print the claims and attributions found.",
        discussion: """
        Examples:
          claimtrack extract article.html --format table
          claimtrack extract a/*.html --output-dir out/
          claimtrack extract https://example.com/story --format json
        """
    )

    enum Format: String, ExpressibleByArgument { case json, text, table }

    @Argument(help: "Article files (.html .htm .md .markdown .txt) or http(s) URLs of pages.")
    var files: [String]

    @Option(help: "json, text or table.")
    var format: Format = .json

    @Option(help: "Write one STEM.json or STEM.txt per file into this folder.")
    var outputDir: String?

    @Option(help: "pipeline.yml for extract.min_words and extra outlets.")
    var config: String?

    static func isURL(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Each URL's article, or the diagnostic that names why it could not be had.
    static func fetchPages(_ urls: [String], configuration: Configuration) -> [String: Result<Article, Diagnostic>] {
        guard !urls.isEmpty else { return [:] }
        var pages: [String: Result<Article, Diagnostic>] = [:]
        let fetcher = Fetcher(options: Fetcher.Options(configuration.fetch))
        for (result, body) in fetcher.fetchAll(urls.map { FetchRequest(url: $0) }, keepBodies: true) {
            guard result.outcome == .ok, let body else {
                pages[result.url] = .failure(Diagnostic(.error, file: result.url, "fetch \(result.outcome.rawValue): \(result.detail)"))
                continue
            }
            let type = (result.contentType ?? "").lowercased()
            let format: Article.Format = type.contains("html") || type.isEmpty ? .html : type.contains("markdown") ? .markdown : .text
            pages[result.url] = ArticleReader.parse(body, path: result.url, format: format)
        }
        return pages
    }

    func run() throws {
        let configuration = try ConfigLoader.load(path: config)
        let extractor = Extractor(configuration: configuration)
        // Decided before anything is read, so a collision writes nothing.
        let outputNames = outputDir == nil ? [] : try PathUtil.outputNames(for: files, ext: format == .json ? "json" : "txt")
        if let outputDir {
            do { try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true) } catch {
                throw ClaimTrackError.outputWriteFailed(file: outputDir, reason: LedgerStore.whyUnwritable(outputDir + "/x", error))
            }
        }
        // A URL is fetched first (all of them together, with the configured limits, address rules and
        // robots.txt), then read like a file of its media type.
        let pages = Self.fetchPages(files.filter(Self.isURL), configuration: configuration)
        var failed = false
        var unwritable = false
        var processed = 0
        let format = format
        // Files are read and extracted on every core; results are written in argument order.
        // The text format needs the main text only, not the claims.
        OrderedWork.run(files, workers: configuration.effectiveWorkers, work: { file -> Result<(String, [Diagnostic]), Diagnostic> in
            (Self.isURL(file) ? pages[file] ?? .failure(Diagnostic(.error, file: file, "could not be fetched")) : ArticleReader.read(file, displayPath: file)).map { article in
                switch format {
                case .json: return (ExtractFormatter.json(extractor.extract(article)).serialized(), article.diagnostics)
                case .text: return (article.text, article.diagnostics)
                case .table: return (ExtractFormatter.table(extractor.extract(article), width: Console.width), article.diagnostics)
                }
            }
        }, consume: { result in
            let index = processed
            processed += 1
            switch result {
            case .failure(let diagnostic):
                Console.error(diagnostic.description)
                failed = true
            case .success(let (rendered, warnings)):
                // A paywall stub or a script-rendered page is named on stderr; it is not an error.
                for w in warnings { Console.error(w.description) }
                if let outputDir {
                    let target = outputDir + "/" + outputNames[index]
                    do {
                        try FileManager.default.createDirectory(atPath: PathUtil.parent(of: target), withIntermediateDirectories: true)
                        try Data((rendered + (format == .text ? "" : "\n")).utf8).write(to: URL(fileURLWithPath: target))
                    } catch {
                        Console.error(ClaimTrackError.outputWriteFailed(file: target, reason: LedgerStore.whyUnwritable(target, error)).description)
                        unwritable = true
                    }
                } else {
                    Console.out(rendered)
                }
            }
        })
        if unwritable { throw ExitCode(ExitPolicy.outputCode) }
        if failed { throw ExitCode(ExitPolicy.someFailedCode) }
    }
}
