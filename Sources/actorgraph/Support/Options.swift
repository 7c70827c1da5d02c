import ActorExtraction
import ArgumentParser
import Foundation
import GraphRendering

/// Options that shape extraction.
struct ExtractionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The articles' date (YYYY-MM-DD); it overrides front matter and resolves who held an office.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("A YAML or JSON file of actors to add, or aliases to add to known actors: actors: [{id, name, kind, country, aliases}].", valueName: "file"))
    var actors: String?

    func validate() throws {
        if let date, date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--date '\(date)' is not a date of the form YYYY-MM-DD")
        }
    }

    func makeExtractor() throws -> Extractor {
        do {
            let extensions = try actors.map { path -> [ActorExtension] in
                // Read and decoded like every input, so its messages and encodings are theirs.
                let (text, warnings) = try ArticleLoader.decode(InputFile.read(path), origin: path)
                for warning in warnings { Console.warning(warning) }
                return try ActorExtension.parse(text, yaml: ActorExtension.isYAML(path), origin: path)
            } ?? []
            return try Extractor(extensions: extensions)
        } catch let error as ResourceError {
            throw CommandFailure(error.description)
        }
    }
}

/// Where and how to write the result.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The output file; its extension picks the format. Default: standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The output format: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("The Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")). Default: dot for small graphs, sfdp for large ones.", valueName: "engine"))
    var engine: String?

    @Flag(help: "Make SVG for inlining in HTML: no XML prolog or DOCTYPE, width 100% with a viewBox, ids unique to the graph.")
    var embed = false

    @Option(help: ArgumentHelp("Seconds a Graphviz layout may take before it is stopped (large graphs and batches render in a separate process).", valueName: "seconds"))
    var timeLimit: Double = 60

    /// The format named by `--format`, else by the output's extension, else `fallback`.
    func resolvedFormat(fallback: RenderFormat) throws -> RenderFormat {
        if let format {
            guard let resolved = RenderFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown format '\(format)' (known: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return resolved
        }
        if let output, output != "-" {
            let pathExtension = URL(fileURLWithPath: output).pathExtension
            guard let resolved = RenderFormat(pathExtension: pathExtension) else {
                throw ValidationError("cannot tell the format from '\(output)'; name it with --format (\(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return resolved
        }
        return fallback
    }

    func resolvedEngine() throws -> LayoutEngine? {
        guard let engine else { return nil }
        guard let resolved = LayoutEngine(rawValue: engine.lowercased()) else {
            throw ValidationError("unknown engine '\(engine)' (known: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return resolved
    }

    func validate() throws {
        let format = try resolvedFormat(fallback: .json)
        _ = try resolvedEngine()
        if embed && format != .svg {
            throw ValidationError("--embed applies to SVG output, not \(format.rawValue)")
        }
        guard timeLimit > 0, timeLimit.isFinite else {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }
}
