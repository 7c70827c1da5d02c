import ActorGraph

/// Collects the actors, mentions and evidence of one article into a ``Graph``.
///
/// Everything is kept by node until the graph is built, and handed over in the graph's
/// own order (actors by id, relations by key, mentions by position), so that the graph's
/// canonical sort finds it sorted.
struct GraphBuilder {
    let article: Article
    let bytes: [UInt8]
    let tokens: [Token]
    let offsets: CodePointOffsets
    let sentences: [Range<Int>]
    /// The nodes: each one's actor index, in the order first named, and its chain of mentions.
    private var nodes: NodeIndex
    /// The mentions, in the order added; each node's are chained through `next`, from the
    /// node's first, so that the graph's lists are made once, at their size.
    private var mentions = PendingMentions()
    /// Whether each node's mentions come each after the one before, by their tokens' first
    /// and then last position: then their spans do, and none repeats.
    private var mentionsInTextOrder = true
    /// The edges, between nodes, and the evidence of each, in the order stated.
    /// `Evidence` records are made once, when the graph is: growing an array of them for each
    /// edge cost more than the records.
    private var evidence: EdgeItems
    /// The sentence whose span was made last, by its tokens, and that span: a sentence's
    /// relations come one after another.
    private var lastSentence = (tokens: -1..<(-1), span: Span(start: 0, end: 0))
    /// The names of the affiliations' rules not among ``RuleCode/fixedNames``, by their
    /// codes from ``RuleCode/firstOther`` (``RuleCode`` says why codes); most articles
    /// have none, and so no list.
    private var otherRules: [String] = []
    /// An edge that the builder's edges are made from, field by field: `Edge`'s
    /// initialiser, in the graph's module, is not inlined across the modules, a call for
    /// each edge.
    private let blankEdge = Edge(source: 0, target: 0, kind: .alliance)

    /// A mention before it has its text: where it is, and the node's next mention (-1: none)
    /// and the one before it (-1: none).
    struct PendingMention {
        var span: Span
        var byteStart, byteEnd: Int32
        var firstToken, endToken: Int32
        var node: Int32
        var next: Int32 = -1
        var previous: Int32 = -1
    }

    /// The builder's mentions, made once, at their number, and then only read.
    ///
    /// In a buffer object of its own type, made directly: an array made at its size went
    /// through the standard library's unspecialised allocation, which looks up the array's
    /// storage type at each call, five hundred instructions an article (``WordBuffer`` says
    /// more).
    struct PendingMentions {
        /// `nil` when there are none.
        private let storage: Storage?
        let count: Int

        /// Not generic, so that its type is not looked up by its arguments at each use.
        final class Storage: ManagedBuffer<Void, PendingMention> {}

        init() {
            storage = nil
            count = 0
        }

        /// `count` mentions, which `fill` initialises, all of them in order, in `reused`
        /// if it has room for them, another list's storage that is no longer read. The
        /// mentions hold no references, so the buffer needs no deinitialiser, and writing
        /// over them needs no clearing.
        init(count: Int, reusing reused: Storage? = nil, fill: (UnsafeMutablePointer<PendingMention>) -> Void) {
            precondition(count >= 0, "a negative count")
            self.count = count
            guard count > 0 else {
                storage = reused
                return
            }
            let storage = if let reused, reused.capacity >= count {
                reused
            } else {
                unsafeDowncast(Storage.create(minimumCapacity: count) { _ in }, to: Storage.self)
            }
            storage.withUnsafeMutablePointerToElements { fill($0) }
            self.storage = storage
        }

        /// The storage, to hand on to another article's list (``init(count:reusing:fill:)``).
        var reusableStorage: Storage? { storage }

        var isEmpty: Bool { count == 0 }

        /// Calls `body` with the mentions, for a walk that reads many: each read through
        /// ``subscript(_:)`` unwraps the storage and tests the index again.
        func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<PendingMention>) -> R) -> R {
            guard let storage else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return storage.withUnsafeMutablePointerToElements { body(UnsafeBufferPointer(start: $0, count: count)) }
        }

        subscript(index: Int) -> PendingMention {
            precondition(index >= 0 && index < count, "a mention out of range")
            return storage!.withUnsafeMutablePointerToElements { $0[index] }
        }
    }

    /// An evidence item before it has its strings: the speaker by actor index (-1: none).
    struct PendingEvidence {
        var sentence, source, target, cue: Span
        var modality: Modality
        var tense: Tense
        var speaker: Int32
        var rule: RuleCode
        var confidence: Double
    }

    /// A rule by a number: a relation rule's id, the gazetteer's rule, one of the rules
    /// the role resolver names, or one of the builder's other rules. Items carried the rule's name before, a retain at each
    /// copy, and the packed graph found each name's place by comparing strings; codes
    /// of names with the same bytes are the same code.
    struct RuleCode: Equatable {
        let value: UInt16

        init(_ rule: RelationRule.ID) { value = UInt16(rule.rawValue) }

        /// The code of `index` among the builder's other rules.
        init(other index: Int) { value = UInt16(Self.firstOther + index) }

        /// The code of `index` among ``fixedNames``.
        init(fixed index: Int) { value = UInt16(index) }

        private init(value: UInt16) { self.value = value }

        /// The number of relation rules, whose ids the first codes are.
        static let relationRuleCount = RelationRule.all.count
        static let gazetteer = RuleCode(value: UInt16(relationRuleCount))
        /// The relation rules' names by id, then the gazetteer's, then those of the
        /// affiliations the role resolver states: a name not listed here still gets a
        /// code, among the builder's other rules, but that lists it for the article.
        static let fixedNames = RelationRule.all.map(\.name) + [
            GraphBuilder.gazetteerRule, "role-title", "role-office", "title-of-institution", "counterpart", "person-of",
        ]
        static let firstOther = fixedNames.count
    }

    /// The name of the rule with `code`, given the builder's other rules.
    static func name(of code: RuleCode, others: [String]) -> String {
        let value = Int(code.value)
        return value < RuleCode.firstOther ? RuleCode.fixedNames[value] : others[value - RuleCode.firstOther]
    }

    /// The code of the rule named `name`, an affiliation's, listed among the other rules
    /// if new. A fixed name is found by its storage first, the same for a copy of the same
    /// string, as the role resolver's literals mostly are, and by its bytes only then: the
    /// fixed names' bytes all differ, so either finds the same one.
    private mutating func code(ofRule name: String) -> RuleCode {
        let fixed = RuleCode.fixedNames
        for index in RuleCode.relationRuleCount..<fixed.count where name.hasSameStorage(as: fixed[index]) || Self.hasSameBytes(fixed[index], name) {
            return RuleCode(fixed: index)
        }
        for index in otherRules.indices where Self.hasSameBytes(otherRules[index], name) { return RuleCode(other: index) }
        otherRules.append(name)
        return RuleCode(other: otherRules.count - 1)
    }

    /// Whether two names have the same bytes, as the merge tells strings apart, where
    /// `==` takes one spelling for another equivalent to it.
    private static func hasSameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// A builder whose records, and the table of the article's code point offsets, go in
    /// `buffers`, new or those of a builder no longer used, which ``handBack(_:)`` gave back.
    init(article: Article, bytes: [UInt8], tokens: [Token], sentences: [Range<Int>], reusing buffers: Buffers) {
        // The edges first: made after the other fields, the builder was made in one place
        // and copied to another.
        evidence = EdgeItems(reusing: &buffers.edges.pointee)
        nodes = NodeIndex(reusing: buffers.nodes)
        self.article = article
        self.bytes = bytes
        self.tokens = tokens
        offsets = CodePointOffsets(bytes, reusing: buffers.offsets)
        self.sentences = sentences
    }

    /// The buffers a builder keeps its records in, handed on from one article's builder to
    /// the next one's, with the table of the article's code point offsets: making and
    /// freeing them for each article cost some 3K instructions.
    ///
    /// A builder shares the nodes' storage with its buffers, and the next one empties it:
    /// one builder at a time uses a set of buffers.
    final class Buffers {
        let nodes = NodeIndex.Storage(capacity: 32, slotCount: 64)
        var mentions: PendingMentions.Storage?
        /// Taken out by the builder that uses them, and given back. Kept at a place of
        /// their own: as a property, each swap in and out was checked for exclusive
        /// access, a hundred instructions.
        let edges: UnsafeMutablePointer<EdgeItems.Lists> = .allocate(capacity: 1)
        var offsets: CodePointOffsets.Table?

        init() {
            edges.initialize(to: EdgeItems.Lists())
        }

        deinit {
            edges.deinitialize(count: 1)
            edges.deallocate()
        }
    }

    /// Gives the builder's buffers back to `buffers`, the ones it was made with, for the
    /// next builder, once this one is no longer used: ``packedGraph(actors:)`` and the
    /// rest may no longer be called.
    func handBack(_ buffers: Buffers) {
        if let storage = mentions.reusableStorage { buffers.mentions = storage }
        buffers.edges.pointee = evidence.lists
        if let table = offsets.reusableTable { buffers.offsets = table }
    }

    /// Adds the article's mentions, once, before the rest.
    ///
    /// The list is made at its size and written in place: appending each mention, and
    /// linking it to the one before through the array, checked the array each time.
    ///
    /// - Parameter reused: the storage of the mentions of a builder no longer used, for
    ///   these. Given here, not kept by the builder: kept, the builder was made in one
    ///   place and copied to another.
    mutating func add(_ found: [FoundMention], reusing reused: PendingMentions.Storage? = nil) {
        // The nodes' chains number the mentions by their place in `found`.
        precondition(mentions.isEmpty, "mentions are added once, first")
        let tokens = self.tokens, offsets = self.offsets
        var inTextOrder = true
        mentions = found.withUnsafeBufferPointer { found in
            PendingMentions(count: found.count, reusing: reused) { list in
                // Places and token indexes fit in 32 bits, as there are fewer tokens than bytes
                // in a text (at most 2 GB), and a mention's tokens are read with a bounds test:
                // they are narrowed without a test each.
                for index in found.indices {
                    let range = found[index].tokens
                    let (node, previous) = nodes.insert(mention: Int32(truncatingIfNeeded: index), of: found[index].actor)
                    var mention = PendingMention(
                        span: Self.span(range, tokens, offsets), byteStart: tokens[range.lowerBound].start,
                        byteEnd: tokens[range.upperBound &- 1].end, firstToken: Int32(truncatingIfNeeded: range.lowerBound),
                        endToken: Int32(truncatingIfNeeded: range.upperBound), node: Int32(truncatingIfNeeded: node)
                    )
                    if previous >= 0 {
                        let before = list + Int(previous)
                        if (before.pointee.firstToken, before.pointee.endToken) >= (mention.firstToken, mention.endToken) { inTextOrder = false }
                        before.pointee.next = Int32(truncatingIfNeeded: index)
                        mention.previous = previous
                    }
                    (list + index).initialize(to: mention)
                }
            }
        }
        mentionsInTextOrder = inTextOrder
    }

    /// Ties stated by office phrases: "Japanese Prime Minister Fumio Kishida".
    mutating func add(_ affiliations: [StatedAffiliation], actors: ActorTable) {
        affiliations.withUnsafeBufferPointer { affiliations in
            for index in affiliations.indices {
                add(affiliations.baseAddress! + index, actors)
            }
        }
    }

    private mutating func add(_ affiliation: UnsafePointer<StatedAffiliation>, _ actors: ActorTable) {
        let cue = affiliation.pointee.cue
        addEvidence(
            from: affiliation.pointee.person.actor, at: Self.span(affiliation.pointee.person.tokens, tokens, offsets),
            to: affiliation.pointee.organisation.actor, at: Self.span(affiliation.pointee.organisation.tokens, tokens, offsets),
            kind: .affiliation, cue: Self.span(cue, tokens, offsets),
            sentence: Self.span(Self.sentence(containing: cue.lowerBound, in: sentences), tokens, offsets), modality: .asserted, tense: .present,
            speaker: -1, rule: code(ofRule: affiliation.pointee.rule), confidence: 0.9, in: actors
        )
    }

    /// A listed person's state, from the office held on the article's date or else the
    /// gazetteer's country; stated once, at the first mention, unless the text states it.
    ///
    /// `mentions` are those given to ``add(_:)-([FoundMention])`` before, whose record the
    /// builder reads: each node's first mention is the first of its chain. The nodes named
    /// so far were numbered in the order of their first mentions, so going through them
    /// goes through the first mentions in text order, without reading the others.
    mutating func addOfficeAffiliations(_ mentions: [FoundMention], actors: ActorTable) {
        assert(mentions.count == self.mentions.count, "office affiliations read the mentions added before")
        for node in 0..<nodes.count {
            let first = nodes.nodes[node].firstMention
            guard first >= 0 else { continue }
            let mention = self.mentions[Int(first)]
            let actor = nodes.actor(at: node)
            let kind = actors.kind(of: actor)
            guard !actors.isLocal(actor), kind == .person || kind == .organisation,
                  let countryIndex = Self.affiliation(of: actor, actors, on: article.date) else { continue }
            if let countryNode = nodes.node(of: countryIndex),
               evidence.first(of: edge(Int32(node), Int32(countryNode), .affiliation)) >= 0 { continue }
            addEvidence(
                from: actor, at: mention.span, to: countryIndex, at: mention.span, kind: .affiliation, cue: mention.span,
                sentence: Self.span(Self.sentence(containing: Int(mention.firstToken), in: sentences), tokens, offsets), modality: .asserted, tense: .present, speaker: -1,
                rule: .gazetteer, confidence: 0.95, in: actors
            )
        }
    }

    /// The rule named on affiliations known from the gazetteer rather than stated.
    static let gazetteerRule = "gazetteer-office"

    /// The actor index of a listed actor's state. Read in place from the gazetteer:
    /// copying whole entries for it cost more than the rest.
    private static func affiliation(of index: Int32, _ actors: ActorTable, on date: String?) -> Int32? {
        if let date, let offices = actors.gazetteer.entries[Int(index)].offices,
           let held = offices.firstIndex(where: { $0.isHeld(on: date) }),
           let country = actors.gazetteer.officeCountryIndex[Int(index)][held] ?? actors.index(of: offices[held].country) {
            return country
        }
        if let country = actors.gazetteer.countryIndex[Int(index)] { return country }
        return actors.gazetteer.entries[Int(index)].country.flatMap { actors.index(of: $0) }
    }

    mutating func add(_ relations: [FoundRelation], actors: ActorTable) {
        // Fields read in place: copying each relation, rule and all, cost more than its evidence.
        // The closure calls only a mutating method: one that reads the builder made a copy of it.
        relations.withUnsafeBufferPointer { relations in
            for index in relations.indices { add(relations.baseAddress! + index, actors) }
        }
    }

    private mutating func add(_ relation: UnsafePointer<FoundRelation>, _ actors: ActorTable) {
        let source = relation.pointee.source.actor
        let target = relation.pointee.target.actor
        let kind = relation.pointee.kind
        guard source != target, !Self.isOwnState(source, target, kind, actors) else { return }
        let confidence = relation.pointee.confidence * Self.strangerFactor(relation.pointee.source.form, relation.pointee.target.form)
        addEvidence(
            from: source, at: Self.span(relation.pointee.source.tokens, tokens, offsets), to: target,
            at: Self.span(relation.pointee.target.tokens, tokens, offsets), kind: kind, cue: Self.span(relation.pointee.cue, tokens, offsets),
            sentence: sentenceSpan(relation.pointee.sentence), modality: relation.pointee.modality,
            tense: relation.pointee.tense, speaker: relation.pointee.speaker ?? -1, rule: RuleCode(relation.pointee.rule), confidence: confidence,
            in: actors
        )
    }

    /// The span of a relation's sentence, made once for the sentence's relations in a row.
    private mutating func sentenceSpan(_ sentence: Range<Int>) -> Span {
        if sentence != lastSentence.tokens { lastSentence = (sentence, Self.span(sentence, tokens, offsets)) }
        return lastSentence.span
    }

    /// The edge from node `source` to node `target` of `kind`.
    @inline(__always)
    private func edge(_ source: Int32, _ target: Int32, _ kind: RelationKind) -> Edge {
        var edge = blankEdge
        edge.source = source
        edge.target = target
        edge.kind = kind
        return edge
    }

    /// "Kishida met reporters in Tokyo": a person's tie to their own state is affiliation,
    /// never another kind, so such an edge comes from a misread place name.
    private static func isOwnState(_ source: Int32, _ target: Int32, _ kind: RelationKind, _ actors: ActorTable) -> Bool {
        guard kind != .affiliation else { return false }
        return (actors.kind(of: source) == .person && isState(target, of: source, actors))
            || (actors.kind(of: target) == .person && isState(source, of: target, actors))
    }

    /// Whether `state` is the country of the actor at `actor`: for a listed actor whose
    /// country is listed, by index, as no actor of the article's own has a listed id;
    /// comparing the two strings, each copied from its table, cost more than the rest.
    @inline(__always)
    private static func isState(_ state: Int32, of actor: Int32, _ actors: ActorTable) -> Bool {
        if !actors.isLocal(actor), let country = actors.gazetteer.countryIndex[Int(actor)] { return country == state }
        return actors.country(of: actor) == actors.id(at: state)
    }

    /// Edges to actors found only from their context are less sure than to listed ones.
    private static func strangerFactor(_ source: Gazetteer.Form, _ target: Gazetteer.Form) -> Double {
        source == .stranger || target == .stranger ? 0.8 : 1
    }

    /// Adds an item of evidence, by actor index and span; `speaker` -1 for none.
    private mutating func addEvidence(
        from source: Int32, at sourceSpan: Span, to target: Int32, at targetSpan: Span, kind: RelationKind,
        cue: Span, sentence: Span, modality: Modality, tense: Tense, speaker: Int32, rule: RuleCode, confidence: Double,
        in actors: ActorTable
    ) {
        let sourceNode = Int32(nodes.insert(source))
        let targetNode = Int32(nodes.insert(target))
        if speaker >= 0 { _ = nodes.insert(speaker) }
        var sourceSpan = sourceSpan
        var targetSpan = targetSpan
        var key = edge(sourceNode, targetNode, kind)
        if !kind.isDirected, actors.idPrecedes(target, source) {
            key = edge(targetNode, sourceNode, kind)
            swap(&sourceSpan, &targetSpan)
        }
        let item = PendingEvidence(
            sentence: sentence, source: sourceSpan, target: targetSpan, cue: cue, modality: modality, tense: tense,
            speaker: speaker, rule: rule, confidence: (confidence * 100).rounded() / 100
        )
        // One item per stating sentence: a second cue in the same sentence ("spoke by
        // phone with") states the same relation again, not a second time.
        // What the sentence states replaces what the gazetteer knows of the same sentence,
        // in its place: an edge's items end up in sentence order whatever their order here.
        let (slot, first) = evidence.find(key)
        var at = first
        var last: Int32 = -1
        while at >= 0 {
            if evidence.entries[Int(at)].item.sentence == sentence {
                guard evidence.entries[Int(at)].item.rule == .gazetteer, item.rule != .gazetteer else { return }
                evidence.replace(at: at, with: item)
                return
            }
            last = at
            at = evidence.entries[Int(at)].next
        }
        evidence.append(item, to: key, after: last, slot: slot)
    }

    /// The graph, made from the builder's records.
    ///
    /// Actors come in id order, relations in key order and each one's evidence in sentence
    /// order, which is the graph's canonical order, so the graph need not check it again,
    /// unless an actor's mentions are not in text order without repeats.
    ///
    /// The orders it works from are kept on the stack: each array made for them cost
    /// more than the sort.
    func graph(actors: ActorTable) -> Graph {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: nodes.count) { order in
            Self.nodesInIDOrder(into: order, nodes, actors)
            let graphActors = actorsInOrder(order, actors)
            let graphRelations = relationsInOrder(of: UnsafeBufferPointer(order), actors)
            guard mentionsInTextOrder else { return Graph(articles: [article], actors: graphActors, relations: graphRelations) }
            return Graph(canonicalArticles: [article], actors: graphActors, relations: graphRelations)
        }
    }

    /// The graph in the packed form a corpus run merges, made from the builder's records in
    /// the same order as ``graph(actors:)``'s: its lists, less the list of each actor's
    /// mentions and of each relation's evidence, and less each mention's text, which
    /// stays a stretch of the article's bytes.
    ///
    /// The closure below names the builder's parts, not the builder: naming it, it copied
    /// the whole builder, every list retained and released, twice an article.
    func packedGraph(actors: ActorTable) -> PackedArticleGraph {
        let nodes = nodes, mentions = mentions, edges = evidence, otherRules = otherRules
        // The actors' strings, then the rules'; the place of each node's id, by node.
        var strings: [String] = []
        strings.reserveCapacity(3 * nodes.count + 8)
        let (graphActors, graphMentions, graphRelations, graphEvidence) = withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * nodes.count) { scratch in
            let order = UnsafeMutableBufferPointer(rebasing: scratch[0..<nodes.count])
            let idPlaces = UnsafeMutableBufferPointer(rebasing: scratch[nodes.count...])
            Self.nodesInIDOrder(into: order, nodes, actors)
            let (graphActors, graphMentions) = Self.packedActors(in: UnsafeBufferPointer(order), nodes, mentions, actors, strings: &strings, idPlaces: idPlaces)
            let (graphRelations, graphEvidence) = Self.packedRelations(
                of: UnsafeBufferPointer(order), edges, nodes, idPlaces: UnsafeBufferPointer(idPlaces), otherRules: otherRules, strings: &strings
            )
            return (graphActors, graphMentions, graphRelations, graphEvidence)
        }
        var packed = PackedArticleGraph(
            article: article, text: bytes, strings: strings, actors: graphActors, mentions: graphMentions, relations: graphRelations,
            evidence: graphEvidence
        )
        // The lists are made in ``graph(actors:)``'s order, which is the graph's own unless
        // an actor's mentions are not in text order.
        packed.isInGraphOrder = mentionsInTextOrder
        return packed
    }

    /// The nodes as the packed graph's actors, in `order`, and their mentions, each node's
    /// in the order added; each node's strings are added to `strings`, and the place of
    /// its id put in `idPlaces`.
    private static func packedActors(
        in order: UnsafeBufferPointer<Int>, _ nodes: NodeIndex, _ mentions: PendingMentions, _ actors: ActorTable,
        strings: inout [String], idPlaces: UnsafeMutableBufferPointer<Int>
    ) -> ([PackedArticleGraph.Node], [PackedArticleGraph.TextMention]) {
        var graphActors: [PackedArticleGraph.Node] = []
        graphActors.reserveCapacity(order.count)
        var graphMentions: [PackedArticleGraph.TextMention] = []
        graphMentions.reserveCapacity(mentions.count)
        // Appended to a list of the function's own, taken from `strings` and given back:
        // appended through the parameter, each string tested the list's uniqueness again.
        var list: [String] = []
        swap(&list, &strings)
        // Records made from a blank one, field by field: their initialisers, in the graph's
        // module, are not inlined across the modules, a call for each record.
        let blankMention = PackedArticleGraph.TextMention(span: Span(start: 0, end: 0), text: 0..<0)
        var packedNode = PackedArticleGraph.Node(id: 0, name: 0, country: -1, kind: .person, mentionEnd: 0)
        // The mentions are read through one buffer for all nodes: one for each node retained
        // and released the mentions' storage each time.
        mentions.withUnsafeBufferPointer { mentions in
            for node in order {
                var at = nodes.nodes[node].firstMention
                while at >= 0 {
                    let mention = mentions[Int(at)]
                    var record = blankMention
                    record.span = mention.span
                    record.text = mention.byteStart..<mention.byteEnd
                    graphMentions.append(record)
                    at = mention.next
                }
                let index = nodes.actor(at: node)
                let id = Int32(list.count)
                idPlaces[node] = list.count
                list.append(actors.id(at: index))
                list.append(actors.name(at: index))
                var country: Int32 = -1
                if let name = actors.country(of: index) {
                    country = Int32(list.count)
                    list.append(name)
                }
                packedNode.id = id
                packedNode.name = id + 1
                packedNode.country = country
                packedNode.kind = actors.kind(of: index)
                packedNode.mentionEnd = Int32(graphMentions.count)
                graphActors.append(packedNode)
            }
        }
        swap(&list, &strings)
        return (graphActors, graphMentions)
    }

    /// The edges as the packed graph's relations, in the order of their keys, and their
    /// evidence, each edge's in sentence order; the rules are added to `strings`.
    private static func packedRelations(
        of order: UnsafeBufferPointer<Int>, _ edges: EdgeItems, _ nodes: NodeIndex, idPlaces: UnsafeBufferPointer<Int>, otherRules: [String],
        strings: inout [String]
    ) -> ([PackedArticleGraph.Edge], [PackedArticleGraph.Item]) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: RuleCode.firstOther + otherRules.count) { places in
            places.initialize(repeating: -1)
            // The rules go straight into the strings, which were given room for a few.
            var rules = RulePlaces(strings: &strings, places: places, others: otherRules)
            let packed = packedRelations(of: order, edges, nodes, idPlaces: idPlaces, rules: &rules)
            swap(&strings, &rules.strings)
            return packed
        }
    }

    /// ``packedRelations(of:_:_:idPlaces:otherRules:strings:)`` with the rules' places.
    private static func packedRelations(
        of order: UnsafeBufferPointer<Int>, _ edges: EdgeItems, _ nodes: NodeIndex, idPlaces: UnsafeBufferPointer<Int>, rules: inout RulePlaces
    ) -> ([PackedArticleGraph.Edge], [PackedArticleGraph.Item]) {
        // Made from blank records, as ``packedActors(in:_:_:_:strings:idPlaces:)``'s are.
        var edge = PackedArticleGraph.Edge(source: 0, target: 0, kind: .alliance, evidenceEnd: 0)
        let blankItem = PackedArticleGraph.Item(
            sentence: Span(start: 0, end: 0), source: Span(start: 0, end: 0), target: Span(start: 0, end: 0), cue: Span(start: 0, end: 0),
            modality: .asserted, speaker: -1, tense: .present, rule: 0, confidence: 0
        )
        return withEdgesInKeyOrder(of: order, edges) { firsts, edgeOrder, entries in
            var graphRelations: [PackedArticleGraph.Edge] = []
            graphRelations.reserveCapacity(edgeOrder.count)
            var graphEvidence: [PackedArticleGraph.Item] = []
            graphEvidence.reserveCapacity(entries.count)
            for position in edgeOrder {
                let first = firsts[position]
                if (entries.baseAddress! + first).pointee.next < 0 {
                    graphEvidence.append(packedItem(at: first, entries, nodes, idPlaces: idPlaces, rules: &rules, blank: blankItem))
                } else {
                    withItemsInSentenceOrder(from: first, entries) { chain in
                        for item in chain { graphEvidence.append(packedItem(at: item, entries, nodes, idPlaces: idPlaces, rules: &rules, blank: blankItem)) }
                    }
                }
                let key = (entries.baseAddress! + first).pointee.edge
                edge.source = Int32(idPlaces[Int(key.source)])
                edge.target = Int32(idPlaces[Int(key.target)])
                edge.kind = key.kind
                edge.evidenceEnd = Int32(graphEvidence.count)
                graphRelations.append(edge)
            }
            return (graphRelations, graphEvidence)
        }
    }

    /// The packed evidence of the item at `index`, its fields read in place, as
    /// ``evidence(at:_:article:others:_:)`` reads them, written over `blank`.
    private static func packedItem(
        at index: Int, _ entries: UnsafeBufferPointer<Entry>, _ nodes: NodeIndex, idPlaces: UnsafeBufferPointer<Int>, rules: inout RulePlaces,
        blank: PackedArticleGraph.Item
    ) -> PackedArticleGraph.Item {
        let item = (UnsafeRawPointer(entries.baseAddress! + index) + itemOffset).assumingMemoryBound(to: PendingEvidence.self)
        let speaker = item.pointee.speaker
        // The speaker is always a node: adding an item adds its speaker's.
        let speakerPlace = speaker < 0 ? -1 : Int32(idPlaces[nodes.node(of: speaker)!])
        var packed = blank
        packed.sentence = item.pointee.sentence
        packed.source = item.pointee.source
        packed.target = item.pointee.target
        packed.cue = item.pointee.cue
        packed.modality = item.pointee.modality
        packed.speaker = speakerPlace
        packed.tense = item.pointee.tense
        packed.rule = rules.place(of: item.pointee.rule)
        packed.confidence = item.pointee.confidence
        return packed
    }

    /// The rules an article's items name, a handful, each by its place in the packed
    /// graph's strings, which they follow; each code's place is looked up
    /// among the names only when first asked.
    private struct RulePlaces {
        var strings: [String] = []
        /// The place of each code's rule, -1 until asked.
        let places: UnsafeMutableBufferPointer<Int32>
        let others: [String]

        /// Takes over `strings`, leaving it empty.
        init(strings: inout [String], places: UnsafeMutableBufferPointer<Int32>, others: [String]) {
            self.places = places
            self.others = others
            swap(&self.strings, &strings)
        }

        /// The place of the rule with `code`, its name added if new.
        @inline(__always)
        mutating func place(of code: RuleCode) -> Int32 {
            let known = places[Int(code.value)]
            if known >= 0 { return known }
            return firstPlace(of: code)
        }

        /// The place of a code not asked before, its name added: no two codes have names
        /// with the same bytes (``GraphBuilder/code(ofRule:)`` makes them so), so no name
        /// listed before is compared with it.
        private mutating func firstPlace(of code: RuleCode) -> Int32 {
            let place = strings.count
            strings.append(GraphBuilder.name(of: code, others: others))
            places[Int(code.value)] = Int32(place)
            return Int32(place)
        }
    }

    /// The nodes in the order of their actors' ids, as a stable sort by
    /// ``ActorTable/idPrecedes(_:_:)`` puts them, comparing few strings: each node sorts by
    /// its place among the gazetteer's ids (which are in order), and only two actors of the
    /// article's own at the same place compare their ids.
    ///
    /// The places and nodes are sorted as integers, place above node: no two listed actors
    /// share a place, and actors of the article's own at one place are put in id order after.
    private static func nodesInIDOrder(into order: UnsafeMutableBufferPointer<Int>, _ nodeActors: NodeIndex, _ actors: ActorTable) {
        // One buffer, the keys and then the nodes: each array made here cost more than the sort.
        for node in 0..<nodeActors.count { order[node] = Self.place(of: nodeActors.actor(at: node), in: actors) << 32 | node }
        Self.sortSmall(order)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, order[end] >> 32 == order[start] >> 32 { end += 1 }
            if end - start > 1 {
                for index in start..<end { order[index] &= 0xFFFF_FFFF }
                Self.sortByID(UnsafeMutableBufferPointer(rebasing: order[start..<end]), nodeActors, actors)
            }
            start = end
        }
        for index in order.indices { order[index] &= 0xFFFF_FFFF }
    }

    /// Sorts `items` by `precedes`, a strict order in which no two items are equal: a few
    /// by insertion, which costs a fraction of the general sort's setting up for so few,
    /// more by the general sort, as insertion grows with the square of their number.
    @inline(__always)
    private static func sortFew<Item>(_ items: UnsafeMutableBufferPointer<Item>, by precedes: (Item, Item) -> Bool) {
        guard items.count > 1 else { return }
        guard items.count <= 32 else {
            var items = items
            return items.sort(by: precedes)
        }
        for end in (items.startIndex + 1)..<items.endIndex {
            let moving = items[end]
            var place = end
            while place > items.startIndex, precedes(moving, items[place - 1]) {
                items[place] = items[place - 1]
                place -= 1
            }
            items[place] = moving
        }
    }

    /// Sorts a graph's few keys, which differ.
    private static func sortSmall(_ keys: UnsafeMutableBufferPointer<Int>) {
        sortFew(keys, by: <)
    }

    /// Puts nodes of actors of the article's own, whose ids differ, in id order.
    private static func sortByID(_ run: UnsafeMutableBufferPointer<Int>, _ nodeActors: NodeIndex, _ actors: ActorTable) {
        sortFew(run) { actors.idPrecedes(nodeActors.actor(at: $0), nodeActors.actor(at: $1)) }
    }

    /// Puts the positions `0..<order.count` into `order`, sorted by their keys, which
    /// differ.
    private static func sortPositions(_ order: UnsafeMutableBufferPointer<Int>, by keys: UnsafeBufferPointer<UInt64>) {
        for position in order.indices { order[position] = position }
        sortFew(order) { keys[$0] < keys[$1] }
    }

    /// A listed actor's place is twice its index plus one; an actor of the article's own,
    /// whose id no listed actor has, sorts just before the first listed id after its own,
    /// at twice that one's index.
    private static func place(of actor: Int32, in actors: ActorTable) -> Int {
        guard actors.isLocal(actor) else { return 2 * Int(actor) + 1 }
        return 2 * actors.gazetteer.idsBefore(actors.id(at: actor))
    }

    /// The nodes as the graph's actors, in `order`, each with its mentions.
    private func actorsInOrder(_ order: UnsafeMutableBufferPointer<Int>, _ actors: ActorTable) -> [Actor] {
        var result: [Actor] = []
        result.reserveCapacity(order.count)
        for node in order {
            let index = nodes.actor(at: node)
            let name = actors.name(at: index)
            let mentions = mentionList(of: node, named: name)
            result.append(Actor(
                id: actors.id(at: index), name: name, kind: actors.kind(of: index), country: actors.country(of: index),
                mentions: mentions
            ))
        }
        return result
    }

    /// How many of a node's mentions before this one are asked whether they have its text.
    private static let textLookBack = 8

    /// A node's mentions, with their text, in the order added. A text written as the actor's
    /// name, or as one of the node's few mentions before, is that string again: making each
    /// string from its bytes cost more than the rest of the mention.
    private func mentionList(of node: Int, named name: String) -> [Mention] {
        let chain = nodes.nodes[node]
        guard chain.mentionCount > 0 else { return [] }
        var utf8Name = name
        return utf8Name.withUTF8 { nameBytes in
            bytes.withUnsafeBufferPointer { text in
                if chain.mentionCount == 1 {
                    // Most actors are named once: a list made as a literal costs less than
                    // one made empty and given room.
                    let mention = mentions[Int(chain.firstMention)]
                    let start = Int(mention.byteStart), count = Int(mention.byteEnd) - start
                    let isName = count == nameBytes.count && Self.equal(text.baseAddress! + start, nameBytes.baseAddress, count)
                    let mentionText = isName ? name : Self.string(text.baseAddress! + start, count)
                    return [Mention(article: article.id, span: mention.span, text: mentionText)]
                }
                var list: [Mention] = []
                list.reserveCapacity(Int(chain.mentionCount))
                var at = chain.firstMention
                while at >= 0 {
                    let mention = mentions[Int(at)]
                    let start = Int(mention.byteStart), count = Int(mention.byteEnd) - start
                    // The list position of an earlier mention with the same text; -2: the name's; -1: none.
                    var same = -1
                    if count == nameBytes.count, Self.equal(text.baseAddress! + start, nameBytes.baseAddress, count) {
                        same = -2
                    } else {
                        var back = mention.previous
                        var steps = 1
                        while back >= 0, steps <= Self.textLookBack {
                            let before = mentions[Int(back)]
                            if Int(before.byteEnd - before.byteStart) == count,
                               Self.equal(text.baseAddress! + start, text.baseAddress! + Int(before.byteStart), count) {
                                same = list.count - steps
                                break
                            }
                            back = before.previous
                            steps += 1
                        }
                    }
                    let mentionText = same == -2 ? name
                        : same >= 0 ? list[same].text : Self.string(text.baseAddress! + start, count)
                    list.append(Mention(article: article.id, span: mention.span, text: mentionText))
                    at = mention.next
                }
                return list
            }
        }
    }

    /// The string of `count` bytes at `start`, a stretch of the article's text (valid UTF-8).
    /// Made in place: the bytes are still checked, but a text of up to 15 ASCII bytes
    /// becomes a small string at less cost than through `String(decoding:)`, whose call
    /// cost more than the rest of the mention.
    private static func string(_ start: UnsafePointer<UInt8>, _ count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.baseAddress!.initialize(from: start, count: count)
            return count
        }
    }

    /// Whether `count` bytes at `a` and `b` are the same: by words, the last one overlapping
    /// the one before; a text shorter than a word by two half words that overlap, or by
    /// bytes. Most mentions are shorter than two words, and going a byte at a time through
    /// them cost more than the rest of the list.
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard count > 0 else { return true }
        guard let b else { return false }
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
        if count >= 8 {
            var offset = 0
            while offset &+ 8 < count {
                if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset &+= 8
            }
            return left.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
        if count >= 4 {
            return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self) == right.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
        }
        // One to three bytes: the first, the middle and the last are all of them.
        return a[0] == b[0] && a[count &>> 1] == b[count &>> 1] && a[count &- 1] == b[count &- 1]
    }

    /// The edges as the graph's relations, in the order of their keys (source id, target
    /// id, kind), given the nodes in id order; each with its evidence in sentence order,
    /// the canonical order of one article's items, whose sentences differ.
    ///
    /// The closure names the builder's parts, not the builder, which it would copy whole.
    private func relationsInOrder(of order: UnsafeBufferPointer<Int>, _ actors: ActorTable) -> [Relation] {
        let nodes = nodes, id = article.id, others = otherRules
        return Self.withEdgesInKeyOrder(of: order, evidence) { firsts, edgeOrder, entries in
            Self.relations(from: firsts, in: edgeOrder, entries, nodes, article: id, others: others, actors)
        }
    }

    /// Calls `body` with the places of the edges' first items, the edges' positions among
    /// them in the order of their keys (source id, target id, kind), given the nodes in id
    /// order, and the entries the places are in.
    @inline(__always)
    private static func withEdgesInKeyOrder<R>(
        of order: UnsafeBufferPointer<Int>, _ edges: EdgeItems,
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Entry>) -> R
    ) -> R {
        let edgeCount = edges.edgeCount
        return edges.entries.withUnsafeBufferPointer { entries in
            // The nodes' ranks, then each key as one integer, its parts in the order the key sorts by.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: order.count + edgeCount) { scratch in
                let rank = UnsafeMutableBufferPointer(rebasing: scratch[0..<order.count])
                for (place, node) in order.enumerated() { rank[node] = UInt64(place) }
                let sortKeys = UnsafeMutableBufferPointer(rebasing: scratch[order.count...])
                // The edges' first items, then the edges in key order.
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * edgeCount) { places in
                    let firsts = UnsafeMutableBufferPointer(rebasing: places[0..<edgeCount])
                    let edgeOrder = UnsafeMutableBufferPointer(rebasing: places[edgeCount...])
                    // Up to 65,535 nodes and edges, each key's edge rides in its low 16 bits, and
                    // the keys are sorted as plain integers: sorting positions by keys looked
                    // each key up again at every comparison.
                    let inOneWord = order.count <= 0xFFFF && edgeCount <= 0xFFFF
                    var edge = 0
                    // Fields read in place: reading an entry through the buffer copied it, rule and all.
                    for place in entries.indices where (entries.baseAddress! + place).pointee.isFirst {
                        let key = (entries.baseAddress! + place).pointee.edge
                        firsts[edge] = place
                        let kind = UInt64(key.kind.declarationIndex)
                        sortKeys[edge] = inOneWord
                            ? rank[Int(key.source)] << 48 | rank[Int(key.target)] << 32 | kind << 16 | UInt64(edge)
                            : rank[Int(key.source)] << 40 | rank[Int(key.target)] << 8 | kind
                        edge += 1
                    }
                    if inOneWord {
                        sortFew(sortKeys, by: <)
                        for index in edgeOrder.indices { edgeOrder[index] = Int(sortKeys[index] & 0xFFFF) }
                    } else {
                        sortPositions(edgeOrder, by: UnsafeBufferPointer(sortKeys))
                    }
                    return body(UnsafeBufferPointer(firsts), UnsafeBufferPointer(edgeOrder), entries)
                }
            }
        }
    }

    private typealias Entry = EdgeItems.Entry

    /// The relations of the edges whose first items are at `firsts`, in `edgeOrder`.
    private static func relations(
        from firsts: UnsafeBufferPointer<Int>, in edgeOrder: UnsafeBufferPointer<Int>, _ entries: UnsafeBufferPointer<Entry>,
        _ nodes: NodeIndex, article id: String, others: [String], _ actors: ActorTable
    ) -> [Relation] {
        var result: [Relation] = []
        result.reserveCapacity(edgeOrder.count)
        for position in edgeOrder {
            let first = firsts[position]
            result.append(relation(ofEdgeAt: first, entries, nodes, actors, evidence: evidence(ofEdgeFrom: first, entries, article: id, others: others, actors)))
        }
        return result
    }

    /// The relation of the edge whose first item is at `first`, with `evidence`.
    private static func relation(
        ofEdgeAt first: Int, _ entries: UnsafeBufferPointer<Entry>, _ nodes: NodeIndex, _ actors: ActorTable, evidence: [Evidence]
    ) -> Relation {
        let key = (entries.baseAddress! + first).pointee.edge
        return Relation(
            canonicalSource: actors.id(at: nodes.actor(at: Int(key.source))), target: actors.id(at: nodes.actor(at: Int(key.target))),
            kind: key.kind, evidence: evidence
        )
    }

    /// An edge's evidence in sentence order, from its first item's place.
    private static func evidence(
        ofEdgeFrom first: Int, _ entries: UnsafeBufferPointer<Entry>, article id: String, others: [String], _ actors: ActorTable
    ) -> [Evidence] {
        if (entries.baseAddress! + first).pointee.next < 0 {
            // Most edges are stated once.
            return [evidence(at: first, entries, article: id, others: others, actors)]
        }
        return withItemsInSentenceOrder(from: first, entries) { chain in
            var result: [Evidence] = []
            result.reserveCapacity(chain.count)
            for item in chain { result.append(evidence(at: item, entries, article: id, others: others, actors)) }
            return result
        }
    }

    /// Calls `body` with the places of an edge's items in sentence order, from its first
    /// item's place.
    @inline(__always)
    private static func withItemsInSentenceOrder<R>(from first: Int, _ entries: UnsafeBufferPointer<Entry>, _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        var count = 0
        var at = first
        while at >= 0 {
            count += 1
            at = Int((entries.baseAddress! + at).pointee.next)
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { chain in
            at = first
            for index in chain.indices {
                chain[index] = at
                at = Int((entries.baseAddress! + at).pointee.next)
            }
            sortBySentence(chain, entries)
            return body(UnsafeBufferPointer(chain))
        }
    }

    /// Puts an edge's items, one per stating sentence, in sentence order.
    private static func sortBySentence(_ chain: UnsafeMutableBufferPointer<Int>, _ entries: UnsafeBufferPointer<Entry>) {
        sortFew(chain) { (entries.baseAddress! + $0).pointee.item.sentence < (entries.baseAddress! + $1).pointee.item.sentence }
    }

    /// The evidence of the item at `index`, its fields read in place.
    ///
    /// Through a pointer to the item itself: a field read through the entry's pointer
    /// copied the whole item first, rule and all. The pointer is made from the item's
    /// offset in the entry, so that no access to the entries asks to write.
    private static func evidence(
        at index: Int, _ entries: UnsafeBufferPointer<Entry>, article: String, others: [String], _ actors: ActorTable
    ) -> Evidence {
        let item = (UnsafeRawPointer(entries.baseAddress! + index) + itemOffset).assumingMemoryBound(to: PendingEvidence.self)
        let speaker = item.pointee.speaker
        let attributedTo = speaker < 0 ? nil : actors.id(at: speaker)
        return Evidence(
            article: article, sentence: item.pointee.sentence, source: item.pointee.source, target: item.pointee.target,
            cue: item.pointee.cue, modality: item.pointee.modality, attributedTo: attributedTo, tense: item.pointee.tense,
            rule: name(of: item.pointee.rule, others: others), confidence: item.pointee.confidence
        )
    }

    /// Where an entry's item lies in it.
    ///
    /// Computed, not stored: the compiler folds the offset of a stored field to a constant,
    /// where a stored one was read through its once-guard at every item.
    @inline(__always)
    private static var itemOffset: Int { MemoryLayout<Entry>.offset(of: \Entry.item)! }

    private static func sentence(containing token: Int, in sentences: [Range<Int>]) -> Range<Int> {
        // Read through a buffer, with `&+` and a shift: the array's bounds tests and the
        // overflow tests were as many instructions again as the search. `mid` lies in
        // `low..<high`, within the buffer.
        sentences.withUnsafeBufferPointer { sentences in
            var low = 0
            var high = sentences.count
            while low < high {
                let mid = (low &+ high) &>> 1
                if sentences[mid].upperBound <= token { low = mid &+ 1 } else { high = mid }
            }
            return low < sentences.count ? sentences[low] : token..<(token + 1)
        }
    }

    /// A range of tokens as a span of code points.
    ///
    /// Static, as are the other readers the mutating methods call: a method reading the
    /// builder, called from one changing it, was given a copy of the whole builder.
    @inline(__always)
    private static func span(_ range: Range<Int>, _ tokens: [Token], _ offsets: CodePointOffsets) -> Span {
        Span(
            start: offsets.codePoint(atByte: Int(tokens[range.lowerBound].start)),
            // `&-`: a wrapped index fails the bounds test as well.
            end: offsets.codePoint(atByte: Int(tokens[range.upperBound &- 1].end))
        )
    }
}
