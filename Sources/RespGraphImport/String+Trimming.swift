import Foundation

extension StringProtocol {
    /// The text without whitespace and line breaks at either end.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
