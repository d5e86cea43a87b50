extension DataSet {
    /// The data set with every feature column rescaled to mean 0 and standard deviation 1,
    /// and the mean and standard deviation of each column before rescaling.
    ///
    /// For a column x₁…xₙ: `mean = (1/n) Σ xᵢ`, `std = √((1/n) Σ (xᵢ − mean)²)` (the population
    /// standard deviation, dividing by n), and each value becomes `(xᵢ − mean) / std`.
    /// A constant column (every value equal, including a single row) reports std 1, so its
    /// values become 0 and nothing divides by 0. With no rows the means are 0, the stds 1 and
    /// the data set is unchanged. The targets are never touched. To scale a new sample the
    /// same way, apply `(x − means[j]) / stds[j]` to feature j.
    public func standardized() -> (DataSet, means: [Double], stds: [Double]) {
        var means = [Double](repeating: 0, count: featureCount)
        var stds = [Double](repeating: 1, count: featureCount)
        guard count > 0 else { return (self, means, stds) }
        let rows = Double(count)
        var scaled = inputs
        for column in 0..<featureCount {
            let values = stride(from: column, to: inputs.count, by: featureCount).map { inputs[$0] }
            let mean = values.reduce(0, +) / rows
            let isConstant = values.allSatisfy { $0 == values[0] }
            let std = isConstant ? 1 : (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / rows).squareRoot()
            means[column] = isConstant ? values[0] : mean
            stds[column] = std
            for index in stride(from: column, to: inputs.count, by: featureCount) {
                scaled[index] = (inputs[index] - means[column]) / std
            }
        }
        var result = self
        result.replaceInputs(scaled)
        return (result, means, stds)
    }

    /// The data set with its one class-label target column replaced by `k` one-hot columns,
    /// or nil when that does not fit.
    ///
    /// A row with label c gets 1 in column c and 0 elsewhere. The new columns are named after
    /// the old one: a target `label` becomes `label=0`, `label=1`, …, `label=k-1`, or with class
    /// names `species=setosa`, `species=versicolor`, ….
    /// Returns nil when `k < 1`, when there is not exactly one target column, or when some
    /// target is not a whole number in `0..<k`. With no rows it only renames the columns.
    public func oneHotEncoded(classes k: Int) -> DataSet? {
        guard k >= 1, targetCount == 1 else { return nil }
        var values = [Double](repeating: 0, count: count * k)
        for (row, label) in targets.enumerated() {
            guard label >= 0, label < Double(k), label.rounded() == label else { return nil }
            values[row * k + Int(label)] = 1
        }
        var result = self
        let names = (0..<k).map { classNames.indices.contains($0) ? classNames[$0] : String($0) }
        result.replaceTargets(names: names.map { "\(targetNames[0])=\($0)" }, values: values)
        return result
    }
}
