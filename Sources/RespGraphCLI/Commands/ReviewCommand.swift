import RespGraphImport

/// `respgraph review FILE…`: the tasks an import marked for review, with the source beside the reading
/// and the corrections that would settle each.
enum ReviewCommand: CLICommand {
    static let spec = CommandSpec(
        name: "review",
        summary: "The tasks an import marks for review: the source beside the reading, why, and the corrections that settle them.",
        discussion: """
        Reads the files as import does and lists every task whose review column is not empty. For each:
        where it stands, what was read (lead and support) beside what the source wrote, the findings that
        make it doubtful, and lines for the corrections file: an accept per finding, and for names a set of
        the cell as written, to edit. Fill in the note (what the source shows), append the lines to your
        corrections file and import again with --corrections FILE: the mark is gone.
        Example: respgraph review plan.pdf --corrections my-corrections.csv
        """,
        options: [SharedOptions.registry.spec, SharedOptions.corrections.spec, ImportCommand.noCorrections.spec, ImportCommand.docID.spec,
                  SharedOptions.qualifyNames.spec, ImportCommand.sheet.spec] + SharedOptions.queryOutput,
        positionals: [ImportCommand.files.spec],
        rules: [.exclusive([SharedOptions.corrections, ImportCommand.noCorrections])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let documents = try ImportCommand.documents(args)
        try result.write(output(ReviewList.items(of: documents), taskCount: documents.reduce(0) { $0 + $1.rows.count }), args)
    }

    /// The rows to check, each with where it stands, how it was read, what the source wrote and why it is marked.
    static func output(_ items: [ReviewItem], taskCount total: Int) -> QueryOutput {
        var set = RecordSet("review", [
            Field("task", zh: "任务", maxWidth: 24), Field("where", zh: "原文位置", maxWidth: 30),
            Field("review", zh: "复核", .list(separator: " ")),
            Field("read as", zh: "读取结果", maxWidth: 40), Field("source wrote", zh: "原文写法", maxWidth: 40),
            Field("why", zh: "存疑原因", maxWidth: 60), Field("text", zh: "任务内容", maxWidth: 30, inTerminal: false),
            Field("corrections", zh: "更正写法", .list(separator: "\n"), inTerminal: false),
        ])
        for item in items {
            let row = item.row
            let place = [row.sourceLine > 0 ? "\(item.file):\(row.sourceLine)" : item.file,
                         row.place].compactMap { $0 }.joined(separator: " ")
            let why = item.findings.map(\.message)
            set.append([
                .text("\(item.documentID):\(row.localKey)"), .text(place), .list(row.review),
                .text("牵头 \(row.leads.joined(separator: "、")) | 配合 \(row.supporters.joined(separator: "、"))"),
                .text("牵头 \(row.leadCell) | 配合 \(row.supportCell)"),
                .text(why.isEmpty ? "holds a name whose kind no rule tells (reported where it first stands)" : why.joined(separator: "; ")),
                .text(row.text), .list(item.corrections),
            ])
        }
        var output = QueryOutput()
        output.sets = [set]
        output.footer = ["\(items.count) of \(total) tasks marked for review; the others read as their source says."]
        if !items.isEmpty {
            output.footer.append("Settle one: check it against the source, then append its corrections (--format csv shows them) to your "
                + "corrections file and import again with --corrections FILE.")
        }
        return output
    }
}
