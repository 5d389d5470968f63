/// What ingest hands to extract: one article's text and what surrounds it.
///
/// All offsets count Unicode scalars from the start of `text`, the text that
/// `claimtrack extract --format text` prints; ends are exclusive.
public struct Article: Sendable {
    public enum Format: String, Sendable, Codable { case text, markdown, html }

    /// Path relative to the folder that was run (or as given to `extract`).
    public var path: String
    public var format: Format
    public var text: String
    /// Paragraph ranges within `text`, in reading order.
    public var paragraphs: [Range<Int>]
    /// Ranges of `text` that hold no prose (front matter, code): never split into sentences.
    public var excluded: [Range<Int>]
    /// Ranges that are syntax rather than words (Markdown brackets and link targets, bare URLs):
    /// they separate words but never belong to a source or cue.
    public var markup: [Range<Int>]
    public var links: [Link]
    public var metadata: Metadata
    /// SHA-256 of the file's bytes.
    public var contentHash: String
    /// BCP-47 primary language subtag ("en", "de"), or "und" when unsure (`LanguageDetector`).
    public var language: String
    /// What a reader should know about the article as a whole (`ArticleNote`), in the order found.
    public var notes: [ArticleNote]

    public init(path: String, format: Format, text: String, paragraphs: [Range<Int>], excluded: [Range<Int>] = [],
                markup: [Range<Int>] = [], links: [Link], metadata: Metadata, contentHash: String,
                language: String = Language.undetermined, notes: [ArticleNote] = []) {
        self.path = path
        self.format = format
        self.text = text
        self.paragraphs = paragraphs
        self.excluded = excluded
        self.markup = markup
        self.links = links
        self.metadata = metadata
        self.contentHash = contentHash
        self.language = language
        self.notes = notes
    }
}

public struct Metadata: Sendable, Codable, Equatable {
    public var title: String?
    public var author: String?
    public var published: String?
    public var url: String?

    public init(title: String? = nil, author: String? = nil, published: String? = nil, url: String? = nil) {
        self.title = title
        self.author = author
        self.published = published
        self.url = url
    }
}

/// A hyperlink with the position of its anchor text (or of the bare URL) in the article text.
public struct Link: Sendable, Codable, Hashable {
    public var url: String
    public var anchor: String
    public var start: Int
    public var end: Int

    public init(url: String, anchor: String, start: Int, end: Int) {
        self.url = url
        self.anchor = anchor
        self.start = start
        self.end = end
    }
}
