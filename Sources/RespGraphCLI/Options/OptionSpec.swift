import RespGraphModel
/// What an option's value may be. The parser checks every value against it once, before a
/// command runs, so a command reads values that are already valid.
enum OptionValueType: Sendable, Equatable {
    /// No value: present or absent.
    case flag
    /// Free text, shown in help as the placeholder (`FILE`, `NAME`).
    case text(placeholder: String)
    /// A whole number within a range.
    case whole(placeholder: String, range: ClosedRange<Int>)
    /// A finite number within a range.
    case number(placeholder: String, range: ClosedRange<Double>)
    /// One of a fixed list of words.
    case choice([String])

    /// What help and usage lines show after the option name; nil for a flag.
    var placeholder: String? {
        switch self {
        case .flag: nil
        case .text(let p), .whole(let p, _), .number(let p, _): p
        case .choice(let words): words.joined(separator: "|")
        }
    }

    /// What a valid value is, in words, for help and error messages.
    var allowed: String? {
        switch self {
        case .flag, .text: nil
        case .whole(_, let r):
            r.upperBound == Int.max ? "a whole number ≥ \(r.lowerBound)" : "a whole number from \(r.lowerBound) to \(r.upperBound)"
        case .number(_, let r): "a number from \(plainNumber(r.lowerBound)) to \(plainNumber(r.upperBound))"
        case .choice(let words): "one of \(words.joined(separator: ", "))"
        }
    }

    /// The reason a value is refused, or nil when it is valid.
    func refusal(of text: String) -> String? {
        switch self {
        case .flag, .text: return nil
        case .whole(_, let r):
            guard let n = Int(text), r.contains(n) else { return "takes \(allowed!), not '\(text)'" }
            return nil
        case .number(_, let r):
            guard let x = Double(text), x.isFinite, r.contains(x) else { return "takes \(allowed!), not '\(text)'" }
            return nil
        case .choice(let words):
            guard words.contains(text) else {
                let hint = ArgumentParser.closest(to: text, among: words).map { " (did you mean '\($0)'?)" } ?? ""
                return "must be \(allowed!), not '\(text)'\(hint)"
            }
            return nil
        }
    }
}

/// 1000000000 rather than 1e+09; 0.5 as it is (``NumberStyle/exact(_:)``).
func plainNumber(_ x: Double) -> String { NumberStyle.exact(x) }

/// An option a command accepts, declared once: its name, value type (with range or choices),
/// default and help. Parsing, validation, `--help`, usage lines and the README's command table are
/// all produced from it.
struct OptionSpec: Sendable {
    /// The long name without dashes, e.g. `format`.
    let name: String
    /// A one-letter alias without the dash, e.g. `o`.
    let short: Character?
    /// What its value may be.
    let type: OptionValueType
    /// The default in words, for help (nil when there is none worth saying).
    let defaultText: String?
    /// One line of help.
    let help: String
    /// Whether it may be given more than once.
    let repeatable: Bool
    /// A renamed option: giving it is a usage error that names the new spelling.
    let renamedTo: String?

    init(_ name: String, short: Character? = nil, _ type: OptionValueType = .flag, default defaultText: String? = nil,
         repeatable: Bool = false, renamedTo: String? = nil, _ help: String) {
        self.name = name
        self.short = short
        self.type = type
        self.defaultText = defaultText
        self.help = help
        self.repeatable = repeatable
        self.renamedTo = renamedTo
    }

    /// A former option name kept only to say what replaced it.
    static func renamed(_ old: String, takesValue: Bool = false, to replacement: String) -> OptionSpec {
        OptionSpec(old, takesValue ? .text(placeholder: "VALUE") : .flag, renamedTo: replacement, "Renamed: \(replacement).")
    }

    /// The value's placeholder, e.g. `FILE` or `table|json|csv`; a long list of choices is named
    /// by the option (`KIND`) and listed in the help line. Nil for a flag.
    var valueName: String? {
        if case .choice(let words) = type, words.count > 4 { return name.uppercased() }
        return type.placeholder
    }

    /// `--top N`, `--format table|json|csv`, `--weighted`.
    var synopsis: String { "--\(name)" + (valueName.map { " \($0)" } ?? "") }

    /// The help line with the allowed values and the default appended.
    var fullHelp: String {
        var extra: [String] = []
        if case .whole = type, let a = type.allowed { extra.append(a) }
        if case .number = type, let a = type.allowed { extra.append(a) }
        if case .choice(let words) = type, words.count > 4 { extra.append(words.joined(separator: ", ")) }
        if let d = defaultText { extra.append("default \(d)") }
        if repeatable { extra.append("repeatable") }
        return extra.isEmpty ? help : "\(help) (\(extra.joined(separator: "; ")))"
    }
}

/// A yes/no option.
struct Flag: Sendable {
    /// Its declaration.
    let spec: OptionSpec
    init(_ name: String, short: Character? = nil, _ help: String) { spec = OptionSpec(name, short: short, .flag, help) }
}

/// An option with free text, such as a file or a name.
struct TextOption: Sendable {
    /// Its declaration.
    let spec: OptionSpec
    init(_ name: String, short: Character? = nil, _ placeholder: String, default defaultText: String? = nil,
         repeatable: Bool = false, _ help: String) {
        spec = OptionSpec(name, short: short, .text(placeholder: placeholder), default: defaultText, repeatable: repeatable, help)
    }
}

/// A whole-number option with its range and default. `Read` is `Int` when it has a default (read
/// as a number, never nil) and `Int?` when it has none (absent means "no limit" or "the command decides").
struct WholeOption<Read: Sendable>: Sendable {
    /// Its declaration.
    let spec: OptionSpec
    /// The value when the option is absent.
    let defaultValue: Read
    /// The value of a number given.
    let read: @Sendable (Int) -> Read
}

extension WholeOption where Read == Int {
    init(_ name: String, _ placeholder: String = "N", in range: ClosedRange<Int> = 1...Int.max, default value: Int,
         defaultText: String? = nil, _ help: String) {
        spec = OptionSpec(name, .whole(placeholder: placeholder, range: range), default: defaultText ?? String(value), help)
        (defaultValue, read) = (value, { $0 })
    }
}

extension WholeOption where Read == Int? {
    /// An option without a default (`default: nil`; `defaultText` says what absent means).
    init(_ name: String, _ placeholder: String = "N", in range: ClosedRange<Int> = 1...Int.max, default value: Int?,
         defaultText: String? = nil, _ help: String) {
        spec = OptionSpec(name, .whole(placeholder: placeholder, range: range), default: defaultText ?? value.map(String.init), help)
        (defaultValue, read) = (value, { $0 })
    }
}

/// A number option with its range and default.
struct NumberOption: Sendable {
    /// Its declaration.
    let spec: OptionSpec
    /// The value when the option is absent.
    let defaultValue: Double
    init(_ name: String, _ placeholder: String, in range: ClosedRange<Double>, default value: Double,
         defaultText: String? = nil, _ help: String) {
        spec = OptionSpec(name, .number(placeholder: placeholder, range: range), default: defaultText ?? plainNumber(value), help)
        defaultValue = value
    }
}

/// An option whose value is one case of an enum (`OutputFormat`, `NetworkView`, `Measure`…). `Read`
/// is the enum itself when the option has a default (``Choice``), optional when it has none
/// (``OptionalChoice``: absent means the command decides).
struct ChoiceOption<Value: RawRepresentable & Sendable, Read: Sendable>: Sendable where Value.RawValue == String {
    /// Its declaration.
    let spec: OptionSpec
    /// The value when the option is absent.
    let defaultValue: Read
    /// The value of a choice given.
    let read: @Sendable (Value) -> Read
}

/// A choice with a default: read as a value, never nil.
typealias Choice<Value: RawRepresentable & Sendable> = ChoiceOption<Value, Value> where Value.RawValue == String
/// A choice without a default: nil when absent.
typealias OptionalChoice<Value: RawRepresentable & Sendable> = ChoiceOption<Value, Value?> where Value.RawValue == String

extension ChoiceOption where Read == Value {
    init(_ name: String, _ allowed: [Value], default value: Value, defaultText: String? = nil, repeatable: Bool = false, _ help: String) {
        spec = OptionSpec(name, .choice(allowed.map(\.rawValue)), default: defaultText ?? value.rawValue, repeatable: repeatable, help)
        (defaultValue, read) = (value, { $0 })
    }
}

extension ChoiceOption where Read == Value? {
    init(_ name: String, _ allowed: [Value], default value: Value? = nil, defaultText: String? = nil, repeatable: Bool = false,
         _ help: String) {
        spec = OptionSpec(name, .choice(allowed.map(\.rawValue)), default: defaultText ?? value?.rawValue, repeatable: repeatable, help)
        (defaultValue, read) = (value, { $0 })
    }
}

extension ChoiceOption where Value: CaseIterable, Read == Value {
    init(_ name: String, default value: Value, defaultText: String? = nil, repeatable: Bool = false, _ help: String) {
        self.init(name, Array(Value.allCases), default: value, defaultText: defaultText, repeatable: repeatable, help)
    }
}

extension ChoiceOption where Value: CaseIterable, Read == Value? {
    init(_ name: String, default value: Value? = nil, defaultText: String? = nil, repeatable: Bool = false, _ help: String) {
        self.init(name, Array(Value.allCases), default: value, defaultText: defaultText, repeatable: repeatable, help)
    }
}

/// A positional argument: its name in usage lines and, when it is one of some words, those words.
struct PositionalSpec: Sendable {
    /// `AGENCY`, `DOC`, `MEASURE`.
    let name: String
    /// The words it must be one of, if restricted.
    let choices: [String]?
    /// Whether it may be left out.
    let optional: Bool
    /// Whether it takes every remaining argument (FILE…).
    let variadic: Bool

    init(_ name: String, choices: [String]? = nil, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.choices = choices
        self.optional = optional
        self.variadic = variadic
    }

    /// How usage lines show it.
    var synopsis: String {
        let core = name + (variadic ? "…" : "")
        return optional ? "[\(core)]" : core
    }
}

/// A positional argument as a typed handle: its declaration and how the arguments the parser has
/// checked (their number and choices) become its value.
struct Positional<Read: Sendable>: Sendable {
    /// Its declaration, for the parser, the usage line and the help.
    let spec: PositionalSpec
    /// The value, from every positional argument given.
    let read: @Sendable ([String]) -> Read
}

extension Positional where Read == String {
    /// The required argument at `index`.
    init(_ name: String, at index: Int) {
        spec = PositionalSpec(name)
        read = { $0[index] }
    }
}

extension Positional where Read == String? {
    /// The argument at `index`, which may be left out.
    init(optional name: String, at index: Int) {
        spec = PositionalSpec(name, optional: true)
        read = { index < $0.count ? $0[index] : nil }
    }
}

extension Positional where Read == [String] {
    /// Every argument from `index` on (FILE…).
    init(variadic name: String, from index: Int = 0) {
        spec = PositionalSpec(name, variadic: true)
        read = { Array($0.dropFirst(index)) }
    }
}

extension Positional where Read: RawRepresentable & CaseIterable, Read.RawValue == String {
    /// The required argument at `index`, one of `Read`'s cases (the parser refuses any other word).
    init(choice name: String, at index: Int) {
        spec = PositionalSpec(name, choices: Read.allCases.map(\.rawValue))
        read = { Read(rawValue: $0[index])! }
    }
}

/// What a rule between options can name: a declared option or positional, never a spelling of one.
protocol RuleTerm: Sendable {
    /// The option's long name or the positional's name, as the parser knows it.
    var ruleName: String { get }
}

extension OptionSpec: RuleTerm { var ruleName: String { name } }
extension PositionalSpec: RuleTerm { var ruleName: String { name } }
extension Positional: RuleTerm { var ruleName: String { spec.name } }
extension Flag: RuleTerm { var ruleName: String { spec.name } }
extension TextOption: RuleTerm { var ruleName: String { spec.name } }
extension WholeOption: RuleTerm { var ruleName: String { spec.name } }
extension NumberOption: RuleTerm { var ruleName: String { spec.name } }
extension ChoiceOption: RuleTerm { var ruleName: String { spec.name } }

/// A rule between options, checked by the parser so no flag is silently ignored. Rules are made
/// from the options' and positionals' handles, so a rule cannot name an option that does not exist;
/// a test checks that each rule's terms are among its command's own.
enum OptionRule: Sendable {
    /// At most one of these (by name) may be given.
    case oneOf([String])
    /// The first (by name) only means something with the second.
    case needs(String, String)

    /// At most one of these options (or positionals) may be given.
    static func exclusive(_ terms: [any RuleTerm]) -> OptionRule { .oneOf(terms.map(\.ruleName)) }
    /// `term` only means something with `needed`.
    static func requires(_ term: any RuleTerm, _ needed: any RuleTerm) -> OptionRule { .needs(term.ruleName, needed.ruleName) }

    /// The names the rule refers to.
    var names: [String] {
        switch self {
        case .oneOf(let names): names
        case .needs(let a, let b): [a, b]
        }
    }
}
