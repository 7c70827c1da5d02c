import ActorGraph
import GraphRendering
import XCTest

final class ThemeTests: XCTestCase {
    private let theme = Theme.standard

    func testHostilityIsTheThickestKind() {
        let others = RelationKind.allCases.filter { $0 != .hostility }
        XCTAssertTrue(others.allSatisfy { theme.edge($0).baseWidth < theme.edge(.hostility).baseWidth })
    }

    func testSymmetricKindsHaveNoArrowheads() {
        for kind in RelationKind.allCases where !kind.isDirected {
            XCTAssertEqual(theme.edge(kind).arrowhead, "none", kind.rawValue)
        }
    }

    func testDependenceIsDottedWithAnOpenArrow() {
        XCTAssertEqual(theme.edge(.dependence).style, "dotted")
        XCTAssertEqual(theme.edge(.dependence).arrowhead, "empty")
    }

    func testNegativeKindsDarkenFromDisputeToHostility() {
        let ramp: [RelationKind] = [.dispute, .criticism, .threat, .hostility]
        let lightness = ramp.map { kind -> Int in
            let hex = theme.edge(kind).color.dropFirst()
            return stride(from: 0, to: 6, by: 2).map { Int(hex.dropFirst($0).prefix(2), radix: 16)! }.reduce(0, +)
        }
        XCTAssertEqual(lightness, lightness.sorted(by: >), "\(lightness)")
    }

    func testPenWidthGrowsWithWeightUpToACap() {
        XCTAssertLessThan(theme.penWidth(.threat, weight: 1), theme.penWidth(.threat, weight: 2))
        XCTAssertEqual(theme.penWidth(.threat, weight: 100), theme.edge(.threat).baseWidth * 2.5)
    }

    func testEveryActorKindHasItsOwnShape() {
        XCTAssertEqual(Set(ActorKind.allCases.map { theme.node($0).shape }).count, ActorKind.allCases.count)
    }
}
