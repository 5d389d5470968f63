/// Between resolve (stage 3) and verify (stage 5): each claim with the URLs that can check its sources,
/// and what verify makes of them.

/// How resolve found a URL for a source. The ledger keeps its raw value in each attribution's `origins`.
public enum SourceOrigin: String, Sendable, CaseIterable {
    /// A link inside the claim's sentence.
    case sentenceLink = "sentence link"
    /// A link in the same paragraph whose anchor or domain names the source.
    case paragraphLink = "paragraph link"
    /// A footnote marker in the sentence, resolved against its numbered entry.
    case footnote
    /// A back-reference ("the same report") to a document the article linked before.
    case earlierLink = "earlier link"
    /// The news search's answer for a named outlet without a link.
    case search
}

/// Stage 3's output for one claim: its text and its sources (stances left out), each with its URLs and
/// how they were found. `id` is the extraction's id until the recorder gives the ledger's.
public struct ResolvedClaim: Sendable, Equatable {
    public var id: String
    public var text: String
    public var attributions: [AttributionRecord]

    public init(id: String, text: String, attributions: [AttributionRecord]) {
        self.id = id
        self.text = text
        self.attributions = attributions
    }

    /// The distinct URLs that can check the claim, in order.
    public var urls: [String] { AttributionRecord.urls(attributions) }
}

/// Stage 3, Extraction → ResolvedClaims: one entry per claim of the extraction, in claim order.
public struct ResolvedClaims: Sendable {
    public var claims: [ResolvedClaim]
}

/// Stage 5's output for one claim: an evidence entry per URL (its page judged, or why there was none)
/// and the status and reason the evidence gives.
public struct ClaimOutcome: Sendable, Equatable {
    public var id: String
    public var evidence: [EvidenceRecord]
    public var status: ClaimStatus
    public var reason: String
}

extension AttributionRecord {
    /// The origin of each URL, parallel to `urls` (nil for a word this version does not write).
    public var sourceOrigins: [SourceOrigin?] { origins.map(SourceOrigin.init(rawValue:)) }

    /// The distinct URLs that can check these attributions, in order.
    public static func urls(_ attributions: [AttributionRecord]) -> [String] {
        var seen = Set<String>()
        return attributions.flatMap(\.urls).filter { seen.insert($0).inserted }
    }
}
