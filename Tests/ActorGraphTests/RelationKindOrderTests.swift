@testable import ActorGraph
import XCTest

/// The order relation kinds sort in, which relation keys and merged graphs follow.
final class RelationKindOrderTests: XCTestCase {
    func testDeclarationIndexIsTheKindsPlaceInAllCases() {
        XCTAssertEqual(RelationKind.allCases.map(\.declarationIndex), Array(RelationKind.allCases.indices))
    }

    func testKindsSortInDeclarationOrder() {
        XCTAssertEqual(RelationKind.allCases.reversed().sorted(), RelationKind.allCases)
        XCTAssertLessThan(RelationKind.alliance, RelationKind.affiliation)
        XCTAssertFalse(RelationKind.threat < RelationKind.threat)
    }
}
