import NNEngine

/// The loss written out with its numbers.
enum LossText {
    static func formula(_ loss: Loss, trace: Trace, notation: Notation, format: NumberFormat) -> String {
        let y = trace.target, yHat = trace.prediction, m = notation.minus
        let value = format(trace.loss)
        if y.count == 1 {
            switch loss {
            case .mse, .perceptron:
                return
                    "(y\(m)\(notation.prediction(1)))\(notation.ascii ? "^2" : "²") = (\(format(y[0])) \(m) \(format(yHat[0])))\(notation.ascii ? "^2" : "²") = \(value)"
            case .bce:
                return "\(m)[y ln \(notation.prediction(1)) + (1\(m)y) ln(1\(m)\(notation.prediction(1)))] = \(value)"
            case .hinge:
                return
                    "max(0, 1 \(m) y\(notation.times)\(notation.prediction(1))) = max(0, 1 \(m) \(format(y[0]))\(notation.times)\(format(yHat[0]))) = \(value)"
            case .cce:
                return "\(m)y ln \(notation.prediction(1)) = \(value)"
            }
        }
        switch loss {
        case .mse, .perceptron:
            return "mean of (y\(m)ŷ)² over \(y.count) outputs = \(value)".replacing(
                "ŷ", with: notation.ascii ? "yhat" : "ŷ")
        case .bce: return "mean binary cross-entropy over \(y.count) outputs = \(value)"
        case .cce:
            return "\(m)Σ y_k ln ŷ_k = \(value)".replacing("ŷ", with: notation.ascii ? "yhat" : "ŷ").replacing(
                "Σ", with: notation.ascii ? "sum " : "Σ")
        case .hinge:
            return "mean of max(0, 1 \(m) y·ŷ) over \(y.count) outputs = \(value)".replacing(
                "ŷ", with: notation.ascii ? "yhat" : "ŷ")
        }
    }
}
