import Foundation

/// A recoverable problem: the run goes on and reports it.
public struct Diagnostic: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case warning, error }

    public var severity: Severity
    public var file: String
    public var message: String

    public init(_ severity: Severity, file: String, _ message: String) {
        self.severity = severity
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// The user-facing texts, declared once so tests can assert on them.
public enum Message {
    /// The note a run's record carries while the run is under way: seen in the ledger only when the run was killed.
    public static let runInterrupted = "the run was stopped before its end; its record is as of its last checkpoint"
    public static let emptyFile = "empty file, skipped"
    public static let binaryFile = "looks binary (NUL bytes), skipped"
    public static let undecodable = "text cannot be decoded, skipped"
    public static func tooLarge(_ bytes: Int, limit: Int) -> String {
        "\(bytes) bytes is over the \(limit / 1_000_000) MB limit for an article, skipped"
    }
    public static func unreadable(_ reason: String) -> String { "cannot be read (\(reason)), skipped" }
    public static let symlinkOutside = "symbolic link leads outside the folder, not followed"
    public static let symlinkLoop = "symbolic link loops back into a folder already walked, not followed"
    public static let htmlUnparsable = "HTML could not be parsed, skipped"

    // First use.
    public static func noArticles(_ path: String) -> String { "\(path): no such folder or article file" }
    /// `run` with no FOLDER, no pipeline.yml, and no folder where the defaults look.
    public static func noPipeline(_ defaultFolder: String) -> String {
        "no pipeline.yml here and no folder \(defaultFolder) to run over: start with `claimtrack run FOLDER` (a folder of .html .md .txt articles) or `claimtrack run FILE`, or `claimtrack init FOLDER` to write a commented pipeline.yml"
    }
    /// `report --article` naming no article of the ledger.
    public static func unknownRun(_ wanted: String, first: Int?, last: Int?) -> String {
        guard let first, let last else { return "--since \(wanted): the ledger has no runs yet" }
        return "--since \(wanted): no such run in the ledger (runs \(first)–\(last))"
    }

    public static func badSince(_ wanted: String) -> String {
        "--since \(wanted): expected a run id (12), a date (2026-11-25), a time (2026-11-25T06:00:00Z) or a duration (7d)"
    }

    public static func unknownArticle(_ wanted: String, known: [String]) -> String {
        let shown = known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", … (\(known.count - 10) more)" : "")
        return known.isEmpty ? "--article \(wanted): the ledger has no articles yet" : "--article \(wanted): no such article in the ledger (known: \(shown))"
    }

    // Article notes (`ArticleNote`): the report shows them; the ones that warn are also diagnostics.
    public static func notePlaceholders(_ paragraphs: Int) -> String {
        "rendered in the browser: \(paragraphs) paragraph\(paragraphs == 1 ? "" : "s") of template placeholders ({{ … }}, ${…}, [[…]]) left out; no claims from them"
    }
    public static func noteFewWords(_ words: Int) -> String {
        "no story text: only \(words) word\(words == 1 ? "" : "s") of main text (rendered in the browser, or an empty page)"
    }
    public static let notePaywall = "paywall stub: the main text is a subscribe or sign-in blurb, not the story; no claims from it"
    public static func noteTextFromJSONLD(_ words: Int) -> String {
        "text from the page's JSON-LD articleBody (the page's own text has \(words) word\(words == 1 ? "" : "s"))"
    }
    public static func noteLanguageNotCovered(_ language: String) -> String {
        "language \(language): attributions not covered (rules cover \(Language.attributionRulesCover.joined(separator: ", ")))"
    }

    /// A run asked to stop (SIGINT, SIGTERM), at once and when it has saved what it did.
    public static func stopping(signalName: String) -> String {
        "\(signalName): stopping; what is done so far is saved (again to quit at once)"
    }
    public static func stopped(signalName: String, articlesDone: Int, articles: Int, ledger: String) -> String {
        "claimtrack run: stopped by \(signalName) after \(articlesDone) of \(articles) article\(articles == 1 ? "" : "s"); "
            + "saved \(ledger) and the page cache with what was done; the next run goes on from there"
    }

    /// One cited page that failed, as the log lists it.
    public static func fetchFailed(_ url: String, _ outcome: FetchOutcome, _ detail: String) -> String {
        "\(url): \(outcome.rawValue) (\(detail)); it is tried again on the next run"
    }

    /// The end of a run with failed pages: how many and of what kind (the words of `claimtrack fetch`,
    /// most first), the first `shown` URLs, and where the whole list is.
    public static func fetchFailureSummary(_ failures: [(url: String, outcome: FetchOutcome)], shown: Int = 3, fullList: String) -> [String] {
        guard !failures.isEmpty else { return [] }
        var counts: [FetchOutcome: Int] = [:]
        for f in failures { counts[f.outcome, default: 0] += 1 }
        let kinds = counts.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }.map { "\($0.key.rawValue) \($0.value)" }
        let n = failures.count
        var lines = ["fetch: \(n) cited page\(n == 1 ? "" : "s") failed (\(kinds.joined(separator: ", "))); \(n == 1 ? "it is" : "they are") tried again on the next run"]
        for f in failures.prefix(shown) { lines.append("  \(f.url): \(f.outcome.rawValue)") }
        lines.append(n > shown ? "  … and \(n - shown) more; all \(n) \(fullList)" : "  all \(n) \(fullList)")
        return lines
    }

    /// `extract --output-dir`: two inputs that would write the same file.
    public static func outputCollision(_ a: String, _ b: String, name: String) -> String {
        "--output-dir: \(a) and \(b) would both write \(name); rename one or extract them separately"
    }

    // Reasons a person reads in the report.
    public static let reasonUnattributed = "no source is given for this claim"
    /// An article in a language the attribution rules do not cover: its sources were not looked for.
    public static func reasonLanguageNotCovered(_ language: String) -> String {
        "language not covered: \(language) (attribution rules cover \(Language.attributionRulesCover.joined(separator: ", "))); sources not looked for"
    }
    public static func reasonVague(_ sources: [String]) -> String {
        "only vague or anonymous sources: " + sources.joined(separator: ", ")
    }
    public static func reasonUnverifiable(_ sources: [String]) -> String {
        "named source, no link to check: " + sources.joined(separator: ", ")
    }
    public static func reasonUnverifiableOutlet(_ sources: [String]) -> String {
        "named outlet, no link: " + sources.joined(separator: ", ")
    }
    /// Every cited page failed: dead links apart from pages that refuse us (paywall, bot wall).
    public static func reasonUnreachable(_ failures: [(url: String, outcome: FetchOutcome, since: String?)]) -> String {
        let parts = failures.map { f -> String in
            switch f.outcome {
            case .blocked: return "\(f.url) blocked (paywall or bot wall)"
            case .not_found, .dns: return "\(f.url) dead (\(f.outcome.rawValue))" + (f.since.map { " since \($0.prefix(10))" } ?? "")
            // A slow page is not a dead one: it may answer next time. The fetch word stays `timeout`.
            case .timeout: return "\(f.url) timed out" + (f.since.map { " (failing since \($0.prefix(10)))" } ?? "")
            default: return "\(f.url) \(f.outcome.rawValue)"
            }
        }
        return "every cited page failed: " + parts.joined(separator: "; ")
    }
    public static func reasonUnreadable(_ count: Int) -> String {
        count == 1 ? "the cited page was fetched but has no text to check" : "\(count) cited pages were fetched but have no text to check"
    }

    /// One line on the verdict that decided the status, naming the source the page was cited for and the
    /// page's domain ("Port Authority (port.example) supports it"): the host alone says nothing on a
    /// mirror, an archive or a test server ("127.0.0.1 supports it").
    public static func reasonVerdict(_ status: ClaimStatus, _ e: EvidenceRecord, source: String? = nil) -> String {
        let host = URL(string: e.finalUrl ?? e.url)?.host ?? e.url
        // The reason opens with the name: "the Harbor Authority" as the article wrote it reads "The …".
        let who = source.map { $0.prefix(1).uppercased() + $0.dropFirst() + " (\(host))" } ?? "the page on \(host)"
        switch status {
        case .supported:
            return "\(who) supports it" + (e.matched.isEmpty ? "" : " (found: " + e.matched.prefix(4).joined(separator: ", ") + ")")
        case .contradicted:
            return "\(who) says otherwise: " + e.conflicts.joined(separator: "; ")
        case .partial:
            return "\(who) supports part of it" + (e.missing.isEmpty ? "" : "; not found: " + e.missing.prefix(4).joined(separator: ", "))
        default:
            return "the cited pages do not support it" + (e.missing.isEmpty ? "" : " (not found: " + e.missing.prefix(4).joined(separator: ", ") + ")")
        }
    }
    /// A cited page's host answered 429/503 with a Retry-After longer than a run waits.
    public static func reasonWaitingForHost(_ url: String, until: String) -> String {
        let host = URL(string: url)?.host ?? url
        return "pending: waiting for its host (\(host) asked to wait until \(until)); the next run after that checks it"
    }
    public static func reasonPending(_ count: Int) -> String {
        count == 1 ? "1 cited page not fetched yet" : "\(count) cited pages not fetched yet"
    }
}
