import DebateCore
import Foundation

/// The bytes a deck's `DrillRecipes` are kept as by the quiz memo: a header with everything the
/// draws need (the pools, and each item's id and draw), read whole at the start of a session, and
/// one blob per item's question, read only for the items the session asks.
public enum RecipeCodec {
    static let version: UInt8 = 1

    public static func encode(_ recipes: DrillRecipes) -> (header: Data, items: [Data]) {
        var w = ByteWriter()
        w.byte(version)
        w.string(recipes.deckID)
        w.string(recipes.deckTitle)
        w.int(recipes.choiceCount)
        writePool(recipes.cites, &w)
        writePool(recipes.cardTags, &w)
        w.int(recipes.recipes.count)
        var items: [Data] = []
        items.reserveCapacity(recipes.recipes.count)
        for recipe in recipes.recipes {
            w.string(recipe.claimID)
            w.string(recipe.kind.rawValue)
            w.optional(recipe.kindName) { $0.string($1) }
            write(recipe.draw, &w)
            var item = ByteWriter()
            // A template that cannot be worked out (never, for a live deck) is kept as such: a miss later.
            item.optional(recipe.template()) { write($1, &$0) }
            items.append(Data(item.bytes))
        }
        return (Data(w.bytes), items)
    }

    /// The recipes kept in `header`; `item(n)` gives the n-th item's bytes when a session asks it.
    /// nil when the header cannot be read.
    public static func decode(header: Data, item: @escaping @Sendable (Int) -> Data?) -> DrillRecipes? {
        header.withUnsafeBytes { bytes -> DrillRecipes? in
            var r = ByteReader(bytes)
            guard r.byte() == version else { return nil }
            let deckID = r.string(), deckTitle = r.string(), choiceCount = r.int()
            guard let cites = readPool(&r), let cardTags = readPool(&r), cardTags.isNumbered else { return nil }
            var recipes: [DrillRecipe] = []
            let count = r.count()
            recipes.reserveCapacity(count)
            for ordinal in 0..<count where !r.failed {
                let claimID = r.string()
                guard let kind = DrillItem.Kind(rawValue: r.string()) else { return nil }
                let kindName = r.optional { $0.string() }
                guard let draw = readDraw(&r, tags: cardTags.choices.count) else { return nil }
                recipes.append(DrillRecipe(claimID: claimID, kind: kind, kindName: kindName, draw: draw) {
                    item(ordinal).flatMap { data in
                        data.withUnsafeBytes { bytes -> ItemTemplate? in
                            var r = ByteReader(bytes)
                            let template = r.optional(readTemplate) ?? nil
                            return r.failed || !r.isAtEnd ? nil : template
                        }
                    }
                })
            }
            guard !r.failed, r.isAtEnd, choiceCount > 1 else { return nil }
            return DrillRecipes(deckID: deckID, deckTitle: deckTitle, choiceCount: choiceCount, cites: cites, cardTags: cardTags,
                                recipes: recipes)
        }
    }

    static func writePool(_ pool: DistractorPool, _ w: inout ByteWriter) {
        w.strings(pool.choices)
        w.optional(pool.numbered) { w, numbered in
            w.int(numbered.forms.count)
            for form in numbered.forms { w.int(form) }
            w.strings(numbered.comparables)
        }
    }

    static func readPool(_ r: inout ByteReader) -> DistractorPool? {
        let choices = r.strings()
        guard let numbered = r.optional({ r -> (forms: [Int], comparables: [String])? in
            let count = r.count()
            var forms: [Int] = []
            forms.reserveCapacity(count)
            for _ in 0..<count { forms.append(r.int()) }
            return (forms, r.strings())
        }) else { return r.failed ? nil : DistractorPool(choices) }
        guard let (forms, comparables) = numbered, forms.count == choices.count,
              forms.allSatisfy({ $0 >= 0 && $0 < comparables.count }), !r.failed else { return nil }
        return DistractorPool(choices: choices, forms: forms, comparables: comparables)
    }

    static func writeInts<C: Collection<Int>>(_ values: C, _ w: inout ByteWriter) {
        w.int(values.count)
        for value in values { w.int(value) }
    }

    /// Ints each in 0..<bound.
    static func readInts(_ r: inout ByteReader, below bound: Int) -> [Int]? {
        let count = r.count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count where !r.failed {
            let value = r.int()
            guard value >= 0 && value < bound else { return nil }
            values.append(value)
        }
        return r.failed ? nil : values
    }

    static func write(_ draw: Draw, _ w: inout ByteWriter) {
        switch draw {
        case .nothing:
            w.byte(0)
        case .choices(let answer, let pool, let form):
            w.byte(1)
            w.string(answer)
            switch pool {
            case .cites: w.byte(0)
            case .list(let list): w.byte(1); w.strings(list)
            case .response(let kind, let role): w.byte(2); w.string(kind.rawValue); w.optional(role) { $0.string($1.rawValue) }
            }
            switch form {
            case nil: w.byte(0)
            case .known(let number): w.byte(1); w.int(number)
            case .text(let text): w.byte(2); w.string(text)
            }
        case .extend(let tag, let sameClaim, let rest, let wrong):
            w.byte(2)
            w.int(tag)
            writeInts(sameClaim, &w)
            writeInts(rest, &w)
            writeInts(wrong.sorted(), &w)
        }
    }

    /// A draw whose places are below `tags`, the number of the deck's tags.
    static func readDraw(_ r: inout ByteReader, tags: Int) -> Draw? {
        switch r.byte() {
        case 0: return .nothing
        case 1:
            let answer = r.string()
            let pool: Draw.PoolSource
            switch r.byte() {
            case 0: pool = .cites
            case 1: pool = .list(r.strings())
            case 2:
                guard let kind = ResponseKind(rawValue: r.string()) else { return nil }
                let role = r.optional { $0.string() }
                if let role, ClaimRole(rawValue: role) == nil { return nil }
                pool = .response(kind, role.flatMap(ClaimRole.init(rawValue:)))
            default: return nil
            }
            let form: DistractorPool.Form?
            switch r.byte() {
            case 0: form = nil
            case 1: form = .known(r.int())
            case 2: form = .text(r.string())
            default: return nil
            }
            return r.failed ? nil : .choices(answer: answer, pool: pool, answerForm: form)
        case 2:
            let tag = r.int()
            guard tag >= 0 && tag < tags, let sameClaim = readInts(&r, below: tags), let rest = readInts(&r, below: tags),
                  let wrong = readInts(&r, below: Int.max) else { return nil }
            return r.failed ? nil : .extend(tag: tag, sameClaim: sameClaim, rest: rest, wrong: Set(wrong))
        default: return nil
        }
    }

    static func write(_ template: ItemTemplate, _ w: inout ByteWriter) {
        w.strings(template.context)
        switch template.question {
        case .recall(let recall):
            w.byte(0)
            w.string(recall.claim)
            w.optional(recall.heading) { $0.string($1) }
            w.int(recall.answers.count)
            for answer in recall.answers {
                w.string(answer.tag)
                w.optional(answer.response) { $0.string($1.rawValue) }
                w.strings(answer.keyTerms)
                w.optional(answer.warrant) { $0.string($1) }
            }
            w.optional(recall.gap) { $0.string($1) }
        case .choice(let choice):
            w.byte(1)
            w.string(choice.prompt)
            w.strings(choice.choices)
            w.int(choice.answerIndex)
            w.optional(choice.explanation) { $0.string($1) }
        case .cloze(let cloze):
            w.byte(2)
            for part in [cloze.tag, cloze.before, cloze.answer, cloze.after] { w.string(part) }
            w.optional(cloze.explanation) { $0.string($1) }
            w.bool(cloze.showsTag)
        case .speed(let speed):
            w.byte(3)
            w.string(speed.tag)
            w.string(speed.text)
            w.optional(speed.cite) { $0.string($1) }
            w.int(speed.words)
            w.int(speed.targetWPM)
        }
        w.int(template.otherKinds.count)
        for other in template.otherKinds {
            w.string(other.tag)
            w.string(other.kind.rawValue)
        }
    }

    static func readTemplate(_ r: inout ByteReader) -> ItemTemplate? {
        let context = r.strings()
        let question: Question
        switch r.byte() {
        case 0:
            let claim = r.string(), heading = r.optional { $0.string() }
            var answers: [Recall.Answer] = []
            for _ in 0..<r.count() where !r.failed {
                let tag = r.string()
                let response = r.optional { $0.string() }
                if let response, ResponseKind(rawValue: response) == nil { return nil }
                answers.append(Recall.Answer(tag: tag, response: response.flatMap(ResponseKind.init(rawValue:)), keyTerms: r.strings(),
                                             warrant: r.optional { $0.string() }))
            }
            question = .recall(Recall(claim: claim, heading: heading, answers: answers, gap: r.optional { $0.string() }))
        case 1:
            question = .choice(Choice(prompt: r.string(), choices: r.strings(), answerIndex: r.int(), explanation: r.optional { $0.string() }))
        case 2:
            let tag = r.string(), before = r.string(), answer = r.string(), after = r.string()
            question = .cloze(Cloze(tag: tag, before: before, answer: answer, after: after, explanation: r.optional { $0.string() },
                                    showsTag: r.bool()))
        case 3:
            question = .speed(Speed(tag: r.string(), text: r.string(), cite: r.optional { $0.string() }, words: r.int(), targetWPM: r.int()))
        default:
            return nil
        }
        var others: [(tag: String, kind: ResponseKind)] = []
        for _ in 0..<r.count() where !r.failed {
            let tag = r.string()
            guard let kind = ResponseKind(rawValue: r.string()) else { return nil }
            others.append((tag, kind))
        }
        return r.failed ? nil : ItemTemplate(context: context, question: question, otherKinds: others)
    }
}
