/// A wrong command line: the message, and the command whose usage to show.
struct UsageError: Error, Sendable {
    let message: String
    let command: String?
}

/// A problem with the data or the query (an unknown agency, an import error): exit status 1.
struct DataError: Error, Sendable {
    let message: String
}

/// A parsed and validated command line. Values are read through the typed option handles, so a
/// command never converts or range-checks a string itself.
struct ParsedArguments: Sendable {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    /// The positional arguments, in order.
    private(set) var positionals: [String] = []
    /// The command's name, for messages.
    let command: String

    init(command: String) { self.command = command }

    /// Whether an option was given at all.
    func given(_ spec: OptionSpec) -> Bool { flags.contains(spec.name) || values[spec.name] != nil }

    /// Whether a flag was given.
    subscript(_ option: Flag) -> Bool { flags.contains(option.spec.name) }
    /// The text given, or nil.
    subscript(_ option: TextOption) -> String? { values[option.spec.name]?.last }
    /// Every text given for a repeatable option.
    func all(_ option: TextOption) -> [String] { values[option.spec.name] ?? [] }
    /// A positional argument's value, as its handle reads it.
    subscript<Read>(_ positional: Positional<Read>) -> Read { positional.read(positionals) }
    /// The number given, or the default (nil when there is none).
    subscript<Read>(_ option: WholeOption<Read>) -> Read {
        values[option.spec.name]?.last.flatMap { Int($0) }.map(option.read) ?? option.defaultValue
    }
    /// The number given, or the default.
    subscript(_ option: NumberOption) -> Double { values[option.spec.name]?.last.flatMap { Double($0) } ?? option.defaultValue }
    /// The choice given, or the default (nil when there is none).
    subscript<Value, Read>(_ option: ChoiceOption<Value, Read>) -> Read {
        values[option.spec.name]?.last.flatMap(Value.init(rawValue:)).map(option.read) ?? option.defaultValue
    }
    /// Every choice given for a repeatable option.
    func all<Value, Read>(_ option: ChoiceOption<Value,
                          Read>) -> [Value] { (values[option.spec.name] ?? []).compactMap(Value.init(rawValue:)) }

    /// A usage error for this command.
    func usageError(_ message: String) -> UsageError { UsageError(message: message, command: command) }

    fileprivate mutating func add(value: String, for name: String) { values[name, default: []].append(value) }
    fileprivate mutating func add(flag name: String) { flags.insert(name) }
    fileprivate mutating func add(positional: String) { positionals.append(positional) }
}

/// Parses a command line against a command's declared options, positionals and rules.
enum ArgumentParser {
    /// Parses the arguments after the command name; every value is checked against its declared
    /// type, range or choices, and every rule between options, before the command runs.
    static func parse(_ arguments: [String], spec: CommandSpec, siblings: [CommandSpec] = []) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: spec.name)
        func fail(_ message: String) -> UsageError { UsageError(message: message, command: spec.name) }
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || arg == "-" || !arg.hasPrefix("-") || Double(arg) != nil {
                parsed.add(positional: arg)
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
                    throw fail("unknown option '\(arg)'")
                }
                name = option.name
            }
            guard let option = spec.option(named: name) else {
                if let owner = siblings.first(where: { $0.option(named: name) != nil }) {
                    throw fail("--\(name) belongs to respgraph \(owner.name)")
                }
                let suggestion = closest(to: name,
                                         among: spec.options.filter { $0.renamedTo == nil }.map(\.name))
                                             .map { " Did you mean '--\($0)'?" } ?? ""
                throw fail("unknown option '--\(name)'.\(suggestion)")
            }
            if let replacement = option.renamedTo {
                throw fail("--\(name) was renamed: \(replacement)")
            }
            guard option.type != .flag else {
                if inline != nil { throw fail("--\(name) takes no value") }
                parsed.add(flag: name)
                continue
            }
            let value: String
            if let inline { value = inline } else {
                guard i < arguments.count else { throw fail("--\(name) needs a value (\(option.valueName ?? "VALUE"))") }
                value = arguments[i]
                i += 1
            }
            if !option.repeatable, parsed.given(option) { throw fail("--\(name) is given more than once") }
            if let refusal = option.type.refusal(of: value) { throw fail("--\(name) \(refusal)") }
            parsed.add(value: value, for: name)
        }
        if parsed.given(spec.options.last!) { return parsed }   // --help: nothing else is checked
        try checkPositionals(parsed, spec)
        try checkRules(parsed, spec)
        return parsed
    }

    private static func checkPositionals(_ parsed: ParsedArguments, _ spec: CommandSpec) throws(UsageError) {
        let count = spec.positionalCount
        let given = parsed.positionals
        if given.count < count.lowerBound {
            let missing = spec.positionals.filter { !$0.optional }.dropFirst(given.count).map(\.name)
            throw UsageError(message: "missing \(missing.joined(separator: " and ")); see the usage below", command: spec.name)
        }
        if given.count > count.upperBound {
            throw UsageError(message: "too many arguments (\(given.joined(separator: " "))); "
                + "expected \(spec.positionals.map(\.synopsis).joined(separator: " "))",
                             command: spec.name)
        }
        for (value, p) in zip(given, spec.positionals) {
            if let choices = p.choices, !choices.contains(value) {
                let hint = closest(to: value, among: choices).map { " Did you mean '\($0)'?" } ?? ""
                throw UsageError(message: "unknown \(p.name) '\(value)'.\(hint) \(p.name): \(choices.joined(separator: ", "))",
                                 command: spec.name)
            }
        }
    }

    private static func checkRules(_ parsed: ParsedArguments, _ spec: CommandSpec) throws(UsageError) {
        func isGiven(_ name: String) -> Bool {
            if let o = spec.option(named: name) { return parsed.given(o) }
            if let index = spec.positionals.firstIndex(where: { $0.name == name }) { return parsed.positionals.count > index }
            return false
        }
        func label(_ name: String) -> String { spec.option(named: name) != nil ? "--\(name)" : name }
        for rule in spec.rules {
            switch rule {
            case .oneOf(let names):
                let present = names.filter(isGiven)
                if present.count > 1 {
                    throw UsageError(message: "\(present.map(label).joined(separator: " and ")) exclude each other; give one",
                                     command: spec.name)
                }
            case .needs(let a, let b):
                if isGiven(a) && !isGiven(b) {
                    throw UsageError(message: "\(label(a)) needs \(label(b))", command: spec.name)
                }
            }
        }
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
        // Long words (a pasted paragraph) are never close to an option name; skip the quadratic work.
        guard word.count <= 64 else { return nil }
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = scored.first, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }
}
