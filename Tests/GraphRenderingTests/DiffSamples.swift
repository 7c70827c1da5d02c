import ActorGraph
import TestSupport

/// A diff with one of everything: a shared relation, one only in A, one only in B, one
/// changed, a conflict of framing, and an actor on each side only.
func sampleDiff(labelA: String = "tokyo.md", labelB: String = "moscow.md") -> GraphDiff {
    typealias S = GraphBuilders.Statement
    let a = GraphBuilders.graph(article: "tokyo", relations: [
        S("CHN", "RUS", .cooperation), S("JPN", "USA", .alliance), S("RUS", "JPN", .threat), S("rishi-sunak", "GBR", .affiliation),
    ])
    let b = GraphBuilders.graph(article: "moscow", relations: [
        S("CHN", "RUS", .cooperation), S("JPN", "USA", .dependence), S("RUS", "JPN", .threat, [.hypothetical]), S("dmitry-peskov", "RUS", .affiliation),
    ])
    var diff = a.diff(to: b)
    diff.a.label = labelA
    diff.b.label = labelB
    return diff
}
