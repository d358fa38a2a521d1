/// Which words a cloze may blank. Without a part-of-speech tagger, filler is recognised by list and by
/// form: function words, adverbs (the -ly ones and the common short ones), intensifiers and evaluative
/// adjectives that any sentence of the card could carry. Words are as `TextMatching.words` gives them:
/// lower-cased, apostrophes and hyphens dropped ("much-needed" is "muchneeded").
enum ClozeWords {
    /// No content of their own: a blank never holds only these, and never starts or ends with one.
    static func isFiller(_ word: String) -> Bool {
        TextMatching.stopWords.contains(word) || functionWords.contains(word) || adverbs.contains(word)
            || intensifiers.contains(word) || isLyAdverb(word)
    }

    /// Filler that may not stand at a blank's edge; a negation may ("not the slightest qualms").
    static func isEdgeFiller(_ word: String) -> Bool {
        isFiller(word) && !negations.contains(word)
    }

    /// An adjective by its ending ("effective", "successful", "dangerous"): a lone one is no blank,
    /// since any word of praise fits it. The nouns that end so are not ("initiative", "incentive").
    static func isAdjectiveLike(_ word: String) -> Bool {
        ["ive", "ful", "ous", "able", "ible", "less"].contains { word.hasSuffix($0) } && !adjectiveShapedNouns.contains(word)
    }

    static let adjectiveShapedNouns: Set<String> = [
        "initiative", "incentive", "objective", "alternative", "representative", "executive", "perspective",
        "collective", "detective", "directive", "motive", "offensive", "archive", "narrative", "relative",
        "table", "cable", "bible", "variable", "vegetable", "timetable", "constable", "stable", "fable",
    ]

    static let negations: Set<String> = ["not", "no", "nor", "never"]

    /// "curiously", "remarkably"; not the nouns and verbs that end so ("family", "supply", "rely").
    static func isLyAdverb(_ word: String) -> Bool {
        word.count > 4 && word.hasSuffix("ly") && !lyContentWords.contains(word)
    }

    static let lyContentWords: Set<String> = [
        "family", "supply", "apply", "rely", "reply", "ally", "assembly", "july", "italy", "anomaly", "monopoly",
        "rally", "comply", "imply", "multiply", "butterfly", "bully", "jelly", "belly", "oligopoly", "homily",
    ]

    static let functionWords: Set<String> = [
        "why", "how", "what", "when", "where", "which", "who", "whom", "whose", "into", "about", "some", "many",
        "other", "others", "reason", "way", "thing", "things", "may", "might", "could", "must", "being", "if",
        "because", "while", "after", "before", "between", "through", "during", "without", "within", "upon",
        "over", "under", "across", "against", "toward", "towards", "itself", "himself", "herself", "themselves",
        "he", "she", "his", "her", "him", "you", "your", "i", "me", "my", "one", "ones", "each", "every",
        "both", "either", "neither", "whether", "although", "though", "unless", "until", "since", "whereas",
        "something", "anything", "nothing", "everything", "someone", "anyone", "also",
    ]

    /// Adverbs that do not end in -ly.
    static let adverbs: Set<String> = [
        "seldom", "often", "always", "already", "still", "yet", "even", "ever", "just", "quite", "rather",
        "very", "too", "again", "soon", "now", "here", "well", "perhaps", "almost", "hardly", "thereby",
        "thus", "hence", "therefore", "however", "indeed", "instead", "otherwise", "somewhat", "far", "much",
        "more", "most", "less", "least", "only", "once", "twice", "anyway", "merely", "nonetheless",
    ]

    /// Intensifiers and evaluative adjectives: they colour a sentence, they are not what it says.
    static let intensifiers: Set<String> = [
        "crucial", "important", "significant", "vital", "essential", "key", "major", "great", "greater", "huge",
        "muchneeded", "remarkable", "glaring", "curious", "substantive", "real", "true", "clear", "obvious",
        "certain", "such", "same", "own", "whole", "entire", "basic", "mere", "sheer", "utter", "slightest",
        "serious", "considerable", "particular", "various", "several", "new", "old", "good", "bad", "best",
        "worst", "better", "worse", "full", "long", "possible", "necessary", "further",
    ]
}
