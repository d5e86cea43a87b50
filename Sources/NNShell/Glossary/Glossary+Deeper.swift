/// The glossary's third part: deep networks and their remedies (lesson 14 and after).
extension Glossary {
    static let deeper: [GlossaryEntry] = [
        GlossaryEntry(
            "residual connection", ["residual", "skip connection", "shortcut"], lesson: 14,
            uses: ["residual connection", "residual"],
            """
            A layer's input added to its output, O^k = g(z^k) + O^(k−1), so the gradient
            also flows back along a path with no activation slope on it
            ('net … residual=on').
            """),
        GlossaryEntry(
            "frozen", ["freeze", "frozen parameter"], lesson: 15, uses: ["frozen"],
            """
            A parameter that keeps its value through updates; its gradient is still worked
            out and shown ('set freeze b*', 'set freeze none').
            """),
        GlossaryEntry(
            "central difference", ["numerical derivative"], lesson: 16, uses: ["central difference"],
            """
            The slope estimated from two nudges, (L(w + h) − L(w − h)) / 2h: its errors on
            the two sides cancel, so it is far closer than (L(w + h) − L(w)) / h.
            """),
        GlossaryEntry(
            "gradient check", ["gradcheck", "numerical gradient"], lesson: 16, uses: ["gradient check", "gradcheck"],
            """
            Comparing every gradient backpropagation computes with a central difference of
            the loss; they should agree to several digits ('gradcheck').
            """),
        GlossaryEntry(
            "overfitting", ["overfit", "overfits"], lesson: 17, uses: ["overfitting", "overfit"],
            """
            Fitting the training rows so closely, noise included, that new rows are
            predicted worse: the training loss keeps falling while the test loss rises.
            """),
        GlossaryEntry(
            "test set", ["test", "held out", "split", "test loss"], lesson: 17, uses: ["test set", "test loss"],
            """
            Rows held out from training to measure how the model does on data it has
            never read ('data split test=0.25').
            """),
        GlossaryEntry(
            "regularisation", ["regularization", "l2", "l1", "weight decay"], lesson: 17,
            uses: ["regularisation", "regularization"],
            """
            A penalty on large weights added to the loss: l2 adds λ·½·Σw² (each weight's
            gradient gains λ·w), l1 adds λ·Σ|w| ('set l2 0.01').
            """),
        GlossaryEntry(
            "momentum", lesson: 18, uses: ["momentum"],
            """
            v ← μ·v + G, p ← p − η·v: each step keeps μ (0.9) of the last one, so steps
            along a steady slope grow and zig-zags cancel ('set optimizer momentum').
            """),
        GlossaryEntry(
            "adam", lesson: 18, uses: ["adam"],
            """
            m and v, running means of G and G², each corrected for starting at 0; the
            step is η·m̂/(√v̂ + ε), about η whatever the gradient's size
            ('set optimizer adam').
            """),
        GlossaryEntry(
            "optimizer", ["optimiser", "optimizers", "optimisers"], lesson: 18, uses: ["optimizer", "optimiser"],
            """
            The rule that turns a gradient into a step: plain sgd (p ← p − η·G), momentum,
            rmsprop or adam ('set optimizer adam').
            """),
        GlossaryEntry(
            "vanishing gradient", ["vanishing gradients", "vanishing"], lesson: 14, uses: ["vanishing"],
            """
            Gradients that shrink layer by layer on the way back, because each sigmoid layer
            multiplies them by σ′ ≤ 0.25 and by its weights: the early layers hardly learn.
            """),
        GlossaryEntry(
            "exploding gradient", ["exploding gradients", "exploding"], lesson: 14, uses: ["exploding"],
            """
            The opposite: factors above 1 multiply up and the early layers' gradients grow
            huge, and training diverges.
            """),
        GlossaryEntry(
            "initialisation", ["initialization", "init"], lesson: 14, uses: ["initialisation", "initialization"],
            """
            The parameters' values before training ('net … init=xavier seed=1'). Equal values
            make nodes learn the same thing; the scale decides whether signals shrink or grow.
            """),
        GlossaryEntry(
            "xavier", ["glorot"], lesson: 14, uses: ["xavier"],
            """
            Starting weights drawn evenly from ±√(6 / (n_in + n_out)), n_in the layer's inputs
            and n_out its nodes (variance 2 / (n_in + n_out)): keeps signals steady through tanh.
            """),
        GlossaryEntry(
            "he", ["kaiming", "he initialisation"], lesson: 14, uses: ["init=he", "he initiali", "he start"],
            """
            Starting weights drawn from a normal distribution with variance 2 / n_in (n_in the
            layer's inputs), made for relu, which zeroes about half of each layer's signal.
            """)
    ]
}
