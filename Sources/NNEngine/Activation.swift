import Glibc

/// A layer's activation g, with its value and its derivative side by side.
///
/// - `linear`:  g(z) = z,                g′ = 1
/// - `sigmoid`: g(z) = 1/(1+e^−z),       g′ = O(1−O) = σ(z)·σ(−z), computed in the second form
///   where O is near 1 so that it keeps its digits
/// - `tanh`:    g(z) = tanh z,           g′ = 1−O² = 4e^(−2|z|)/(1+e^(−2|z|))², the second form where |O| > 1/2
/// - `relu`:    g(z) = max(0, z),        g′ = 1 if z > 0 else 0 (so relu′(0) = 0)
/// - `step`:    g(z) = 1 if z ≥ 0 else 0, g′ = 0 (a step network learns only by the perceptron rule)
/// - `softmax`: g(z)_j = e^(z_j) / Σ_m e^(z_m), with the full Jacobian ∂O_m/∂z_j = O_m(1[m=j] − O_j)
public enum Activation: String, CaseIterable, Sendable, Codable {
    case linear, sigmoid, tanh, relu, step, softmax

    /// True when the activation mixes the nodes of its layer (only softmax).
    public var isVectorValued: Bool { self == .softmax }

    /// The output of one node from its pre-activation (not for softmax, which needs the layer).
    @inline(__always)
    public func value(_ z: Double) -> Double {
        switch self {
        case .linear, .softmax: return z
        case .sigmoid: return 1.0 / (1.0 + fastExp(-z))
        case .tanh: return Glibc.tanh(z)
        // NaN stays NaN: no comparison may turn it into a number.
        case .relu: return z <= 0 ? 0 : z
        case .step: return z < 0 ? 0 : (z.isNaN ? z : 1)
        }
    }

    /// dO/dz of one node, written with its input z and its output O (not for softmax).
    @inline(__always)
    public func derivative(z: Double, output o: Double) -> Double {
        switch self {
        case .linear: return 1
        case .sigmoid: return o * sigmoidComplement(z: z, output: o)
        case .tanh: return tanhDerivative(z: z, output: o)
        case .relu: return z <= 0 ? 0 : (z.isNaN ? z : 1)
        case .step: return z.isNaN ? z : 0
        case .softmax: return o * (1 - o)  // the diagonal of the Jacobian
        }
    }

    /// Applies the activation to a whole layer: `output[j] = g(z)[j]` for j in 0..<count.
    @inline(__always)
    func apply(_ z: UnsafePointer<Double>, _ output: UnsafeMutablePointer<Double>, _ count: Int) {
        switch self {
        case .softmax:
            var largest = -Double.infinity
            for j in 0..<count where z[j] > largest { largest = z[j] }
            var j = 0
            while j + 8 <= count {
                let v = UnsafeRawPointer(z + j).loadUnaligned(as: SIMD8<Double>.self)
                UnsafeMutableRawPointer(output + j).storeBytes(of: fastExp(v - largest), as: SIMD8<Double>.self)
                j += 8
            }
            while j < count { output[j] = fastExp(z[j] - largest); j += 1 }
            var sum = 0.0
            for j in 0..<count { sum += output[j] }
            for j in 0..<count { output[j] /= sum }
        case .linear:
            for j in 0..<count { output[j] = z[j] }
        case .sigmoid:
            var j = 0
            while j + 8 <= count {
                let v = UnsafeRawPointer(z + j).loadUnaligned(as: SIMD8<Double>.self)
                UnsafeMutableRawPointer(output + j).storeBytes(of: fastSigmoid(v), as: SIMD8<Double>.self)
                j += 8
            }
            while j < count { output[j] = 1.0 / (1.0 + fastExp(-z[j])); j += 1 }
        default:
            for j in 0..<count { output[j] = value(z[j]) }
        }
    }

    /// Turns ∂L/∂O of a layer into ∂L/∂z in place: `delta[j] = Σ_m ∂L/∂O_m · ∂O_m/∂z_j`.
    @inline(__always)
    func backpropagate(
        _ delta: UnsafeMutablePointer<Double>, z: UnsafePointer<Double>,
        output o: UnsafePointer<Double>, _ count: Int
    ) {
        switch self {
        case .linear:
            return
        case .softmax:
            var weighted = 0.0
            for m in 0..<count { weighted += delta[m] * o[m] }
            for j in 0..<count { delta[j] = o[j] * (delta[j] - weighted) }
        case .sigmoid:
            for j in 0..<count { delta[j] *= o[j] * sigmoidComplement(z: z[j], output: o[j]) }
        default:
            for j in 0..<count { delta[j] *= derivative(z: z[j], output: o[j]) }
        }
    }
}

/// 1 − σ(z) for a sigmoid node with output O = σ(z): 1 − O where O < 1/2 (no digits lost), else
/// σ(−z) = 1/(1 + e^z), which keeps its digits where O rounds to 1.
@inline(__always)
func sigmoidComplement(z: Double, output o: Double) -> Double {
    o < 0.5 ? 1 - o : 1 / (1 + fastExp(z))
}

/// tanh′(z) = 1 − tanh²z: as 1 − O² where |O| ≤ 1/2, else 4t/(1 + t)² with t = e^(−2|z|).
@inline(__always)
func tanhDerivative(z: Double, output o: Double) -> Double {
    guard abs(o) > 0.5 else { return 1 - o * o }
    let t = fastExp(-2 * abs(z))
    return 4 * t / ((1 + t) * (1 + t))
}
