/// Whether a phrase is shaped like an agency name, for telling an assignment clause from a
/// parenthetical remark. A shape test, not a registry lookup: it knows the endings agency names
/// have (…厅, …局, …委, …人民政府, …公司) and the forms of collectives (各…, 有关…).
public enum AgencyNameShape {
    /// Endings of agency names.
    static let endings = Lexicon.agencyEndings
    /// Beginnings of collectives.
    static let collectiveBeginnings = Lexicon.collectiveBeginnings

    /// The items of an agency list: split on `，；` and `、` outside brackets (keeping 市、县 whole), and at
    /// 及/以及/和/与 between two names (市场监管总局及相关地区).
    public static func items(of list: String) -> [String] {
        AgencyNameNormaliser.split(list, separators: ["，", ",", "；", ";"]).flatMap {
            AgencyNameNormaliser.expandingSharedSuffix(AgencyNameNormaliser.split($0,
                separators: ["、"]).map { $0.trimmed }.filter { !$0.isEmpty }) { _ in false }
                .flatMap(AgencyNameNormaliser.splittingAtConjunction)
        }
    }

    /// Whether one item is shaped like an agency or a collective.
    public static func looksLikeAgency(_ item: String) -> Bool {
        let t = item.trimmed
        guard t.count >= 2, t.count <= 40 else { return false }
        if t.contains(where: { "。！？：:“”\"".contains($0) }) { return false }
        if t.holds("的") && !t.hasSuffix("单位") && !t.hasSuffix("部门") { return false }
        if collectiveBeginnings.contains(where: { t.hasPrefix($0) }) { return true }
        return endings.contains { t.hasSuffix($0) }
    }

    /// Whether every item of a list looks like an agency.
    public static func looksLikeAgencyList(_ list: String) -> Bool {
        let i = items(of: list)
        return !i.isEmpty && i.allSatisfy(looksLikeAgency)
    }
}
