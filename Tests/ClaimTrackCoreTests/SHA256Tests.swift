import ClaimTrackCore
import Foundation
import XCTest

/// The digest behind content hashes and claim ids, against FIPS 180-4 vectors and sha256sum.
final class SHA256Tests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // A million 'a's, fed in uneven pieces so the buffering across blocks is exercised.
        var hasher = SHA256()
        var left = 1_000_000, piece = 1
        while left > 0 { let n = min(piece, left); hasher.update([UInt8](repeating: 0x61, count: n)); left -= n; piece = piece * 3 % 997 + 1 }
        XCTAssertEqual(hasher.finalize().map { String(format: "%02x", $0) }.joined(),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
