import ActorExtraction
import ActorGraph
import ArgumentParser

/// The filters every command that outputs a graph takes: an actor's neighbourhood, some
/// relation kinds, well attested relations, asserted or quoted evidence, a span of dates.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep only this actor's neighbourhood: an id (JPN), a name (Japan) or a name the text uses (Tokyo).", valueName: "actor"))
    var focus: String?

    @Option(help: ArgumentHelp("With --focus: how many relations away an actor may be and stay.", valueName: "n"))
    var depth: Int = 1

    @Option(help: ArgumentHelp("Keep only these relation kinds, comma-separated: \(RelationKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kinds"))
    var kinds: String?

    @Option(name: .customLong("min-weight"), help: ArgumentHelp("Keep only relations that at least this many sentences state.", valueName: "n"))
    var minWeight: Int = 1

    @Flag(name: .customLong("asserted-only"), help: "Drop hypothetical, negated and question evidence.")
    var assertedOnly = false

    @Option(help: ArgumentHelp("Whose evidence to keep: article (the article's own voice), quoted (attributed to someone it quotes), all.", valueName: "voice"))
    var voice: String = Voice.all.rawValue

    @Option(help: ArgumentHelp("Keep only articles dated on or after this day (YYYY-MM-DD); undated articles go.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Keep only articles dated on or before this day (YYYY-MM-DD); undated articles go.", valueName: "date"))
    var until: String?

    func validate() throws {
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more, not \(depth)") }
        if depth != 1 && focus == nil { throw ValidationError("--depth needs --focus (the actor to measure the depth from)") }
        guard minWeight >= 1 else { throw ValidationError("--min-weight must be 1 or more, not \(minWeight)") }
        _ = try filter()
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, value.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                throw ValidationError("\(name) '\(value)' is not a date of the form YYYY-MM-DD")
            }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
    }

    /// The model's filter for these options.
    func filter() throws -> GraphFilter {
        guard let voice = Voice(rawValue: voice.lowercased()) else {
            throw ValidationError("unknown voice '\(self.voice)' (known: \(Voice.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var kindSet: Set<RelationKind>?
        if let kinds {
            switch RelationKind.parseList(kinds) {
            case .success(let parsed): kindSet = Set(parsed)
            case .failure(let error): throw ValidationError("--kinds: \(error.description)")
            }
        }
        return GraphFilter(
            focus: focus, depth: depth, kinds: kindSet, minimumWeight: minWeight,
            assertedOnly: assertedOnly, voice: voice, since: since, until: until
        )
    }

    /// The part of `graph` the options keep.
    ///
    /// - Throws: ``CommandFailure`` when `--focus` names no actor of the graph, or several.
    func apply(to graph: Graph) throws -> Graph {
        try apply(to: [graph])[0]
    }

    /// The parts of `graphs` the options keep, with `--focus` resolved once over all of
    /// them, so that one name means one actor everywhere; a graph without that actor
    /// keeps nothing but its articles (the actor's neighbourhood there is empty).
    ///
    /// - Throws: ``CommandFailure`` when `--focus` names no actor of any graph, or several.
    func apply(to graphs: [Graph]) throws -> [Graph] {
        var filter = try filter()
        do {
            if let focus {
                let everything = graphs.count == 1 ? graphs[0] : Graph.merged(graphs)
                let resolved = try? everything.resolveActor(named: focus)
                filter.focus = try resolved?.id ?? gazetteerID(for: focus, in: everything) ?? everything.resolveActor(named: focus).id
            }
            return try graphs.map { graph in
                if let id = filter.focus, graph.actor(id: id) == nil { return Graph(articles: graph.articles) }
                return try graph.filtered(filter)
            }
        } catch let error as GraphFilterError {
            throw CommandFailure("--focus: \(error.description)")
        }
    }

    /// The id the built-in gazetteer gives `name` (an alias, capital or demonym the graph
    /// itself does not record), when exactly one actor of the graph goes by it.
    private func gazetteerID(for name: String, in graph: Graph) -> String? {
        guard let gazetteer = try? Gazetteer.builtIn() else { return nil }
        let wanted = name.lowercased()
        let ids = gazetteer.entries.filter { entry in
            let names = [entry.name] + (entry.aliases ?? []) + (entry.metonyms ?? []) + (entry.demonyms ?? [])
            return graph.actor(id: entry.id) != nil && names.contains { $0.lowercased() == wanted }
        }.map(\.id)
        return ids.count == 1 ? ids[0] : nil
    }
}
