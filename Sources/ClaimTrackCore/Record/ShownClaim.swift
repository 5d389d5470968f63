/// `claimtrack show`: one claim as the ledger holds it, with its article's record and its URLs' records.
/// Only the claim's article is read: the index says which bundle holds the id.
public struct ShownClaim: Sendable {
    public var claim: ClaimRecord
    public var article: ArticleRecord?
    public var sources: [String: SourceRecord]
    /// Taken away by an edit and kept for `LedgerMigration.retiredKeptFor`: shown, marked so.
    public var retired: Bool

    /// The claim whose id is `id` or starts with it (a unique prefix). `ledger` names the ledger in the error.
    public static func find(_ id: String, in store: any LedgerBackend, ledger: String) throws -> ShownClaim {
        let matches = store.claimIDs(withPrefix: id)
        guard matches.count == 1 || matches.contains(id), let found = matches.contains(id) ? id : matches.first,
              let holder = store.holder(ofClaim: found), let bundle = try store.bundle(holder.path),
              let claim = (holder.retired ? bundle.retired : bundle.claims).first(where: { $0.id == found }) else {
            throw ClaimTrackError.usage(matches.isEmpty ? "no claim \(id) in \(ledger)" : "\(id) is ambiguous: \(matches.joined(separator: ", "))")
        }
        return ShownClaim(claim: claim, article: bundle.article, sources: try store.sources(claim.attributions.flatMap(\.urls)), retired: holder.retired)
    }
}
