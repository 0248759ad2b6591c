import RespGraphModel

/// Infers the kind of an agency nobody registered from its name, by stated rules tried in order.
///
/// 1. collective: begins 各/有关/相关/其他/…直, or ends …有关部门/…成员单位;
/// 2. association: 共青团, 团…委, 工会, 妇联, 科协, 残联, 侨联, 文联, 工商联, 红十字会, 贸促会;
/// 3. judicial: 法院, 检察院;
/// 4. party organ: 党委/省委/市委/县委/区委/州委/纪委/中共/中央… ending 部, 办, 委, 室;
/// 5. enterprise: 公司, 集团, 有限, 电网;
/// 6. central body in the province: 海关, 税务, 人民银行, 金融监管, 证监, 银保监, 海事, 消防救援,
///    通信管理, 邮政管理, 气象, 调查总队, 外汇管理, 铁路, 民航, 烟草;
/// 7. government: ends 人民政府, 政府, 管委会, 管理委员会;
/// 8. department or public institution: ends 厅, 局, 委, 办, 中心, 署, 部, 院, 队, 小组, 大学, 医院.
/// A name no rule matches stays `unknown`.
public enum AgencyKindInference {
    /// The inferred kind and the rule that gave it, or nil when no rule applies. Words are compared
    /// byte for byte in UTF-8, as the recognisers compare them.
    public static func infer(_ name: String) -> (kind: AgencyKind, rule: String)? {
        let n = TraditionalChinese.simplified(name)
        if ["各", "有关", "相关", "其他", "其它", "区直", "省直", "市直", "县直", "旗直"].contains(where: { n.startsInUTF8(with: $0) })
            || ["有关部门", "相关部门", "成员单位", "有关单位", "相关单位", "各部门"].contains(where: { n.endsInUTF8(with: $0) }) {
            return (.collective, "a collective: 各…, 有关…, …成员单位")
        }
        if n.startsInUTF8(with: "共青团") || n.startsInUTF8(with: "团") && n.endsInUTF8(with: "委")
            || ["工会", "妇联", "科协", "残联", "侨联", "文联", "工商联", "红十字会", "贸促会", "作协", "社科联", "总工会", "妇女联合会", "供销合作社", "供销合作总社", "供销社"].contains(where: { n.endsInUTF8(with: $0) }) {
            return (.association, "a people's organisation: 共青团, 工会, 妇联, 科协, 工商联…")
        }
        if n.holds("法院") || n.holds("检察院") { return (.judicial, "a court or procuratorate: 法院, 检察院") }
        if ["党委", "省委", "市委", "县委", "区委", "州委", "旗委", "盟委", "纪委", "中共", "中央"].contains(where: { n.holds($0) })
            && ["部", "办", "委", "室", "工委", "办公室"].contains(where: { n.endsInUTF8(with: $0) }) {
            return (.partyOrgan, "a Party organ: …党委/省委/市委/县委…部、办、委")
        }
        if ["公司", "集团", "有限", "电网"].contains(where: { n.holds($0) }) { return (.enterprise, "an enterprise: 公司, 集团") }
        if ["海关", "税务", "人民银行", "金融监管", "证监", "银保监", "海事局", "消防救援", "通信管理局", "邮政管理局", "气象局",
            "调查总队", "外汇管理", "铁路局", "民航", "烟草", "国家金融", "人行", "支行", "分行"].contains(where: { n.holds($0) }) {
            return (.centralBody, "a central body in the province: 海关, 税务, 人民银行, 金融监管…")
        }
        if ["人民政府", "政府", "管委会", "管理委员会", "行政公署"].contains(where: { n.endsInUTF8(with: $0) }) {
            return (.municipalGovernment, "a government: …人民政府, …管委会")
        }
        if ["厅", "局", "委", "办", "办公室", "中心", "委员会", "署", "部", "院", "队", "处", "室", "小组", "工作组", "大学", "学院", "学校", "医院"].contains(where: { n.endsInUTF8(with: $0) }) {
            return (.regionalDepartment, "a government department: …厅, …局, …委, …办")
        }
        return nil
    }
}
