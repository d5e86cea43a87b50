#!/usr/bin/env bash
# Leak growth: runs one long session script through `nnstep --script` at two lengths (50 and
# 400 blocks of training, inspecting, plotting, exporting, undo and mistakes) and fails when
# the peak memory grows by more than a fifth. Usage: Fuzz/leak-growth.sh [PATH/TO/nnstep]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-}
if [ -z "$binary" ]; then
  (cd "$here/.." && swift build --product nnstep >&2)
  binary=$(cd "$here/.." && swift build --show-bin-path)/nnstep
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

block='net 2-3-1 act=tanh,linear seed=3
data students
step
show gradients
inspect w1_21
epoch 20
undo
set lr 0.01
step 5
show weights
plot loss
export json
data xor
net 2-2-1 act=sigmoid
data xor
epoch 10
gradcheck
reset
frobnicate
set lr nan'

peak() {  # peak resident kilobytes of a script of $1 blocks
  for _ in $(seq "$1"); do printf '%s\n' "$block"; done >"$scratch/session.nn"
  /usr/bin/time -f %M -o "$scratch/rss" "$binary" --script "$scratch/session.nn" --keep-going >/dev/null 2>&1 || true
  tail -n 1 "$scratch/rss"  # after "Command exited with non-zero status", as mistakes are in it
}

short=$(peak 50)
long=$(peak 400)
echo "peak memory: ${short} KB after 1000 commands, ${long} KB after 8000"
if [ "$long" -gt $((short * 6 / 5)) ]; then
  echo "memory grows with the length of the session: a leak?" >&2
  exit 1
fi
