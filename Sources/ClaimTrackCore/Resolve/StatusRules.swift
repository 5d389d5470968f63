/// The status a claim gets before any page is fetched (DESIGN.md's order):
/// pending when a URL can check it, unverifiable when a specific source is
/// named with nothing to fetch, vague when only vague or anonymous sources
/// are given, unattributed when none is.
public enum StatusRules {
    public static func offline(_ attributions: [AttributionRecord]) -> (ClaimStatus, String) {
        if attributions.isEmpty { return (.unattributed, Message.reasonUnattributed) }
        let urls = Set(attributions.flatMap(\.urls))
        if !urls.isEmpty { return (.pending, Message.reasonPending(urls.count)) }
        let specific = attributions.filter { $0.kind.isSpecific }
        if !specific.isEmpty {
            let names = unique(specific.map { $0.resolved ?? $0.outlet?.name ?? $0.source })
            if specific.contains(where: { $0.kind == .outlet }) { return (.unverifiable, Message.reasonUnverifiableOutlet(names)) }
            return (.unverifiable, Message.reasonUnverifiable(names))
        }
        return (.vague, Message.reasonVague(unique(attributions.map(\.source))))
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
