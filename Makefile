# The two commands of the README, and the release build they share.
# Tests run in release mode (with testing enabled): the numeric tests are slow in debug builds.
SWIFT_RELEASE = -c release -Xswiftc -enable-testing

.PHONY: report test bench

report:
	swift run -c release nasreach report

test:
	swift test $(SWIFT_RELEASE)

bench:
	swift run -c release nasreach bench
