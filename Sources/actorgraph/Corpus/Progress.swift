import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line of a corpus run on standard error (articles done, articles/s, MB/s,
/// ETA), drawn only when standard error is a terminal, so logs and pipes stay clean.
struct ProgressLine {
    private let totalBytes: Int?
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private(set) var articles = 0
    private(set) var bytes = 0

    /// - Parameter totalBytes: the corpus's size when known, for the ETA.
    init(totalBytes: Int?, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    /// Seconds since the run started.
    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Counts one more article of `byteCount` input bytes and redraws at most ten times a second.
    mutating func advance(byteCount: Int) {
        articles += 1
        bytes += byteCount
        guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = Date()
        Console.writeError("\r\u{1B}[K\(line())")
    }

    /// Clears the progress line before the summary is printed.
    func finish() {
        guard enabled else { return }
        Console.writeError("\r\u{1B}[K")
    }

    private func line() -> String {
        let seconds = max(elapsed, 0.001)
        let megabytes = Double(bytes) / 1_000_000
        var parts = [
            bar(),
            "\(articles) articles",
            String(format: "%.1f articles/s", Double(articles) / seconds),
            String(format: "%.2f MB/s", megabytes / seconds),
        ]
        if let totalBytes, bytes > 0, totalBytes > bytes {
            parts.append("ETA \(Self.clock(seconds * Double(totalBytes - bytes) / Double(bytes)))")
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "  ")
    }

    private func bar(width: Int = 24) -> String {
        guard let totalBytes, totalBytes > 0 else { return "" }
        let filled = min(width, width * bytes / totalBytes)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}
