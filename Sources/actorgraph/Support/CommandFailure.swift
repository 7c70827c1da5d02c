/// A failure the command line reports in one line, with its exit status.
struct CommandFailure: Error, CustomStringConvertible {
    /// One line naming the file and the problem.
    let message: String
    /// 1 when a batch partly failed, 2 when nothing useful could be done.
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}

extension CommandFailure {
    /// The last line of a batch in which some inputs failed, naming them; status 1, since
    /// the others were written.
    static func someFailed(_ failed: [String], of total: Int, noun: String = "inputs") -> CommandFailure {
        CommandFailure("\(failed.count) of \(total) \(noun) failed (\(listing(failed))); the others were written", exitCode: 1)
    }

    /// The line of a run in which no input could be read; status 2.
    static func noneRead(_ failed: [String]) -> CommandFailure {
        CommandFailure("no input could be read (\(failed.count) failed: \(listing(failed)))")
    }

    /// The first few names, then how many more, so a summary stays one readable line.
    static func listing(_ names: [String], limit: Int = 5) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }
}
