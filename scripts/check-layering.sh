#!/usr/bin/env bash
# Fails when a module includes a header its layer may not see (../shared/STYLE.md, A1):
#   core <- text, protocol <- storage <- ingest, query <- server
# Run by the build before every library, so a forbidden include fails the build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
check() {  # module, allowed project modules, forbidden third-party pattern
  local module=$1 allowed=$2 forbidden=$3
  [ -d "$root/$module" ] || return 0
  while IFS= read -r hit; do
    local inc=${hit#*#include }
    inc=${inc//[<>\"]/}
    inc=${inc%% *}
    local top=${inc%%/*}
    if [[ "$inc" == */* ]] && [[ " core text protocol storage ingest query server " == *" $top "* ]]; then
      if [[ " $module $allowed " != *" $top "* ]]; then
        echo "layering: $module may not include $inc (${hit%%:*})" >&2
        status=1
      fi
    elif [ -n "$forbidden" ] && [[ "$inc" =~ $forbidden ]]; then
      echo "layering: $module may not include $inc (${hit%%:*})" >&2
      status=1
    fi
  done < <(grep -rHn '^[[:space:]]*#[[:space:]]*include' "$root/$module" --include='*.h' --include='*.cc' --include='*.inc' || true)
}
check core     ""                              '^(boost|rocksdb|simdjson|spdlog|fmt)/|^simdjson\.h'
check text     "core"                          '^(boost|rocksdb|simdjson|spdlog|fmt)/|^simdjson\.h'
check protocol "core"                          '^(boost|rocksdb|spdlog|fmt)/'
check storage  "core"                          '^(boost|simdjson|spdlog|fmt)/|^simdjson\.h'
check ingest   "core text storage"             '^(boost|rocksdb|simdjson)/|^simdjson\.h'
check query    "core text storage"             '^(boost|rocksdb|simdjson)/|^simdjson\.h'
check server   "core text protocol storage ingest query" '^rocksdb/'
exit $status
