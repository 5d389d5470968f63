import ArgumentParser
import ClaimTrackCore
import Foundation

/// `claimtrack ledger export | import | migrate`: moving a ledger between the JSON file and PostgreSQL.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Export, import or migrate the ledger (a JSON file or a PostgreSQL database).",
        discussion: """
        Examples:
          claimtrack ledger export --to export.json
          claimtrack ledger import x.json --ledger postgresql://127.0.0.1/claimtrack
          claimtrack ledger migrate --ledger postgresql://127.0.0.1/claimtrack
        """,
        subcommands: [Export.self, Import.self, Migrate.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the whole ledger as one JSON document (schema claimtrack.ledger/2, form export).",
            discussion: """
            Examples:
              claimtrack ledger export --to export.json
            """
        )

        @Option(help: "The file to write.")
        var to: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            let configuration = try common.load()
            try LedgerAccess.export(configuration.ledger, to: to)
            Console.out("claimtrack ledger export: \(configuration.ledger) → \(to)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read an export document into an empty ledger (a new JSON file, or a database without records).",
            discussion: """
            Examples:
              claimtrack ledger import x.json --ledger postgresql://127.0.0.1/claimtrack
            """
        )

        @Argument(help: "The export document (from `claimtrack ledger export`).")
        var file: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            let configuration = try common.load()
            let d = try LedgerAccess.importLedger(file, into: configuration.ledger)
            Console.out("claimtrack ledger import: \(d.bundles.filter { $0.article != nil }.count) articles, \(d.bundles.map(\.claims.count).reduce(0, +)) claims, "
                + "\(d.bundles.map(\.retired.count).reduce(0, +)) retired claims, \(d.sources.count) sources, \(d.runs.count) runs → \(configuration.ledger)")
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a PostgreSQL ledger's schema up to this version (a run also does it when it starts).",
            discussion: """
            Examples:
              claimtrack ledger migrate --ledger postgresql://127.0.0.1/claimtrack
            """
        )

        @OptionGroup var common: CommonOptions

        func run() throws {
            let configuration = try common.load()
            let applied = try LedgerAccess.migrate(configuration.ledger)
            Console.out(applied.isEmpty ? "claimtrack ledger migrate: \(configuration.ledger) is up to date"
                                        : "claimtrack ledger migrate: applied \(applied.joined(separator: ", ")) to \(configuration.ledger)")
        }
    }
}
