/// The glossary's second part: gradients and how training spends them (lessons 8 to 13).
extension Glossary {
    static let training: [GlossaryEntry] = [
        GlossaryEntry(
            "derivative", ["slope", "d/dw"], lesson: 11, uses: ["derivative"],
            """
            How fast a function changes: f′(w) ≈ (f(w + h) − f(w)) / h for a tiny h.
            A positive derivative means a small step up in w raises f.
            """),
        GlossaryEntry(
            "partial derivative", ["∂", "partial"], lesson: 8, uses: ["partial derivative", "∂"],
            """
            ∂L/∂w: the derivative of L in w with every other parameter held still. Written ∂
            rather than d because L depends on many variables at once.
            """),
        GlossaryEntry(
            "gradient", ["gradients", "G", "grad"], lesson: 8, uses: ["gradient"],
            """
            All the partial derivatives ∂L/∂p of the loss, one per parameter. It points
            uphill; an update steps the other way. 'show gradients' lists them.
            """),
        GlossaryEntry(
            "chain rule", ["chain"], lesson: 8, uses: ["chain rule"],
            """
            The derivative through a chain is the product of the links:
            ∂L/∂w²₁₁ = ∂L/∂ŷ · ∂ŷ/∂z²₁ · ∂z²₁/∂w²₁₁. A weight far from L gets its gradient
            through every node between them.
            """),
        GlossaryEntry(
            "backpropagation", ["backprop", "backward pass"], lesson: 8, uses: ["backpropagation", "backward pass"],
            """
            The chain rule applied from the loss back to the first layer, reusing each
            node's δ: all the gradients for about the cost of one more forward pass.
            """),
        GlossaryEntry(
            "learning rate", ["η", "eta", "lr"], lesson: 2, uses: ["learning rate", "η"],
            """
            η, the size of each step: p ← p − η·∂L/∂p. Too small crawls, too large
            overshoots or diverges ('set lr 0.01').
            """),
        GlossaryEntry(
            "update", ["step", "updates"], lesson: 2, uses: ["update"],
            """
            One change of every parameter: p ← p − η·G, G the gradient of one sample (sgd),
            of all rows (batch) or of a few (mini-batch). 'step' makes one.
            """),
        GlossaryEntry(
            "feature scaling", ["scaling", "standardise", "normalise"], lesson: 8, uses: ["feature scaling", "scaling"],
            """
            Putting inputs on similar scales, e.g. x ← (x − mean) / standard deviation, so no
            input's large numbers swamp the gradient ('data normalize').
            """),
        GlossaryEntry(
            "divergence", ["diverge", "diverges", "blow-up"], lesson: 8, uses: ["diverge"],
            """
            Updates that overshoot further each time until numbers overflow. nnstep stops at
            the last finite state; a smaller η or scaled inputs cure it.
            """),
        GlossaryEntry(
            "epoch", ["epochs", "pass"], lesson: 3, uses: ["epoch"],
            """
            One pass over every training row. In sgd an epoch of n rows is n updates; in
            batch mode it is one. 'epoch 30' runs thirty.
            """),
        GlossaryEntry(
            "mean loss", ["epoch loss", "meanloss"], lesson: 3, uses: ["mean loss"],
            """
            The loss averaged over the rows: (1/n)·Σ L(yᵢ, ŷᵢ). nnstep prints each epoch's,
            over the rows as they were met during it.
            """),
        GlossaryEntry(
            "regression", lesson: 9, uses: ["regression"],
            """
            Predicting a number (a salary, a price): a linear output and mse.
            """),
        GlossaryEntry(
            "classification", lesson: 10, uses: ["classification"],
            """
            Predicting a class: a sigmoid output and bce for two classes (ŷ ≥ 0.5 is class 1),
            softmax and cce for more.
            """),
        GlossaryEntry(
            "accuracy", ["correct"], lesson: 10, uses: ["accuracy"],
            """
            The share of rows classified right: correct / rows.
            """),
        GlossaryEntry(
            "gradient descent", ["descent"], lesson: 11, uses: ["gradient descent"],
            """
            Repeating p ← p − η·∂L/∂p: each step goes downhill on the loss, until the
            gradient is near 0 and w_new ≈ w_old.
            """),
        GlossaryEntry(
            "convergence", ["converge", "converges"], lesson: 11, uses: ["converge"],
            """
            Training settling: the loss stops falling and the updates become tiny.
            """),
        GlossaryEntry(
            "delta", ["δ", "deltas"], lesson: 12, uses: ["δ", "delta"],
            """
            δ_kj = ∂L/∂z_kj, the loss's sensitivity to a node's sum. Output: δ = ∂L/∂ŷ·g′(z);
            hidden: δ_kj = g′(z_kj)·Σ_m w^(k+1)_jm·δ_(k+1)m. Then ∂L/∂w^k_ij = O_(k−1)i·δ_kj.
            """),
        GlossaryEntry(
            "memoization", ["memoisation", "memo"], lesson: 12, uses: ["memoization", "memoisation"],
            """
            Keeping a result to reuse it instead of recomputing it. Backpropagation keeps each
            δ once and reuses it on every path, so its cost grows with the weights, not the paths.
            """),
        GlossaryEntry(
            "sgd", ["stochastic gradient descent", "stochastic"], lesson: 13, uses: ["sgd", "stochastic"],
            """
            One row per update: n updates per epoch, each quick and noisy; near the minimum
            the loss jitters instead of settling ('set mode sgd').
            """),
        GlossaryEntry(
            "batch", ["batch gradient descent", "full batch"], lesson: 13, uses: ["batch"],
            """
            All rows per update: G is the mean gradient over the data, one smooth step per
            epoch ('set mode batch').
            """),
        GlossaryEntry(
            "mini-batch", ["minibatch", "mini batch"], lesson: 13, uses: ["mini-batch", "minibatch"],
            """
            A few rows per update (often 32, 64, …): G is their mean gradient, ⌈n / size⌉
            updates per epoch ('set mode minibatch', 'set batch 4').
            """),
        GlossaryEntry(
            "random order", ["shuffle", "shuffling", "order"], lesson: 13, uses: ["random order", "shuffle"],
            """
            Reading the rows in a fresh random order each epoch, as sgd and mini-batch usually
            do, so the updates do not follow the file's order ('set order random').
            """)
    ]
}
