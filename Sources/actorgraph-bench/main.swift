import Foundation

/// One measured operation, with its time as a ratio of a baseline from the same run, since
/// absolute times say more about the machine than about the code.
struct BenchmarkRow {
    var name: String
    var size: String
    var seconds: Double
    var baseline: Double
    /// A throughput or other figure worth printing beside the time.
    var note: String = ""

    var ratio: Double { seconds / baseline }
}

/// Prints rows as an aligned table.
func printTable(_ title: String, _ rows: [BenchmarkRow]) {
    print(title)
    let nameWidth = rows.map(\.name.count).max() ?? 0
    let sizeWidth = rows.map(\.size.count).max() ?? 0
    func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    print("  \(pad("operation", nameWidth))  \(pad("size", sizeWidth))  \(pad("median", 10))  ratio to baseline")
    for row in rows {
        let milliseconds = String(format: "%.1f ms", row.seconds * 1000)
        let line = "  \(pad(row.name, nameWidth))  \(pad(row.size, sizeWidth))  \(pad(milliseconds, 10))  \(String(format: "%.2f×", row.ratio))"
        print(row.note.isEmpty ? line : "\(pad(line, 0))  \(row.note)")
    }
    print("")
}

#if DEBUG
print("note: a debug build; run `make bench` (release) for figures worth quoting\n")
#endif
/// `actorgraph-bench [extraction] [diff] [render] [mentions] [merge]` runs the named
/// benchmarks; no name runs them all. `actorgraph-bench merge FILE` merges the graph JSON
/// lines of FILE instead of an extraction of the generated corpus. `actorgraph-bench corpus
/// FILE` only writes the extraction corpus and `actorgraph-bench render-graph FILE` only the
/// render benchmark's graph as JSON, so that a profile or an output comparison can read the
/// same bytes the benchmark does.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "corpus", arguments.count == 2 {
    let (bytes, articles) = try BenchCorpus.write(to: URL(fileURLWithPath: arguments[1]), minimumBytes: ExtractionBenchmark.corpusBytes)
    print("\(arguments[1]): \(megabytes(bytes)), \(articles) articles")
    exit(0)
}
if arguments.first == "render-graph", arguments.count == 2 {
    try RenderBenchmark.generatedGraph().jsonData().write(to: URL(fileURLWithPath: arguments[1]))
    exit(0)
}
let mergeLines = arguments.first == "merge" && arguments.count == 2 ? arguments[1] : nil
let selected = Set(mergeLines == nil ? arguments : ["merge"])
func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

// First, while this process is small: a child's peak RSS includes its parent's at spawn.
if wanted("extraction") { ExtractionBenchmark.report() }
if wanted("diff") {
    printTable("diff: two graphs of \(DiffBenchmark.relationsPerSide) relations each (median of 5 runs, 3 for decode and encode)", DiffBenchmark.run())
}
if wanted("render") { RenderBenchmark.report() }
if wanted("mentions") {
    printTable("mention finding: tokenise and match every gazetteer name, one core, vs. wc -w on the same file", MentionBenchmark.run())
}
if wanted("merge") { MergeBenchmark.report(lines: mergeLines) }
