/// Heuristics for HTML main-text extraction, as named data (STYLE.md).
/// Each table says why its entries are there; the reader applies them in order.
enum BoilerplateRules {
    /// Elements whose whole subtree is never article text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
        "nav",      // site navigation
        "header",   // masthead, often the headline block too (the title is metadata)
        "footer",   // site and article footers: copyright, tags, share bars
        "aside",    // pull-outs, related stories, ads
        "button", "select", "input", "textarea", "label",  // sign-up, search and comment form controls
        "menu", "dialog", "head", "title", "meta", "link",
    ]

    /// Elements dropped like `droppedTags` unless they hold much of the page: some sites wrap the
    /// whole page in one `<form>`.
    static let softDroppedTags: Set<String> = ["form"]

    /// Elements that start a new paragraph in the extracted text.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "caption", "figure", "figcaption",
        "br", "hr", "address", "center", "body", "html",
    ]

    /// Elements whose text counts as paragraph text when scoring containers.
    static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "li", "td", "h2", "h3"]

    /// class/id tokens (split at `-`, `_`, space and camel case) that mark boilerplate.
    /// Whole tokens only, so "ad" does not remove "header" and "share" does not remove "shareholders".
    static let boilerplateTokens: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "masthead", "footer", "sidebar", "aside",
        "cookie", "cookies", "consent", "gdpr", "banner",                       // cookie and consent walls
        "newsletter", "subscribe", "subscription", "signup", "paywall", "regwall", // subscription prompts
        "related", "recommended", "recommendations", "more", "trending", "popular", "outbrain", "taboola", // story lists
        "share", "sharing", "social", "sharebar",                               // share bars
        "comment", "comments", "disqus", "respond",                             // reader comments
        "byline", "dateline", "author", "authors", "bio",                       // bylines (metadata, not text)
        "promo", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "dfp", // advertising
        "popup", "modal", "overlay", "toolbar", "skip", "tags", "widget", "hidden",
    ]

    /// Tokens that protect an element from the list above ("article-body" with "more" in it stays).
    static let contentTokens: Set<String> = ["content", "article", "body", "story", "entry", "post", "text", "main"]

    /// Roles that are never article text.
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"]

    /// A list or block whose text is mostly link text is a story list, not prose.
    static let maxLinkDensity = 0.5
}
