import NNEngine

/// Everything a command can change. It is a value: a command runs on a copy, and the
/// session keeps the copy only when the command succeeds, so a failed command leaves the
/// session exactly as it was.
struct SessionState {
    /// The network and its training state, once `net` or `import json` has built one.
    var training: Training? {
        didSet {
            if let budget = training?.recordingBudget, budget != recordingBudget {
                training?.recordingBudget = recordingBudget
            }
        }
    }
    /// `set recording budget N`: the bytes undo and plots may keep, for this network and the next.
    var recordingBudget = Training.defaultRecordingBudget
    /// Data loaded before any network exists (afterwards it lives in `training`).
    var pendingData: DataSet?
    /// Settings chosen before any network exists (afterwards they live in `training`).
    var pendingSettings = TrainingSettings()
    /// How `net` built the current network, for `show params` and JSON.
    var initName = "1"
    var format = NumberFormat()
    /// The last `step` or `epoch`: its command, updates and training-loop seconds.
    var lastRun: LastRun?
    /// Finished runs kept for laying loss curves over each other (`plot loss`).
    var savedRuns: [SavedRun] = []
    /// The lesson in progress, if any.
    var lesson: LessonSession?
    /// Lessons finished and where each was left (saved in the state directory when there is one).
    var lessonProgress = LessonProgressBook()
    /// A `step --walk` waiting for Enter, `c`, `q` or a prediction.
    var walk: WalkSession?
    /// `set predict on`: walks ask for each number before showing it.
    var predict = false

    /// Computed input columns and the train/test split (`data features`, `data split`).
    var preparation = DataPreparation()

    /// Every row as the network sees it: computed columns added, one-hot targets for the
    /// network (when it fits), held-out rows included.
    var data: DataSet? {
        guard let raw = pendingData else { return training?.data }
        let prepared = preparation.prepared(raw)
        if let network = training?.network, let fitted = Self.adapt(prepared, to: network) { return fitted }
        return prepared
    }

    var settings: TrainingSettings {
        get { training?.settings ?? pendingSettings }
        set {
            pendingSettings = newValue
            training?.settings = newValue
        }
    }

    /// Replaces the data (as loaded; computed columns, the split and one-hot encoding for the
    /// network happen here). Fails, changing nothing, when the data does not fit the network.
    mutating func setData(_ newData: DataSet) throws(ShellError) {
        if let network = training?.network {
            guard let fitted = fittedData(newData, for: network) else {
                throw ShellError.state(
                    Self.mismatch(
                        preparation.prepared(newData), network: network,
                        computed: preparation.features.map(\.name)))
            }
            training?.replaceData(fitted.train, test: fitted.test)
        }
        pendingData = newData
    }

    /// Replaces the preparation; the data's width may change, so a network that no longer
    /// fits keeps no rows until one that fits is built. Returns the message saying so, if any.
    mutating func setPreparation(_ newPreparation: DataPreparation) -> String? {
        preparation = newPreparation
        guard let raw = pendingData, let network = training?.network else { return nil }
        if let fitted = fittedData(raw, for: network) {
            training?.replaceData(fitted.train, test: fitted.test)
            return nil
        }
        training?.replaceData(.empty(features: network.inputCount, targets: network.outputCount))
        return Self.mismatch(preparation.prepared(raw), network: network, computed: preparation.features.map(\.name))
    }

    /// `raw` prepared and split, each part fitted to `network`; nil when it does not fit.
    func fittedData(_ raw: DataSet, for network: Network) -> (train: DataSet, test: DataSet?)? {
        let (train, test) = preparation.apply(raw)
        guard let fittedTrain = Self.adapt(train, to: network) else { return nil }
        guard let test else { return (fittedTrain, nil) }
        guard let fittedTest = Self.adapt(test, to: network) else { return nil }
        return (fittedTrain, fittedTest)
    }

    /// The pending data fitted to a network that `net` or `import json` just built.
    func fittedPendingData(for network: Network) -> (train: DataSet, test: DataSet?)? {
        pendingData.flatMap { fittedData($0, for: network) }
    }

    /// Why `data` (prepared) does not fit `network`, with a network that would.
    /// `computed` names the columns 'data features' added, which count among the inputs.
    static func mismatch(_ data: DataSet, network: Network, computed: [String] = []) -> String {
        let names = computed.joined(separator: ", ")
        let note =
            computed.isEmpty || data.featureCount == network.inputCount
            ? ""
            : " (the inputs include \(names) from 'data features'; 'data features none' removes them)"
        return mismatchText(data, network: network) + note
    }

    private static func mismatchText(_ data: DataSet, network: Network) -> String {
        let sizes = network.sizes.map(String.init).joined(separator: "-")
        if !data.classNames.isEmpty, data.targetCount == 1, data.featureCount == network.inputCount {
            let k = data.classNames.count
            let classes = counted(k, "class", plural: "classes")
            let names = data.classNames.joined(separator: ", ")
            return "\(data.name) has \(classes) in '\(data.targetNames[0])' (\(names)), "
                + "but the network \(sizes) has \(counted(network.outputCount, "output")); build one with "
                + (k == 2 ? "1 or 2 outputs" : counted(k, "output")) + ", for example "
                + "'net \(data.featureCount)-8-\(k) act=sigmoid,softmax loss=cce'"
        }
        return
            "\(data.name) has \(counted(data.featureCount, "input")) -> \(counted(data.targetCount, "target")), but the network "
            + "\(sizes) takes \(network.inputCount) -> \(network.outputCount); "
            + "build a network that fits first, for example 'net \(data.featureCount)-2-\(data.targetCount)'"
    }

    /// The data as `network` sees it: as it is when the widths match, or with a column of
    /// class labels 0…K−1 turned into K one-hot targets for a K-output network. Classes read
    /// from words fit one output only when there are two of them (0/1), and K outputs when
    /// there are K.
    static func adapt(_ data: DataSet, to network: Network) -> DataSet? {
        if data.isEmpty && data.featureCount == 0 {
            return .empty(features: network.inputCount, targets: network.outputCount)
        }
        guard data.featureCount == network.inputCount else { return nil }
        let classes = data.classNames.count
        if classes > 0, data.targetCount == 1 {
            if network.outputCount == 1 { return classes <= 2 ? data : nil }
            return network.outputCount == classes ? data.oneHotEncoded(classes: classes) : nil
        }
        if data.targetCount == network.outputCount { return data }
        if data.targetCount == 1, network.outputCount > 1 { return data.oneHotEncoded(classes: network.outputCount) }
        return nil
    }

    /// The training state, or the error a learner needs when there is none yet.
    func requireTraining() throws(ShellError) -> Training {
        guard let training else {
            throw ShellError.state("no network yet; build one first, for example 'net 2-2-1', or 'load' a lesson")
        }
        return training
    }
}

struct LastRun: Sendable, Equatable {
    var command: String
    var updates: Int
    var seconds: Double
}

/// A training run kept by name with `plot keep`, so that loss curves can be laid over each other.
struct SavedRun: Sendable {
    var name: String
    /// The mean loss of every pass, in buckets: `first`/`last` are pass numbers (1 = the
    /// first), the tags the updates that ended them.
    var epochs: [Envelope.Bucket]
    /// The loss of every update, in buckets of update numbers.
    var updates: [Envelope.Bucket]
    /// How it was trained, e.g. "2-2-1, sgd, η = 0.01, 200 updates".
    var summary: String
    /// With a test set (`data split`), its mean loss after each pass, bucketed like `epochs`.
    var testEpochs: [Envelope.Bucket] = []
    /// ‖∂L/∂Wᵏ‖ of every update, one bucket list per layer k = 1…L (the recorder's envelopes).
    var gradients: [[Envelope.Bucket]] = []
    /// ‖∂L/∂Wᵏ‖ of the last update, per layer.
    var lastGradients: [Double] = []
}
