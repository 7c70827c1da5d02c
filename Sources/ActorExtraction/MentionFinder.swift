/// A stretch of tokens that names a gazetteer actor.
struct FoundMention: Sendable {
    /// Token indexes of the mention.
    var tokens: Range<Int>
    /// Index of the actor in the gazetteer.
    var actor: Int32
    /// How the phrase names the actor.
    var form: Gazetteer.Form
}

/// Finds the actors an article names, in one pass over its tokens.
///
/// At each token the longest listed phrase wins ("China Daily" over "China"); a person's
/// bare surname counts once the article has named that person in full; an ambiguous
/// alias ("Georgia") counts only when the article also names the actor unambiguously.
struct MentionFinder {
    let gazetteer: Gazetteer

    /// - Complexity: O(n · k) for n tokens and phrases at most k tokens long.
    func mentions(in tokens: [Token]) -> [FoundMention] {
        var found: [FoundMention] = []
        var ambiguousOnly: [Int: Bool] = [:]
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord else { index += 1; continue }
            if let match = gazetteer.phrases.longestMatch(from: index, key: { $0 < tokens.count ? TokenHash.nameKey(tokens[$0]) : nil }) {
                let surface = best(match.payloads)
                found.append(FoundMention(tokens: index..<(index + match.length), actor: surface.actor, form: surface.form))
                let id = Int(surface.actor)
                ambiguousOnly[id] = (ambiguousOnly[id] ?? true) && surface.ambiguous
                index += match.length
            } else {
                index += 1
            }
        }
        found.removeAll { ambiguousOnly[Int($0.actor)] == true }
        return merge(found, surnameMentions(in: tokens, covered: found, named: Set(found.map(\.actor))))
    }

    /// Prefers a full name over a metonym over a demonym; among equals, the first listed.
    private func best(_ surfaces: [Gazetteer.Surface]) -> Gazetteer.Surface {
        surfaces.min { ($0.ambiguous ? 1 : 0, $0.form) < ($1.ambiguous ? 1 : 0, $1.form) }!
    }

    private func surnameMentions(in tokens: [Token], covered: [FoundMention], named: Set<Int32>) -> [FoundMention] {
        guard gazetteer.surnames.count > 0 else { return [] }
        var isCovered = [Bool](repeating: false, count: tokens.count)
        for mention in covered { for index in mention.tokens { isCovered[index] = true } }
        var found: [FoundMention] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, tokens[index].isCapitalised, !isCovered[index],
                  let match = gazetteer.surnames.longestMatch(from: index, key: { $0 < tokens.count ? tokens[$0].exact : nil }),
                  let surface = match.payloads.first(where: { named.contains($0.actor) }),
                  match.payloads.filter({ named.contains($0.actor) }).count == 1
            else { index += 1; continue }
            found.append(FoundMention(tokens: index..<(index + match.length), actor: surface.actor, form: .surname))
            index += match.length
        }
        return found
    }

    private func merge(_ a: [FoundMention], _ b: [FoundMention]) -> [FoundMention] {
        guard !b.isEmpty else { return a }
        return (a + b).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}
