/// The state that updates change: a network, its data, how it trains, and what happened.
///
/// It is a value: copy it, try a command on the copy, and keep the copy only if the
/// command succeeded. That is how a failed command leaves the session exactly as it was.
public struct Training: Sendable {
    public internal(set) var network: Network
    /// The parameters the network started with (`reset` returns to them).
    public internal(set) var initialParameters: [Double]
    public internal(set) var data: DataSet
    /// The held-out rows of `data split`, which training never reads; nil without a split.
    public internal(set) var testData: DataSet?
    /// The test set's mean loss after each epoch, while there is a test set.
    public internal(set) var testLosses = TestLossHistory()
    /// How updates are made. Choosing another optimiser starts its state again at 0.
    public var settings: TrainingSettings {
        didSet {
            if settings.optimizer != oldValue.optimizer {
                optimizerState = OptimizerState(settings.optimizer, count: network.parameterCount)
            }
        }
    }
    /// What the optimiser remembers between updates (momentum's v, Adam's m, v and t, …).
    public internal(set) var optimizerState: OptimizerState
    /// When false, updates keep no undo window and no history: the bare training loop, for
    /// measuring what recording costs. Turning it off forgets the undo window.
    public var recording = true {
        didSet { if !recording { undoLog.removeAll() } }
    }
    /// Updates made so far (the JSON `steps`).
    public internal(set) var updateCount = 0
    public internal(set) var cursor = Cursor()
    /// The last update, explained; nil before the first update or when it is out of the undo window.
    public internal(set) var lastStep: StepRecord?
    /// Parameters set by hand, oldest first, each with the update count it was made at.
    public internal(set) var handEdits: [HandEdit] = []
    public internal(set) var recorder: Recorder
    var undoLog: UndoLog
    /// The most memory, in bytes, that undo checkpoints and the plot record may take
    /// (`set recording budget N`, in MB; 64 MB by default). The record of plots is small and
    /// bounded by itself; the rest is for checkpoints, so a large network keeps fewer.
    public var recordingBudget = Training.defaultRecordingBudget {
        didSet { undoLog = undoLog.resized(budget: undoBudget) }
    }
    public static let defaultRecordingBudget = 64 << 20
    var workspace: Workspace
    /// Running sums for the pass in progress: per-sample losses and their count.
    var passLoss = 0.0
    var passSamples = 0

    public init(network: Network, data: DataSet, settings: TrainingSettings = TrainingSettings()) {
        self.network = network
        self.initialParameters = network.parameters
        self.data = data
        self.settings = settings
        optimizerState = OptimizerState(settings.optimizer, count: network.parameterCount)
        recorder = Recorder(
            parameterCount: network.parameterCount, layerCount: network.layerCount,
            layerRanges: (1...network.layerCount).map { network.weightOffsets[$0]..<network.biasOffsets[$0] })
        undoLog = UndoLog(
            parameterCount: network.parameterCount,
            budget: Self.defaultRecordingBudget - Self.recorderBytes(recorder))
        workspace = Workspace(sizes: network.sizes, parameterCount: network.parameterCount)
    }

    /// Replaces the data (and the held-out test rows); the cursor and pass sums start again.
    /// The undo window and the last step refer to rows of the old data, so they are cleared.
    public mutating func replaceData(_ newData: DataSet, test: DataSet? = nil) {
        data = newData
        if test != testData { testLosses = TestLossHistory() }
        testData = test
        cursor = Cursor()
        lastStep = nil
        undoLog.removeAll()
        passLoss = 0
        passSamples = 0
    }

    /// Sets one parameter by hand. The value becomes part of the starting point for `reset`
    /// only when no update has been made yet. The last update's record stays (it was computed
    /// before the change; see `handEdits`), and `undoHandEdit` takes the change back on its own.
    /// Undo still reaches back past the change: a checkpoint is taken at once.
    public mutating func setParameter(at index: Int, to value: Double) {
        handEdits.append(HandEdit(update: updateCount, index: index, before: network.parameters[index], after: value))
        network.parameters[index] = value
        if updateCount == 0 { initialParameters[index] = value }
        checkpointNow()
    }

    /// Keeps the state as it is now for undo (after a change by hand).
    mutating func checkpointNow() {
        guard recording else { return }
        network.parameters.withUnsafeBufferPointer {
            undoLog.push(
                $0.baseAddress!, update: updateCount, cursor: cursor, settings: settings, optimizer: optimizerState,
                pass: .init(loss: passLoss, samples: passSamples))
        }
    }

    /// Replaces the optimiser's state, as `import json` reads it back. The state must be for
    /// the current optimiser and hold one value per parameter in each array it uses; the
    /// precondition fires otherwise. Undo reaches back past the change: a checkpoint is taken.
    public mutating func restoreOptimizerState(_ state: OptimizerState) {
        let fresh = OptimizerState(settings.optimizer, count: network.parameterCount)
        precondition(
            state.optimizer == settings.optimizer && state.first.count == fresh.first.count
                && state.second.count == fresh.second.count,
            "An optimiser state must fit the optimiser and the network.")
        optimizerState = state
        lastStep = nil
        if recording {
            network.parameters.withUnsafeBufferPointer {
                undoLog.push(
                    $0.baseAddress!, update: updateCount, cursor: cursor, settings: settings, optimizer: optimizerState,
                    pass: .init(loss: passLoss, samples: passSamples))
            }
        }
    }

    /// The rows the next update reads, given the current cursor and settings.
    public func nextRows() -> [Int] {
        rows(at: cursor)
    }

    func rows(at cursor: Cursor, settings: TrainingSettings? = nil) -> [Int] {
        let settings = settings ?? self.settings
        let n = data.count
        guard n > 0 else { return [] }
        let order = rowOrder(count: n, pass: cursor.pass, settings: settings)
        switch settings.mode {
        case .sgd: return [order[cursor.offset]]
        // Every row: a pass that sgd or mini-batch updates left partway starts again.
        case .batch: return order
        case .minibatch: return Array(order[cursor.offset..<min(n, cursor.offset + settings.batchSize)])
        }
    }
}
