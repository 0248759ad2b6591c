import Foundation
import RespGraphExport
import RespGraphImport
import RespGraphModel

/// What a run of respgraph printed and its exit status.
public struct CommandResult: Sendable {
    /// Standard output.
    public var stdout = ""
    /// Standard error.
    public var stderr = ""
    /// 0 success, 1 a data or runtime error, 64 a usage error.
    public var status: Int32 = 0
}

/// The respgraph command line: parses arguments, runs a command, and formats its answer.
public enum RespGraphCommandLine {
    /// Exit status for success.
    public static let success: Int32 = 0
    /// Exit status for a problem with the data or the query (a missing file, an unknown agency).
    public static let dataError: Int32 = 1
    /// Exit status for a wrong command line (an unknown option, a missing argument), as in BSD sysexits.
    public static let usageError: Int32 = 64

    /// Every command, in the order `respgraph help` lists them.
    static let commands: [CommandEntry] = [
        CommandEntry(SummaryCommand.self), CommandEntry(AgenciesCommand.self), CommandEntry(AgencyCommand.self),
        CommandEntry(TaskCommand.self), CommandEntry(WorkloadCommand.self), CommandEntry(CentralityCommand.self),
        CommandEntry(DepsCommand.self), CommandEntry(StructureCommand.self), CommandEntry(PathCommand.self),
        CommandEntry(PlanCommand.self), CommandEntry(DiffCommand.self), CommandEntry(ReportCommand.self), CommandEntry(DotCommand.self),
        CommandEntry(ExportCommand.self), CommandEntry(GenerateCommand.self), CommandEntry(DiagnosticsCommand.self),
        CommandEntry(ImportCommand.self), CommandEntry(RegistryCommand.self),
    ]

    /// Runs respgraph with the arguments after the program name.
    public static func run(_ arguments: [String]) -> CommandResult {
        var result = CommandResult()
        guard let name = arguments.first else {
            result.stdout = overview
            return result
        }
        if name == "--help" || name == "-h" || name == "help" {
            if arguments.count > 1 {
                guard let command = commands.first(where: { $0.spec.name == arguments[1] }) else {
                    return usageFailure(UsageError(message: "no command '\(arguments[1])'", command: nil))
                }
                result.stdout = command.spec.helpText
            } else {
                result.stdout = overview
            }
            return result
        }
        if name == "--version" {
            result.stdout = "respgraph \(version)\n"
            return result
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            let suggestion = ArgumentParser.closest(to: name, among: commands.map(\.spec.name)).map { " Did you mean '\($0)'?" } ?? ""
            return usageFailure(UsageError(message: "unknown command '\(name)'.\(suggestion)", command: nil))
        }
        do {
            let args = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: command.spec)
            if args.flag("help") {
                result.stdout = command.spec.helpText
                return result
            }
            try command.run(args, &result)
        } catch let error as UsageError {
            return usageFailure(error)
        } catch let error as DataError {
            result.stderr += "error: \(error.message)\n"
            result.status = dataError
        } catch let error as ImportError {
            result.stderr += error.description + "\n"
            result.status = dataError
        } catch let error as RegistryError {
            result.stderr += "\(error.description)\n"
            result.status = dataError
        } catch {
            result.stderr += "error: \(error)\n"
            result.status = dataError
        }
        return result
    }

    static func usageFailure(_ error: UsageError) -> CommandResult {
        var result = CommandResult()
        result.status = usageError
        result.stderr = "error: \(error.message)\n"
        if let name = error.command, let command = commands.first(where: { $0.spec.name == name }) {
            result.stderr += "Usage: respgraph \(command.spec.usage)\nSee 'respgraph \(name) --help'.\n"
        } else {
            result.stderr += "See 'respgraph help'.\n"
        }
        return result
    }

    /// The version printed by `--version`.
    public static let version = "0.1.0"

    static var overview: String {
        var out = """
        respgraph: who leads and who supports which task in multi-agency government plans, and what that asks of each agency.

        Usage: respgraph COMMAND [options]

        Commands:

        """
        let width = (commands.map { $0.spec.name.count }.max() ?? 0) + 2
        for c in commands {
            out += "  " + c.spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + c.spec.summary + "\n"
        }
        out += """

        Every query runs on the embedded Guangxi plans (2022 action plan, 2024 work points) unless --graph
        names your own task table or document. Every query takes --doc ID and --format table|json|csv.
        Exit status: 0 success, 1 a data or query error, 64 a usage error.
        See 'respgraph help COMMAND' for a command's options.

        """
        return out
    }
}

/// A command as the dispatcher holds it: its spec and its entry point.
struct CommandEntry: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments, inout CommandResult) throws -> Void

    init<C: CLICommand>(_ command: C.Type) {
        spec = C.spec
        run = { args, result in try C.run(args, &result) }
    }
}

/// A respgraph subcommand.
protocol CLICommand: SendableMetatype {
    /// What it accepts.
    static var spec: CommandSpec { get }
    /// Runs it, appending to the result; throws UsageError, DataError or ImportError.
    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws
}

/// The output formats every query offers.
enum OutputFormat: String {
    case table, json, csv

    static func from(_ args: ParsedArguments) throws -> OutputFormat {
        OutputFormat(rawValue: try args.choice("format", from: ["table", "json", "csv"], default: "table")) ?? .table
    }
}

/// What a query answers, in each format.
struct QueryAnswer {
    /// Tables for the terminal, in order.
    var tables: [TextTable] = []
    /// Lines printed before the tables in a terminal.
    var heading: [String] = []
    /// Lines printed after the tables in a terminal.
    var footer: [String] = []
    /// The JSON document.
    var json: JSONValue = .null
    /// The table written for `--format csv` (default: the first table).
    var csvTable: TextTable?

    func write(_ format: OutputFormat, to result: inout CommandResult) {
        switch format {
        case .json:
            result.stdout += json.formatted()
        case .csv:
            if let t = csvTable ?? tables.first { result.stdout += t.csv() }
        case .table:
            var parts: [String] = []
            if !heading.isEmpty { parts.append(heading.joined(separator: "\n") + "\n") }
            parts += tables.map { $0.rendered() }
            if !footer.isEmpty { parts.append(footer.joined(separator: "\n") + "\n") }
            result.stdout += parts.joined(separator: "\n")
        }
    }
}

/// Number formatting for tables: up to `digits` decimals, trailing zeros dropped.
func formatNumber(_ x: Double, digits: Int = 2) -> String {
    if x == x.rounded() { return String(Int(x)) }
    var s = String(format: "%.\(digits)f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
