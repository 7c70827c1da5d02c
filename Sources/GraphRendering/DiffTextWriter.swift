import ActorGraph

/// Writes a diff as a summary a reader takes in at a glance: the two sides, the
/// similarity, the conflicts of framing, then the relations and actors only one side has
/// and the relations both state differently.
///
/// ```
/// A  tokyo.md
///    Tokyo and Washington deepen their alliance · The Meridian Ledger · 2023-01-14
/// B  moscow.md
///    Washington tightens its hold on Tokyo · Northern Courier · 2023-01-15
///
/// similarity 0.25 (weighted 0.20): 2 relations in both, 3 only in A, 3 only in B, 1 stated differently
///
/// Conflicts of framing
///   ! Japan – United States
///       A: alliance
///       B: dependence (Japan → United States)
/// Only in A
///   - Japan — United States   alliance ×2
/// ```
///
/// With ``colored`` set, lines carry ANSI colours: red for A only, green for B only,
/// yellow for changes, magenta for conflicts; meant for a terminal, not a pipe.
public struct DiffTextWriter: Sendable {
    /// Whether to colour the lines with ANSI escape codes.
    public var colored: Bool

    /// Creates a writer.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The summary text, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the diff.
    public func text(for diff: GraphDiff) -> String {
        var lines = header(diff)
        lines.append("")
        guard !diff.isEmpty else {
            lines.append("No differences: both sides state the same \(count(diff.relations.count, "relation")) between the same \(count(diff.actors.count, "actor")).")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(summary(diff))
        lines += conflictSection(diff)
        lines += relationSection("Only in A", diff.removed, mark: "-", color: .red, diff: diff)
        lines += relationSection("Only in B", diff.added, mark: "+", color: .green, diff: diff)
        lines += relationSection("Stated differently", diff.changed, mark: "~", color: .yellow, diff: diff)
        lines += actorSection("Actors only in A", diff.removedActors, mark: "-", color: .red)
        lines += actorSection("Actors only in B", diff.addedActors, mark: "+", color: .green)
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ diff: GraphDiff) -> [String] {
        var lines: [String] = []
        for (name, side) in [("A", diff.a), ("B", diff.b)] {
            lines.append(paint("\(name)  \(side.displayName)", .bold))
            if let byline = side.byline, byline != side.displayName { lines.append("   \(byline)") }
        }
        return lines
    }

    private func summary(_ diff: GraphDiff) -> String {
        var parts = [
            "\(count(diff.unchanged.count, "relation")) in both",
            "\(diff.removed.count) only in A",
            "\(diff.added.count) only in B",
            "\(diff.changed.count) stated differently",
        ]
        if !diff.conflicts.isEmpty { parts.append(count(diff.conflicts.count, "conflict") + " of framing") }
        let scores = "similarity \(DiffScore.format(diff.similarity)) (weighted \(DiffScore.format(diff.weightedSimilarity)))"
        return paint(scores, .bold) + ": " + parts.joined(separator: ", ")
    }

    /// Each conflicting pair on its own line, then what each side says of it, one side a
    /// line, because the two readings are what the reader compares.
    private func conflictSection(_ diff: GraphDiff) -> [String] {
        guard !diff.conflicts.isEmpty else { return [] }
        var lines = ["", paint("Conflicts of framing", .bold)]
        for conflict in diff.conflicts {
            lines.append(paint("  ! \(name(conflict.actors[0], in: diff)) – \(name(conflict.actors[1], in: diff))", .magenta))
            for (side, keys) in [("A", conflict.a), ("B", conflict.b)] {
                lines.append("      \(side): " + keys.map { kindPhrase($0, diff: diff) }.joined(separator: ", "))
            }
        }
        return lines
    }

    private func relationSection(_ title: String, _ comparisons: [RelationComparison], mark: String, color: ANSI, diff: GraphDiff) -> [String] {
        let rows = comparisons.map { comparison -> (String, String) in
            var detail = DiffWording.label(comparison)
            if comparison.status == .changed, let a = comparison.a, let b = comparison.b {
                detail = comparison.key.kind.rawValue + "   " + comparison.changes.map { aspect in
                    "\(aspect.rawValue) \(DiffWording.change(of: aspect, from: a, to: b))"
                }.joined(separator: "; ")
            }
            return (pairPhrase(comparison.key, diff: diff), detail)
        }
        return section(title, rows, mark: mark, color: color)
    }

    private func actorSection(_ title: String, _ actors: [Actor], mark: String, color: ANSI) -> [String] {
        section(title, actors.map { ("\($0.name) (\($0.id), \($0.kind.rawValue))", "") }, mark: mark, color: color)
    }

    /// A titled list of rows, the first column padded so the second lines up.
    private func section(_ title: String, _ rows: [(String, String)], mark: String, color: ANSI) -> [String] {
        guard !rows.isEmpty else { return [] }
        let width = min(44, rows.map(\.0.count).max() ?? 0)
        let lines = rows.map { first, second in
            let padded = second.isEmpty ? first : first + String(repeating: " ", count: max(0, width - first.count)) + "   " + second
            return paint("  \(mark) \(padded)", color)
        }
        return [""] + [paint(title, .bold)] + lines
    }

    /// `Japan — United States` for a symmetric relation, `Russia → Japan` for a directed one.
    private func pairPhrase(_ key: RelationKey, diff: GraphDiff) -> String {
        "\(name(key.source, in: diff)) \(key.kind.isDirected ? "→" : "—") \(name(key.target, in: diff))"
    }

    /// A kind within a conflict, with its direction where it has one.
    private func kindPhrase(_ key: RelationKey, diff: GraphDiff) -> String {
        key.kind.isDirected ? "\(key.kind.rawValue) (\(pairPhrase(key, diff: diff)))" : key.kind.rawValue
    }

    private func name(_ id: String, in diff: GraphDiff) -> String { diff.actor(id: id)?.name ?? id }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private enum ANSI: String {
        case bold = "1", red = "31", green = "32", yellow = "33", magenta = "35"
    }

    private func paint(_ text: String, _ color: ANSI) -> String {
        colored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
