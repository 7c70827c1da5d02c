import ActorExtraction
import ActorGraph
import ArgumentParser
import Foundation

/// The options of `extract` for corpora: parallel jobs, one graph per article, the
/// JSON Lines mapper mode, and the summary.
struct CorpusOptions: ParsableArguments {
    /// More threads than this only cost memory: extraction is bound by the cores.
    static let maximumJobs = 1024

    @Option(help: ArgumentHelp("How many articles to extract at once. Default: all cores. Output is the same for any number.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("per-article"), help: ArgumentHelp("Also write one graph JSON per article into this folder, named by article id (created if missing).", valueName: "folder"))
    var perArticle: String?

    @Flag(help: "Mapper mode: read JSON Lines articles (standard input when no input is named) and write one graph JSON per line to standard output, for Spark's RDD.pipe, Hadoop Streaming or GNU parallel; reduce with `actorgraph merge --jsonl`.")
    var jsonl = false

    @Flag(help: "No progress line and no summary on standard error.")
    var quiet = false

    func validate() throws {
        guard (1...Self.maximumJobs).contains(jobs) else {
            throw ValidationError("--jobs must be between 1 and \(Self.maximumJobs), not \(jobs)")
        }
        if jsonl, perArticle != nil { throw ValidationError("--jsonl writes graphs to standard output; it does not take --per-article") }
    }
}

/// One corpus run of `extract`: articles stream through the extractor on several threads
/// into a merged graph, per-article files, or graph lines, in input order.
struct CorpusExtraction {
    let sources: [CorpusSource]
    let extractor: Extractor
    let date: String?
    let options: CorpusOptions
    /// Where the merged graph goes (`nil`: standard output); not written in mapper mode or
    /// when only per-article files were asked for.
    let mergedOutput: String??
    let filters: FilterOptions
    /// What the run reads, which no per-article file may replace.
    let inputs: InputFiles

    /// What a worker hands back for one article.
    private struct Outcome: Sendable {
        var byteCount: Int
        var origin: String
        var graph: ExtractedGraph?
        var encoded: Data?
        var warnings: [String] = []
        var failure: CommandFailure?
    }

    func run() throws {
        let reader = CorpusReader(sources: sources)
        let extractor = extractor
        let date = date
        let encoding = options.jsonl ? Encoding.line : options.perArticle != nil ? .document : .none
        let merging = !options.jsonl && mergedOutput != nil
        // A graph only merged, or only written, is handed over packed, which costs the
        // workers less to make and free.
        let packed = merging ? encoding == .none : encoding != .none
        var tally = CorpusTally(merging: merging)
        var files = try options.perArticle.map { try PerArticleFiles(folder: $0, sparing: inputs) }
        var progress = ProgressLine(totalBytes: reader.totalBytes(), enabled: !options.quiet && isatty(STDERR_FILENO) == 1)

        // With a core the workers leave idle, the reading thread also takes the first steps
        // of extraction; with none, those cost more there than on the worker, whose core
        // already holds what they read and write.
        let spareCore = options.jobs < ProcessInfo.processInfo.activeProcessorCount
        let prepare: @Sendable (CorpusItem) -> CorpusItem = { spareCore ? $0.prepared(date: date, by: extractor) : $0.parsed(date: date) }
        try BatchRunner<Outcome>(jobs: options.jobs).run(reader, prepare: prepare, helping: spareCore) { item in
            do {
                let loaded = try item.article(date: date)
                let prepared = loaded.prepared ?? extractor.prepare(loaded.article)
                if packed {
                    let graph = extractor.extractPacked(prepared)
                    return Outcome(
                        byteCount: item.byteCount, origin: item.origin, graph: .packed(graph), encoded: encoding.encode(graph),
                        warnings: loaded.warnings
                    )
                }
                let graph = extractor.extract(prepared)
                return Outcome(
                    byteCount: item.byteCount, origin: item.origin, graph: .full(graph), encoded: encoding.encode(graph),
                    warnings: loaded.warnings
                )
            } catch let failure as CommandFailure {
                return Outcome(byteCount: item.byteCount, origin: item.origin, failure: failure)
            } catch {
                return Outcome(byteCount: item.byteCount, origin: item.origin, failure: CommandFailure("\(item.origin): \(error)"))
            }
        } take: { outcome in
            progress.advance(byteCount: outcome.byteCount)
            guard let graph = outcome.graph else {
                progress.finish()
                tally.fail(outcome.failure ?? CommandFailure("\(outcome.origin): unknown failure"), origin: outcome.origin)
                return
            }
            tally.add(graph)
            if !outcome.warnings.isEmpty { progress.finish() }
            for warning in outcome.warnings { Console.warning(warning) }
            if options.jsonl, let line = outcome.encoded { try Console.writeOutput(line) }
            if let encoded = outcome.encoded, files != nil { try files!.write(encoded, for: graph.article) }
        }
        progress.finish()
        try finish(consume tally, seconds: progress.elapsed, bytes: progress.bytes)
    }

    /// Writes the merged graph and the summary, and turns failures into the exit status.
    private func finish(_ tally: consuming CorpusTally, seconds: Double, bytes: Int) throws {
        if tally.articles == 1, let failure = tally.failures.first { throw failure }
        if tally.succeeded == 0, !options.jsonl {
            throw tally.articles == 0 ? CommandFailure("no articles in the input") : .noneRead(tally.failedOrigins)
        }
        if !options.jsonl, let output = mergedOutput {
            if filters.keepsEverything {
                try tally.writeMerged(to: output)
            } else {
                try OutputWriter.writeJSON(of: try filters.apply(to: tally.takeMerged()), to: output)
            }
        }
        if !options.quiet, tally.articles > 1 {
            Console.error(tally.summary(seconds: seconds, bytes: bytes))
        }
        if !tally.failures.isEmpty {
            throw CommandFailure.someFailed(tally.failedOrigins, of: tally.articles, noun: "articles")
        }
    }
}

/// An article's graph as a worker hands it back: packed when it is only to be merged.
private enum ExtractedGraph: Sendable {
    case full(Graph)
    case packed(PackedArticleGraph)

    var article: Article? {
        switch self {
        case let .full(graph): graph.articles.first
        case let .packed(graph): graph.article
        }
    }
}

/// How a worker encodes each article's graph, so the encoding runs in parallel too.
private enum Encoding {
    case none, document, line

    func encode(_ graph: Graph) -> Data? {
        switch self {
        case .none: return nil
        case .document: return graph.jsonData()
        case .line: return graph.jsonLine()
        }
    }

    /// The packed graph's JSON, written from its lists when they are in the graph's order.
    func encode(_ graph: PackedArticleGraph) -> Data? {
        guard self != .none else { return nil }
        return graph.jsonData(compact: self == .line) ?? encode(graph.graph)
    }
}

/// What a corpus run has seen: articles, failures, and the merged graph or the distinct
/// actors and relations.
struct CorpusTally {
    private(set) var articles = 0
    private(set) var failures: [CommandFailure] = []
    /// The inputs that failed, as summaries name them.
    private(set) var failedOrigins: [String] = []
    private var accumulator: GraphAccumulator?
    private var actorIDs: Set<String> = []
    private var relationKeys: Set<RelationKey> = []
    private var mergedCounts: (actors: Int, relations: Int)?
    private var firstFailureHeld = false

    /// - Parameter merging: keep the merged graph (otherwise only what the summary counts).
    init(merging: Bool) {
        accumulator = merging ? GraphAccumulator() : nil
    }

    var succeeded: Int { articles - failures.count }

    fileprivate mutating func add(_ extracted: ExtractedGraph) {
        articles += 1
        releaseHeldFailure()
        switch extracted {
        case let .packed(graph) where accumulator != nil:
            accumulator!.add(graph)
        case let .packed(graph):
            count(ids: graph.actors.lazy.map { graph.strings[Int($0.id)] }, keys: graph.relations.lazy.map { edge in
                RelationKey(source: graph.strings[Int(edge.source)], target: graph.strings[Int(edge.target)], kind: edge.kind)
            })
        case let .full(graph) where accumulator != nil:
            accumulator!.add(graph)
        case let .full(graph):
            count(ids: graph.actors.lazy.map(\.id), keys: graph.relations.lazy.map(\.key))
        }
    }

    /// Counts the distinct actors and relations of a run that does not merge.
    private mutating func count(ids: some Sequence<String>, keys: some Sequence<RelationKey>) {
        actorIDs.formUnion(ids)
        relationKeys.formUnion(keys)
    }

    /// Counts a failed article and names it on standard error, in input order.
    ///
    /// The first article's failure is held back until a second article comes: when it was
    /// the only one, the command fails with that one line alone.
    mutating func fail(_ failure: CommandFailure, origin: String) {
        articles += 1
        failures.append(failure)
        failedOrigins.append(origin)
        guard articles > 1 else {
            firstFailureHeld = true
            return
        }
        releaseHeldFailure()
        Console.error(failure.message)
    }

    /// Names the first article's failure once the run turned out to be a batch.
    private mutating func releaseHeldFailure() {
        guard firstFailureHeld, let first = failures.first else { return }
        firstFailureHeld = false
        Console.error(first.message)
    }

    /// The merged graph; the tally keeps only its counts afterwards.
    mutating func takeMerged() -> Graph {
        guard accumulator != nil else { return Graph() }
        let counts = (accumulator!.actorCount, accumulator!.relationCount)
        let graph = accumulator!.takeGraph()
        mergedCounts = counts
        return graph
    }

    /// Writes the merged graph's JSON to `output` straight from the accumulator, which is
    /// empty afterwards; the tally keeps only its counts.
    mutating func writeMerged(to output: String?) throws {
        guard accumulator != nil else { return try OutputWriter.writeJSON(of: Graph(), to: output) }
        mergedCounts = (accumulator!.actorCount, accumulator!.relationCount)
        try OutputWriter.writeJSON(to: output) { write in try accumulator!.writeJSONBytes(to: write) }
        accumulator = GraphAccumulator()
    }

    /// The one-line summary: articles, actors, relations, failures, seconds.
    func summary(seconds: Double, bytes: Int) -> String {
        let actors = mergedCounts?.actors ?? accumulator?.actorCount ?? actorIDs.count
        let relations = mergedCounts?.relations ?? accumulator?.relationCount ?? relationKeys.count
        let rate = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        return "\(articles) articles, \(actors) actors, \(relations) relations, \(failures.count) failed, "
            + String(format: "%.2f s (%.2f MB/s)", seconds, rate)
    }
}

/// The folder of `--per-article` graphs: one file per article, named by its id made safe
/// for file systems; a later article with the same name gets `-2`, `-3`, in input order.
struct PerArticleFiles {
    let folder: String
    private let inputs: InputFiles
    private var used: Set<String> = []

    init(folder: String, sparing inputs: InputFiles = InputFiles([])) throws {
        self.folder = folder
        self.inputs = inputs
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(folder): cannot create the folder")
        }
    }

    mutating func write(_ data: Data, for article: Article?) throws {
        let path = (folder as NSString).appendingPathComponent(name(for: article?.id ?? "article"))
        try inputs.check(output: path)
        try OutputWriter.write(data, to: path)
    }

    /// A file name for `id` that no earlier article took (compared without case, for
    /// file systems that ignore it).
    private mutating func name(for id: String) -> String {
        let base = Self.safeName(id)
        var name = base
        var counter = 2
        while used.contains(name.lowercased()) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(name.lowercased())
        return name + ".json"
    }

    static func safeName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".utf8)
        var bytes = id.utf8.prefix(180).map { allowed.contains($0) ? $0 : UInt8(ascii: "-") }
        if bytes.first == UInt8(ascii: ".") { bytes[0] = UInt8(ascii: "_") }
        return bytes.isEmpty ? "article" : String(decoding: bytes, as: UTF8.self)
    }
}

extension FilterOptions {
    /// Whether these options keep the whole graph (no filter was asked for).
    var keepsEverything: Bool {
        focus == nil && kinds == nil && minWeight == 1 && !assertedOnly && voice == Voice.all.rawValue && since == nil && until == nil
    }
}
