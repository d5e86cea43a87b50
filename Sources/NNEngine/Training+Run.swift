/// How much a training command does.
public enum RunLength: Sendable, Equatable {
    case updates(Int)
    /// Runs until the cursor has finished this many passes (a pass started by `step` is
    /// finished first and counts as one).
    case passes(Int)
}

/// A loss or a parameter stopped being a finite number. Training stops before the update
/// that would have broken the state, so the last finite state is the current one.
public struct Divergence: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        /// The forward pass gave a non-finite loss.
        case loss
        /// The update would have made a parameter non-finite.
        case parameters(Parameter)
    }
    /// The number the failed update would have had.
    public let update: Int
    public let cause: Cause
    public let loss: Double
}

/// What a training command did.
public struct RunReport: Sendable, Equatable {
    public var updates = 0
    public var samples = 0
    /// The sum of the per-sample losses seen in this run.
    public var lossSum = 0.0
    /// How many passes this run finished.
    public var epochCount = 0
    /// The mean loss of the first passes this run finished (at most `shownEpochs`).
    public var firstEpochLosses: [Double] = []
    /// The mean loss of the last passes this run finished (at most `shownEpochs`, oldest first).
    public var lastEpochLosses: [Double] = []
    public static let shownEpochs = 5

    /// Keeps the first and last few epoch losses; the whole series is in the Recorder.
    mutating func noteEpoch(_ loss: Double) {
        epochCount += 1
        if firstEpochLosses.count < Self.shownEpochs { firstEpochLosses.append(loss) }
        lastEpochLosses.append(loss)
        if lastEpochLosses.count > Self.shownEpochs { lastEpochLosses.removeFirst() }
    }
    public var divergence: Divergence?
    public var interrupted = false
}

/// Offered to an observer every few hundred updates; return false to stop.
public struct RunProgress: Sendable {
    public let updates: Int
    public let passesDone: Int
    public let lastLoss: Double
}

public enum TrainingError: Error, Equatable {
    case noData
    case shapeMismatch(networkInputs: Int, networkOutputs: Int, dataFeatures: Int, dataTargets: Int)
}

extension Training {
    /// Checks that the data can feed the network.
    public func validateData() throws(TrainingError) {
        guard !data.isEmpty else { throw .noData }
        guard data.featureCount == network.inputCount, data.targetCount == network.outputCount else {
            throw .shapeMismatch(networkInputs: network.inputCount, networkOutputs: network.outputCount,
                                 dataFeatures: data.featureCount, dataTargets: data.targetCount)
        }
    }

    /// Makes updates: forward pass, loss, backward pass, then `p ← p − η·G` for every
    /// parameter together. Stops early on divergence or when `observer` returns false.
    ///
    /// With `explain` false the last update is not explained yet (`lastStep` is stale until
    /// `explainLastUpdate()`), so a timer around this call measures the training loop alone.
    public mutating func run(_ length: RunLength, observeEvery interval: Int = 256, explain: Bool = true,
                             observer: ((RunProgress) -> Bool)? = nil) throws(TrainingError) -> RunReport {
        try validateData()
        let report = Self.loop(network: &network, workspace: &workspace, undo: &undoLog, recorder: &recorder,
                               cursor: &cursor, updateCount: &updateCount, passLoss: &passLoss,
                               passSamples: &passSamples, data: data, settings: settings, recording: recording, length: length,
                               interval: max(1, interval), observer: observer)
        if report.updates > 0 { lastStep = nil; if explain { explainLastUpdate() } }
        return report
    }

    /// Explains the last update into `lastStep` (after `run(_:explain:)` with `explain` false).
    public mutating func explainLastUpdate() {
        if lastStep == nil, updateCount > 0 { lastStep = explainUpdate(updateCount) }
    }

    // One long function on purpose: this is the training loop, and it must allocate nothing.
    private static func loop(network: inout Network, workspace: inout Workspace, undo: inout UndoLog,
                             recorder: inout Recorder, cursor: inout Cursor, updateCount: inout Int,
                             passLoss: inout Double, passSamples: inout Int, data: DataSet,
                             settings: TrainingSettings, recording: Bool, length: RunLength, interval: Int,
                             observer: ((RunProgress) -> Bool)?) -> RunReport {
        var report = RunReport()
        let n = data.count, nIn = network.inputCount, nOut = network.outputCount
        let parameterCount = network.parameterCount, perceptron = network.isPerceptron
        let eta = settings.learningRate
        var order: [Int] = settings.order == .random ? rowOrder(count: n, pass: cursor.pass, settings: settings) : []
        var passesDone = 0
        var badIndex: Int?
        // The next update number before which a checkpoint is due (now, if the settings changed).
        var nextCheckpoint = undo.latest.flatMap { $0.settings == settings ? $0.update + UndoLog.interval : nil } ?? updateCount
        let layerRanges = (1...network.layerCount).map { network.weightOffsets[$0] ..< network.biasOffsets[$0] }
        network.withKernel(&workspace) { kernel in
            data.inputs.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    let x = xs.baseAddress!, y = ys.baseAddress!, p = kernel.p, g = kernel.g
                    while true {
                        switch length {
                        case .updates(let count) where report.updates >= count: return
                        case .passes(let count) where passesDone >= count: return
                        default: break
                        }
                        let take: Int
                        switch settings.mode {
                        case .sgd: take = 1
                        case .batch: take = n - cursor.offset
                        case .minibatch: take = min(settings.batchSize, n - cursor.offset)
                        }
                        let lossSum = order.withUnsafeBufferPointer { rows in
                            kernel.updateGradient(x: x, y: y, order: rows.isEmpty ? nil : rows.baseAddress, start: cursor.offset,
                                                  count: take, perceptron: perceptron)
                        }
                        if !lossSum.isFinite {
                            report.divergence = Divergence(update: updateCount + 1, cause: .loss, loss: lossSum / Double(take))
                            return
                        }
                        // Check every new value before moving any, so a failed update changes nothing.
                        if !Matrix.stepIsFinite(p, g, eta: eta, count: parameterCount) {
                            badIndex = (0..<parameterCount).first { !(p[$0] - eta * g[$0]).isFinite } ?? 0
                            report.divergence = Divergence(update: updateCount + 1, cause: .loss, loss: lossSum / Double(take))
                            return
                        }
                        if recording, updateCount >= nextCheckpoint {
                            undo.push(p, count: parameterCount, update: updateCount, cursor: cursor, settings: settings,
                                      pass: .init(loss: passLoss, samples: passSamples))
                            nextCheckpoint = updateCount + UndoLog.interval
                        }
                        Matrix.step(p, g, eta: eta, count: parameterCount)
                        updateCount += 1
                        report.updates += 1
                        report.samples += take
                        report.lossSum += lossSum
                        passLoss += lossSum
                        passSamples += take
                        if recording {
                            layerRanges.withUnsafeBufferPointer {
                                recorder.record(update: updateCount, loss: lossSum / Double(take), parameters: p, gradient: g, layerRanges: $0)
                            }
                        }
                        let offset = cursor.offset + take
                        if offset >= n {
                            let mean = passLoss / Double(passSamples)
                            recorder.recordEpoch(update: updateCount, loss: mean)
                            report.noteEpoch(mean)
                            passLoss = 0
                            passSamples = 0
                            passesDone += 1
                            cursor = Cursor(pass: cursor.pass + 1, offset: 0)
                            if settings.order == .random { order = rowOrder(count: n, pass: cursor.pass, settings: settings) }
                        } else {
                            cursor.offset = offset
                        }
                        if let observer, report.updates % interval == 0,
                           !observer(RunProgress(updates: report.updates, passesDone: passesDone, lastLoss: lossSum / Double(take))) {
                            report.interrupted = true
                            return
                        }
                    }
                }
            }
        }
        if let badIndex, let divergence = report.divergence {
            report.divergence = Divergence(update: divergence.update, cause: .parameters(network.parameter(at: badIndex)),
                                           loss: divergence.loss)
        }
        return report
    }
}
