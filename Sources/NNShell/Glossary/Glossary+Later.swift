/// The glossary's fourth part: terms first taught in lessons 17 to 19.
extension Glossary {
    static let later: [GlossaryEntry] = [
        GlossaryEntry(
            "early stopping", lesson: 17, uses: ["early stopping"],
            """
            Ending training, or keeping the weights, at the epoch where the loss on
            held-out rows was lowest, before the network starts to overfit.
            """),
        GlossaryEntry(
            "rmsprop", lesson: 18, uses: ["rmsprop"],
            """
            s ← α·s + (1 − α)·G², p ← p − η·G/(√s + ε): each parameter's step divided by
            the typical size of its own gradient ('set optimizer rmsprop').
            """),
        GlossaryEntry(
            "dead relu", ["dead node", "dead relu node", "dead"], lesson: 19, uses: ["dead relu"],
            """
            A relu node whose z is negative for every row: its output and slope are 0, so
            no gradient passes through it and the weights into it never move.
            """)
    ]
}
