#!/usr/bin/env bash
# Side by side with an earlier commit: builds COMMIT's benchmark from git history into a temporary
# folder, builds this working tree's, and runs both interleaved (the order alternating) RUNS times
# on the same assignments (COMMIT's own, unless --assignments DIR) with the same runtime settings
# (the service's, forced through environment variables),
# then prints each figure's ratio (this version ÷ COMMIT) per run and the median.
#
#   bench/side-by-side.sh dcac73d                       # release 1: keys and grading in-process
#   bench/side-by-side.sh 7e06cd3 --phases keys --runs 3
#   bench/side-by-side.sh HEAD~1 --phases e2e --n 20000
#   bench/side-by-side.sh HEAD~3 --phases postgres --n 5000   # one and two PostgreSQL nodes
#
# Options: --phases P (default keys,grading), --runs N (default 3), --assignments DIR,
# --keys N, --n N (passed on to both benchmarks). Needs git, dotnet and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

commit=${1:?usage: bench/side-by-side.sh COMMIT [--phases P] [--runs N] [--assignments DIR] [--keys N] [--n N]}
shift
phases=keys,grading; runs=3; assignments=""; extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --phases) phases=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --assignments) assignments=$(realpath "$2"); shift 2 ;;
    --keys|--n) extra+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

sha=$(git rev-parse --short "$commit")
work=$(mktemp -d "${TMPDIR:-/tmp}/grader-side-$sha.XXXX")
trap 'git worktree remove --force "$work/src" >/dev/null 2>&1 || true' EXIT
echo "building $sha into $work (its own sources, from git history)"
git worktree add --detach --force "$work/src" "$sha" >/dev/null
dotnet build "$work/src/bench/Grader.Bench" -c Release -o "$work/old" -nologo -v q >"$work/old.log" 2>&1 || { tail -20 "$work/old.log"; exit 1; }
echo "building this working tree"
dotnet build bench/Grader.Bench -c Release -o "$work/new" -nologo -v q >"$work/new.log" 2>&1 || { tail -20 "$work/new.log"; exit 1; }
if [ -z "$assignments" ]; then
  assignments="$work/assignments"
  mkdir -p "$assignments"
  cp "$work/src/assignments/"*.yaml "$assignments/"
fi
echo "assignments: $assignments ($(ls "$assignments"/*.yaml | wc -l) files); phases $phases; $runs runs"

# The same runtime settings on both sides, whatever each commit's project files say: the
# service's (Grader.Worker/ServiceRuntime.props), forced through the runtime's environment
# variables, which take precedence over each build's runtimeconfig.json.
export DOTNET_gcServer=1 DOTNET_TieredPGO=0 DOTNET_ThreadPool_ForceMinWorkerThreads=0x40 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0

for run in $(seq 1 "$runs"); do
  if [ $((run % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
  for side in $order; do
    echo "run $run: $side"
    "$work/$side/Grader.Bench" --phases "$phases" --runs 1 --assignments "$assignments" "${extra[@]}" \
      --json "$work/$side-$run.json" >"$work/$side-$run.log" 2>&1 || { tail -20 "$work/$side-$run.log"; exit 1; }
  done
done

python3 - "$work" "$runs" "$sha" <<'PY'
import json, statistics, sys
work, runs, sha = sys.argv[1], int(sys.argv[2]), sys.argv[3]
figures = {"keys/s": ("keysPerSecond",), "graded in-process/s": ("gradedInProcessPerSecond",),
           "end to end graded/s": ("endToEnd", "gradedPerSecond"),
           "end to end, the process's CPU ms per submission (lower is better)": ("endToEnd", "cpuMsPerSubmission"),
           "end to end, KB written per submission (lower is better)": ("endToEnd", "kbWrittenPerSubmission"),
           "PostgreSQL one node graded/s": ("postgres", "oneNode", "gradedPerSecond"),
           "PostgreSQL one node at 200/s offered, p50 ms (lower is better)": ("postgres", "oneNode", "offered", "latencyMs", "p50"),
           "PostgreSQL one node at 200/s offered, p99 ms (lower is better)": ("postgres", "oneNode", "offered", "latencyMs", "p99"),
           "PostgreSQL one node at 200/s offered, WAL flushes per submission (lower is better)": ("postgres", "oneNode", "offered", "walFlushesPerSubmission"),
           "PostgreSQL one node at 200/s offered, commits per submission (lower is better)": ("postgres", "oneNode", "offered", "commitsPerSubmission"),
           "PostgreSQL one node at 200/s offered, the server's CPU ms per submission (lower is better)": ("postgres", "oneNode", "offered", "serverCpuMsPerSubmission"),
           "PostgreSQL two nodes graded/s": ("postgres", "endToEnd", "gradedPerSecond"),
           "PostgreSQL two nodes ÷ one node, within the run": ("postgres", "twoNodesOverOne"),
           "PostgreSQL one node, the server's CPU ms per submission (lower is better)": ("postgres", "oneNode", "serverCpuMsPerSubmission"),
           "PostgreSQL two nodes, the server's CPU ms per submission (lower is better)": ("postgres", "endToEnd", "serverCpuMsPerSubmission"),
           "PostgreSQL single-row commits/s (the disk's speed of the moment)": ("postgres", "singleRowCommitsPerSecond")}
def get(doc, path):
    for p in path:
        doc = doc.get(p) if isinstance(doc, dict) else None
    try:
        v = float(doc)
        return v if v == v and v > 0 else None
    except (TypeError, ValueError):
        return None
print(f"\n| figure | {sha} (runs) | this version (runs) | ratio per run | median ratio |")
print("|---|---|---|---|---|")
for name, path in figures.items():
    old = [get(json.load(open(f"{work}/old-{r}.json")), path) for r in range(1, runs + 1)]
    new = [get(json.load(open(f"{work}/new-{r}.json")), path) for r in range(1, runs + 1)]
    if None in old or None in new:
        continue
    ratios = [n / o for n, o in zip(new, old)]
    fmt = lambda xs: " / ".join(f"{x:,.0f}" if x >= 100 else f"{x:.3g}" for x in xs)
    print(f"| {name} | {fmt(old)} | {fmt(new)} | {' / '.join(f'{r:.2f}' for r in ratios)} | **{statistics.median(ratios):.2f}×** |")
PY
