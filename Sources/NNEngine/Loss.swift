import Glibc

/// A loss for one sample, with its value and its derivative ∂L/∂ŷ side by side.
///
/// With n output nodes (natural logarithms, nothing clipped):
/// - `mse`:        L = (1/n) Σ (y−ŷ)²                      ∂L/∂ŷ_j = −2(y_j−ŷ_j)/n
/// - `bce`:        L = (1/n) Σ −[y ln ŷ + (1−y) ln(1−ŷ)]    ∂L/∂ŷ_j = (−y/ŷ + (1−y)/(1−ŷ))/n
/// - `cce`:        L = −Σ y_k ln ŷ_k                        ∂L/∂ŷ_j = −y_j/ŷ_j (0 where y_j = 0)
/// - `hinge`:      L = (1/n) Σ max(0, 1 − y·ŷ), y ∈ {−1,+1}  ∂L/∂ŷ_j = −y_j/n where 1 − y_j ŷ_j > 0, else 0
///
/// A NaN stays NaN through every loss and derivative: no max or comparison turns it into 0.
/// - `perceptron`: L = (1/n) Σ (y−ŷ)², which for 0/1 labels and a step output counts the
///   misclassified points; its network learns by the perceptron trick, not by this derivative.
public enum Loss: String, CaseIterable, Sendable, Codable {
    case mse, bce, cce, hinge, perceptron

    /// The loss of one sample. `y` and `yHat` hold `count` values.
    @inline(__always)
    public func value(_ y: UnsafePointer<Double>, _ yHat: UnsafePointer<Double>, _ count: Int) -> Double {
        var total = 0.0
        switch self {
        case .mse, .perceptron:
            for j in 0..<count { let e = y[j] - yHat[j]; total += e * e }
            return total / Double(count)
        case .bce:
            for j in 0..<count { total += -(y[j] * log(yHat[j]) + (1 - y[j]) * log(1 - yHat[j])) }
            return total / Double(count)
        case .cce:
            for j in 0..<count where y[j] != 0 { total -= y[j] * log(yHat[j]) }
            return total
        case .hinge:
            for j in 0..<count { let margin = 1 - y[j] * yHat[j]; total += margin <= 0 ? 0 : margin }
            return total / Double(count)
        }
    }

    /// ∂L/∂ŷ_j for one output node j of `count`.
    @inline(__always)
    public func derivative(y: Double, yHat: Double, count: Int) -> Double {
        let n = Double(count)
        switch self {
        case .mse, .perceptron: return -2 * (y - yHat) / n
        case .bce: return (-y / yHat + (1 - y) / (1 - yHat)) / n
        case .cce: return y == 0 ? 0 : -y / yHat
        case .hinge:
            let margin = 1 - y * yHat
            return margin.isNaN ? margin : (margin > 0 ? -y / n : 0)
        }
    }

    /// Convenience for arrays.
    public func value(y: [Double], yHat: [Double]) -> Double {
        y.withUnsafeBufferPointer { yp in
            yHat.withUnsafeBufferPointer { hp in value(yp.baseAddress!, hp.baseAddress!, y.count) }
        }
    }
}
