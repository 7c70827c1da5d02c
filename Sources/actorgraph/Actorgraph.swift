import ActorExtraction
import ArgumentParser
import Foundation

/// The `actorgraph` command: extract actor graphs from articles and draw them.
@main
struct Actorgraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Turn news and opinion articles into graphs of geopolitical actors and the relations the text states.",
        discussion: """
        With no subcommand, actorgraph extracts the graph of the articles and writes it in the
        format that -o's extension names: .svg, .png, .pdf (drawings with a legend), .dot,
        .json, .graphml, .gexf, .mmd (Mermaid), .csv (edge list) or .html (drawing and
        evidence table in one page).

        Examples:
          actorgraph article.txt -o graph.svg          draw one article
          actorgraph a.md b.md --date 2023-01-12 -o merged.json
          cat article.txt | actorgraph - --format dot  read standard input, print DOT
          actorgraph extract article.txt -o graph.json
          actorgraph render graph.json -o graph.svg --engine neato
          actorgraph diff tokyo.md moscow.md           what two articles state differently
          actorgraph report a.md b.md -o report.html  drawings, evidence, differences

        Exit status: 0 on success, 1 when some inputs of a batch failed (the rest is
        written), 2 on a usage error or when nothing could be read.
        """,
        version: "0.1.0",
        subcommands: [Draw.self, Extract.self, Render.self, Merge.self, Diff.self, Report.self, RenderWorker.self],
        defaultSubcommand: Draw.self
    )

    /// Runs the command, printing every failure as one line on standard error.
    static func main() {
        InterruptCleanup.install()
        // Read while the arguments are parsed: the gazetteer takes most of a short run's time.
        if readsArticles(CommandLine.arguments.dropFirst()) { Extractor.startLoadingBuiltInResources() }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Console.error(failure.message)
            Foundation.exit(failure.exitCode)
        } catch let status as ExitCode {
            // A verdict, not a failure: `diff` exits 1 when the graphs differ.
            Foundation.exit(status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit || code.rawValue == 0 {
                exit(withError: error)
            }
            // One line, as DESIGN.md promises: the message without the usage block.
            let message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "\n", with: "; ")
            Console.error(message)
            Foundation.exit(2)
        }
    }

    /// Whether a command line most likely extracts articles: every command but those
    /// that mostly read graphs (`render`, `merge`, which read the resources only when an
    /// input is an article) and help. A guess from the first argument, to start reading
    /// the resources early; the command itself reads them when it needs them.
    static func readsArticles(_ arguments: ArraySlice<String>) -> Bool {
        guard let first = arguments.first else { return false }
        let others = ["render", "merge", RenderCommandSupport.workerCommand, "help", "-h", "--help", "--version", "--experimental-dump-help"]
        return !others.contains(first)
    }
}
