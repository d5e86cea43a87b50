/// The glossary's first part: neurons, activations and losses (lessons 1 to 7).
extension Glossary {
    static let basics: [GlossaryEntry] = [
        GlossaryEntry(
            "deep learning", lesson: 1,
            """
            Machine learning with networks of several layers, where the hidden layers build
            their own features from the raw input instead of being handed them by a person.
            """),
        GlossaryEntry(
            "feature", ["features"], lesson: 1, uses: ["feature"],
            """
            A number describing an example, fed to a model as an input (x1, x2, …). A hidden
            node's output is a feature the network made for itself.
            """),
        GlossaryEntry(
            "perceptron", lesson: 2,
            """
            One artificial neuron with a step: z = w₁x₁ + w₂x₂ + … + b, ŷ = step(z).
            It answers 0 or 1 and can only draw one straight line between the classes.
            """),
        GlossaryEntry(
            "weight", ["weights", "w"], lesson: 2, uses: ["weight"],
            """
            A trainable number on a connection: how much an input counts in a node's sum.
            w^k_ij joins node i of layer k−1 to node j of layer k ('what is notation').
            """),
        GlossaryEntry(
            "bias", ["biases", "b"], lesson: 2,
            """
            A node's own trainable number, added to its weighted sum: z = Σ wᵢxᵢ + b. It
            moves the threshold: the sum of the inputs must reach −b for z ≥ 0.
            """),
        GlossaryEntry(
            "weighted sum", ["z", "pre-activation"], lesson: 2, uses: ["weighted sum"],
            """
            z_kj = Σᵢ w^k_ij · O_(k−1)i + b_kj: node j of layer k before its activation.
            In nnstep, z1_2 is that number for node 2 of layer 1.
            """),
        GlossaryEntry(
            "step function", ["step(z)", "heaviside"], lesson: 2, uses: ["step(z)", "step function"],
            """
            step(z) = 1 when z ≥ 0, else 0. The perceptron's activation; its derivative is 0
            almost everywhere, so gradients cannot train through it.
            """),
        GlossaryEntry(
            "decision boundary", ["boundary"], lesson: 3, uses: ["decision boundary", "boundary"],
            """
            Where the model's answer switches class. For one unit it is the line
            w₁x₁ + w₂x₂ + b = 0; 'plot boundary' draws it.
            """),
        GlossaryEntry(
            "perceptron trick", ["perceptron rule"], lesson: 3,
            """
            Training a perceptron point by point: if a point is on the wrong side, move
            every weight by η·(y − ŷ)·x and the bias by η·(y − ŷ); if it is right, change nothing.
            """),
        GlossaryEntry(
            "activation", ["activation function", "g"], lesson: 4, uses: ["activation"],
            """
            The function a node applies to its sum: O = g(z). nnstep has linear, step,
            sigmoid, tanh, relu and softmax ('net 2-2-1 act=tanh,sigmoid').
            """),
        GlossaryEntry(
            "sigmoid", ["σ", "logistic"], lesson: 4, uses: ["sigmoid", "σ"],
            """
            σ(z) = 1 / (1 + e^(−z)), between 0 and 1, read as a probability.
            Its slope is σ′(z) = σ(z)·(1 − σ(z)), at most 0.25 (at z = 0).
            """),
        GlossaryEntry(
            "tanh", lesson: 1,
            """
            tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), between −1 and 1, centred on 0.
            Its slope is 1 − tanh²(z), at most 1 (at z = 0).
            """),
        GlossaryEntry(
            "relu", ["rectifier"], lesson: 14, uses: ["relu"],
            """
            relu(z) = max(0, z). Its slope is 1 for z > 0 and 0 for z < 0, so a chain of
            active relu nodes does not shrink the gradient the way sigmoids do.
            """),
        GlossaryEntry(
            "softmax", lesson: 4,
            """
            For K outputs: ŷ_k = e^(z_k) / Σⱼ e^(z_j). The K outputs are positive and add up
            to 1, a probability for each class.
            """),
        GlossaryEntry(
            "logit", ["logits"], lesson: 4, uses: ["logit"],
            """
            The z that goes into a sigmoid or softmax. For a sigmoid, z = ln(p / (1 − p)):
            the log of the odds; z = 0 means p = 0.5.
            """),
        GlossaryEntry(
            "one-hot", ["one hot", "onehot"], lesson: 4,
            """
            A class written as K numbers, 1 for its class and 0 for the others: class 2 of 3
            is (0, 1, 0). Softmax outputs are compared with it.
            """),
        GlossaryEntry(
            "loss", ["loss function", "cost", "L"], lesson: 4, uses: ["loss"],
            """
            One number saying how wrong a prediction is, L(y, ŷ); training makes it small.
            nnstep has mse, bce, cce and hinge ('net … loss=bce').
            """),
        GlossaryEntry(
            "mse", ["mean squared error", "squared error"], lesson: 4, uses: ["mse", "squared error"],
            """
            L = (y − ŷ)² for one output (the mean over the outputs for several).
            ∂L/∂ŷ = −2(y − ŷ). The loss of regression.
            """),
        GlossaryEntry(
            "bce", ["binary cross-entropy", "log loss", "cross-entropy"], lesson: 4,
            uses: ["bce", "binary cross-entropy", "cross-entropy"],
            """
            L = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)] for y in {0, 1} and a sigmoid ŷ.
            With a sigmoid output, ∂L/∂z = ŷ − y: the σ′ factor cancels.
            """),
        GlossaryEntry(
            "cce", ["categorical cross-entropy"], lesson: 4, uses: ["cce", "categorical cross-entropy"],
            """
            L = −Σ_k y_k·ln ŷ_k with a one-hot y and softmax outputs: −ln of the probability
            given to the right class. With softmax, ∂L/∂z_k = ŷ_k − y_k.
            """),
        GlossaryEntry(
            "hinge", ["hinge loss"], lesson: 4, uses: ["hinge"],
            """
            L = max(0, 1 − y·ŷ) with labels y in {−1, +1}: zero once a point is on its side
            with a margin, growing linearly when it is not.
            """),
        GlossaryEntry(
            "linearly separable", ["separable"], lesson: 5, uses: ["linearly separable"],
            """
            Two classes one straight line (a plane, in more dimensions) can split. AND and OR
            are; XOR is not, so no single perceptron learns it.
            """),
        GlossaryEntry(
            "xor", ["exclusive or"], lesson: 5, uses: ["xor"],
            """
            y = 1 when exactly one of two inputs is 1. Its four points need two lines, so it
            takes a hidden layer ('data xor').
            """),
        GlossaryEntry(
            "hidden layer", ["hidden"], lesson: 5, uses: ["hidden layer", "hidden node"],
            """
            A layer between the inputs and the output. Its nodes' outputs are features the
            network invents; in 2-8-1 the 8 is one hidden layer.
            """),
        GlossaryEntry(
            "mlp", ["multilayer perceptron", "multi-layer perceptron"], lesson: 6, uses: ["mlp"],
            """
            Layers of nodes, each node taking every output of the layer before:
            O^k = g(z^k), z^k = (W^k)ᵀ O^(k−1) + b^k. 'net 5-4-3-2-1' builds one.
            """),
        GlossaryEntry(
            "parameter", ["parameters", "trainable parameter"], lesson: 1, uses: ["parameter"],
            """
            A number training changes: every weight and bias. A layer of n nodes fed by m
            has m·n weights and n biases ('params').
            """),
        GlossaryEntry(
            "notation", ["w^k_ij", "names", "indices", "O_kj", "b_kj"], lesson: 6, uses: ["w^k_ij"],
            """
            w^k_ij (typed w2_11): the weight from node i of layer k−1 into node j of layer k.
            b_kj (b1_2): the bias of node j in layer k; O_kj (O1_2) its output; layer 0 is
            the input. yhat_1 is the first output ŷ₁ and y_1 its target.
            """),
        GlossaryEntry(
            "forward pass", ["forward"], lesson: 7, uses: ["forward pass"],
            """
            Computing the output from the input, layer by layer: z^k = (W^k)ᵀ O^(k−1) + b^k,
            O^k = g(z^k). 'show forward' prints it as matrices.
            """)
    ]
}
