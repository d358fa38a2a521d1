import DebateModuleKit

/// `sanctions-record`: claims about what Western sanctions on Belarus did, generated from a small
/// table of episodes. Option `since: YEAR` keeps the episodes from that year on.
@main
struct SanctionsRecord: DebateModule {
    static let descriptor = ModuleDescriptor(
        id: "sanctions-record",
        title: "The sanctions record on Belarus",
        summary: "What two decades of Western sanctions on Minsk did and did not achieve, episode by episode.",
        version: "1.0.0",
        examples: [
            ModuleExample(summary: "The affirmative gets the 2015 prisoner-release precedent.", side: .pro,
                          includes: ["sanctions-record.2015-release"]),
            ModuleExample(summary: "Since 2020 leaves out the 2015 thaw.", side: .con, options: ["since": 2020],
                          includes: ["sanctions-record.2020-crackdown"], excludes: ["sanctions-record.2015-release"]),
        ])

    struct Episode {
        var key: String
        var year: Int
        var side: Side
        var tag: String
        var warrant: String
        var answers: (key: String, response: ResponseKind)? = nil
    }

    static let episodes: [Episode] = [
        Episode(key: "2015-release", year: 2015, side: .pro,
                tag: "Sanctions relief bought prisoner releases before: the 2015 releases were followed by EU relief",
                warrant: "Minsk freed political prisoners in August 2015, and the EU suspended most of its sanctions that autumn."),
        Episode(key: "2020-crackdown", year: 2020, side: .con,
                tag: "The thaw ended in the 2020 crackdown: relief did not change how the regime treats dissent",
                warrant: "After the disputed August 2020 election, mass protests were put down and new sanctions followed."),
        Episode(key: "2021-ryanair", year: 2021, side: .con,
                tag: "Forcing down a Ryanair flight in 2021 to arrest a journalist showed the regime will pay a high price to crush dissent",
                warrant: "The EU closed its airspace to Belarusian airlines in response."),
        Episode(key: "2022-ukraine", year: 2022, side: .con,
                tag: "Belarus let Russian troops invade Ukraine from its territory: engaging Minsk means engaging a co-belligerent",
                warrant: "Sweeping sanctions followed in 2022."),
        Episode(key: "a2-2020-crackdown", year: 2020, side: .pro,
                tag: "Isolation after 2020 pushed Minsk further into Moscow's arms; the crackdown is a reason to regain leverage, not to give it up",
                warrant: "Every closed Western door since 2020 has left Russia as Belarus's only partner.",
                answers: ("2020-crackdown", .linkTurn)),
    ]

    func arguments(for context: ModuleContext) throws -> [ClaimEntry] {
        var since = 0
        for entry in context.options.mappingValue ?? [] {
            guard entry.key == "since" else {
                throw ModuleError("unknown option `\(entry.key)` (this module takes `since`)", code: "bad-option")
            }
            guard let year = entry.value.intValue else { throw ModuleError("option `since` must be a year", code: "bad-option") }
            since = year
        }
        let kept = Self.episodes.filter { $0.year >= since }
        let keys = Set(kept.map(\.key))
        Self.log("\(kept.count) of \(Self.episodes.count) episodes since \(since)")
        return kept.compactMap { episode in
            if let answers = episode.answers, !keys.contains(answers.key) { return nil }
            return ClaimEntry(id: "sanctions-record.\(episode.key)", side: episode.side, tag: episode.tag,
                              tags: ["sanctions", String(episode.year)], warrant: episode.warrant,
                              answers: episode.answers.map { "sanctions-record.\($0.key)" }, response: episode.answers?.response)
        }
    }
}
