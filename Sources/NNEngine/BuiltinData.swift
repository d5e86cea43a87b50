import Glibc

/// The data sets behind `data NAME`: small tables from the course and seeded 2-D generators.
///
/// The tables (`students`, `placement`, `and`, `or`, `xor`) are always the same rows and ignore
/// the seed, the count and the noise. The generators draw every number from ``SplitMix64``
/// seeded with `seed`, so the same seed, count and noise give the same rows on every machine.
/// Their features `x1`, `x2` lie roughly in [-1.5, 1.5]. The classification generators (`line`,
/// `circles`, `moons`, `spiral`, `gauss`, `xorcloud`) have a target `y` that is a class label 0
/// or 1, alternating row by row (0, 1, 0, 1, …) so that sequential training sees both classes
/// from the start; the regression generators (`plane`, `multigauss`) have a real-valued `y`.
/// `noise` is the standard deviation of the normal noise each generator adds (see each one).
public enum BuiltinData {
    /// Every name ``make(_:seed:count:noise:)`` accepts, tables first.
    public static let names: [String] = [
        "students", "placement", "and", "or", "xor", "line", "circles", "moons", "spiral",
        "gauss", "xorcloud", "plane", "multigauss"
    ]

    /// The generators among ``names``.
    public static let generators: [String] = [
        "line", "circles", "moons", "spiral", "gauss", "xorcloud", "plane", "multigauss"
    ]

    /// The number of rows a generator makes when no count is given.
    public static func defaultCount(_ name: String) -> Int? {
        switch name.lowercased() {
        case "line": return 20
        case let key where generators.contains(key): return 100
        default: return nil
        }
    }

    /// The noise a generator adds when none is given (the standard deviation of its normal noise).
    public static func defaultNoise(_ name: String) -> Double? {
        switch name.lowercased() {
        case "line": return 0
        case "circles": return 0.08
        case "moons": return 0.1
        case "spiral": return 0.04
        case "gauss": return 0.25
        case "xorcloud": return 0.05
        case "plane", "multigauss": return 0.05
        default: return nil
        }
    }

    /// The data set called `name` (case-insensitive), or nil for an unknown name, a count
    /// below 1 or a negative or non-finite noise.
    ///
    /// - Parameters:
    ///   - seed: seeds the generators; the tables ignore it.
    ///   - count: rows for a generator (default 20 for `line`, 100 for the others); tables ignore it.
    ///   - noise: the generator's noise (``defaultNoise(_:)`` when nil); tables ignore it.
    public static func make(_ name: String, seed: UInt64, count: Int? = nil, noise: Double? = nil) -> DataSet? {
        let key = name.lowercased()
        if let table = table(key) { return table }
        guard let rows = count ?? defaultCount(key), rows >= 1, let noise = noise ?? defaultNoise(key),
            noise >= 0, noise.isFinite
        else { return nil }
        // Data draws from its own stream: the same seed as `net … seed=N` must not give rows
        // that copy the initial weights.
        var random = SplitMix64(seed: seed ^ 0xDA7A_5EED_0F_DA7A5)
        if key == "plane" || key == "multigauss" {
            return regression(key, rows: rows, noise: noise, random: &random)
        }
        guard let point = classificationPoint(key) else { return nil }
        var data = DataSet(name: key, featureNames: ["x1", "x2"], targetNames: ["y"])
        for row in 0..<rows {
            let label = row % 2
            let (x1, x2) = point(label, noise, &random)
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
            return makeTable(
                key, ["cgpa", "resume_score"], ["salary"],
                [[8, 8, 4], [7, 9, 5], [6, 10, 6], [5, 12, 7]])
        case "and": return logicGate(key) { $0 && $1 }
        case "or": return logicGate(key) { $0 || $1 }
        case "xor": return logicGate(key) { $0 != $1 }
        default: return nil
        }
    }

    /// Rows are features followed by targets.
    private static func makeTable(
        _ name: String, _ features: [String], _ targets: [String],
        _ rows: [[Double]]
    ) -> DataSet {
        var data = DataSet(name: name, featureNames: features, targetNames: targets)
        for row in rows {
            data.append(
                features: Array(row.prefix(features.count)),
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
}
