import NNEngine

/// The step table: each parameter before, its gradient (with the penalty's term when there is
/// one), the optimiser's terms, its move and its value after.
enum UpdateTable {
    static func render(
        _ record: StepRecord, network: Network, indices: [Int], notation: Notation,
        format: NumberFormat
    ) -> TextTable {
        let d = notation.ascii ? "d" : "∂"
        let grad = network.isPerceptron ? "G" : record.isSingleSample ? "\(d)L/\(d)p" : "G"
        let penalised = !record.penaltyGradient.isEmpty
        let terms = record.optimizer
        var header = ["param", "before"]
        if penalised {
            header += ["\(d)L/\(d)p", "+\(penaltySymbol(record, notation))", "G"]
        } else {
            header.append(grad)
        }
        header += stateHeaders(terms.optimizer, notation)
        header += [moveHeader(terms.optimizer, gradient: penalised ? "G" : grad, notation), "after"]
        var table = TextTable(header: header)
        let frozen = Set(record.frozen)
        for i in indices {
            var row = [notation.parameter(network.parameter(at: i)), format(record.parametersBefore[i])]
            if penalised { row += [format(record.dataGradient[i]), format(record.penaltyGradient[i])] }
            row.append(format(record.gradient[i]))
            row += stateCells(terms, i, format)
            row.append(frozen.contains(i) ? "frozen: not applied" : format(-terms.moves[i]))
            row.append(format(record.parametersAfter[i]))
            table.rows.append(row)
        }
        return table
    }

    /// `λ·w`, `λ·sign(w)` or both, as the penalty's gradient term is written.
    static func penaltySymbol(_ record: StepRecord, _ notation: Notation) -> String {
        let lambda = notation.ascii ? "lambda" : "λ"
        let l2 = record.settings.l2 != 0 ? "\(lambda)\(notation.times)w" : nil
        let l1 = record.settings.l1 != 0 ? "\(lambda)\(notation.times)sign(w)" : nil
        return [l2, l1].compactMap { $0 }.joined(separator: "+")
    }

    static func stateHeaders(_ optimizer: Optimizer, _ notation: Notation) -> [String] {
        switch optimizer {
        case .sgd: return []
        case .momentum: return ["v"]
        case .rmsprop: return ["s"]
        case .adam: return ["m", "v", notation.ascii ? "mhat" : "m̂", notation.ascii ? "vhat" : "v̂"]
        }
    }

    static func stateCells(_ terms: OptimizerTerms, _ i: Int, _ format: NumberFormat) -> [String] {
        switch terms.optimizer {
        case .sgd: return []
        case .momentum: return [format(terms.first[i])]
        case .rmsprop: return [format(terms.second[i])]
        case .adam:
            return [terms.first[i], terms.second[i], terms.firstCorrected[i], terms.secondCorrected[i]].map {
                format($0)
            }
        }
    }

    static func moveHeader(_ optimizer: Optimizer, gradient: String, _ notation: Notation) -> String {
        let m = notation.minus, eta = notation.eta, dot = notation.times
        let eps = notation.ascii ? "eps" : "ε"
        switch optimizer {
        case .sgd: return "\(m)\(eta)\(dot)\(gradient)"
        case .momentum: return "\(m)\(eta)\(dot)v"
        case .rmsprop: return "\(m)\(eta)\(dot)G/(\(notation.ascii ? "sqrt(s)" : "√s")+\(eps))"
        case .adam: return "\(m)\(eta)\(dot)\(notation.ascii ? "mhat/(sqrt(vhat)" : "m̂/(√v̂")+\(eps))"
        }
    }
}
