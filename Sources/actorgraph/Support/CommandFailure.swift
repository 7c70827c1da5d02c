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
