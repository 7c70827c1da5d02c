import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of unfinished outputs when the run is interrupted
/// (SIGINT, SIGTERM, SIGHUP), then lets the signal end the process as it would have.
///
/// A signal handler may only call async-signal-safe functions, so the paths live in
/// memory allocated before any handler is installed, as C strings the handler passes
/// straight to `unlink(2)`; registering takes a lock, the handler takes none.
enum InterruptCleanup {
    // Literals, so that the handler reads constants rather than lazily made globals.
    private static let slotCount = 16
    private static let slotSize = 4096

    /// Per slot: 1 while it holds the path of a temporary file.
    nonisolated(unsafe) private static let occupied: UnsafeMutablePointer<sig_atomic_t> = {
        let flags = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slotCount)
        flags.initialize(repeating: 0, count: slotCount)
        return flags
    }()

    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        storage.initialize(repeating: 0, count: slotCount * slotSize)
        return storage
    }()

    private static let lock = NSLock()

    /// Installs the handlers; call once, early, before any output is written.
    static func install() {
        // Touch the storage now: first use of a global runs its initializer, which a
        // signal handler must not be the one to do.
        _ = occupied
        _ = paths
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            // Back to the default action on entry, so re-raising the signal ends the process.
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Records `path` for removal on a signal; `nil` when every slot is taken or the path
    /// is too long, in which case the file is only removed by normal error handling.
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let slot = (0..<slotCount).first(where: { occupied[$0] == 0 }) else { return nil }
        let start = paths + slot * slotSize
        for (offset, byte) in bytes.enumerated() { start[offset] = CChar(bitPattern: byte) }
        start[bytes.count] = 0
        occupied[slot] = 1
        return slot
    }

    /// Forgets a slot once its file was renamed into place or removed.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        occupied[slot] = 0
        lock.unlock()
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<InterruptCleanup.slotCount where InterruptCleanup.occupied[slot] != 0 {
            unlink(InterruptCleanup.paths + slot * InterruptCleanup.slotSize)
        }
        raise(signal)
    }
}
