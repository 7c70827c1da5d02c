@testable import actorgraph
import Foundation
import TestSupport
import XCTest

/// Output written by a thread of its own while the next piece is made.
final class WriteBehindTests: XCTestCase {
    func testEveryPieceIsWrittenWholeAndInOrder() throws {
        let (path, descriptor) = try newFile()
        // Pieces of many sizes, empty ones and ones larger than the buffers first held.
        let pieces = (0..<300).map { index in [UInt8](repeating: UInt8(index % 251), count: (index * 7919) % 5000) }
        let failure = try WriteBehind.run(descriptor: descriptor) { write in
            for piece in pieces { try piece.withUnsafeBytes { try write($0) } }
        }
        XCTAssertNil(failure)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data(pieces.joined()))
    }

    func testLentPiecesAreWrittenWholeAndInOrder() throws {
        let (path, descriptor) = try newFile()
        let pieces = (0..<300).map { index in [UInt8](repeating: UInt8(index % 251), count: (index * 7919) % 5000) }
        let failure = try WriteBehind.run(descriptor: descriptor, lent: true) { write in
            for piece in pieces { try piece.withUnsafeBytes { try write($0) } }
            try write(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        XCTAssertNil(failure)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data(pieces.joined()))
    }

    func testALentPieceIsWrittenBeforeTheNextHandOverReturns() throws {
        let (path, descriptor) = try newFile()
        var buffer = [UInt8]("first".utf8)
        let failure = try WriteBehind.run(descriptor: descriptor, lent: true) { write in
            try buffer.withUnsafeBytes { try write($0) }
            try write(UnsafeRawBufferPointer(start: nil, count: 0))
            // The maker may change the piece now: it was written.
            buffer = [UInt8]("later".utf8)
        }
        XCTAssertNil(failure)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "first")
    }

    func testAFailedWriteStopsTheMakerAndGivesItsErrno() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try XCTSkipIf(descriptor < 0, "no /dev/full here")
        defer { close(descriptor) }
        var handedOver = 0
        let failure = try WriteBehind.run(descriptor: descriptor) { write in
            for _ in 0..<1000 {
                try [UInt8](repeating: 1, count: 4096).withUnsafeBytes { try write($0) }
                handedOver += 1
            }
        }
        XCTAssertEqual(failure, ENOSPC)
        XCTAssertLessThan(handedOver, 1000)
    }

    func testTheMakersOwnErrorIsRethrownOnceTheThreadEnded() throws {
        struct Broken: Error {}
        let (path, descriptor) = try newFile()
        XCTAssertThrowsError(try WriteBehind.run(descriptor: descriptor) { write in
            try [UInt8]("kept".utf8).withUnsafeBytes { try write($0) }
            throw Broken()
        }) { XCTAssertTrue($0 is Broken) }
        // The piece before the error was written before `run` returned.
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "kept")
    }

    /// An empty file in a folder of its own and a descriptor writing to it, both gone
    /// after the test.
    private func newFile() throws -> (path: String, descriptor: Int32) {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("out").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        addTeardownBlock {
            close(descriptor)
            try? FileManager.default.removeItem(at: folder)
        }
        return (path, descriptor)
    }
}
