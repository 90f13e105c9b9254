/// Reads a PNG's pixel size from its IHDR chunk, so figures get width/height attributes
/// (the page does not reflow when images load) without decoding the image.
enum PNGSize {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func of(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func uint32(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let size = (width: uint32(at: 16), height: uint32(at: 20))
        return size.width > 0 && size.height > 0 ? size : nil
    }
}
