import ArgumentParser
import ClaimTrackCore
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a person's verdict on a claim, kept across runs beside the machine's.",
        discussion: """
        Examples:
          claimtrack review c59f149 --verdict contradicted --note "the figure is 800"
          claimtrack review c59f149 --clear
        The reviewer is --by, else $CLAIMTRACK_REVIEWER, else $USER. Reports show the review beside the
        machine's status and say when a later run changed the machine's status under it.
        """)

    @Argument(help: "The claim id (from the report; a unique prefix will do).")
    var claimID: String

    @Option(help: "The verdict: supported, contradicted, partial, unsupported, unreachable, pending, unverifiable, vague or unattributed.")
    var verdict: String?

    @Option(help: "Why: what the reviewer found.")
    var note: String = ""

    @Option(help: "Who reviews (default $CLAIMTRACK_REVIEWER, else $USER).")
    var by: String?

    @Flag(help: "Remove the claim's review.")
    var clear = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if clear == (verdict != nil) { throw ValidationError("give either --verdict STATUS or --clear") }
        if let verdict, ClaimStatus(rawValue: verdict) == nil {
            throw ValidationError("unknown verdict \(verdict); one of \(ClaimStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let configuration = try common.load()
        let environment = ProcessInfo.processInfo.environment
        let reviewer = by ?? environment["CLAIMTRACK_REVIEWER"] ?? environment["USER"] ?? "unknown"
        let claim = try Reviews.record(claim: claimID, verdict: verdict.flatMap(ClaimStatus.init(rawValue:)), note: note,
                                       by: reviewer, ledgerPath: configuration.ledger)
        Console.out(TerminalText.escape(claim.review.map { "\(claim.id): \($0.line(machine: claim.status))" } ?? "\(claim.id): review cleared"))
    }
}
