@testable import DebateCore
import Testing

@Test func shortCiteUsesLastNameAndTwoDigitYear() {
    let cite = Citation(author: "Jane Q. Smith", qualifications: "Professor", date: "2025-08-15", title: "A title",
                        publication: "Journal", url: "https://x.org")
    #expect(cite.shortCite == "Smith 25")
    #expect(cite.oneLine == "Smith 25 (Jane Q. Smith, Professor, 2025-08-15, “A title”, Journal, https://x.org)")
}

@Test func noBylineFallsBackToThePublication() {
    let cite = Citation(author: nil, qualifications: "the Quincy Institute's magazine", date: "2025",
                        publication: "Responsible Statecraft", url: "https://responsiblestatecraft.org/trump-belarus")
    #expect(cite.shortCite == "Responsible Statecraft 25")
    #expect(cite.fullCiteParts == ["the Quincy Institute's magazine", "2025", "https://responsiblestatecraft.org/trump-belarus"])
}

@Test func undatedCiteHasNoYear() {
    #expect(Citation(author: "Plato").shortCite == "Plato")
    #expect(Citation().shortCite == "Unattributed")
}
