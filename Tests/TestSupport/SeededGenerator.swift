/// A deterministic random number generator, so that property tests over shuffles and
/// groupings fail the same way every run.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }

    /// A number in `0..<bound`.
    public mutating func next(below bound: Int) -> Int {
        Int((next() >> 33) % UInt64(bound))
    }
}
