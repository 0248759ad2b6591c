/// An option a command accepts: a flag, or an option with a value.
struct OptionSpec: Sendable {
    /// The long name without dashes, e.g. `format`.
    let name: String
    /// A one-letter alias without the dash, e.g. `o`.
    let short: Character?
    /// The value's placeholder, e.g. `FILE`; nil for a flag.
    let valueName: String?
    /// One line of help.
    let help: String
    /// Whether it may be given more than once.
    let repeatable: Bool

    init(_ name: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false, _ help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }
}

/// A wrong command line: the message, and the command whose usage to show.
struct UsageError: Error, Sendable {
    let message: String
    let command: String?
}

/// A problem with the data or the query (an unknown agency, an import error): exit status 1.
struct DataError: Error, Sendable {
    let message: String
}

/// A parsed command line.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    let command: String

    /// The last value given for an option.
    func value(_ name: String) -> String? { values[name]?.last }
    /// Every value given for an option.
    func all(_ name: String) -> [String] { values[name] ?? [] }
    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An integer option, checked against a lower bound.
    func int(_ name: String, default value: Int, minimum: Int = 0) throws(UsageError) -> Int {
        guard let text = self.value(name) else { return value }
        guard let n = Int(text), n >= minimum else {
            throw UsageError(message: "--\(name) takes a whole number of at least \(minimum), not '\(text)'", command: command)
        }
        return n
    }

    /// A number option, checked against the range its meaning allows.
    func double(_ name: String, default value: Double, in range: ClosedRange<Double> = -1e9...1e9) throws(UsageError) -> Double {
        guard let text = self.value(name) else { return value }
        guard let x = Double(text), x.isFinite, range.contains(x) else {
            throw UsageError(message: "--\(name) takes a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound)), not '\(text)'", command: command)
        }
        return x
    }

    /// 1000000000 rather than 1e+09, 0.5 as it is.
    static func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }

    /// An option restricted to a set of values.
    func choice(_ name: String, from allowed: [String], default value: String) throws(UsageError) -> String {
        guard let text = self.value(name) else { return value }
        guard allowed.contains(text) else {
            throw UsageError(message: "--\(name) must be one of \(allowed.joined(separator: ", ")), not '\(text)'", command: command)
        }
        return text
    }
}

enum ArgumentParser {
    /// Parses the arguments after the command name against its options.
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: spec.name)
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name: String
            var inline: String?
            if arg.hasPrefix("--") {
                name = String(arg.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
            } else {
                guard arg.count == 2, let c = arg.last, let option = spec.options.first(where: { $0.short == c }) else {
                    throw UsageError(message: "unknown option '\(arg)'", command: spec.name)
                }
                name = option.name
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let suggestion = closest(to: name, among: spec.options.map(\.name)).map { " Did you mean '--\($0)'?" } ?? ""
                throw UsageError(message: "unknown option '--\(name)'.\(suggestion)", command: spec.name)
            }
            if option.valueName == nil {
                if inline != nil { throw UsageError(message: "--\(name) takes no value", command: spec.name) }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inline { value = inline } else {
                guard i < arguments.count else {
                    throw UsageError(message: "--\(name) needs a value (\(option.valueName ?? "VALUE"))", command: spec.name)
                }
                value = arguments[i]
                i += 1
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw UsageError(message: "--\(name) is given more than once", command: spec.name)
            }
            parsed.values[name, default: []].append(value)
        }
        if !parsed.flags.contains("help"), !spec.positionals.contains(parsed.positionals.count) {
            let expected = spec.positionals.lowerBound == spec.positionals.upperBound
                ? "\(spec.positionals.lowerBound)" : "\(spec.positionals.lowerBound) to \(spec.positionals.upperBound)"
            let message = parsed.positionals.count < spec.positionals.lowerBound
                ? "missing \(spec.positionalName); see the usage below"
                : "too many arguments (\(parsed.positionals.joined(separator: " "))); expected \(expected)"
            throw UsageError(message: message, command: spec.name)
        }
        return parsed
    }

    /// The candidate nearest to a word by edit distance, if any is close.
    static func closest(to word: String, among candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var current = [i + 1]
                for (j, y) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = scored.first, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }
}
