@testable import actorgraph
import Foundation
import TestSupport
import XCTest

/// The parallel corpus runner and the streaming line reader under it.
final class BatchRunnerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    func testResultsComeBackInInputOrderWhateverOrderWorkersFinishIn() throws {
        let reader = try corpus(lines: 200)
        var taken: [Int] = []
        try BatchRunner<Int>(jobs: 4, window: 8).run(reader) { item in
            // Later items often finish first.
            usleep(UInt32((item.sequence * 7919) % 13) * 100)
            return item.sequence
        } take: { taken.append($0) }
        XCTAssertEqual(taken, Array(0..<200))
    }

    func testResultsComeBackInInputOrderWithAWindowSmallerThanTheWorkers() throws {
        // Waiting results are kept by sequence number modulo the window: with more workers
        // than places, a place is reused as soon as its result was taken, never before.
        for window in [1, 3] {
            let reader = try corpus(lines: 60)
            var taken: [Int] = []
            try BatchRunner<Int>(jobs: 4, window: window).run(reader) { item in
                usleep(UInt32((item.sequence * 7919) % 5) * 100)
                return item.sequence
            } take: { taken.append($0) }
            XCTAssertEqual(taken, Array(0..<60), "window \(window)")
        }
    }

    func testFailureWhileTakingStopsTheRunAndIsRethrown() throws {
        struct Stop: Error {}
        let reader = try corpus(lines: 500)
        var taken = 0
        XCTAssertThrowsError(try BatchRunner<Int>(jobs: 3, window: 4).run(reader) { $0.sequence } take: { sequence in
            taken += 1
            if sequence == 10 { throw Stop() }
        })
        XCTAssertEqual(taken, 11)
    }

    func testResultsAreTakenWhileTheInputPausesNotOnlyOnceItEnds() throws {
        // Threads are woken for several articles at a time; a pause in the input must not
        // hold back the results of the articles already read.
        let fifo = folder.appendingPathComponent("pipe.jsonl").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let taken = DispatchSemaphore(value: 0)
        let pausedWithAllTaken = LockedFlag()
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data((0..<3).map { "{\"id\": \"\($0)\", \"text\": \"Japan met China.\"}\n" }.joined().utf8))
            // A hang guard, not a measure: the three results come long before.
            pausedWithAllTaken.value = (0..<3).allSatisfy { _ in taken.wait(timeout: .now() + 60) == .success }
            handle.closeFile()
        }
        writer.start()
        var sequences: [Int] = []
        try BatchRunner<Int>(jobs: 2).run(CorpusReader(sources: [.jsonLines(path: fifo)])) { $0.sequence } take: { sequence in
            sequences.append(sequence)
            taken.signal()
        }
        XCTAssertEqual(sequences, [0, 1, 2])
        XCTAssertTrue(pausedWithAllTaken.value)
    }

    func testTakenResultsAreFreedOnTheWorkersNotTheCallersThread() throws {
        // Memory freed on another thread than the allocating one contends for that thread's
        // allocator; only the last few results, taken after their worker's last delivery,
        // stay behind: at most a window's worth for each worker, and the few not yet given
        // back. The caller, one of the jobs, frees the results it made itself.
        let reader = try corpus(lines: 400)
        let caller = pthread_self()
        let othersFreedByCaller = LockedCount()
        try BatchRunner<Tracked>(jobs: 2, window: 8).run(reader) { _ in
            let maker = pthread_self()
            return Tracked {
                if pthread_equal(pthread_self(), caller) != 0, pthread_equal(maker, caller) == 0 { othersFreedByCaller.increment() }
            }
        } take: { _ in }
        XCTAssertLessThanOrEqual(othersFreedByCaller.value, 2 * 8 + 2)
    }

    func testCallerWorksOnArticlesWhileTheResultItNeedsIsNotReady() throws {
        // Two jobs: one worker thread and the caller. Each even item is held until the item
        // after it is done, which only the other thread can do: a caller that only waited
        // for results would leave the worker holding the first item for good.
        let reader = try corpus(lines: 20)
        let caller = pthread_self()
        let done = (0..<20).map { _ in DispatchSemaphore(value: 0) }
        let timedOut = LockedCount()
        var taken: [Made] = []
        try BatchRunner<Made>(jobs: 2, window: 8).run(reader) { item in
            let byCaller = pthread_equal(pthread_self(), caller) != 0
            // A hang guard, not a measure.
            if item.sequence % 2 == 0, done[item.sequence + 1].wait(timeout: .now() + 60) == .timedOut { timedOut.increment() }
            done[item.sequence].signal()
            return Made(sequence: item.sequence, byCaller: byCaller)
        } take: { taken.append($0) }
        XCTAssertEqual(timedOut.value, 0)
        XCTAssertEqual(taken.map(\.sequence), Array(0..<20))
        for pair in stride(from: 0, to: 20, by: 2) {
            XCTAssertNotEqual(taken[pair].byCaller, taken[pair + 1].byCaller, "items \(pair) and \(pair + 1)")
        }
    }

    func testTakenResultsAreFreedByTheWorkerThatMadeThem() throws {
        // Only the last few results, taken after their worker's last delivery, are freed
        // elsewhere (by the caller, as the run ends): at most a window's worth for each
        // worker, and the few not yet given back. Freed by whichever worker delivered next,
        // about two in three of 400 were.
        let reader = try corpus(lines: 400)
        let freedElsewhere = LockedCount()
        try BatchRunner<Tracked>(jobs: 3, window: 8).run(reader) { _ in
            let maker = pthread_self()
            return Tracked { if pthread_equal(pthread_self(), maker) == 0 { freedElsewhere.increment() } }
        } take: { _ in }
        XCTAssertLessThanOrEqual(freedElsewhere.value, 3 * 8 + 2)
    }

    func testReaderPreparesItemsOnlyWhileMoreWaitThanWorkers() throws {
        // One job. The caller, its worker, holds the first item until the last is prepared;
        // the other lines are written only once it holds it. Then the second item finds
        // none waiting and the third one, so both go as they are; the fourth finds two, and
        // from there on every item is prepared.
        let holding = DispatchSemaphore(value: 0)
        let lastPrepared = DispatchSemaphore(value: 0)
        let reader = try heldCorpus(named: "held.jsonl", lines: 6, restAfter: holding)
        var prepared: [Bool] = []
        try BatchRunner<Bool>(jobs: 1, window: 8).run(reader, prepare: { item in
            if item.sequence == 5 { lastPrepared.signal() }
            return item.parsed(date: nil)
        }) { item in
            if item.sequence == 0 {
                holding.signal()
                _ = lastPrepared.wait(timeout: .now() + 60)
            }
            if case .parsed = item.payload { return true }
            return false
        } take: { prepared.append($0) }
        XCTAssertEqual(prepared, [false, false, false, true, true, true])
    }

    func testOneJobsReaderDoesWholeArticlesWhileTheCallerFallsBehind() throws {
        // One job, a window of 8: the reader helps while more than 2 items wait. The caller
        // holds the first item until the reader has done the last; the other lines are
        // written only once it holds it. The second to fourth items find at most 2 waiting
        // and are left to the caller; from the fifth on, the reader does each itself.
        let holding = DispatchSemaphore(value: 0)
        let lastDone = DispatchSemaphore(value: 0)
        let reader = try heldCorpus(named: "behind.jsonl", lines: 8, restAfter: holding)
        let caller = pthread_self()
        var taken: [Made] = []
        try BatchRunner<Made>(jobs: 1, window: 8).run(reader, prepare: { $0.parsed(date: nil) }, helping: true) { item in
            let byCaller = pthread_equal(pthread_self(), caller) != 0
            if item.sequence == 0 {
                holding.signal()
                _ = lastDone.wait(timeout: .now() + 60)
            }
            if item.sequence == 7, !byCaller { lastDone.signal() }
            return Made(sequence: item.sequence, byCaller: byCaller)
        } take: { taken.append($0) }
        XCTAssertEqual(taken.map(\.sequence), Array(0..<8))
        XCTAssertEqual(taken.map(\.byCaller), [true, true, true, true, false, false, false, false])
    }

    func testOneJobsReaderLeavesEveryArticleToTheCallerUnlessHelping() throws {
        let caller = pthread_self()
        var byCaller: [Bool] = []
        try BatchRunner<Bool>(jobs: 1, window: 8).run(try corpus(lines: 100)) { _ in
            pthread_equal(pthread_self(), caller) != 0
        } take: { byCaller.append($0) }
        XCTAssertEqual(byCaller, Array(repeating: true, count: 100))
    }

    /// An item's place and whether the calling thread did it.
    private struct Made: Sendable {
        var sequence: Int
        var byCaller: Bool
    }

    func testWorkQueueKeepsNoItemOnceTaken() throws {
        // An item the queue still held after a worker took it would keep its article (and a
        // prepared one its tokens) alive for up to a thousand more: the line's bytes are
        // changed in place below only if no other array shares them.
        let queue = WorkQueue<CorpusItem>()
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
        let address = line.withUnsafeBufferPointer { $0.baseAddress }
        XCTAssertEqual(queue.put(CorpusItem(sequence: 0, byteCount: line.count, payload: .line(line, origin: "c.jsonl:1", fallbackID: "c-1"))), 1)
        XCTAssertNotNil(queue.take())
        line[0] = UInt8(ascii: "b")
        XCTAssertEqual(line.withUnsafeBufferPointer { $0.baseAddress }, address)
    }

    func testReaderHandsItemsOnAsTheyAreWhenWorkersRunShort() throws {
        // Each line is written only once the one before it was taken, so the three workers
        // never have an item waiting each, and the reading thread leaves every item to them.
        let fifo = folder.appendingPathComponent("slow.jsonl").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let taken = DispatchSemaphore(value: 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            for number in 0..<6 {
                handle.write(Data("{\"id\": \"\(number)\", \"text\": \"Japan met China.\"}\n".utf8))
                // A hang guard, not a measure.
                guard taken.wait(timeout: .now() + 60) == .success else { break }
            }
            handle.closeFile()
        }
        writer.start()
        var prepared: [Bool] = []
        try BatchRunner<Bool>(jobs: 3).run(CorpusReader(sources: [.jsonLines(path: fifo)]), prepare: { $0.parsed(date: nil) }) { item in
            if case .parsed = item.payload { return true }
            return false
        } take: {
            prepared.append($0)
            taken.signal()
        }
        XCTAssertEqual(prepared, Array(repeating: false, count: 6))
    }

    func testLineReaderNumbersLinesAcrossBufferBoundariesAndCarriageReturns() throws {
        let url = folder.appendingPathComponent("lines.jsonl")
        try Data("first line\r\nsecond, which is longer than the buffer\n\nlast without a break".utf8).write(to: url)
        let reader = try LineReader(path: url.path, bufferSize: 8)
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        XCTAssertEqual(lines, ["first line", "second, which is longer than the buffer", "", "last without a break"])
        XCTAssertEqual(reader.lineNumber, 4)
    }

    /// A corpus read from a FIFO: the first of `count` lines is written at once, the rest
    /// once `holding` is signalled (or a minute has passed: a hang guard, not a measure).
    private func heldCorpus(named name: String, lines count: Int, restAfter holding: DispatchSemaphore) throws -> CorpusReader {
        let fifo = folder.appendingPathComponent(name).path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            let line = { (number: Int) in Data("{\"id\": \"\(number)\", \"text\": \"Japan met China.\"}\n".utf8) }
            handle.write(line(0))
            if holding.wait(timeout: .now() + 60) == .success {
                for number in 1..<count { handle.write(line(number)) }
            }
            handle.closeFile()
        }
        writer.start()
        return CorpusReader(sources: [.jsonLines(path: fifo)])
    }

    private func corpus(lines: Int) throws -> CorpusReader {
        let url = folder.appendingPathComponent("corpus.jsonl")
        try Data((0..<lines).map { "{\"id\": \"\($0)\", \"text\": \"Japan met China.\"}\n" }.joined().utf8).write(to: url)
        return CorpusReader(sources: [.jsonLines(path: url.path)])
    }
}

/// A flag one thread sets and another reads.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false

    /// Safe to share: `stored` is read and written under `lock`.
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A result that reports where it is freed.
private final class Tracked: Sendable {
    private let freed: @Sendable () -> Void
    init(freed: @escaping @Sendable () -> Void) { self.freed = freed }
    deinit { freed() }
}

/// A count several threads add to.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    /// Safe to share: `stored` is read and written under `lock`.
    var value: Int { lock.withLock { stored } }
    func increment() { lock.withLock { stored += 1 } }
}
