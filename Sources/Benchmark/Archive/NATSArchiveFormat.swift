import SearchSpace
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a NATS-Bench topology archive holds and how its pickles are laid out.
enum NATSArchiveFormat {
    static let metaName = "meta.pickle.pbz2"
    static let schedules = [200, 12]
    /// The splits every architecture has, per dataset, in the order metrics are listed.
    static let datasets: [(name: String, splits: [String])] = [
        ("cifar10-valid", ["x-valid", "ori-test"]),
        ("cifar10", ["ori-test"]),
        ("cifar100", ["x-valid", "x-test", "ori-test"]),
        ("ImageNet16-120", ["x-valid", "x-test", "ori-test"]),
    ]

    /// One (schedule, dataset, split) read from every architecture file.
    struct Slot: Equatable {
        let epochs: Int
        let dataset: String
        let split: String
    }

    static let slots: [Slot] = schedules.flatMap { epochs in
        datasets.flatMap { dataset in dataset.splits.map { Slot(epochs: epochs, dataset: dataset.name, split: $0) } }
    }

    /// The file of architecture `index`: `%06d` as shipped, or `%d` as the NATS-Bench API also accepts.
    static func architectureFile(in directory: String, index: Int) -> String? {
        return [sixDigits(index), String(index)].lazy.map { "\(directory)/\($0).pickle.pbz2" }.first(where: isRegularFile)
    }

    /// `value` as at least six digits, as the archive names its files.
    static func sixDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func isRegularFile(_ path: String) -> Bool { fileType(path) == S_IFREG }
    static func isDirectory(_ path: String) -> Bool { fileType(path) == S_IFDIR }

    private static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The meta file's architectures, in API order.
    static func architectures(meta value: PickleValue, file: String) throws(InputError) -> [Cell] {
        func fail(_ message: String) -> InputError { InputError(.invalid, file: file, message: message) }
        guard value.entries != nil else { throw fail("the meta pickle is a \(value.typeName), expected a dict") }
        guard let list = value["meta_archs"]?.elements else { throw fail("the meta pickle has no 'meta_archs' list") }
        guard list.count == Cell.count else {
            throw fail("'meta_archs' lists \(list.count) architectures; the topology search space has \(Cell.count)")
        }
        if let total = value["total_archs"], total.intValue != Cell.count {
            throw fail("'total_archs' is \(describe(total)), expected \(Cell.count)")
        }
        var seen = [Int](repeating: -1, count: Cell.count)
        var cells: [Cell] = []
        cells.reserveCapacity(Cell.count)
        for (index, item) in list.enumerated() {
            guard let text = item.stringValue else { throw fail("'meta_archs'[\(index)] is a \(item.typeName), expected an arch string") }
            let cell: Cell
            do { cell = try ArchString.parse(text) } catch {
                throw fail("'meta_archs'[\(index)] is not an arch string (\(error.reason) at character \(error.offset))")
            }
            guard seen[cell.code] < 0 else { throw fail("'meta_archs' lists \(text) twice, at \(seen[cell.code]) and \(index)") }
            seen[cell.code] = index
            cells.append(cell)
        }
        return cells
    }

    /// One architecture's accuracies: per slot, (seed, accuracy) in the order its `dataset_seed` lists seeds.
    static func results(of value: PickleValue, index: Int, cell: Cell, file: String) throws(InputError) -> [[SeedAccuracy]] {
        func fail(_ message: String) -> InputError { InputError(.invalid, file: file, message: message) }
        func field(_ container: PickleValue, _ key: PickleValue, _ path: String) throws(InputError) -> PickleValue {
            guard container.entries != nil else { throw fail("\(path) is a \(container.typeName), expected a dict") }
            guard let value = container[key] else { throw fail("\(path) has no entry \(describe(key))") }
            return value
        }
        var perSchedule: [Int: PickleValue] = [:]
        for epochs in schedules {
            let path = "['\(epochs)']"
            let schedule = try field(value, .string(String(epochs)), "the architecture pickle")
            let archIndex = try field(schedule, "arch_index", path)
            guard archIndex.intValue == index else {
                throw fail("\(path)['arch_index'] is \(describe(archIndex)), expected \(index) (the file's name)")
            }
            let text = try field(schedule, "arch_str", path).stringValue
            guard text == ArchString.format(cell) else {
                throw fail("\(path)['arch_str'] is \(text ?? "not a string"), but the meta file lists \(ArchString.format(cell)) at index \(index)")
            }
            perSchedule[epochs] = schedule
        }
        return try slots.map { slot throws(InputError) -> [SeedAccuracy] in
            let path = "['\(slot.epochs)']"
            let schedule = perSchedule[slot.epochs]!
            let seedsPath = "\(path)['dataset_seed']['\(slot.dataset)']"
            let seedList = try field(try field(schedule, "dataset_seed", path), .string(slot.dataset), "\(path)['dataset_seed']")
            guard let seeds = seedList.elements?.compactMap(\.intValue), !seeds.isEmpty, seeds.count == seedList.elements?.count else {
                throw fail("\(seedsPath) is not a non-empty list of integer seeds")
            }
            let allResults = try field(schedule, "all_results", path)
            return try seeds.map { seed throws(InputError) -> SeedAccuracy in
                let runPath = "\(path)['all_results'][('\(slot.dataset)', \(seed))]"
                let run = try field(allResults, .tuple([.string(slot.dataset), .int(seed)]), "\(path)['all_results']")
                guard let epochs = try field(run, "epochs", runPath).intValue, epochs > 0 else {
                    throw fail("\(runPath)['epochs'] is not a positive integer")
                }
                let key = "\(slot.split)@\(epochs - 1)"
                let accuracy = try field(try field(run, "eval_acc1es", runPath), .string(key), "\(runPath)['eval_acc1es']")
                guard let percent = accuracy.doubleValue, percent.isFinite, (0...100).contains(percent) else {
                    throw fail("\(runPath)['eval_acc1es']['\(key)'] is \(describe(accuracy)), expected an accuracy from 0 to 100")
                }
                return SeedAccuracy(seed: seed, accuracy: percent + 0)
            }
        }
    }

    /// A short Python-like rendering of a scalar or tuple, for messages.
    private static func describe(_ value: PickleValue) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .int(let number): "\(number)"
        case .float(let number): "\(number)"
        case .bool(let flag): flag ? "True" : "False"
        case .tuple(let items): "(\(items.map(describe).joined(separator: ", ")))"
        default: "a \(value.typeName)"
        }
    }
}

/// One run's accuracy.
struct SeedAccuracy: Sendable, Equatable {
    let seed: Int
    let accuracy: Double
}

extension PickleValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
