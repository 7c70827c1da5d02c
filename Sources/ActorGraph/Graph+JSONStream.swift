extension Graph {
    /// Encodes the graph as ``jsonString()`` does, handing the text over in pieces of
    /// about `pieceSize` bytes, so that a corpus's merged graph can be written out without
    /// holding its whole JSON in memory.
    ///
    /// The pieces joined are byte for byte ``jsonString()``.
    /// - Complexity: O(n) in the size of the graph; memory O(`pieceSize` + the largest item).
    public func writeJSON(pieceSize: Int = 1 << 20, to write: (String) throws -> Void) rethrows {
        var writer = JSONWriter()
        func flushIfFull() throws {
            if writer.bytes.count >= pieceSize { try write(String(decoding: writer.takeBytes(), as: UTF8.self)) }
        }
        writer.beginObject()
        writer.key("schemaVersion"); writer.int(Graph.schemaVersion)
        writer.key("articles"); writer.beginArray()
        for article in articles { self.write(article, to: &writer); try flushIfFull() }
        writer.endArray()
        writer.key("actors"); writer.beginArray()
        for actor in actors { self.write(actor, to: &writer); try flushIfFull() }
        writer.endArray()
        writer.key("relations"); writer.beginArray()
        for relation in relations { self.write(relation, to: &writer); try flushIfFull() }
        writer.endArray()
        writer.endObject()
        try write(String(decoding: writer.takeBytes(), as: UTF8.self) + "\n")
    }
}
