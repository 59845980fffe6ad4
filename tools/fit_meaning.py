#!/usr/bin/env python3
"""Fits the matcher's alignment-by-meaning constants, DEFAULT_MEANING_THRESHOLD and
DEFAULT_MEANING_OVERLAP (src/align/meaning.rs), on the public data: the dev clusters
(../shared/eval/dev, items aligned across sources) and NAnCo's four training questions
(../shared/eval/nanco-dev.json, answers grouped).

For each pair of values on a grid it runs the compare example with --meaning and
--overlap and scores every unit: each dev cluster (share of its multi-source gold items
passed; a difference flagged on a gold agreement disqualifies the values) and each NAnCo
question (balanced accuracy). The values chosen maximise the mean of the dev clusters'
mean and NAnCo's mean. Then, as a check on data that took no part in the fit, each unit
is held out in turn: the values are chosen on the other seven and the held-out unit's
score at them is printed next to its score with meaning off.

With --soft it fits DEFAULT_SOFT_THRESHOLD (src/align/soft.rs) instead, the meaning
constants at their defaults: for each soft threshold on a grid (and with soft matching
off) it scores the same units and counts the differences flagged on the dev clusters and
the bundled seeds; values that flag more than soft matching off does, or any on a gold
agreement, are out (precision first: no gold item catches a false difference between
two facts). The lowest threshold with the best objective is chosen.

usage: python3 tools/fit_meaning.py [--soft] [COMPARE_BIN]   (after cargo build --release --examples)
"""
import glob
import itertools
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_eval import dev_cluster, flagged, natural  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7]
# The overlap grid starts at 0.4 by hand, precision first: at 0.3 the objective is
# higher (dev multi-source items 21/30 against 18/30, NAnCo 0.697 against 0.688) but
# the looser candidates join claims in which two speakers say two things alike in
# meaning, and false speaker differences appear on the bundled seed pair (Zelensky vs
# Merz; Zelensky vs "the leaders and European Union officials"); at 0.2 a false hedge
# difference too on the dev clusters (two facts about one recall). No gold item catches
# these, so the objective cannot.
OVERLAPS = [0.4, 0.5, 0.6, 0.7, 0.8]
OFF = (2.0, 1.0)
SOFT_THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
SOFT_OFF = 2.0
SEEDS = os.path.join(HERE, "..", "..", "shared", "seeds")


def score(binary, threshold, overlap, soft=None):
    """Scores per unit ("dev:<cluster>", "nanco:<question>") and whether any difference
    fell on a gold agreement; with `soft`, also the differences flagged on the dev
    clusters and the seeds."""
    with tempfile.TemporaryDirectory() as d:
        wrapper = os.path.join(d, "compare")
        extra = "" if soft is None else f" --soft {soft}"
        with open(wrapper, "w") as f:
            f.write(f'#!/bin/sh\nexec "{binary}" --meaning {threshold} --overlap {overlap}{extra} "$@"\n')
        os.chmod(wrapper, 0o755)
        units, false_agreement, flags = {}, False, 0
        for cluster in sorted(glob.glob(os.path.join(EVAL, "dev", "*", ""))):
            files = sorted(glob.glob(cluster + "*.txt"), key=natural)
            report = os.path.join(d, "report.json")
            share, flags_here, on_agreement = dev_cluster(EVAL, wrapper, files, cluster + "gold.toml", report)
            flags += flags_here
            units["dev:" + os.path.basename(cluster[:-1])] = share
            false_agreement |= on_agreement
        v = subprocess.run([sys.executable, os.path.join(EVAL, "nanco.py"), wrapper], capture_output=True,
                           text=True).stdout
        for m in re.finditer(r"^(Q\d+): .*balanced accuracy ([0-9.]+)", v, re.M):
            units["nanco:" + m[1]] = float(m[2])
        if soft is None:
            return units, false_agreement
        seeds = os.path.join(d, "seeds.json")
        with open(seeds, "w") as out:
            subprocess.run([wrapper, "--json", *sorted(glob.glob(os.path.join(SEEDS, "*.txt")))], stdout=out,
                           check=True)
        flags += flagged(seeds)
    return units, false_agreement, flags


def objective(units, keep):
    dev = [v for k, v in units.items() if k.startswith("dev:") and k in keep]
    nanco = [v for k, v in units.items() if k.startswith("nanco:") and k in keep]
    return (sum(dev) / max(len(dev), 1) + sum(nanco) / max(len(nanco), 1)) / 2


def fit_soft(binary):
    """Fits DEFAULT_SOFT_THRESHOLD at the default meaning constants."""
    from_meaning = (0.3, 0.5)
    grid = {}
    for soft in [SOFT_OFF] + SOFT_THRESHOLDS:
        grid[soft] = score(binary, *from_meaning, soft=soft)
        units, bad, flags = grid[soft]
        print(f"soft {soft:.2f}: objective {objective(units, units):.4f}, {flags} differences flagged"
              f"{'  (difference on a gold agreement)' if bad else ''}  "
              + " ".join(f"{k}={v:.3f}" for k, v in sorted(units.items())), flush=True)
    allowed = {k: v for k, v in grid.items() if not v[1] and v[2] <= grid[SOFT_OFF][2]}
    every = list(grid[SOFT_OFF][0])
    best = max(allowed, key=lambda k: (round(objective(allowed[k][0], every), 6), -k))
    print(f"\nchosen: DEFAULT_SOFT_THRESHOLD = {best}")


def main():
    if "--soft" in sys.argv[1:]:
        args = [a for a in sys.argv[1:] if a != "--soft"]
        binary = args[0] if args else os.path.join(HERE, "..", "target", "release", "examples", "compare")
        fit_soft(os.path.abspath(binary))
        return
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "target", "release", "examples", "compare")
    binary = os.path.abspath(binary)
    grid = {}
    for values in [OFF] + list(itertools.product(THRESHOLDS, OVERLAPS)):
        grid[values] = score(binary, *values)
        units, bad = grid[values]
        print(f"meaning {values[0]:.2f} overlap {values[1]:.2f}: objective {objective(units, units):.4f}"
              f"{'  (difference on a gold agreement)' if bad else ''}  "
              + " ".join(f"{k}={v:.3f}" for k, v in sorted(units.items())), flush=True)
    allowed = {k: v for k, v in grid.items() if not v[1]}
    every = list(grid[OFF][0])
    best = max(allowed, key=lambda k: (objective(allowed[k][0], every), -k[0], k[1]))
    print(f"\nchosen: DEFAULT_MEANING_THRESHOLD = {best[0]}, DEFAULT_MEANING_OVERLAP = {best[1]}")
    print("held out in turn (chosen on the other units): score at the values chosen / with meaning off")
    for unit in every:
        keep = [u for u in every if u != unit]
        pick = max(allowed, key=lambda k: (objective(allowed[k][0], keep), -k[0], k[1]))
        print(f"  {unit}: {allowed[pick][0][unit]:.3f} / {grid[OFF][0][unit]:.3f}  (values {pick[0]}, {pick[1]})")


if __name__ == "__main__":
    main()
