import Foundation

/// A blocking FIFO with a capacity: producers wait when it is full, so a
/// fast stage cannot run ahead of a slow one and memory stays flat.
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [Element?] = []
    private var head = 0
    private let capacity: Int
    private var closed = false
    private let condition = NSCondition()

    init(capacity: Int) { self.capacity = max(1, capacity) }

    private var count: Int { items.count - head }

    /// Blocks while full. Returns false when the queue was closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Blocks while empty; nil once closed and drained.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        guard count > 0 else { return nil }
        let element = items[head]
        items[head] = nil
        head += 1
        if head > 1024 && head * 2 > items.count { items.removeFirst(head); head = 0 }
        condition.broadcast()
        return element
    }

    /// Takes everything queued without waiting: [] when it is empty, nil once it is closed and drained.
    func drain() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        guard count > 0 else { return closed ? nil : [] }
        let out = items[head...].map { $0! }
        items.removeAll(keepingCapacity: true)
        head = 0
        condition.broadcast()
        return out
    }

    /// No more pushes; poppers drain what is left.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A pool of threads that take from one queue and give to the next; the
/// output queue is closed when the last worker finishes.
enum WorkerPool {
    static func start<In, Out>(name: String, workers: Int, input: BoundedQueue<In>, output: BoundedQueue<Out>,
                               work: @escaping @Sendable (In) -> Out) {
        let remaining = Counter(workers)
        for k in 0..<workers {
            let thread = Thread {
                while let item = input.pop() { output.push(work(item)) }
                if remaining.decrement() == 0 { output.close() }
            }
            thread.name = "\(name)-\(k)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

final class Counter: @unchecked Sendable {
    private var value: Int
    private let lock = NSLock()
    init(_ value: Int) { self.value = value }
    func decrement() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value -= 1
        return value
    }
}

/// `work` over `items` on a pool of `workers` threads, with each result handed to `consume` on
/// the calling thread in the order of `items`: a command's output does not depend on which
/// thread finished first. Results that finish before their turn wait in memory (for `extract`,
/// one rendered file each).
public enum OrderedWork {
    public static func run<In: Sendable, Out>(_ items: [In], workers: Int, work: @escaping @Sendable (In) -> Out,
                                    consume: (Out) -> Void) {
        guard workers > 1, items.count > 1 else {
            for item in items { consume(work(item)) }
            return
        }
        let input = BoundedQueue<(Int, In)>(capacity: workers * 4)
        let output = BoundedQueue<(Int, Out)>(capacity: workers * 4)
        WorkerPool.start(name: "work", workers: workers, input: input, output: output) { pair in (pair.0, work(pair.1)) }
        let indexed = Array(items.enumerated())
        let feeder = Thread {
            for (k, item) in indexed where !input.push((k, item)) { break }
            input.close()
        }
        feeder.start()
        var waiting: [Int: Out] = [:]
        var next = 0
        while let (k, result) = output.pop() {
            waiting[k] = result
            while let ready = waiting.removeValue(forKey: next) {
                consume(ready)
                next += 1
            }
        }
    }
}
