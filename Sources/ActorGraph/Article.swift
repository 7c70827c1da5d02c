/// What the graph records of an article it was built from.
public struct Article: Codable, Hashable, Sendable {
    /// The front matter's `id`, else the file name without its extension.
    public var id: String
    /// The headline, where the article gives one.
    public var title: String?
    /// Publication date as `YYYY-MM-DD`, where known; it resolves who held an office.
    public var date: String?
    /// The outlet or author.
    public var source: String?

    /// Creates an article record.
    public init(id: String, title: String? = nil, date: String? = nil, source: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
    }
}
