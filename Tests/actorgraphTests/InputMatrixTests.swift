import ActorGraph
import Foundation
import TestSupport
import XCTest

/// Bad, hostile and partial input, one case per test, run through the built binary: the
/// tool never traps, says what is wrong in one line naming the file, and keeps offsets
/// pointing into the text as it decoded it.
final class InputMatrixTests: XCTestCase {
    private var folder: URL!
    private let article = "Moscow threatened Tokyo. Japan relies on the United States."

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return name
    }

    private func run(_ arguments: [String]) throws -> CommandResult {
        try runActorgraph(arguments, in: folder)
    }

    /// `extract`'s graph of `name`, with what the run said on standard error.
    private func extract(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> (graph: Graph, stderr: String) {
        let result = try run(["extract", name])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return (try Graph(jsonData: result.stdout), result.stderr)
    }

    private func relationKeys(_ graph: Graph) -> [String] {
        graph.relations.map { "\($0.source) \($0.kind.rawValue) \($0.target)" }
    }

    private func assertOneLine(_ result: CommandResult, status: Int32, saying expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "actorgraph: \(expected)\n", file: file, line: line)
    }

    // MARK: - Files that are not there, or not files

    func testMissingFileIsOneLineWithStatusTwoForEveryCommand() throws {
        let runs: [([String], String)] = [
            (["extract", "gone.md"], "gone.md"), (["gone.md", "-o", "g.svg"], "gone.md"), (["render", "gone.json"], "gone.json"),
            (["merge", "gone.json"], "gone.json"), (["report", "gone.md", "-o", "r.html"], "gone.md"), (["diff", "gone.md", "gone.json"], "gone.md"),
        ]
        for (arguments, missing) in runs {
            assertOneLine(try run(arguments), status: 2, saying: "\(missing): no such file")
        }
    }

    func testDirectoryWhereAFileWasExpectedIsOneLineNamingIt() throws {
        try write("corpus/a.md", Array(article.utf8))
        assertOneLine(try run(["render", "corpus"]), status: 2, saying: "corpus: is a directory, expected a file")
        assertOneLine(try run(["report", "corpus", "-o", "r.html"]), status: 2, saying: "corpus: is a directory, expected a file")
        assertOneLine(try run(["extract", "corpus/a.md", "-o", "corpus"]), status: 2, saying: "corpus: is a directory; name a file to write")
        assertOneLine(try run(["extract", "corpus/a.md", "--actors", "corpus"]), status: 2, saying: "corpus: is a directory, expected a file")
    }

    // MARK: - Files without text

    func testEmptyFileGivesAnEmptyGraphAndAWarning() throws {
        try write("empty.txt", [])
        let (graph, stderr) = try extract("empty.txt")
        XCTAssertEqual(graph.articles.map(\.id), ["empty"])
        XCTAssertTrue(graph.actors.isEmpty)
        XCTAssertEqual(stderr, "actorgraph: warning: empty.txt: empty, no text to read\n")
    }

    func testWhitespaceOnlyFileGivesAnEmptyGraphAndAWarning() throws {
        try write("blank.txt", Array(" \n\t\r\n   \n".utf8))
        let (graph, stderr) = try extract("blank.txt")
        XCTAssertTrue(graph.actors.isEmpty && graph.relations.isEmpty)
        XCTAssertEqual(stderr, "actorgraph: warning: blank.txt: only white space, no text to read\n")
    }

    func testBinaryFileIsRefusedWithOneLine() throws {
        try write("report.txt", Array("%PDF-1.7\n".utf8) + [0x00, 0xE2, 0xE3, 0xCF, 0xD3, 0x00] + Array(article.utf8))
        assertOneLine(try run(["extract", "report.txt"]), status: 2, saying: "report.txt: binary file (NUL bytes), not text")
    }

    // MARK: - Encodings

    func testInvalidUTF8IsReplacedWithAWarningAndOffsetsSliceTheDecodedText() throws {
        let bytes = Array("Überblick — ".utf8) + [0xC3] + Array(" Moscow’s envoy ".utf8) + [0xFF] + Array(" threatened Tokyo. Japan relies on the United States".utf8) + [0xE2, 0x80] + Array(".".utf8)
        try write("damaged.txt", bytes)
        let (graph, stderr) = try extract("damaged.txt")
        XCTAssertEqual(stderr, "actorgraph: warning: damaged.txt: invalid UTF-8 replaced with U+FFFD (3 sequences)\n")
        XCTAssertEqual(relationKeys(graph), ["JPN dependence USA", "RUS threat JPN"])
        // What a reader gets from `bytes.decode("utf-8", "replace")`.
        assertSpansSlice(String(decoding: bytes, as: UTF8.self), graph)
    }

    func testUTF16WithByteOrderMarkIsDecodedLittleEndian() throws {
        try assertUTF16GivesTheGraphOfUTF8(bigEndian: false)
    }

    func testUTF16WithByteOrderMarkIsDecodedBigEndian() throws {
        try assertUTF16GivesTheGraphOfUTF8(bigEndian: true)
    }

    private func assertUTF16GivesTheGraphOfUTF8(bigEndian: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = "Überblick: " + article
        let units = text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try write("utf8/summit.txt", Array(text.utf8))
        try write("utf16/summit.txt", (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + units)
        let fromUTF8 = try run(["extract", "utf8/summit.txt"])
        let fromUTF16 = try run(["extract", "utf16/summit.txt"])
        XCTAssertEqual(fromUTF16.status, 0, fromUTF16.stderr, file: file, line: line)
        XCTAssertEqual(fromUTF16.stderr, "", file: file, line: line)
        XCTAssertEqual(fromUTF16.stdout, fromUTF8.stdout, file: file, line: line)
        assertSpansSlice(text, try Graph(jsonData: fromUTF16.stdout), file: file, line: line)
    }

    func testWindows1252IsDetectedWithAWarning() throws {
        // “Moscow’s envoy threatened Tokyo – café talks” in Windows-1252.
        let bytes = [0x93] + Array("Moscow".utf8) + [0x92] + Array("s envoy threatened Tokyo".utf8) + [0x94, 0x20, 0x96] + Array(" caf".utf8) + [0xE9] + Array(" talks. Japan relies on the United States.".utf8)
        try write("legacy.txt", bytes)
        let (graph, stderr) = try extract("legacy.txt")
        XCTAssertEqual(stderr, "actorgraph: warning: legacy.txt: not UTF-8; read as Windows-1252\n")
        XCTAssertEqual(relationKeys(graph), ["JPN dependence USA", "RUS threat JPN"])
        assertSpansSlice("“Moscow’s envoy threatened Tokyo” – café talks. Japan relies on the United States.", graph)
    }

    func testCRLFLineEndsGiveTheRelationsOfLFLineEnds() throws {
        let lines = ["---", "title: Summit", "id: summit", "---", "Moscow threatened Tokyo.", "", "Japan relies on the United States."]
        try write("lf/a.md", Array(lines.joined(separator: "\n").utf8))
        try write("crlf/a.md", Array(lines.joined(separator: "\r\n").utf8))
        let (lf, _) = try extract("lf/a.md")
        let (crlf, _) = try extract("crlf/a.md")
        XCTAssertEqual(crlf.articles, [Article(id: "summit", title: "Summit")])
        XCTAssertEqual(relationKeys(crlf), relationKeys(lf))
        XCTAssertEqual(relationKeys(crlf), ["JPN dependence USA", "RUS threat JPN"])
        assertSpansSlice(lines.joined(separator: "\r\n"), crlf)
    }

    func testCorpusInputsAreDecodedLikeSingleFiles() throws {
        func utf16(_ text: String) -> [UInt8] { [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        try write("corpus/a.txt", utf16("Moscow threatened Tokyo."))
        try write("corpus/b.html", Array("<p>Japan".utf8) + [0x92] + Array("s envoy met China".utf8) + [0x92] + Array("s.</p>".utf8))
        let lines = #"{"id": "c", "text": "Japan relies on the United States."}"# + "\n" + #"{"id": "d", "text": "Russia criticised Japan."}"# + "\n"
        try write("corpus/c.jsonl", utf16(lines))
        try write("corpus/e.jsonl", Array(#"{"id": "e", "text": "NATO criticised Russia "#.utf8) + [0xFF] + Array(#"  again — twice."}"#.utf8))
        let result = try run(["extract", "corpus", "--jobs", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: result.stdout)
        XCTAssertEqual(graph.articles.map(\.id), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(Set(relationKeys(graph)), ["RUS threat JPN", "CHN contact JPN", "JPN dependence USA", "RUS criticism JPN", "nato criticism RUS"])
        XCTAssertTrue(result.stderr.contains("actorgraph: warning: corpus/b.html: not UTF-8; read as Windows-1252\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("actorgraph: warning: corpus/e.jsonl:1: invalid UTF-8 replaced with U+FFFD (1 sequence)\n"), result.stderr)
    }

    func testGraphJSONWithAByteOrderMarkIsRead() throws {
        let graph = SampleGraphs.summit()
        try write("graph.json", [0xEF, 0xBB, 0xBF] + Array(graph.jsonData()))
        let result = try run(["render", "graph.json", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Graph(jsonData: result.stdout), graph)
    }

    // MARK: - Awkward text

    func testUnbalancedQuotationMarksEndAtTheParagraph() throws {
        let text = "Joe Biden said: “Moscow threatened Tokyo.\n\nJapan relies on the United States. NATO criticised Russia.\" Beijing met Moscow."
        try write("quotes.txt", Array(text.utf8))
        let (graph, _) = try extract("quotes.txt")
        let speakers = Dictionary(graph.relations.map { ("\($0.source) \($0.kind.rawValue) \($0.target)", $0.evidence.first?.attributedTo ?? "article") }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(speakers["RUS threat JPN"], "joe-biden")
        XCTAssertEqual(speakers["JPN dependence USA"], "article")
        XCTAssertEqual(speakers["nato criticism RUS"], "article")
        XCTAssertEqual(speakers["CHN contact RUS"], "article")
        assertSpansSlice(text, graph)
    }

    // MARK: - Streams that cannot be written

    func testFullStandardOutputIsOneLineNotATrap() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        try write("a.txt", Array(article.utf8))
        let result = try runActorgraph(["extract", "a.txt"], in: folder, standardOutput: full)
        assertOneLine(result, status: 2, saying: "standard output: No space left on device")
    }

    func testFullStandardErrorDoesNotStopTheRun() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        try write("empty.txt", [])
        let result = try runActorgraph(["extract", "empty.txt"], in: folder, standardError: full)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try Graph(jsonData: result.stdout).articles.map(\.id), ["empty"])
    }

    // MARK: - Batches

    func testBatchGoesOnPastFailedInputsAndEndsWithASummaryNamingThem() throws {
        try write("a.txt", Array(article.utf8))
        try write("bin.txt", [0x00, 0x01])
        try write("c.txt", Array("NATO criticised Russia.".utf8))
        for command in [["extract", "--quiet"], ["draw"]] {
            let result = try run(command + ["a.txt", "missing.txt", "bin.txt", "c.txt", "-o", "out.json"])
            XCTAssertEqual(result.status, 1, result.stderr)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "actorgraph: missing.txt: no such file", "\(command)")
            XCTAssertEqual(lines.dropFirst().first, "actorgraph: bin.txt: binary file (NUL bytes), not text", "\(command)")
            XCTAssertTrue(lines.last?.hasPrefix("actorgraph: 2 of 4 ") == true && lines.last?.hasSuffix("failed (missing.txt, bin.txt); the others were written") == true, "\(lines)")
            let graph = try Graph(jsonData: Data(contentsOf: folder.appendingPathComponent("out.json")))
            XCTAssertEqual(graph.articles.map(\.id), ["a", "c"], "\(command)")
        }
    }

    func testBatchInWhichEveryInputFailsIsStatusTwo() throws {
        try write("bin.txt", [0x00])
        let result = try run(["a.txt", "bin.txt", "-o", "out.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasSuffix("actorgraph: no input could be read (2 failed: a.txt, bin.txt)\n"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.json").path))
    }

    // MARK: - Exit codes and options

    func testExitCodesAreTheDocumentedOnes() throws {
        try write("a.txt", Array(article.utf8))
        try write("b.txt", Array("NATO criticised Russia.".utf8))
        let expected: [([String], Int32)] = [
            (["extract", "a.txt"], 0),
            (["diff", "a.txt", "a.txt"], 0),
            (["diff", "a.txt", "b.txt"], 1),
            (["extract", "--quiet", "a.txt", "gone.txt"], 1),
            (["a.txt", "gone.txt", "--format", "json"], 1),
            (["extract", "a.txt", "--kinds", "friendship"], 2),
            (["extract", "gone.txt"], 2),
            (["diff", "a.txt", "gone.txt"], 2),
        ]
        for (arguments, status) in expected {
            let result = try run(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("Backtrac"), result.stderr)
        }
    }

    func testHugeNumbersInOptionsAreRefusedOrHarmlessNeverATrap() throws {
        try write("a.txt", Array(article.utf8))
        let jobs = try run(["extract", "a.txt", "--jobs", "\(Int.max)"])
        assertOneLine(jobs, status: 2, saying: "--jobs must be between 1 and 1024, not \(Int.max)")
        let depth = try run(["a.txt", "--focus", "Japan", "--depth", "\(Int.max)", "--format", "json"])
        XCTAssertEqual(depth.status, 0, depth.stderr)
        XCTAssertEqual(Set(try Graph(jsonData: depth.stdout).actors.map(\.id)), ["JPN", "RUS", "USA"])
    }

    // MARK: - Helpers

    /// Every mention and evidence span, taken as code points of `text`, is what the graph says it is.
    private func assertSpansSlice(_ text: String, _ graph: Graph, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(text.unicodeScalars)
        func slice(_ span: Span) -> String? {
            guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else { return nil }
            return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        }
        XCTAssertFalse(graph.actors.isEmpty, file: file, line: line)
        for mention in graph.actors.flatMap(\.mentions) {
            XCTAssertEqual(slice(mention.span), mention.text, file: file, line: line)
        }
        for item in graph.relations.flatMap(\.evidence) {
            let sentence = slice(item.sentence) ?? ""
            for span in [item.source, item.target, item.cue] {
                XCTAssertTrue(span.start >= item.sentence.start && span.end <= item.sentence.end, "\(span) outside \(sentence)", file: file, line: line)
            }
            XCTAssertFalse(sentence.isEmpty, file: file, line: line)
        }
    }
}
