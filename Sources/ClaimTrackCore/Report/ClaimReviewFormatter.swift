/// `claimtrack report --format claimreview`: schema.org ClaimReview JSON-LD, one per claim. An export
/// for fact-checkers to review and complete, not to publish as it is: the review's author says so.
/// Safe to embed in an HTML page as it is (see `render`).
public enum ClaimReviewFormatter {
    public static func render(_ model: ReportModel) -> String {
        var reviews: [JSONValue] = []
        for entry in model.articles {
            let article: JSONValue = .object([
                ("@type", .string("CreativeWork")), ("headline", .optional(entry.record.title)),
                ("url", .optional(entry.record.url)), ("name", .string(entry.record.path)),
                ("author", entry.record.author.map { .object([("@type", .string("Person")), ("name", .string($0))]) } ?? .null),
                ("datePublished", .optional(entry.record.published)),
                ("inLanguage", .optional(entry.record.language)),
            ] + (entry.record.notes.isEmpty ? [] : [("description", .string("claimtrack notes: " + entry.record.notes.map(\.message).joined(separator: "; ")))]))
            for c in entry.claims {
                let authors: [JSONValue] = c.attributions.map { a in
                    .object([("@type", .string(a.kind == .person ? "Person" : "Organization")), ("name", .string(a.resolved ?? a.outlet?.name ?? a.source)),
                             ("description", .string("\(a.kind.rawValue) source, cue “\(a.cue)”"))])
                }
                let appearances: [JSONValue] = c.evidence.map { e in
                    .object([("@type", .string("CreativeWork")), ("url", .string(e.archiveUrl ?? e.finalUrl ?? e.url))])
                }
                reviews.append(.object([
                    ("@context", .string("https://schema.org")),
                    ("@type", .string("ClaimReview")),
                    ("claimReviewed", .string(c.text)),
                    ("datePublished", .string(String(model.generatedAt.prefix(10)))),
                    ("author", .object([("@type", .string("Organization")), ("name", .string("claimtrack (automated check — review before publishing)"))])),
                    ("reviewRating", .object([
                        ("@type", .string("Rating")), ("alternateName", .string(c.status.rawValue)), ("ratingExplanation", .string(c.reason)),
                    ])),
                    ("itemReviewed", .object([
                        ("@type", .string("Claim")), ("author", .array(authors)), ("appearance", .array([article] + appearances)),
                        ("firstAppearance", article),
                    ])),
                    ("identifier", .string(c.id)),
                ]))
            }
        }
        // Written to be pasted into <script type="application/ld+json">: `<` `>` `&` as \u escapes, so a
        // claim's "</script>" or "<!--" cannot end or comment out the script element (U+2028/9 always are).
        return JSONValue.array(reviews).serialized(htmlSafe: true) + "\n"
    }
}
