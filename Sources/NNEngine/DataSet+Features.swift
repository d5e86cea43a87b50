import Glibc

/// A computed input column, as in TensorFlow Playground's feature crosses: `xK^2`, `xJ*xK`,
/// `sin(xK)` or `cos(xK)`, where xK is the data's K-th input column (1-based).
public enum FeatureCross: Sendable, Equatable, Hashable {
    /// xK², with K 0-based.
    case square(Int)
    /// xJ·xK, with J and K 0-based.
    case product(Int, Int)
    /// sin xK (radians).
    case sine(Int)
    /// cos xK (radians).
    case cosine(Int)

    /// Reads `x1^2`, `x1*x2`, `sin(x1)`, `cos(x2)` (any case); nil for anything else.
    public init?(_ text: String) {
        let key = text.lowercased()
        if key.hasSuffix("^2"), let k = Self.input(key.dropLast(2)) {
            self = .square(k)
        } else if let star = key.firstIndex(of: "*") {
            guard let j = Self.input(key[..<star]), let k = Self.input(key[key.index(after: star)...]) else {
                return nil
            }
            self = j == k ? .square(j) : .product(j, k)
        } else if key.hasPrefix("sin("), key.hasSuffix(")"), let k = Self.input(key.dropFirst(4).dropLast()) {
            self = .sine(k)
        } else if key.hasPrefix("cos("), key.hasSuffix(")"), let k = Self.input(key.dropFirst(4).dropLast()) {
            self = .cosine(k)
        } else {
            return nil
        }
    }

    /// `x3` → 2; nil unless it is `x` and a whole number from 1.
    private static func input(_ text: Substring) -> Int? {
        guard text.first == "x", let k = Int(text.dropFirst()), k >= 1, text.dropFirst().allSatisfy(\.isNumber) else {
            return nil
        }
        return k - 1
    }

    /// The column's name: `x1^2`, `x1*x2`, `sin(x1)`, `cos(x1)`.
    public var name: String {
        switch self {
        case .square(let k): "x\(k + 1)^2"
        case .product(let j, let k): "x\(j + 1)*x\(k + 1)"
        case .sine(let k): "sin(x\(k + 1))"
        case .cosine(let k): "cos(x\(k + 1))"
        }
    }

    /// The number of input columns it needs (its largest K).
    public var inputsNeeded: Int {
        switch self {
        case .square(let k), .sine(let k), .cosine(let k): k + 1
        case .product(let j, let k): max(j, k) + 1
        }
    }

    /// Its value for one row of inputs.
    public func value(_ x: ArraySlice<Double>) -> Double {
        let base = x.startIndex
        switch self {
        case .square(let k): return x[base + k] * x[base + k]
        case .product(let j, let k): return x[base + j] * x[base + k]
        case .sine(let k): return sin(x[base + k])
        case .cosine(let k): return cos(x[base + k])
        }
    }
}

extension DataSet {
    /// The data set with one more input column per cross, after the existing ones, each named
    /// by ``FeatureCross/name`` and computed from the row's original inputs. The caller checks
    /// that every cross's ``FeatureCross/inputsNeeded`` is at most `featureCount`.
    public func withFeatures(_ crosses: [FeatureCross]) -> DataSet {
        guard !crosses.isEmpty else { return self }
        precondition(
            crosses.allSatisfy { $0.inputsNeeded <= featureCount },
            "A feature cross names an input the data lacks.")
        var values: [Double] = []
        values.reserveCapacity(count * (featureCount + crosses.count))
        for row in 0..<count {
            let x = features(row: row)
            values.append(contentsOf: x)
            for cross in crosses { values.append(cross.value(x)) }
        }
        return DataSet(
            name: name, featureNames: featureNames + crosses.map(\.name), targetNames: targetNames,
            inputs: values, targets: targets, classNames: classNames)
    }
}
