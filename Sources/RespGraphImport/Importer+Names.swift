import Foundation
import RespGraphModel

/// Agency names resolved against the registry, their kinds inferred.
extension Importer {
    /// Resolves every lead and support cell to canonical names, reporting unknown names and repairs.
    /// Where the document's ordering convention applies, the first lead leads and the rest support.
    /// A name the registry does not know is noted once per document with the kind its shape gives
    /// (``AgencyKindInference``), or warned about when no rule gives one.
    public func resolveNames(in document: inout ImportedDocument) {
        resolveNames(in: &document, memo: NameResolutionMemo())
    }

    /// What name resolution has already worked out, shared by the documents of one file and the
    /// threads resolving them: the kind inferred for each unknown name, inferred once.
    final class NameResolutionMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var index = NameIndex()
        private var kinds: [(kind: AgencyKind, rule: String)?] = []

        /// The kind ``AgencyKindInference`` gives a name.
        func kind(of name: String) -> (kind: AgencyKind, rule: String)? {
            lock.lock()
            if let k = index[name] {
                defer { lock.unlock() }
                return kinds[Int(k)]
            }
            lock.unlock()
            let inferred = AgencyKindInference.infer(name)
            lock.lock()
            if index.insert(name, value: Int32(kinds.count)).inserted { kinds.append(inferred) }
            lock.unlock()
            return inferred
        }
    }

    /// ``resolveNames(in:)`` reusing what `memo` holds.
    func resolveNames(in document: inout ImportedDocument, memo: NameResolutionMemo) {
        let normaliser = AgencyNameNormaliser(registry: registry)
        var reported = NameIndex()
        let jurisdiction = qualifiesLevelNames ? Self.jurisdiction(ofTitle: document.document.title) : nil
        for i in document.rows.indices {
            for role in Role.allCases {
                let cell = role == .lead ? document.rows[i].leadCell : document.rows[i].supportCell
                var resolved = normaliser.resolve(cell)
                if let jurisdiction { qualify(&resolved, place: jurisdiction) }
                // Names the registry does not know keep the document's spelling (traditional characters).
                if !document.rows[i].spellings.isEmpty {
                    for k in resolved.names.indices where !resolved.names[k].known {
                        if let spelled = document.rows[i].spellings[resolved.names[k].name] { resolved.names[k].name = spelled }
                    }
                }
                let finding = NameFinding(file: document.file, line: document.rows[i].sourceLine, place: document.rows[i].place,
                                          column: role == .lead ? "牵头单位" : "配合单位")
                document.diagnostics += Self.cleaningSuspectCharacters(&resolved, finding)
                document.diagnostics += Self.findings(of: resolved, cell: cell, finding)
                let names = resolved.names.map(\.name)
                if role == .lead { document.rows[i].leads = names } else { document.rows[i].supporters = names }
                for name in resolved.names where !name.known {
                    // A name whose kind no rule tells is doubtful on every row that holds it.
                    if let unknownKind = reported[name.name] {
                        if unknownKind == 1 { ReviewMarks.add(.unknownAgency, to: &document.rows[i]) }
                        continue
                    }
                    let inferred = memo.kind(of: name.name)
                    reported.insert(name.name, value: inferred == nil ? 1 : 0)
                    document.diagnostics.append(inferred.map { kind, rule in
                        finding.make(.note, .unknownAgency, "'\(name.name)' is not in the agency registry; kind \(kind.rawValue) inferred "
                            + "(\(rule))")
                    } ?? finding.make(.warning, .unknownAgency,
                                      "'\(name.name)' is not in the agency registry and its name fits no kind rule; kept with kind "
                                          + "unknown"))
                }
            }
            Self.settleRoles(&document.rows[i])
        }
    }

    /// Level-only names the registry does not know given the place of their document (省财政厅 → 山东省财政厅).
    private func qualify(_ resolved: inout ResolvedCell, place: String) {
        for k in resolved.names.indices where !resolved.names[k].known {
            let qualified = Self.qualified(resolved.names[k].name, place: place)
            if qualified != resolved.names[k].name {
                resolved.names[k] = ResolvedAgencyName(name: registry.canonicalName(of: qualified) ?? qualified,
                                                       written: resolved.names[k].written, known: registry.knows(qualified))
            }
        }
    }

    /// The findings of one agency cell, placed at its row.
    private struct NameFinding {
        let file: String
        let line: Int
        let place: String?
        /// 牵头单位 or 配合单位.
        let column: String

        func make(_ severity: ImportDiagnostic.Severity, _ code: DiagnosticCode, _ message: String) -> ImportDiagnostic {
            var d = ImportDiagnostic(severity, file: file, line: line, code: code, message)
            d.place = place
            return d
        }
    }

    /// A name holding U+FFFD (bytes its file did not encode validly) or a control character (&#0; in
    /// XML) is kept, its control characters removed, and its row marked. (A name the registry knows is
    /// clean: only the others are looked at, off the hot path.)
    private static func cleaningSuspectCharacters(_ resolved: inout ResolvedCell, _ finding: NameFinding) -> [ImportDiagnostic] {
        var out: [ImportDiagnostic] = []
        for k in resolved.names.indices where !resolved.names[k].known && resolved.names[k].name.unicodeScalars.contains(where: isSuspect) {
            let written = resolved.names[k].name
            resolved.names[k].name = String(String.UnicodeScalarView(written.unicodeScalars
                .filter { $0.properties.generalCategory != .control }))
            let shown = written.unicodeScalars
                .map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
            let what = written.contains("\u{FFFD}") ? "U+FFFD, bytes the file did not encode validly" : "control characters (removed)"
            out.append(finding.make(.warning, .badCharacters,
                                    "\(finding.column): '\(shown.joined())' holds \(what); check the name against the source"))
        }
        return out
    }

    /// What resolving a cell found: a cell of punctuation only, parts that are no name, names repaired.
    private static func findings(of resolved: ResolvedCell, cell: String, _ finding: NameFinding) -> [ImportDiagnostic] {
        var out: [ImportDiagnostic] = []
        if resolved.names.isEmpty, resolved.rejected.isEmpty, cell.unicodeScalars.contains(where: { !$0.isBlank }) {
            out.append(finding.make(.warning, .emptyNames, "the \(finding.column) cell '\(cell)' names no agency (only punctuation)"))
        }
        for part in resolved.rejected {
            out.append(finding.make(.warning, .notAName,
                "\(finding.column): '\(part)' is not an agency name (a sentence's words); left out of the graph: check the row"))
        }
        for repair in resolved.repairs { out.append(finding.make(.note, .nameRepair, "\(finding.column): \(repair)")) }
        return out
    }

    /// The first listed lead alone leads where the document says so (the others support), and an
    /// agency named as lead is not also its own supporter.
    private static func settleRoles(_ row: inout TaskRow) {
        if row.firstListedLeads, row.leads.count > 1 {
            let rest = row.leads.dropFirst()
            row.leads = [row.leads[0]]
            row.supporters = rest.filter { !row.supporters.contains($0) } + row.supporters
        }
        if !row.leads.isEmpty, !row.supporters.isEmpty {
            let leads = row.leads
            if row.supporters.contains(where: leads.contains) { row.supporters.removeAll { leads.contains($0) } }
        }
    }
}
