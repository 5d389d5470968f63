import Foundation

/// What changed in a window of runs (`report --changed`: the last run; `report --since RUN`: every run
/// after RUN), worked out from the claims' histories by comparing two states: the claims that stood
/// after the run before the window, and those that stand now.
///
/// - new: stands now, did not stand before (a brand-new claim is new, whatever statuses it passed
///   through within the window);
/// - changed: stood before and stands now, with another status (old → new);
/// - removed: stood before, stands no more (edited out, or its article removed).
///
/// So `before + new − removed = now`, and the run's summary line counts the same way.
public struct Digest: Sendable {
    public enum Kind: String, Sendable { case new, changed, removed }

    public struct Entry: Sendable {
        public var kind: Kind
        /// The claim as it stands now, or as it stood when it was removed.
        public var claim: ClaimRecord
        public var from: ClaimStatus?
        public var to: ClaimStatus?
    }

    public struct Counts: Sendable, Equatable {
        public var new = 0
        public var changed = 0
        public var removed = 0

        /// "3 new, 1 changed, 2 removed", or nil when nothing changed.
        public var phrase: String? {
            new + changed + removed == 0 ? nil : "\(new) new, \(changed) changed, \(removed) removed"
        }
    }

    /// The last run before the window (0: the window starts with the first run).
    public var after: Int
    /// The runs of the window, oldest first.
    public var runs: [RunRecord]
    /// In article path order, then reading order.
    public var entries: [Entry]
    /// Articles removed or moved in the window (one moved twice is listed once, with its newest path).
    public var articleChanges: [RunRecord.ArticleChange]
    public var counts = Counts()

    public init(ledger: Ledger, after: Int) {
        self.after = after
        runs = ledger.runs.filter { $0.id > after }
        var entries: [Entry] = []
        for c in ledger.claims.values {
            let before = Self.status(c, after: after)
            if before == nil {
                entries.append(Entry(kind: .new, claim: c, from: nil, to: c.status))
            } else if before != c.status {
                entries.append(Entry(kind: .changed, claim: c, from: before, to: c.status))
            }
        }
        for c in ledger.retired.values where ledger.claims[c.id] == nil {
            if let before = Self.status(c, after: after) { entries.append(Entry(kind: .removed, claim: c, from: before, to: nil)) }
        }
        self.entries = entries.sorted { ($0.claim.article, $0.claim.start, $0.claim.id) < ($1.claim.article, $1.claim.start, $1.claim.id) }
        for e in self.entries {
            switch e.kind {
            case .new: counts.new += 1
            case .changed: counts.changed += 1
            case .removed: counts.removed += 1
            }
        }
        var changes: [RunRecord.ArticleChange] = []
        for change in runs.flatMap(\.articleChanges) {
            if let k = changes.firstIndex(where: { $0.id == change.id && $0.movedTo == change.path }) {
                changes[k].movedTo = change.movedTo
            } else {
                changes.append(change)
            }
        }
        // An article removed and later found again (or moved back) stands now: not a change. One that came
        // and went within the window is not one either: its claims did not stand before (a claimless one is listed).
        let removedFrom = Set(self.entries.filter { $0.kind == .removed }.map(\.claim.article))
        let retiredFrom = Set(ledger.retired.values.map(\.article))
        articleChanges = changes.filter { c in
            guard c.movedTo == nil else { return c.movedTo != c.path }
            return ledger.articles[c.path] == nil && (removedFrom.contains(c.path) || !retiredFrom.contains(c.path))
        }
    }

    /// The digest of the last run.
    /// The counts alone, without listing the claims: what a run's summary line needs. Listing them
    /// copies every new claim's record, which at 100,000 articles costs more memory than the run.
    public static func counts(_ ledger: Ledger, after: Int) -> Counts {
        var counts = Counts()
        for c in ledger.claims.values {
            let before = status(c, after: after)
            if before == nil { counts.new += 1 } else if before != c.status { counts.changed += 1 }
        }
        for c in ledger.retired.values where ledger.claims[c.id] == nil && status(c, after: after) != nil { counts.removed += 1 }
        return counts
    }

    public static func lastRun(_ ledger: Ledger) -> Digest {
        Digest(ledger: ledger, after: (ledger.runs.last?.id ?? 1) - 1)
    }

    /// The claim's status after run `after`, nil when it did not stand then.
    static func status(_ c: ClaimRecord, after: Int) -> ClaimStatus? {
        guard let last = c.history.last(where: { $0.run <= after }) else { return nil }
        return last.event == .removed ? nil : last.status
    }

    /// `--since RUN`: a run id (the window is every run after it), a date or time (ISO 8601: every run
    /// that started at or after it), or a duration (`7d`: every run of the last seven days). Returns the
    /// last run before the window.
    public static func runBefore(_ since: String, in ledger: Ledger, now: Date = Date()) throws -> Int {
        let text = since.trimmingCharacters(in: .whitespaces)
        if let id = Int(text), id >= 0 {
            guard id == 0 || ledger.runs.contains(where: { $0.id == id }) else {
                let ids = ledger.runs.map(\.id)
                throw ClaimTrackError.usage(Message.unknownRun(text, first: ids.first, last: ids.last))
            }
            return id
        }
        let start: Date
        if let d = Duration(text) {
            start = now.addingTimeInterval(-TimeInterval(d.seconds))
        } else if let d = Timestamp.parse(text) ?? Self.day(text) {
            start = d
        } else {
            throw ClaimTrackError.usage(Message.badSince(text))
        }
        return ledger.runs.last { Timestamp.parse($0.started).map { $0 < start } ?? false }?.id ?? 0
    }

    static func day(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text)
    }
}
