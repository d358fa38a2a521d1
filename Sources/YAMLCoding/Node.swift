#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of a node in the parsed tree.
enum NodeKind: UInt8 {
    case scalar
    case sequence
    case mapping
}

/// One node of the compact tree: 20 bytes, no references.
///
/// Scalars point into `Document.scalarBytes`; collections point into `Document.children`
/// (a mapping stores key, value, key, value, …). Aliases are not nodes: the parent's child list
/// holds the anchored node's index again.
struct Node {
    /// 0-based line of the start mark.
    var line: UInt32
    /// 0-based column (in Unicode scalars) of the start mark.
    var column: UInt32
    /// Scalar: offset of the value in `scalarBytes`. Collection: first index in `children`.
    var first: UInt32
    /// Scalar: value length in bytes. Collection: number of child slots (2 per mapping entry).
    var count: UInt32
    var kind: NodeKind
    /// `ScalarStyle` raw value for scalars.
    var style: UInt8
    var flags: UInt8

    static let resolvable: UInt8 = 1  // plain and untagged: typed by the core schema
    static let null: UInt8 = 2  // resolvable and one of ``, `~`, `null`, `Null`, `NULL`
    static let emptyDocument: UInt8 = 4  // the stand-in root of a stream with no document
    static let absent: UInt8 = 8  // the stand-in for a missing key (`superDecoder(forKey:)`)

    var isResolvable: Bool { flags & Node.resolvable != 0 }
    var isNull: Bool { flags & Node.null != 0 }
}

/// A parsed YAML document: a flat array of nodes plus the side tables they index.
final class Document {
    let nodes: [Node]
    let children: [UInt32]
    let scalarBytes: [UInt8]
    let root: Int
    /// A null node standing for a missing value; never part of the tree.
    let absentNode: Int
    /// Key text → entry index, for mappings too large to scan.
    let mappingIndex: [Int: [String: Int]]
    /// End marks (0-based line, column) of plain scalars that span lines, to find a comment after them.
    let multilinePlainEnds: [Int: (line: Int, column: Int)]

    init(
        nodes: [Node], children: [UInt32], scalarBytes: [UInt8], root: Int, absentNode: Int,
        mappingIndex: [Int: [String: Int]], multilinePlainEnds: [Int: (line: Int, column: Int)] = [:]
    ) {
        self.multilinePlainEnds = multilinePlainEnds
        self.nodes = nodes
        self.children = children
        self.scalarBytes = scalarBytes
        self.root = root
        self.absentNode = absentNode
        self.mappingIndex = mappingIndex
    }

    /// Mappings with more entries than this get a dictionary index; smaller ones are scanned.
    static let scanLimit = 12

    @inline(__always)
    func child(_ node: Node, _ slot: Int) -> Int {
        Int(children[Int(node.first) + slot])
    }

    func text(_ index: Int) -> String {
        let node = nodes[index]
        guard node.kind == .scalar else { return "" }
        return scalarBytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(node.first)..<Int(node.first + node.count)]), as: UTF8.self)
        }
    }

    func withBytes<R, E: Error>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        let node = nodes[index]
        let start = Int(node.first)
        let end = start + Int(node.count)
        return try scalarBytes.withUnsafeBufferPointer { (buffer) throws(E) -> R in
            try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// The entry index of `key` in a mapping node, or nil.
    ///
    /// Small mappings are scanned from `hint` (wrapping around): types usually read their keys in the
    /// order the file lists them, so the scan mostly succeeds at its first comparison.
    func entry(of key: String, inMapping index: Int, hint: Int = 0) -> Int? {
        let node = nodes[index]
        guard node.kind == .mapping else { return nil }
        let entries = Int(node.count) / 2
        if entries > Document.scanLimit, let table = mappingIndex[index] {
            return table[key]
        }
        guard entries > 0 else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            scalarBytes.withUnsafeBufferPointer { bytes in
                children.withUnsafeBufferPointer { kids in
                    nodes.withUnsafeBufferPointer { nodes in
                        let base = Int(node.first)
                        var entry = hint < entries && hint > 0 ? hint : 0
                        for _ in 0..<entries {
                            let keyNode = nodes[Int(kids[base + 2 * entry])]
                            if Int(keyNode.count) == wanted.count {
                                if wanted.isEmpty { return entry }
                                if let a = bytes.baseAddress, let b = wanted.baseAddress,
                                    memcmp(a + Int(keyNode.first), b, wanted.count) == 0
                                {
                                    return entry
                                }
                            }
                            entry += 1
                            if entry == entries { entry = 0 }
                        }
                        return nil
                    }
                }
            }
        }
    }
}
