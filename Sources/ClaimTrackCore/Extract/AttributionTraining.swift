import Foundation

/// Trains `AttributionTagger` on annotated articles: bench/attribution-model runs it on PolNeAR's
/// train split and writes `AttributionModelData.swift`. Averaged perceptron, both passes in one
/// weight table (the pass is part of every feature's hash); the source pass learns from the gold
/// cues.
public enum AttributionTraining {
    public struct Document: Sendable {
        public var article: Article
        /// Gold spans, in code points of `article.text`.
        public var cues: [Range<Int>]
        public var sources: [Range<Int>]

        public init(article: Article, cues: [Range<Int>], sources: [Range<Int>]) {
            self.article = article
            self.cues = cues
            self.sources = sources
        }
    }

    struct Example {
        var tokens: [Token]
        var sentence: AttributionTagger.Sentence
        var cueTags: [Int]
        var sourceTags: [Int]
        var cues: [Range<Int>]
    }

    /// The model's bytes: features whose weights are all below `threshold` are left out.
    /// `runs` perceptrons, each seeing the sentences in its own seeded order, are trained (two at a
    /// time) and their weights averaged into one model of the same shape: a single run's long-tail
    /// answers move with the order it happened to see, the average's much less.
    public static func train(_ documents: [Document], epochs: Int, threshold: Float, runs: Int = 1, log: @escaping @Sendable (String) -> Void) -> [UInt8] {
        var examples: [Example] = []
        let finder = AttributionFinder(outlets: .builtin)
        for d in documents {
            let s = Array(d.article.text.unicodeScalars)
            for tokens in Extractor.tokenizedSentences(d.article) where !tokens.isEmpty {
                let cueTags = tags(tokens, spans: d.cues.map { trimmed($0, s) })
                let sourceTags = tags(tokens, spans: d.sources.map { trimmed($0, s) })
                examples.append(Example(tokens: tokens, sentence: AttributionTagger.Sentence(tokens, rules: finder.find(tokens)), cueTags: cueTags,
                                        sourceTags: sourceTags, cues: AttributionTagger.spans(cueTags)))
            }
        }
        log("\(documents.count) documents, \(examples.count) sentences, \(runs) runs")
        var models: [AttributionTagger] = []
        let shared = examples
        OrderedWork.run(Array(0..<runs), workers: 2, work: { run in
            train(shared, epochs: epochs, seed: 2018 + UInt64(run)) { log("run \(run + 1) \($0)") }
        }, consume: { models.append($0) })
        let tagger = average(models)
        let bytes = tagger.encode(threshold: threshold)
        log("\(tagger.index.count) features, \((bytes.count - 16) / 10) kept, \(bytes.count) bytes")
        return bytes
    }

    /// One averaged structured perceptron over `examples`, shuffled by `seed` before each epoch: each
    /// sentence is decoded as the tagger decodes it (`AttributionTagger.decode`), and a wrong answer
    /// moves the weights toward the gold tags' features and away from the answer's.
    static func train(_ examples: [Example], epochs: Int, seed: UInt64, log: (String) -> Void) -> AttributionTagger {
        var examples = examples
        var model = Perceptron()
        var generator = SplitMix(seed: seed)
        var buffer: [UInt32] = []
        for epoch in 1...epochs {
            examples.shuffle(using: &generator)
            var errors = 0, total = 0
            for e in examples {
                for (stage, gold) in [(AttributionTagger.Stage.cue, e.cueTags), (.source, e.sourceTags)] {
                    let cue = { (i: Int) in stage == .source ? AttributionTagger.nearestCue(i, cues: e.cues, e.sentence) : nil }
                    let guess = AttributionTagger.decode(count: e.tokens.count, token: { i in
                        AttributionTagger.tokenFeatures(e.sentence, e.tokens, i, stage: stage, cue: cue(i), into: &buffer)
                        return model.scores(buffer)
                    }, history: { i, previous, previous2 in
                        AttributionTagger.historyFeatures(e.sentence, i, stage: stage, previous: previous, previous2: previous2, into: &buffer)
                        return model.scores(buffer)
                    })
                    model.tick()
                    total += gold.count
                    guard guess != gold else { continue }
                    for i in gold.indices {
                        let none = AttributionTagger.outside
                        let goldHistory = (i > 0 ? gold[i - 1] : none, i > 1 ? gold[i - 2] : none)
                        let guessHistory = (i > 0 ? guess[i - 1] : none, i > 1 ? guess[i - 2] : none)
                        guard gold[i] != guess[i] || goldHistory != guessHistory else { continue }
                        if gold[i] != guess[i] { errors += 1 }
                        for (tags, history, delta) in [(gold, goldHistory, Float(1)), (guess, guessHistory, -1)] {
                            AttributionTagger.features(e.sentence, e.tokens, i, stage: stage, previous: history.0, previous2: history.1,
                                                       cue: cue(i), into: &buffer)
                            model.update(buffer, tag: tags[i], by: delta)
                        }
                    }
                }
            }
            log("epoch \(epoch): \(errors) of \(total) tags wrong")
        }
        return model.averaged()
    }

    /// The mean of several models' weights, over the union of their features (a missing feature weighs 0).
    static func average(_ models: [AttributionTagger]) -> AttributionTagger {
        guard models.count > 1, let first = models.first else { return models.first ?? AttributionTagger(index: [:], weights: []) }
        var index = first.index
        var weights = first.weights
        for model in models.dropFirst() {
            for (feature, row) in model.index.sorted(by: { $0.key < $1.key }) {
                let target: Int
                if let existing = index[feature] { target = existing } else {
                    target = index.count
                    index[feature] = target
                    weights.append(contentsOf: [0, 0, 0])
                }
                for t in 0..<3 { weights[target * 3 + t] += model.weights[row * 3 + t] }
            }
        }
        let scale = 1 / Float(models.count)
        return AttributionTagger(index: index, weights: weights.map { $0 * scale })
    }

    /// Begin/inside/outside tags of the tokens wholly inside one of `spans`.
    static func tags(_ tokens: [Token], spans: [Range<Int>]) -> [Int] {
        var tags = [Int](repeating: AttributionTagger.outside, count: tokens.count)
        for span in spans {
            let inside = tokens.indices.filter { tokens[$0].start >= span.lowerBound && tokens[$0].end <= span.upperBound }
            guard let first = inside.first, inside.allSatisfy({ tags[$0] == AttributionTagger.outside }) else { continue }
            tags[first] = AttributionTagger.begin
            for k in inside.dropFirst() { tags[k] = AttributionTagger.inside }
        }
        return tags
    }

    /// A span without leading or trailing punctuation and spaces, as the scorer compares them.
    static func trimmed(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Range<Int> {
        var a = max(0, r.lowerBound), b = min(s.count, r.upperBound)
        while a < b, !Tokenizer.isWordScalar(s[a]) { a += 1 }
        while b > a, !Tokenizer.isWordScalar(s[b - 1]) { b -= 1 }
        return a..<b
    }

    /// Averaged perceptron weights: `w - u / c` at the end, where `u` sums each update times its step.
    struct Perceptron {
        var index: [UInt32: Int] = [:]
        var w: [Float] = []
        var u: [Double] = []
        var c: Double = 1

        func scores(_ features: [UInt32]) -> (Float, Float, Float) {
            var o: Float = 0, b: Float = 0, n: Float = 0
            for f in features {
                guard let row = index[f] else { continue }
                o += w[row * 3]; b += w[row * 3 + 1]; n += w[row * 3 + 2]
            }
            return (o, b, n)
        }

        mutating func tick() { c += 1 }

        mutating func update(_ features: [UInt32], tag: Int, by delta: Float) {
            for f in features {
                let row: Int
                if let r = index[f] { row = r } else {
                    row = index.count
                    index[f] = row
                    w.append(contentsOf: [0, 0, 0])
                    u.append(contentsOf: [0, 0, 0])
                }
                w[row * 3 + tag] += delta
                u[row * 3 + tag] += c * Double(delta)
            }
        }

        func averaged() -> AttributionTagger {
            AttributionTagger(index: index, weights: w.indices.map { Float(Double(w[$0]) - u[$0] / c) })
        }
    }

    /// A seeded generator, so the same data trains the same model.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            return AttributionTagger.mix(state, 0)
        }
    }
}
