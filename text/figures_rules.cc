// The negative and noun rules of the figures reader: what a number next to it makes a date, a
// time, an identifier or an ordinal rather than a figure, and which word is the counted noun.

#include "text/chars.h"
#include "text/figures_scan.h"
#include "text/utf8.h"

namespace khabar::text::figures_internal {

size_t Reader::Prev(size_t i) const {
  if (i == 0) return SIZE_MAX;
  size_t p = i - 1;
  if (w_[p].kind == TokenKind::kPunct && (w_[p].norm == "(" || w_[p].norm == "\"" ||
                                          w_[p].norm == "\u00ab" || w_[p].norm == "\u201c")) {
    if (p == 0) return SIZE_MAX;
    --p;
  }
  return p;
}

uint32_t Reader::SpanStart(size_t i, int prefix_letters) const {
  uint32_t pos = w_[i].start;
  const std::string_view text = f_.text;
  for (int k = 0; k < prefix_letters && pos < w_[i].end; ++k) {
    size_t len;
    DecodeAt(text, pos, &len);
    pos += static_cast<uint32_t>(len);
    while (pos < w_[i].end) {  // Marks and tatweel after a clitic belong to it.
      const char32_t c = DecodeAt(text, pos, &len);
      if (!IsArabicMark(c)) break;
      pos += static_cast<uint32_t>(len);
    }
  }
  return pos;
}

const NumberWord* Reader::NumberWordAt(size_t i, Stem* stem) const {
  if (!IsArabic(i)) return nullptr;
  const NumberReading* r = lex_.ReadNumberWord(w_[i].norm);
  if (r == nullptr || (r->definite && r->word.no_article)) return nullptr;
  *stem = Stem{w_[i].norm.substr(r->bare_offset), r->prefix_letters, r->conj, r->prep, r->definite};
  return &r->word;
}

std::string Reader::AsWritten(size_t i, size_t skip) const {
  std::string out;
  const std::string_view original = f_.text.substr(w_[i].start, w_[i].end - w_[i].start);
  for (size_t k = 0; k < original.size();) {
    size_t len;
    const char32_t c = DecodeAt(original, k, &len);
    if (!IsArabicMark(c)) {
      if (skip > 0) {
        --skip;
      } else {
        out.append(original.substr(k, len));
      }
    }
    k += len;
  }
  return out;
}

std::string Reader::CountedNoun(size_t i) const {
  if (!IsArabic(i) || i >= w_.size()) return {};
  const std::string_view norm = w_[i].norm;
  if (norm.size() < 6 || StartsWith(norm, kArticle) || lex_.IsStopWord(norm)) return {};
  if (i > 0 && w_[i].paragraph != w_[i - 1].paragraph) return {};
  // wa-l-markaz: a conjunction before a definite word starts a new phrase.
  if (StartsWith(norm, kWaw) && StartsWith(norm.substr(kWaw.size()), kArticle)) return {};
  // A verb is no counted noun: wa- + a perfect verb in -at ("qatalat ithnayn wa-'taqalat 16"),
  // a perfect plural in -u ("thalatha usibu"; nouns in -wan such as 'udwan have four letters).
  if (StartsWith(norm, kWaw) && EndsWith(norm, "\u062a") && !EndsWith(norm, "\u0627\u062a")) {
    return {};
  }
  if (EndsWith(norm, "\u0648\u0627") && norm.size() >= 10) return {};
  if (StartsWith(norm, kLam) || StartsWith(norm, kBeh) || StartsWith(norm, kKaf)) {
    // li-/bi- + noun is a prepositional phrase, not the counted noun; keep nouns that simply
    // start with these letters when the lexicon knows them (with or without tanween alef).
    std::string_view s = lex_.Singular(norm);
    if (s.empty() && EndsWith(norm, "\u0627")) s = lex_.Singular(norm.substr(0, norm.size() - 2));
    return s.empty() ? std::string() : std::string(s);
  }
  Stem stem;
  if (NumberWordAt(i, &stem) != nullptr || lex_.BlocksAfter(norm)) return {};
  const std::string_view s = lex_.Singular(norm);
  if (!s.empty()) return std::string(s);
  // The word as written, without marks (harakat, tatweel), and without the accusative tanween
  // alef, the plural -in, or with -at back to teh marbuta: mushahadatan -> mushahada.
  std::string out = AsWritten(i, 0);
  if (EndsWith(out, "\u0627") && out.size() > 6) {
    out.resize(out.size() - 2);
  } else if (EndsWith(out, "\u064a\u0646") && out.size() > 8) {
    out.resize(out.size() - 4);
  } else if (EndsWith(out, "\u0627\u062a") && out.size() > 8) {
    out.resize(out.size() - 4);
    out += "\u0629";
  }
  return out;
}

size_t Reader::DefinitePluralBefore(size_t p) const {
  if (p == 0 || !IsArabic(p - 1)) return SIZE_MAX;
  const std::string_view n = Norm(p - 1);
  if (!StartsWith(n, kArticle) || n.size() < 10) return SIZE_MAX;
  const std::string_view bare = n.substr(kArticle.size());
  size_t consumed = 0;
  const std::string_view one[1] = {bare};
  const UnitEntry* u = lex_.MatchUnit(std::span(one, 1), &consumed);
  if (u != nullptr && u->kind == FigureKind::kDuration && u->lemma != bare) return p - 1;
  if (!lex_.Singular(bare).empty() && lex_.Singular(bare) != bare) return p - 1;
  if (EndsWith(bare, "\u064a\u0646") || EndsWith(bare, "\u0627\u062a") ||
      EndsWith(bare, "\u0648\u0646")) {
    return p - 1;
  }
  return SIZE_MAX;
}

bool Reader::DigitsAreNotAFigure(size_t i, const Numeral& n) const {
  // Times of day, dates and identifiers written with digits around ':' or '/'.
  auto is_sep = [&](size_t k) {
    return k < w_.size() && w_[k].kind == TokenKind::kPunct &&
           (w_[k].norm == ":" || w_[k].norm == "/");
  };
  if (i >= 2 && is_sep(i - 1) && IsNumber(i - 2)) return true;
  if (is_sep(i + 1) && IsNumber(i + 2)) return true;
  if (n.leading_zero && !n.has_fraction) return true;
  auto blocked_by = [&](size_t word) {
    if (word == SIZE_MAX || !IsArabic(word)) return false;
    Stem stems[kMaxStems];
    const int k = Stems(w_[word].norm, stems);
    for (int s = 0; s < k; ++s) {
      if (lex_.BlocksBefore(stems[s].bare) ||
          (stems[s].definite &&
           lex_.BlocksBefore(std::string(kArticle) + std::string(stems[s].bare)))) {
        return true;
      }
    }
    return false;
  };
  const size_t p = Prev(i);
  if (blocked_by(p)) return true;
  // "al-daqa'iq 23 wa-45 wa-67", "al-daqiqa 90+3": numbers joined to a blocked one share its
  // context.
  for (size_t k = i, steps = 0; steps < 6; ++steps) {
    const size_t c = Prev(k);
    if (c == SIZE_MAX || !(Norm(c) == kWaw || IsPunct(w_[c], "+") || IsPunct(w_[c], ","))) break;
    const size_t m = Prev(c);
    if (m == SIZE_MAX || !IsNumber(m)) break;
    if (blocked_by(Prev(m))) return true;
    k = m;
  }
  // The second number of "bi-natija 2-1" shares the first one's context.
  if (i >= 2 && IsPunct(w_[i - 1], "-") && IsNumber(i - 2) && blocked_by(Prev(i - 2))) return true;
  if (p != SIZE_MAX && IsArabic(p)) {
    // al- + number is an ordinal (al-7), except inside "bayna al-1 wa 2", before a unit
    // ("khilal al-24 sa'a") and after a definite plural it counts ("al-sa'at al-24").
    if (w_[p].norm == kArticle) {
      const size_t pp = Prev(p);
      const std::string_view next[3] = {Norm(i + 1), Norm(i + 2), Norm(i + 3)};
      size_t consumed = 0;
      const UnitEntry* u = lex_.MatchUnit(std::span(next, 3), &consumed);
      const bool counts = DefinitePluralBefore(p) != SIZE_MAX;
      if ((pp == SIZE_MAX || !EndsWith(Norm(pp), kBayn)) && (u == nullptr || u->dual) && !counts) {
        return true;
      }
    }
  }
  if (p != SIZE_MAX && w_[p].kind == TokenKind::kLatin) return true;  // "SV 596"
  // Dates: a month name (or "min" + month) after the number.
  size_t nx = i + 1;
  if (IsArabic(nx) && (lex_.BlocksAfter(Norm(nx)) || (w_[nx].glued && Norm(nx) == kHijriMark))) {
    return true;
  }
  // "20 Safar 1445" (a date) and "3 sifr" (a score, 3-0): a number before safar/sifr counts
  // nothing.
  if (IsArabic(nx) && Norm(nx) == kSifr) return true;
  if (IsArabic(nx) && Norm(nx) == kMin && IsArabic(nx + 1) &&
      (lex_.BlocksAfter(Norm(nx + 1)) || Norm(nx + 1) == kNafs || Norm(nx + 1) == kShahr)) {
    return true;
  }
  // Numeric dates: 6-6-2015.
  auto dash_num = [&](size_t d, size_t num) {
    return d < w_.size() && num < w_.size() && IsPunct(w_[d], "-") && IsNumber(num);
  };
  if ((dash_num(i + 1, i + 2) && dash_num(i + 3, i + 4)) ||
      (i >= 2 && dash_num(i - 1, i - 2) &&
       (dash_num(i + 1, i + 2) || (i >= 4 && dash_num(i - 3, i - 4))))) {
    return true;
  }
  // A list or range of days before a month: "fi 14 wa-17 Aghustus", "min 13 wa-hatta 15 ...".
  {
    const std::string_view c = Norm(nx);
    const bool connector =
        (IsArabic(nx) && (c == kWaw || c == kHatta || c == kWaHatta || c == kIla || c == kWaIla)) ||
        (nx < w_.size() && IsPunct(w_[nx], "-"));
    if (connector && IsNumber(nx + 1) && IsArabic(nx + 2) && lex_.BlocksAfter(Norm(nx + 2))) {
      return true;
    }
  }
  // A list of ordinals: "al-7 wa 8".
  if (p != SIZE_MAX && Norm(p) == kWaw && p >= 3 && IsNumber(p - 1) && Norm(p - 2) == kArticle &&
      !EndsWith(Norm(p - 3), kBayn)) {
    return true;
  }
  // "al-7 yawm al-jum'a": a day before a weekday is a date.
  if (IsArabic(nx) && IsArabic(nx + 1) && lex_.IsWeekday(Norm(nx + 1))) {
    size_t consumed = 0;
    const std::string_view day[1] = {Norm(nx)};
    const UnitEntry* u = lex_.MatchUnit(std::span(day, 1), &consumed);
    if (u != nullptr && u->kind == FigureKind::kDuration) return true;
  }
  // Scores: "(sifr-2)", "3- sifr", "(2-3)".
  auto is_dash = [&](size_t k) { return k < w_.size() && IsPunct(w_[k], "-"); };
  if ((is_dash(i + 1) && Norm(i + 2) == kSifr) ||
      (i >= 2 && is_dash(i - 1) && Norm(i - 2) == kSifr)) {
    return true;
  }
  if (!n.has_fraction && n.value <= 20 && is_dash(i + 1) && IsNumber(i + 2) && i + 3 < w_.size() &&
      IsPunct(w_[i + 3], ")")) {
    return true;
  }
  if (!n.has_fraction && n.value <= 20 && i >= 2 && is_dash(i - 1) && IsNumber(i - 2) &&
      i + 1 < w_.size() && IsPunct(w_[i + 1], ")")) {
    return true;
  }
  // "88591 - Stc": a short code before a Latin name.
  if (is_dash(i + 1) && i + 2 < w_.size() && w_[i + 2].kind == TokenKind::kLatin) return true;
  // A list marker at the start of a paragraph: "2 - ...", "3. ...", "1) ...".
  if ((i == 0 || w_[i - 1].paragraph != w_[i].paragraph) && i + 1 < w_.size()) {
    if (w_[i + 1].kind == TokenKind::kPunct &&
        (w_[i + 1].norm == "-" || w_[i + 1].norm == "." || w_[i + 1].norm == ")" ||
         w_[i + 1].norm == "\u2013")) {
      return true;
    }
    // "3 ـ ...": a lone tatweel as the dash (it is dropped between tokens, so look at the text).
    const std::string_view gap =
        f_.text.substr(w_[i].end, w_[i + 1].start - w_[i].end);
    if (gap.find("\u0640") != std::string_view::npos) return true;
  }
  // A year before or after Christ: "8000 q.m.", "300 qabl al-milad", "1235 m" after a Hijri year.
  {
    constexpr std::string_view kQaf = "\u0642", kMeem = "\u0645", kQabl = "\u0642\u0628\u0644",
                               kMilad = "\u0627\u0644\u0645\u064A\u0644\u0627\u062F";
    size_t k = i + 1;
    if (Norm(k) == kQaf && k + 1 < w_.size() && IsPunct(w_[k + 1], ".")) k += 2;
    else if (Norm(k) == kQaf) k += 1;
    else if (Norm(k) == kQabl && Norm(k + 1) == kMilad) return true;
    if (k != i + 1 && Norm(k) == kMeem) return true;
  }
  // A label or a ratio: "rajul 1 :", "5:3" (times are caught above).
  if (i + 1 < w_.size() && IsPunct(w_[i + 1], ":")) return true;
  // Digits glued to a word are part of an identifier: "milaf1", "s140" (not the clitics bi-,
  // wa-, al- of "bi-3,06", "wa-60%", "al-1", nor a typo before a unit: "bi-nisbat13 fi al-mi'a").
  if (i > 0 && w_[i].glued && IsArabic(i - 1) && w_[i - 1].norm.size() >= 6 &&
      !EndsWith(w_[i - 1].norm, kArticle)) {
    const std::string_view next[3] = {Norm(i + 1), Norm(i + 2), Norm(i + 3)};
    size_t consumed = 0;
    const UnitEntry* u = lex_.MatchUnit(std::span(next, 3), &consumed);
    Stem stem;
    const NumberWord* scale = NumberWordAt(i + 1, &stem);
    const bool has_scale = scale != nullptr && scale->cls == NumberWordClass::kScale;
    const bool known_noun = IsArabic(i + 1) && !lex_.Singular(Norm(i + 1)).empty();
    if ((u == nullptr || u->dual) && !has_scale && !known_noun) return true;
  }
  return false;
}

}  // namespace khabar::text::figures_internal
