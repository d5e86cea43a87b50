/// One update's optimiser terms for every parameter, as the update computed them.
///
/// `first` and `second` are the states after the update (momentum's v; RMSprop's s; Adam's
/// m and v), `firstCorrected` and `secondCorrected` Adam's m̂ = m/(1−β₁ᵗ) and
/// v̂ = v/(1−β₂ᵗ), and `moves` what each parameter lost: p_after = p_before − move (0 when
/// frozen). Arrays an optimiser does not use are empty.
public struct OptimizerTerms: Sendable, Equatable {
    public let optimizer: Optimizer
    /// The optimiser's update count after this update (Adam's t).
    public let t: Int
    public let first: [Double]
    public let second: [Double]
    public let firstCorrected: [Double]
    public let secondCorrected: [Double]
    public let moves: [Double]
}
