import Foundation
import RespGraphModel

/// A document's place (its jurisdiction) and the names that carry only a level.
extension Importer {
    /// The place a document's title names first: a province (山东省), a city, county or district
    /// (包头市, 某县), or nil (national documents, or no place in the title).
    public static func jurisdiction(ofTitle title: String) -> String? {
        let chars = Array(title.prefix(12))
        if let p = AgencyNameNormaliser.provinces.first(where: { title.hasPrefix($0) }) {
            let rest = title.dropFirst(p.count)
            for suffix in Lexicon.provinceSuffixes where rest.hasPrefix(suffix) { return p + suffix }
            return p
        }
        for i in 1..<min(chars.count, 8) where AgencyNameNormaliser.placeMarkers.contains(chars[i]) {
            let word = String(chars[max(0, i - 1)...min(chars.count - 1, i + 1)])
            if AgencyNameNormaliser.markerWords.contains(where: { word.contains($0) }) { return nil }
            return String(chars[0...i])
        }
        return nil
    }

    /// A name that carries only its level, qualified by the document's place when the levels agree:
    /// 省财政厅 in a 山东省 plan → 山东省财政厅; 市审批服务局 in a 包头市 one → 包头市审批服务局.
    static func qualified(_ name: String, place: String) -> String {
        guard let level = name.first, AgencyNameNormaliser.placeMarkers.contains(level),
              !AgencyNameNormaliser.markerWords.contains(where: { name.hasPrefix($0) }) else { return name }
        if place.hasSuffix(String(level)) { return place + name.dropFirst() }
        if place.hasSuffix("自治区"), name.hasPrefix("自治区") { return place + name.dropFirst(3) }
        return name
    }

    /// Warns when documents of different places name the same agency by its level alone (省财政厅 in a
    /// Shandong and an Anhui plan): they are read as one agency, which a researcher must know.
    ///
    /// - Complexity: O(E) dictionary look-ups for E name occurrences; each distinct name's shape is
    ///   judged once.
    static func warnOfSharedLevelNames(_ documents: inout [ImportedDocument]) {
        // Each distinct name gets a number once; per name, whether it carries only a level, the last
        // document it was counted for, and the first document of each place that names it.
        var number: [NameKey: Int] = [:]
        var levelOnly: [Bool] = [], lastDocument: [Int] = [], byPlace: [[Int: Int]] = []
        var placeNumber: [String: Int] = [:], placeNames: [String] = []
        for i in documents.indices {
            guard let placeName = jurisdiction(ofTitle: documents[i].document.title) else { continue }
            let place = placeNumber[placeName] ?? placeNames.count
            if place == placeNames.count { placeNumber[placeName] = place; placeNames.append(placeName) }
            documents[i].rows.withUnsafeBufferPointer { rows in
                for r in rows.indices {
                    for role in 0..<2 {
                        for name in role == 0 ? rows[r].leads : rows[r].supporters {
                            let k: Int
                            if let known = number[NameKey(name)] { k = known } else {
                                k = levelOnly.count
                                number[NameKey(name)] = k
                                levelOnly.append(AgencyNameNormaliser.placeMarkers.contains(name.first ?? " ")
                                                 && !AgencyNameNormaliser.markerWords.contains(where: { name.hasPrefix($0) }))
                                lastDocument.append(-1)
                                byPlace.append([:])
                            }
                            guard levelOnly[k], lastDocument[k] != i else { continue }
                            lastDocument[k] = i
                            if byPlace[k][place] == nil { byPlace[k][place] = i }
                        }
                    }
                }
            }
        }
        var places: [(name: String, byPlace: [String: Int])] = []
        for (key, k) in number where byPlace[k].count > 1 {
            places.append((key.name, Dictionary(uniqueKeysWithValues: byPlace[k].map { (placeNames[$0.key], $0.value) })))
        }
        let sortedPlaces = places.sorted { $0.name < $1.name }
        for (name, byPlace) in sortedPlaces {
            let list = byPlace.sorted { $0.value < $1.value }
            let i = list[1].value
            documents[i].diagnostics.append(ImportDiagnostic(.warning, file: documents[i].file, line: 0, code: .sharedLevelName,
                "'\(name)' is named by documents of \(list.map(\.key).joined(separator: " and ")); they are read as one agency. "
                    + "--qualify-names reads them as \(list.map { "\($0.key)\(name.dropFirst())" }.joined(separator: " and ")) to keep "
                    + "them apart"))
        }
    }
}
