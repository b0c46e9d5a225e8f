#include "text/figures.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "text/chars.h"
#include "text/figures_scan.h"
#include "text/normalize.h"
#include "text/numbers.h"
#include "text/utf8.h"

namespace khabar::text {
namespace figures_internal {

size_t Reader::ReadScaleAndCompound(size_t j, CardinalBuilder* b, Quantity* q) {
  while (j < w_.size()) {
    if (IsArabic(j)) {
      Stem stem;
      const NumberWord* nw = NumberWordAt(j, &stem);
      if (nw != nullptr && stem.prefix_letters == 0 && nw->cls == NumberWordClass::kScale &&
          b->Add(*nw, false)) {
        q->has_scale = true;
        q->scale = nw->value;
        ++j;
        continue;
      }
      // "wa" + number after a scale: 11 alfan wa 532, milyun wa nisf.
      if (b->last_scale() > 1) {
        if (Norm(j) == kWaw && w_[j].kind == TokenKind::kArabic && IsNumber(j + 1) &&
            w_[j + 1].glued) {
          CardinalBuilder trial = *b;
          if (auto n =
                  ParseNumeral(f_.text.substr(w_[j + 1].start, w_[j + 1].end - w_[j + 1].start));
              n && trial.AddDigits(n->value, true) && !ScaleRejects(j + 2, trial)) {
            *b = trial;
            j += 2;
            continue;
          }
        }
        CardinalBuilder trial = *b;
        Stem s_next;
        const NumberWord* next = NumberWordAt(j + 1, &s_next);
        const bool half_of_scale = nw != nullptr && nw->cls == NumberWordClass::kFraction &&
                                   next != nullptr && next->cls == NumberWordClass::kScale &&
                                   next->value == b->last_scale();
        if (nw != nullptr && stem.conj && stem.prefix_letters == 1 && trial.Add(*nw, true) &&
            (half_of_scale || !ScaleRejects(j + 1, trial))) {
          *b = trial;
          ++j;
          // "thalatha malayin wa-nisf al-milyun": the scale repeated after the half.
          Stem s2;
          const NumberWord* again = NumberWordAt(j, &s2);
          if (nw->cls == NumberWordClass::kFraction && again != nullptr && s2.prefix_letters == 0 &&
              again->cls == NumberWordClass::kScale && again->value == b->last_scale()) {
            ++j;
          }
          continue;
        }
      }
    }
    break;
  }
  return j;
}

bool Reader::ScaleRejects(size_t j, const CardinalBuilder& b) const {
  Stem stem;
  const NumberWord* nw = NumberWordAt(j, &stem);
  if (nw == nullptr || nw->cls != NumberWordClass::kScale || stem.prefix_letters > 0) return false;
  CardinalBuilder trial = b;
  return !trial.Add(*nw, false);
}

bool Reader::ReadDigits(size_t i, Quantity* q) {
  const Word& w = w_[i];
  const auto n = ParseNumeral(f_.text.substr(w.start, w.end - w.start));
  if (!n || DigitsAreNotAFigure(i, *n)) return false;
  CardinalBuilder b;
  if (!b.AddDigits(n->value, false)) return false;
  q->first = i;
  q->start = w.start;
  size_t j = ReadScaleAndCompound(i + 1, &b, q);
  // A currency sign before the number: "$50".
  if (i > 0 && w.glued && w_[i - 1].kind == TokenKind::kPunct) {
    size_t consumed = 0;
    const std::string_view sign[1] = {w_[i - 1].norm};
    const UnitEntry* u = lex_.MatchUnit(std::span(sign, 1), &consumed);
    if (u != nullptr && u->kind == FigureKind::kMoney) {
      q->first = i - 1;
      q->start = w_[i - 1].start;
      q->unit = u;
    }
  }
  q->value = b.Value();
  q->last = j;
  q->end = w_[j - 1].end;
  ReadUnit(q);
  // Years, Hijri years and long identifiers are not figures unless a unit or scale follows.
  if (q->unit == nullptr && !q->has_scale && !n->has_fraction && !n->grouped) {
    const double v = n->value;
    // Years: kept only if a range gives them a unit (bayna 1500 wa-2000 riyal).
    if (n->integer_digits == 4 && v >= 1300 && v <= 2100) {
      q->year_like = true;
      // "takharraja fi al-'am 1945 min kulliyyat...": after "year" it is a year, whatever follows.
      Stem stems[kMaxStems];
      const size_t p = Prev(i);
      const int ns = p != SIZE_MAX && IsArabic(p) ? Stems(Norm(p), stems) : 0;
      for (int k = 0; k < ns; ++k) {
        if (stems[k].bare == kAam || stems[k].bare == kSana) return false;
      }
    }
    if (n->integer_digits >= 7 && q->counted.empty()) return false;  // Phone numbers.
  }
  // "al-sa'at al-24", "al-mu'taqalin al-450": the definite plural before "al-" is the unit.
  if (q->bare() && i >= 1 && w_[i - 1].norm == kArticle) {
    const size_t noun = DefinitePluralBefore(i - 1);
    if (noun != SIZE_MAX) {
      const std::string_view bare = Norm(noun).substr(kArticle.size());
      size_t consumed = 0;
      const std::string_view one[1] = {bare};
      const UnitEntry* u = lex_.MatchUnit(std::span(one, 1), &consumed);
      if (u != nullptr && u->kind == FigureKind::kDuration) {
        q->unit = u;
        q->first = noun;
        q->start = w_[noun].start;
      } else {
        const std::string_view s = lex_.Singular(bare);
        q->counted = s.empty() ? AsWritten(noun, 2) : std::string(s);
        q->kind = FigureKind::kCount;
      }
    }
  }
  // Counts are whole: "1.250 mashru'an", "12,500 jawla" separate thousands.
  if (q->unit == nullptr && !q->counted.empty() && !q->has_scale && n->has_fraction &&
      n->fraction_digits == 3 && !n->swapped && n->integer_digits <= 3 && n->value >= 1) {
    q->value = std::round(n->value * 1000);
  }
  if (q->unit == nullptr && q->counted.empty() && IsArabic(Prev(i))) {
    if (const UnitEntry* u = lex_.UnitBefore(Norm(Prev(i)))) {
      q->kind = u->kind;
      q->counted = u->lemma;  // Named before the number: outside the span.
    }
  }
  return true;
}

bool Reader::ReadDualUnit(size_t i, Quantity* q) {
  size_t consumed = 0;
  std::string_view words[3] = {Norm(i), Norm(i + 1), Norm(i + 2)};
  const UnitEntry* u = lex_.MatchUnit(std::span(words, 3), &consumed);
  // "qabla al-qimma bi-yawmayn": a one-letter clitic glued to a time dual stays out of the span.
  size_t clitic = 0;
  const auto clitic_first = [&] {
    for (std::string_view c : kDualClitics) {
      if (StartsWith(words[0], c)) return true;
    }
    return false;
  };
  if (u == nullptr && words[0].size() >= 10 && clitic_first()) {
    words[0].remove_prefix(2);
    u = lex_.MatchUnit(std::span(words, 3), &consumed);
    if (u != nullptr && u->dual && u->kind == FigureKind::kDuration) clitic = 2;
    else u = nullptr;
  }
  if (u == nullptr || !u->dual) return false;
  // "fi al-daqiqatayn 23 wa-67": the two minutes are named by the numbers after them.
  if (IsNumber(i + consumed)) return false;
  q->first = i;
  q->last = i + consumed;
  q->start = w_[i].start + static_cast<uint32_t>(clitic);
  q->end = w_[q->last - 1].end;
  q->value = 2;
  q->words = true;
  q->unit = u;
  q->after = q->last;
  return true;
}

bool Reader::ReadWords(size_t i, Quantity* q) {
  Stem stem;
  const NumberWord* nw = NumberWordAt(i, &stem);
  if (nw == nullptr) return ReadDualUnit(i, q);
  if (nw->compound && !IsArabic(i + 1)) return false;
  const size_t p = Prev(i);
  // "'Abd al-Wahid": a name, not the number one.
  if (p != SIZE_MAX && IsArabic(p) && EndsWith(Norm(p), kAbd) && Norm(p).size() <= kAbd.size() + 2) {
    return false;
  }
  // After an ordinal word the number is part of it (al-thaniya 'ashra), unless a scale follows
  // (al-markaz al-thani 'asharat alaf: "second place: ten thousand").
  const bool after_ordinal = p != SIZE_MAX && IsArabic(p) && lex_.IsOrdinal(w_[p].norm);
  CardinalBuilder b;
  if (!b.Add(*nw, false)) return false;
  q->first = i;
  q->start = SpanStart(i, stem.prefix_letters);
  q->words = true;
  size_t j = i + 1;
  // "bayna alfayn wa-thalathat alaf": a "wa" addition that a following scale cannot take was a
  // range or list connector; the number ends before it.
  CardinalBuilder before_conj;
  size_t conj_at = SIZE_MAX;
  while (j < w_.size() && IsArabic(j)) {
    Stem s2;
    const NumberWord* n2 = NumberWordAt(j, &s2);
    if (n2 == nullptr || (s2.prefix_letters > 0 && !(s2.conj && s2.prefix_letters == 1))) break;
    if (s2.definite && n2->cls != NumberWordClass::kScale) break;
    if (n2->cls == NumberWordClass::kFraction) break;  // "wa-nisf" is read with the unit.
    const CardinalBuilder saved = b;
    if (!b.Add(*n2, s2.conj)) break;
    if (s2.conj) {
      before_conj = saved;
      conj_at = j;
    } else if (n2->cls == NumberWordClass::kScale) {
      conj_at = SIZE_MAX;
    }
    if (n2->cls == NumberWordClass::kScale) {
      q->has_scale = true;
      q->scale = n2->value;
    }
    ++j;
  }
  if (conj_at != SIZE_MAX && ScaleRejects(j, b)) {
    b = before_conj;
    j = conj_at;
    q->has_scale = b.last_scale() > 1;
    q->scale = b.last_scale();
  }
  j = ReadScaleAndCompound(j, &b, q);
  if (nw->compound && b.words() < 2) return false;
  if (after_ordinal && !q->has_scale) return false;
  if (nw->cls == NumberWordClass::kScale) {
    q->has_scale = true;
    q->scale = nw->value;
  }
  q->value = b.Value();
  // "milyunan wa-200 alf": a dual written with its final alef and followed by a "wa" addition is
  // the accusative singular (one million), not "two million".
  if (nw->dual && nw->cls == NumberWordClass::kScale && j > i + 1 &&
      EndsWith(stem.bare, "\u0627") && StartsWith(Norm(i + 1), kWaw)) {
    q->value -= nw->value;
  }
  q->last = j;
  q->end = w_[j - 1].end;
  ReadUnit(q);
  const bool single = b.words() == 1;
  if (q->bare() && q->last < w_.size() && w_[q->last].norm == w_[i].norm) {
    return false;  // "khams khams sanawat": a repeated word in the source.
  }
  const NumberWordClass cls = nw->cls;
  if (single && cls == NumberWordClass::kVague) {
    return false;  // "mi'at" alone; "mi'at al-alaf" has a scale.
  }
  if (b.words() == 2 && cls == NumberWordClass::kVague) q->qualifier = Qualifier::kApprox;
  if (single && cls == NumberWordClass::kFraction) {
    // A fraction needs a unit (rub' qarn) or a qualifier before it (nahwa thuluth).
    if (q->unit == nullptr) {
      size_t consumed = 0;
      std::string_view before[3];
      size_t nb = 0;
      for (size_t k = p; k != SIZE_MAX && nb < 3; k = k == 0 ? SIZE_MAX : k - 1) {
        before[2 - nb++] = Norm(k);
      }
      if (nb == 0 || lex_.QualifierBefore(std::span(before + (3 - nb), nb), &consumed) == nullptr) {
        return false;
      }
      q->counted.clear();
      q->kind = FigureKind::kNumber;
      return true;
    }
  }
  // A scale word alone needs a unit or a counted noun (alf mabruk is an idiom), except million
  // and above (akthar min milyun).
  if (single && cls == NumberWordClass::kScale && !nw->dual && q->bare() && nw->value < 1e6) {
    return false;
  }
  std::string_view bare = stem.bare;
  if (EndsWith(bare, "\u0627") && bare.size() > 8) bare.remove_suffix(2);  // wahidan
  if (single && bare == kWahida && q->unit == nullptr) return false;
  if (single && bare == kWahid && q->unit == nullptr) {
    // "la'ib wahid", "'am wahid": one that quantifies the noun before it.
    if (p == SIZE_MAX || !IsArabic(p) || StartsWith(Norm(p), kArticle)) return false;
    q->counted.clear();
    size_t consumed = 0;
    const std::string_view noun[1] = {Norm(p)};
    const UnitEntry* u = lex_.MatchUnit(std::span(noun, 1), &consumed);
    if (u == nullptr && lex_.IsStopWord(Norm(p))) return false;
    if (u != nullptr) {
      q->unit = u;
      q->first = p;
      q->start = w_[p].start;
    } else {
      q->counted = CountedNoun(p);
    }
  }
  // "la'iban ithnan": two after a dual noun counts that noun.
  if (single && nw->value == 2 && cls == NumberWordClass::kUnit && p != SIZE_MAX && IsArabic(p) &&
      !StartsWith(Norm(p), kArticle) && Norm(p).size() > 8 &&
      (EndsWith(Norm(p), "\u0627\u0646") || EndsWith(Norm(p), "\u064a\u0646")) &&
      !lex_.IsStopWord(Norm(p))) {
    q->counted = AsWritten(p, 0);
    for (int letters = 0; letters < 2 && !q->counted.empty(); ++letters) {  // The dual ending.
      unsigned char c;
      do {  // Continuation bytes, then the lead byte.
        c = static_cast<unsigned char>(q->counted.back());
        q->counted.pop_back();
      } while (!q->counted.empty() && (c & 0xC0) == 0x80);
    }
    q->kind = FigureKind::kCount;
  }
  // A definite tens word after a noun is an ordinal: al-qarn al-'ishrin (the 20th century).
  if (stem.definite && single && cls == NumberWordClass::kTens && q->unit == nullptr) return false;
  if (stem.definite && q->bare()) {
    // "al-ashhur al-sab'a", "al-mawasim al-sab'a": the noun comes before a definite number.
    if (p == SIZE_MAX || !IsArabic(p) || !StartsWith(Norm(p), kArticle)) return false;
    // A nisba adjective between noun and number: al-masadir al-sa'udiyya al-thalatha.
    if ((EndsWith(Norm(p), "\u064a\u0647") || EndsWith(Norm(p), "\u064a")) && p > 0 &&
        IsArabic(p - 1) && StartsWith(Norm(p - 1), kArticle) && !lex_.IsStopWord(Norm(p - 1))) {
      const std::string_view n2 = Norm(p - 1).substr(kArticle.size());
      const std::string_view s2 = lex_.Singular(n2);
      q->counted = s2.empty() ? AsWritten(p - 1, 2) : std::string(s2);
      return true;
    }
    size_t consumed = 0;
    const std::string_view noun[1] = {Norm(p).substr(kArticle.size())};
    const UnitEntry* u = lex_.MatchUnit(std::span(noun, 1), &consumed);
    if (u != nullptr && u->kind == FigureKind::kDuration) {
      q->unit = u;
      q->first = p;
      q->start = w_[p].start;
    } else {
      const std::string_view s = lex_.Singular(noun[0]);
      q->counted = s.empty() ? AsWritten(p, 2) : std::string(s);
    }
  }
  return true;
}

void Reader::ReadUnit(Quantity* q) {
  size_t j = q->last;
  q->after = j;
  if (j >= w_.size() || q->unit != nullptr) return;
  std::string_view words[3] = {Norm(j), Norm(j + 1), Norm(j + 2)};
  size_t consumed = 0;
  const UnitEntry* u = lex_.MatchUnit(std::span(words, 3), &consumed);
  if (u != nullptr && u->dual) u = nullptr;
  if (u != nullptr) {
    q->unit = u;
    q->kind = u->kind;
    q->currency = u->currency;
    j += consumed;
    q->last = j;
    q->end = w_[j - 1].end;
    // "7 ashhur wa-nisf", "khams sanawat wa-nisf al-sana".
    Stem stem;
    const NumberWord* half = NumberWordAt(j, &stem);
    if (half != nullptr && half->cls == NumberWordClass::kFraction && stem.conj &&
        stem.prefix_letters == 1 && !stem.definite) {
      q->value += half->value * (q->has_scale ? q->scale : 1);
      ++j;
      if (IsArabic(j) && StartsWith(Norm(j), kArticle)) {
        const std::string_view n1[1] = {Norm(j).substr(kArticle.size())};
        size_t c1 = 0;
        const UnitEntry* again = lex_.MatchUnit(std::span(n1, 1), &c1);
        if (again != nullptr && again->lemma == u->lemma) ++j;
      }
      q->last = j;
      q->end = w_[j - 1].end;
    }
    if (!u->currency.empty() && IsArabic(j)) {
      const std::string lemma = Normalize(u->lemma);
      const std::string_view code = lex_.CurrencyAdjective(lemma, Norm(j));
      if (!code.empty()) {
        q->currency = std::string(code);
        ++j;
        q->last = j;
        q->end = w_[j - 1].end;
      }
    }
    q->after = j;
    return;
  }
  if (!w_[j].glued || q->words) {
    std::string noun = CountedNoun(j);
    if (!noun.empty()) {
      q->counted = std::move(noun);
      q->kind = FigureKind::kCount;
      q->after = j + 1;
      return;
    }
  }
  // "ithnayn min al-la'ibin", "6 min ashum al-bunuk": a counted noun after "min".
  if (Norm(j) == kMin && IsArabic(j + 1) && !q->has_scale) {
    std::string_view noun = Norm(j + 1);
    const bool definite = StartsWith(noun, kArticle);
    if (definite) noun.remove_prefix(kArticle.size());
    const std::string_view s = lex_.Singular(noun);
    if (!s.empty() || (definite && q->words)) {
      q->counted = s.empty() ? AsWritten(j + 1, definite ? 2 : 0) : std::string(s);
      q->kind = FigureKind::kCount;
    }
  }
}

std::vector<Quantity> Reader::Run() {
  std::vector<Quantity> out;
  size_t i = 0;
  while (i < w_.size()) {
    const Word& w = w_[i];
    Quantity q;
    bool ok = false;
    if (w.kind == TokenKind::kNumber) {
      ok = ReadDigits(i, &q);
    } else if (w.kind == TokenKind::kArabic && w.norm.size() >= 4 && lex_.MaybeKnown(w.hash)) {
      ok = ReadWords(i, &q);
    }
    if (!ok) {
      ++i;
      continue;
    }
    if (q.unit != nullptr) {
      q.kind = q.unit->kind;
      if (q.currency.empty()) q.currency = q.unit->currency;
    } else if (!q.counted.empty() && q.kind == FigureKind::kNumber) {
      q.kind = FigureKind::kCount;
    }
    out.push_back(std::move(q));
    i = std::max(out.back().last, i + 1);
  }
  return out;
}

namespace {

// Twelve significant digits: 12.24 milyar is 12240000000, not 12239999999.999998.
double RoundValue(double v) {
  if (!std::isfinite(v) || v == 0) return v;
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.12g", v);
  return std::strtod(buf, nullptr);
}

}  // namespace
}  // namespace figures_internal

Result<FigureExtractor> FigureExtractor::Create() { return Create(EmbeddedFiguresLexiconFiles()); }

Result<FigureExtractor> FigureExtractor::Create(const FiguresLexiconFiles& files) {
  auto lex = FiguresLexicon::Parse(files);
  if (!lex.ok()) return lex.status();
  return FigureExtractor(std::make_shared<const FiguresLexicon>(std::move(lex).value()));
}

std::vector<Figure> FigureExtractor::ExtractArticle(std::string_view title,
                                                    std::string_view body) const {
  return ExtractArticle(FoldedTokens(title), FoldedTokens(body));
}

std::vector<Figure> FigureExtractor::ExtractArticle(const FoldedTokens& title,
                                                    const FoldedTokens& body) const {
  std::vector<Figure> out = Extract(title, Field::kTitle);
  std::vector<Figure> in_body = Extract(body, Field::kBody);
  for (Figure& f : out) {
    if (f.kind != FigureKind::kCount || !f.unit.empty() || !f.currency.empty()) continue;
    for (const Figure& b : in_body) {
      if (b.kind == FigureKind::kMoney && !b.currency.empty() && b.value == f.value) {
        f.kind = FigureKind::kMoney;
        f.currency = b.currency;
        break;
      }
    }
  }
  out.reserve(out.size() + in_body.size());
  for (Figure& f : in_body) out.push_back(std::move(f));
  return out;
}

std::vector<Figure> FigureExtractor::Extract(std::string_view text, Field field) const {
  return Extract(FoldedTokens(text), field);
}

std::vector<Figure> FigureExtractor::Extract(const FoldedTokens& tokens, Field field) const {
  using namespace figures_internal;
  std::vector<Figure> out;
  const std::string_view text = tokens.text();
  if (text.empty()) return out;
  FieldText f;
  BuildWords(tokens, &f);
  std::vector<Quantity> qs = Reader(*lex_, f).Run();
  ResolveContext(*lex_, f, &qs);
  out.reserve(qs.size());
  for (Quantity& q : qs) {
    if (q.drop) continue;
    Figure fig;
    fig.text = std::string(text.substr(q.start, q.end - q.start));
    fig.value = RoundValue(q.value);
    if (q.unit != nullptr) {
      if (q.unit->lemma != "-") fig.unit = q.unit->lemma;
    } else {
      fig.unit = std::move(q.counted);
    }
    fig.kind = q.kind;
    fig.currency = std::move(q.currency);
    fig.qualifier = q.qualifier;
    fig.span = Span{field, q.start, q.end};
    out.push_back(std::move(fig));
  }
  return out;
}

}  // namespace khabar::text
