import ActorGraph
import ArgumentParser
import Foundation
import GraphRendering

/// `actorgraph diff`: what two articles, graphs or corpora state differently.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the graphs of two articles, graph JSON files or folders: which relations one states and the other does not.",
        discussion: """
        A and B are articles, graph JSON files, or folders of them (each folder is merged \
        first). Relations are matched by source, target and kind; "added" means in B only, \
        "removed" in A only, "changed" in both with a different weight, modality mix or \
        speaker; a conflict of framing is a pair of actors each side relates by a kind the \
        other does not state (A says alliance, B says dependence). The filters apply to \
        both sides before the comparison.

        Examples:
          actorgraph diff tokyo.md moscow.md
          actorgraph diff tokyo.md moscow.md --format svg -o diff.svg
          actorgraph diff january/ february/ --format json --asserted-only

        Exit status, as diff(1): 0 when the graphs are the same, 1 when they differ, \
        2 on trouble (an input that cannot be read, a bad option).
        """
    )

    @Argument(help: ArgumentHelp("Side A: an article, a graph JSON file or a folder of them; - reads standard input.", valueName: "a"))
    var a: String

    @Argument(help: ArgumentHelp("Side B: an article, a graph JSON file or a folder of them.", valueName: "b"))
    var b: String

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file; its extension picks the format. Default: standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The output format: \(DiffFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: text.", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("The Graphviz layout engine for svg, png and pdf: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "engine"))
    var engine: String?

    @Option(help: ArgumentHelp("Colour the text: auto (when standard output is a terminal and NO_COLOR is unset), always, never.", valueName: "when"))
    var color: String = "auto"

    func validate() throws {
        _ = try resolvedFormat()
        _ = try resolvedEngine()
        guard ["auto", "always", "never"].contains(color) else {
            throw ValidationError("unknown --color '\(color)' (known: auto, always, never)")
        }
        if a == "-" && b == "-" { throw ValidationError("only one side can read standard input") }
    }

    func run() throws {
        let pathsA = try InputPaths.expand([a])
        let pathsB = try InputPaths.expand([b])
        try InputFiles(pathsA + pathsB + [extraction.actors]).check(output: output)
        let (unfilteredA, failuresA) = try side(pathsA)
        let (unfilteredB, failuresB) = try side(pathsB)
        let filtered = try filters.apply(to: [unfilteredA, unfilteredB])
        var diff = filtered[0].diff(to: filtered[1])
        diff.a.label = a
        diff.b.label = b
        let renderer = DiffRenderer(textWriter: DiffTextWriter(colored: colored), engine: try resolvedEngine())
        let data: Data
        do {
            data = try renderer.render(diff, as: try resolvedFormat())
        } catch let error as RenderError {
            throw CommandFailure("\(output ?? "standard output"): \(error.description)")
        }
        try OutputWriter.write(data, to: output)
        // Trouble outranks difference, as in diff(1): a comparison missing inputs is not a verdict.
        let failures = failuresA + failuresB
        if !failures.isEmpty {
            throw CommandFailure("\(failures.count) inputs could not be read (\(CommandFailure.listing(failures))); the comparison leaves them out")
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }

    /// One side's graph: its files read and merged.
    private func side(_ paths: [String]) throws -> (Graph, failures: [String]) {
        try GraphInputs(extraction: extraction).graph(of: paths, acceptGraphJSON: true)
    }

    private var colored: Bool {
        switch color {
        case "always": return true
        case "never": return false
        default:
            let toTerminal = output == nil || output == "-"
            return toTerminal && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    private func resolvedFormat() throws -> DiffFormat {
        let known = DiffFormat.allCases.map(\.rawValue).joined(separator: ", ")
        if let format {
            guard let resolved = DiffFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown format '\(format)' (known: \(known))")
            }
            return resolved
        }
        guard let output, output != "-" else { return .text }
        guard let resolved = DiffFormat(pathExtension: URL(fileURLWithPath: output).pathExtension) else {
            throw ValidationError("cannot tell the format from '\(output)'; name it with --format (\(known))")
        }
        return resolved
    }

    private func resolvedEngine() throws -> LayoutEngine? {
        guard let engine else { return nil }
        guard let resolved = LayoutEngine(rawValue: engine.lowercased()) else {
            throw ValidationError("unknown engine '\(engine)' (known: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return resolved
    }
}
