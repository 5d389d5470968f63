import Foundation

/// `claimtrack check`: fetch (stage 4) and verify (stage 5) for claim–page pairs given by hand: one claim
/// against one page, or many pairs (`--batch`, JSON Lines). The CLI only prints what this returns.
public struct PairCheck {
    public let configuration: Configuration
    public let verifier: Verifier
    /// Serves the pages named by URL: the curl fetcher of the `fetch:` settings unless given.
    public let fetcher: any PageFetcher

    public init(configuration: Configuration, fetcher: (any PageFetcher)? = nil) {
        self.configuration = configuration
        verifier = Verifier(configuration.verify)
        self.fetcher = fetcher ?? Fetcher(options: Fetcher.Options(configuration.fetch))
    }

    /// Why a pair could not be judged, written as its "error".
    public struct Failure: Error, Sendable {
        public let message: String
        public init(_ message: String) { self.message = message }
    }

    /// One claim against the page at `source`.
    public func check(claim: String, source: String, standardInput: () -> [UInt8]) throws -> Verifier.Result {
        verifier.check(claim: claim, page: try pageText(of: source, standardInput: standardInput))
    }

    /// Where `check` reads a page from: a URL (fetched with the configured limits), a file, or "-" for
    /// standard input. A file is read as a fetched page would be: HTML through the same main-text
    /// extraction as `run`.
    public func pageText(of source: String, standardInput: () -> [UInt8]) throws -> String {
        if source == "-" {
            guard let text = PageText.of(standardInput(), contentType: nil, name: "-") else {
                throw ClaimTrackError.input(file: "-", reason: "not a text or HTML page")
            }
            return text
        }
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let (result, body) = fetcher.fetchAll([FetchRequest(url: source)], keepBodies: true).first else {
                throw ClaimTrackError.input(file: source, reason: "could not be fetched")
            }
            guard result.outcome == .ok, let body,
                  let page = PageDecoder.decode(body, contentType: result.contentType, url: source, finalURL: result.finalURL ?? source) else {
                throw ClaimTrackError.input(file: source, reason: "fetch \(result.outcome.rawValue): \(result.detail)")
            }
            return page.text
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw ClaimTrackError.input(file: source, reason: "cannot be read")
        }
        guard let text = PageText.of([UInt8](data), contentType: PageText.contentType(forFile: source), name: source) else {
            throw ClaimTrackError.input(file: source, reason: "not a text or HTML page")
        }
        return text
    }

    /// One batch line's answer: its verdict, or why it could not be judged.
    public enum Line {
        case judged(id: String?, Verifier.Result)
        case failed(id: String?, String)
    }

    /// `check --batch`: every non-blank line of `data` (`{"id","claim","text"}`, or "url" or "file" instead
    /// of "text") judged in order, one answer per line; the URLs are fetched together first. A line that
    /// is not a JSON object, or a pair that cannot be judged, is a failure.
    public func batch(_ data: Data, standardInput: () -> [UInt8]) -> [Line] {
        var lines: [Result<[String: Any], Failure>] = []
        for (k, line) in String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                lines.append(.failure(Failure("line \(k + 1): not a JSON object")))
                continue
            }
            lines.append(.success(object))
        }
        let urls = lines.compactMap { line in (try? line.get()).flatMap { $0["text"] == nil ? $0["url"] as? String : nil } }
        var pages: [String: Result<String, Failure>] = [:]
        if !urls.isEmpty {
            for (result, body) in fetcher.fetchAll(urls.map { FetchRequest(url: $0) }, keepBodies: true) {
                if result.outcome == .ok, let body,
                   let page = PageDecoder.decode(body, contentType: result.contentType, url: result.url, finalURL: result.finalURL ?? result.url) {
                    pages[result.url] = .success(page.text)
                } else {
                    pages[result.url] = .failure(Failure("fetch \(result.outcome.rawValue): \(result.detail)"))
                }
            }
        }
        return lines.map { parsed -> Line in
            let line: [String: Any]
            switch parsed {
            case .failure(let failure): return .failed(id: nil, failure.message)
            case .success(let l): line = l
            }
            let id = (line["id"] as? String) ?? (line["id"] as? Int).map(String.init)
            guard let claim = line["claim"] as? String else { return .failed(id: id, "no claim") }
            let text: Result<String, Failure>
            if let t = line["text"] as? String { text = .success(PageText.of(text: t)) }
            else if let url = line["url"] as? String { text = pages[url] ?? .failure(Failure("not fetched")) }
            else if let path = line["file"] as? String {
                text = (try? pageText(of: path, standardInput: standardInput)).map { .success($0) } ?? .failure(Failure("\(path): cannot be read"))
            } else { text = .failure(Failure("no text, url or file")) }
            switch text {
            case .success(let page): return .judged(id: id, verifier.check(claim: claim, page: page))
            case .failure(let failure): return .failed(id: id, failure.message)
            }
        }
    }
}
