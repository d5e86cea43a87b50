import Glibc
import NNEngine

/// What `plot boundary` shows, worked out once for the terminal and for SVG: the rows of a
/// two-input data set as points of their classes, the class the network predicts anywhere
/// in the plane, and, for a one-layer network with one output, its line.
///
/// Classes: with one target column, each distinct value is a class and the prediction is
/// the class whose value is nearest ŷ (for labels 0 and 1: ŷ ≥ 0.5 means 1). With several
/// target columns (one-hot), the class is the column with the largest value.
struct BoundaryMap {
    struct Point { var x: Double; var y: Double; var label: Int; var row: Int }

    /// `a·x + b·y + c = 0` in data coordinates.
    struct Line: Equatable { var a: Double; var b: Double; var c: Double }

    let xName: String
    let yName: String
    let classNames: [String]
    let points: [Point]
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    /// True for a one-layer network with one output: its boundary is a straight line.
    let isLinear: Bool
    /// The line of a one-layer, one-output network now, and (perceptron) before the last update.
    let line: Line?
    let previousLine: Line?
    /// The rows the last update read, when the picture marks them (the perceptron trick).
    let highlighted: [Int]
    let lastUpdate: Int?
    /// Whether the last update changed the perceptron's weights (it does only for a mistake).
    let lineMoved: Bool
    /// The line's equation in words, or why there is none.
    let caption: String?
    private let network: Network
    private let classValues: [Double]

    static let maximumClasses = 8
    /// The most multiply-adds (points × parameters) a picture may spend on predictions; a huge
    /// network leaves the plane unshaded rather than keeping the learner waiting for minutes.
    static let workBudget = 500_000_000.0

    /// True when predicting `count` points stays within `workBudget`.
    func affordable(_ count: Int) -> Bool { Double(count) * Double(network.parameterCount) <= Self.workBudget }
    var parameterCount: Int { network.parameterCount }

    init(_ training: Training, notation: Notation, format: NumberFormat) throws(ShellError) {
        let data = training.data, network = training.network
        guard !data.isEmpty else {
            throw ShellError.state("there is no data to plot; choose some, for example 'data and' or 'data circles'")
        }
        guard data.featureCount == 2, network.inputCount == 2 else {
            throw ShellError.state(
                "'plot boundary' draws data with two inputs; \(data.name) has \(data.featureCount) (\(data.featureNames.joined(separator: ", ")))"
            )
        }
        guard data.targetCount == network.outputCount else {
            throw TrainingRunner.message(
                for: .shapeMismatch(
                    networkInputs: network.inputCount, networkOutputs: network.outputCount,
                    dataFeatures: data.featureCount, dataTargets: data.targetCount))
        }
        self.network = network
        xName = data.featureNames[0]
        yName = data.featureNames[1]
        if data.targetCount == 1 {
            classValues = Array(Set(data.targets)).sorted()
            // Class labels are whole numbers, few, and (beyond two) shared by several rows.
            let looksLikeClasses =
                classValues.count <= Self.maximumClasses && classValues.allSatisfy { $0 == $0.rounded() }
                && (classValues.count <= 2 || classValues.count < data.count)
            guard looksLikeClasses else {
                throw ShellError.state(
                    "'plot boundary' needs class labels such as 0 and 1, but \(data.targetNames[0]) takes \(classValues.count) different values; "
                        + "try it on classification data such as 'data and' or 'data moons', or see this fit with 'plot loss'"
                )
            }
            classNames = classValues.map { value in
                data.classNames.indices.contains(Int(value))
                    ? "\(data.targetNames[0])=\(data.classNames[Int(value)])"
                    : "\(data.targetNames[0])=\(format(value))"
            }
        } else {
            classValues = []
            classNames = data.targetNames
        }
        let values = classValues
        let labels = (0..<data.count).map { r in Self.classIndex(Array(data.target(row: r)), values: values) }
        let points = (0..<data.count).map { r in
            Point(x: data.features(row: r).first!, y: data.features(row: r).last!, label: labels[r], row: r)
        }
        self.points = points
        xRange = Self.padded(points.map(\.x))
        yRange = Self.padded(points.map(\.y))

        let threshold = classValues.count == 2 ? (classValues[0] + classValues[1]) / 2 : nil
        let linear = network.layerCount == 1 && network.outputCount == 1
        isLinear = linear
        line =
            linear
            ? threshold.flatMap { Self.line(network.parameters, activation: network.activations[0], threshold: $0) }
            : nil
        if network.isPerceptron, let step = training.lastStep, step.isSingleSample {
            previousLine = threshold.flatMap { Self.line(step.parametersBefore, activation: .step, threshold: $0) }
            highlighted = step.rows
            lastUpdate = step.update
            lineMoved = step.parametersBefore != step.parametersAfter
        } else {
            previousLine = nil; highlighted = []; lastUpdate = nil; lineMoved = false
        }
        if linear, let threshold {
            caption = Self.caption(
                line, network: network, threshold: threshold, names: (xName, yName), notation: notation, format: format)
        } else {
            caption = nil
        }
    }

    /// True when the line crosses the data's extent (or there is no line).
    var lineVisible: Bool {
        guard let line else { return true }
        let corners = [
            (xRange.lowerBound, yRange.lowerBound), (xRange.lowerBound, yRange.upperBound),
            (xRange.upperBound, yRange.lowerBound), (xRange.upperBound, yRange.upperBound)
        ]
        let sides = Set(corners.map { line.a * $0.0 + line.b * $0.1 + line.c >= 0 })
        return sides.count == 2
    }

    /// The class of each (x, y) point, in one batch through the network.
    func predictedClasses(_ xys: [Double]) -> [Int] {
        let outputs = network.predictions(xys), n = network.outputCount
        return (0..<xys.count / 2).map { Self.classIndex(Array(outputs[$0 * n..<($0 + 1) * n]), values: classValues) }
    }

    /// True when the picture can shade by the output's value, not only its class: one output,
    /// not a step, and two classes (the values v₀ < v₁ of the target column).
    var shadesByScore: Bool {
        network.outputCount == 1 && classValues.count == 2 && network.activations[network.layerCount - 1] != .step
    }

    /// Where ŷ lies between the two class values, u = (ŷ − v₀)/(v₁ − v₀), as one of four bands
    /// of each (x, y) point: 0 for u < 0.2, 1 below 0.5, 2 below 0.8, 3 from 0.8 (so bands 0–1
    /// predict the first class and 2–3 the second). Nil unless `shadesByScore`.
    func scoreBands(_ xys: [Double]) -> [Int]? {
        guard shadesByScore else { return nil }
        let (v0, v1) = (classValues[0], classValues[1])
        return network.predictions(xys).map { yHat in
            let u = (yHat - v0) / (v1 - v0)
            return !u.isFinite ? 0 : u < 0.2 ? 0 : u < 0.5 ? 1 : u < 0.8 ? 2 : 3
        }
    }

    /// The band edges in the target's units, for legends: ŷ at u = 0.2, 0.5 and 0.8.
    var scoreEdges: [Double] {
        guard classValues.count == 2 else { return [] }
        return [0.2, 0.5, 0.8].map { classValues[0] + $0 * (classValues[1] - classValues[0]) }
    }

    /// How many points the network puts in their own class.
    var correctCount: Int {
        let predicted = predictedClasses(points.flatMap { [$0.x, $0.y] })
        return zip(points, predicted).filter { $0.label == $1 }.count
    }

    static func classIndex(_ outputs: [Double], values: [Double]) -> Int {
        if values.isEmpty { return outputs.indices.max { outputs[$0] < outputs[$1] || outputs[$0].isNaN } ?? 0 }
        let y = outputs[0]
        guard y.isFinite else { return 0 }
        var best = 0
        for (index, value) in values.enumerated() where abs(y - value) <= abs(y - values[best]) { best = index }
        return best
    }

    /// The data's extent plus 8% each side (or ±1 around a single value).
    static func padded(_ values: [Double]) -> ClosedRange<Double> {
        let low = values.min() ?? 0, high = values.max() ?? 0
        let pad = high > low ? (high - low) * 0.08 : 1
        return (low - pad)...(high + pad)
    }

    /// Where g(w¹₁₁x₁ + w¹₂₁x₂ + b₁₁) crosses `threshold`: the line w¹₁₁x₁ + w¹₂₁x₂ + b₁₁ = g⁻¹(threshold).
    static func line(_ parameters: [Double], activation: Activation, threshold t: Double) -> Line? {
        let z: Double
        switch activation {
        case .linear: z = t
        case .sigmoid where t > 0 && t < 1: z = log(t / (1 - t))
        case .tanh where t > -1 && t < 1: z = atanh(t)
        case .relu where t > 0: z = t
        case .step where t > 0 && t <= 1: z = 0
        default: return nil
        }
        guard parameters[0] != 0 || parameters[1] != 0 else { return nil }
        return Line(a: parameters[0], b: parameters[1], c: parameters[2] - z)
    }

    static func caption(
        _ line: Line?, network: Network, threshold: Double, names: (String, String),
        notation: Notation, format: NumberFormat
    ) -> String? {
        let w1 = notation.parameter(.weight(layer: 1, from: 1, to: 1)),
            w2 = notation.parameter(.weight(layer: 1, from: 2, to: 1))
        guard let line else {
            guard network.parameters[0] == 0, network.parameters[1] == 0 else { return nil }
            return "no line: \(w1) = \(w2) = 0, so every point gets the same prediction"
        }
        let m = notation.minus
        func term(_ value: Double, _ name: String, first: Bool) -> String {
            let sign = value < 0 ? (first ? m : " \(m) ") : (first ? "" : " + ")
            return sign + format(abs(value)) + (name.isEmpty ? "" : notation.times + name)
        }
        return "line: " + term(line.a, names.0, first: true) + term(line.b, names.1, first: false)
            + (line.c == 0 ? "" : term(line.c, "", first: false)) + " = 0"
    }
}
