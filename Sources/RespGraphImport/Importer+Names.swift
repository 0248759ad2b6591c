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
        for i in document.rows.indices {
            let line = document.rows[i].sourceLine
            let place = document.rows[i].place
            for role in Role.allCases {
                let cell = role == .lead ? document.rows[i].leadCell : document.rows[i].supportCell
                var resolved = normaliser.resolve(cell)
                if qualifiesLevelNames, let place = Self.jurisdiction(ofTitle: document.document.title) {
                    for k in resolved.names.indices where !resolved.names[k].known {
                        let qualified = Self.qualified(resolved.names[k].name, place: place)
                        if qualified != resolved.names[k].name {
                            resolved.names[k] = ResolvedAgencyName(name: registry.canonicalName(of: qualified) ?? qualified,
                                                                   written: resolved.names[k].written, known: registry.knows(qualified))
                        }
                    }
                }
                // Names the registry does not know keep the document's spelling (traditional characters).
                if !document.rows[i].spellings.isEmpty {
                    for k in resolved.names.indices where !resolved.names[k].known {
                        if let spelled = document.rows[i].spellings[resolved.names[k].name] { resolved.names[k].name = spelled }
                    }
                }
                // A name holding U+FFFD (bytes its file did not encode validly) or a control character
                // (&#0; in XML) is kept, its control characters removed, and its row marked.
                // (A name the registry knows is clean: only the others are looked at, off the hot path.)
                for k in resolved.names.indices where !resolved.names[k].known && resolved.names[k].name.unicodeScalars.contains(where: Self.isSuspect) {
                    let written = resolved.names[k].name
                    resolved.names[k].name = String(String.UnicodeScalarView(written.unicodeScalars.filter { $0.properties.generalCategory != .control }))
                    var d = ImportDiagnostic(.warning, file: document.file, line: line, code: .badCharacters,
                        "\(role == .lead ? "牵头单位" : "配合单位"): '\(written.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())' holds \(written.contains("\u{FFFD}") ? "U+FFFD, bytes the file did not encode validly" : "control characters (removed)"); check the name against the source")
                    d.place = place
                    document.diagnostics.append(d)
                }
                let names = resolved.names.map(\.name)
                if names.isEmpty, resolved.rejected.isEmpty, cell.unicodeScalars.contains(where: { !$0.isBlank }) {
                    var d = ImportDiagnostic(.warning, file: document.file, line: line, code: .emptyNames,
                        "the \(role == .lead ? "牵头单位" : "配合单位") cell '\(cell)' names no agency (only punctuation)")
                    d.place = place
                    document.diagnostics.append(d)
                }
                if role == .lead { document.rows[i].leads = names } else { document.rows[i].supporters = names }
                for part in resolved.rejected {
                    var d = ImportDiagnostic(.warning, file: document.file, line: line, code: .notAName,
                        "\(role == .lead ? "牵头单位" : "配合单位"): '\(part)' is not an agency name (a sentence's words); left out of the graph: check the row")
                    d.place = place
                    document.diagnostics.append(d)
                }
                for repair in resolved.repairs {
                    var d = ImportDiagnostic(.note, file: document.file, line: line, code: .nameRepair,
                        "\(role == .lead ? "牵头单位" : "配合单位"): \(repair)")
                    d.place = place
                    document.diagnostics.append(d)
                }
                for name in resolved.names where !name.known {
                    // A name whose kind no rule tells is doubtful on every row that holds it.
                    if let unknownKind = reported[name.name] {
                        if unknownKind == 1 { ReviewMarks.add(.unknownAgency, to: &document.rows[i]) }
                        continue
                    }
                    var d: ImportDiagnostic
                    let inferred = memo.kind(of: name.name)
                    reported.insert(name.name, value: inferred == nil ? 1 : 0)
                    if let (kind, rule) = inferred {
                        d = ImportDiagnostic(.note, file: document.file, line: line, code: .unknownAgency,
                            "'\(name.name)' is not in the agency registry; kind \(kind.rawValue) inferred (\(rule))")
                    } else {
                        d = ImportDiagnostic(.warning, file: document.file, line: line, code: .unknownAgency,
                            "'\(name.name)' is not in the agency registry and its name fits no kind rule; kept with kind unknown")
                    }
                    d.place = place
                    document.diagnostics.append(d)
                }
            }
            if document.rows[i].firstListedLeads, document.rows[i].leads.count > 1 {
                let rest = document.rows[i].leads.dropFirst()
                document.rows[i].leads = [document.rows[i].leads[0]]
                document.rows[i].supporters = rest.filter { !document.rows[i].supporters.contains($0) } + document.rows[i].supporters
            }
            // An agency named as lead is not also its own supporter.
            if !document.rows[i].leads.isEmpty, !document.rows[i].supporters.isEmpty {
                let leads = document.rows[i].leads
                if document.rows[i].supporters.contains(where: leads.contains) {
                    document.rows[i].supporters.removeAll { leads.contains($0) }
                }
            }
        }
    }
}
