/// Something a reader of the report should know about an article as a whole: where its text came
/// from, why it yields no claims, why its claims carry no attributions. Notes travel with the
/// article from ingest and extract to the ledger and every report format; in JSON they are
/// `{"code","message"}` objects (the code is stable, the message is for people).
public struct ArticleNote: Sendable, Equatable, Hashable {
    /// Stable words, stored in the ledger: add codes freely, never rename one.
    public enum Code: String, Sendable, CaseIterable {
        /// The page's own main text was thin; its schema.org JSON-LD `articleBody` is the text.
        case textFromJSONLD = "text_from_jsonld"
        /// The story is filled in by scripts in the browser: template placeholders, or an empty story.
        case renderedInBrowser = "rendered_in_browser"
        /// The main text is a subscribe / sign-in blurb, not the story.
        case paywall = "paywall"
        /// The article's language is not one the attribution rules cover.
        case languageNotCovered = "language_not_covered"

        /// Codes that also warrant a `Diagnostic`: the article yields (almost) nothing to check.
        public var warns: Bool { self == .renderedInBrowser || self == .paywall }
    }

    /// The code as stored; an unknown code from a newer ledger is kept as it is.
    public var code: String
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code.rawValue
        self.message = message
    }

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var known: Code? { Code(rawValue: code) }
}

extension ArticleNote {
    /// `{"code","message"}`, as extract and report JSON write it.
    public var json: JSONValue { .object([("code", .string(code)), ("message", .string(message))]) }
}

extension Article {
    /// Warnings for the notes that say the article gives little or nothing to check, naming the file;
    /// none when the page's JSON-LD gave the story after all (the notes still say so).
    public var diagnostics: [Diagnostic] {
        if notes.contains(where: { $0.known == .textFromJSONLD }) { return [] }
        return notes.filter { $0.known?.warns == true }.map { Diagnostic(.warning, file: path, $0.message) }
    }
}
