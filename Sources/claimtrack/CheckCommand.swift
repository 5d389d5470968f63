import ArgumentParser
import ClaimTrackCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge one claim against one page, or many claim–page pairs (--batch, JSON Lines in and out).",
        discussion: """
        Examples:
          claimtrack check "The port added 1,200 jobs." report.txt --format table
          claimtrack check "The port added 1,200 jobs." https://example.org/report
          claimtrack check --batch pairs.jsonl > verdicts.jsonl
        """
    )

    enum Format: String, ExpressibleByArgument { case json, table }

    @Argument(help: "The claim, then the page: a URL, a file, or - for standard input.")
    var arguments: [String] = []

    @Option(help: "JSON Lines of {\"id\",\"claim\",\"text\"} (or \"url\" or \"file\" instead of \"text\").")
    var batch: String?

    @Option(help: "pipeline.yml for verify thresholds and fetch limits (default ./pipeline.yml).")
    var config: String?

    @Option(help: "json or table.")
    var format: Format = .json

    func run() throws {
        let configuration = try ConfigLoader.load(path: config)
        let verifier = Verifier(configuration.verify)
        if let batch {
            guard arguments.isEmpty else { throw ClaimTrackError.usage("give either CLAIM SOURCE or --batch FILE, not both") }
            let allJudged = try BatchCheck(configuration: configuration, verifier: verifier).run(file: batch)
            if !allJudged { throw ExitCode(ExitPolicy.someFailedCode) }
            return
        }
        guard arguments.count == 2 else { throw ClaimTrackError.usage("check needs CLAIM and SOURCE (a URL, a file, or -)") }
        let text = try PageSource.text(of: arguments[1], configuration: configuration)
        let result = verifier.check(claim: arguments[0], page: text)
        Console.out(format == .json ? CheckFormatter.json(id: nil, result).serialized() : CheckFormatter.table(claim: arguments[0], result))
    }
}

/// Where `check` reads a page from: a URL (fetched with the configured limits), a file, or standard input.
enum PageSource {
    static func text(of source: String, configuration: Configuration) throws -> String {
        if source == "-" {
            let body = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            guard let text = PageText.of(body, contentType: nil, name: "-") else {
                throw ClaimTrackError.input(file: "-", reason: "not a text or HTML page")
            }
            return text
        }
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let fetcher = Fetcher(options: Fetcher.Options(configuration.fetch))
            guard let (result, body) = fetcher.fetchAll([FetchRequest(url: source)], keepBodies: true).first else {
                throw ClaimTrackError.input(file: source, reason: "could not be fetched")
            }
            guard result.outcome == .ok, let body,
                  let page = PageDecoder.decode(body, contentType: result.contentType, url: source, finalURL: result.finalURL ?? source) else {
                throw ClaimTrackError.input(file: source, reason: "fetch \(result.outcome.rawValue): \(result.detail)")
            }
            return page.text
        }
        // A file is read as a fetched page would be: HTML through the same main-text extraction as `run`.
        guard let data = FileManager.default.contents(atPath: source) else {
            throw ClaimTrackError.input(file: source, reason: "cannot be read")
        }
        guard let text = PageText.of([UInt8](data), contentType: PageText.contentType(forFile: source), name: source) else {
            throw ClaimTrackError.input(file: source, reason: "not a text or HTML page")
        }
        return text
    }
}

/// `check --batch`: reads every line first, fetches the URLs together, then judges each pair in order.
/// Every input line gets one output line; a line that is not a JSON object, or a pair that cannot be
/// judged, gets an error object (`{"id","error"}`), and the command then exits 1.
struct BatchCheck {
    let configuration: Configuration
    let verifier: Verifier

    /// Whether every line was judged.
    func run(file: String) throws -> Bool {
        let data: Data
        if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw ClaimTrackError.usage("\(file): cannot be read") }
            data = d
        }
        var lines: [Result<[String: Any], PairFailure>] = []
        for (k, line) in String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                lines.append(.failure(PairFailure("line \(k + 1): not a JSON object")))
                continue
            }
            lines.append(.success(object))
        }
        let urls = lines.compactMap { line in (try? line.get()).flatMap { $0["text"] == nil ? $0["url"] as? String : nil } }
        var pages: [String: Result<String, PairFailure>] = [:]
        if !urls.isEmpty {
            let fetcher = Fetcher(options: Fetcher.Options(configuration.fetch))
            for (result, body) in fetcher.fetchAll(urls.map { FetchRequest(url: $0) }, keepBodies: true) {
                if result.outcome == .ok, let body,
                   let page = PageDecoder.decode(body, contentType: result.contentType, url: result.url, finalURL: result.finalURL ?? result.url) {
                    pages[result.url] = .success(page.text)
                } else {
                    pages[result.url] = .failure(PairFailure("fetch \(result.outcome.rawValue): \(result.detail)"))
                }
            }
        }
        let out = FileHandle.standardOutput
        var allJudged = true
        for parsed in lines {
            guard case .success(let line) = parsed else {
                if case .failure(let failure) = parsed { out.write(Data((CheckFormatter.error(id: nil, failure.message).serialized(pretty: false) + "\n").utf8)) }
                allJudged = false
                continue
            }
            let id = (line["id"] as? String) ?? (line["id"] as? Int).map(String.init)
            let json: JSONValue
            if let claim = line["claim"] as? String {
                let text: Result<String, PairFailure>
                if let t = line["text"] as? String { text = .success(PageText.of(text: t)) }
                else if let url = line["url"] as? String { text = pages[url] ?? .failure(PairFailure("not fetched")) }
                else if let path = line["file"] as? String {
                    text = (try? PageSource.text(of: path, configuration: configuration)).map { .success($0) } ?? .failure(PairFailure("\(path): cannot be read"))
                } else { text = .failure(PairFailure("no text, url or file")) }
                switch text {
                case .success(let page): json = CheckFormatter.json(id: id, verifier.check(claim: claim, page: page))
                case .failure(let failure):
                    json = CheckFormatter.error(id: id, failure.message)
                    allJudged = false
                }
            } else {
                json = CheckFormatter.error(id: id, "no claim")
                allJudged = false
            }
            out.write(Data((json.serialized(pretty: false) + "\n").utf8))
        }
        return allJudged
    }
}

/// Why a batch line could not be judged, written as its "error".
struct PairFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
