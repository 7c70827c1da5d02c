import ActorGraph
import Foundation

/// A short, stable digest of a graph's content.
///
/// It names a drawing's ids (`ag3f9a…`), so two different graphs inlined in one page
/// never share an id while the same graph always gets the same ids (deterministic output).
enum GraphFingerprint {
    /// `ag` and 12 hex digits of the 64-bit FNV-1a hash of the graph's canonical JSON, in
    /// its compact form (``Graph/jsonLine()``).
    ///
    /// - Complexity: O(n) in the size of the graph.
    static func idPrefix(for graph: Graph) -> String {
        // The compact JSON, so that ids follow the graph's content and not the indented
        // document's layout; in one buffer, as stepping through String.UTF8View took longer
        // than writing the JSON.
        let hash = graph.jsonLine().withUnsafeBytes { fnv1a($0) }
        return "ag" + hex(hash).prefix(12)
    }

    /// The 64-bit FNV-1a hash; not cryptographic, only stable across runs and platforms.
    static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
