import ActorGraph
import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Outputs are whole or absent: written under a temporary name and renamed, removed when
/// the run is interrupted, never over an input, never in place of a device.
final class AtomicOutputTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func run(_ arguments: [String]) throws -> CommandResult {
        try runActorgraph(arguments, in: folder)
    }

    private func temporaryFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    // MARK: - Interruptions

    private enum Moment {
        /// A while after the process started, most likely while it extracts.
        case after(seconds: Double)
        /// As soon as the temporary output file appears: while the graph is being written.
        case whileWriting
    }

    func testInterruptedRunLeavesTheOldFileOrACompleteNewOneAndNoTemporaryFile() throws {
        let sentences = ["Moscow threatened Tokyo.", "Japan relies on the United States.", "NATO criticised Russia.", "The talks went on."]
        try write("input.txt", (0..<20_000).map { sentences[$0 * 7 % sentences.count] }.joined(separator: " "))
        let old = SampleGraphs.summit().jsonData()
        let plan: [(Int32, Moment)] = [
            (SIGINT, .after(seconds: 0.3)), (SIGTERM, .after(seconds: 1.5)),
            (SIGINT, .whileWriting), (SIGTERM, .whileWriting), (SIGHUP, .whileWriting),
        ]
        for (signal, moment) in plan {
            try old.write(to: folder.appendingPathComponent("out.json"))
            let (status, reason) = try interrupt(["extract", "input.txt", "-o", "out.json"], with: signal, at: moment)
            let context = "signal \(signal) \(moment): exit \(status) \(reason.rawValue)"
            if reason == .uncaughtSignal { XCTAssertEqual(status, signal, context) } else { XCTAssertEqual(status, 0, context) }
            XCTAssertEqual(try temporaryFiles(), [], context)
            let written = try Data(contentsOf: folder.appendingPathComponent("out.json"))
            if written != old {
                let graph = try Graph(jsonData: written)
                XCTAssertEqual(graph.articles.map(\.id), ["input"], context)
                XCTAssertEqual(graph.invariantViolations(), [], context)
            }
        }
    }

    /// Runs the binary and sends `signal` at `moment`; its exit status and how it ended.
    private func interrupt(_ arguments: [String], with signal: Int32, at moment: Moment) throws -> (Int32, Process.TerminationReason) {
        let process = Process()
        process.executableURL = actorgraphBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        switch moment {
        case .after(let seconds):
            usleep(useconds_t(seconds * 1_000_000))
        case .whileWriting:
            while process.isRunning, try temporaryFiles().isEmpty { usleep(1_000) }
        }
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason)
    }

    // MARK: - Outputs that name inputs

    func testOutputThatNamesAnInputIsRefusedWhateverPathNamesIt() throws {
        try write("a.md", "Moscow threatened Tokyo.")
        try write("b.md", "Japan relies on the United States.")
        try write("extra.json", #"{"actors": []}"#)
        try SampleGraphs.summit().jsonData().write(to: folder.appendingPathComponent("g.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try write("corpus/c.md", "NATO criticised Russia.")
        try FileManager.default.createSymbolicLink(atPath: path("link.md"), withDestinationPath: "a.md")
        XCTAssertEqual(link(path("a.md"), path("hard.md")), 0)
        let runs: [([String], String)] = [
            (["extract", "a.md", "-o", "a.md"], "a.md"),
            (["extract", "a.md", "-o", "./a.md"], "./a.md"),
            (["a.md", "b.md", "-o", path("b.md"), "--format", "json"], path("b.md")),
            (["extract", "link.md", "-o", "a.md"], "a.md"),
            (["extract", "a.md", "-o", "link.md"], "link.md"),
            (["extract", "a.md", "-o", "hard.md"], "hard.md"),
            (["extract", "corpus", "-o", "corpus/c.md"], "corpus/c.md"),
            (["extract", "b.md", "--actors", "extra.json", "-o", "extra.json"], "extra.json"),
            (["render", "g.json", "-o", "g.json"], "g.json"),
            (["merge", "g.json", "b.md", "-o", "g.json"], "g.json"),
            (["diff", "a.md", "b.md", "--format", "text", "-o", "b.md"], "b.md"),
            (["report", "a.md", "-o", "a.md"], "a.md"),
            // Read as an article, its graph would be written under its own name.
            (["extract", "g.json", "--per-article", "."], "./g.json"),
        ]
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let contents = try before.filter { $0 != "corpus" }.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        for (arguments, output) in runs {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr, "actorgraph: \(output): is one of the inputs; write the output to another file\n", "\(arguments)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), before)
        XCTAssertEqual(try before.filter { $0 != "corpus" }.map { try Data(contentsOf: folder.appendingPathComponent($0)) }, contents)
    }

    // MARK: - What an output path may be

    func testOutputThroughASymbolicLinkReplacesTheFileItNames() throws {
        try write("a.md", "Moscow threatened Tokyo.")
        try write("v1.json", "old")
        try FileManager.default.createSymbolicLink(atPath: path("latest.json"), withDestinationPath: "v1.json")
        let result = try run(["extract", "a.md", "-o", "latest.json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("latest.json")), "v1.json")
        XCTAssertEqual(try Graph(jsonData: Data(contentsOf: folder.appendingPathComponent("v1.json"))).articles.map(\.id), ["a"])
    }

    func testOutputToANamedPipeIsWrittenInPlace() throws {
        try write("a.md", "Moscow threatened Tokyo.")
        XCTAssertEqual(mkfifo(path("out.fifo"), 0o600), 0)
        let process = Process()
        process.executableURL = actorgraphBinary
        process.arguments = ["extract", "a.md", "-o", "out.fifo"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Opened after the writer started, so that a writer that replaced the pipe with a
        // file cannot leave this test waiting for one that never comes.
        let received = FileHandle(forReadingAtPath: path("out.fifo"))?.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try Graph(jsonData: received).articles.map(\.id), ["a"])
        var info = stat()
        XCTAssertEqual(stat(path("out.fifo"), &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
    }

    func testReplacedFileKeepsItsPermissions() throws {
        try write("a.md", "Moscow threatened Tokyo.")
        try write("out.json", "old")
        XCTAssertEqual(chmod(path("out.json"), 0o640), 0)
        XCTAssertEqual(try run(["extract", "a.md", "-o", "out.json"]).status, 0)
        var info = stat()
        XCTAssertEqual(stat(path("out.json"), &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o640)
    }

    func testOutputIntoAMissingFolderIsOneLine() throws {
        try write("a.md", "Moscow threatened Tokyo.")
        for arguments in [["extract", "a.md"], ["a.md", "--format", "svg"], ["report", "a.md"]] {
            let output = arguments[0] == "report" ? "nowhere/r.html" : "nowhere/g.out"
            let result = try run(arguments + ["-o", output])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("actorgraph: \(output): the folder "), result.stderr)
            XCTAssertTrue(result.stderr.hasSuffix("/nowhere does not exist\n"), result.stderr)
        }
    }
}
