#!/bin/sh
# Regenerates text/lexicon/umm_al_qura.tsv (the Umm al-Qura calendar, Hijri years 1300-1500) from
# ICU's islamic-umalqura calendar. Needs libicu-dev; khabar itself does not link ICU.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
g++ -std=c++20 -O1 -o "$out/gen" tools/umm_al_qura/gen_umm_al_qura.cc -licui18n -licuuc
"$out/gen" 1300 1500 > text/lexicon/umm_al_qura.tsv
