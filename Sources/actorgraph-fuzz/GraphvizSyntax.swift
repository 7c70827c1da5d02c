import CGraphviz
import Foundation

/// Reads DOT with Graphviz's own parser, without laying it out: the cheap half of a
/// render, so that every fuzz input can check the DOT writer's escaping.
///
/// The harness runs one input at a time on one thread, and Graphviz's parser is only
/// entered from here or from the renderer's locked section on that same thread.
enum GraphvizSyntax {
    static func counts(of dot: String) throws -> (nodes: Int, edges: Int) {
        actorgraph_silence_graphviz_errors()
        agreseterrors()
        guard let graph = dot.withCString({ agmemread($0) }) else {
            let message = aglasterr().map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            }
            throw PropertyFailure(description: "Graphviz could not read the DOT: \(message ?? "syntax error")\n\(dot)")
        }
        defer { agclose(graph) }
        return (Int(agnnodes(graph)), Int(agnedges(graph)))
    }
}
