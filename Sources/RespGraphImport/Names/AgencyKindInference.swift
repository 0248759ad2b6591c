import RespGraphModel

/// Infers the kind of an agency nobody registered from its name, by the rules of
/// ``Lexicon/kindRules`` tried in order:
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
        for rule in Lexicon.kindRules {
            let named = rule.begins.contains { n.startsInUTF8(with: $0) } || rule.holds.contains { n.holds($0) }
                || rule.ends.contains { n.endsInUTF8(with: $0) }
            if named, rule.alsoEnds.map({ $0.contains { n.endsInUTF8(with: $0) } }) ?? true { return (rule.kind, rule.reason) }
        }
        return nil
    }
}
