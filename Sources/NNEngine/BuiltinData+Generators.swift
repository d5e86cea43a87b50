import Glibc

/// The seeded generators behind `data line`, `circles`, `moons`, `spiral`, `gauss`, `xorcloud`,
/// `plane` and `multigauss`. Each classification generator draws one point for a wanted label.
extension BuiltinData {
    typealias PointMaker = (_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double)

    static func classificationPoint(_ key: String) -> PointMaker? {
        switch key {
        case "line": linePoint
        case "circles": circlesPoint
        case "moons": moonsPoint
        case "spiral": spiralPoint
        case "gauss": gaussPoint
        case "xorcloud": xorPoint
        default: nil
        }
    }

    /// Points in [-1, 1]² on either side of the line `x2 = 0.5·x1 + 0.1` (label 1 above it),
    /// each at least 0.2 away from it so the classes are separable with a visible margin.
    /// Draws are rejected until one lands on the wanted side, outside the margin; then normal
    /// noise of standard deviation `noise` (default 0, which draws nothing) moves each coordinate.
    static func linePoint(_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double) {
        let margin = 0.2, norm = (0.5 * 0.5 + 1.0).squareRoot()
        while true {
            let x1 = random.uniform(-1, 1), x2 = random.uniform(-1, 1)
            let distance = (x2 - 0.5 * x1 - 0.1) / norm  // signed, positive above the line
            guard label == 1 ? distance >= margin : distance <= -margin else { continue }
            guard noise > 0 else { return (x1, x2) }
            return (x1 + noise * random.normal(), x2 + noise * random.normal())
        }
    }

    /// Two concentric rings: label 0 on radius 1 (outer), label 1 on radius 0.5 (inner),
    /// at a uniform angle, with normal noise of standard deviation `noise` (default 0.08) on each coordinate.
    static func circlesPoint(_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double) {
        let radius = label == 0 ? 1.0 : 0.5
        let angle = random.uniform(0, 2 * Double.pi)
        return (radius * cos(angle) + noise * random.normal(), radius * sin(angle) + noise * random.normal())
    }

    /// Two interleaving half-moons (as in scikit-learn's `make_moons`): label 0 is `(cos t, sin t)`,
    /// label 1 is `(1 − cos t, 0.5 − sin t)`, t uniform in [0, π], plus normal noise of standard
    /// deviation `noise` (default 0.1) on each coordinate; then shifted by (−0.5, −0.25) to centre
    /// them and scaled by 0.8, so x1 lies in about [−1.2, 1.2] before noise.
    static func moonsPoint(_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double) {
        let t = random.uniform(0, Double.pi)
        let (x1, x2) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        return (0.8 * (x1 - 0.5 + noise * random.normal()), 0.8 * (x2 - 0.25 + noise * random.normal()))
    }

    /// A two-arm spiral: with t uniform in [0, 1], radius `1.4·t` and angle `3.5π·t + label·π`,
    /// so the arms are half a turn apart; normal noise of standard deviation `noise` (default
    /// 0.04) on each coordinate.
    static func spiralPoint(_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double) {
        let t = random.nextUnit()
        let radius = 1.4 * t, angle = 3.5 * Double.pi * t + Double(label) * Double.pi
        return (radius * cos(angle) + noise * random.normal(), radius * sin(angle) + noise * random.normal())
    }

    /// Two Gaussian blobs (the Playground's "gauss"): label 1 around (0.5, 0.5), label 0 around
    /// (−0.5, −0.5), each coordinate normal with standard deviation `noise` (default 0.25).
    static func gaussPoint(_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double) {
        let centre = label == 1 ? 0.5 : -0.5
        return (centre + noise * random.normal(), centre + noise * random.normal())
    }

    /// The Playground's xor: a point uniform in a quadrant of [−1, 1]², kept 0.05 away from the
    /// axes; label 1 in the quadrants where x1·x2 > 0, label 0 in the others. Normal noise of
    /// standard deviation `noise` (default 0.05) then moves each coordinate, so with noise some
    /// points cross an axis; with `noise` 0 every label follows the rule x1·x2 > 0.
    static func xorPoint(_ label: Int, _ noise: Double, _ random: inout SplitMix64) -> (Double, Double) {
        let padding = 0.05
        let sign1: Double = random.next() & 1 == 0 ? 1 : -1
        let sign2 = label == 1 ? sign1 : -sign1
        let x1 = sign1 * random.uniform(padding, 1), x2 = sign2 * random.uniform(padding, 1)
        return (x1 + noise * random.normal(), x2 + noise * random.normal())
    }

    // MARK: Regression

    /// The plane of `data plane`: y = 0.6·x1 − 0.4·x2 + 0.1.
    public static func plane(_ x1: Double, _ x2: Double) -> Double { 0.6 * x1 - 0.4 * x2 + 0.1 }

    /// The bumps of `data multigauss` (centre x1, centre x2, height), each a Gaussian of width 0.35.
    public static let bumps: [(Double, Double, Double)] = [
        (-0.5, -0.5, 1), (0.5, 0.5, 1), (-0.5, 0.5, -1), (0.5, -0.5, -1)
    ]

    /// The surface of `data multigauss`: y = Σ h·exp(−((x1 − c1)² + (x2 − c2)²) / (2·0.35²)).
    public static func multigauss(_ x1: Double, _ x2: Double) -> Double {
        bumps.reduce(0) { sum, bump in
            let d1 = x1 - bump.0, d2 = x2 - bump.1
            return sum + bump.2 * exp(-(d1 * d1 + d2 * d2) / (2 * 0.35 * 0.35))
        }
    }

    /// Rows with x1, x2 uniform in [−1, 1] and y the generator's surface plus normal noise of
    /// standard deviation `noise` (default 0.05); with `noise` 0 every row lies on the surface.
    static func regression(_ key: String, rows: Int, noise: Double, random: inout SplitMix64) -> DataSet {
        let isPlane = key == "plane"
        var data = DataSet(name: key, featureNames: ["x1", "x2"], targetNames: ["y"])
        for _ in 0..<rows {
            let x1 = random.uniform(-1, 1), x2 = random.uniform(-1, 1)
            let y = isPlane ? Self.plane(x1, x2) : Self.multigauss(x1, x2)
            data.append(features: [x1, x2], targets: [y + noise * random.normal()])
        }
        return data
    }
}
