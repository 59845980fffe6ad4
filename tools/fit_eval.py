"""Scoring shared by the fit scripts (fit_meaning.py, fit_similarity.py,
fit_grouping.py): a compare binary scored on one dev cluster of ../shared/eval/dev, or
on all the public data at once."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
SEEDS = os.path.join(HERE, "..", "..", "shared", "seeds")
# The two halves of the public data for the held-out checks: values chosen on one half
# are scored on the other.
HALVES = [
    {"nanco:Q2", "nanco:Q3", "paragraph:Q2", "paragraph:Q3", "dev:enzo-chelsea-feb23", "dev:google-layoffs-jan23"},
    {"nanco:Q5", "nanco:Q6", "paragraph:Q5", "paragraph:Q6", "dev:starship-apr23", "dev:tesla-recall-dec23"},
]


def natural(path):
    """Sort key that orders "10.txt" after "9.txt"."""
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", path)]


def flagged(report):
    """Differences flagged in one compare --json report."""
    with open(report, encoding="utf-8") as f:
        return sum(a["kind"] == "difference" for a in json.load(f)["alignments"])


def dev_cluster(eval_dir, binary, files, gold, report, labels=("agreement", "difference", "aligned")):
    """Runs `binary --json FILES` into `report` and scores it against `gold`: the share of
    items passed (those of the given labels; by default the multi-source ones), the
    differences flagged, and whether one of them fell on a gold agreement."""
    with open(report, "w") as out:
        subprocess.run([binary, "--json", *files], stdout=out, check=True)
    v = subprocess.run([sys.executable, os.path.join(eval_dir, "score.py"), gold, report, "--verbose"],
                       capture_output=True, text=True).stdout
    passed = total = 0
    for label in labels:
        m = re.search(rf"{label} (\d+)/(\d+)", v)
        if m:
            passed, total = passed + int(m[1]), total + int(m[2])
    return passed / max(total, 1), flagged(report), "aligned, but kind is 'difference'" in v


def off_event_flags(binary, scratch):
    """Differences flagged on text where nearly every flag is false: same-day clusters of
    the PolNeAR articles (../shared/eval/polnear-dev/text; days with three articles or
    more, mostly different stories; as tools/false_flags.sh) and NAnCo's answer
    paragraphs read as one cluster per question (one story, many angles)."""
    reports = []
    text = os.path.join(EVAL, "polnear-dev", "text")
    days = {}
    for path in sorted(glob.glob(os.path.join(text, "*.txt"))):
        days.setdefault(os.path.basename(path).split("_")[1], []).append(path)
    reports += [files for files in days.values() if len(files) >= 3]
    with open(os.path.join(EVAL, "nanco-dev.json"), encoding="utf-8") as f:
        for n, question in enumerate(json.load(f)):
            files = []
            for i, answer in enumerate(question["answers"]):
                path = os.path.join(scratch, f"q{n}-{i:03d}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(f"Source {i}\n{answer['Paragraph']}\n")
                files.append(path)
            reports.append(files)
    total = 0
    report = os.path.join(scratch, "off-event.json")
    for files in reports:
        with open(report, "w") as out:
            subprocess.run([binary, "--json", *files], stdout=out, check=True)
        total += flagged(report)
    return total


def score_all(binary, options, labels=("agreement", "difference", "aligned")):
    """Scores per unit ("dev:<cluster>", "nanco:<question>", "paragraph:<question>")
    of `binary` run with the extra command-line `options`, the differences it flags on
    the dev clusters, the seed pair and off-event text (off_event_flags), and whether the
    options are ruled out (a difference on a gold agreement, a seed check lost)."""
    with tempfile.TemporaryDirectory() as d:
        wrapper = os.path.join(d, "compare")
        with open(wrapper, "w") as f:
            f.write(f'#!/bin/sh\nexec "{binary}" {" ".join(options)} "$@"\n')
        os.chmod(wrapper, 0o755)
        units, ruled_out = {}, False
        report = os.path.join(d, "report.json")
        for cluster in sorted(glob.glob(os.path.join(EVAL, "dev", "*", ""))):
            files = sorted(glob.glob(cluster + "*.txt"), key=natural)
            share, flags, on_agreement = dev_cluster(EVAL, wrapper, files, cluster + "gold.toml", report, labels)
            units["dev:" + os.path.basename(cluster[:-1])] = share
            units["dev differences"] = units.get("dev differences", 0) + flags
            ruled_out |= on_agreement
        with open(report, "w") as out:
            subprocess.run([wrapper, "--json", *sorted(glob.glob(os.path.join(SEEDS, "*.txt")))], stdout=out,
                           check=True)
        v = subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), os.path.join(EVAL, "seeds-public.toml"),
                            report], capture_output=True, text=True).stdout
        m = re.search(r"score: (\d+)/(\d+)", v)
        ruled_out |= not m or m[1] != m[2]
        units["seed differences"] = flagged(report)
        units["off-event differences"] = off_event_flags(wrapper, d)
        for field, prefix in (("Answer", "nanco:"), ("Paragraph", "paragraph:")):
            v = subprocess.run([sys.executable, os.path.join(EVAL, "nanco.py"), wrapper, "--field", field],
                               capture_output=True, text=True).stdout
            for m in re.finditer(r"^(Q\d+): .*balanced accuracy ([0-9.]+)", v, re.M):
                units[prefix + m[1]] = float(m[2])
    return units, ruled_out


def mean(values):
    values = list(values)
    return sum(values) / max(len(values), 1)


def objective(units, keep):
    groups = [[v for k, v in units.items() if k.startswith(p) and k in keep] for p in ("dev:", "nanco:", "paragraph:")]
    return mean(mean(g) for g in groups)


def fit_grid(binary, names, candidates, off, options, tie, labels=("agreement", "difference", "aligned"),
             flags=("seed differences",)):
    """Scores the build before the change (`off`, a tuple of values) and each tuple of
    `candidates` (run with `options(values)` on the command line), rules out those that
    flag a difference on a gold agreement, lose a seed check or flag more of `flags`
    than `off`, and prints every row, the values that maximise the objective (ties go to
    the greatest `tie(values)`), and the held-out check: values chosen on one half of
    the data (HALVES), scored on the other, both ways round."""
    grid = {}
    for values in [off] + [v for v in candidates if v != off]:
        units, bad = score_all(binary, options(values), labels)
        bad |= bool(grid) and any(units[k] > grid[off][0][k] for k in flags)
        grid[values] = units, bad
        print(" ".join(f"{n} {v}" for n, v in zip(names, values)) + f": objective {objective(units, units):.4f}"
              f"{'  (ruled out)' if bad else ''}  " + " ".join(f"{k}={v:.3f}" for k, v in sorted(units.items())),
              flush=True)
    allowed = {k: v for k, v in grid.items() if not v[1]}
    pick = lambda keep: max(allowed, key=lambda k: (round(objective(allowed[k][0], keep), 6), *tie(k)))
    print("\nchosen: " + ", ".join(f"{n} = {v}" for n, v in zip(names, pick(set(grid[off][0])))))
    for fit, check in ((HALVES[0], HALVES[1]), (HALVES[1], HALVES[0])):
        values = pick(fit)
        at, before = allowed[values][0], grid[off][0]
        print(f"fit on {', '.join(sorted(fit))}: " + ", ".join(f"{n} {v}" for n, v in zip(names, values)))
        print(f"  held out: objective {objective(at, check):.4f} / {objective(before, check):.4f} before; "
              + ", ".join(f"{u} {at[u]:.3f} / {before[u]:.3f}" for u in sorted(check)))
