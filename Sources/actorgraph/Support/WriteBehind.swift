import Foundation

/// Writes pieces of output to a file descriptor on a thread of its own, so that making the
/// next piece and the kernel's copy of the last one run at once, on two cores: for a
/// corpus's merged JSON (450 MB for the benchmark corpus) the copy costs about as much as
/// making the text.
///
/// Each piece is copied into one of two buffers; the maker waits only while both are
/// being written.
final class WriteBehind: @unchecked Sendable {
    // Safe to share: every property but `descriptor` (never changed) is read and written
    // under `condition`'s lock.
    private let condition = NSCondition()
    private let descriptor: Int32
    private var empty: [[UInt8]] = [[], []]
    private var filled: [[UInt8]] = []
    private var closed = false
    private var ended = false
    private var failure: Int32?

    /// Thrown into the maker when a write failed, to stop it.
    private struct Stopped: Error {}

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Runs `produce`, writing every piece it hands over to `descriptor` behind it.
    ///
    /// - Returns: the `errno` of the first write that failed (`produce` was stopped at its
    ///   next piece), or `nil`; once every piece is written in either case.
    /// - Throws: what `produce` throws.
    static func run(descriptor: Int32, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Int32? {
        let writer = WriteBehind(descriptor: descriptor)
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

    /// Copies `bytes` into an empty buffer, waiting for one, and queues it.
    private func put(_ bytes: UnsafeRawBufferPointer) throws {
        condition.lock()
        while empty.isEmpty, failure == nil { condition.wait() }
        guard failure == nil else {
            condition.unlock()
            throw Stopped()
        }
        var buffer = empty.removeLast()
        condition.unlock()
        buffer.append(contentsOf: bytes)
        condition.lock()
        filled.append(buffer)
        condition.signal()
        condition.unlock()
    }

    /// The thread's loop: writes queued buffers in order until closed and drained; after a
    /// failure, drops them.
    private func writePieces() {
        condition.lock()
        while true {
            while filled.isEmpty, !closed { condition.wait() }
            guard !filled.isEmpty else { break }
            var buffer = filled.removeFirst()
            let failed = failure != nil
            condition.unlock()
            let error = failed ? nil : buffer.withUnsafeBytes { Console.writeAll($0, to: descriptor) }
            buffer.removeAll(keepingCapacity: true)
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
