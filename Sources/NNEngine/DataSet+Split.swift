/// A seeded train/test split: which rows are held out as the test set that training never reads.
///
/// For n rows the test set has `round(fraction · n)` rows, at least 1 and at most n − 1 (no
/// split at all below 2 rows). They are the first ones of a Fisher–Yates shuffle of 0…n−1 drawn
/// from ``SplitMix64`` seeded with `seed`, so the same fraction, seed and row count always hold
/// out the same rows. Both parts keep the rows in file order.
public struct DataSplit: Sendable, Equatable {
    /// The share of rows held out, 0 < fraction < 1.
    public var testFraction: Double
    public var seed: UInt64

    public init(testFraction: Double, seed: UInt64) {
        precondition(testFraction > 0 && testFraction < 1, "A test share must lie strictly between 0 and 1.")
        self.testFraction = testFraction
        self.seed = seed
    }

    /// How many of `n` rows are held out.
    public func testCount(rows n: Int) -> Int {
        guard n >= 2 else { return 0 }
        return min(n - 1, max(1, Int((testFraction * Double(n)).rounded())))
    }

    /// The held-out rows of `n`, ascending.
    public func testRows(rows n: Int) -> [Int] {
        let k = testCount(rows: n)
        guard k > 0 else { return [] }
        var order = Array(0..<n)
        var random = SplitMix64(seed: seed ^ 0x5E17_7E57_0DA7_A5E7)
        for i in 0..<k {
            order.swapAt(i, i + random.index(below: n - i))
        }
        return order[..<k].sorted()
    }

    /// Whether each of `n` rows is held out.
    public func isTest(rows n: Int) -> [Bool] {
        var held = [Bool](repeating: false, count: n)
        for row in testRows(rows: n) { held[row] = true }
        return held
    }

    /// The training rows and the test rows of `data`.
    public func split(_ data: DataSet) -> (train: DataSet, test: DataSet) {
        let held = isTest(rows: data.count)
        return (data.subset(held.indices.filter { !held[$0] }), data.subset(held.indices.filter { held[$0] }))
    }
}

extension DataSet {
    /// The rows at `rows`, in that order, with the same columns and class names.
    public func subset(_ rows: [Int]) -> DataSet {
        var inputs: [Double] = [], targets: [Double] = []
        inputs.reserveCapacity(rows.count * featureCount)
        targets.reserveCapacity(rows.count * targetCount)
        for row in rows {
            inputs.append(contentsOf: features(row: row))
            targets.append(contentsOf: target(row: row))
        }
        return DataSet(
            name: name, featureNames: featureNames, targetNames: targetNames, inputs: inputs,
            targets: targets, classNames: classNames)
    }
}

/// How the data a learner chose becomes what the network trains on: computed input columns
/// first, then the split.
public struct DataPreparation: Sendable, Equatable {
    public var features: [FeatureCross] = []
    public var split: DataSplit?

    public init(features: [FeatureCross] = [], split: DataSplit? = nil) {
        self.features = features
        self.split = split
    }

    /// Every row with the computed columns (the crosses that `data` has the inputs for).
    public func prepared(_ data: DataSet) -> DataSet {
        data.withFeatures(features.filter { $0.inputsNeeded <= data.featureCount })
    }

    /// The training rows and, with a split, the held-out test rows, both prepared.
    public func apply(_ data: DataSet) -> (train: DataSet, test: DataSet?) {
        let all = prepared(data)
        guard let split else { return (all, nil) }
        let (train, test) = split.split(all)
        return (train, test)
    }
}
