@testable import GraphRendering
import XCTest

final class SHA256Tests: XCTestCase {
    func testDigestOfABCMatchesTheStandardVector() {
        let hex = SHA256.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testDigestOfTwoBlockMessageMatchesTheStandardVector() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        XCTAssertEqual(SHA256.base64Digest(of: message), "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=")
    }
}
