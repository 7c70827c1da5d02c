@testable import ActorExtraction
import Foundation
import XCTest

/// The direct reader of `cues.json`, which must read it as `JSONDecoder` does.
final class CueLexiconTests: XCTestCase {
    func testBuiltInCuesReadAsJSONDecoderReadsThem() throws {
        let data = try Data(contentsOf: try ResourceFiles.directory().appendingPathComponent("cues.json"))
        let direct = try XCTUnwrap(CueFile.read(Array(data)))
        XCTAssertEqual(direct, try JSONDecoder().decode(CueFile.self, from: data).cues)
    }

    func testCuesOfAnotherShapeAreLeftToJSONDecoder() {
        let files = [
            #"{"cues": [{"id": "x", "kind": "friendship", "pos": "noun", "forms": ["x"]}]}"#,
            #"{"cues": [{"id": "x", "kind": "alliance", "pos": "noun"}]}"#,
            #"{"cues": [{"id": "x", "kind": "alliance", "pos": "noun", "forms": ["x"], "reverse": "yes"}]}"#,
            #"{"cues": []} trailing"#,
        ]
        for file in files { XCTAssertNil(CueFile.read(Array(file.utf8)), file) }
    }

    private func lexicon(_ cues: [RelationCue]) -> CueLexicon {
        CueLexicon(
            cues: cues, modality: ModalityWords(hypothetical: ["could"], negated: ["not"], future: ["will"], past: ["had"]),
            attribution: AttributionWords(reportingVerbs: ["said"], prefixes: ["according to"])
        )
    }

    private func key(_ word: String) -> UInt64 { TokenHash.folded(word.utf8) }

    func testAOneWordCueIsWholeAndALongerCueListsItsFirstPair() {
        let lexicon = lexicon([
            RelationCue(id: "treaty", kind: .alliance, pos: "noun", forms: ["treaty"]),
            RelationCue(id: "talks", kind: .contact, pos: "noun", forms: ["talks with"]),
        ])
        XCTAssertNotEqual(lexicon.wordFacts.bits(of: key("treaty")) & TokenFact.wholeCue, 0)
        XCTAssertNotEqual(lexicon.wordFacts.bits(of: key("talks")) & TokenFact.cueStart, 0)
        XCTAssertEqual(lexicon.wordFacts.bits(of: key("talks")) & TokenFact.wholeCue, 0)
        XCTAssertTrue(lexicon.cuePairs.contains(TokenFact.pairKey(key("talks"), key("with"))))
        XCTAssertFalse(lexicon.cuePairs.contains(TokenFact.pairKey(key("talks"), key("on"))))
    }

    func testReportAndModalityWordsAreMarkedWhereTheirPhrasesStart() {
        let lexicon = lexicon([])
        XCTAssertNotEqual(lexicon.wordFacts.bits(of: key("according")) & TokenFact.reportStart, 0)
        XCTAssertEqual(lexicon.wordFacts.bits(of: key("to")) & TokenFact.reportStart, 0)
        XCTAssertNotEqual(lexicon.wordFacts.bits(of: key("not")) & TokenFact.negationStart, 0)
        XCTAssertNotEqual(lexicon.wordFacts.bits(of: key("will")) & TokenFact.futureStart, 0)
    }

    func testEveryRuleWordIsInItsOwnSetsAndNoOther() {
        let lexicon = lexicon([])
        for set in RuleWordSet.allCases {
            for word in set.words { XCTAssertTrue(lexicon.word(key(word), isIn: set), "\(word) in \(set)") }
            for other in RuleWordSet.allCases where other != set {
                for word in other.words where !set.words.contains(word) {
                    XCTAssertFalse(lexicon.word(key(word), isIn: set), "\(word) not in \(set)")
                }
            }
            XCTAssertFalse(lexicon.word(key("treaty"), isIn: set))
        }
        // "of" is both an oblique marker and a participle preposition.
        XCTAssertTrue(lexicon.word(key("of"), isIn: .obliqueMarkers))
        XCTAssertTrue(lexicon.word(key("of"), isIn: .participlePrepositions))
        XCTAssertFalse(lexicon.word(key("of"), isIn: .determiners))
    }

    func testARuleMaskSkipsOnlyRulesThatCannotReadTheCue() {
        let lexicon = lexicon([RelationCue(id: "attacked", kind: .hostility, pos: "verb", forms: ["attacked"])])
        let mask = lexicon.ruleMasks[0]
        func allows(_ rule: RelationRule) -> Bool {
            mask & 1 << RelationRule.all.firstIndex { $0.name == rule.name }! != 0
        }
        XCTAssertTrue(allows(.verbObject))
        XCTAssertTrue(allows(.pairAnaphor))
        XCTAssertFalse(allows(.prepositionalObject), "a cue without prepositions has no prepositional object")
        XCTAssertFalse(allows(.perceptionActive), "only a threat is perceived")
    }

    func testAFormOfOneCueNamesItsCueAndAFormOfTwoNamesNone() {
        let lexicon = lexicon([
            RelationCue(id: "pact", kind: .alliance, pos: "noun", forms: ["pact"]),
            RelationCue(id: "talks", kind: .contact, pos: "noun", forms: ["talks"]),
            RelationCue(id: "talks-verb", kind: .contact, pos: "verb", forms: ["talks"]),
        ])
        func node(_ word: String) -> Int32 {
            let key = self.key(word)
            return lexicon.cueTrie.longestMatchEnd(from: 0, key: { $0 == 0 ? key : nil })!.node
        }
        XCTAssertEqual(lexicon.soleCue[Int(node("pact"))], 0)
        XCTAssertEqual(lexicon.soleCue[Int(node("talks"))], -1, "two cues share the form")
        XCTAssertEqual(lexicon.soleCue[0], -1, "the root ends no form")
    }

    func testARuleWordSetHoldsItsWordsInAnyCase() {
        let lexicon = lexicon([])
        XCTAssertTrue(lexicon.word(key("Against"), isIn: .obliqueMarkers))
        XCTAssertTrue(lexicon.word(key("were"), isIn: .passiveAuxiliaries))
    }

    func testARuleWordSetLacksTheWordsOfTheOthers() {
        let lexicon = lexicon([])
        XCTAssertFalse(lexicon.word(key("against"), isIn: .determiners))
        XCTAssertFalse(lexicon.word(key("Japan"), isIn: .obliqueMarkers))
    }

    func testEveryRuleWordSetIsBuilt() {
        let lexicon = lexicon([])
        for set in RuleWordSet.allCases {
            XCTAssertTrue(set.words.allSatisfy { lexicon.word(key($0), isIn: set) }, "\(set)")
        }
    }
}
