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
        guard let path, path != "-" else {
            try graph.writeJSON { try Console.writeOutput(Data($0.utf8)) }
            return
        }
        let file = try AtomicFile(path: path)
        try graph.writeJSON { try file.write($0) }
        try file.commit()
    }
}
