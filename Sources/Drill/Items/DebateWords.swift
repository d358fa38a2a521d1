import DebateCore

/// The words debaters use for each response kind, so an answer that says "turn" or "perm" or
/// "they're not unique" is credited with naming the response.
enum DebateWords {
    /// Word sequences (each already lower-cased, as `TextMatching.words` splits) that name a kind.
    static func phrases(_ kind: ResponseKind) -> [[String]] {
        switch kind {
        case .nonUnique: [["nonunique"], ["non", "unique"], ["not", "unique"], ["uniqueness"], ["already", "happening"], ["status", "quo"]]
        case .noLink: [["no", "link"], ["doesn't", "link"], ["doesnt", "link"], ["does", "not", "link"], ["don't", "link"], ["dont", "link"], ["not", "cause"]]
        case .linkTurn: [["link", "turn"], ["turn"], ["turns"], ["opposite"], ["backfire"], ["backfires"]]
        case .noInternalLink: [["no", "internal", "link"], ["internal", "link"]]
        case .noImpact: [["no", "impact"], ["impact", "defense"], ["mitigation"], ["not", "that", "bad"]]
        case .impactTurn: [["impact", "turn"], ["turn"], ["good"]]
        case .permutation: [["perm"], ["permutation"], ["do", "both"]]
        case .solvencyDeficit: [["solvency", "deficit"], ["doesn't", "solve"], ["doesnt", "solve"], ["won't", "solve"], ["wont", "solve"], ["can't", "solve"], ["cant", "solve"]]
        case .circumvention: [["circumvention"], ["circumvent"], ["get", "around"], ["won't", "comply"], ["wont", "comply"]]
        case .nonInherent: [["non", "inherent"], ["noninherent"], ["inherency"], ["already", "doing"]]
        case .weMeet: [["we", "meet"]]
        case .counterInterpretation: [["counter", "interpretation"], ["counterinterpretation"], ["our", "interpretation"], ["better", "definition"]]
        case .takeout: [["takeout"], ["false"], ["wrong"], ["not", "true"], ["untrue"]]
        }
    }

    /// Whether `answer` names `kind` the way a debater would.
    static func names(_ kind: ResponseKind, in answer: String) -> Bool {
        // Apostrophes are dropped by `words` ("don't" → "dont"), so compare both spellings.
        let words = TextMatching.words(answer)
        return phrases(kind).contains { phrase in
            let phrase = phrase.map { $0.replacingOccurrences(of: "'", with: "") }
            guard phrase.count <= words.count else { return false }
            return (0...(words.count - phrase.count)).contains { Array(words[$0..<$0 + phrase.count]) == phrase }
        }
    }
}
