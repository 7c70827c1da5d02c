@testable import ActorGraph
import XCTest

/// The order actor kinds sort in, which a merge follows when two records of one actor differ.
final class ActorKindOrderTests: XCTestCase {
    func testDeclarationIndexIsTheKindsPlaceInAllCases() {
        XCTAssertEqual(ActorKind.allCases.map(\.declarationIndex), Array(ActorKind.allCases.indices))
    }

    func testKindsSortInDeclarationOrder() {
        XCTAssertEqual(ActorKind.allCases.reversed().sorted(), ActorKind.allCases)
        XCTAssertLessThan(ActorKind.state, ActorKind.group)
        XCTAssertFalse(ActorKind.person < ActorKind.person)
    }
}
