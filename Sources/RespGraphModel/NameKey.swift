#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A dictionary key for agency names that hashes and compares the UTF-8 bytes.
///
/// Swift's `String` hashing normalises non-ASCII text (NFC) on every hash, which dominates lookups
/// of Chinese names at national scale. Names in respgraph are compared as exact UTF-8 byte
/// sequences (the same name written in a different Unicode normal form is a different name).
public struct NameKey: Hashable, Sendable {
    /// The name.
    public let name: String

    /// Wraps a name.
    @inlinable public init(_ name: String) { self.name = name }

    /// Hashes the UTF-8 bytes.
    @inlinable public func hash(into hasher: inout Hasher) {
        var copy = name
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Compares the UTF-8 bytes.
    @inlinable public static func == (a: NameKey, b: NameKey) -> Bool {
        var x = a.name, y = b.name
        return x.withUTF8 { bx in
            y.withUTF8 { by in
                bx.count == by.count && (bx.count == 0 || memcmp(bx.baseAddress!, by.baseAddress!, bx.count) == 0)
            }
        }
    }
}
