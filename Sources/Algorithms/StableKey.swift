/// A stream key derived from a name (FNV-1a, 64 bit), so that a run's random stream depends on what is
/// being run, never on where it sits in a list: adding an algorithm or a metric leaves the others' runs as they were.
enum StableKey {
    static func of(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
