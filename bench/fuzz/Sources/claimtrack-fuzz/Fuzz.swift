import ClaimTrackCore
import Foundation

/// One libFuzzer entry point; CLAIMTRACK_FUZZ_TARGET picks what the bytes are fed to:
/// html (HTMLReader through ArticleReader), markdown, sentences (the splitter and claim filter
/// via extraction of plain text), attribution (the attribution finder over a text article).
let target = ProcessInfo.processInfo.environment["CLAIMTRACK_FUZZ_TARGET"] ?? "html"
let extractor = Extractor()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "html":
        if case .success(let article) = ArticleReader.parse(bytes, path: "f.html", format: .html) { _ = extractor.extract(article) }
    case "markdown":
        if case .success(let article) = ArticleReader.parse(bytes, path: "f.md", format: .markdown) { _ = extractor.extract(article) }
    case "sentences", "attribution":
        if case .success(let article) = ArticleReader.parse(bytes, path: "f.txt", format: .text) {
            let e = extractor.extract(article)
            if target == "attribution" {
                // Every span must lie inside the text.
                let count = article.text.unicodeScalars.count
                for a in e.attributions { precondition(a.sourceStart >= 0 && a.sourceEnd <= count && a.cueEnd <= count) }
                for c in e.claims { precondition(c.start >= 0 && c.end <= count && c.start <= c.end) }
                // Every attribution a claim carries from another sentence exists.
                for c in e.claims { precondition(c.attributions.allSatisfy { e.attributions.indices.contains($0) }) }
            }
        }
    case "verify":
        let text = String(decoding: bytes, as: UTF8.self)
        let half = text.index(text.startIndex, offsetBy: text.count / 2)
        _ = Verifier(supported: 0.7, partial: 0.4).check(claim: String(text[..<half]), page: String(text[half...]))
    default:
        fatalError("unknown CLAIMTRACK_FUZZ_TARGET \(target)")
    }
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("claimtrack_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzz(data, size)
    }
}
