/// The last pass over a sentence's attributions, for what web news writes and the rules and
/// tagger (trained on political news) read wrong. In this order:
/// 1. words that only look like cues are dropped: "That said, …", "the alleged killer", "The crew
///    lists showed …" (a source that is only a determiner goes with them);
/// 2. "he and former Secretary of State Condoleezza Rice both said" is two sources of one cue;
/// 3. passive agents are found: "was disputed by Jane Holt in a commentary".
extension AttributionFinder {
    func webPass(_ found: [Found], _ t: [Token]) -> [Found] {
        var out: [Found] = []
        for f in found where !isFalseCue(f, t) {
            out.append(contentsOf: splitCoordinated(f, t))
        }
        for f in passiveAgents(t) where !out.contains(where: { $0.cue.overlaps(f.cue) || $0.source.overlaps(f.source) }) {
            out.append(f)
        }
        return out
    }

    /// 1. Cues that are no speech: a fixed phrase, an adjective after a determiner, a noun in a compound.
    func isFalseCue(_ f: Found, _ t: [Token]) -> Bool {
        let sourceWords = f.source.filter { t[$0].isWord }.map { t[$0].lower }
        if !sourceWords.isEmpty, sourceWords.allSatisfy(Lexicon.articles.contains) { return true }
        guard f.cue.count == 1, let c = f.cue.first else { return false }
        let cue = t[c].lower
        // "That said, …", "This said, …": the phrase concedes, no one speaks.
        if sourceWords.count == 1, ["that", "this"].contains(sourceWords[0]), cue == "said",
           c + 1 < t.count, t[c + 1].text == "," { return true }
        // "the alleged killer", "a reported 300 cases", "his claimed income": an adjective. (Not after
        // "her": "people close to her said".)
        if c > 0, Lexicon.adjectivalCues.contains(cue), Lexicon.articles.contains(t[c - 1].lower), t[c - 1].lower != "her" { return true }
        // "Big Machine has denied Swift’s claims", "Spain’s hopes": a noun after a possessive.
        if Lexicon.possessedNounCues.contains(cue), c > 0,
           t[c - 1].lower.hasSuffix("'s") || t[c - 1].lower.hasSuffix("’s")
            || c > 1 && t[c - 1].lower == "s" && (t[c - 2].text == "'" || t[c - 2].text == "’") { return true }
        // "The crew lists showed": a plural noun between a noun and a verb.
        if Lexicon.pluralNounCues.contains(cue), c > 0, f.source.upperBound == c, t[c - 1].isWord, !t[c - 1].isCapitalized,
           !Lexicon.personalPronouns.contains(t[c - 1].lower),
           c + 1 < t.count, Lexicon.compoundFollowers.contains(t[c + 1].lower) { return true }
        return false
    }

    /// 2. "A and B (both) said": one attribution per person, when each side names someone on its own
    ///    (one word a side only with "both", "all", "also" … after it).
    func splitCoordinated(_ f: Found, _ t: [Token]) -> [Found] {
        guard let and = f.source.first(where: { t[$0].lower == "and" }), f.outlet == nil,
              !f.source.contains(where: { t[$0].text == "," }) else { return [f] }
        var right = (and + 1)..<f.source.upperBound
        while let last = right.last, right.count > 1, Lexicon.coordinationTails.contains(t[last].lower) {
            right = right.lowerBound..<last
        }
        let left = f.source.lowerBound..<and
        func namesSomeone(_ r: Range<Int>) -> Bool {
            guard !r.isEmpty else { return false }
            if r.count == 1, ["he", "she", "i", "we"].contains(t[r.lowerBound].lower) { return true }
            let words = r.filter { t[$0].isWord }
            // A name: capitalised words at its end, none an organisation's ("Procter and Gamble" stays whole).
            guard let last = words.last, t[last].isCapitalized, !t[last].isAcronym else { return false }
            let run = words.reversed().prefix(while: { t[$0].isCapitalized && t[$0].lower != "of" })
            return run.count >= (r.count == 1 ? 1 : 2) && !run.prefix(2).contains { Lexicon.organizationMarkers.contains(t[$0].lower) }
        }
        // One word a side ("Procter and Gamble", "Noel and Thomas") is two people only with "both" after it.
        let both = right.upperBound < f.source.upperBound
        guard namesSomeone(left), namesSomeone(right),
              left.count > 1 || right.count > 1 || Lexicon.personalPronouns.contains(t[left.lowerBound].lower) || both else { return [f] }
        return [left, right].map { r in
            var g = f
            g.source = r
            (g.kind, g.outlet) = classify(t, r)
            g.name = f.name.flatMap { r.contains($0.lowerBound) ? $0 : nil }
            return g
        }
    }

    /// 3. "was disputed by Jane Holt", "were confirmed by the ministry": a passive reporting verb and its agent.
    func passiveAgents(_ t: [Token]) -> [Found] {
        var out: [Found] = []
        for b in t.indices where t[b].lower == "by" && b >= 2 && !t[b].quoted {
            let verb = t[b - 1].lower
            guard Lexicon.passiveReportingVerbs.contains(verb) else { continue }
            var start = b - 1
            if Lexicon.passiveAuxiliaries.contains(t[b - 2].lower) { start = b - 2 }
            // "has been disputed by": the auxiliary before "been" belongs to the cue.
            if t[start].lower == "been", start >= 1, ["has", "have", "had"].contains(t[start - 1].lower) { start -= 1 }
            guard start < b - 1, let agent = forwardNP(t, b + 1) else { continue }
            let (kind, outlet) = classify(t, agent)
            out.append(Found(source: agent, cue: start..<(b + 1), kind: kind, outlet: outlet, name: nil))
        }
        return out
    }
}
