import NNEngine

/// The settings of regularisation and of the optimisers: one table drives `set`, its help,
/// `export json` and `import json`, so all accept exactly the same values.
struct HyperParameter: Sendable {
    let name: String
    let keyPath: WritableKeyPath<TrainingSettings, Double> & Sendable
    let symbol: String
    let what: String
    /// The values allowed: lower bound (inclusive), upper bound (exclusive unless `closedAbove`).
    let lower: Double
    let upper: Double
    let closedAbove: Bool

    static let all: [HyperParameter] = [
        HyperParameter(
            name: "l2", keyPath: \.l2, symbol: "λ₂", what: "the L2 penalty λ·½·Σw²", lower: 0, upper: .infinity,
            closedAbove: false),
        HyperParameter(
            name: "l1", keyPath: \.l1, symbol: "λ₁", what: "the L1 penalty λ·Σ|w|", lower: 0, upper: .infinity,
            closedAbove: false),
        HyperParameter(
            name: "momentum", keyPath: \.momentum, symbol: "μ", what: "momentum's μ", lower: 0, upper: 1,
            closedAbove: true),
        HyperParameter(
            name: "alpha", keyPath: \.alpha, symbol: "α", what: "RMSprop's α", lower: 0, upper: 1, closedAbove: false),
        HyperParameter(
            name: "beta1", keyPath: \.beta1, symbol: "β₁", what: "Adam's β₁", lower: 0, upper: 1, closedAbove: false),
        HyperParameter(
            name: "beta2", keyPath: \.beta2, symbol: "β₂", what: "Adam's β₂", lower: 0, upper: 1, closedAbove: false),
        HyperParameter(
            name: "eps", keyPath: \.epsilon, symbol: "ε", what: "ε of RMSprop and Adam",
            lower: .leastNonzeroMagnitude, upper: 1, closedAbove: true)
    ]

    static func named(_ name: String) -> HyperParameter? { all.first { $0.name == name.lowercased() } }

    func allows(_ value: Double) -> Bool {
        value.isFinite && value >= lower && (closedAbove ? value <= upper : value < upper)
    }

    /// "from 0 to below 1", for messages.
    var rangeText: String {
        if upper == .infinity { return "0 or more" }
        let top = NumberFormat.full(upper)
        if lower > 0 { return "above 0 and \(closedAbove ? "at most" : "below") \(top)" }
        return closedAbove ? "from 0 to \(top)" : "at least 0 and below \(top)"
    }
}

extension Command {
    /// `set l1|l2|momentum|alpha|beta1|beta2|eps V`, or nil when `what` is none of them.
    static func runHyperParameter(_ what: Token, _ value: Token, _ state: inout SessionState) throws(ShellError)
        -> String?
    {
        guard let parameter = HyperParameter.named(what.text) else { return nil }
        let number = try Arguments.number(value, parameter.what)
        guard parameter.allows(number) else {
            throw ShellError.at(value, "\(parameter.what) must be \(parameter.rangeText), found \(value.text)")
        }
        var settings = state.settings
        settings[keyPath: parameter.keyPath] = number
        state.settings = settings
        switch parameter.name {
        case "l1", "l2":
            return number == 0
                ? "\(parameter.name) off: no penalty\n"
                : "\(parameter.what) with λ = \(NumberFormat.full(number)), over the weights (not the biases);\n"
                    + "each weight's gradient gains \(parameter.name == "l2" ? "λ·w" : "λ·sign(w)")\n"
        default:
            let users = Optimizer.allCases.filter { $0.uses(parameter.name) }.map(\.rawValue).joined(separator: " and ")
            let used =
                settings.optimizer.uses(parameter.name)
                ? ""
                : " (used by \(users); now the optimiser is \(settings.optimizer.rawValue))"
            return "\(parameter.symbol) = \(NumberFormat.full(number))\(used)\n"
        }
    }

    /// `set optimizer sgd|momentum|rmsprop|adam`: its state starts again at 0.
    static func runOptimizer(_ value: Token, _ state: inout SessionState, ascii: Bool) throws(ShellError) -> String {
        guard let optimizer = Optimizer(rawValue: value.text.lowercased()) else {
            throw ShellError.at(value, "unknown optimizer '\(value.text)'; expected sgd, momentum, rmsprop or adam")
        }
        var settings = state.settings
        settings.optimizer = optimizer
        state.settings = settings
        return "optimizer \(optimizer.rawValue): \(ascii ? optimizer.formula.asciiMath : optimizer.formula)\n"
    }
}

extension Optimizer {
    /// The update rule as the contract writes it.
    var formula: String {
        switch self {
        case .sgd: return "p ← p − η·G"
        case .momentum: return "v ← μv + G; p ← p − η·v (v starts at 0)"
        case .rmsprop: return "s ← αs + (1−α)G²; p ← p − η·G/(√s + ε) (s starts at 0)"
        case .adam:
            return "t ← t+1; m ← β₁m + (1−β₁)G; v ← β₂v + (1−β₂)G²;\n  p ← p − η·m̂/(√v̂ + ε), "
                + "m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ) (m, v start at 0)"
        }
    }

    /// The hyper-parameters (by `set` name) this optimiser reads.
    var hyperParameters: [String] {
        switch self {
        case .sgd: return []
        case .momentum: return ["momentum"]
        case .rmsprop: return ["alpha", "eps"]
        case .adam: return ["beta1", "beta2", "eps"]
        }
    }

    func uses(_ name: String) -> Bool { hyperParameters.contains(name) }
}
