import Foundation

/// Measures `actorgraph extract` on a generated JSON Lines corpus of at least 50 MB, the
/// way users run it (the release binary, merged output written to a file), against
/// `wc -w` on the same file: with one job, with all cores, and as a streaming mapper.
/// Each run's peak memory is the kernel's count for that process.
///
/// One job runs on more than one core: a reading thread that also prepares and extracts
/// articles, the calling thread that extracts and merges them, and the one that writes.
/// The run pinned to one core (`taskset`) measures what the work costs a core, whatever
/// the pipeline overlaps.
enum ExtractionBenchmark {
    /// The corpus size; `ACTORGRAPH_BENCH_CORPUS_MB` changes it for a quick look.
    static var corpusBytes: Int {
        (ProcessInfo.processInfo.environment["ACTORGRAPH_BENCH_CORPUS_MB"].flatMap(Int.init) ?? 52) * 1_000_000
    }

    static func report() {
        guard let binary = BenchPaths.actorgraph else {
            print("extraction: skipped, the actorgraph binary was not built beside actorgraph-bench (swift build -c release)\n")
            return
        }
        let folder = BenchPaths.scratch("corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        guard let (bytes, articles) = try? BenchCorpus.write(to: URL(fileURLWithPath: corpus), minimumBytes: corpusBytes) else {
            print("extraction: skipped, the corpus could not be generated from examples/ and the relation fixtures\n")
            return
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        _ = loadAverage
        let mergedOne = folder.appendingPathComponent("merged-1.json").path
        let mergedAll = folder.appendingPathComponent("merged-\(cores).json").path
        let mergedPinned = folder.appendingPathComponent("merged-pinned.json").path
        let pinning = cores > 1 && ChildRun.isInstalled("taskset")
        // Rounds of every run one after another, each figure the median of its runs: the
        // machine's speed drifts over a minute, and one run each compared runs made in
        // different moments of that drift (two jobs measured 0.8× to 1.3× of one job).
        var rounds: [Round] = []
        for _ in 0..<Self.rounds {
            guard let words = afterSync({ ChildRun.run("wc", ["-w", corpus]) }),
                  let one = afterSync(removing: mergedOne, { ChildRun.run(binary, ["extract", "--quiet", "--jobs", "1", corpus, "-o", mergedOne]) }),
                  let all = afterSync(removing: mergedAll, { ChildRun.run(binary, ["extract", "--quiet", "--jobs", "\(cores)", corpus, "-o", mergedAll]) }),
                  let mapper = afterSync({ ChildRun.run(binary, ["extract", "--quiet", "--jsonl", "--jobs", "\(cores)"], input: corpus) }) else {
                print("extraction: skipped, a run could not be started\n")
                return
            }
            let pinned = pinning
                ? afterSync(removing: mergedPinned, { ChildRun.run("taskset", ["-c", "0", binary, "extract", "--quiet", "--jobs", "1", corpus, "-o", mergedPinned]) })
                : nil
            rounds.append(Round(words: words, one: one, all: all, mapper: mapper, pinned: pinned))
        }
        let words = median(rounds, \.words), one = median(rounds, \.one), all = median(rounds, \.all), mapper = median(rounds, \.mapper)
        let pinned = rounds.allSatisfy { $0.pinned != nil } ? median(rounds.map { $0.pinned! }) : nil
        let size = "\(megabytes(bytes)), \(articles) articles"
        var rows = [
            BenchmarkRow(name: "wc -w (baseline)", size: size, seconds: words.seconds, baseline: words.seconds),
            BenchmarkRow(name: "extract --jobs 1 -o merged.json", size: size, seconds: one.seconds, baseline: words.seconds),
            BenchmarkRow(name: "extract --jobs \(cores) -o merged.json", size: size, seconds: all.seconds, baseline: words.seconds),
            BenchmarkRow(name: "extract --jsonl --jobs \(cores) (mapper)", size: size, seconds: mapper.seconds, baseline: words.seconds),
        ]
        if let pinned {
            rows.append(BenchmarkRow(name: "extract --jobs 1, one core (taskset)", size: size, seconds: pinned.seconds, baseline: words.seconds))
        }
        printTable("extraction: a generated JSON Lines corpus, the release binary, \(cores) cores (median of \(Self.rounds) rounds)", rows)
        let rate = { (run: ChildRun) in String(format: "%.2f MB/s", Double(bytes) / 1_000_000 / run.seconds) }
        print("  throughput: wc -w \(rate(words)); 1 job \(rate(one)); \(cores) jobs \(rate(all)) (\(String(format: "%.2f", one.seconds / all.seconds))× of 1 job); mapper \(rate(mapper))" + (pinned.map { "; 1 job on one core \(rate($0))" } ?? ""))
        let perRound = rounds.map { String(format: "%.2f×", $0.one.seconds / $0.all.seconds) }.joined(separator: ", ")
        print("  \(cores) jobs against 1 job, round by round: \(perRound)")
        if let pinned {
            // What more cores give, against the same work confined to one core.
            print("  scaling: \(cores) jobs \(String(format: "%.2f", pinned.seconds / all.seconds))× and 1 job \(String(format: "%.2f", pinned.seconds / one.seconds))× the speed of 1 job on one core")
        }
        if pinned == nil, cores > 1 { print("  one job on one core: not run, taskset is not installed") }
        let cpu = { (run: ChildRun) in String(format: "%.2f s (%.2f× its wall time)", run.cpuSeconds, run.cpuSeconds / run.seconds) }
        print("  CPU time, user and system: 1 job \(cpu(one)); \(cores) jobs \(cpu(all)); mapper \(cpu(mapper))" + (pinned.map { "; one core \(cpu($0))" } ?? ""))
        print("  peak RSS: 1 job \(megabytes(one.peakRSS)); \(cores) jobs \(megabytes(all.peakRSS)); mapper \(megabytes(mapper.peakRSS))")
        let again = afterSync({ ChildRun.run(binary, ["extract", "--quiet", "--jobs", "1", corpus, "-o", mergedOne]) })
        if let again {
            print("  1 job writing over the merged JSON of the run before: \(String(format: "%.0f ms", again.seconds * 1000)) (\(String(format: "%.2f", again.seconds / one.seconds))× of the median, a single run)")
        }
        let mergedSize = (try? FileManager.default.attributesOfItem(atPath: mergedOne)[.size] as? Int) ?? 0
        let statuses = ([one, all, mapper] + (pinned.map { [$0] } ?? []) + (again.map { [$0] } ?? [])).map(\.status)
        print("  merged graph JSON \(megabytes(mergedSize)); --jobs 1 and --jobs \(cores) identical: \(sameBytes(mergedOne, mergedAll) ? "yes" : "NO"); exit statuses \(statuses)")
        print("  allocator of the binary: \(allocator(of: binary))")
        print("  load average before the runs: \(loadAverage) (other work on the machine slows the runs)")
        print("")
    }

    static let rounds = 3

    /// One round: every run once, one after another.
    private struct Round {
        var words, one, all, mapper: ChildRun
        /// One job pinned to one core; `nil` where `taskset` is missing or there is one core.
        var pinned: ChildRun?
    }

    /// The run with the median time over the rounds, with the highest peak memory of
    /// them all and the first failing exit status, if any run failed.
    private static func median(_ rounds: [Round], _ run: KeyPath<Round, ChildRun>) -> ChildRun {
        median(rounds.map { $0[keyPath: run] })
    }

    private static func median(_ runs: [ChildRun]) -> ChildRun {
        var middle = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
        middle.peakRSS = runs.map(\.peakRSS).max() ?? middle.peakRSS
        middle.status = runs.map(\.status).first { $0 != 0 } ?? 0
        return middle
    }

    /// Runs `run` once the files written so far are on disk, so that the kernel writing
    /// back earlier ones (the corpus, a merged run's 260 MB) does not take CPU from it on a
    /// machine with few cores; and once `output`, the previous round's merged JSON, is
    /// gone. On ext4 a rename over an existing file first writes the new file out and then
    /// drops the old one's pages, within the `rename` call: about 0.35 s for 450 MB on a
    /// quiet machine, several seconds on a busy one. That is the file system's care for
    /// whoever replaces a file, not extraction; the table measures a run that writes a new
    /// file, and the line after it one that writes over the last.
    private static func afterSync(removing output: String? = nil, _ run: () -> ChildRun?) -> ChildRun? {
        if let output { try? FileManager.default.removeItem(atPath: output) }
        sync()
        return run()
    }

    /// Which allocator the binary loads: Package.swift links tcmalloc where it is
    /// installed, and a one-job run takes about a tenth longer with the system's.
    private static func allocator(of binary: String) -> String {
        let folder = BenchPaths.scratch("ldd")
        defer { try? FileManager.default.removeItem(at: folder) }
        let listing = folder.appendingPathComponent("libraries.txt").path
        guard ChildRun.run("ldd", [binary], output: listing)?.status == 0,
              let libraries = try? String(contentsOfFile: listing, encoding: .utf8) else { return "unknown (ldd failed)" }
        return libraries.contains("libtcmalloc") ? "tcmalloc" : "the system's malloc (libtcmalloc-minimal4 not installed when it was built)"
    }

    private static let loadAverage = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
        .map { $0.split(separator: " ").prefix(3).joined(separator: " ") } ?? "unknown"

    /// Whether two files hold the same bytes, compared in pieces.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let first = FileHandle(forReadingAtPath: a), let second = FileHandle(forReadingAtPath: b) else { return false }
        defer { try? first.close(); try? second.close() }
        while true {
            let x = first.readData(ofLength: 1 << 20)
            let y = second.readData(ofLength: 1 << 20)
            if x != y { return false }
            if x.isEmpty { return true }
        }
    }
}
