import ActorExtraction
import Foundation

/// Measures mention finding alone (tokenising the UTF-8 bytes and matching every name of
/// the gazetteer) on one core, over a corpus of at least 20 MB written from the project's
/// own example articles, against `wc -w` on the same file in the same run.
enum MentionBenchmark {
    static let corpusBytes = 24 * 1_000_000

    static func run() -> [BenchmarkRow] {
        let corpus = makeCorpus()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-mention-corpus-\(getpid()).txt")
        try! Data(corpus).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let extractor = try! Extractor()
        var mentions = 0
        let find = median(runs: 3) {
            mentions = extractor.mentionCounts(inUTF8: corpus).values.reduce(0, +)
        }
        let wordCount = median(runs: 3) { runWordCount(file) }
        let megabytes = Double(corpus.count) / 1_000_000
        return [
            BenchmarkRow(name: "wc -w (baseline)", size: String(format: "%.0f MB", megabytes), seconds: wordCount, baseline: wordCount,
                         note: String(format: "%.0f MB/s", megabytes / wordCount)),
            BenchmarkRow(name: "mention finding, 1 core", size: "\(mentions) mentions", seconds: find, baseline: wordCount,
                         note: String(format: "%.0f MB/s", megabytes / find)),
        ]
    }

    /// The example articles' bodies, repeated with their paragraphs rotated, up to the size.
    static func makeCorpus() -> [UInt8] {
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: "examples")) ?? []
        let paragraphs = examples.filter { $0.hasSuffix(".md") }.sorted().flatMap { name -> [String] in
            let text = (try? String(contentsOfFile: "examples/\(name)", encoding: .utf8)) ?? ""
            let body = text.components(separatedBy: "\n---\n").last ?? text
            return body.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
        precondition(!paragraphs.isEmpty, "run from the repository root, where examples/ is")
        var corpus: [UInt8] = []
        corpus.reserveCapacity(corpusBytes + 10_000)
        var round = 0
        while corpus.count < corpusBytes {
            for index in paragraphs.indices {
                corpus += Array(paragraphs[(index + round) % paragraphs.count].utf8)
                corpus += [0x0A, 0x0A]
            }
            round += 1
        }
        return corpus
    }

    private static func runWordCount(_ file: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wc", "-w", file.path]
        process.standardOutput = FileHandle.nullDevice
        try! process.run()
        process.waitUntilExit()
    }

    private static func median(runs: Int, _ work: () -> Void) -> Double {
        work()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[runs / 2]
    }
}
