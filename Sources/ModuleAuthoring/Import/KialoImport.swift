import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// Turns a Kialo discussion into a pack: the thesis is the resolution; each claim under it is a
/// claim for the side it helps; a claim that opposes its parent (a `Con:` below the top level)
/// is a counterclaim answering the parent, with `response` (default `no-link`: Kialo does not say
/// how a con attacks, and "the reason does not hold" is the most common reading).
public struct KialoImport: Sendable {
    public var id: String
    public var response: ResponseKind

    public init(id: String, response: ResponseKind = .noLink) throws(DiagnosticsError) {
        guard ModuleDescriptor.isValidID(id) else {
            throw DiagnosticsError(.error(.badModuleID, "`\(id)` is not a module id: use lowercase letters, digits and dashes, starting with a letter",
                                          hint: "pass --id NAME"))
        }
        self.id = id
        self.response = response
    }

    /// `modules/kialo-transit` → `kialo-transit`; nil when nothing usable is left.
    public static func id(fromFolder folder: String) -> String? {
        let name = (URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent).lowercased()
        var slug = ""
        for ch in name {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { slug.append(ch) } else if !slug.hasSuffix("-") { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        while let first = slug.first, !first.isLetter { slug.removeFirst() }
        return ModuleDescriptor.isValidID(slug) ? slug : nil
    }

    func claimID(_ number: [Int]) -> String { "\(id).\(number.map(String.init).joined(separator: "-"))" }

    /// One claim per node below the thesis, in file order.
    public func claims(from discussion: KialoDiscussion) -> [ClaimEntry] {
        var sides: [[Int]: Side] = [:]
        var result: [ClaimEntry] = []
        for node in discussion.nodes {
            let parentSide = sides[node.parent]
            let side: Side
            if let parentSide {
                side = node.stance == .con ? parentSide.opponent : parentSide
            } else {
                side = node.stance == .con ? .con : .pro
            }
            sides[node.number] = side
            let text = node.link.flatMap { discussion.node($0)?.text } ?? node.text
            var tags = ["kialo", parentSide == nil ? "contention" : node.stance == .con ? "objection" : "support"]
            if node.link != nil { tags.append("kialo-link") }
            let opposes = parentSide != nil && node.stance == .con
            result.append(ClaimEntry(id: claimID(node.number), side: side, tag: text, tags: tags,
                                     warrant: node.link.map { "Kialo links this to claim \($0.map(String.init).joined(separator: "."))." },
                                     answers: opposes ? claimID(node.parent) : nil, response: opposes ? response : nil))
        }
        return result
    }

    public func manifest(for discussion: KialoDiscussion, source: String) -> YAMLValue {
        let title = discussion.title ?? discussion.thesis.text
        return [
            "id": .string(id),
            "title": .string(title),
            "summary": .string("Imported from the Kialo discussion “\(title)” (\((source as NSString).lastPathComponent)). Resolution: \(discussion.thesis.text)"),
            "version": "1.0.0",
            "kind": "pack",
            "examples": .sequence([.mapping([
                .init(key: "summary", value: "Every top-level pro of the thesis is a claim for the affirmative."),
                .init(key: "side", value: "pro"),
                .init(key: "includes", value: .sequence(discussion.nodes.filter { $0.number.count == 2 && $0.stance == .pro }.prefix(3)
                    .map { .string(claimID($0.number)) })),
            ])]),
        ]
    }

    /// A deck for the affirmative: the contentions, then A2 blocks answering the negative.
    /// `packFrom` is the pack folder as the deck should name it (relative to the deck file).
    public func deck(for discussion: KialoDiscussion, packFrom: String) -> YAMLValue {
        [
            "title": .string("\(discussion.title ?? discussion.thesis.text) — Affirmative"),
            "resolution": .string(discussion.thesis.text),
            "side": "pro",
            "modules": .sequence([.mapping([.init(key: "id", value: .string(id)), .init(key: "from", value: .string(packFrom))])]),
            "sections": .sequence([
                .mapping([.init(key: "pocket", value: "Affirmative case"), .init(key: "hats", value: .sequence([.mapping([
                    .init(key: "hat", value: "Contentions"),
                    .init(key: "blocks", value: .sequence([
                        ["block": "Reasons to affirm", "select": ["tags": ["contention"]]],
                        ["block": "Support for our reasons", "select": ["tags": ["support"], "kind": "claim"]],
                    ])),
                ])]))]),
                .mapping([.init(key: "pocket", value: "Answers"), .init(key: "hats", value: .sequence([.mapping([
                    .init(key: "hat", value: "A2 the negative"),
                    .init(key: "answers", value: ["modules": .sequence([.string(id)])]),
                ])]))]),
            ]),
            "outputs": .sequence([
                ["format": "markdown", "path": .string("out/\(id).md")],
                ["format": "html", "path": .string("out/\(id).html")],
            ]),
        ]
    }
}
