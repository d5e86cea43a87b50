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
    /// With a test set, its mean loss after each of those passes (same positions); else empty.
    public var firstTestLosses: [Double] = []
    public var lastTestLosses: [Double] = []
    public static let shownEpochs = 5

    /// Keeps the first and last few epoch losses; the full, thinned series is in the Recorder.
    mutating func noteEpoch(_ loss: Double, testLoss: Double? = nil) {
        epochCount += 1
        if firstEpochLosses.count < Self.shownEpochs {
            firstEpochLosses.append(loss)
            if let testLoss { firstTestLosses.append(testLoss) }
        }
        lastEpochLosses.append(loss)
        if let testLoss { lastTestLosses.append(testLoss) }
        if lastEpochLosses.count > Self.shownEpochs { lastEpochLosses.removeFirst() }
        if lastTestLosses.count > Self.shownEpochs { lastTestLosses.removeFirst() }
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
            throw .shapeMismatch(
                networkInputs: network.inputCount, networkOutputs: network.outputCount,
                dataFeatures: data.featureCount, dataTargets: data.targetCount)
        }
    }

    /// Makes updates: forward pass, loss, backward pass, then `p ← p − η·G` for every
    /// parameter together. Stops early on divergence or when `observer` returns false.
    ///
    /// With `explain` false the last update is not explained yet (`lastStep` is stale until
    /// `explainLastUpdate()`), so a timer around this call measures the training loop alone.
    public mutating func run(
        _ length: RunLength, observeEvery interval: Int = 256, explain: Bool = true,
        observer: ((RunProgress) -> Bool)? = nil
    ) throws(TrainingError) -> RunReport {
        try validateData()
        let report = Self.loop(
            network: &network, workspace: &workspace, optimizer: &optimizerState, undo: &undoLog,
            recorder: &recorder, cursor: &cursor, updateCount: &updateCount, passLoss: &passLoss,
            passSamples: &passSamples, data: data, test: testData, testLosses: &testLosses,
            settings: settings, recording: recording, length: length,
            interval: max(1, interval), observer: observer)
        if report.updates > 0 { lastStep = nil; if explain { explainLastUpdate() } }
        return report
    }

    /// Explains the last update into `lastStep` (after `run(_:explain:)` with `explain` false).
    public mutating func explainLastUpdate() {
        if lastStep == nil, updateCount > 0 { lastStep = explainUpdate(updateCount) }
    }

    /// The training loop: each update takes its rows, computes G, checks it, records a
    /// checkpoint when one is due, moves the parameters and advances the cursor. It allocates
    /// nothing per update; each step below is a small inlined function.
    private static func loop(
        network: inout Network, workspace: inout Workspace, optimizer: inout OptimizerState, undo: inout UndoLog,
        recorder: inout Recorder, cursor: inout Cursor, updateCount: inout Int,
        passLoss: inout Double, passSamples: inout Int, data: DataSet,
        test: DataSet?, testLosses: inout TestLossHistory, settings: TrainingSettings, recording: Bool,
        length: RunLength, interval: Int,
        observer: ((RunProgress) -> Bool)?
    ) -> RunReport {
        var run = LoopState(settings: settings, data: data, cursor: cursor, undo: undo, updateCount: updateCount)
        var setup = UpdateRule(settings: settings, network: network)
        let layerRanges = setup.weightRanges
        let perceptron = network.isPerceptron, n = data.count
        if optimizer.optimizer != settings.optimizer {
            optimizer = OptimizerState(settings.optimizer, count: network.parameterCount)
        }
        setup.keepFrozen(network.parameters, optimizer)
        let rule = setup
        var t = optimizer.t
        defer { optimizer.t = t }
        let optimizerKind = optimizer.optimizer
        network.withKernel(&workspace) { kernel in
            optimizer.withPointers { state in
                data.inputs.withUnsafeBufferPointer { xs in
                    data.targets.withUnsafeBufferPointer { ys in
                        let x = xs.baseAddress!, y = ys.baseAddress!
                        while !run.isDone(length) {
                            // 1. Take the rows: one in sgd, the rest of the pass in batch, the next `batch` in minibatch.
                            // A batch update reads every row: a pass that sgd or mini-batches left partway starts again.
                            if settings.mode == .batch, cursor.offset != 0 {
                                cursor.offset = 0; passLoss = 0; passSamples = 0
                            }
                            let take = rowsToTake(settings, dataCount: n, offset: cursor.offset)
                            // 2. Compute G (and the rows' loss) at the parameters as they are.
                            let lossSum = run.order.withUnsafeBufferPointer { rows in
                                kernel.updateGradient(
                                    x: x, y: y, order: rows.isEmpty ? nil : rows.baseAddress, start: cursor.offset,
                                    count: take, perceptron: perceptron)
                            }
                            // 3. Add the penalty's gradient (l1, l2) to G, once per update.
                            rule.addPenalty(kernel.p, kernel.g)
                            // 4. Check it: a non-finite loss, or a parameter the move would break, stops before any moves.
                            guard lossSum.isFinite, rule.keepsFinite(kernel.p, kernel.g, state, t: t + 1) else {
                                run.diverge(
                                    update: updateCount + 1, loss: lossSum / Double(take),
                                    badIndex: lossSum.isFinite
                                        ? rule.firstNonFinite(kernel.p, kernel.g, state, t: t + 1) : nil)
                                return
                            }
                            // 5. Keep a checkpoint for undo when one is due.
                            if recording, updateCount >= run.nextCheckpoint {
                                undo.push(
                                    kernel.p, update: updateCount, cursor: cursor, settings: settings,
                                    optimizer: optimizerKind, t: t, state: state,
                                    pass: .init(loss: passLoss, samples: passSamples))
                                run.nextCheckpoint = updateCount + UndoLog.interval
                            }
                            // 6. Move the parameters (and advance the optimiser's state).
                            t += 1
                            rule.apply(kernel.p, kernel.g, state, t: t)
                            // 7. Count and record it.
                            updateCount += 1
                            run.count(take: take, lossSum: lossSum, passLoss: &passLoss, passSamples: &passSamples)
                            if recording {
                                layerRanges.withUnsafeBufferPointer {
                                    recorder.record(
                                        update: updateCount, loss: lossSum / Double(take), parameters: kernel.p,
                                        gradient: kernel.g,
                                        layerRanges: $0)
                                }
                            }
                            // 8. Advance the cursor; a finished pass records its mean loss (and the test set's).
                            if cursor.offset + take >= n {
                                let testLoss = test.flatMap { $0.isEmpty ? nil : kernel.meanLoss(on: $0) }
                                if let testLoss {
                                    testLosses.record(epoch: cursor.pass + 1, update: updateCount, loss: testLoss)
                                }
                                run.finishPass(
                                    cursor: &cursor, updateCount: updateCount, recorder: &recorder,
                                    passLoss: &passLoss, passSamples: &passSamples, testLoss: testLoss)
                            } else {
                                cursor.offset += take
                            }
                            if let observer, run.report.updates % interval == 0,
                                !observer(
                                    RunProgress(
                                        updates: run.report.updates, passesDone: run.passesDone,
                                        lastLoss: lossSum / Double(take)))
                            {
                                run.report.interrupted = true
                                return
                            }
                        }
                    }
                }
            }
        }
        if let badIndex = run.badIndex, let divergence = run.report.divergence {
            run.report.divergence = Divergence(
                update: divergence.update, cause: .parameters(network.parameter(at: badIndex)),
                loss: divergence.loss)
        }
        return run.report
    }

    /// How many rows the next update reads.
    @inline(__always)
    static func rowsToTake(_ settings: TrainingSettings, dataCount n: Int, offset: Int) -> Int {
        switch settings.mode {
        case .sgd: return 1
        case .batch: return n - offset
        case .minibatch: return min(settings.batchSize, n - offset)
        }
    }
}

/// What the training loop carries from one update to the next.
private struct LoopState {
    var report = RunReport()
    var passesDone = 0
    /// The row order of the current pass (empty for sequential order).
    var order: [Int]
    /// The next update number before which a checkpoint is due (now, if the settings changed).
    var nextCheckpoint: Int
    var badIndex: Int?
    let settings: TrainingSettings
    let dataCount: Int

    init(settings: TrainingSettings, data: DataSet, cursor: Cursor, undo: UndoLog, updateCount: Int) {
        self.settings = settings
        dataCount = data.count
        order = settings.order == .random ? rowOrder(count: data.count, pass: cursor.pass, settings: settings) : []
        nextCheckpoint =
            undo.latest.flatMap { $0.settings == settings ? $0.update + UndoLog.interval : nil } ?? updateCount
    }

    @inline(__always)
    func isDone(_ length: RunLength) -> Bool {
        switch length {
        case .updates(let count): return report.updates >= count
        case .passes(let count): return passesDone >= count
        }
    }

    mutating func diverge(update: Int, loss: Double, badIndex: Int?) {
        report.divergence = Divergence(update: update, cause: .loss, loss: loss)
        self.badIndex = badIndex
    }

    @inline(__always)
    mutating func count(take: Int, lossSum: Double, passLoss: inout Double, passSamples: inout Int) {
        report.updates += 1
        report.samples += take
        report.lossSum += lossSum
        passLoss += lossSum
        passSamples += take
    }

    mutating func finishPass(
        cursor: inout Cursor, updateCount: Int, recorder: inout Recorder,
        passLoss: inout Double, passSamples: inout Int, testLoss: Double?
    ) {
        let mean = passLoss / Double(passSamples)
        recorder.recordEpoch(update: updateCount, loss: mean)
        report.noteEpoch(mean, testLoss: testLoss)
        passLoss = 0
        passSamples = 0
        passesDone += 1
        cursor = Cursor(pass: cursor.pass + 1, offset: 0)
        if settings.order == .random { order = rowOrder(count: dataCount, pass: cursor.pass, settings: settings) }
    }
}
