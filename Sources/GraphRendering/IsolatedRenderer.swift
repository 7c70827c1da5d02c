#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Renders DOT in a long-lived child process, so that a Graphviz crash or a layout that
/// runs away costs one render, not the program.
///
/// Graphviz can segfault and a layout cannot be cancelled (DESIGN.md), so renders that
/// could do either (large graphs, batches) go to a worker: the same binary started with a
/// hidden subcommand that runs ``RenderWorkerService``. The worker is started on first
/// use and kept for the next render; after a crash it is started again, and a render that
/// passes the time limit is killed. `fdp` and `sfdp` give different layouts after the
/// first render in a process, so a worker that used them is retired, which keeps output
/// byte-identical across runs.
///
/// ```swift
/// let renderer = IsolatedRenderer(executable: binary, arguments: ["render-worker"], timeLimit: 30)
/// let svg = try renderer.render(dot: dot, format: "svg", engine: .sfdp, graphName: "summit")
/// ```
///
/// Starting a renderer ignores `SIGPIPE` in this process, so that writing to a worker that
/// just died is an error rather than the end of the program.
public final class IsolatedRenderer: @unchecked Sendable {
    /// The program the worker runs: the actorgraph binary.
    public let executable: String
    /// The arguments that make the program a worker.
    public let arguments: [String]
    /// Seconds one render may take before the worker is killed.
    public let timeLimit: TimeInterval

    private struct Worker {
        let pid: pid_t
        let requests: Int32
        let answers: Int32
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var worker: Worker?
    private var startedWorkers = 0

    /// Creates a renderer; no process starts until the first render.
    public init(executable: String, arguments: [String], timeLimit: TimeInterval) {
        self.executable = executable
        self.arguments = arguments
        self.timeLimit = timeLimit
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        if let worker { stop(worker) }
    }

    /// How many worker processes this renderer has started, crashes included.
    public var workersStarted: Int {
        lock.lock()
        defer { lock.unlock() }
        return startedWorkers
    }

    /// Renders `dot` to `format` with `engine` in the worker.
    ///
    /// - Parameter graphName: names the graph in a one-line error.
    /// - Throws: ``RenderError`` when Graphviz reports an error, crashes, or passes the
    ///   time limit; the next render starts a fresh worker where needed.
    public func render(dot: String, format: String, engine: LayoutEngine, graphName: String) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        let current = try worker ?? start(graphName: graphName)
        worker = current
        let request = RenderWorkerProtocol.Request(format: format, engine: engine.rawValue, dot: dot)
        let response: RenderWorkerProtocol.Response
        do {
            try DescriptorWriter.write(RenderWorkerProtocol.encode(request), to: current.requests)
            let reader = DescriptorReader(descriptor: current.answers, deadline: ProcessInfo.processInfo.systemUptime + timeLimit)
            response = try RenderWorkerProtocol.readResponse(from: reader)
        } catch let error as RenderWorkerProtocol.StreamError {
            worker = nil
            throw failure(error, of: current, graphName: graphName, engine: engine)
        }
        if engine.keepsStateBetweenRenders {
            stop(current)
            worker = nil
        }
        switch response {
        case .rendered(let data): return data
        case .failed(let message): throw RenderError(description: "graph '\(graphName)': \(message)")
        }
    }

    /// Stops the worker, if one runs; the next render starts another.
    public func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        if let worker { stop(worker) }
        worker = nil
    }

    private func failure(_ error: RenderWorkerProtocol.StreamError, of worker: Worker, graphName: String, engine: LayoutEngine) -> RenderError {
        switch error {
        case .timedOut:
            kill(worker.pid, SIGKILL)
            _ = reap(worker)
            let seconds = timeLimit == timeLimit.rounded() ? String(Int(timeLimit)) : String(timeLimit)
            return RenderError(description: "graph '\(graphName)': the \(engine.rawValue) layout did not finish within \(seconds) s and was stopped (try --engine sfdp)")
        case .closed:
            kill(worker.pid, SIGKILL)
            let ending = reap(worker)
            return RenderError(description: "graph '\(graphName)': Graphviz crashed (\(ending)) during the \(engine.rawValue) layout; nothing was drawn")
        case .malformed(let detail), .system(let detail):
            kill(worker.pid, SIGKILL)
            _ = reap(worker)
            return RenderError(description: "graph '\(graphName)': the render worker failed (\(detail))")
        }
    }

    private func start(graphName: String) throws -> Worker {
        var toWorker: [Int32] = [-1, -1]
        var fromWorker: [Int32] = [-1, -1]
        guard pipe(&toWorker) == 0 else { throw RenderError(description: "graph '\(graphName)': cannot start the render worker (no pipe)") }
        guard pipe(&fromWorker) == 0 else {
            toWorker.forEach { close($0) }
            throw RenderError(description: "graph '\(graphName)': cannot start the render worker (no pipe)")
        }
        // The parent's ends must not leak into later children: a worker that inherited
        // another worker's request pipe would keep it open after the parent closes it.
        for descriptor in toWorker + fromWorker { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = workerEnvironment().map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(toWorker[0])
        close(fromWorker[1])
        guard status == 0 else {
            close(toWorker[1])
            close(fromWorker[0])
            throw RenderError(description: "graph '\(graphName)': cannot start the render worker \(executable) (\(String(cString: strerror(status))))")
        }
        startedWorkers += 1
        return Worker(pid: pid, requests: toWorker[1], answers: fromWorker[0])
    }

    /// The parent's environment, with Swift's crash backtracer off: a worker that
    /// crashes should die at once, not spend seconds symbolicating.
    private func workerEnvironment() -> [String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        return environment.map { "\($0.key)=\($0.value)" }.sorted()
    }

    /// Closing the request pipe tells the worker to exit once it has answered.
    private func stop(_ worker: Worker) {
        close(worker.requests)
        _ = reap(worker, requestsOpen: false)
    }

    /// Waits for the worker to exit and closes its answer pipe.
    /// - Returns: how it ended, in words ("Segmentation fault", "exit status 1").
    private func reap(_ worker: Worker, requestsOpen: Bool = true) -> String {
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(worker.pid, &status, 0) } while result < 0 && errno == EINTR
        close(worker.answers)
        if requestsOpen { close(worker.requests) }
        let signal = status & 0x7F
        if signal != 0 && signal != 0x7F {
            return strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
        }
        return "exit status \((status >> 8) & 0xFF)"
    }
}

extension LayoutEngine {
    /// Whether the engine lays a graph out differently after the first render in a
    /// process (measured with Graphviz 2.42: `fdp` and `sfdp` do; `dot`, `neato` and
    /// `circo` do not).
    public var keepsStateBetweenRenders: Bool {
        self == .fdp || self == .sfdp
    }
}
