#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@usableFromInline package func _log(_ x: Double) -> Double { log(x) }
@usableFromInline package func _cos(_ x: Double) -> Double { cos(x) }
@usableFromInline package func _exp(_ x: Double) -> Double { exp(x) }
@usableFromInline package func _erfc(_ x: Double) -> Double { erfc(x) }
@usableFromInline package func _erf(_ x: Double) -> Double { erf(x) }
@usableFromInline package func _lgamma(_ x: Double) -> Double { lgamma(x) }
@usableFromInline package func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
