import NNEngine

/// The names a lesson expression may use, and a check of an expression against them that
/// needs no network (the checker's first pass; the dry run checks the rest).
enum LessonNames {
    /// Names that stand for one number of the live session.
    static let values: [String: String] = [
        "loss": "the loss of the last update (the mean over its rows)",
        "meanloss": "the mean loss over every row with the parameters as they are now",
        "testloss": "the mean loss over the test rows held out by 'data split', with the parameters now",
        "epochloss": "the mean loss of the last finished epoch",
        "epochs": "how many passes over the data are finished",
        "updates": "how many updates have been made",
        "lr": "the learning rate η",
        "batch": "the mini-batch size",
        "rows": "the number of rows in the data",
        "nextrow": "the row (from 1) the next update reads first",
        "params": "the number of trainable parameters",
        "layers": "L, the number of layers with weights",
        "residual": "1 when the network has residual connections (net … residual=on), else 0",
        "sigmoids": "how many layers have the sigmoid activation",
        "relus": "how many layers have the relu activation",
        "correct": "how many rows the network classifies correctly now",
        "accuracy": "correct / rows",
        "mults_memo": "multiplications in one backward pass with memoized deltas",
        "mults_paths": "multiplications when every path to the loss is expanded separately",
        "paths": "paths from the parameters to the loss",
        "y": "the target of the last update's sample (y_2 for the second output)",
        "yhat": "the network's output ŷ for that sample (yhat_2 for the second output)"
    ]

    /// Functions of the session: `params(1)`, `epochloss(3)`, `data(1, 3)`, `yhat(4)`, with
    /// how many arguments each takes.
    static let liveFunctions: [String: ClosedRange<Int>] = [
        "params": 0...1, "weights": 1...1, "biases": 1...1, "nodes": 1...1, "epochloss": 0...1,
        "gradnorm": 1...1, "moved": 1...1, "data": 2...2, "yhat": 1...2, "paramsof": 2...64,
        "ahead": 2...2, "diverges": 1...1, "largestmove": 1...1
    ]

    /// Plain arithmetic: `abs(x)`, `round(x, 2)`. The number is the most arguments.
    static let pureFunctions: [String: ClosedRange<Int>] = [
        "abs": 1...1, "sqrt": 1...1, "exp": 1...1, "ln": 1...1, "sigmoid": 1...1, "tanh": 1...1,
        "sign": 1...1, "round": 1...2, "ceil": 1...1, "floor": 1...1, "max": 2...8, "min": 2...8
    ]

    /// What kind of name `name` is, or nil when it is none.
    enum Kind: Equatable {
        case value, parameter, node, preactivation, delta, input, target, prediction, kept
    }

    static func kind(of name: String, kept: Set<String>) -> Kind? {
        if kept.contains(name) { return .kept }
        if values[name] != nil { return .value }
        if Parameter(name: name) != nil { return .parameter }
        if name.first == "O", NodeName(name: name) != nil { return .node }
        if let rest = indexed(name, "z"), rest.count == 2 { return .preactivation }
        if let rest = indexed(name, "delta"), rest.count == 2 { return .delta }
        if name.hasPrefix("x"), let i = Int(name.dropFirst()), i >= 1 { return .input }
        if let rest = indexed(name, "y_"), rest.count == 1 { return .target }
        if let rest = indexed(name, "yhat_"), rest.count == 1 { return .prediction }
        return nil
    }

    /// The numbers in `z1_2` after `prefix`, split at '_'; nil when it is not that shape.
    static func indexed(_ name: String, _ prefix: String) -> [Int]? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ $0 >= 1 }) else { return nil }
        return numbers
    }

    /// Every name a teacher might mean, for "did you mean".
    static var suggestions: [String] {
        Array(values.keys) + Array(liveFunctions.keys) + Array(pureFunctions.keys) + ["grad", "before", "next"]
    }

    /// Finds unknown names and functions, and calls with the wrong number of arguments.
    static func check(_ expression: LessonExpression, kept: Set<String>) -> [ExpressionError] {
        switch expression {
        case .number: return []
        case .name(let name, let column):
            if kind(of: name, kept: kept) != nil { return [] }
            if liveFunctions[name] != nil || pureFunctions[name] != nil {
                if name == "params" || name == "epochloss" || name == "yhat" { return [] }
                return [
                    ExpressionError(
                        message: "'\(name)' is a function; write it with its arguments, like \(name)(1)", column: column
                    )
                ]
            }
            let near = didYouMean(name, among: suggestions + Array(kept))
            return [ExpressionError(message: "unknown name '\(name)'\(near)", column: column)]
        case .parameterOf(let word, let parameter, let column):
            guard Parameter(name: parameter) != nil else {
                return [
                    ExpressionError(
                        message: "'\(word)' needs a parameter name like w2_11 or b1_2, found '\(parameter)'",
                        column: column)
                ]
            }
            return []
        case .call(let name, let arguments, let column):
            let inner = arguments.flatMap { check($0, kept: kept) }
            if let range = liveFunctions[name] ?? pureFunctions[name] {
                if !range.contains(arguments.count) {
                    return inner + [
                        ExpressionError(
                            message:
                                "'\(name)' takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") arguments, found \(arguments.count)",
                            column: column)
                    ]
                }
                return inner
            }
            let near = didYouMean(name, among: Array(liveFunctions.keys) + Array(pureFunctions.keys))
            return inner + [ExpressionError(message: "unknown function '\(name)'\(near)", column: column)]
        case .negate(let e), .next(let e, _): return check(e, kept: kept)
        case .binary(_, let a, let b), .compare(_, let a, let b): return check(a, kept: kept) + check(b, kept: kept)
        }
    }
}
