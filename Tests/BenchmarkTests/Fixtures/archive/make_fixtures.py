#!/usr/bin/env python3
"""Writes the NATS-Bench archive reader's test fixtures, using only the standard library.

    python3 make_fixtures.py                 # the small committed fixtures, next to this script
    python3 make_fixtures.py --archive DIR [COUNT]
        # a fake archive (all 15,625 architecture files, or the first COUNT), written at test time only

numpy objects are pickled through stand-in modules registered as `numpy` and `numpy.core.multiarray`, so the
bytes match what numpy writes (STACK_GLOBAL numpy.core.multiarray.scalar, numpy.dtype + BUILD) without numpy.
The fake archive's accuracies follow `accuracy()` below; the Swift tests recompute it.
"""
import bz2
import collections
import io
import os
import pickle
import pickletools
import struct
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]  # nasreach's Operation order
DATASETS = [("cifar10-valid", ["x-valid", "ori-test"]), ("cifar10", ["ori-test"]),
            ("cifar100", ["x-valid", "x-test", "ori-test"]), ("ImageNet16-120", ["x-valid", "x-test", "ori-test"])]
CELLS = 15625


def install_fake_numpy():
    numpy = types.ModuleType("numpy")
    core = types.ModuleType("numpy.core")
    multiarray = types.ModuleType("numpy.core.multiarray")

    class dtype:
        def __init__(self, name):
            self.name = name

        def __reduce__(self):
            return (dtype, (self.name, False, True), (3, "<", None, None, None, -1, -1, 0))

    def scalar(kind, raw):
        raise RuntimeError("never called: fixtures are only written")

    dtype.__module__, dtype.__qualname__ = "numpy", "dtype"
    scalar.__module__, scalar.__qualname__ = "numpy.core.multiarray", "scalar"
    numpy.dtype, multiarray.scalar = dtype, scalar
    sys.modules.update({"numpy": numpy, "numpy.core": core, "numpy.core.multiarray": multiarray})
    return dtype("f8"), scalar


F8, SCALAR = install_fake_numpy()


class Float64:
    """Pickles like a numpy.float64."""

    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return (SCALAR, (F8, struct.pack("<d", self.value)))


def arch_string(code):
    ops = [OPS[(code // 5 ** edge) % 5] for edge in range(6)]
    return "|{}~0|+|{}~0|{}~1|+|{}~0|{}~1|{}~2|".format(*ops)


def code_at(index):
    """The fake archive's API order: a fixed permutation of the cell codes (7919 is coprime to 5^6)."""
    return index * 7919 % CELLS


def seeds(index, epochs, dataset):
    if epochs == 12:
        return [111, 777] if dataset == "cifar10-valid" else [111]
    return [777, 888] if index % 5 == 0 else [777, 888, 999]


def accuracy(index, epochs, dataset_slot, split_slot, seed):
    """An accuracy in [0, 99.9] that differs across every key."""
    return ((index * 7 + dataset_slot * 131 + split_slot * 17 + seed * 3 + epochs) % 1000) / 10.0


def file_name(index):
    # Index 7 uses the unpadded name the NATS-Bench API also accepts.
    return "{}.pickle.pbz2".format(index if index == 7 else "%06d" % index)


def architecture(index):
    record = collections.OrderedDict()
    arch = arch_string(code_at(index))
    for epochs in (12, 200):
        results, dataset_seed = {}, {}
        for dataset_slot, (dataset, splits) in enumerate(DATASETS):
            dataset_seed[dataset] = seeds(index, epochs, dataset)
            for seed in dataset_seed[dataset]:
                evals = {}
                for split_slot, split in enumerate(splits):
                    evals["%s@0" % split] = 1.0
                    evals["%s@%d" % (split, epochs - 2)] = 2.0  # a decoy: only the last epoch counts
                    evals["%s@%d" % (split, epochs - 1)] = accuracy(index, epochs, dataset_slot, split_slot, seed)
                results[(dataset, seed)] = {
                    "name": dataset, "eval_acc1es": evals, "eval_names": splits, "epochs": epochs,
                    "seed": "%04d" % seed, "params": 0.1, "flop": 12.5, "latency": [Float64(0.0125)],
                    "arch_config": {"channel": 16, "num_cells": 5, "arch_str": arch}, "net_state_dict": None,
                }
        record[str(epochs)] = {"arch_index": index, "arch_str": arch, "all_results": results,
                               "dataset_seed": dataset_seed, "clear_net_done": True}
    return record


def meta():
    return {"meta_archs": [arch_string(code_at(i)) for i in range(CELLS)], "total_archs": CELLS,
            "arch2infos": None, "evaluated_indexes": set()}


def write(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def fake_archive(directory, count=CELLS):
    os.makedirs(directory, exist_ok=True)
    write(os.path.join(directory, "meta.pickle.pbz2"), bz2.compress(pickle.dumps(meta(), protocol=4), 1))
    for index in range(count):
        write(os.path.join(directory, file_name(index)), bz2.compress(pickle.dumps(architecture(index), protocol=4), 1))


def op(name, *args):
    return bytes([getattr(pickle, name)[0]]) + b"".join(args)


def short_str(text):
    raw = text.encode()
    return op("SHORT_BINUNICODE", bytes([len(raw)]), raw)


def every_opcode():
    """A hand-assembled pickle using each supported opcode; its value is spelled out in ArchivePickleTests."""
    dtype = (short_str("numpy") + short_str("dtype") + op("STACK_GLOBAL") + short_str("f8") + op("BININT1", b"\0")
             + op("BININT1", b"\1") + op("TUPLE3") + op("REDUCE") + op("MARK") + op("BININT1", b"\3") + short_str("<")
             + op("NONE") * 3 + op("BININT", struct.pack("<i", -1)) * 2 + op("BININT1", b"\0") + op("TUPLE") + op("BUILD"))
    body = (op("EMPTY_DICT") + op("MEMOIZE") + op("MARK")
            + short_str("none") + op("NONE")
            + short_str("bools") + op("NEWTRUE") + op("NEWFALSE") + op("TUPLE2")
            + short_str("ints") + op("BININT1", b"\7") + op("BININT2", struct.pack("<H", 777))
            + op("BININT", struct.pack("<i", -5)) + op("TUPLE3")
            + short_str("float") + op("BINFLOAT", struct.pack(">d", 1.5))
            + short_str("long") + op("BINUNICODE", struct.pack("<I", 6), "héllo".encode())
            + short_str("bytes") + op("SHORT_BINBYTES", b"\2\1\2")
            + short_str("list") + op("EMPTY_LIST") + op("MEMOIZE") + op("BININT1", b"\1") + op("APPEND")
            + op("MARK") + op("BININT1", b"\2") + op("BININT1", b"\3") + op("APPENDS")
            + short_str("tuples") + op("MARK") + op("EMPTY_TUPLE") + op("BININT1", b"\1") + op("TUPLE1")
            + op("MARK") + op("BININT1", b"\1") + op("BININT1", b"\2") + op("BININT1", b"\3")
            + op("BININT1", b"\4") + op("TUPLE") + op("TUPLE")
            + short_str("set") + op("EMPTY_SET") + op("MARK") + op("BININT1", b"\1") + op("BININT1", b"\2") + op("ADDITEMS")
            + short_str("ordered") + short_str("collections") + short_str("OrderedDict") + op("STACK_GLOBAL")
            + op("EMPTY_TUPLE") + op("REDUCE") + short_str("a") + op("BININT1", b"\1") + op("SETITEM")
            + short_str("scalar") + short_str("numpy.core.multiarray") + short_str("scalar") + op("STACK_GLOBAL")
            + dtype + op("SHORT_BINBYTES", b"\x08", struct.pack("<d", 0.25)) + op("TUPLE2") + op("REDUCE")
            + short_str("again") + op("BINGET", b"\1")
            + short_str("far") + op("LONG_BINGET", struct.pack("<I", 1))
            + op("SETITEMS") + op("STOP"))
    return op("PROTO", b"\4") + op("FRAME", struct.pack("<Q", len(body))) + body


class Exploit:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def fixtures():
    opcodes = every_opcode()
    pickletools.dis(opcodes, out=io.StringIO())  # raises if the hand-assembled stack does not balance
    write(os.path.join(HERE, "every-opcode.pickle"), opcodes)
    architecture_pickle = pickle.dumps(architecture(3), protocol=4)
    write(os.path.join(HERE, "architecture-3.fixture.pbz2"), bz2.compress(architecture_pickle))
    stream = bz2.compress(architecture_pickle)
    write(os.path.join(HERE, "truncated.fixture.pbz2"), stream[: len(stream) // 2])
    corrupt = bytearray(stream)
    corrupt[len(corrupt) // 2] ^= 0xFF
    write(os.path.join(HERE, "corrupt.fixture.pbz2"), bytes(corrupt))
    write(os.path.join(HERE, "not-bzip2.fixture.pbz2"), b"arch,acc\n")
    write(os.path.join(HERE, "concatenated.pbz2"), bz2.compress(b"first ") + bz2.compress(b"second"))
    write(os.path.join(HERE, "truncated.pickle"), opcodes[: len(opcodes) // 2])
    write(os.path.join(HERE, "unknown-global.pickle"), pickle.dumps(Exploit(), protocol=4))
    write(os.path.join(HERE, "setitem-on-list.pickle"), op("PROTO", b"\4") + op("EMPTY_LIST") + short_str("a")
          + op("BININT1", b"\1") + op("SETITEM") + op("STOP"))
    write(os.path.join(HERE, "meta-wrong-types.fixture.pbz2"),
          bz2.compress(pickle.dumps({"meta_archs": 5, "total_archs": CELLS}, protocol=4)))
    wrong = architecture(3)
    wrong["200"]["all_results"][("cifar10", 777)]["eval_acc1es"]["ori-test@199"] = "85.1"
    write(os.path.join(HERE, "architecture-3-wrong-type.fixture.pbz2"), bz2.compress(pickle.dumps(wrong, protocol=4)))


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--archive":
        fake_archive(sys.argv[2], *map(int, sys.argv[3:]))
    elif len(sys.argv) == 1:
        fixtures()
    else:
        sys.exit(__doc__)
