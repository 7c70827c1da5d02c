import CGraphviz
import Foundation

/// Why Graphviz could not lay out or render a graph.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let description: String
}

/// Lays out DOT text and renders it through libgvc, in process, without temporary files.
///
/// Graphviz is not thread-safe, even with one context per thread, so every
/// parse–layout–render–free sequence runs under one process-wide lock.
///
/// ```swift
/// let svg = try GraphvizRenderer.shared.render(dot: dot, format: "svg", engine: .dot)
/// ```
public final class GraphvizRenderer: @unchecked Sendable {
    /// The one renderer of the process; its lock guards every call into Graphviz.
    public static let shared = GraphvizRenderer()

    private let lock = NSLock()
    // Guarded by `lock`; created on first use and kept for the life of the process,
    // because loading the plugin registry costs more than a small render.
    private var context: OpaquePointer?

    private init() {}

    /// Renders `dot` to `format` (`svg`, `png`, `pdf`, …) with `engine`.
    ///
    /// - Throws: ``RenderError`` when the DOT does not parse, the engine or format is
    ///   unknown, or Graphviz reports an error.
    public func render(dot: String, format: String, engine: LayoutEngine) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        let gvc = try openContext()
        agreseterrors()
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw RenderError(description: "Graphviz could not parse the DOT: \(lastError() ?? "syntax error")")
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
            throw RenderError(description: "Graphviz layout with \(engine.rawValue) failed: \(lastError() ?? "unknown engine")")
        }
        defer { gvFreeLayout(gvc, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format, &buffer, &length) == 0, let buffer else {
            throw RenderError(description: "Graphviz could not render \(format): \(lastError() ?? "unknown format")")
        }
        defer { gvFreeRenderData(buffer) }
        if agerrors() > 0, let message = lastError() {
            throw RenderError(description: "Graphviz reported an error while rendering \(format): \(message)")
        }
        return Data(bytes: buffer, count: Int(length))
    }

    private func openContext() throws -> OpaquePointer {
        if let context { return context }
        actorgraph_silence_graphviz_errors()
        guard let created = gvContext() else { throw RenderError(description: "Graphviz could not start (gvContext failed)") }
        context = created
        return created
    }

    private func lastError() -> String? {
        guard let message = aglasterr() else { return nil }
        defer { free(message) }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text.replacingOccurrences(of: "\n", with: "; ")
    }
}
