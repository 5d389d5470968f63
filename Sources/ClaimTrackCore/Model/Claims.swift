/// What extract hands to resolve: the claims of one article and every attribution found in it.
public struct Extraction: Sendable {
    public let article: Article
    public var claims: [Claim]
    public var attributions: [Attribution]
    /// `ClaimID.fingerprint` of the article's text, worked out with the extraction (on the extract pool's
    /// threads): the recorder, which runs on one thread, needs it for every article.
    public let fingerprint: String

    public init(article: Article, claims: [Claim], attributions: [Attribution]) {
        self.article = article
        self.claims = claims
        self.attributions = attributions
        fingerprint = ClaimID.fingerprint(article.text)
    }
}

public struct Claim: Sendable, Codable, Equatable {
    /// Stable across reruns, whitespace reformatting and moving the folder (see `ClaimID`).
    public var id: String
    public var text: String
    public var start: Int
    public var end: Int
    public var hedges: [String]
    /// Indexes into `Extraction.attributions`.
    public var attributions: [Int]
    /// The paragraph the sentence belongs to, as a range of the article text.
    public var paragraph: Range<Int>

    public init(id: String, text: String, start: Int, end: Int, hedges: [String], attributions: [Int], paragraph: Range<Int>) {
        self.id = id
        self.text = text
        self.start = start
        self.end = end
        self.hedges = hedges
        self.attributions = attributions
        self.paragraph = paragraph
    }
}

public enum AttributionKind: String, Sendable, Codable, CaseIterable {
    case outlet, organization, person, document, vague, anonymous

    /// Vague and anonymous sources name nobody a reader could check.
    public var isSpecific: Bool { self != .vague && self != .anonymous }
}

/// How an attribution's `resolved` name was found (extract JSON and report key `resolved_by`).
public enum ResolvedBy: String, Sendable, Codable, CaseIterable {
    /// The name stands beside the source between commas, or before ", who": "Ana Silva, the mayor, said".
    case appositive
    /// "he", "she", "it" … took the nearest earlier mention that fits and that no other candidate hides.
    case pronoun
    /// "Holt" names the person met before as "Senator Jane Holt".
    case surname
    /// "the ministry", "the governor", "the report" named by the words of an earlier name.
    case description
}

public struct Outlet: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var domain: String
    public init(name: String, domain: String) { self.name = name; self.domain = domain }
}

public struct Attribution: Sendable, Codable, Equatable {
    /// Verbatim text at `sourceStart..<sourceEnd`.
    public var source: String
    public var kind: AttributionKind
    /// Verbatim text at `cueStart..<cueEnd`.
    public var cue: String
    public var sourceStart: Int
    public var sourceEnd: Int
    public var cueStart: Int
    public var cueEnd: Int
    /// Index of the claim this attribution belongs to, nil when its sentence is not a claim.
    public var claim: Int?
    /// The name a pronoun or description refers to.
    public var resolved: String?
    /// How `resolved` was found; nil when it is nil.
    public var resolvedBy: ResolvedBy?
    public var outlet: Outlet?
    /// True when the attribution was carried from an earlier sentence that this one continues.
    public var carried: Bool
    /// A stance ("X criticized …", "X wants …") rather than a report: recorded, not checked.
    public var stance: Bool

    public init(source: String, kind: AttributionKind, cue: String, sourceStart: Int, sourceEnd: Int,
                cueStart: Int, cueEnd: Int, claim: Int? = nil, resolved: String? = nil, resolvedBy: ResolvedBy? = nil,
                outlet: Outlet? = nil, carried: Bool = false, stance: Bool = false) {
        self.source = source
        self.kind = kind
        self.cue = cue
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        self.cueStart = cueStart
        self.cueEnd = cueEnd
        self.claim = claim
        self.resolved = resolved
        self.resolvedBy = resolved == nil ? nil : resolvedBy
        self.outlet = outlet
        self.carried = carried
        self.stance = stance
    }

    /// The name a reader should see: the resolved name, else the outlet's, else the text.
    public var displayName: String { resolved ?? outlet?.name ?? source }
}
