import Foundation

/// The one CSV dialect of everything nasreach writes: RFC 4180 quoting, LF line ends, UTF-8, a header
/// row, numbers in their shortest round-trip form so a reader recovers exactly the doubles written.
public enum CSVFormat {
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == 0 ? "0" : "\(value)"
    }

    public static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The whole table as UTF-8, built in one buffer; rows are formatted one at a time, so a table of
    /// hundreds of thousands of rows never exists as strings all at once.
    public static func table<Rows: Sequence>(header: [String], rows: Rows) -> [UInt8] where Rows.Element == [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((rows.underestimatedCount + 1) * 11 * header.count)  // about the mean field width
        func append(_ row: [String]) {
            for (index, text) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: field(text).utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        append(header)
        for row in rows { append(row) }
        return bytes
    }
}
