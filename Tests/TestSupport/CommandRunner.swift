import Foundation

/// What a run of the built `actorgraph` binary returned.
public struct CommandResult {
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// The repository's root folder, found from this source file's path.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `actorgraph` binary built beside the test bundle.
public var actorgraphBinary: URL {
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    for candidate in [directory, Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("actorgraph")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return directory.appendingPathComponent("actorgraph")
}

private final class BundleMarker {}

/// Runs the built binary with `arguments`, feeding `input` on standard input.
///
/// - Parameters:
///   - standardOutput: where standard output goes instead of the result (`/dev/full`, say).
///   - standardError: where standard error goes instead of the result.
public func runActorgraph(
    _ arguments: [String], input: Data? = nil, in directory: URL? = nil,
    standardOutput: FileHandle? = nil, standardError: FileHandle? = nil
) throws -> CommandResult {
    let process = Process()
    process.executableURL = actorgraphBinary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    let stdin = Pipe()
    process.standardOutput = standardOutput ?? output
    process.standardError = standardError ?? errors
    process.standardInput = stdin
    try process.run()
    // The child holds its own copies; the parent's ends would keep the pipes open forever.
    if standardOutput != nil { try output.fileHandleForWriting.close() }
    if standardError != nil { try errors.fileHandleForWriting.close() }
    if let input { stdin.fileHandleForWriting.write(input) }
    try stdin.fileHandleForWriting.close()
    // Read both pipes while the process runs, so a large output cannot block it.
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errorData = errors.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller.
public func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
