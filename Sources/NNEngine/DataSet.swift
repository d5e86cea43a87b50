/// A table of samples: named feature columns (the inputs x_i1, x_i2, …) and named target
/// columns (y), stored row-major and contiguous so training can walk it without copying.
public struct DataSet: Sendable, Equatable {
    public var name: String
    public var featureNames: [String]
    public var targetNames: [String]
    /// Row-major: row r's features are `inputs[r*featureCount ..< (r+1)*featureCount]`.
    public private(set) var inputs: [Double]
    /// Row-major: row r's targets are `targets[r*targetCount ..< (r+1)*targetCount]`.
    public private(set) var targets: [Double]
    /// The names of the classes when the targets are classes read from words (`setosa`,
    /// `versicolor`, …), sorted; class c is `classNames[c]`. Empty for numeric targets. A single
    /// target column then holds the class numbers 0…K−1; after one-hot encoding there are K
    /// target columns, column c for class c.
    public var classNames: [String]

    public init(
        name: String, featureNames: [String], targetNames: [String],
        inputs: [Double] = [], targets: [Double] = [], classNames: [String] = []
    ) {
        precondition(
            featureNames.isEmpty ? inputs.isEmpty : inputs.count % featureNames.count == 0,
            "The inputs must hold a whole number of rows.")
        self.name = name
        self.featureNames = featureNames
        self.targetNames = targetNames
        self.inputs = inputs
        self.targets = targets
        self.classNames = classNames
    }

    public var featureCount: Int { featureNames.count }
    public var targetCount: Int { targetNames.count }
    public var count: Int { featureCount == 0 ? 0 : inputs.count / featureCount }
    public var isEmpty: Bool { count == 0 }

    public func features(row: Int) -> ArraySlice<Double> {
        inputs[row * featureCount..<(row + 1) * featureCount]
    }

    public func target(row: Int) -> ArraySlice<Double> {
        targets[row * targetCount..<(row + 1) * targetCount]
    }

    /// Appends one row; the caller has checked the widths.
    public mutating func append(features x: [Double], targets y: [Double]) {
        precondition(
            x.count == featureCount && y.count == targetCount,
            "A row must have \(featureCount) features and \(targetCount) targets.")
        inputs.append(contentsOf: x)
        targets.append(contentsOf: y)
    }

    public mutating func removeAll() {
        inputs.removeAll()
        targets.removeAll()
    }

    /// Replaces the features (same shape), used by standardisation.
    public mutating func replaceInputs(_ newInputs: [Double]) {
        precondition(newInputs.count == inputs.count, "Standardised inputs must keep the shape.")
        inputs = newInputs
    }

    /// Replaces the targets with a new set of columns (same row count), used for one-hot encoding.
    public mutating func replaceTargets(names: [String], values: [Double]) {
        precondition(values.count == count * names.count, "The new targets must have one row per sample.")
        targetNames = names
        targets = values
    }
}
