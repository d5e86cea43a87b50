/// One update, explained: the samples it read, the parameters before and after, the
/// forward pass, the loss and the gradient it applied.
public struct StepRecord: Sendable, Equatable {
    /// The update's number (1 = the first update).
    public let update: Int
    public let mode: TrainingSettings.Mode
    /// The rows it read, 0-based, in the order it read them.
    public let rows: [Int]
    public let parametersBefore: [Double]
    public let parametersAfter: [Double]
    /// The forward and backward pass of the update's last sample (its only one in `sgd`).
    public let trace: Trace
    /// The mean per-sample loss over `rows`, computed before the update.
    public let loss: Double
    /// G: the gradient the update applied (the mean over `rows` in batch modes).
    public let gradient: [Double]
    public let learningRate: Double
    /// The parameters the update left as they were (storage indices, ascending).
    public let frozen: [Int]
    /// The l1/l2 penalty at the weights before the update (0 when there is none), and the
    /// term it added to each parameter's G (empty when there is none; 0 for a bias).
    public let penalty: Double
    public let penaltyGradient: [Double]
    /// The loss's own gradient, before the penalty's term was added (the same as `gradient`
    /// when there is no penalty).
    public let dataGradient: [Double]
    /// The settings the update was made with (η, λ, the optimiser's hyper-parameters, …).
    public let settings: TrainingSettings
    /// How the optimiser turned G into the moves.
    public let optimizer: OptimizerTerms

    public var isSingleSample: Bool { rows.count == 1 }
}
