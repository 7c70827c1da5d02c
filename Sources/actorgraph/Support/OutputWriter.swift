import ActorGraph
import Foundation

/// Writes command output to a file atomically (see ``AtomicFile``) or to standard output.
enum OutputWriter {
    /// Writes `data` to `path`; standard output when `nil` or `-`.
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else { return try Console.writeOutput(data) }
        let file = try AtomicFile(path: path)
        try file.write(data)
        try file.commit()
    }

    /// Writes `graph`'s JSON to `path` (standard output when `nil` or `-`) as it is
    /// encoded, so that a corpus's merged graph never exists twice more as text.
    static func writeJSON(of graph: Graph, to path: String?) throws {
        try writeJSON(to: path, lent: false) { write in try graph.writeJSONBytes(to: write) }
    }

    /// Writes the JSON that `produce` hands to its argument in pieces, as
    /// ``writeJSON(of:to:)`` does, each written by another thread while the next is made.
    ///
    /// Each piece must stay as it is until `produce` hands over the next, and an empty one
    /// must follow the last, as ``GraphAccumulator/writeJSONBytes(pieceSize:to:)`` hands
    /// them over: they are written from where they are (see ``WriteBehind``).
    static func writeJSON(to path: String?, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try writeJSON(to: path, lent: true, produce)
    }

    private static func writeJSON(to path: String?, lent: Bool, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            if let error = try WriteBehind.run(descriptor: STDOUT_FILENO, lent: lent, produce) { throw Console.outputFailure(error) }
            return
        }
        let file = try AtomicFile(path: path)
        try file.writeBehind(lent: lent, produce)
        try file.commit()
    }
}
