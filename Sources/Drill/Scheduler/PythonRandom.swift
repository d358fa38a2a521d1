/// CPython's `random` module generator: MT19937 seeded the way `random.seed(int)` seeds it, with
/// `random()` built from two 32-bit outputs. Fuzzed schedules drawn from it match py-fsrs's under the
/// same seed, which is what lets seeded quizzes be checked against the reference implementation.
public struct PythonRandom: FuzzRandomSource, RandomNumberGenerator, Sendable {
    private static let n = 624
    private static let m = 397
    private var state: [UInt32]
    private var index: Int

    /// Same stream as `random.seed(seed)` in CPython 3 (the sign is ignored, as Python does).
    public init(seed: Int) {
        self.init(seedMagnitude: seed.magnitude)
    }

    public init(seedMagnitude seed: UInt) {
        // Python splits the seed's absolute value into 32-bit words, least significant first.
        var key: [UInt32] = []
        var rest = UInt64(seed)
        repeat {
            key.append(UInt32(truncatingIfNeeded: rest))
            rest >>= 32
        } while rest != 0
        self.init(key: key)
    }

    /// MT19937 `init_by_array`, for seeds wider than 64 bits: pass their 32-bit words, least significant first.
    public init(key: [UInt32]) {
        let n = Self.n
        var mt = [UInt32](repeating: 0, count: n)
        mt[0] = 19_650_218
        for i in 1..<n {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        let key = key.isEmpty ? [0] : key
        var i = 1
        var j = 0
        for _ in 0..<max(n, key.count) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
        }
        mt[0] = 0x8000_0000
        state = mt
        index = n
    }

    /// The next raw 32-bit output (`genrand_uint32`).
    public mutating func nextUInt32() -> UInt32 {
        if index >= Self.n { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random.random()`: 27 high bits of one output and 26 of the next make a 53-bit fraction.
    public mutating func random() -> Double {
        let high = UInt64(nextUInt32() >> 5)
        let low = UInt64(nextUInt32() >> 6)
        return Double(high * 67_108_864 + low) / 9_007_199_254_740_992
    }

    public mutating func nextUnitInterval() -> Double { random() }

    /// For Swift's shuffles and `random(in:using:)`; deterministic, but not a Python stream.
    public mutating func next() -> UInt64 {
        UInt64(nextUInt32()) << 32 | UInt64(nextUInt32())
    }

    private mutating func twist() {
        let n = Self.n
        let m = Self.m
        for k in 0..<n {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % n] & 0x7FFF_FFFF)
            var next = state[(k + m) % n] ^ (y >> 1)
            if y & 1 != 0 { next ^= 0x9908_B0DF }
            state[k] = next
        }
        index = 0
    }
}
