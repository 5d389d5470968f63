/// When an HTML page's main text is not the story, as named data (STYLE.md). `ThinPage` applies
/// them after `MainTextExtractor` has written the page's text.
enum ThinPageRules {
    /// Fewer words than this and the DOM text is thin: a page's schema.org JSON-LD `articleBody`,
    /// when it has more words, becomes the text. 80 words is about three sentences: news briefs
    /// are longer, and teaser stubs of script-rendered or paywalled pages shorter.
    static let thinWords = 80

    /// Fewer words than this and the page has no story at all: it is rendered in the browser (an
    /// empty `<div id="app">`), or empty. A headline and a standfirst fit in 25 words; a story does not.
    static let fewWords = 25

    /// schema.org types whose `articleBody` is the story (Article and its news and blog subtypes).
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
    ]

    /// Template placeholders left in the text when a page's script never ran: Mustache, Handlebars,
    /// Jinja, Angular and Vue `{{ … }}`; JavaScript template literals `${…}`; `[[…]]` of Polymer and
    /// some CMS templates. The inner text must hold a letter and be shorter than `maxPlaceholder`
    /// characters ("{{ article.body | safe }}", not a sentence in braces).
    static let placeholderDelimiters: [(open: String, close: String)] = [("{{", "}}"), ("${", "}"), ("[[", "]]")]
    static let maxPlaceholder = 80

    /// Phrases of subscribe and sign-in blurbs (lowercased, straight apostrophes). A paragraph of at
    /// most `maxBlurbWords` words holding one is a blurb: never claim-bearing text. When the blurbs
    /// were all the page had (fewer than `thinWords` words remain), the page is a paywall stub.
    static let paywallPhrases: [String] = [
        // "Subscribe to continue reading", "Subscribe now to read the full story"
        "subscribe to continue", "subscribe to read", "subscribe now to", "subscribe today to", "subscribe for full access",
        // "This content is for subscribers", "available exclusively to subscribers", "subscribers only"
        "content is for subscribers", "article is for subscribers", "story is for subscribers", "for subscribers only",
        "exclusively to subscribers", "exclusive to subscribers", "subscribers only", "subscriber-only", "only available to subscribers",
        "available to subscribers", "become a subscriber", "already a subscriber", "already subscribed",
        // "Sign in to continue reading", "Log in to read this article", "Register to keep reading"
        "sign in to continue", "sign in to read", "log in to continue", "log in to read", "login to continue", "login to read",
        "register to continue", "register to read", "create a free account to", "to continue reading, ",
        "keep reading with a subscription", "unlock this article", "unlock full access",
        // "You have reached your limit of free articles"
        "limit of free articles", "free article limit", "free articles this month", "reached your article limit",
    ]
    static let maxBlurbWords = 40
}
