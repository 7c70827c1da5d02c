import ActorExtraction
import ActorGraph
import Foundation
import XCTest

/// Runs the fixture suite of hand-written sentences with their expected edges and scores
/// the extractor per relation kind.
final class RelationFixtureTests: XCTestCase {
    struct Fixture: Decodable {
        struct Edge: Decodable, Hashable {
            var source: String
            var target: String
            var kind: RelationKind
            var modality: Modality?
            var attributedTo: String?
        }
        var id: String
        var text: String
        var date: String?
        var edges: [Edge]
    }

    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The tuning suite (`relations`), the suite written apart from the rules and then
    /// partly tuned on (`heldout`), and the suite kept blind: never read while tuning (`blind`).
    static func loadFixtures(_ name: String = "relations") throws -> [Fixture] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "jsonl"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return try lines.map { try JSONDecoder().decode(Fixture.self, from: Data($0.utf8)) }
    }

    /// Scores every fixture; returns per-kind scores plus modality and speaker agreement on found edges.
    static func evaluate(_ fixtures: [Fixture], with extractor: Extractor) -> (perKind: [RelationKind: Score], modality: Double, speaker: Double, misses: [String]) {
        var perKind: [RelationKind: Score] = [:]
        var modalityAgreement = (0, 0)
        var speakerAgreement = (0, 0)
        var misses: [String] = []
        for fixture in fixtures {
            let graph = extractor.extract(ArticleText(parsing: fixture.text, fallbackID: fixture.id, date: fixture.date))
            var predicted: [String: Evidence] = [:]
            // Offices known from the gazetteer are facts about people, not statements of the
            // sentence; the suite scores what the text states.
            for relation in graph.relations where relation.evidence.contains(where: { $0.rule != "gazetteer-office" }) {
                predicted["\(relation.source) \(relation.kind.rawValue) \(relation.target)"] = relation.evidence.first
            }
            var expectedKeys: Set<String> = []
            for edge in fixture.edges {
                let key = "\(edge.source) \(edge.kind.rawValue) \(edge.target)"
                expectedKeys.insert(key)
                if let found = predicted[key] {
                    perKind[edge.kind, default: Score()].truePositives += 1
                    modalityAgreement.1 += 1
                    if found.modality == (edge.modality ?? .asserted) { modalityAgreement.0 += 1 }
                    speakerAgreement.1 += 1
                    if found.attributedTo == edge.attributedTo { speakerAgreement.0 += 1 }
                } else {
                    perKind[edge.kind, default: Score()].falseNegatives += 1
                    misses.append("\(fixture.id): missed \(key)")
                }
            }
            for (key, _) in predicted where !expectedKeys.contains(key) {
                let kind = RelationKind(rawValue: String(key.split(separator: " ")[1]))!
                perKind[kind, default: Score()].falsePositives += 1
                misses.append("\(fixture.id): spurious \(key)")
            }
        }
        func rate(_ pair: (Int, Int)) -> Double { pair.1 == 0 ? 1 : Double(pair.0) / Double(pair.1) }
        return (perKind, rate(modalityAgreement), rate(speakerAgreement), misses)
    }

    func testFixtureSuiteCoversEveryKindWithEnoughSentences() throws {
        let fixtures = try Self.loadFixtures()
        XCTAssertGreaterThanOrEqual(fixtures.count, 150)
        let ids = fixtures.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "fixture ids must be unique")
        for kind in RelationKind.allCases {
            XCTAssertGreaterThanOrEqual(fixtures.filter { $0.edges.contains { $0.kind == kind } }.count, 10, kind.rawValue)
        }
        XCTAssertFalse(fixtures.filter(\.edges.isEmpty).isEmpty, "negative fixtures are part of the suite")
    }

    /// A floor, not a target: raise it when the extractor improves, so it cannot slip back.
    func testExtractorScoresAboveTheFloorOnTheFixtureSuite() throws {
        try assertScores(on: "relations", above: FixtureFloor.tuning)
    }

    /// Sentences the rules were not written for: the figures to quote for unseen text.
    func testExtractorScoresAboveTheFloorOnTheHeldOutSuites() throws {
        try assertScores(on: "heldout", above: FixtureFloor.heldOut)
        try assertScores(on: "blind", above: FixtureFloor.blind)
    }

    /// Foundation's `%-13@` does not pad on Linux.
    private static func padded(_ name: String) -> String { name.padding(toLength: 13, withPad: " ", startingAt: 0) }

    private func assertScores(on name: String, above floor: (f1: Double, precision: Double)) throws {
        let result = Self.evaluate(try Self.loadFixtures(name), with: try Extractor())
        var total = Score()
        var report = "suite \(name)\nkind          precision  recall   f1     (tp/fp/fn)\n"
        for kind in RelationKind.allCases {
            let score = result.perKind[kind] ?? Score()
            total.truePositives += score.truePositives
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
            report += Self.padded(kind.rawValue) + String(format: " %6.2f    %6.2f   %5.2f  (%d/%d/%d)\n", score.precision, score.recall, score.f1,
                             score.truePositives, score.falsePositives, score.falseNegatives)
        }
        report += Self.padded("all") + String(format: " %6.2f    %6.2f   %5.2f  (%d/%d/%d)\n", total.precision, total.recall, total.f1,
                         total.truePositives, total.falsePositives, total.falseNegatives)
        report += String(format: "modality agreement on found edges %.2f, speaker agreement %.2f\n", result.modality, result.speaker)
        print(report)
        if ProcessInfo.processInfo.environment["ACTORGRAPH_FIXTURE_MISSES"] != nil { print(result.misses.joined(separator: "\n")) }
        XCTAssertGreaterThanOrEqual(total.f1, floor.f1, report)
        XCTAssertGreaterThanOrEqual(total.precision, floor.precision, report)
    }
}

/// The scores the extractor must keep on each suite.
enum FixtureFloor {
    static let tuning = (f1: 0.90, precision: 0.96)
    static let heldOut = (f1: 0.75, precision: 0.92)
    static let blind = (f1: 0.66, precision: 0.82)
}
