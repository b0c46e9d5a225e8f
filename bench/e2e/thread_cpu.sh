#!/usr/bin/env bash
# Prints the CPU seconds (user + system) each thread name of a running process has used, from
# /proc/<pid>/task/*/stat: khabar-io, khabar-cpu (parsing, analysis), khabar-writer (group
# commit), rocksdb:high (flushes), rocksdb:low (compactions). Run it at the end of a load.
#   bench/e2e/thread_cpu.sh <pid>
set -euo pipefail
pid=$1
hz=$(getconf CLK_TCK)
for t in /proc/"$pid"/task/*; do
  name=$(cat "$t/comm")
  # Fields after the ")" that closes the name: utime and stime are the 12th and 13th.
  rest=$(sed 's/.*) //' "$t/stat")
  read -r -a f <<< "$rest"
  echo "$name $((f[11] + f[12]))"
done | awk -v hz="$hz" '{ s[$1] += $2 } END { for (k in s) printf "%-14s %7.1f s\n", k, s[k] / hz }' | sort
