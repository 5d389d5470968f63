import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides a byte stream's encoding before anything parses it (NATIVE.md):
/// BOM, then the declared charset (HTTP header), then a `<meta>` prescan for
/// HTML, then UTF-8 validity, else windows-1252. Labels are normalised as
/// browsers do, and conversion goes through iconv so GBK, Shift_JIS or KOI8-R
/// pages decode as well as UTF-8 ones.
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        /// The encoding used, as an iconv name ("UTF-8", "WINDOWS-1252", "GB18030" …).
        public var encoding: String
    }

    /// Browser label aliases that matter in practice: latin1 pages are really
    /// windows-1252, and gb2312/gbk pages contain GB18030 characters.
    static let labelAliases: [String: String] = [
        "utf8": "UTF-8", "utf-8": "UTF-8", "unicode-1-1-utf-8": "UTF-8",
        "latin1": "WINDOWS-1252", "iso-8859-1": "WINDOWS-1252", "iso8859-1": "WINDOWS-1252", "l1": "WINDOWS-1252",
        "us-ascii": "WINDOWS-1252", "ascii": "WINDOWS-1252", "cp1252": "WINDOWS-1252", "windows-1252": "WINDOWS-1252",
        "x-cp1252": "WINDOWS-1252", "cp819": "WINDOWS-1252", "iso_8859-1": "WINDOWS-1252",
        "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "gb18030": "GB18030", "cp936": "GB18030",
        "shift_jis": "SHIFT_JIS", "shift-jis": "SHIFT_JIS", "sjis": "SHIFT_JIS", "x-sjis": "SHIFT_JIS", "windows-31j": "CP932",
        "euc-jp": "EUC-JP", "iso-2022-jp": "ISO-2022-JP", "euc-kr": "EUC-KR", "big5": "BIG5",
        "koi8-r": "KOI8-R", "koi8-u": "KOI8-U", "windows-1251": "WINDOWS-1251", "cp1251": "WINDOWS-1251",
        "utf-16": "UTF-16", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE",
    ]

    public static func normalizeLabel(_ label: String) -> String? {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))).lowercased()
        if key.isEmpty { return nil }
        if let known = labelAliases[key] { return known }
        if key.hasPrefix("iso-8859-") || key.hasPrefix("windows-125") { return key.uppercased() }
        return nil
    }

    /// True when the bytes look binary: NUL bytes in the first 8 KB (UTF-16 with a BOM excepted).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.prefix(8192).contains(0)
    }

    /// Decodes `bytes`; nil when nothing can make text of them.
    public static func decode(_ bytes: [UInt8], declared: String? = nil, html: Bool) -> Decoded? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return convert(Array(bytes.dropFirst(3)), from: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return convert(Array(bytes.dropFirst(2)), from: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return convert(Array(bytes.dropFirst(2)), from: "UTF-16BE") }
        if let label = declared.flatMap(normalizeLabel), let decoded = convert(bytes, from: label) { return decoded }
        if html, let label = prescanMetaCharset(bytes).flatMap(normalizeLabel), !label.hasPrefix("UTF-16"),
           let decoded = convert(bytes, from: label) {
            return decoded
        }
        if let text = String(validatingUTF8Bytes: bytes) { return Decoded(text: text, encoding: "UTF-8") }
        return convert(bytes, from: "WINDOWS-1252")
    }

    /// The charset named by a `<meta charset>` or `<meta http-equiv content="…charset=…">` in the first 1024 bytes.
    static func prescanMetaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let cs = tag.range(of: "charset") {
                var rest = tag[cs.upperBound...].drop(while: { $0 == " " })
                if rest.first == "=" {
                    rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
                    let label = rest.prefix(while: { !" \"';>/".contains($0) })
                    if !label.isEmpty { return String(label) }
                }
            }
            searchFrom = tagEnd
        }
        return nil
    }

    /// Converts with iconv; an invalid sequence becomes U+FFFD instead of cutting the text short.
    static func convert(_ bytes: [UInt8], from encoding: String) -> Decoded? {
        if encoding == "UTF-8" {
            if let text = String(validatingUTF8Bytes: bytes) { return Decoded(text: text, encoding: encoding) }
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: encoding)
        }
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        var input = bytes
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr = UnsafeMutableRawPointer(inBuf.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            var inLeft = inBuf.count
            var chunk = [CChar](repeating: 0, count: 65536)
            while inLeft > 0 {
                let result: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr = outBuf.baseAddress
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let produced = outBuf.count - outLeft
                    output.append(contentsOf: UnsafeRawBufferPointer(start: outBuf.baseAddress, count: produced))
                    return r == -1 ? Int(errno) : 0
                }
                if result == 0 { break }
                if result == Int(E2BIG) { continue }
                if result == Int(EILSEQ) || result == Int(EINVAL) {
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                    continue
                }
                return false
            }
            return true
        }
        guard ok else { return nil }
        return Decoded(text: String(decoding: output, as: UTF8.self), encoding: encoding)
    }
}

extension String {
    /// The bytes as a String when they are valid UTF-8, else nil.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
