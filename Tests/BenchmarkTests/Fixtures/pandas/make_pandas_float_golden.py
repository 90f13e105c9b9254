"""Golden values for PandasPreciseXstrtod: what pandas 2.2.1's read_csv (default float_precision) returns
for a seeded, synthetic list of decimal strings, beside the correctly rounded double.

Run from this folder with pandas==2.2.1 installed:  python make_pandas_float_golden.py
Nothing here comes from benchmark data: the strings are drawn from a seeded generator.
"""
import io
import json
import random
import struct

import pandas as pd

assert pd.__version__ == "2.2.1", f"need pandas 2.2.1, found {pd.__version__}"

rng = random.Random(20240315)


def accuracy_like():
    # 1-2 integer digits and enough decimals for 12-19 significant digits, like exported accuracies.
    integer = str(rng.randint(0, 99))
    decimals = "".join(rng.choice("0123456789") for _ in range(rng.randint(10, 18)))
    return f"{integer}.{decimals}"


def general():
    # Up to 22 digits, at most 17 before the point, exponents that keep the value well inside the double
    # range: pandas reads overflowing or 20-digit integer parts as text, outside what a parser of
    # accuracies needs.
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 22)))
    point = rng.randint(0, min(17, len(digits)))
    text = (digits[:point] or "0") + "." + digits[point:]
    if rng.random() < 0.3:
        text += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 280))
    return rng.choice(["", "", "", "-", "+"]) + text


strings = [accuracy_like() for _ in range(2000)] + [general() for _ in range(800)]
strings += ["0", "10.0", "100", "0.0000000000000000001234", "12345678901234567.5", "1e308", "1e-320",
            "93.66000000000001", "0.9999999995", "-0.0", "5e-324"]

parsed = pd.read_csv(io.StringIO("x\n" + "\n".join(strings) + "\n"), dtype=str)["x"].tolist()
assert parsed == strings, "pandas must see the strings unchanged"
values = pd.read_csv(io.StringIO("x\n" + "\n".join(strings) + "\n"))["x"].to_numpy()
assert str(values.dtype) == "float64"


def bits(value):
    return struct.unpack("<Q", struct.pack("<d", float(value)))[0]


cases = [{"text": s, "pandas": f"{bits(v):016x}", "correct": f"{bits(float(s)):016x}"} for s, v in zip(strings, values)]
with open("pandas_float_golden.json", "w") as out:
    # One case per line keeps the file small and its diffs readable.
    out.write('{"pandas": "%s", "cases": [\n' % pd.__version__)
    out.write(",\n".join(json.dumps(case, separators=(",", ":")) for case in cases))
    out.write("\n]}\n")
print(len(cases), "cases,", sum(c["pandas"] != c["correct"] for c in cases), "where pandas is not correctly rounded")
