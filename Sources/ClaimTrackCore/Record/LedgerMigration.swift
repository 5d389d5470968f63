import Foundation

/// What a ledger written by an older claimtrack needs before this one uses it. Records and history
/// are kept; only ids are rewritten (keys are never renamed, README "Ids").
enum LedgerMigration {
    /// How long a removed claim is kept (`Ledger.retired`) so a reverted edit gets its history back
    /// and `report --since` can still list it: three months of nightly runs.
    static let retiredKeptFor: TimeInterval = 90 * 24 * 3600

    /// A ledger without `id_scheme` has path-based ids (claim/1: the article's path and the sentence with
    /// whitespace collapsed). Each claim gets the id `extract` and `run` now give its sentence; articles
    /// get an id from their canonical URL or file hash. Statuses, evidence and history stay as they were.
    static func migrateIDs(_ l: inout Ledger) {
        guard l.idScheme != ClaimID.scheme else { return }
        let from = l.idScheme ?? "claim/1"
        var claims: [String: ClaimRecord] = [:]
        var articles: [String: ArticleRecord] = [:]
        var listed = Set<String>()
        for path in l.articles.keys.sorted() {
            var a = l.articles[path]!
            a.id = ClaimID.article(url: a.url, fingerprint: "file:" + a.hash)
            var occurrences: [String: Int] = [:]
            var ids: [String] = []
            for old in a.claims {
                guard var c = l.claims[old] else { continue }
                listed.insert(old)
                var id = ClaimID.plain(IdentityText.normalize(c.text), occurrences: &occurrences)
                if claims[id] != nil { id = ClaimID.qualified(id, article: a.id) }
                c.id = id
                c.article = path
                claims[id] = c
                ids.append(id)
            }
            a.claims = ids
            articles[path] = a
        }
        // A claim no article lists (a ledger edited by hand) keeps its old id rather than being lost.
        for (id, c) in l.claims where !listed.contains(id) && claims[id] == nil { claims[id] = c }
        l.claims = claims
        l.articles = articles
        l.idScheme = ClaimID.scheme
        l.migratedFrom = from
    }

    /// Where the first write after a migration keeps the ledger as it was.
    static func backupPath(of ledger: String, from scheme: String) -> String {
        ledger + ".before-" + scheme.replacingOccurrences(of: "/", with: "-") + "-ids"
    }
}
