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

    init(depth: Int, writer: borrowing JSONWriter) {
        self.depth = depth
        article = writer.recordKeyBytes("article", first: true)
        start = writer.recordKeyBytes("start", first: false)
        end = writer.recordKeyBytes("end", first: false)
        text = writer.recordKeyBytes("text", first: false)
        close = writer.endRecordBytes()
        next = writer.nextFlatObjectBytes(depth: depth)
        between = close + next + article
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
        writer.raw(following ? between : article)
        strings.write(articleIndex, to: &writer)
        writer.raw(start, span.start, end, span.end, text)
        strings.write(textIndex, to: &writer)
    }

    /// Closes the last mention ``writeFields(article:span:text:following:strings:to:)`` wrote.
    func writeClose(to writer: inout JSONWriter) {
        writer.raw(close)
    }
}
