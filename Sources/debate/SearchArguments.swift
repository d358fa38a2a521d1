import ArgumentParser
import DebateCore
import DeckBuilder

/// The fast path of `debate search`: a search is mostly the time a process takes to start, and
/// swift-argument-parser's parse (the metadata of every subcommand, read by reflection) was a sixth
/// of it. The plain forms of the search's own options are read here directly; anything else — help,
/// `--version`, `--name=value`, `--`, a value that begins with `-`, an option given twice, an
/// unknown option, or arguments that fail validation — returns nil and goes through
/// `Debate.main()`, which parses it as before and prints the same help and errors.
///
/// Every property of `SearchCommand` and `ModulePathOptions` must be set here (reading one that
/// was not is a crash, so the search tests catch a forgotten one); CLI tests compare the results
/// of both paths.
extension SearchCommand {
    static func fastParse(_ arguments: [String]) -> SearchCommand? {
        var query: [String] = []
        var single: [String: String] = [:]
        var modules: [String] = [], modulePaths: [String] = []
        var flags: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.utf8.first == UInt8(ascii: "-") else {
                // An empty word or `help` is left to the full parser.
                if argument.isEmpty || argument == "help" { return nil }
                query.append(argument)
                continue
            }
            if flagNames.contains(argument) {
                guard !flags.contains(argument) else { return nil }
                flags.append(argument)
                continue
            }
            guard let name = optionName(argument), index < arguments.count else { return nil }
            let value = arguments[index]
            index += 1
            guard let first = value.utf8.first, first != UInt8(ascii: "-") else { return nil }
            switch name {
            case "module": modules.append(value)
            case "module-path": modulePaths.append(value)
            default: guard single.updateValue(value, forKey: name) == nil else { return nil }
            }
        }

        var paths = ModulePathOptions()
        paths.modulePaths = modulePaths
        if let text = single["module-timeout"] {
            guard let seconds = Double(argument: text) else { return nil }
            paths.moduleTimeout = seconds
        } else {
            paths.moduleTimeout = nil
        }

        var command = SearchCommand()
        command.query = query
        command.answers = single["answers"]
        command.side = single["side"]
        command.module = modules
        command.positionKind = single["position-kind"]
        command.role = single["role"]
        command.response = single["response"]
        command.cards = flags.contains("--cards")
        command.analytics = flags.contains("--analytics")
        command.year = single["year"]
        if let text = single["limit"] {
            guard let limit = Int(argument: text) else { return nil }
            command.limit = limit
        } else {
            command.limit = 10
        }
        command.json = flags.contains("--json")
        if let text = single["format"] {
            guard let format = OutputFormat(argument: text) else { return nil }
            command.format = format
        } else {
            command.format = nil
        }
        command.output = single["output"]
        command.refresh = flags.contains("--refresh")
        command.deck = single["deck"]
        command.modules = paths
        // ArgumentParser validates the option group, then the command; their errors are its to print.
        do {
            try paths.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    // Not a Set or a Dictionary: the first of those a process makes costs a scan of every protocol
    // conformance in the binary, a sizeable part of a search.
    static let flagNames = ["--cards", "--analytics", "--json", "--refresh"]

    /// Spelling → option.
    static func optionName(_ spelling: String) -> String? {
        switch spelling {
        case "--answers": "answers"
        case "--side": "side"
        case "--module": "module"
        case "--position-kind": "position-kind"
        case "--role": "role"
        case "--response": "response"
        case "--year": "year"
        case "--limit": "limit"
        case "--format", "-f": "format"
        case "--output", "-o": "output"
        case "--deck": "deck"
        case "--module-path": "module-path"
        case "--module-timeout": "module-timeout"
        default: nil
        }
    }
}
