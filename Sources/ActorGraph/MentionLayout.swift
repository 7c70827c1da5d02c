/// The bytes of a mention's JSON that are the same for every mention at one depth, cut
/// where its values go: a corpus's merge writes a million mentions as a few copies each.
/// Made with the writer's own calls, so the bytes are those ``Graph/writeMention`` writes.
struct MentionLayout {
    /// The depth of the fields, as ``JSONWriter/beginFlatObject()`` gives it.
    let depth: Int
    private let article, start, end, text, close: [UInt8]
    /// What ``JSONWriter/beginFlatObject()`` writes for a mention after the first of a list.
    let next: [UInt8]
    /// Closing a mention, opening the next and its first key: one copy between two mentions.
    private let between: [UInt8]
    /// The pieces as ``ShortPiece``s, if each fits in one (`fits`; the indentation of
    /// `between` grows with the depth). Not optional: unwrapping it copied it at every mention.
    private let short: ShortPieces

    private struct ShortPieces {
        let article, between, start, end, text: ShortPiece
        let fits: Bool

        /// Four pieces stored whole, two numbers of at most 20 bytes, and the strings' over-read.
        static let room = 4 * ShortPiece.stored + 2 * 20 + 2 * EncodedJSON.overRead
    }

    init(depth: Int, writer: borrowing JSONWriter) {
        self.depth = depth
        article = writer.recordKeyBytes("article", first: true)
        start = writer.recordKeyBytes("start", first: false)
        end = writer.recordKeyBytes("end", first: false)
        text = writer.recordKeyBytes("text", first: false)
        close = writer.endRecordBytes()
        next = writer.nextFlatObjectBytes(depth: depth)
        between = close + next + article
        let fits = [article, between, start, end, text].allSatisfy { $0.count <= ShortPiece.stored }
        func piece(_ bytes: [UInt8]) -> ShortPiece { ShortPiece(fits ? bytes : []) }
        short = ShortPieces(
            article: piece(article), between: piece(between), start: piece(start), end: piece(end), text: piece(text), fits: fits
        )
    }

    /// Writes the fields of a mention opened with ``JSONWriter/beginFlatObject()`` at
    /// ``depth``, and closes it; `article` and `text` are strings of `strings`.
    @inline(__always)
    func write<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, span: Span, text textIndex: Strings.Handle, strings: Strings, to writer: inout JSONWriter
    ) {
        writeFields(article: articleIndex, span: span, text: textIndex, following: false, strings: strings, to: &writer)
        writer.raw(close)
    }

    /// Writes the fields of a mention, and leaves it open for ``writeClose(to:)`` or the
    /// next mention: opened with ``JSONWriter/beginFlatObject()`` at ``depth`` unless it is
    /// `following` one written so, which it closes and opens itself after.
    @inline(__always)
    func writeFields<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, span: Span, text textIndex: Strings.Handle, following: Bool, strings: Strings,
        to writer: inout JSONWriter
    ) {
        writePieces(article: articleIndex, span: span, text: textIndex, following: following, strings: strings, to: &writer)
    }

    @inline(__always)
    private func writePieces<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, span: Span, text textIndex: Strings.Handle, following: Bool, strings: Strings,
        to writer: inout JSONWriter
    ) {
        writer.raw(following ? between : article)
        strings.write(articleIndex, to: &writer)
        writer.raw(start, span.start, end, span.end, text)
        strings.write(textIndex, to: &writer)
    }

    /// Writes the fields as ``writeFields(article:span:text:following:strings:to:)`` does,
    /// with the strings of a merge's table, through one pointer into room made once: as
    /// the writer's calls, a check for room and a store of the count for each of the seven
    /// pieces, the mentions of a corpus's merge cost 257 instructions each, this 198.
    ///
    /// Mutating, though it changes nothing, so that the layout is passed in place: a copy
    /// of it for the call cost more than the mention.
    @inline(__always)
    mutating func writeFields(
        article articleIndex: Int32, span: Span, text textIndex: Int32, following: Bool, strings: EncodedStrings, to writer: inout JSONWriter
    ) {
        guard short.fits else {
            writePieces(article: articleIndex, span: span, text: textIndex, following: following, strings: strings, to: &writer)
            return
        }
        let article = strings.json(articleIndex), text = strings.json(textIndex)
        writer.write(inRoom: article.count &+ text.count &+ ShortPieces.room) { start in
            var place = following ? short.between.store(at: start) : short.article.store(at: start)
            place = article.store(at: place)
            place = short.start.store(at: place)
            place += JSONWriter.digits(span.start, at: place)
            place = short.end.store(at: place)
            place += JSONWriter.digits(span.end, at: place)
            place = short.text.store(at: place)
            place = text.store(at: place)
            return place - start
        }
    }

    /// Closes the last mention ``writeFields(article:span:text:following:strings:to:)`` wrote.
    func writeClose(to writer: inout JSONWriter) {
        writer.raw(close)
    }
}
