import ActorGraph
import Foundation

extension OutputWriter {
    /// Writes `graph`'s JSON to `path` (standard output when `nil` or `-`) as it is
    /// encoded, so that a corpus's merged graph never exists twice more as text; a file is
    /// written under a temporary name and renamed, like every output.
    static func writeJSON(of graph: Graph, to path: String?) throws {
        try writeJSON(to: path) { write in try graph.writeJSONBytes(to: write) }
    }

    /// Writes the JSON that `produce` hands to its argument in pieces, as
    /// ``writeJSON(of:to:)`` does.
    static func writeJSON(to path: String?, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            try produce { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let file = FileHandle(forWritingAtPath: temporary.path) else {
            throw CommandFailure("\(path): cannot write to \(directory.path)")
        }
        do {
            try produce { try file.write(contentsOf: $0) }
            try file.close()
        } catch {
            try? file.close()
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("\(path): cannot write the file (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("\(path): cannot replace the file (\(String(cString: strerror(errno))))")
        }
    }
}
