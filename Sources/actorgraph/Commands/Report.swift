import ArgumentParser
import Foundation
import GraphRendering

/// `actorgraph report`: one page per set of articles, with drawings, evidence and diffs.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a report of one or more inputs: each graph drawn, its evidence sentence by sentence, and how each input differs from the first.",
        discussion: """
        -o report.html writes one self-contained page (no scripts, nothing loaded from
        elsewhere); -o report.md writes Markdown with the drawings as SVG files beside it
        (report-1-<article>.svg, …). Inputs are articles or graph JSON files; each gets its
        own section. Drawings render in a separate process, so one that fails is reported
        in its place and the rest of the report is still written (exit status 1).

        Examples:
          actorgraph report tokyo.md moscow.md -o report.html
          actorgraph report graph.json -o report.md
        """
    )

    @Argument(help: ArgumentHelp("Articles (.txt, .md) or graph JSON files; - reads an article from standard input.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var extraction: ExtractionOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The report file: .html (self-contained) or .md (SVG files go beside it).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")). Default: by graph size.", valueName: "engine"))
    var engine: String?

    @Option(help: ArgumentHelp("Seconds one drawing may take before it is stopped.", valueName: "seconds"))
    var timeLimit: Double = 60

    private enum Kind { case html, markdown }

    func validate() throws {
        _ = try kind()
        if let engine, LayoutEngine(rawValue: engine.lowercased()) == nil {
            throw ValidationError("unknown engine '\(engine)' (known: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let inputFiles = InputFiles(inputs + [extraction.actors])
        try inputFiles.check(output: output)
        let (loaded, inputFailures) = try GraphInputs(extraction: extraction).loaded(inputs, acceptGraphJSON: true)
        let sections = loaded.map { ReportSection(name: $0.path, graph: $0.graph, texts: $0.texts) }
        let renderer = GraphRenderer(
            engine: engine.flatMap { LayoutEngine(rawValue: $0.lowercased()) },
            isolatedRenderer: RenderCommandSupport.isolatedRenderer(timeLimit: timeLimit), isolatesEveryRender: true
        )
        let report: ReportOutput
        switch try kind() {
        case .html:
            report = HTMLReportWriter(renderer: renderer).html(for: sections)
        case .markdown:
            let stem = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
            report = MarkdownReportWriter(renderer: renderer, attachmentStem: stem).markdown(for: sections)
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        for attachment in report.attachments {
            let path = folder.appendingPathComponent(attachment.name).path
            try inputFiles.check(output: path)
            try OutputWriter.write(attachment.data, to: path)
        }
        try OutputWriter.write(Data(report.text.utf8), to: output)
        for failure in report.failures {
            Console.error("\(output): drawing skipped: \(failure)")
        }
        var problems: [String] = []
        if !inputFailures.isEmpty {
            problems.append("\(inputFailures.count) of \(inputs.count) inputs failed (\(CommandFailure.listing(inputFailures)))")
        }
        if !report.failures.isEmpty { problems.append("\(report.failures.count) drawings were skipped") }
        if !problems.isEmpty {
            throw CommandFailure("\(output): written, but \(problems.joined(separator: " and "))", exitCode: 1)
        }
    }

    private func kind() throws -> Kind {
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        default: throw ValidationError("cannot tell the report format from '\(output)'; use a .html or .md file")
        }
    }
}
