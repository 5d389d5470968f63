/// A claim's status: a closed set, in precedence order (DESIGN.md). A claim
/// takes the first status that its attributions and their pages allow.
public enum ClaimStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case supported, contradicted, partial, unsupported, unreachable, pending, unverifiable, vague, unattributed

    public static func < (lhs: ClaimStatus, rhs: ClaimStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The verdict of one page on one claim (`claimtrack check`).
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case supported, partial, contradicted, unsupported
}

/// What became of one URL (the words of `claimtrack fetch`).
public enum FetchOutcome: String, Sendable, Codable, CaseIterable {
    case ok, not_modified, not_found, blocked, robots, timeout, dns, refused, too_large, http_error, unsupported_type, error
}
