import Foundation

/// One measured operation, with its time as a ratio of a baseline from the same run, since
/// absolute times say more about the machine than about the code.
struct BenchmarkRow {
    var name: String
    var size: String
    var seconds: Double
    var baseline: Double

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
        print("  \(pad(row.name, nameWidth))  \(pad(row.size, sizeWidth))  \(pad(milliseconds, 10))  \(String(format: "%.2f×", row.ratio))")
    }
    print("")
}

#if DEBUG
print("note: a debug build; run `make bench` (release) for figures worth quoting\n")
#endif
// First, while this process is small: a child's peak RSS includes its parent's at spawn.
ExtractionBenchmark.report()
printTable("diff: two graphs of \(DiffBenchmark.relationsPerSide) relations each (median of 5 runs, 3 for decode and encode)", DiffBenchmark.run())
RenderBenchmark.report()
