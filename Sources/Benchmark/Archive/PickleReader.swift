/// A safe reader for the small part of Python's pickle format (protocols 2–5) that NATS-Bench files use.
///
/// It is a stack machine that builds plain data, never objects: the only globals it accepts are
/// `collections.OrderedDict` (read as a dict), `numpy.dtype` and `numpy.core.multiarray.scalar` (a float64).
/// Anything else — another global, an unsupported opcode, a wrong type, truncated input — is an
/// `InputError` naming the file and the byte offset in the pickle. Work and memory grow linearly with the
/// input: values live in an arena (so memo references share rather than copy), and turning the arena into
/// a `PickleValue` is capped in depth and in the number of values produced.
public struct PickleReader {
    /// Bounds on the output; the input itself is bounded by whoever supplies the bytes.
    public struct Limits: Sendable {
        /// Deepest nesting of containers (NATS-Bench files nest 6 deep).
        public var maxDepth: Int
        /// Most values produced per input byte (shared values count once per use).
        public var valuesPerByte: Int

        public init(maxDepth: Int = 64, valuesPerByte: Int = 2) {
            self.maxDepth = maxDepth
            self.valuesPerByte = valuesPerByte
        }
    }

    /// Reads one pickle that fills `bytes` exactly.
    public static func read(_ bytes: [UInt8], file: String, limits: Limits = Limits()) throws(InputError) -> PickleValue {
        var machine = PickleMachine(bytes: bytes, file: file, maxDepth: limits.maxDepth)
        let root = try machine.run()
        var budget = limits.valuesPerByte * bytes.count + 1024
        return try machine.materialize(root, depth: 0, budget: &budget)
    }
}

/// The callables a pickle may name; see `PickleReader`.
private enum AllowedGlobal {
    case orderedDict, dtype, scalar

    init?(module: String, name: String) {
        switch (module, name) {
        case ("collections", "OrderedDict"): self = .orderedDict
        case ("numpy", "dtype"): self = .dtype
        case ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"): self = .scalar
        default: return nil
        }
    }
}

private enum ContainerKind { case list, tuple, set, dict }

/// One arena entry. Containers keep their children (node ids; a dict alternates key and value) in
/// `PickleMachine.children` so that appending mutates in place.
private enum Node {
    case leaf(PickleValue)
    case container(ContainerKind, slot: Int)
    case callable(AllowedGlobal)
}

private enum Opcode {
    static let mark: UInt8 = 0x28, stop: UInt8 = 0x2E, binint: UInt8 = 0x4A, binint1: UInt8 = 0x4B,
               binint2: UInt8 = 0x4D, none: UInt8 = 0x4E, reduce: UInt8 = 0x52, binunicode: UInt8 = 0x58,
               append: UInt8 = 0x61, build: UInt8 = 0x62, emptyDict: UInt8 = 0x7D, appends: UInt8 = 0x65,
               binget: UInt8 = 0x68, longBinget: UInt8 = 0x6A, emptyList: UInt8 = 0x5D, setitem: UInt8 = 0x73,
               tuple: UInt8 = 0x74, emptyTuple: UInt8 = 0x29, setitems: UInt8 = 0x75, binfloat: UInt8 = 0x47,
               proto: UInt8 = 0x80, tuple1: UInt8 = 0x85, tuple2: UInt8 = 0x86, tuple3: UInt8 = 0x87,
               newtrue: UInt8 = 0x88, newfalse: UInt8 = 0x89, shortBinbytes: UInt8 = 0x43,
               shortBinunicode: UInt8 = 0x8C, emptySet: UInt8 = 0x8F, additems: UInt8 = 0x90,
               stackGlobal: UInt8 = 0x93, memoize: UInt8 = 0x94, frame: UInt8 = 0x95
}

private struct PickleMachine {
    let bytes: [UInt8]
    let file: String
    let maxDepth: Int
    var position = 0
    /// Start of the opcode being executed, for error offsets.
    var opcodeStart = 0
    var nodes: [Node] = []
    /// Byte offset of the opcode that created each node.
    var origins: [Int] = []
    var children: [[Int]] = []
    var stack: [Int] = []
    /// Stack heights at each open MARK (Python's metastack).
    var marks: [Int] = []
    var memo: [Int] = []

    init(bytes: [UInt8], file: String, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
    }

    func fail(_ message: String, at offset: Int? = nil) -> InputError {
        InputError(.invalid, file: file, byteOffset: offset ?? opcodeStart, message: "pickle: \(message)")
    }

    // MARK: Reading operands

    mutating func take(_ count: Int) throws(InputError) -> ArraySlice<UInt8> {
        guard count <= bytes.count - position else {
            throw fail("the data ends inside an opcode's argument (truncated)", at: bytes.count)
        }
        defer { position += count }
        return bytes[position..<position + count]
    }

    /// A little-endian unsigned integer of `count` bytes.
    mutating func unsigned(_ count: Int) throws(InputError) -> UInt64 {
        try take(count).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func text(length: Int) throws(InputError) -> String {
        guard let text = String(validating: try take(length), as: UTF8.self) else {
            throw fail("a string is not valid UTF-8")
        }
        return text
    }

    // MARK: The stack

    mutating func push(_ node: Node) {
        nodes.append(node)
        origins.append(opcodeStart)
        stack.append(nodes.count - 1)
    }

    mutating func pushContainer(_ kind: ContainerKind, _ items: [Int] = []) {
        children.append(items)
        push(.container(kind, slot: children.count - 1))
    }

    mutating func pop() throws(InputError) -> Int {
        guard stack.count > (marks.last ?? 0) else { throw fail("stack underflow") }
        return stack.removeLast()
    }

    func top() throws(InputError) -> Int {
        guard let last = stack.last, stack.count > (marks.last ?? 0) else { throw fail("stack underflow") }
        return last
    }

    /// The items pushed since the last MARK, which is removed.
    mutating func popMark() throws(InputError) -> [Int] {
        guard let height = marks.popLast() else { throw fail("no MARK to pop to") }
        defer { stack.removeSubrange(height...) }
        return Array(stack[height...])
    }

    /// The slot of container `id` when it is of `kind`.
    func slot(of id: Int, _ kind: ContainerKind, for opcode: String) throws(InputError) -> Int {
        guard case .container(kind, let slot) = nodes[id] else {
            throw fail("\(opcode) needs a \(kind) but found \(describe(id))")
        }
        return slot
    }

    func describe(_ id: Int) -> String {
        switch nodes[id] {
        case .leaf(let value): value.typeName
        case .container(let kind, _): "\(kind)"
        case .callable: "a global"
        }
    }

    /// Python refuses unhashable dict keys and set items; so does this reader.
    func requireHashable(_ id: Int, depth: Int = 0) throws(InputError) {
        switch nodes[id] {
        case .leaf: return
        case .container(.tuple, let slot) where depth < maxDepth:
            for item in children[slot] { try requireHashable(item, depth: depth + 1) }
        default:
            throw fail("unhashable \(describe(id)) used as a dict key or set item")
        }
    }

    // MARK: Execution

    /// Runs to STOP and returns the node id of the result.
    mutating func run() throws(InputError) -> Int {
        while position < bytes.count {
            opcodeStart = position
            let opcode = bytes[position]
            position += 1
            if opcode == Opcode.stop {
                guard marks.isEmpty, stack.count == 1 else {
                    throw fail("STOP with \(stack.count) values and \(marks.count) open MARKs on the stack (expected one value)")
                }
                guard position == bytes.count else {
                    throw fail("\(bytes.count - position) bytes follow the pickle's STOP", at: position)
                }
                return stack[0]
            }
            try execute(opcode)
        }
        throw fail("the data ends before the pickle's STOP opcode (truncated)", at: bytes.count)
    }

    mutating func execute(_ opcode: UInt8) throws(InputError) {
        switch opcode {
        case Opcode.proto:
            let version = try unsigned(1)
            guard (2...5).contains(version) else { throw fail("unsupported pickle protocol \(version) (expected 2 to 5)") }
        case Opcode.frame:
            let length = try unsigned(8)
            guard length <= UInt64(bytes.count - position) else {
                throw fail("a FRAME of \(length) bytes runs past the end of the data (truncated)", at: bytes.count)
            }
        case Opcode.mark: marks.append(stack.count)
        case Opcode.none: push(.leaf(.none))
        case Opcode.newtrue: push(.leaf(.bool(true)))
        case Opcode.newfalse: push(.leaf(.bool(false)))
        case Opcode.binint: push(.leaf(.int(Int(Int32(truncatingIfNeeded: try unsigned(4))))))
        case Opcode.binint1: push(.leaf(.int(Int(try unsigned(1)))))
        case Opcode.binint2: push(.leaf(.int(Int(try unsigned(2)))))
        case Opcode.binfloat:
            let bits = try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }  // big-endian
            push(.leaf(.float(Double(bitPattern: bits))))
        case Opcode.shortBinunicode: push(.leaf(.string(try text(length: Int(try unsigned(1))))))
        case Opcode.binunicode: push(.leaf(.string(try text(length: Int(try unsigned(4))))))
        case Opcode.shortBinbytes: push(.leaf(.bytes(Array(try take(Int(try unsigned(1)))))))
        case Opcode.emptyList: pushContainer(.list)
        case Opcode.emptyTuple: pushContainer(.tuple)
        case Opcode.emptyDict: pushContainer(.dict)
        case Opcode.emptySet: pushContainer(.set)
        case Opcode.tuple: pushContainer(.tuple, try popMark())
        case Opcode.tuple1, Opcode.tuple2, Opcode.tuple3:
            var items: [Int] = []
            for _ in 0...Int(opcode - Opcode.tuple1) { items.insert(try pop(), at: 0) }
            pushContainer(.tuple, items)
        case Opcode.append:
            let item = try pop()
            children[try slot(of: try top(), .list, for: "APPEND")].append(item)
        case Opcode.appends:
            let items = try popMark()
            children[try slot(of: try top(), .list, for: "APPENDS")].append(contentsOf: items)
        case Opcode.setitem:
            let value = try pop(), key = try pop()
            try requireHashable(key)
            children[try slot(of: try top(), .dict, for: "SETITEM")].append(contentsOf: [key, value])
        case Opcode.setitems:
            let items = try popMark()
            guard items.count % 2 == 0 else { throw fail("SETITEMS with an odd number of keys and values") }
            for key in stride(from: 0, to: items.count, by: 2) { try requireHashable(items[key]) }
            children[try slot(of: try top(), .dict, for: "SETITEMS")].append(contentsOf: items)
        case Opcode.additems:
            let items = try popMark()
            for item in items { try requireHashable(item) }
            children[try slot(of: try top(), .set, for: "ADDITEMS")].append(contentsOf: items)
        case Opcode.memoize: memo.append(try top())
        case Opcode.binget: try recall(Int(try unsigned(1)))
        case Opcode.longBinget: try recall(Int(try unsigned(4)))
        case Opcode.stackGlobal: try loadGlobal()
        case Opcode.reduce: try reduce()
        case Opcode.build: try build()
        default:
            let printable = (0x21...0x7E).contains(opcode) ? " ('\(Character(Unicode.Scalar(opcode)))')" : ""
            throw fail("unsupported opcode 0x\(String(opcode, radix: 16, uppercase: true))\(printable)",
                       hint: "nasreach reads only the opcodes NATS-Bench archive files use")
        }
    }

    func fail(_ message: String, hint: String) -> InputError {
        InputError(.invalid, file: file, byteOffset: opcodeStart, message: "pickle: \(message)", hint: hint)
    }

    mutating func recall(_ index: Int) throws(InputError) {
        guard index < memo.count else { throw fail("memo entry \(index) was never stored") }
        stack.append(memo[index])
    }

    mutating func loadGlobal() throws(InputError) {
        let nameId = try pop(), moduleId = try pop()
        guard case .leaf(.string(let name)) = nodes[nameId], case .leaf(.string(let module)) = nodes[moduleId] else {
            throw fail("STACK_GLOBAL needs two strings but found \(describe(moduleId)) and \(describe(nameId))")
        }
        guard let global = AllowedGlobal(module: module, name: name) else {
            throw fail("refusing to load the global \(module).\(name)",
                       hint: "only collections.OrderedDict, numpy.dtype and numpy.core.multiarray.scalar are allowed; a NATS-Bench archive needs nothing else")
        }
        push(.callable(global))
    }

    mutating func reduce() throws(InputError) {
        let argsId = try pop(), callableId = try pop()
        guard case .callable(let global) = nodes[callableId] else {
            throw fail("REDUCE needs a global to call but found \(describe(callableId))")
        }
        let args = try tupleItems(argsId, for: "REDUCE")
        switch global {
        case .orderedDict:
            guard args.isEmpty else { throw fail("OrderedDict called with \(args.count) arguments (expected none)") }
            pushContainer(.dict)
        case .dtype:
            guard let first = args.first, case .leaf(.string(let name)) = nodes[first] else {
                throw fail("numpy.dtype needs a type name as its first argument")
            }
            push(.leaf(.dtype(name)))
        case .scalar:
            guard args.count == 2, case .leaf(.dtype(let type)) = nodes[args[0]], case .leaf(.bytes(let raw)) = nodes[args[1]] else {
                throw fail("numpy scalar needs (dtype, bytes) arguments")
            }
            push(.leaf(.float(try float64(type: type, raw: raw))))
        }
    }

    /// A numpy float64 scalar's value; `type` carries a leading `>` when BUILD declared it big-endian.
    func float64(type: String, raw: [UInt8]) throws(InputError) -> Double {
        let bigEndian = type.hasPrefix(">")
        guard ["f8", "<f8", ">f8", "float64"].contains(type), raw.count == 8 else {
            throw fail("numpy scalar of dtype '\(type)' with \(raw.count) bytes is not supported (expected a float64 of 8 bytes)")
        }
        let ordered = bigEndian ? raw : raw.reversed()
        return Double(bitPattern: ordered.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    mutating func build() throws(InputError) {
        let stateId = try pop(), targetId = try top()
        guard case .leaf(.dtype(let name)) = nodes[targetId] else {
            throw fail("BUILD is supported only on numpy.dtype but found \(describe(targetId))")
        }
        let state = try tupleItems(stateId, for: "BUILD")
        if state.count > 1, case .leaf(.string(">")) = nodes[state[1]], !name.hasPrefix(">") {
            nodes[targetId] = .leaf(.dtype(">" + name))
        }
    }

    func tupleItems(_ id: Int, for opcode: String) throws(InputError) -> [Int] {
        children[try slot(of: id, .tuple, for: opcode)]
    }

    // MARK: Output

    /// The value of node `id`, spending one unit of `budget` per value produced.
    func materialize(_ id: Int, depth: Int, budget: inout Int) throws(InputError) -> PickleValue {
        budget -= 1
        guard budget >= 0 else {
            throw fail("the pickle expands to too many values (shared containers repeated too often)", at: origins[id])
        }
        switch nodes[id] {
        case .leaf(let value):
            return value
        case .callable:
            throw fail("a bare global is not a value", at: origins[id])
        case .container(let kind, let slot):
            guard depth < maxDepth else {
                throw fail("containers nest more than \(maxDepth) deep (or refer to themselves)", at: origins[id])
            }
            var items: [PickleValue] = []
            items.reserveCapacity(children[slot].count)
            for child in children[slot] { items.append(try materialize(child, depth: depth + 1, budget: &budget)) }
            switch kind {
            case .list: return .list(items)
            case .tuple: return .tuple(items)
            case .set: return .set(items)
            case .dict:
                return .dict(stride(from: 0, to: items.count, by: 2).map { PickleValue.Entry(key: items[$0], value: items[$0 + 1]) })
            }
        }
    }
}
