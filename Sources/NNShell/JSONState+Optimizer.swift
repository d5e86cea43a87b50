import NNEngine

extension JSONState {
    /// `"optimizer": {"name": …, the hyper-parameters, "t": …, "state": {"m": {name: …}, …}}`.
    static func optimizer(_ training: Training) -> String {
        let settings = training.settings, state = training.optimizerState
        var object = JSONObject([("name", .string(settings.optimizer.rawValue))])
        for parameter in HyperParameter.all where !parameter.name.hasPrefix("l") {
            object[parameter.name] = .number(settings[keyPath: parameter.keyPath])
        }
        object["t"] = .raw(String(state.t))
        var arrays = JSONObject()
        let names = state.optimizer.stateNames
        if let name = names.first { arrays[name] = .raw(parameters(training.network, state.first).render(indent: 3)) }
        if let name = names.second { arrays[name] = .raw(parameters(training.network, state.second).render(indent: 3)) }
        object["state"] = .raw(names.first == nil && names.second == nil ? "{}" : arrays.render(indent: 2))
        return object.render(indent: 1)
    }
}

extension JSONImport {
    /// Reads `l2`, `l1` and the `optimizer` object into `settings`; returns the optimiser's
    /// state when the file gives one.
    static func optimizer(
        _ root: [String: JSONValue], network: Network, settings: inout TrainingSettings,
        fail: (String) -> ShellError
    ) throws(ShellError) -> OptimizerState? {
        for name in ["l2", "l1"] {
            guard let raw = root[name] else { continue }
            let parameter = HyperParameter.named(name)!
            guard let value = finite(raw), parameter.allows(value) else {
                throw fail("'\(name)' must be \(parameter.rangeText)")
            }
            settings[keyPath: parameter.keyPath] = value
        }
        guard let raw = root["optimizer"] else { return nil }
        guard case .object(let object) = raw, let name = object["name"]?.stringValue,
            let optimizer = Optimizer(rawValue: name)
        else {
            throw fail("'optimizer' must be an object whose 'name' is sgd, momentum, rmsprop or adam")
        }
        settings.optimizer = optimizer
        for parameter in HyperParameter.all where !parameter.name.hasPrefix("l") {
            guard let raw = object[parameter.name] else { continue }
            guard let value = finite(raw), parameter.allows(value) else {
                throw fail("'optimizer.\(parameter.name)' must be \(parameter.rangeText)")
            }
            settings[keyPath: parameter.keyPath] = value
        }
        var t = 0
        if let raw = object["t"] {
            guard let value = integer(raw), value >= 0 else {
                throw fail("'optimizer.t' must be a whole number of at least 0")
            }
            t = value
        }
        var state = OptimizerState(optimizer, count: network.parameterCount)
        let names = optimizer.stateNames
        var first = state.first, second = state.second
        if case .object(let arrays)? = object["state"] {
            if let key = names.first, let values = arrays[key] { first = try stateValues(values, key, network, fail) }
            if let key = names.second, let values = arrays[key] { second = try stateValues(values, key, network, fail) }
        } else if let other = object["state"] {
            throw fail("'optimizer.state' must be an object, found \(other.summary)")
        }
        state = OptimizerState(optimizer, t: t, first: first, second: second)
        return state
    }

    /// One state array by parameter name: every parameter once, each a finite number.
    static func stateValues(
        _ raw: JSONValue, _ key: String, _ network: Network,
        _ fail: (String) -> ShellError
    ) throws(ShellError) -> [Double] {
        guard case .object(let members) = raw else {
            throw fail("'optimizer.state.\(key)' must be an object of name: value")
        }
        var values = [Double](repeating: 0, count: network.parameterCount)
        var seen = 0
        for (name, value) in members {
            guard let parameter = Parameter(name: name), let index = network.index(of: parameter) else {
                throw fail("'optimizer.state.\(key)' names '\(name)', which is not a parameter of this network")
            }
            guard let number = finite(value) else {
                throw fail("'optimizer.state.\(key).\(name)' must be a finite number")
            }
            values[index] = number
            seen += 1
        }
        guard seen == network.parameterCount else {
            throw fail("'optimizer.state.\(key)' must give all \(network.parameterCount) parameters")
        }
        return values
    }
}
