/// A Python value read from a pickle by `PickleReader`: plain data only, never live objects.
public enum PickleValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case bytes([UInt8])
    case list([PickleValue])
    case tuple([PickleValue])
    case set([PickleValue])
    /// A dict (or `collections.OrderedDict`) as its entries in insertion order.
    case dict([Entry])
    /// A `numpy.dtype`, kept by name (e.g. `f8`) only so that `numpy` scalars can check their type.
    case dtype(String)

    public struct Entry: Sendable, Equatable {
        public let key: PickleValue
        public let value: PickleValue
    }

    /// The value stored under `key` when this is a dict (the last one, as Python keeps, if a pickle repeats a key).
    public subscript(key: PickleValue) -> PickleValue? {
        guard case .dict(let entries) = self else { return nil }
        return entries.last { $0.key == key }?.value
    }

    public subscript(key: String) -> PickleValue? { self[.string(key)] }

    /// Python's name for the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .none: "None"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "str"
        case .bytes: "bytes"
        case .list: "list"
        case .tuple: "tuple"
        case .set: "set"
        case .dict: "dict"
        case .dtype: "numpy.dtype"
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// A float, or an int widened to one (Python code mixes the two freely).
    public var doubleValue: Double? {
        switch self {
        case .float(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }

    /// The items of a list, tuple or set.
    public var elements: [PickleValue]? {
        switch self {
        case .list(let items), .tuple(let items), .set(let items): items
        default: nil
        }
    }

    public var entries: [Entry]? {
        if case .dict(let entries) = self { return entries }
        return nil
    }
}
