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
        "figcaption", // photo captions and credits: they describe a picture, not the story
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


    /// class/id tokens (split at `-`, `_`, space and camel case) that mark boilerplate.
    /// Whole tokens only, so "ad" does not remove "header" and "share" does not remove "shareholders".
    static let boilerplateTokens: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "masthead", "footer", "sidebar", "aside",
        "cookie", "cookies", "consent", "gdpr", "banner",                       // cookie and consent walls
        "newsletter", "subscribe", "subscription", "signup", "paywall", "regwall", "login", "signin", // subscription prompts
        "related", "recommended", "recommendations", "more", "trending", "popular", "outbrain", "taboola", // story lists
        "share", "sharing", "social", "sharebar",                               // share bars
        "comment", "comments", "disqus", "respond",                             // reader comments
        "byline", "dateline", "author", "authors", "bio",                       // bylines (metadata, not text)
        "promo", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "dfp", // advertising
        "popup", "modal", "overlay", "toolbar", "skip", "tags", "widget", "hidden",
        "caption", "captions", "credit", "credits", "copyright",               // photo captions and credits
        "gallery", "slideshow", "carousel", "slider",                          // photo galleries
        "meta", "date", "timestamp", "pagination", "pager", "print",           // dates, page and print controls
    ]

    /// Boilerplate tokens that win even over a content token: "comment-body", "entry-meta",
    /// "article__media-caption" and "post-tags" are never the story. The other boilerplate tokens
    /// yield to a content token ("article-more").
    static let strongBoilerplateTokens: Set<String> = [
        "comment", "comments", "disqus", "respond", "related", "recommended", "share", "sharing", "sharebar",
        "comentarios", "commenti", "kommentare", "commentaires",              // comments in pt/es, it, de, fr
        "byline", "author", "authors", "bio", "caption", "captions", "credit", "credits", "copyright",
        "newsletter", "subscribe", "signup", "tags", "meta", "gallery", "slideshow", "breadcrumb", "breadcrumbs",
        "cookie", "cookies", "consent",
    ]

    /// Tokens of embedded posts (a tweet quoted in the story): such an element is kept even when it
    /// also says "social".
    static let embedTokens: Set<String> = ["embed", "tweet", "twitter"]

    /// Whole class names that hide text from sighted readers ("Image caption" spoken to screen readers).
    static let screenReaderClasses: Set<String> = [
        "off-screen", "offscreen", "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "a11y-hidden",
    ]

    /// Tokens that protect an element from the list above ("article-body" with "more" in it stays).
    static let contentTokens: Set<String> = ["content", "article", "body", "story", "entry", "post", "text", "main"]

    /// Roles that are never article text.
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"]

    /// How much each paragraph-like element adds to its containers' scores. List items and table
    /// cells count half: lists of teasers and tables of figures are longer than many stories.
    static let paragraphWeight: [String: Double] = [
        "p": 1, "pre": 1, "blockquote": 1, "li": 0.5, "td": 0.5, "h2": 0.5, "h3": 0.5,
    ]

    /// Short blocks that start with one of these (case ignored) are labels around the story, not
    /// the story: "Related: …", "Photo: AP", "Tags: …", "Share this story". A one-word prefix must
    /// be followed by a colon or end the block ("Share", but not "Share prices rose"); a longer one
    /// by anything but a letter. Only blocks under `maxLabelLength` characters are tested.
    static let labelPrefixes: [String] = [
        // English
        "related", "read more", "read also", "also read", "see also", "more", "tags", "filed under", "share",
        "share this", "source",
        "advert", "advertisement", "photo", "photos", "image", "image copyright", "image caption", "(image credit",
        "image credit", "credit", "sharing is caring", "you may also like", "more from", "more stories",
        "click here", "this slideshow requires javascript", "published", "updated", "posted", "first published",
        "follow us", "sign up", "subscribe", "top stories", "partner news",
        // Portuguese, Spanish, Italian, German, French, Russian
        "você pode gostar", "veja também", "leia também", "lea también", "ver también", "leggi anche",
        "lesen sie auch", "mehr zum thema", "lire aussi", "voir aussi", "читайте также",
    ]
    static let maxLabelLength = 120

    /// Words a date-and-time line is made of ("Wednesday 20 November 2019 9:22 am", "PUBLISHED:
    /// November 19, 2019 at 8:59 pm"): a short block of numbers, `dateNames` (at least one) and
    /// `dateFillers` only is a dateline, not story text. A table cell "57" is not.
    static let dateFillers: Set<String> = [
        "am", "pm", "at", "on", "of", "the", "published", "updated", "posted", "last", "modified",
        "edt", "est", "pdt", "pst", "gmt", "utc", "bst", "cet", "ist", "amt", "uhr", "um", "de", "às", "del", "le",
    ]
    static let dateNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        // Portuguese, Spanish, Italian, German, French month and weekday names
        "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
        "novembro", "dezembro", "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo", "feira",
        "enero", "febrero", "marzo", "mayo", "junio", "julio", "septiembre", "octubre", "noviembre", "diciembre",
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
        "gen", "mag", "giu", "lug", "ago", "set", "ott", "dic",
        "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
    static let maxDateLineLength = 60

    /// A list or block whose text is mostly link text is a story list, not prose.
    static let maxLinkDensity = 0.5
}
