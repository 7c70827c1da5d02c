import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run to completion, with its wall time and peak memory, as the kernel counts
/// them for the child alone.
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// Peak resident set size in bytes (the child's `ru_maxrss`).
    var peakRSS: Int
    /// The CPU time the child took, user and system, on all its threads.
    var cpuSeconds: Double = 0

    /// Runs `program` with `arguments`, standard input from `input` and standard output to
    /// `output` (both `/dev/null` when not given); standard error is the benchmark's.
    static func run(_ program: String, _ arguments: [String], input: String = "/dev/null", output: String = "/dev/null") -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, program, &actions, nil, argv + [nil], environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Linux counts ru_maxrss in kilobytes, macOS in bytes.
        #if os(Linux)
        let peak = usage.ru_maxrss * 1024
        #else
        let peak = usage.ru_maxrss
        #endif
        let exited = status & 0x7f == 0
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return ChildRun(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds: seconds, peakRSS: peak, cpuSeconds: cpu)
    }

    /// Whether a program of that name is on the PATH.
    static func isInstalled(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(program)")
        }
    }
}

/// Where the benchmark finds the project's files and the binaries built beside it.
enum BenchPaths {
    /// The repository's root, from this source file's place in it.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `actorgraph` binary of the same build, if it was built.
    static var actorgraph: String? {
        let directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        let path = directory.appendingPathComponent("actorgraph").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The example articles (`examples/*.md`), sorted.
    static func examples() -> [URL] {
        let folder = repository.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// A fresh temporary folder for generated inputs, never inside the repository.
    static func scratch(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-bench-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Sizes people read at a glance.
func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
