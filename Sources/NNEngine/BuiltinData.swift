import Glibc

/// The data sets behind `data NAME`: small tables from the course and seeded 2-D generators.
///
/// The tables (`students`, `placement`, `and`, `or`, `xor`) are always the same rows and ignore
/// the seed and the count. The generators (`line`, `circles`, `moons`, `spiral`) draw every
/// number from ``SplitMix64`` seeded with `seed`, so the same seed and count give the same rows
/// on every machine. Their features `x1`, `x2` lie roughly in [-1.5, 1.5], their target `y` is a
/// class label 0 or 1, and the labels alternate row by row (0, 1, 0, 1, …) so that sequential
/// training sees both classes from the start.
public enum BuiltinData {
    /// Every name ``make(_:seed:count:)`` accepts, tables first.
    public static let names: [String] = [
        "students", "placement", "and", "or", "xor", "line", "circles", "moons", "spiral",
    ]

    /// The number of rows a generator makes when no count is given.
    public static func defaultCount(_ name: String) -> Int? {
        switch name.lowercased() {
        case "line": return 20
        case "circles", "moons", "spiral": return 100
        default: return nil
        }
    }

    /// The data set called `name` (case-insensitive), or nil for an unknown name or a count below 1.
    ///
    /// - Parameters:
    ///   - seed: seeds the generators; the tables ignore it.
    ///   - count: rows for a generator (default 20 for `line`, 100 for the others); tables ignore it.
    public static func make(_ name: String, seed: UInt64, count: Int? = nil) -> DataSet? {
        let key = name.lowercased()
        if let table = table(key) { return table }
        guard let rows = count ?? defaultCount(key), rows >= 1 else { return nil }
        // Data draws from its own stream: the same seed as `net … seed=N` must not give rows
        // that copy the initial weights.
        var random = SplitMix64(seed: seed ^ 0xDA7A_5EED_0F_DA7A5)
        let point: (Int, inout SplitMix64) -> (Double, Double)
        switch key {
        case "line": point = linePoint
        case "circles": point = circlesPoint
        case "moons": point = moonsPoint
        case "spiral": point = spiralPoint
        default: return nil
        }
        var data = DataSet(name: key, featureNames: ["x1", "x2"], targetNames: ["y"])
        for row in 0..<rows {
            let label = row % 2
            let (x1, x2) = point(label, &random)
            data.append(features: [x1, x2], targets: [Double(label)])
        }
        return data
    }

    // MARK: Tables

    private static func table(_ key: String) -> DataSet? {
        switch key {
        case "students":
            return makeTable(key, ["iq", "gpa"], ["salary"], [[80, 3.5, 1.8], [60, 4, 2.5], [70, 3.2, 2]])
        case "placement":
            return makeTable(key, ["cgpa", "resume_score"], ["salary"],
                             [[8, 8, 4], [7, 9, 5], [6, 10, 6], [5, 12, 7]])
        case "and": return logicGate(key) { $0 && $1 }
        case "or": return logicGate(key) { $0 || $1 }
        case "xor": return logicGate(key) { $0 != $1 }
        default: return nil
        }
    }

    /// Rows are features followed by targets.
    private static func makeTable(_ name: String, _ features: [String], _ targets: [String],
                                  _ rows: [[Double]]) -> DataSet {
        var data = DataSet(name: name, featureNames: features, targetNames: targets)
        for row in rows {
            data.append(features: Array(row.prefix(features.count)),
                        targets: Array(row.suffix(targets.count)))
        }
        return data
    }

    /// The truth table of a two-input gate, rows (0,0), (0,1), (1,0), (1,1).
    private static func logicGate(_ name: String, _ gate: (Bool, Bool) -> Bool) -> DataSet {
        let rows: [[Double]] = [(false, false), (false, true), (true, false), (true, true)].map { a, b in
            [a ? 1 : 0, b ? 1 : 0, gate(a, b) ? 1 : 0]
        }
        return makeTable(name, ["x1", "x2"], ["y"], rows)
    }

    // MARK: Generators

    /// Points in [-1, 1]² on either side of the line `x2 = 0.5·x1 + 0.1` (label 1 above it),
    /// each at least 0.2 away from it so the classes are separable with a visible margin.
    /// Draws are rejected until one lands on the wanted side, outside the margin.
    private static func linePoint(_ label: Int, _ random: inout SplitMix64) -> (Double, Double) {
        let margin = 0.2, norm = (0.5 * 0.5 + 1.0).squareRoot()
        while true {
            let x1 = random.uniform(-1, 1), x2 = random.uniform(-1, 1)
            let distance = (x2 - 0.5 * x1 - 0.1) / norm // signed, positive above the line
            if label == 1 ? distance >= margin : distance <= -margin { return (x1, x2) }
        }
    }

    /// Two concentric rings: label 0 on radius 1 (outer), label 1 on radius 0.5 (inner),
    /// at a uniform angle, with normal noise of standard deviation 0.08 on each coordinate.
    private static func circlesPoint(_ label: Int, _ random: inout SplitMix64) -> (Double, Double) {
        let radius = label == 0 ? 1.0 : 0.5
        let angle = random.uniform(0, 2 * Double.pi)
        return (radius * cos(angle) + 0.08 * random.normal(), radius * sin(angle) + 0.08 * random.normal())
    }

    /// Two interleaving half-moons (as in scikit-learn's `make_moons`): label 0 is `(cos t, sin t)`,
    /// label 1 is `(1 − cos t, 0.5 − sin t)`, t uniform in [0, π], plus normal noise of standard
    /// deviation 0.1 on each coordinate; then shifted by (−0.5, −0.25) to centre them and scaled
    /// by 0.8, so x1 lies in about [−1.2, 1.2] before noise.
    private static func moonsPoint(_ label: Int, _ random: inout SplitMix64) -> (Double, Double) {
        let t = random.uniform(0, Double.pi)
        let (x1, x2) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        return (0.8 * (x1 - 0.5 + 0.1 * random.normal()), 0.8 * (x2 - 0.25 + 0.1 * random.normal()))
    }

    /// A two-arm spiral: with t uniform in [0, 1], radius `1.4·t` and angle `3.5π·t + label·π`,
    /// so the arms are half a turn apart; normal noise of standard deviation 0.04 on each coordinate.
    private static func spiralPoint(_ label: Int, _ random: inout SplitMix64) -> (Double, Double) {
        let t = random.nextUnit()
        let radius = 1.4 * t, angle = 3.5 * Double.pi * t + Double(label) * Double.pi
        return (radius * cos(angle) + 0.04 * random.normal(), radius * sin(angle) + 0.04 * random.normal())
    }
}
