/// The part an agency plays in a task: 牵头单位 (lead) or 配合单位 (support).
public enum Role: UInt8, Sendable, CaseIterable, Comparable {
    /// 牵头单位: accountable for the task.
    case lead = 0
    /// 配合单位: contributes to the task.
    case support = 1

    /// `lead` or `support`, as written in every export.
    public var name: String { self == .lead ? "lead" : "support" }
    /// 牵头 or 配合.
    public var chineseName: String { self == .lead ? "牵头" : "配合" }
    /// Orders lead before support.
    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}
