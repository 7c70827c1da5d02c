#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The render worker's side of isolation: a loop that reads DOT requests on standard
/// input, renders each with ``GraphvizRenderer``, and answers on standard output.
///
/// The hidden `actorgraph render-worker` command runs it; ``IsolatedRenderer`` starts that
/// command as a child process. If Graphviz crashes, only this process dies.
public enum RenderWorkerService {
    /// Serves requests until standard input closes.
    ///
    /// - Returns: the exit status: 0 when the parent closed the stream, 1 when the stream
    ///   broke.
    public static func serve() -> Int32 {
        // Answers go to a private copy of standard output; whatever a library prints
        // goes to /dev/null instead of corrupting the stream.
        let answers = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        if answers < 0 || null < 0 { return 1 }
        dup2(null, STDOUT_FILENO)
        close(null)
        let reader = DescriptorReader(descriptor: STDIN_FILENO, deadline: nil)
        do {
            while let request = try RenderWorkerProtocol.readRequest(from: reader) {
                try DescriptorWriter.write(RenderWorkerProtocol.encode(answer(request)), to: answers)
            }
            return 0
        } catch {
            return 1
        }
    }

    static func answer(_ request: RenderWorkerProtocol.Request) -> RenderWorkerProtocol.Response {
        guard let engine = LayoutEngine(rawValue: request.engine) else {
            return .failed("unknown layout engine '\(request.engine)'")
        }
        do {
            return .rendered(try GraphvizRenderer.shared.render(dot: request.dot, format: request.format, engine: engine))
        } catch {
            return .failed("\(error)")
        }
    }
}
