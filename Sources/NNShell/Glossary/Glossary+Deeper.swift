/// The glossary's third part: deep networks and their remedies (lesson 14 and after).
extension Glossary {
    static let deeper: [GlossaryEntry] = [
        GlossaryEntry("vanishing gradient", ["vanishing gradients", "vanishing"], lesson: 14, uses: ["vanishing"], """
            Gradients that shrink layer by layer on the way back, because each sigmoid layer
            multiplies them by σ′ ≤ 0.25 and by its weights: the early layers hardly learn.
            """),
        GlossaryEntry("exploding gradient", ["exploding gradients", "exploding"], lesson: 14, uses: ["exploding"], """
            The opposite: factors above 1 multiply up and the early layers' gradients grow
            huge, and training diverges.
            """),
        GlossaryEntry("initialisation", ["initialization", "init"], lesson: 14, uses: ["initialisation", "initialization"], """
            The parameters' values before training ('net … init=xavier seed=1'). Equal values
            make nodes learn the same thing; the scale decides whether signals shrink or grow.
            """),
        GlossaryEntry("xavier", ["glorot"], lesson: 14, uses: ["xavier"], """
            Starting weights drawn evenly from ±√(6 / (n_in + n_out)), n_in the layer's inputs
            and n_out its nodes (variance 2 / (n_in + n_out)): keeps signals steady through tanh.
            """),
        GlossaryEntry("he", ["kaiming", "he initialisation"], lesson: 14, uses: ["init=he", "he initiali", "he start"], """
            Starting weights drawn from a normal distribution with variance 2 / n_in (n_in the
            layer's inputs), made for relu, which zeroes about half of each layer's signal.
            """),
    ]
}
