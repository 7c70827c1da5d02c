import ActorGraph
import Foundation

/// A word or phrase that signals a relation of one kind, as listed in `cues.json`.
public struct RelationCue: Codable, Sendable, Equatable {
    /// A unique name, shown by `--explain`.
    public var id: String
    /// The relation the cue signals.
    public var kind: RelationKind
    /// `verb`, `noun` or `adjective`.
    public var pos: String
    /// Every written form, in lower case ("threaten", "threatens", "threatened").
    public var forms: [String]
    /// Prepositions that link the cue to its second actor ("with", "on", "from").
    public var prep: [String]?
    /// Whether the actor after the cue is the source of a directed relation
    /// ("A buys arms from B": support runs B → A).
    public var reverse: Bool?
    /// The CAMEO code the cue maps to.
    public var cameo: String?
}

/// What the relation rules ask of a cue, read once from its ``RelationCue``: the rules ask
/// at every cue, and copying the cue (its strings and lists) and comparing its part of
/// speech as a string cost more than most of them.
struct CueTraits: Sendable {
    enum PartOfSpeech: Sendable { case verb, noun, adjective, adverb, other }

    var kind: RelationKind
    var pos: PartOfSpeech
    /// Whether the cue lists prepositions.
    var hasPrepositions: Bool
    /// No prepositions, or "with" or "between" among them: "A and B cooperate (with each other)".
    var reciprocal: Bool
    var reverse: Bool

    init(_ cue: RelationCue) {
        kind = cue.kind
        switch cue.pos {
        case "verb": pos = .verb
        case "noun": pos = .noun
        case "adjective": pos = .adjective
        case "adverb": pos = .adverb
        default: pos = .other
        }
        let prepositions = cue.prep ?? []
        hasPrepositions = !prepositions.isEmpty
        reciprocal = prepositions.isEmpty || prepositions.contains { $0 == "with" || $0 == "between" }
        reverse = cue.reverse ?? false
    }
}

/// The cue, modality and attribution word lists the relation rules read.
///
/// Its lists live in one object: the finder for each article, and the view of its
/// sentences, each keep a copy of the lexicon, and a copy of some forty arrays (a retain
/// and a release each) cost more than most sentences' relations.
public struct CueLexicon: Sendable {
    struct Site: Sendable {
        var cue: Int32
    }

    private let storage: Storage

    /// Every cue, in file order.
    public var cues: [RelationCue] { storage.cues }
    /// What the rules ask of each cue, by cue index.
    var traits: [CueTraits] { storage.traits }
    var cueTrie: TokenTrie<Site> { storage.cueTrie }
    /// The one cue of the phrases that end at each node of ``cueTrie``, or -1 where none or
    /// several do: most cue forms belong to one cue, which the finder then reads without
    /// the node's payload list.
    var soleCue: [Int32] { storage.soleCue }
    /// The keys of each cue's prepositions, by cue index.
    var prepositions: [TokenKeySet] { storage.prepositions }

    /// Whether `cue` takes the preposition `key`. Asked in place: a rule that kept the
    /// cue's set across its other calls retained and released it each time.
    @inline(__always)
    func cue(_ cue: Int32, takes key: UInt64) -> Bool { storage.prepositions[Int(cue)].contains(key) }

    /// Whether `key` is a word of `set`. Asked in place, like ``cue(_:takes:)``: each read
    /// of a static set was a call through its once-guard, and the rules ask at most
    /// tokens they look at.
    ///
    /// One map for all the sets, with a bit per set: most keys asked are in none, and its
    /// filter turns them away before a probe; a set picked from an array of sets was a
    /// bounds test and the loads of that set's fields at every question.
    @inline(__always)
    func word(_ key: UInt64, isIn set: RuleWordSet) -> Bool { storage.ruleWords.bits(of: key) & set.bit != 0 }

    /// Whether `cue` takes any preposition.
    @inline(__always)
    func takesPrepositions(_ cue: Int32) -> Bool { !storage.prepositions[Int(cue)].isEmpty }
    var hypothetical: TokenTrie<Bool> { storage.hypothetical }
    var negation: TokenTrie<Bool> { storage.negation }
    var future: TokenTrie<Bool> { storage.future }
    var past: TokenTrie<Bool> { storage.past }
    var reportingVerbs: TokenTrie<Bool> { storage.reportingVerbs }
    var attributionPrefixes: TokenTrie<Bool> { storage.attributionPrefixes }
    /// The ``TokenFact`` bits of each word that starts a phrase of the tries above or is in
    /// one of the relation finder's word lists.
    var wordFacts: TokenKeyMap { storage.wordFacts }
    /// For each cue, one bit per position in ``RelationRule/all``: set for the rules that
    /// can match it (``RelationRule/mayMatch(_:cue:prepositions:)``).
    var ruleMasks: [UInt32] { storage.ruleMasks }
    /// The first two words of every cue of more than one word (``TokenFact/pairKey(_:_:)``):
    /// most words that start such a cue are not followed by its second.
    var cuePairs: TokenKeySet { storage.cuePairs }

    /// Builds the lexicon from cues and word lists.
    public init(cues: [RelationCue], modality: ModalityWords, attribution: AttributionWords) {
        storage = Storage(cues: cues, modality: modality, attribution: attribution)
    }

    /// The lists of a lexicon (see ``CueLexicon``'s fields).
    private final class Storage: Sendable {
        let cues: [RelationCue]
        let traits: [CueTraits]
        let cueTrie: TokenTrie<Site>
        let soleCue: [Int32]
        let prepositions: [TokenKeySet]
        let hypothetical: TokenTrie<Bool>
        let negation: TokenTrie<Bool>
        let future: TokenTrie<Bool>
        let past: TokenTrie<Bool>
        let reportingVerbs: TokenTrie<Bool>
        let attributionPrefixes: TokenTrie<Bool>
        let wordFacts: TokenKeyMap
        let ruleMasks: [UInt32]
        let cuePairs: TokenKeySet
        /// The words of every ``RuleWordSet``, each with the ``RuleWordSet/bit`` of the sets it is in.
        let ruleWords: TokenKeyMap

        init(cues: [RelationCue], modality: ModalityWords, attribution: AttributionWords) {
            self.cues = cues
            precondition(RuleWordSet.allCases.count <= UInt16.bitWidth, "a rule word set without a bit of its own")
            ruleWords = TokenKeyMap(RuleWordSet.allCases.flatMap { set in set.words.map { (key: TokenHash.folded($0.utf8), bits: set.bit) } })
            traits = cues.map(CueTraits.init)
            var trie = TokenTrie<Site>()
            var preps: [TokenKeySet] = []
            var facts: [(key: UInt64, bits: UInt16)] = []
            var pairs: [UInt64] = []
            // One buffer for every form's keys and one for its bytes, as the gazetteer's.
            var keys: [UInt64] = [], bytes: [UInt8] = []
            for (index, cue) in cues.enumerated() {
                for form in cue.forms {
                    CueLexicon.foldedKeys(form, into: &keys, bytes: &bytes)
                    trie.insert(keys, Site(cue: Int32(index)))
                    if let first = keys.first { facts.append((first, keys.count == 1 ? TokenFact.cueStart | TokenFact.wholeCue : TokenFact.cueStart)) }
                    if keys.count > 1 { pairs.append(TokenFact.pairKey(keys[0], keys[1])) }
                }
                let prepositionKeys = (cue.prep ?? []).map { TokenHash.folded(Array($0.utf8)) }
                preps.append(TokenKeySet(prepositionKeys))
                facts += prepositionKeys.map { ($0, TokenFact.cuePreposition) }
            }
            cueTrie = trie
            soleCue = (0..<trie.nodeCount).map { node in
                let sites = trie.payloads(at: Int32(node))
                return sites.count == 1 ? sites[0].cue : -1
            }
            // Filtered: most words that start such a cue are followed by some other word.
            cuePairs = TokenKeySet(pairs, filtered: true)
            prepositions = preps
            hypothetical = CueLexicon.wordTrie(modality.hypothetical)
            let negatedPhrases = modality.negated + ["'t", "’t"]
            negation = CueLexicon.wordTrie(negatedPhrases)
            future = CueLexicon.wordTrie(modality.future)
            past = CueLexicon.wordTrie(modality.past)
            reportingVerbs = CueLexicon.wordTrie(attribution.reportingVerbs)
            attributionPrefixes = CueLexicon.wordTrie(attribution.prefixes)
            let starts: [([String], UInt16)] = [
                (attribution.reportingVerbs + attribution.prefixes, TokenFact.reportStart), (negatedPhrases, TokenFact.negationStart),
                (modality.hypothetical, TokenFact.hypotheticalStart), (modality.future, TokenFact.futureStart), (modality.past, TokenFact.pastStart),
            ]
            for (phrases, bit) in starts {
                facts += phrases.compactMap { CueLexicon.foldedKeys($0).first }.map { ($0, bit) }
            }
            let words: [([UInt64], UInt16)] = [
                (PairAnaphor.lastWordKeys, TokenFact.pairLastWord), (TokenFact.keys(SentenceView.subordinatorWords), TokenFact.subordinator),
                (TokenFact.keys(ClauseReading.conditionWords), TokenFact.condition), (TokenFact.keys(["and", "&"]), TokenFact.conjunction),
                (TokenFact.keys(["of", "by"]), TokenFact.ofOrBy),
            ]
            for (keys, bit) in words { facts += keys.map { ($0, bit) } }
            wordFacts = TokenKeyMap(facts)
            ruleMasks = zip(traits, prepositions).map { cue, prepositions in
                RelationRule.all.indices.reduce(0) { mask, position in
                    RelationRule.mayMatch(RelationRule.all[position].id, cue: cue, prepositions: prepositions) ? mask | 1 << position : mask
                }
            }
        }
    }

    /// The lexicon shipped with the library.
    public static func builtIn() throws -> CueLexicon {
        CueLexicon(
            cues: try CueFile.builtIn(),
            modality: try ResourceFiles.decode(ModalityWords.self, named: "modality.json"),
            attribution: try ResourceFiles.decode(AttributionWords.self, named: "attribution.json")
        )
    }

    static func foldedKeys(_ text: String) -> [UInt64] {
        Tokenizer().tokens(in: Array(text.utf8)).map(\.folded)
    }

    /// The folded keys of a phrase, as ``foldedKeys(_:)`` has them, in place of what `keys`
    /// held; `bytes` holds the phrase's bytes for the tokenizer, a buffer reused like `keys`.
    static func foldedKeys(_ text: String, into keys: inout [UInt64], bytes: inout [UInt8]) {
        keys.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: text.utf8)
        for token in Tokenizer().tokens(in: bytes) { keys.append(token.folded) }
    }

    fileprivate static func wordTrie(_ phrases: [String]) -> TokenTrie<Bool> {
        var trie = TokenTrie<Bool>()
        var keys: [UInt64] = [], bytes: [UInt8] = []
        for phrase in phrases {
            foldedKeys(phrase, into: &keys, bytes: &bytes)
            trie.insert(keys, true)
        }
        return trie
    }
}

/// Word sets the relation rules ask of the tokens near a cue, kept in the lexicon (see
/// ``CueLexicon/word(_:isIn:)``); the words stand beside the rules that read them.
enum RuleWordSet: Int, CaseIterable, Sendable {
    case obliqueMarkers, compassWords, bodiesOfAState, participlePrepositions, determiners, relativePronouns, passiveAuxiliaries
    case adverbialStarts

    /// The set's bit in ``CueLexicon``'s map of rule words: one of sixteen, so at most
    /// sixteen sets (``CueLexicon`` checks).
    @inline(__always)
    var bit: UInt16 { 1 &<< UInt16(truncatingIfNeeded: rawValue) }

    var words: [String] {
        switch self {
        case .obliqueMarkers: SentenceView.obliqueMarkerWords
        case .compassWords: SentenceView.compassWordList
        case .bodiesOfAState: SentenceView.bodyOfAStateWords
        case .participlePrepositions: SentenceView.participlePrepositionWords
        case .determiners: SentenceView.determinerWords
        case .relativePronouns: SentenceView.relativePronounWords
        case .passiveAuxiliaries: Perception.passiveAuxiliaryWords
        case .adverbialStarts: Adverbial.firstWords
        }
    }
}

struct CueFile: Codable {
    var schema: Int?
    var cues: [RelationCue]

    /// The cues of `cues.json`, read directly as the gazetteer's files are (see
    /// ``GazetteerFileReader``), or by `JSONDecoder` when the file is not of that shape.
    static func builtIn() throws -> [RelationCue] {
        let url = try ResourceFiles.directory().appendingPathComponent("cues.json")
        if let data = try? Data(contentsOf: url), let cues = read(Array(data)) { return cues }
        return try ResourceFiles.decode(CueFile.self, named: "cues.json").cues
    }

    /// The cues, or `nil` to leave the file to `JSONDecoder`.
    static func read(_ bytes: [UInt8]) -> [RelationCue]? {
        GazetteerFileReader.list(under: "cues", in: bytes, readCue)
    }

    private struct Malformed: Error {}

    private static func readCue(_ scanner: inout JSONScanner) throws -> RelationCue {
        var id: String?, kind: RelationKind?, pos: String?, forms: [String]?, prep: [String]?, reverse: Bool?, cameo: String?
        try scanner.readObject { scanner, key in
            switch key {
            case "id": id = try scanner.readString()
            case "kind":
                guard let value = RelationKind(rawValue: try scanner.readString()) else { throw Malformed() }
                kind = value
            case "pos": pos = try scanner.readString()
            case "forms": forms = try GazetteerFileReader.readList(&scanner) { try $0.readString() }
            case "prep": prep = try GazetteerFileReader.readOptionalStrings(&scanner)
            case "reverse": reverse = scanner.readNull() ? nil : try scanner.readBool()
            case "cameo": cameo = try scanner.readOptionalString()
            default: try scanner.skipValue()
            }
        }
        guard let id, let kind, let pos, let forms else { throw Malformed() }
        return RelationCue(id: id, kind: kind, pos: pos, forms: forms, prep: prep, reverse: reverse, cameo: cameo)
    }
}

/// Words that mark a relation as hypothetical, negated, future or past (`modality.json`).
public struct ModalityWords: Codable, Sendable {
    /// Hedges: "could", "may", "if", "risk".
    public var hypothetical: [String]
    /// Negations: "not", "no longer", "never".
    public var negated: [String]
    /// Future markers: "will", "plans to".
    public var future: [String]
    /// Past markers: "last year", "had".
    public var past: [String]
}

/// Words that mark who states a relation (`attribution.json`).
public struct AttributionWords: Codable, Sendable {
    /// Verbs of saying and believing: "said", "warned", "believes".
    public var reportingVerbs: [String]
    /// Phrases before a speaker: "according to", "in the words of".
    public var prefixes: [String]
}
