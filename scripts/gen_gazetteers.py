#!/usr/bin/env python3
"""Generate text/lexicon/gazetteer.tsv from ../shared/data/gazetteers (Python 3 stdlib only).

Usage: python3 scripts/gen_gazetteers.py [--shared DIR] [--out FILE]

Output: one entry a line, "phrase<TAB>class", sorted and de-duplicated, where class is
  PLACE      a one-word country (CLDR name, official name, variants) or CLDR city: a place feature
             like LOC, and trusted: the recognizer tags it as a place where its model did not
  LOC        a CLDR name of several words or that is also an everyday word ("مالي"), an ANETAC
             location
  ORG        an ANETAC organization
  PER        an ANETAC person name (one word, transliterated from English, noisy; everyday
             words, seen 5+ times in ANERcorp train and never in an entity, are left out)
  PER_FIRST  an Arabic first name (AKhateeb/arabic-names)
  PER_LAST   an Arabic family name (AKhateeb/arabic-names)
  CUR        the first word of a CLDR currency name ("ريال", "دينار"): never a name on its own
Phrases keep their original spelling; the recognizer normalizes them when it loads them.
Sources and licences: text/lexicon/README.md.
"""
import argparse
import csv
import os
import re

ARABIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u0670 ]+$")


def clean(s):
    s = s.strip().replace("\ufeff", "").replace("\u200f", "").replace("\u200e", "")
    s = re.sub(r"\s+", " ", s)
    return s if s and ARABIC.match(s) else ""


def read_lines(path):
    with open(path, encoding="utf-8-sig") as f:
        return [line.rstrip("\n") for line in f]


# CLDR names that news text uses mostly as something else: "ماهي" (a common spelling of "ما هي"),
# "ديلي" (the Daily Telegraph, the Daily Mail), "جوني" (Johnny), "بنين" (sons), "بليز" (please),
# "سنتر", "واك" (center, walk: mall and street names), and short Latin fragments.
NOT_TRUSTED = {"ماهي", "ديلي", "جوني", "بنين", "بليز", "سنتر", "واك", "استر", "سيتا", "ثيل", "جوجو"}


def place_class(name, everyday):
    """PLACE (trusted: the recognizer tags it even where its model did not) for a one-word name
    that is not an everyday word; LOC (a model feature only) otherwise."""
    if " " in name or fold_stem(name) in everyday or name in NOT_TRUSTED:
        return "LOC"
    return "PLACE"


def fold_stem(word):
    """fold() without a leading wa/fa and article, as the recognizer's light stem."""
    w = fold(word)
    if w[:1] in ("و", "ف") and len(w) > 4:
        w = w[1:]
    for p in ("ال", "بال", "كال", "فال", "لل"):
        if w.startswith(p) and len(w) > len(p) + 2:
            return w[len(p):]
    return w


def everyday_places(conll, key=None):
    """Stems (or, with key=fold, whole words) that ANERcorp uses twice or more, under half of
    the time inside an entity: "مالي" (financial), "مسقط" (in "مسقط رأسه"), nisbas spelt as
    their country ("التشيلي"); as whole words "القصير" (short), "الطائف" in "اتفاق الطائف"."""
    key = key or fold_stem
    counts, entity = {}, {}
    for word, in_entity in conll_words(conll):
        w = key(word)
        forms = {w}
        # The recognizer also matches a place after a one-letter clitic ("لدمشق"), so
        # "بترول" (petroleum) counts against the Antarctic station "ترول".
        if w[:1] in ("ب", "ل", "ك", "و", "ف") and len(w) >= 4:
            forms.add(w[1:])
        for x in forms:
            counts[x] = counts.get(x, 0) + 1
            entity[x] = entity.get(x, 0) + in_entity
    return {w for w, n in counts.items() if n >= 2 and 2 * entity[w] < n}


def countries(shared, out, stop):
    with open(os.path.join(shared, "countries_ar.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            names = [row["name_ar_cldr"], row["official_name_ar"]] + row["all_ar_variants"].split("|")
            for n in names:
                if clean(n):
                    out.add((clean(n), place_class(clean(n), stop)))


def cities(shared, out, stop):
    with open(os.path.join(shared, "cities_ar_cldr_tz.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if clean(row["city_ar"]):
                out.add((clean(row["city_ar"]), place_class(clean(row["city_ar"]), stop)))


def hand_list(path):
    """The names of a hand-written list: one a line, "#" starts a comment."""
    for line in read_lines(path):
        name = clean(line.split("#", 1)[0])
        if name:
            yield name


def hand_places(path, out, everyday, everyday_whole):
    """text/lexicon/places_ar.txt: places written for this project. A name with the article is
    matched whole, so only the whole word's use counts against it: "الموصل" is trusted although
    "موصل" (a conductor) is an everyday stem."""
    for name in hand_list(path):
        definite = fold(name).startswith("ال")
        if definite and " " not in name:
            trusted = fold(name) not in everyday_whole and name not in NOT_TRUSTED
            out.add((name, "PLACE" if trusted else "LOC"))
        else:
            out.add((name, place_class(name, everyday)))


def hand_first_names(path, out):
    """text/lexicon/first_names_foreign_ar.txt: first names from outside the Arab world."""
    for name in hand_list(path):
        if " " not in name:
            out.add((name, "PER_FIRST"))


def arabic_names(shared, out):
    d = os.path.join(shared, "arabic-names")
    for name in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for line in read_lines(os.path.join(d, name)):
            if clean(line) and " " not in clean(line):
                out.add((clean(line), "PER_FIRST"))
    for line in read_lines(os.path.join(d, "last-names-in-arabic.txt")):
        if clean(line):
            out.add((clean(line), "PER_LAST"))
    with open(os.path.join(d, "200-Arabic-Names-UTF8.csv"), encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            if len(row) < 3:
                continue
            for value, cls in ((row[0], "PER_FIRST"), (row[1], "PER_FIRST"), (row[2], "PER_LAST")):
                v = clean(value)
                if v and v not in ("Male", "Female", "Lastname") and " " not in v:
                    out.add((v, cls))


# Currencies common in Arabic news; rarer ones share words with names ("بولا") or clubs ("الوحدة").
COMMON_CURRENCIES = {
    "SAR", "AED", "KWD", "QAR", "BHD", "OMR", "JOD", "EGP", "IQD", "LBP", "SYP", "YER", "LYD",
    "TND", "DZD", "MAD", "SDG", "USD", "EUR", "GBP", "JPY", "CNY", "INR", "TRY", "IRR", "RUB", "CHF",
}


def currencies(shared, out):
    with open(os.path.join(shared, "currencies_ar_cldr.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["code"] not in COMMON_CURRENCIES:
                continue
            for key, value in row.items():
                if not key.startswith("ar_displayName"):
                    continue
                words = clean(value).split()
                if words and len(words[0]) >= 3:
                    out.add((words[0], "CUR"))


def fold(word):
    """The spelling folds of text/normalize.h that matter for matching words here."""
    word = re.sub("[\u064B-\u0652\u0670\u0640]", "", word)
    return word.translate(str.maketrans("أإآٱىة", "اااايه"))


def conll_words(conll):
    """(word, inside an entity) for every token of a CoNLL file; nothing if there is none."""
    if not conll or not os.path.exists(conll):
        return
    with open(conll, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], parts[1] != "O"


def common_words(conll, min_count=5):
    """Words seen at least min_count times in a CoNLL corpus and never inside an entity."""
    counts, entity = {}, set()
    for word, in_entity in conll_words(conll):
        w = fold(word)
        counts[w] = counts.get(w, 0) + 1
        if in_entity:
            entity.add(w)
    return {w for w, n in counts.items() if n >= min_count and w not in entity}


def anetac(shared, out, stop):
    path = os.path.join(shared, "transliterated-names", "EN-AR_Named-entities.txt")
    classes = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
    for line in read_lines(path):
        parts = line.split()
        if len(parts) != 3 or parts[0] not in classes:
            continue
        v = clean(parts[2])
        # One-letter and two-letter forms are mostly particles ("في", "من"): too noisy to keep.
        bare = v[2:] if v.startswith("ال") and len(v) > 4 else v  # The recognizer drops al- too.
        if v and len(v) >= 3 and fold(v) not in stop and fold(bare) not in stop:
            out.add((v, classes[parts[0]]))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared", "data", "gazetteers"))
    ap.add_argument("--out", default=os.path.join(here, "..", "text", "lexicon", "gazetteer.tsv"))
    ap.add_argument("--common-words-from",
                    default=os.path.join(here, "..", "..", "shared", "data", "ner", "anercorp-train.conll"))
    args = ap.parse_args()
    entries = set()
    # Everyday words: those that ANERcorp uses five times or more and never inside an entity.
    stop = common_words(args.common_words_from)
    # One-word CLDR country and city names are trusted (PLACE) unless they are everyday words.
    everyday = everyday_places(args.common_words_from)
    countries(args.shared, entries, everyday)
    cities(args.shared, entries, everyday)
    hand_places(os.path.join(here, "..", "text", "lexicon", "places_ar.txt"), entries, everyday,
                everyday_places(args.common_words_from, key=fold))
    arabic_names(args.shared, entries)
    hand_first_names(os.path.join(here, "..", "text", "lexicon", "first_names_foreign_ar.txt"), entries)
    # ANETAC is transliterated from parallel text and lists everyday words ("امس" as a person).
    anetac(args.shared, entries, stop)
    currencies(args.shared, entries)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/gen_gazetteers.py; do not edit. Sources: README.md.\n")
        for phrase, cls in sorted(entries):
            f.write(f"{phrase}\t{cls}\n")
    print(f"{args.out}: {len(entries)} entries")


if __name__ == "__main__":
    main()
