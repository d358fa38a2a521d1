import DebateCore
import Foundation
import YAMLCoding

/// The files `debate init` writes: a project whose starter deck builds at once, with no flags.
///
///     decks/belarus-engagement.yaml   a starter deck (aff) using the pack below
///     modules/belarus/                a pack with one real card (cite and evidence markup)
///     .gitignore                      the build's outputs (out/)
///
/// A deck finds `modules/` because the project root is the nearest folder above it that holds
/// `decks/` (see `ModuleSearch`).
public struct ProjectScaffold: Sendable {
    public static let deckPath = "decks/belarus-engagement.yaml"
    public static let packID = "belarus"

    public init() {}

    public func files() throws -> [ModuleScaffold.File] {
        [
            ModuleScaffold.File(path: Self.deckPath, contents: deck),
            ModuleScaffold.File(path: "modules/\(Self.packID)/module.yaml", contents: try manifest()),
            ModuleScaffold.File(path: "modules/\(Self.packID)/claims.yaml", contents: try claims()),
            ModuleScaffold.File(path: ".gitignore", contents: "# What `debate build` writes.\nout/\n"),
        ]
    }

    /// What stands in the way in `folder`, in words: files of `files()` that already exist (init
    /// refuses to overwrite them) and files where one of its folders goes.
    public func existing(in folder: String) throws -> [String] {
        var clashes: [String] = []
        for path in try files().map(\.path) {
            var parts: [String] = []
            for part in path.split(separator: "/").dropLast() {
                parts.append(String(part))
                let relative = parts.joined(separator: "/")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(relative), isDirectory: &isDirectory),
                   !isDirectory.boolValue {
                    clashes.append("\(relative) (a file where a folder goes)")
                }
            }
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(path)) { clashes.append(path) }
        }
        return clashes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    public func write(to folder: String) throws {
        try ModuleScaffold.write(try files(), to: folder)
    }

    static let claim = ClaimEntry(
        id: "\(packID).isolation-backfires", side: .pro,
        tag: "Turn: isolation drove Minsk away — only engagement opens a dialogue on civil society",
        tags: ["engagement"],
        warrant: "Punishing Belarus has not advanced civil society there; it pushed Belarus away from the West.",
        cite: SampleCard.cite, evidence: SampleCard.engagementEvidence)

    private func manifest() throws -> String {
        "# A pack: this file describes it; every other *.yaml file in this folder holds claims.\n" + (try emitYAML([
            "id": .string(Self.packID), "title": "Belarus", "kind": "pack", "version": "0.1.0",
            "summary": "Cards on U.S. engagement with Belarus, from a 2025 Responsible Statecraft op-ed.",
            "examples": .sequence([ModuleScaffold.yaml(ModuleExample(
                summary: "The affirmative gets the engagement card.", side: .pro, includes: [Self.claim.id]))]),
        ]))
    }

    private func claims() throws -> String {
        "# One card: a tag in your words, a cite, and the author's words as evidence. In the evidence,\n"
            + "# __underline__ what may be read, ==highlight== what is read aloud, **emphasise** key words.\n"
            + "# The tag holds `: `, so it is in quotes.\n"
            + (try emitYAML(["claims": .sequence([ModuleScaffold.yaml(Self.claim)])]))
    }

    private var deck: String {
        """
        # A deck: which modules' claims to use, and how to arrange them (pocket › hat › block).
        # Build it with `debate build \(Self.deckPath)`; add a module with `debate modules new NAME`
        # and list it under `modules:`.
        title: Engage Belarus — Affirmative
        resolution: The United States should normalize relations with Belarus.
        side: aff
        modules:
          - \(Self.packID)
        sections:
          - pocket: 1AC — Engage Belarus
            hats:
              - hat: Isolation has failed
                blocks:
                  - block: Engagement, not isolation, opens a dialogue
                    select:
                      modules: [\(Self.packID)]
        outputs:
          - { format: markdown, path: out/belarus-engagement.md }
          - { format: docx, path: out/belarus-engagement.docx }

        """
    }
}
