/// A quotation's speaker, given to the sentences of the quotation that do not name one. News
/// writing names a speaker once per quotation, wherever it falls:
/// - `"The deficit will hit $2 trillion. That is double last year's estimate," Holt said.` —
///   the first sentence is Holt's too, named only in the sentence that closes the quotation;
/// - `"We expect 40 new ships," said Tom Reyes. "Most will come from Asia."` — the quotation
///   that follows, in the same paragraph or opening the next one, is still Reyes's;
/// - a quotation running over paragraphs, each opening with a quotation mark and only the last
///   closing, is the speaker's whom its last paragraph names.
/// A sentence of the writer's own between them ends the speaker's turn.
struct QuotationCarry {
    /// Claims inside a quotation still open at their sentence's end, with their own attributions,
    /// waiting for the sentence that closes the quotation and names its speaker.
    private var waiting: [(claim: Int, own: [Int], spokenHere: Bool)] = []
    /// The reports that named the speaker of the last quotation.
    private var speaker: [Int] = []
    /// The last sentence ended inside a quotation.
    private var openAtEnd = false
    /// The paragraph goes on with a quotation left open at the end of the one before.
    private var reopened = false
    /// The speaker was named in the current paragraph.
    private var speakerHere = false

    /// How a sentence stands to quotation marks.
    struct Shape {
        /// It opens inside a quotation that began in an earlier sentence.
        var continues: Bool
        /// It opens with a quotation mark.
        var opens: Bool
        /// It ends inside a quotation that goes on into the next sentence.
        var staysOpen: Bool
        /// Every word in it is quoted.
        var allQuoted: Bool
        /// It quotes anything at all.
        var quotes: Bool

        init(_ tokens: [Token]) {
            let words = tokens.filter(\.isWord)
            continues = tokens.first.map { $0.quoted && !$0.isQuoteMark } ?? false
            opens = tokens.first?.isQuoteMark ?? false
            staysOpen = tokens.last.map { $0.quoted && !$0.isQuoteMark } ?? false
            allQuoted = !words.isEmpty && words.allSatisfy(\.quoted)
            quotes = words.contains(where: \.quoted)
        }

        var isQuotation: Bool { (continues || opens) && allQuoted }
    }

    /// A new paragraph, after `previous`. A quotation that `previous` left open with a typographic
    /// mark goes on if this one opens with another; otherwise the claims still waiting for its
    /// speaker get none. Straight marks are not followed across paragraphs: one also closes, and
    /// blocks quoted from other articles open with one and never close (PolNeAR train: following
    /// them gave such a block the speaker of a quotation inside it).
    mutating func startParagraph(_ paragraph: Range<Int>, previous: Range<Int>?, in s: [Unicode.Scalar]) {
        let opens = paragraph.first(where: { !s[$0].properties.isWhitespace }).map { s[$0] == "“" } ?? false
        let leftOpen = previous.flatMap { p in p.last(where: { ["“", "”", "\""].contains(s[$0]) }) }.map { s[$0] == "“" } ?? false
        reopened = openAtEnd && opens && leftOpen
        if !reopened { waiting = [] }
        openAtEnd = false
        speakerHere = false
    }

    /// The attributions a sentence with no report of its own takes: its quotation's speaker's.
    func carried(_ shape: Shape) -> [Int] { shape.isQuotation ? speaker : [] }

    /// After a sentence: `speakers` are its reports whose cue stands outside its quotation ("Holt
    /// said"); `claim` is its claim, if it made one, with the attributions it has of its own.
    mutating func record(_ shape: Shape, speakers: [Int], claim: Int?, own: [Int], hasReport: Bool, carriedSpeaker: Bool,
                         claims: inout [Claim]) {
        let acrossParagraphs = !shape.continues && reopened && shape.opens
        openAtEnd = shape.staysOpen
        reopened = false
        if shape.staysOpen {
            if let claim, !hasReport { waiting.append((claim, own, carriedSpeaker && speakerHere)) }
        } else {
            // The quotation closes here: the sentence goes on from it, inside its paragraph or, in
            // the first sentence of the next, after a new opening mark. Across paragraphs, a claim
            // that has a speaker named in its own paragraph keeps it: a new name there more often
            // means a mark left open than a speaker named at last (PolNeAR dev: "…,” Rep. Gwen
            // Moore said. “If indeed … [no mark]" and then “…,” added Rep. Jim Clyburn).
            if shape.continues || acrossParagraphs, !speakers.isEmpty {
                for w in waiting where !(acrossParagraphs && w.spokenHere) { claims[w.claim].attributions = w.own + speakers }
            }
            waiting = []
        }
        if shape.quotes, !speakers.isEmpty {
            speaker = speakers
            speakerHere = true
        } else if !carriedSpeaker {
            speaker = []
        }
    }
}
