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
        let check = PairCheck(configuration: try ConfigLoader.load(path: config))
        if let batch {
            guard arguments.isEmpty else { throw ClaimTrackError.usage("give either CLAIM SOURCE or --batch FILE, not both") }
            let data: Data
            if batch == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
                guard let d = FileManager.default.contents(atPath: batch) else { throw ClaimTrackError.usage("\(batch): cannot be read") }
                data = d
            }
            // Every input line gets one output line; a line that cannot be judged gets {"id","error"} and the command exits 1.
            var allJudged = true
            for line in check.batch(data, standardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }) {
                let json: JSONValue
                switch line {
                case .judged(let id, let result): json = CheckFormatter.json(id: id, result)
                case .failed(let id, let message): json = CheckFormatter.error(id: id, message); allJudged = false
                }
                FileHandle.standardOutput.write(Data((json.serialized(pretty: false) + "\n").utf8))
            }
            if !allJudged { throw ExitCode(ExitPolicy.someFailedCode) }
            return
        }
        guard arguments.count == 2 else { throw ClaimTrackError.usage("check needs CLAIM and SOURCE (a URL, a file, or -)") }
        let result = try check.check(claim: arguments[0], source: arguments[1], standardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) })
        Console.out(format == .json ? CheckFormatter.json(id: nil, result).serialized() : CheckFormatter.table(claim: arguments[0], result))
    }
}
