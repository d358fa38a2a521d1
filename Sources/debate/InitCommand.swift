import ArgumentParser
import Foundation
import ModuleAuthoring

/// `debate init [DIR]`: a project whose starter deck builds at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: decks/, modules/, a starter deck and a pack with one real card.",
        discussion: """
        Writes decks/belarus-engagement.yaml (a starter deck), modules/belarus/ (a pack with one card: \
        a cite and evidence markup) and a .gitignore for out/. A deck finds the project's modules/ \
        without flags: the project is the nearest folder above the deck that holds decks/. Refuses to \
        overwrite a file that exists (exit 73).

        Example:
          debate init demo && cd demo && debate build decks/belarus-engagement.yaml
        """)

    @Argument(help: ArgumentHelp("The project folder (default: the current folder).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let console = Console()
        let scaffold = ProjectScaffold()
        let clashes = try scaffold.existing(in: directory)
        if !clashes.isEmpty {
            console.err("error: \(directory) already has \(clashes.joined(separator: ", ")); nothing was written")
            throw Exit.cantCreate
        }
        do {
            try scaffold.write(to: directory)
        } catch {
            console.err("error: cannot write the project in \(directory): \(error.localizedDescription)")
            throw Exit.cantCreate
        }
        let cd = directory == "." ? "" : "  cd \(directory)\n"
        console.err("""
            started a debate project in \(directory)
            next:
            \(cd)  debate build \(ProjectScaffold.deckPath)        # writes out/belarus-engagement.md and .docx
              debate modules new NAME --kind pack               # a pack of your own in modules/NAME
              then list NAME under `modules:` in the deck and give it a block
            """)
    }
}
