import Foundation

/// Runs work over a corpus on several threads and hands the results back in input order.
///
/// One thread reads the corpus (and, while the workers are busy, prepares articles for
/// them), `jobs` threads do the work, the calling thread one of them, and the calling
/// thread takes the results in the order the articles came in, so that everything it
/// writes (files, lines, messages) is the same whatever the number of jobs. With one job
/// the calling thread is the only worker (see ``runOneJob(_:prepare:helping:work:take:)``),
/// with more it works between the results it takes. At most `window` articles are
/// between reading and being taken, so memory stays bounded however large the corpus.
///
/// Threads that wait are woken for a handful of articles at a time, not for each one: the
/// reader when half the window is free, the caller when several results are ready in
/// order (or the workers run out of articles, or an article comes for it to work on).
/// Waking a thread per article, two or three times over, cost a tenth of a one-job run in
/// the kernel; waking the caller every 4 articles (a window of 16) still cost the worker
/// about 1 % of a one-job run in signalling alone, so the window is 64 articles at least,
/// the caller woken every 16. The results the caller took go back to the workers that
/// made them, to be freed (see ``OrderedResults``).
struct BatchRunner<Result: Sendable> {
    /// How many threads do the work.
    let jobs: Int
    /// How many articles may be read ahead of the one the caller takes next.
    let window: Int

    init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = window ?? max(64, 4 * self.jobs)
    }

    /// Reads `reader`'s articles, runs `work` on each on the worker threads, and calls
    /// `take` on the calling thread with each result in input order.
    ///
    /// - Parameter prepare: work on an item that the reading thread does itself while every
    ///   worker has an article waiting, such as parsing its line: with few jobs, the reading
    ///   thread is mostly idle and the workers are the limit. When the workers run short of
    ///   articles, items go to them as they are, so that the one reading thread does not
    ///   become the limit instead: an item is prepared only while more items wait than
    ///   there are workers. With a `prepare` that costs about as much as the worker's
    ///   share, the two threads so even out their loads. `work` gets either, so `prepare`
    ///   must not change what `work` makes of an item.
    /// - Parameter helping: with one job, whether the reading thread also does whole
    ///   articles while the caller falls behind (see ``runOneJob(_:prepare:helping:work:take:)``);
    ///   for a reading thread with a core of its own.
    /// - Throws: what `take` throws, after stopping the reader and the workers.
    func run(
        _ reader: CorpusReader,
        prepare: @escaping @Sendable (CorpusItem) -> CorpusItem = { $0 },
        helping: Bool = false,
        work: @escaping @Sendable (CorpusItem) -> Result,
        take: (Result) throws -> Void
    ) throws {
        if jobs == 1 { return try runOneJob(reader, prepare: prepare, helping: helping, work: work, take: take) }
        let queue = WorkQueue<CorpusItem>()
        let results = OrderedResults<Result>(window: window, wakeAfter: max(1, window / 4), workers: jobs)
        // Not a DispatchSemaphore: libdispatch traps when one is freed below its starting
        // value, which a cancelled run can leave behind while its reader winds down.
        let slots = Slots(window, wakeAt: max(1, window / 2))
        let reading = DispatchGroup()
        let working = DispatchGroup()

        startThread(in: reading) { [jobs] in
            var count = 0
            var workersBusy = false
            reader.forEach { item in
                slots.wait()
                count += 1
                guard let waiting = queue.put(workersBusy ? prepare(item) : item) else { return false }
                workersBusy = waiting > jobs
                // The caller waits for a result only after finding the queue empty, so the
                // first item put after that finds it empty too: only such a put nudges,
                // not each one, which took the results' lock once more for every article.
                if waiting == 1 { results.nudge() }
                return true
            }
            queue.close()
            results.finish(count: count)
        }
        // The calling thread is the last of the jobs: between the results it takes, it works
        // on articles itself (see ``takeOrWork(_:queue:results:as:work:)``).
        let own = jobs - 1
        for worker in 0..<own {
            startThread(in: working) {
                while true {
                    // Out of articles for now: the caller takes what is ready, however little.
                    if queue.isEmpty { results.wakeIfReady() }
                    guard let item = queue.take() else { break }
                    // What comes back, results of this worker's that the caller took, is freed here.
                    _ = results.deliver(work(item), at: item.sequence, from: worker)
                }
            }
        }
        var next = 0
        var spent: [(result: Result, worker: Int)] = []
        do {
            while let taken = takeOrWork(next, queue: queue, results: results, as: own, work: work) {
                try take(taken.result)
                slots.signal()
                next += 1
                // The caller's own results are freed here, by the thread that made them.
                guard taken.worker != own else { continue }
                spent.append(taken)
                if spent.count >= results.wakeAfter { results.giveBack(&spent) }
            }
        } catch {
            stopReading(queue, slots)
            working.wait()
            throw error
        }
        working.wait()
        reading.wait()
    }

    /// The result of item `next`, with the worker that made it, once it is made; until then
    /// the calling thread works on the articles waiting, as worker `own`, and waits only
    /// when none waits. `nil` after the last item.
    ///
    /// With as many jobs as cores, the caller's own thread, which only took the results,
    /// made a busy thread more than there were cores: two jobs on two cores ran at four
    /// fifths of the speed of one.
    private func takeOrWork(
        _ next: Int, queue: WorkQueue<CorpusItem>, results: OrderedResults<Result>, as own: Int, work: (CorpusItem) -> Result
    ) -> (result: Result, worker: Int)? {
        while true {
            if let ready = results.takeIfWaiting(next) { return ready }
            guard let item = queue.takeIfAny() else {
                switch results.takeUnlessNudged(next) {
                case let .taken(taken): return taken
                case .finished: return nil
                case .nudged: continue
                }
            }
            let result = work(item)
            if item.sequence == next { return (result, own) }
            // Given back: the caller's results taken earlier, none, as it frees its own.
            _ = results.deliver(result, at: item.sequence, from: own)
        }
    }

    /// One job: the calling thread does the work, taking each result as soon as it is made.
    ///
    /// A worker thread of its own made a third busy thread beside the reader and the
    /// caller: on two cores the caller then waited for a core while results piled up, the
    /// full window stopped the reader, and the worker ran dry while the caller caught up.
    /// Both cores were busy four fifths of the time.
    ///
    /// The caller's share (the work and what `take` does) outweighs the reader's (reading
    /// and `prepare`), so while more than a quarter of the window waits, the reader, when
    /// `helping`, does whole articles itself and hands on their results: the queue then
    /// shrinks, and the reader goes back to preparing once it is short again.
    private func runOneJob(
        _ reader: CorpusReader, prepare: @escaping @Sendable (CorpusItem) -> CorpusItem, helping: Bool,
        work: @escaping @Sendable (CorpusItem) -> Result, take: (Result) throws -> Void
    ) throws {
        let queue = WorkQueue<OneJobItem>()
        let slots = Slots(window, wakeAt: max(1, window / 2))
        let reading = DispatchGroup()
        let helpAbove = max(2, window / 4)
        startThread(in: reading) {
            var waiting = 0
            reader.forEach { item in
                slots.wait()
                let next: OneJobItem = helping && waiting > helpAbove
                    ? .done(work(prepare(item))) : .item(waiting > jobs ? prepare(item) : item)
                guard let count = queue.put(next) else { return false }
                waiting = count
                return true
            }
            queue.close()
        }
        do {
            while let next = queue.take() {
                switch next {
                case let .item(item): try take(work(item))
                case let .done(result): try take(result)
                }
                slots.signal()
            }
        } catch {
            stopReading(queue, slots)
            throw error
        }
        reading.wait()
    }

    /// Cancels the run for the reader and lets it past the window. It may be blocked reading
    /// a pipe that stays open; it stops at its next article, and the process need not wait
    /// for that.
    private func stopReading<Item>(_ queue: WorkQueue<Item>, _ slots: Slots) {
        queue.cancel()
        for _ in 0..<window { slots.signal() }
    }

    /// What the one-job reader hands on: an item for the caller's work, or one it did.
    private enum OneJobItem: Sendable {
        case item(CorpusItem)
        case done(Result)
    }

    private func startThread(in group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            group.leave()
        }
        // Extraction recurses over clauses; give it the main thread's room.
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// A counting semaphore on a condition lock, safe to free in any state, that wakes its
/// waiter only once `wakeAt` slots are free.
///
/// Safe to share: `available` and `waiting` are read and written under `condition`'s lock.
private final class Slots: @unchecked Sendable {
    private let condition = NSCondition()
    private var available: Int
    private let wakeAt: Int
    private var waiting = false

    /// - Parameter wakeAt: at most `count`, so that a waiter is always woken.
    init(_ count: Int, wakeAt: Int) {
        available = count
        self.wakeAt = min(wakeAt, count)
    }

    func wait() {
        condition.lock()
        while available <= 0 {
            waiting = true
            condition.wait()
        }
        available -= 1
        condition.unlock()
    }

    func signal() {
        condition.lock()
        available += 1
        if waiting, available >= wakeAt {
            waiting = false
            condition.signal()
        }
        condition.unlock()
    }
}

/// The articles read but not yet taken by a worker.
///
/// Safe to share: every property is read and written under `condition`'s lock.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// The items put, those before `head` taken and emptied: an item kept after it was
    /// taken would hold its article, and a prepared one its tokens and mentions, until
    /// the list was next cut.
    private var items: [Item?] = []
    private var head = 0
    private var closed = false
    private var cancelled = false

    /// Whether no item waits for a worker (a glance: items may come or go right after).
    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == items.count
    }

    /// Adds an item; returns how many items then wait for a worker, or `nil` once the run
    /// was cancelled, so the reader stops.
    func put(_ item: Item) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard !cancelled else { return nil }
        items.append(item)
        condition.signal()
        return items.count - head
    }

    /// The next item, waiting for one; `nil` when the reader is done or the run was cancelled.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, !closed, !cancelled { condition.wait() }
        guard !cancelled, head < items.count else { return nil }
        return takeHead()
    }

    /// Called under the lock, with an item waiting.
    private func takeHead() -> Item? {
        let item = items[head].take()
        head += 1
        // Drop the emptied slots now and then, so the array does not grow with the corpus.
        if head >= 1024, head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    /// The next item if one waits, without waiting; `nil` too once the run was cancelled.
    func takeIfAny() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard !cancelled, head < items.count else { return nil }
        return takeHead()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Results delivered in any order and taken in input order, and given back once taken.
///
/// Taken results are given back so that the worker that made each one frees it: memory
/// freed on another thread than the one that allocated it goes back under the lock of the
/// allocating thread's arena, which the freeing thread and the allocating one then fight
/// over. Freed by the taker, that cost a tenth of a one-job run; freed by whichever worker
/// delivered next, two workers each freed the other's results half the time.
///
/// The results waiting to be taken are kept in a ring of one place per article of the
/// window, by sequence number: at most a window's articles are between reading and being
/// taken, so no two of them share a place. Kept in a `Dictionary`, storing each cost a
/// worker more than a hundredth of its article.
///
/// Safe to share: every property is read and written under `condition`'s lock.
private final class OrderedResults<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [(result: Result, worker: Int)?]
    /// Taken results, by the worker that made them.
    private var spent: [[Result]]
    private var count: Int?
    /// How many results, in order from the awaited one, wake the taker.
    let wakeAfter: Int
    /// The result the taker waits for, while it waits.
    private var awaited: Int?
    /// Whether the reader handed on an item since the taker last looked for one.
    private var nudged = false

    /// - Parameter window: how many articles may be between reading and being taken.
    init(window: Int, wakeAfter: Int, workers: Int) {
        waiting = Array(repeating: nil, count: window)
        self.wakeAfter = wakeAfter
        spent = Array(repeating: [], count: workers)
    }

    private func place(of sequence: Int) -> Int { sequence % waiting.count }

    private func isWaiting(_ sequence: Int) -> Bool { waiting[place(of: sequence)] != nil }

    /// Stores the result of `worker`; returns its results given back since its last
    /// delivery, for it to free.
    func deliver(_ result: Result, at sequence: Int, from worker: Int) -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        var given: [Result] = []
        swap(&given, &spent[worker])
        precondition(!isWaiting(sequence), "more articles between reading and taking than the window holds")
        waiting[place(of: sequence)] = (result, worker)
        // The results that wake the taker: the awaited one and those after it, up to the last.
        if let awaited, case let batch = awaited..<min(awaited + wakeAfter, count ?? Int.max), batch.contains(sequence),
           batch.allSatisfy({ isWaiting($0) }) {
            wake()
        }
        return given
    }

    /// Hands taken results back to the workers that made them, leaving `results` empty.
    ///
    /// `results` is emptied under the lock: emptied after it, a worker could collect and
    /// release its results in between, and the taker's release would then be the last one.
    func giveBack(_ results: inout [(result: Result, worker: Int)]) {
        condition.lock()
        defer { condition.unlock() }
        for taken in results { spent[taken.worker].append(taken.result) }
        results.removeAll(keepingCapacity: true)
    }

    /// Wakes the taker if the result it waits for is ready, however few follow it.
    func wakeIfReady() {
        condition.lock()
        if let awaited, isWaiting(awaited) { wake() }
        condition.unlock()
    }

    /// Called under the lock.
    private func wake() {
        awaited = nil
        condition.signal()
    }

    /// Called by the reader once it has handed on `count` items.
    func finish(count: Int) {
        condition.lock()
        self.count = count
        condition.broadcast()
        condition.unlock()
    }

    /// The result of item `sequence` and the worker that made it, if it is ready; forgets
    /// the reader's nudges so far, as the taker looks for work next.
    func takeIfWaiting(_ sequence: Int) -> (result: Result, worker: Int)? {
        condition.lock()
        defer { condition.unlock() }
        nudged = false
        return removeWaiting(sequence)
    }

    /// Called by the reader after each item it hands on: a taker that works between its
    /// results stops waiting for one, to take the item.
    func nudge() {
        condition.lock()
        nudged = true
        if awaited != nil { wake() }
        condition.unlock()
    }

    enum Taking {
        case taken((result: Result, worker: Int))
        /// After the last item.
        case finished
        /// The reader handed on an item since ``takeIfWaiting(_:)``.
        case nudged
    }

    /// The result of item `sequence`, waiting for it unless the reader hands on an item first.
    func takeUnlessNudged(_ sequence: Int) -> Taking {
        condition.lock()
        defer { condition.unlock() }
        while !isWaiting(sequence) {
            if let count, sequence >= count { return .finished }
            if nudged { return .nudged }
            awaited = sequence
            condition.wait()
        }
        awaited = nil
        return .taken(removeWaiting(sequence)!)
    }

    /// The result of item `sequence`, taken out of its place, if it is there. Called under the lock.
    private func removeWaiting(_ sequence: Int) -> (result: Result, worker: Int)? {
        var taken: (result: Result, worker: Int)?
        swap(&taken, &waiting[place(of: sequence)])
        return taken
    }
}
