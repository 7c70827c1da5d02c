import Foundation

/// The fuzzing harness: under libFuzzer (built by `make fuzz` with `-DFUZZING`), one
/// ``FuzzCase`` per input the fuzzer generates; in an ordinary build, one per file named
/// on the command line, so that a crash file reproduces without the sanitizer build:
///
/// ```
/// $ swift run actorgraph-fuzz fuzz-artifacts/crash-3f2a…
/// fuzz-artifacts/crash-3f2a…: JSON round trip changed the graph
/// ```
@main
struct FuzzEntry {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
        #else
        exit(replay(Array(CommandLine.arguments.dropFirst())))
        #endif
    }

    /// Runs each file once; 0 when every property held, 1 otherwise.
    static func replay(_ paths: [String]) -> Int32 {
        guard !paths.isEmpty else {
            print("usage: actorgraph-fuzz INPUT…   (runs the fuzz checks on each file; `make fuzz` fuzzes)")
            return 2
        }
        var failed = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                failed += 1
                continue
            }
            do {
                try FuzzCase(Array(data)).check()
            } catch {
                print("\(path): \(error)")
                failed += 1
            }
        }
        print("\(paths.count - failed) of \(paths.count) inputs kept every property")
        return failed == 0 ? 0 : 1
    }
}

#if FUZZING
/// libFuzzer's driver, for a program that keeps its own `main` (SwiftPM names an
/// executable's entry point itself, so libFuzzer's `main` cannot be used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// A broken property is a crash to libFuzzer, so that it saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try FuzzCase(bytes).check()
    } catch {
        fatalError("\(error)")
    }
    return 0
}
#endif
