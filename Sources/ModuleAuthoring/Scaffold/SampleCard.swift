import DebateCore

/// The real evidence the scaffolds show: sentences quoted verbatim from the op-ed the first decks
/// are built from (Responsible Statecraft, 2025, https://responsiblestatecraft.org/trump-belarus;
/// the copy carries no byline, so the cite names the publication). Never invented text.
enum SampleCard {
    static let cite = Citation(author: nil, date: "2025", publication: "Responsible Statecraft",
                               url: "https://responsiblestatecraft.org/trump-belarus")

    /// "The administration’s Belarus strategy has so far been remarkably effective and, if
    /// consistently pursued over the coming months, promises greater successes still."
    static let strategyEvidence = evidence(
        "The administration’s Belarus strategy has so far been __==remarkably effective==__ and, "
            + "__==if **consistently pursued**== over the coming months, ==promises greater successes still==__.")

    /// "Even within a narrowly selective democratization framework, it's been well established that the
    /// only way to advance a substantive dialogue on civil society with Belarus is through engagement,
    /// whereas punishment and isolation drives Belarus away from the West and thereby produces the opposite effect."
    static let engagementEvidence = evidence(
        "Even within a narrowly selective democratization framework, it's been well established that "
            + "__==the only way to advance a substantive dialogue on civil society with Belarus is through engagement==__, "
            + "whereas __==punishment and isolation drives Belarus away from the West==__ and thereby "
            + "**produces the opposite effect**.")

    /// The markup is a constant checked by the tests; a mistake in it is a programming error.
    private static func evidence(_ markup: String) -> Evidence {
        do {
            return try Evidence(markup: markup)
        } catch {
            preconditionFailure("sample evidence markup: \(error)")
        }
    }
}
