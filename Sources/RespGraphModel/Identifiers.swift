/// A compact index of an agency in a ``ResponsibilityGraph``; it indexes the graph's agency arrays directly.
public struct AgencyID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index into the graph's agency arrays.
    public let rawValue: Int32
    /// Wraps an array index.
    public init(_ index: Int) { rawValue = Int32(truncatingIfNeeded: index) }
    /// The index as an `Int`, for subscripting.
    @inlinable public var index: Int { Int(rawValue) }
    /// Orders by index.
    public static func < (a: AgencyID, b: AgencyID) -> Bool { a.rawValue < b.rawValue }
    /// `a12`: the form used for plain-ASCII node ids in exports.
    public var description: String { "a\(rawValue)" }
}

/// A compact index of a task in a ``ResponsibilityGraph``; it indexes the graph's task arrays directly.
public struct TaskID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index into the graph's task arrays.
    public let rawValue: Int32
    /// Wraps an array index.
    public init(_ index: Int) { rawValue = Int32(truncatingIfNeeded: index) }
    /// The index as an `Int`, for subscripting.
    @inlinable public var index: Int { Int(rawValue) }
    /// Orders by index.
    public static func < (a: TaskID, b: TaskID) -> Bool { a.rawValue < b.rawValue }
    /// `t7`: the index form; user-facing keys are ``PlanTask/key``.
    public var description: String { "t\(rawValue)" }
}

/// A compact index of a document in a ``ResponsibilityGraph``.
public struct DocumentID: Hashable, Comparable, Sendable {
    /// The index into the graph's document array.
    public let rawValue: Int32
    /// Wraps an array index.
    public init(_ index: Int) { rawValue = Int32(truncatingIfNeeded: index) }
    /// The index as an `Int`, for subscripting.
    @inlinable public var index: Int { Int(rawValue) }
    /// Orders by index.
    public static func < (a: DocumentID, b: DocumentID) -> Bool { a.rawValue < b.rawValue }
}
