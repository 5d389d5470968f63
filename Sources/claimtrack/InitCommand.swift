import ArgumentParser
import ClaimTrackCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented pipeline.yml here (every key with its default); never overwrites one.",
        discussion: """
        Examples:
          claimtrack init
          claimtrack init news
        """
    )

    @Argument(help: "The folder of articles the configuration names (default seeds).")
    var folder: String = ConfigDefaults.configuration.articles

    func run() throws {
        let path = ConfigLoader.defaultFile
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ClaimTrackError.usage("\(path) already exists; it was left as it is (edit it, or remove it and run init again)")
        }
        do { try AtomicFile.write(Data(ConfigDefaults.pipelineFile(articles: folder).utf8), to: path) } catch {
            throw ClaimTrackError.outputWriteFailed(file: path, reason: LedgerStore.whyUnwritable(path, error))
        }
        Console.out("wrote \(path) (articles: \(folder)); next: claimtrack run")
    }
}
