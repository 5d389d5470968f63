/// A quotation's speaker, given to the sentences of the quotation that do not name one. News
/// writing names a speaker once per quotation, wherever it falls:
/// - `"The deficit will hit $2 trillion. That is double last year's estimate," Holt said.` —
///   the first sentence is Holt's too, named only in the sentence that closes the quotation;
/// - `"We expect 40 new ships," said Tom Reyes. "Most will come from Asia."` — the quotation
///   that follows, in the same paragraph or opening the next one, is still Reyes's.
/// A sentence of the writer's own between them ends the speaker's turn.
struct QuotationCarry {
    /// Claims inside a quotation still open at their sentence's end, with their own attributions,
    /// waiting for the sentence that closes the quotation and names its speaker.
    private var waiting: [(claim: Int, own: [Int])] = []
    /// The reports that named the speaker of the last quotation.
    private var speaker: [Int] = []

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

    /// A new paragraph: a quotation never stays open across one (`Tokenizer.quotedMask`).
    mutating func startParagraph() { waiting = [] }

    /// The attributions a sentence with no report of its own takes: its quotation's speaker's.
    func carried(_ shape: Shape) -> [Int] { shape.isQuotation ? speaker : [] }

    /// After a sentence: `speakers` are its reports whose cue stands outside its quotation ("Holt
    /// said"); `claim` is its claim, if it made one, with the attributions it has of its own.
    mutating func record(_ shape: Shape, speakers: [Int], claim: Int?, own: [Int], hasReport: Bool, carriedSpeaker: Bool,
                         claims: inout [Claim]) {
        if shape.staysOpen {
            if let claim, !hasReport { waiting.append((claim, own)) }
        } else {
            if shape.continues, !speakers.isEmpty {
                for w in waiting { claims[w.claim].attributions = w.own + speakers }
            }
            waiting = []
        }
        if shape.quotes, !speakers.isEmpty {
            speaker = speakers
        } else if !carriedSpeaker {
            speaker = []
        }
    }
}
