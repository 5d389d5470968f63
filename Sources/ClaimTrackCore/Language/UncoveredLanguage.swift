import Foundation

/// Extraction for an article whose language the attribution rules do not cover
/// (`Language.attributionRulesCover`). The English cue verbs, tagger and claim filter would fire on
/// look-alike words ("die", "sagt" is no cue) or miss every source, so none of them runs: sentences
/// of at least `extract.min_words` words that are not headings or questions are kept as claims, with
/// no attributions and no hedges, and the article is noted. Claim ids are made as for any article,
/// so they stay the same when a later version covers the language and finds the sources.
extension Extractor {
    func extractWithoutRules(_ article: Article) -> Extraction {
        var noted = article
        noted.notes.append(ArticleNote(.languageNotCovered, Message.noteLanguageNotCovered(article.language)))
        let s = Array(article.text.unicodeScalars)
        let markup = Self.markupMask(article, count: s.count)
        let quoted = Tokenizer.quotedMask(s, paragraphs: article.paragraphs)
        var claims: [Claim] = []
        var occurrences: [String: Int] = [:]
        for paragraph in article.paragraphs {
            let sentences = SentenceSplitter.split(s, paragraph)
            if sentences.count == 1 && ClaimFilter.isHeading(String(String.UnicodeScalarView(s[paragraph]))) { continue }
            for sentence in sentences where sentence.count <= Self.maxSentenceLength {
                let words = Tokenizer.tokenize(s, sentence, markup: markup, quoted: quoted).filter(\.isWord).count
                let text = String(String.UnicodeScalarView(s[sentence]))
                guard words >= max(1, minWords), !text.trimmingCharacters(in: .whitespaces).hasSuffix("?") else { continue }
                claims.append(Claim(id: ClaimID.make(articlePath: article.path, sentence: text, occurrences: &occurrences), text: text,
                                    start: sentence.lowerBound, end: sentence.upperBound, hedges: [], attributions: [], paragraph: paragraph))
            }
        }
        return Extraction(article: noted, claims: claims, attributions: [])
    }
}
