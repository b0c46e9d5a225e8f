// The context rules of the figures extractor: ranges, qualifiers, conversions in brackets and
// currencies named elsewhere in the sentence or paragraph (docs/design/figures.md).

#include <algorithm>
#include <cmath>
#include <string>

#include "text/figures_scan.h"
#include "text/normalize.h"

namespace khabar::text::figures_internal {
namespace {

constexpr size_t kVerbWindow = 8;
constexpr size_t kMoneyWindow = 8;

bool IsDash(const FieldText& f, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; ++k) {
    const unsigned char c = static_cast<unsigned char>(f.text[k]);
    if (c == '-') return true;
    // Tatweel (U+0640) and en/em dashes (U+2013, U+2014) used as dashes.
    if (k + 1 < to && c == 0xD9 && static_cast<unsigned char>(f.text[k + 1]) == 0x80) return true;
    if (k + 2 < to && c == 0xE2 && static_cast<unsigned char>(f.text[k + 1]) == 0x80 &&
        (static_cast<unsigned char>(f.text[k + 2]) == 0x93 ||
         static_cast<unsigned char>(f.text[k + 2]) == 0x94)) {
      return true;
    }
  }
  return false;
}

// Index of the word before q's span, skipping glue tokens (bi-, al-, an opening bracket).
size_t WordBefore(const FieldText& f, const Quantity& q) {
  size_t k = q.first;
  const auto& w = f.words;
  while (k > 0) {
    --k;
    const std::string_view n = w[k].norm;
    const bool glue =
        (w[k].kind == TokenKind::kPunct && (n == "(" || n == "\"" || n == "\u00ab")) ||
        (w[k].kind == TokenKind::kArabic && (n == kArticle || n == "\u0628"));
    if (!glue) return k;
  }
  return SIZE_MAX;
}

// The word before q when q's own first token carried no proclitic; "bayna" may carry one.
bool IsBayn(std::string_view n) {
  return n == kBayn || n == std::string("\u0648") + std::string(kBayn);
}

std::string_view Connector(const FieldText& f, const Quantity& a, const Quantity& b) {
  // Tokens strictly between the two spans (after a's counted noun? no: right after a's span).
  if (b.first == a.last) {
    if (IsDash(f, a.end, b.start)) return "-";
    if (f.words[b.first].kind == TokenKind::kArabic && StartsWith(f.words[b.first].norm, kWaw)) {
      return kWaw;
    }
    return {};
  }
  if (b.first != a.last + 1) return {};
  const Word& w = f.words[a.last];
  if (w.kind == TokenKind::kPunct && (w.norm == "-" || w.norm == "\u2013")) return "-";
  if (w.kind != TokenKind::kArabic) return {};
  if (w.norm == kWaw || w.norm == kIla || w.norm == kHatta) return w.norm;
  if (w.norm == std::string(kWaw) + std::string(kIla)) return kIla;
  return {};
}

bool SameUnit(const Quantity& a, const Quantity& b) {
  return a.unit != nullptr && b.unit != nullptr && a.unit->lemma == b.unit->lemma;
}

void MakeRange(Quantity* a, Quantity* b) {
  // "50-55 alf": a bare first bound shares the scale when it is below the second's numeral.
  if (!a->has_scale && b->has_scale && a->value < b->value / b->scale) {
    a->value *= b->scale;
    a->has_scale = true;
    a->scale = b->scale;
  }
  if (a->bare()) {
    a->unit = b->unit;
    a->counted = b->counted;
    a->kind = b->kind;
    a->currency = b->currency;
  }
  const bool a_low = a->value <= b->value;
  a->qualifier = a_low ? Qualifier::kRangeLow : Qualifier::kRangeHigh;
  b->qualifier = a_low ? Qualifier::kRangeHigh : Qualifier::kRangeLow;
}

void FindRanges(const FieldText& f, std::vector<Quantity>* qs) {
  for (size_t k = 0; k + 1 < qs->size(); ++k) {
    Quantity& a = (*qs)[k];
    Quantity& b = (*qs)[k + 1];
    const std::string_view conn = Connector(f, a, b);
    if (conn.empty()) continue;
    const size_t before = WordBefore(f, a);
    const std::string_view prev = before == SIZE_MAX ? std::string_view() : f.words[before].norm;
    bool range = false;
    if (IsBayn(prev) || (prev == kBayn)) {
      range = conn == kWaw || conn == kIla || conn == "-";
    } else if (prev == kMin || prev == std::string(kWaw) + std::string(kMin)) {
      // Not "akthar min N ila M": there "min" belongs to the comparative.
      const bool comparative = before > 0 && f.words[before - 1].kind == TokenKind::kArabic &&
                               (f.words[before - 1].norm.find(kAkthar) != std::string_view::npos ||
                                f.words[before - 1].norm.find(kAqall) != std::string_view::npos);
      range = !comparative && (conn == kIla || conn == kHatta || conn == "-") &&
              (a.bare() || SameUnit(a, b));
    } else if (conn == "-") {
      range = !b.bare() || !a.bare();
      if (!range && !a.words && !b.words && a.value <= 20 && b.value <= 20 &&
          a.value == static_cast<int>(a.value) && b.value == static_cast<int>(b.value)) {
        a.drop = b.drop = true;  // A match score: "fara 3-1".
        ++k;
        continue;
      }
    } else if (conn == kIla) {
      range = a.unit != nullptr && SameUnit(a, b) && a.kind != FigureKind::kMoney &&
              a.kind != FigureKind::kPercent;
    }
    if (before != SIZE_MAX && before > 0 && prev == kBayn && f.words[before - 1].norm == kMa) {
      range = range || conn == kIla;
    }
    if (!range) continue;
    MakeRange(&a, &b);
    ++k;
  }
}

void FindQualifier(const FiguresLexicon& lex, const FieldText& f, Quantity* q) {
  const auto& w = f.words;
  // After the figure (and its counted noun): taqriban, fa-akthar, aw akthar, fa-ma dun.
  {
    std::string_view after[3];
    size_t n = 0;
    for (size_t k = q->after; k < w.size() && n < 3; ++k) after[n++] = w[k].norm;
    size_t consumed = 0;
    if (const QualifierEntry* e = lex.QualifierAfter(std::span(after, n), &consumed)) {
      q->qualifier = e->qualifier;
      return;
    }
  }
  const size_t b = WordBefore(f, *q);
  if (b == SIZE_MAX) return;
  std::string_view before[4];
  size_t n = 0;
  for (size_t k = b + 1; k > 0 && n < 4; --k) {
    if (w[k - 1].kind != TokenKind::kArabic) break;
    before[3 - n++] = w[k - 1].norm;
  }
  size_t consumed = 0;
  if (n > 0) {
    if (const QualifierEntry* e = lex.QualifierBefore(std::span(before + (4 - n), n), &consumed)) {
      q->qualifier = e->qualifier;
      return;
    }
  }
  // "zadat qimat al-tadawul 'an N", "la yaqill 'umr ... 'an (30 sana)".
  if (w[b].norm == kAn) {
    for (size_t k = b, steps = 0; k > 0 && steps < kVerbWindow; --k, ++steps) {
      const Word& v = w[k - 1];
      if (v.kind != TokenKind::kArabic || v.sentence != w[b].sentence) break;
      const QualifierEntry* e = lex.QualifierVerb(v.norm);
      if (e == nullptr && (StartsWith(v.norm, kWaw) || StartsWith(v.norm, "\u0641"))) {
        e = lex.QualifierVerb(v.norm.substr(2));
      }
      if (e == nullptr) continue;
      Qualifier ql = e->qualifier;
      if (k >= 2 && (w[k - 2].norm == kLa || w[k - 2].norm == kAlla)) {
        ql = ql == Qualifier::kAtMost ? Qualifier::kAtLeast : Qualifier::kAtMost;
      }
      q->qualifier = ql;
      return;
    }
  }
  // "tajawaza 'adad i'adat al-nashr hatta hadhihi al-lahza 296 alfan": the figure is the object
  // of an exceeding verb a few words back, with no other number or punctuation between.
  for (size_t k = b + 1, steps = 0; k > 0 && steps < kVerbWindow; --k, ++steps) {
    const Word& v = w[k - 1];
    if (v.kind != TokenKind::kArabic || v.sentence != w[b].sentence) break;
    const QualifierEntry* e = lex.QualifierFarVerb(v.norm);
    if (e == nullptr && (StartsWith(v.norm, kWaw) || StartsWith(v.norm, "\u0641"))) {
      e = lex.QualifierFarVerb(v.norm.substr(2));
    }
    if (e != nullptr) {
      q->qualifier = e->qualifier;
      return;
    }
  }
}

// A conversion in brackets right after a figure inherits its qualifier: (5.33 milyar dular).
void InheritConversions(const FieldText& f, std::vector<Quantity>* qs) {
  for (size_t k = 1; k < qs->size(); ++k) {
    Quantity& q = (*qs)[k];
    const Quantity& p = (*qs)[k - 1];
    if (q.qualifier != Qualifier::kExact || q.first == 0 || p.last + 1 != q.first) continue;
    const Word& open = f.words[q.first - 1];
    if (open.kind != TokenKind::kPunct || (open.norm != "(" && open.norm != "\"")) continue;
    if (p.qualifier == Qualifier::kApprox || p.qualifier == Qualifier::kAtLeast ||
        p.qualifier == Qualifier::kAtMost) {
      q.qualifier = p.qualifier;
    }
  }
}

// Words that name a currency's country (figures_currency.tsv "context"), found once per field.
struct ContextHit {
  size_t word;
  int entry;
};

std::vector<ContextHit> FindContextHits(const FiguresLexicon& lex, const FieldText& f) {
  std::vector<ContextHit> hits;
  for (size_t k = 0; k < f.words.size(); ++k) {
    const Word& w = f.words[k];
    if (w.kind != TokenKind::kArabic || !lex.MaybeKnown(w.hash)) continue;
    const int entry = lex.CurrencyContextEntry(w.norm);
    if (entry >= 0) hits.push_back(ContextHit{k, entry});
  }
  return hits;
}

// Currency named by the text before the figure: riyal of a Qatari company is QAR.
void CurrencyFromContext(const FiguresLexicon& lex, const std::vector<ContextHit>& hits,
                         Quantity* q) {
  if (q->unit == nullptr || q->currency.empty()) return;
  if (q->currency != q->unit->currency) return;  // An adjective already decided.
  const std::string lemma = Normalize(q->unit->lemma);
  auto it = std::lower_bound(hits.begin(), hits.end(), q->first,
                             [](const ContextHit& h, size_t word) { return h.word < word; });
  // The nearest country of the same currency word before the figure, in its paragraph or an
  // earlier one (a Moroccan minister in the lead, dirhams two paragraphs on).
  while (it != hits.begin()) {
    --it;
    if (lex.CurrencyContextLemma(it->entry) == lemma) {
      q->currency = std::string(lex.CurrencyContextCode(it->entry));
      return;
    }
  }
}

// The money unit a definite word names (al-rubl, al-franc), or nullptr.
const UnitEntry* DefiniteCurrency(const FiguresLexicon& lex, std::string_view norm) {
  if (!StartsWith(norm, kArticle) || norm.size() <= kArticle.size()) return nullptr;
  const std::string_view bare[1] = {norm.substr(kArticle.size())};
  size_t consumed = 0;
  const UnitEntry* u = lex.MatchUnit(std::span(bare, 1), &consumed);
  return u != nullptr && u->kind == FigureKind::kMoney && !u->dual ? u : nullptr;
}

// An exchange rate: "tajawaza al-rubl 64 li-kull dular", "al-franc ... 1.0721 muqabil al-yuru":
// a bare number before muqabil / li-kull / amam and a currency is money in the currency that the
// sentence named before it.
void ExchangeRates(const FiguresLexicon& lex, const FieldText& f, std::vector<Quantity>* qs) {
  static constexpr std::string_view kPer[] = {"\u0645\u0642\u0627\u0628\u0644",  // muqabil
                                              "\u0644\u0643\u0644",              // li-kull
                                              "\u0627\u0645\u0627\u0645"};       // amam
  const auto& w = f.words;
  for (Quantity& q : *qs) {
    if (!q.bare() || q.last + 1 >= w.size()) continue;
    if (std::find(std::begin(kPer), std::end(kPer), w[q.last].norm) == std::end(kPer)) continue;
    const Word& other = w[q.last + 1];
    const std::string_view other_bare[1] = {
        StartsWith(other.norm, kArticle) ? other.norm.substr(kArticle.size()) : other.norm};
    size_t consumed = 0;
    const UnitEntry* per = lex.MatchUnit(std::span(other_bare, 1), &consumed);
    if (per == nullptr || per->kind != FigureKind::kMoney) continue;
    for (size_t k = q.first; k > 0; --k) {
      const Word& v = w[k - 1];
      if (v.sentence != w[q.first].sentence) break;
      const UnitEntry* u = v.kind == TokenKind::kArabic ? DefiniteCurrency(lex, v.norm) : nullptr;
      if (u != nullptr && u->lemma != per->lemma) {
        q.unit = u;
        q.kind = FigureKind::kMoney;
        q.currency = u->currency;
        break;
      }
    }
  }
}

void InheritMoney(const FieldText& f, std::vector<Quantity>* qs) {
  for (size_t k = 0; k < qs->size(); ++k) {
    Quantity& q = (*qs)[k];
    if (!q.bare()) continue;
    if (q.words && !q.has_scale) {
      if (q.kind == FigureKind::kNumber && q.value == std::floor(q.value))
        q.kind = FigureKind::kCount;
      continue;
    }
    // The last money figure of the same sentence.
    for (size_t m = k; m > 0; --m) {
      const Quantity& p = (*qs)[m - 1];
      if (f.words[p.first].sentence != f.words[q.first].sentence) break;
      if (p.kind != FigureKind::kMoney) continue;
      if (q.has_scale || q.first - p.last <= kMoneyWindow) {
        q.kind = FigureKind::kMoney;
        q.currency = p.currency;
      }
      break;
    }
    if (q.kind == FigureKind::kMoney) continue;
    if (!q.has_scale) {
      // Bare integers are counts of something the text names elsewhere; decimals are readings.
      q.kind = q.value == std::floor(q.value) ? FigureKind::kCount : FigureKind::kNumber;
      continue;
    }
    // A headline figure repeated with its currency elsewhere.
    for (const Quantity& p : *qs) {
      if (p.kind == FigureKind::kMoney && !p.currency.empty() && p.value == q.value) {
        q.kind = FigureKind::kMoney;
        q.currency = p.currency;
        break;
      }
    }
    if (q.kind != FigureKind::kMoney) q.kind = FigureKind::kCount;
  }
}

}  // namespace

// "tajawaza 'adad i'adat al-nashr ... 296 alfan", "balagha 'adad al-ashum ... 148.6 milyun": a
// bare number whose sentence named what it counts after "'adad" (the number of) earlier.
void CountedFromSubject(const FiguresLexicon& lex, const FieldText& f, Quantity* q) {
  constexpr std::string_view kAdad = "\u0639\u062f\u062f";
  const auto& w = f.words;
  const size_t floor = q->first > 10 ? q->first - 10 : 0;
  for (size_t k = q->first; k-- > floor;) {
    if (w[k].sentence != w[q->first].sentence || w[k].kind == TokenKind::kNumber) return;
    std::string_view n = w[k].norm;
    if (n.size() == kAdad.size() + 2 && n.substr(2) == kAdad &&
        (n.starts_with(kWaw) || n.starts_with(kBeh) || n.starts_with(kLam))) {
      n.remove_prefix(2);
    }
    if (n != kAdad) continue;
    const size_t a = k + 1;
    if (a >= q->first || w[a].kind != TokenKind::kArabic) return;
    if (StartsWith(w[a].norm, kArticle)) {
      const std::string_view bare = w[a].norm.substr(kArticle.size());
      const std::string_view one = lex.Singular(bare);
      q->counted = std::string(one.empty() ? bare : one);
    } else if (a + 1 < q->first && w[a + 1].kind == TokenKind::kArabic &&
               StartsWith(w[a + 1].norm, kArticle)) {  // A construct: i'adat al-nashr.
      q->counted = std::string(f.text.substr(w[a].start, w[a + 1].end - w[a].start));
    } else {
      return;
    }
    if (q->kind == FigureKind::kNumber) q->kind = FigureKind::kCount;
    return;
  }
}

bool Others(std::string_view folded) {  // akharun, akharin, akhar
  return folded == "\u0627\u062e\u0631\u0648\u0646" || folded == "\u0627\u062e\u0631\u064a\u0646" ||
         folded == "\u0627\u062e\u0631";
}

// "qutila 7 ashkhas wa-usiba 12 akharun": "others" counts the noun of the figure before it in
// the sentence, and nothing when there is none.
void InheritOthers(const FieldText& f, std::vector<Quantity>* qs) {
  for (size_t k = 0; k < qs->size(); ++k) {
    Quantity& q = (*qs)[k];
    // Only "others" right after the number ("12 akharun"), not before it ("al-akharin al-46").
    if (q.unit != nullptr || q.counted.empty() || q.last >= f.words.size() ||
        !Others(f.words[q.last].norm)) {
      continue;
    }
    q.counted.clear();
    for (size_t p = k; p-- > 0;) {
      const Quantity& before = (*qs)[p];
      if (f.words[before.first].sentence != f.words[q.first].sentence) break;
      if (before.unit == nullptr && !before.counted.empty() && !Others(Normalize(before.counted))) {
        q.counted = before.counted;
        break;
      }
    }
  }
}

void ResolveContext(const FiguresLexicon& lex, const FieldText& f, std::vector<Quantity>* qs) {
  FindRanges(f, qs);
  InheritOthers(f, qs);
  for (Quantity& q : *qs) {
    if (q.year_like && q.unit == nullptr && !lex.IsKnownNoun(Normalize(q.counted))) q.drop = true;
    if (!q.drop && q.bare() && !q.words) CountedFromSubject(lex, f, &q);
  }
  std::vector<ContextHit> hits;
  bool hits_ready = false;
  for (Quantity& q : *qs) {
    if (q.qualifier == Qualifier::kExact) FindQualifier(lex, f, &q);
    if (q.unit != nullptr && !q.currency.empty()) {
      if (!hits_ready) {
        hits = FindContextHits(lex, f);
        hits_ready = true;
      }
      CurrencyFromContext(lex, hits, &q);
    }
  }
  InheritConversions(f, qs);
  ExchangeRates(lex, f, qs);
  InheritMoney(f, qs);
}

}  // namespace khabar::text::figures_internal
