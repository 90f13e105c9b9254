import Foundation
import Support

/// The files below a folder and their total size, for the line that ends a run ("23.4 MB in 208 files").
struct FolderSize {
    var files = 0
    var bytes = 0

    init(of folder: URL) {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return }
        for case let url as URL in walk {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            files += 1
            bytes += values.fileSize ?? 0
        }
    }

    /// Decimal megabytes, as web hosts count them.
    var description: String {
        "\(NumberFormat.fixed(Double(bytes) / 1e6, digits: 1)) MB in \(NumberFormat.integer(files)) files"
    }
}
