import NNEngine

/// Everything a command can change. It is a value: a command runs on a copy, and the
/// session keeps the copy only when the command succeeds, so a failed command leaves the
/// session exactly as it was.
struct SessionState {
    /// The network and its training state, once `net` or `import json` has built one.
    var training: Training?
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

    var data: DataSet? { training?.data ?? pendingData }

    var settings: TrainingSettings {
        get { training?.settings ?? pendingSettings }
        set {
            pendingSettings = newValue
            training?.settings = newValue
        }
    }

    /// Replaces the data (as loaded; one-hot encoding for the network happens here).
    /// Fails, changing nothing, when the data does not fit the current network.
    mutating func setData(_ newData: DataSet) throws(ShellError) {
        if let network = training?.network {
            guard let fitted = Self.adapt(newData, to: network) else {
                throw ShellError.state("\(newData.name) has \(counted(newData.featureCount, "input")) -> \(counted(newData.targetCount, "target")), but the network "
                    + "\(network.sizes.map(String.init).joined(separator: "-")) takes \(network.inputCount) -> \(network.outputCount); "
                    + "build a network that fits first, for example 'net \(newData.featureCount)-2-\(newData.targetCount)'")
            }
            training?.replaceData(fitted)
        }
        pendingData = newData
    }

    /// The data as `network` sees it: as it is when the widths match, or with a column of
    /// class labels 0…K−1 turned into K one-hot targets for a K-output network.
    static func adapt(_ data: DataSet, to network: Network) -> DataSet? {
        if data.isEmpty && data.featureCount == 0 { return .empty(features: network.inputCount, targets: network.outputCount) }
        guard data.featureCount == network.inputCount else { return nil }
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
}
