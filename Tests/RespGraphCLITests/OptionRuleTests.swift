@testable import RespGraphCLI
import Testing

/// Rules between options are made from the options' handles; this checks the rest: that every
/// term of every rule is one of its own command's options or positionals, so no rule is inert.
@Suite struct OptionRuleTests {
    @Test func everyRuleNamesOptionsOfItsOwnCommand() {
        var checked = 0
        for entry in RespGraphCommandLine.commands {
            let spec = entry.spec
            let known = Set(spec.options.map(\.name) + spec.positionals.map(\.name))
            for rule in spec.rules {
                for name in rule.names {
                    #expect(known.contains(name), "\(spec.name): a rule names '\(name)', which the command does not declare")
                    checked += 1
                }
            }
        }
        #expect(checked >= 30)
    }

    @Test func aRuleIsEnforcedByTheParser() {
        let result = RespGraphCommandLine.run(["dot", "--top", "5", "--all"])
        #expect(result.status == RespGraphCommandLine.usageError)
        #expect(result.stderr.contains("--top and --all exclude each other"))
    }
}
