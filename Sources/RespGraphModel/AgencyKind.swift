/// What sort of body an agency is; every agency of a graph has exactly one kind.
public enum AgencyKind: String, Sendable, CaseIterable, Comparable {
    /// A department of the regional government: 自治区…厅/局/委/办.
    case regionalDepartment = "regional-department"
    /// A Party organ: 自治区党委…部/办, 纪委监委.
    case partyOrgan = "party-organ"
    /// A central-government body in the province: 南宁海关, 广西税务局, 人民银行的分行, 金融监管局….
    case centralBody = "central-body"
    /// A court or procuratorate: 高级法院, 检察院.
    case judicial = "judicial"
    /// An enterprise: 广西电网公司, 北部湾港务集团….
    case enterprise = "enterprise"
    /// A city or county government named individually: 南宁市人民政府.
    case municipalGovernment = "municipal-government"
    /// A people's organisation or chamber: 工商联, 贸促会.
    case association = "association"
    /// A placeholder for many bodies: 各市、县人民政府, 自治区各行业主管部门, …其他成员单位.
    case collective = "collective"
    /// A name the registry does not know.
    case unknown = "unknown"

    /// A short Chinese label for tables and legends.
    public var chineseName: String {
        switch self {
        case .regionalDepartment: "自治区部门"
        case .partyOrgan: "党委机构"
        case .centralBody: "中央驻桂单位"
        case .judicial: "司法机关"
        case .enterprise: "企业"
        case .municipalGovernment: "市县政府"
        case .association: "人民团体"
        case .collective: "集合主体"
        case .unknown: "未登记"
        }
    }

    /// Orders by declaration order.
    public static func < (a: AgencyKind, b: AgencyKind) -> Bool {
        let all = AgencyKind.allCases
        return all.firstIndex(of: a)! < all.firstIndex(of: b)!
    }
}
