#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@usableFromInline package func _log(_ x: Double) -> Double { log(x) }
@usableFromInline package func _cos(_ x: Double) -> Double { cos(x) }
@usableFromInline package func _exp(_ x: Double) -> Double { exp(x) }
