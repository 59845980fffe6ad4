"""Scoring shared by the fit scripts (fit_meaning.py, fit_similarity.py): one dev
cluster of ../shared/eval/dev scored by a compare binary."""
import json
import os
import re
import subprocess
import sys


def natural(path):
    """Sort key that orders "10.txt" after "9.txt"."""
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", path)]


def flagged(report):
    """Differences flagged in one compare --json report."""
    with open(report, encoding="utf-8") as f:
        return sum(a["kind"] == "difference" for a in json.load(f)["alignments"])


def dev_cluster(eval_dir, binary, files, gold, report):
    """Runs `binary --json FILES` into `report` and scores it against `gold`: the share of
    multi-source items passed, the differences flagged, and whether one of them fell on
    a gold agreement."""
    with open(report, "w") as out:
        subprocess.run([binary, "--json", *files], stdout=out, check=True)
    v = subprocess.run([sys.executable, os.path.join(eval_dir, "score.py"), gold, report, "--verbose"],
                       capture_output=True, text=True).stdout
    passed = total = 0
    for label in ("agreement", "difference", "aligned"):
        m = re.search(rf"{label} (\d+)/(\d+)", v)
        if m:
            passed, total = passed + int(m[1]), total + int(m[2])
    return passed / max(total, 1), flagged(report), "aligned, but kind is 'difference'" in v
