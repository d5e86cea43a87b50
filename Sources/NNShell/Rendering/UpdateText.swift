import NNEngine

/// The lines of `step` about regularisation and the optimiser.
enum UpdateText {
    /// The penalty beside the data loss, and how G is made: `G = ∂L/∂p + λ·w`.
    static func penaltyLines(_ record: StepRecord, notation: Notation, format: NumberFormat) -> [String] {
        guard !record.penaltyGradient.isEmpty else { return [] }
        let settings = record.settings, lambda = notation.ascii ? "lambda" : "λ", dot = notation.times
        var parts: [String] = [], terms: [String] = []
        if settings.l2 != 0 {
            parts.append(
                "\(format(settings.l2))\(dot)½\(dot)Σw²".replacing("½", with: notation.ascii ? "0.5" : "½")
                    .replacing("Σw²", with: notation.ascii ? "sum(w^2)" : "Σw²"))
            terms.append("\(lambda)\(dot)w")
        }
        if settings.l1 != 0 {
            parts.append("\(format(settings.l1))\(dot)Σ|w|".replacing("Σ", with: notation.ascii ? "sum" : "Σ"))
            terms.append("\(lambda)\(dot)sign(w)")
        }
        let d = notation.ascii ? "d" : "∂"
        return [
            "penalty: \(parts.joined(separator: " + ")) over the weights = \(format(record.penalty)); "
                + "data loss + penalty = \(format(record.loss + record.penalty))",
            "G = \(d)L/\(d)p + \(terms.joined(separator: " + ")) for each weight (a bias's G is its \(d)L/\(d)p)"
        ]
    }

    /// "every parameter moves by −η·m̂/(√v̂ + ε): adam, t = 3, η = …, β₁ = …".
    static func optimizerLine(_ record: StepRecord, except: String, notation: Notation, format: NumberFormat) -> String
    {
        let settings = record.settings, terms = record.optimizer
        let move = UpdateTable.moveHeader(terms.optimizer, gradient: "G", notation)
        var values = ["\(notation.eta) = \(format(settings.learningRate))"]
        switch terms.optimizer {
        case .sgd: break
        case .momentum: values.append("\(notation.ascii ? "mu" : "μ") = \(format(settings.momentum))")
        case .rmsprop:
            values += ["\(notation.ascii ? "alpha" : "α") = \(format(settings.alpha))", epsilon(settings, notation)]
        case .adam:
            values += [
                "t = \(terms.t)", "\(notation.ascii ? "beta1" : "β₁") = \(format(settings.beta1))",
                "\(notation.ascii ? "beta2" : "β₂") = \(format(settings.beta2))", epsilon(settings, notation)
            ]
        }
        let formula = notation.ascii ? terms.optimizer.formula.asciiMath : terms.optimizer.formula
        return "\(terms.optimizer.rawValue): \(formula)\n"
            + "every parameter\(except) moves by \(move), \(values.joined(separator: ", ")):"
    }

    /// For `inspect NAME`: the penalty's term, the frozen mark and the optimiser's terms of one parameter.
    static func inspectLines(_ record: StepRecord, index i: Int, notation: Notation) -> [String] {
        var lines: [String] = []
        let full = NumberFormat.full, terms = record.optimizer
        if !record.penaltyGradient.isEmpty,
            record.penaltyGradient[i] != 0 || record.dataGradient[i] != record.gradient[i]
        {
            lines.append("  penalty term: \(full(record.penaltyGradient[i])),")
            lines.append(
                "    so G = \(full(record.dataGradient[i])) + \(full(record.penaltyGradient[i])) = \(full(record.gradient[i]))"
            )
        }
        if record.frozen.contains(i) {
            lines.append("  frozen: the update did not apply its gradient, and its optimiser state stayed as it was")
            return lines
        }
        let hat = notation.ascii ? ("mhat", "vhat") : ("m̂", "v̂")
        switch terms.optimizer {
        case .sgd: break
        case .momentum: lines.append("  momentum: v = \(full(terms.first[i]))")
        case .rmsprop: lines.append("  rmsprop: s = \(full(terms.second[i]))")
        case .adam:
            lines.append("  adam, t = \(terms.t): m = \(full(terms.first[i])), v = \(full(terms.second[i])),")
            lines.append(
                "    \(hat.0) = \(full(terms.firstCorrected[i])), \(hat.1) = \(full(terms.secondCorrected[i]))")
        }
        if terms.optimizer != .sgd {
            lines.append(
                "  move: \(full(terms.moves[i])), so p \(notation.ascii ? "<-" : "←") p \(notation.minus) move")
        }
        return lines
    }

    /// After a weight's chain in `show gradients`: `+ λ·w = 0.05·0.3 = 0.015, so G = …`.
    static func penaltyChainLine(
        _ record: StepRecord, index i: Int, parameter: Parameter, notation: Notation,
        format: NumberFormat
    ) -> String? {
        guard !record.penaltyGradient.isEmpty, case .weight = parameter else { return nil }
        let lambda = notation.ascii ? "lambda" : "λ", dot = notation.times, w = record.parametersBefore[i]
        var symbols: [String] = [], numbers: [String] = []
        if record.settings.l2 != 0 {
            symbols.append("\(lambda)\(dot)w")
            numbers.append("\(format(record.settings.l2))\(dot)\(GradientText.parenthesised(format(w)))")
        }
        if record.settings.l1 != 0 {
            symbols.append("\(lambda)\(dot)sign(w)")
            numbers.append("\(format(record.settings.l1))\(dot)\(w > 0 ? "1" : w < 0 ? "(\(notation.minus)1)" : "0")")
        }
        return "  + penalty: \(symbols.joined(separator: " + ")) = \(numbers.joined(separator: " + ")) = "
            + "\(format(record.penaltyGradient[i])), so G = \(format(record.gradient[i]))"
    }

    static func epsilon(_ settings: TrainingSettings, _ notation: Notation) -> String {
        "\(notation.ascii ? "eps" : "ε") = \(NumberFormat.full(settings.epsilon))"
    }
}

extension String {
    /// The optimiser formulas with ASCII in place of their Greek letters and symbols.
    var asciiMath: String {
        var text = self
        for (from, to) in [
            ("√s", "sqrt(s)"), ("√v̂", "sqrt(vhat)"), ("β₁m", "beta1*m"), ("β₂v", "beta2*v"), ("αs", "alpha*s"),
            ("μv", "mu*v"), ("←", "<-"), ("−", "-"), ("·", "*"), ("²", "^2"), ("√", "sqrt"), ("η", "eta"), ("μ", "mu"),
            ("α", "alpha"), ("β₁", "beta1"), ("β₂", "beta2"), ("ᵗ", "^t"), ("m̂", "mhat"), ("v̂", "vhat"),
            ("ε", "eps")
        ] {
            text = text.replacing(from, with: to)
        }
        return text
    }
}
