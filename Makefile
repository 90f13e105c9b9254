# The two commands of the README, and the release build they share. Both first install the system
# packages the build needs when they are missing (scripts/install-system-packages.sh holds the list).
# Tests run in release mode (with testing enabled): the numeric tests are slow in debug builds.
SWIFT_RELEASE = -c release -Xswiftc -enable-testing

.PHONY: report test bench fuzz system-packages

system-packages:
	@bash scripts/install-system-packages.sh

report: system-packages
	swift run -c release nasreach report

test: system-packages
	swift test $(SWIFT_RELEASE)

bench: system-packages
	swift run -c release nasreach bench

# libFuzzer targets (CSV reader, arch strings, configuration, pickle, bzip2), FUZZ_SECONDS each; the saved
# corpus in Tests/FuzzTargetsTests/Corpus is replayed by `make test`.
FUZZ_SECONDS ?= 60
fuzz: system-packages
	bash scripts/fuzz.sh $(FUZZ_SECONDS)
