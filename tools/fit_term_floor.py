#!/usr/bin/env python3
"""Fits DEFAULT_TERM_COUNT_FLOOR (src/align/mod.rs): the least number of claims a term
counts as held by in its IDF weight, on the public data: the dev clusters
(../shared/eval/dev, items aligned across sources) and NAnCo's four training questions
(../shared/eval/nanco-dev.json), answers and whole paragraphs.

Each floor of the grid is scored as in fit_similarity.py (fit_eval.score_all): values
that flag a difference on a gold agreement, lose a seed check, or flag more differences
on the seed pair or on the dev clusters than plain IDF (floor 1) are ruled out (a false
difference costs more than a missed alignment; at 3.5 a hedge is flagged between "The
recall potentially affects 2,031,220 vehicles" and "The recall only affects vehicles in
U.S. and Canada"), and the floor chosen maximises
the mean of three means: the dev clusters', NAnCo answers' and NAnCo paragraphs'. Then,
as a check on data that took no part in the fit, the floor is chosen on one half of the
data (fit_eval.HALVES) and the other half's scores at it are printed next to its scores
at floor 1, both ways round.

usage: python3 tools/fit_term_floor.py [COMPARE_BIN]   (after cargo build --release --examples)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_eval import HALVES, objective, score_all  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FLOORS = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]
OFF = 1.0


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "target", "release", "examples", "compare")
    binary = os.path.abspath(binary)
    grid = {}
    for floor in FLOORS:
        units, bad = score_all(binary, ["--term-count-floor", str(floor)])
        bad |= bool(grid) and any(units[k] > grid[OFF][0][k] for k in ("seed differences", "dev differences"))
        grid[floor] = units, bad
        print(f"floor {floor:.1f}: objective {objective(units, units):.4f}{'  (ruled out)' if bad else ''}  "
              + " ".join(f"{k}={v:.3f}" for k, v in sorted(units.items())), flush=True)
    allowed = {k: v for k, v in grid.items() if not v[1]}
    every = set(grid[OFF][0])
    # Ties go to the lower floor, the nearer to plain IDF.
    pick = lambda keep: max(allowed, key=lambda k: (round(objective(allowed[k][0], keep), 6), -k))
    print(f"\nchosen: DEFAULT_TERM_COUNT_FLOOR = {pick(every)}")
    for fit, check in ((HALVES[0], HALVES[1]), (HALVES[1], HALVES[0])):
        floor = pick(fit)
        at, off = allowed[floor][0], grid[OFF][0]
        print(f"fit on {', '.join(sorted(fit))}: floor {floor}")
        print(f"  held out: objective {objective(at, check):.4f} / {objective(off, check):.4f} at floor 1; "
              + ", ".join(f"{u} {at[u]:.3f} / {off[u]:.3f}" for u in sorted(check)))


if __name__ == "__main__":
    main()
