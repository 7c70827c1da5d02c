import ArgumentParser
import Foundation
import GraphRendering

/// `actorgraph render-worker` (hidden): the child process that renders DOT for its parent,
/// so that a Graphviz crash or runaway layout costs one render, not the program.
///
/// It speaks ``RenderWorkerService``'s length-prefixed protocol on standard input and
/// output and exits when standard input closes. People never run it themselves.
struct RenderWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: RenderCommandSupport.workerCommand,
        abstract: "Serve Graphviz renders to a parent actorgraph process (internal).",
        shouldDisplay: false
    )

    func run() throws {
        let status = RenderWorkerService.serve()
        if status != 0 { throw ExitCode(status) }
    }
}
