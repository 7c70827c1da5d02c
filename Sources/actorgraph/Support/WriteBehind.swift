import Foundation

/// Writes pieces of output to a file descriptor on a thread of its own, so that making the
/// next piece and the kernel's copy of the last one run at once, on two cores: for a
/// corpus's merged JSON (262 MB for the benchmark corpus) the copy costs about as much as
/// making the text.
///
/// Each piece is copied into one of two buffers; the maker waits only while both are
/// being written. A maker whose pieces stay where they are until it hands over the next
/// (see ``run(descriptor:lent:_:)``) has them written from there, without the copy: for a
/// merged graph the copy cost the maker as many instructions as the piece has bytes.
final class WriteBehind: @unchecked Sendable {
    // Safe to share: every property but `descriptor` (never changed) is read and written
    // under `condition`'s lock.
    private let condition = NSCondition()
    private let descriptor: Int32
    private var empty: [[UInt8]] = [[], []]
    /// Buffers and how many of their first bytes are the piece.
    private var filled: [(buffer: [UInt8], count: Int)] = []
    private var closed = false
    private var ended = false
    private var failure: Int32?
    /// A piece handed over in place, until it has been written.
    private var lentPiece: UnsafeRawBufferPointer?
    private let lent: Bool

    /// Thrown into the maker when a write failed, to stop it.
    private struct Stopped: Error {}

    private init(descriptor: Int32, lent: Bool) {
        self.descriptor = descriptor
        self.lent = lent
    }

    /// Runs `produce`, writing every piece it hands over to `descriptor` behind it.
    ///
    /// - Parameter lent: whether each piece stays as it is, where it is, until `produce`
    ///   hands over the next one, and `produce` hands over an empty one after the last (as
    ///   ``GraphAccumulator/writeJSONBytes(pieceSize:to:)`` does): the pieces are then
    ///   written from where they are, and a hand-over waits until the piece before is written.
    ///   Such a `produce` may throw only what the hand-over throws (it then has no piece
    ///   out), since the piece being written goes with its frame.
    /// - Returns: the `errno` of the first write that failed (`produce` was stopped at its
    ///   next piece), or `nil`; once every piece is written in either case.
    /// - Throws: what `produce` throws.
    static func run(descriptor: Int32, lent: Bool = false, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Int32? {
        let writer = WriteBehind(descriptor: descriptor, lent: lent)
        Thread { writer.writePieces() }.start()
        do {
            try produce { try writer.put($0) }
        } catch is Stopped {
        } catch {
            _ = writer.finish()
            throw error
        }
        return writer.finish()
    }

    /// Lets the thread write what is queued and end; the first failure's `errno`.
    private func finish() -> Int32? {
        condition.lock()
        closed = true
        condition.signal()
        while !ended { condition.wait() }
        defer { condition.unlock() }
        return failure
    }

    private func put(_ bytes: UnsafeRawBufferPointer) throws {
        if lent { try lend(bytes) } else { try copy(bytes) }
    }

    /// Queues `bytes` in place, once the piece lent before is written: its maker may change
    /// that piece once this returns.
    private func lend(_ bytes: UnsafeRawBufferPointer) throws {
        condition.lock()
        defer { condition.unlock() }
        while lentPiece != nil, failure == nil { condition.wait() }
        guard failure == nil else { throw Stopped() }
        guard !bytes.isEmpty else { return }
        lentPiece = bytes
        condition.signal()
    }

    /// Copies `bytes` into an empty buffer, waiting for one, and queues it.
    private func copy(_ bytes: UnsafeRawBufferPointer) throws {
        condition.lock()
        while empty.isEmpty, failure == nil { condition.wait() }
        guard failure == nil else {
            condition.unlock()
            throw Stopped()
        }
        var buffer = empty.removeLast()
        condition.unlock()
        // Copied as one block into a buffer kept at its size: `append(contentsOf:)` went
        // byte by byte, as many instructions as bytes.
        if buffer.count < bytes.count { buffer = [UInt8](repeating: 0, count: bytes.count) }
        buffer.withUnsafeMutableBytes { $0.copyMemory(from: bytes) }
        condition.lock()
        filled.append((buffer, bytes.count))
        condition.signal()
        condition.unlock()
    }

    /// The thread's loop: writes queued buffers in order until closed and drained; after a
    /// failure, drops them.
    private func writePieces() {
        condition.lock()
        while true {
            while filled.isEmpty, lentPiece == nil, !closed { condition.wait() }
            if let piece = lentPiece {
                let failed = failure != nil
                condition.unlock()
                let error = failed ? nil : Console.writeAll(piece, to: descriptor)
                condition.lock()
                if let error { failure = error }
                lentPiece = nil
                condition.signal()
                continue
            }
            guard !filled.isEmpty else { break }
            let (buffer, count) = filled.removeFirst()
            let failed = failure != nil
            condition.unlock()
            let error = failed ? nil : buffer.withUnsafeBytes { Console.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: descriptor) }
            condition.lock()
            if let error { failure = error }
            empty.append(buffer)
            condition.signal()
        }
        ended = true
        condition.signal()
        condition.unlock()
    }
}
