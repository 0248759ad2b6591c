import Foundation
import RespGraphExport
import RespGraphReports
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
    /// The terminal's width, when standard output is one; tables fit it.
    var terminalWidth: Int?
    /// Whether the terminal draws East Asian Ambiguous characters two columns wide.
    var ambiguousWide = false

    /// Appends a query's answer in the format asked for.
    mutating func write(_ output: QueryOutput, _ format: OutputFormat?) {
        stdout += output.rendered(format ?? .table, width: terminalWidth)
    }

    /// Appends a query's answer in the format the command line asks for (`--format`, `--bom`,
    /// `--width`, `--lang`).
    mutating func write(_ output: QueryOutput, _ args: ParsedArguments) throws {
        let format = args[SharedOptions.format]
        if args[SharedOptions.bom] {
            guard format == .csv else { throw args.usageError("--bom applies to --format csv") }
            stdout += "\u{FEFF}"
        }
        if format != .table && args.given(SharedOptions.width.spec) {
            throw args.usageError("--width shapes terminal tables; it does not apply to --format \(format.rawValue)")
        }
        if format == .json && args.given(SharedOptions.headerLanguage.spec) {
            throw args.usageError("--lang puts tables and CSV in Chinese; JSON keeps its keys and words in English for programs")
        }
        stdout += output.rendered(format, width: args[SharedOptions.width] ?? terminalWidth,
                                  language: args[SharedOptions.headerLanguage], ambiguousWide: ambiguousWide)
    }
}

/// The respgraph command line: parses arguments, runs a command, and formats its answer.
public enum RespGraphCommandLine {
    /// Ends the external programs respgraph is running when it is interrupted (SIGINT, SIGTERM,
    /// SIGHUP), then exits with 128 + the signal, as a shell reports it.
    public static func endProgramsOnInterrupt() {
        RunningPrograms.prepare()
        // A parent may have started respgraph with these signals blocked (the mask is inherited): unblock them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, s) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for s in [SIGINT, SIGTERM, SIGHUP] {
            signal(s) { received in
                RunningPrograms.endAll()
                _exit(128 + received)
            }
        }
    }

    /// Exit status for success.
    public static let success: Int32 = 0
    /// Exit status for a problem with the data or the query (a missing file, an unknown agency).
    public static let dataError: Int32 = 1
    /// Exit status for a wrong command line (an unknown option, a missing argument), as in BSD sysexits.
    public static let usageError: Int32 = 64

    /// Every command and subcommand, in the order `respgraph help` lists them.
    static let commands: [CommandEntry] = [
        CommandEntry(SummaryCommand.self), CommandEntry(AgenciesCommand.self), CommandEntry(AgencyCommand.self),
        CommandEntry(TaskCommand.self), CommandEntry(WorkloadCommand.self),
        CommandEntry(WorkloadOutliersCommand.self), CommandEntry(WorkloadRosterCommand.self),
        CommandEntry(WorkloadChecksCommand.self), CommandEntry(WorkloadBalanceCommand.self),
        CommandEntry(CentralityCommand.self),
        CommandEntry(DepsCommand.self), CommandEntry(DepsPairsCommand.self), CommandEntry(DepsMatrixCommand.self),
        CommandEntry(StructureCommand.self), CommandEntry(PathCommand.self),
        CommandEntry(PlanCommand.self), CommandEntry(DiffCommand.self), CommandEntry(MatrixCommand.self),
        CommandEntry(ReportCommand.self), CommandEntry(ExploreCommand.self), CommandEntry(DotCommand.self),
        CommandEntry(DotSameLayoutCommand.self),
        CommandEntry(ExportCommand.self), CommandEntry(GenerateCommand.self), CommandEntry(DiagnosticsCommand.self),
        CommandEntry(ImportCommand.self), CommandEntry(ReviewCommand.self), CommandEntry(RegistryDraftCommand.self),
    ]

    /// The subcommands of a command (`workload checks` … of `workload`).
    static func subcommands(of name: String) -> [CommandSpec] {
        commands.map(\.spec).filter { $0.name.hasPrefix(name + " ") }
    }

    /// The command a command line names: the longest name its first words spell (`workload checks`
    /// before `workload`), and how many words that took.
    static func resolve(_ arguments: [String]) -> (CommandEntry, Int)? {
        if arguments.count > 1, let sub = commands.first(where: { $0.spec.name == arguments[0] + " " + arguments[1] }) { return (sub, 2) }
        return commands.first(where: { $0.spec.name == arguments[0] }).map { ($0, 1) }
    }

    /// The help of a command, with its subcommands listed.
    static func help(_ spec: CommandSpec) -> String { spec.helpText(subcommands: subcommands(of: spec.name)) }

    /// Runs respgraph with the arguments after the program name; `terminalWidth` fits tables to a terminal.
    /// `ambiguousWide` counts East Asian Ambiguous characters as two columns (CJK terminals).
    public static func run(_ arguments: [String], terminalWidth: Int? = nil, ambiguousWide: Bool = false) -> CommandResult {
        var result = CommandResult()
        result.terminalWidth = terminalWidth
        result.ambiguousWide = ambiguousWide
        guard let name = arguments.first else {
            result.stdout = overview
            return result
        }
        if name == "--help" || name == "-h" || name == "help" {
            let rest = Array(arguments.dropFirst())
            if rest == ["--markdown"] {
                result.stdout = commandTable
            } else if !rest.isEmpty {
                guard let (command, used) = resolve(rest), used == rest.count else {
                    return usageFailure(UsageError(message: "no command '\(rest.joined(separator: " "))'", command: nil))
                }
                result.stdout = help(command.spec)
            } else {
                result.stdout = overview
            }
            return result
        }
        if name == "--version" {
            result.stdout = "respgraph \(version)\n"
            return result
        }
        guard let (command, used) = resolve(arguments) else {
            let topLevel = commands.map(\.spec.name).filter { !$0.contains(" ") }
            let suggestion = ArgumentParser.closest(to: name, among: topLevel).map { " Did you mean '\($0)'?" } ?? ""
            return usageFailure(UsageError(message: "unknown command '\(name)'.\(suggestion)", command: nil))
        }
        do {
            let family = command.spec.name.split(separator: " ").first.map(String.init) ?? command.spec.name
            let siblings = ([commands.first { $0.spec.name == family }?.spec].compactMap { $0 } + subcommands(of: family))
                .filter { $0.name != command.spec.name }
            let args = try ArgumentParser.parse(Array(arguments.dropFirst(used)), spec: command.spec, siblings: siblings)
            if args.given(command.spec.options.last!) {
                result.stdout = help(command.spec)
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

    /// The README's command table (`respgraph help --markdown`), produced from the command specs.
    static var commandTable: String {
        var out = "| command | what it answers | options |\n|---|---|---|\n"
        let shared = Set(SharedOptions.data.map(\.name) + ["help", "force"])
        for c in commands.map(\.spec) {
            let own = c.options.filter { $0.renamedTo == nil && !shared.contains($0.name) }.map { "`\($0.synopsis)`" }
            let data = c.options.contains { $0.name == "graph" } ? ["data options"] : []
            let cell = (own + data).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
            let synopsis = ([c.name] + c.positionals.map(\.synopsis)).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
            out += "| `\(synopsis)` | \(c.summary.replacingOccurrences(of: "|", with: "\\|")) | \(cell) |\n"
        }
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

