extension Graph {
    /// Encodes the graph as ``jsonString()`` does, handing the text over in pieces of
    /// about `pieceSize` bytes, so that a corpus's merged graph can be written out without
    /// holding its whole JSON in memory.
    ///
    /// The pieces joined are byte for byte ``jsonString()``.
    /// - Complexity: O(n) in the size of the graph; memory O(`pieceSize` + the largest item).
    public func writeJSON(pieceSize: Int = 1 << 20, to write: (String) throws -> Void) rethrows {
        try writeJSONBytes(pieceSize: pieceSize) { try write(String(decoding: $0, as: UTF8.self)) }
    }

    /// ``writeJSON(pieceSize:to:)`` with the pieces as the UTF-8 bytes they are, lent to
    /// `write` for the length of the call, so that nothing is decoded or copied on the way
    /// to a file.
    public func writeJSONBytes(pieceSize: Int = 1 << 20, to write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var writer = JSONWriter(capacity: pieceSize + pieceSize / 4)
        writer.beginGraph()
        for article in articles {
            Self.write(article, to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.beginActors()
        for actor in actors {
            Self.write(actor, to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.beginRelations()
        for relation in relations {
            Self.write(relation, to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.endGraph()
        try writer.flush(write)
    }
}
