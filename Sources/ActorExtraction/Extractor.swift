import ActorGraph
import Foundation

/// Turns articles into graphs of the actors they name and the relations they state.
///
/// ```swift
/// let extractor = try Extractor()
/// let article = ArticleText(parsing: text, fallbackID: "summit", date: "2023-01-14")
/// let graph = extractor.extract(article)
/// print(graph.jsonString())
/// ```
///
/// An extractor is immutable and `Sendable`: one instance serves any number of threads.
public struct Extractor: Sendable {
    /// The actors known by name.
    public let gazetteer: Gazetteer
    /// The cue and modality words.
    public let lexicon: CueLexicon
    /// Office names and honorifics.
    public let roles: RoleLexicon

    /// Creates an extractor from the built-in resources, plus a user's extensions.
    ///
    /// - Parameter extensions: actors to add, or aliases to add to built-in actors.
    public init(extensions: [ActorExtension] = []) throws {
        let gazetteer = try Extractor.sharedGazetteer()
        self.init(
            gazetteer: extensions.isEmpty ? gazetteer : try gazetteer.extended(with: extensions),
            lexicon: try Extractor.sharedLexicon(), roles: try Extractor.sharedRoles()
        )
    }

    /// Creates an extractor from resources you built yourself.
    public init(gazetteer: Gazetteer, lexicon: CueLexicon, roles: RoleLexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.roles = roles
    }

    /// Extracts the graph of one article.
    ///
    /// - Complexity: O(n) in the length of the text.
    public func extract(_ input: ArticleText) -> Graph {
        extract(prepare(input))
    }

    /// Extracts the graph of an article that ``prepare(_:)`` made ready.
    package func extract(_ prepared: PreparedArticle) -> Graph {
        finish(prepared) { builder, actors in builder.graph(actors: actors) }
    }

    /// Extracts the graph of one article in the packed form a ``GraphAccumulator`` merges
    /// at less cost: ``extract(_:)``'s graph, as ``PackedArticleGraph/graph`` gives it back.
    ///
    /// The builder's buffers are the thread's, kept for its next article, as
    /// ``extract(_:)``'s are (``ThreadBuffers``).
    package func extractPacked(_ input: ArticleText) -> PackedArticleGraph {
        extractPacked(prepare(input))
    }

    /// ``extractPacked(_:)`` of an article that ``prepare(_:)`` made ready.
    package func extractPacked(_ prepared: PreparedArticle) -> PackedArticleGraph {
        finish(prepared) { builder, actors in builder.packedGraph(actors: actors) }
    }

    /// What `make` makes of the builder with every record of `prepared` added, in the
    /// thread's buffers, which are handed back afterwards for its next article.
    @inline(__always)
    private func finish<Result>(_ prepared: PreparedArticle, _ make: (GraphBuilder, ActorTable) -> Result) -> Result {
        let buffers = ThreadBuffers.current
        let (builder, actors) = build(prepared, reusing: buffers)
        let result = make(builder, actors)
        builder.handBack(buffers)
        return result
    }

    /// The first steps of extraction, which need nothing of the graph builder's: tokens,
    /// sentences, the actors named and the tokens' facts. A corpus run's reading thread
    /// takes them ahead of the worker that finishes the article, on a core the worker
    /// leaves idle.
    package func prepare(_ input: ArticleText) -> PreparedArticle {
        let bytes = input.utf8
        // The sentences are split as the tokens are made: the tokenizer knows where they may break.
        let (tokens, split) = Tokenizer().tokensAndSentences(in: bytes, from: min(input.bodyStart, bytes.count))
        let found = MentionFinder(gazetteer: gazetteer, roles: roles).mentions(in: tokens, bytes: bytes, date: input.article.date)
        let sentences = SentenceSplitter().joining(split, acrossMentionsOf: found)
        return PreparedArticle(input: input, tokens: tokens, sentences: sentences, found: found, pass: TokenFactsPass(tokens, lexicon: lexicon))
    }

    /// Runs the remaining steps of extraction: the graph builder with every record added,
    /// and the article's actors; the builder's records in `buffers`.
    private func build(_ prepared: PreparedArticle, reusing buffers: GraphBuilder.Buffers) -> (GraphBuilder, ActorTable) {
        let (input, tokens, sentences, found) = (prepared.input, prepared.tokens, prepared.sentences, prepared.found)
        let bytes = input.utf8
        let relations = RelationFinder(actors: found.actors, lexicon: lexicon)
            .relations(bytes: bytes, tokens: tokens, sentences: sentences, mentions: found.mentions, pass: prepared.pass)
        // The actor table is handed to each step rather than kept by the builder: a copy
        // of it retains and releases each of the gazetteer's arrays.
        var builder = GraphBuilder(article: input.article, bytes: bytes, tokens: tokens, sentences: sentences, reusing: buffers)
        builder.add(found.mentions, reusing: buffers.mentions)
        builder.add(found.affiliations, actors: found.actors)
        builder.addOfficeAffiliations(found.mentions, actors: found.actors)
        builder.add(relations, actors: found.actors)
        return (builder, found.actors)
    }

    /// How often a text names each actor the gazetteer knows, by id: a quick census of a
    /// text without relations, office dates or unknown names.
    ///
    /// - Complexity: O(n) in the length of the text.
    public func mentionCounts(inUTF8 bytes: [UInt8]) -> [String: Int] {
        var counts = [Int](repeating: 0, count: gazetteer.entries.count)
        let finder = MentionFinder(gazetteer: gazetteer, roles: roles)
        // Paragraph-sized pieces keep the token buffer small whatever the text's size.
        var start = 0
        while start < bytes.count {
            let end = Self.pieceEnd(in: bytes, from: start)
            for mention in finder.gazetteerMentions(in: Tokenizer().tokens(in: bytes, from: start, to: end)) {
                counts[Int(mention.actor)] += 1
            }
            start = end
        }
        var result: [String: Int] = [:]
        for (index, count) in counts.enumerated() where count > 0 { result[gazetteer.entries[index].id] = count }
        return result
    }

    /// The end of a piece of about 256 KB that stops at a paragraph break, else at white
    /// space, so that no name is cut in two.
    private static func pieceEnd(in bytes: [UInt8], from start: Int) -> Int {
        let target = start + 256 * 1024
        guard target < bytes.count else { return bytes.count }
        var index = target
        let limit = min(bytes.count - 1, target + 64 * 1024)
        while index < limit, !(bytes[index] == 0x0A && bytes[index + 1] == 0x0A) { index += 1 }
        if index < limit { return index + 2 }
        index = target
        while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A { index += 1 }
        return index
    }

    private static let loadedGazetteer = Result { try Gazetteer.builtIn() }
    private static let loadedLexicon = Result { try CueLexicon.builtIn() }
    private static let loadedRoles = Result { try RoleLexicon.builtIn() }

    /// Starts reading the built-in resources on threads of their own, for a process that
    /// makes an extractor after other work, such as parsing its arguments: making it then
    /// waits only for what is still being read, and the gazetteer (most of the reading)
    /// and the lexicons are read at once, on two cores.
    public static func startLoadingBuiltInResources() {
        Thread { _ = try? sharedGazetteer() }.start()
        Thread {
            _ = try? sharedLexicon()
            _ = try? sharedRoles()
        }.start()
    }

    /// The built-in resources are read once per process.
    static func sharedGazetteer() throws -> Gazetteer { try loadedGazetteer.get() }
    static func sharedLexicon() throws -> CueLexicon { try loadedLexicon.get() }
    static func sharedRoles() throws -> RoleLexicon { try loadedRoles.get() }
}

/// An article with the first steps of its extraction taken (``Extractor/prepare(_:)``):
/// what the rest of the steps read.
package struct PreparedArticle: Sendable {
    let input: ArticleText
    let tokens: [Token]
    let sentences: [Range<Int>]
    let found: MentionResult
    /// The tokens' facts, whose memory a relation search writes its cue hits into: one
    /// extraction of the article at a time.
    let pass: TokenFactsPass
}

/// Each thread's graph builder buffers, which each builder of the thread's takes in turn:
/// making and freeing a builder's buffers for each article cost some 3K instructions.
///
/// In the thread's own storage: a list the threads share cost a lock and the checks of
/// exclusive access at each take and each return, some 500 instructions an article.
enum ThreadBuffers {
    /// The key of the thread's buffers, released when the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { release($0) }
        precondition(status == 0, "no key for each thread's graph builder buffers")
        return key
    }()

    /// Releases the buffers at `pointer`, a thread's, as the thread ends.
    private static func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        Unmanaged<GraphBuilder.Buffers>.fromOpaque(pointer).release()
    }

    /// The calling thread's buffers, made at its first call.
    static var current: GraphBuilder.Buffers {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<GraphBuilder.Buffers>.fromOpaque(pointer).takeUnretainedValue()
        }
        let buffers = GraphBuilder.Buffers()
        pthread_setspecific(key, Unmanaged.passRetained(buffers).toOpaque())
        return buffers
    }
}
