#!/usr/bin/env bash
# Counts the differences claimdiff flags on same-day clusters of the PolNeAR dev articles
# (../shared/eval/polnear-dev/text: 84 articles by seven outlets on the 2016 campaign;
# every day with three articles or more is one cluster). The stories of one day are
# mostly not one event, so nearly every flag is false: this is how
# ONE_FACT_MIN_TERMS in src/align/differences.rs was set (19 flags with no minimum, 8
# at two shared terms, 3 at three). With --list, prints each flag for reading.
#
#   bash tools/false_flags.sh [--list]
set -euo pipefail
cd "$(dirname "$0")/.."
text=../shared/eval/polnear-dev/text
[ -d "$text" ] || { echo "no $text" >&2; exit 1; }
cargo build --quiet --release --example compare
bin=$PWD/target/release/examples/compare
out=$(mktemp -d)
total=0
for day in $(ls "$text" | awk -F_ '{print $2}' | sort | uniq -c | awk '$1 >= 3 {print $2}'); do
  "$bin" --json "$text"/*_"$day"_*.txt > "$out/$day.json"
  n=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sum(a['kind'] == 'difference' for a in r['alignments']))" "$out/$day.json")
  total=$((total + n))
  if [ "${1:-}" = "--list" ] && [ "$n" -gt 0 ]; then
    echo "== $day"
    python3 ../shared/eval/flags.py "$out/$day.json" | grep -v "agreements$"
  fi
done
echo "flags on PolNeAR same-day clusters: $total"
rm -rf "$out"
