import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map`, on several threads when the machine has more than one core and there is enough to do:
    /// each worker takes the next `chunk` elements not yet taken. The result is in the array's order,
    /// whichever thread made each element, so nothing the caller sees depends on the threads.
    /// `transform` must be safe to run on several threads at once (a pure function of its element).
    public func concurrentMap<T>(chunk: Int = 16, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunk = Swift.max(chunk, 1)
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, 4, (count + chunk - 1) / chunk)
        guard workers > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each slot is initialized once, by the worker that took its chunk.
            nonisolated(unsafe) let slots = buffer
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let start = next.add(chunk, ordering: .relaxed).oldValue
                    guard start < count else { return }
                    for index in start..<Swift.min(start + chunk, count) {
                        (slots.baseAddress! + index).initialize(to: transform(self[index]))
                    }
                }
            }
            initialized = count
        }
    }
}
