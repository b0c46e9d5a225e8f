#include "text/quote_marks.h"

#include <utility>

namespace khabar::text {

QuoteMark QuoteMarkOf(std::string_view key) {
  if (key == "\"") return QuoteMark::kAscii;
  if (key == "\xC2\xAB") return QuoteMark::kOpenGuillemet;
  if (key == "\xC2\xBB") return QuoteMark::kCloseGuillemet;
  if (key == "\xE2\x80\x9C") return QuoteMark::kLeft;
  if (key == "\xE2\x80\x9D") return QuoteMark::kRight;
  return QuoteMark::kNone;
}

QuoteMark QuoteMarkAt(const FoldedTokens& t, size_t i) {
  if (i >= t.size() || t.tok(i).kind != TokenKind::kPunct) return QuoteMark::kNone;
  return QuoteMarkOf(t.key(i));
}

bool NewlineBefore(const FoldedTokens& t, size_t i) {
  if (i == 0 || i >= t.size()) return false;
  const uint32_t from = t.tok(i - 1).end;
  return t.text().substr(from, t.tok(i).start - from).find('\n') != std::string_view::npos;
}

bool SentenceEndAt(const FoldedTokens& t, size_t i) {
  // A full stop after a one-letter Arabic word abbreviates a title ("d." for doctor, "a." for
  // ustadh) and ends nothing.
  if (t.IsPunct(i, '.') && i > 0 && t.tok(i - 1).kind == TokenKind::kArabic &&
      t.key(i - 1).size() == 2) {
    return false;
  }
  // A full stop glued to words on both sides names a site ("al-Arabiya.net", "al-Jazeera.net").
  if (t.IsPunct(i, '.') && i > 0 && i + 1 < t.size() && t.tok(i - 1).end == t.tok(i).start &&
      t.tok(i).end == t.tok(i + 1).start && t.tok(i - 1).kind == TokenKind::kArabic &&
      t.tok(i + 1).kind == TokenKind::kArabic) {
    return false;
  }
  return t.IsPunct(i, '.') || t.IsPunct(i, '!') || t.IsPunct(i, '?') ||
         (i < t.size() && t.tok(i).kind == TokenKind::kPunct && t.key(i) == "\xD8\x9F");
}

bool HasQuoteMark(std::string_view text) {
  return text.find('"') != std::string_view::npos ||
         text.find("\xC2\xAB") != std::string_view::npos ||
         text.find("\xE2\x80\x9C") != std::string_view::npos ||
         text.find("\xE2\x80\x9D") != std::string_view::npos;
}

std::vector<QuoteSegment> FindQuoteSegments(const FoldedTokens& t) {
  std::vector<QuoteSegment> out;
  std::vector<std::pair<size_t, QuoteMark>> stack;
  auto close = [&](size_t i) {
    const size_t open = stack.back().first;
    stack.pop_back();
    if (stack.empty()) out.push_back(QuoteSegment{open, i, true});
  };
  auto flush = [&](size_t end) {  // Paragraph end: an open quote runs to its sentence's end.
    if (stack.empty()) return;
    const size_t open = stack.front().first;
    size_t last = end;
    for (size_t k = open + 1; k < end; ++k) {
      if (SentenceEndAt(t, k)) {
        last = k + 1;
        break;
      }
    }
    if (last > open + 1) out.push_back(QuoteSegment{open, last - 1, false});
    stack.clear();
  };
  // Some Maghreb papers print guillemets reversed throughout: ">> text <<". A field whose first
  // guillemet is >> and whose >> and << are as many is read with the two swapped.
  size_t opens = 0, closes = 0;
  bool first_close = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const QuoteMark m = QuoteMarkAt(t, i);
    if (m == QuoteMark::kCloseGuillemet && opens == 0 && closes == 0) first_close = true;
    opens += m == QuoteMark::kOpenGuillemet;
    closes += m == QuoteMark::kCloseGuillemet;
  }
  const bool reversed = first_close && opens == closes;
  for (size_t i = 0; i < t.size(); ++i) {
    if (NewlineBefore(t, i)) flush(i);
    QuoteMark m = QuoteMarkAt(t, i);
    if (m == QuoteMark::kNone) continue;
    if (reversed && m == QuoteMark::kOpenGuillemet) {
      m = QuoteMark::kCloseGuillemet;
    } else if (reversed && m == QuoteMark::kCloseGuillemet) {
      m = QuoteMark::kOpenGuillemet;
    }
    const bool space_before = i == 0 || t.tok(i - 1).end != t.tok(i).start;
    const bool space_after = !t.Glued(i);
    switch (m) {
      case QuoteMark::kOpenGuillemet:  // Closes a reversed pair (>>...<<) when glued to a word.
        if (!stack.empty() && stack.back().second == QuoteMark::kCloseGuillemet && !space_before) {
          close(i);
        } else {
          stack.emplace_back(i, m);
        }
        break;
      case QuoteMark::kCloseGuillemet:  // At depth 0 and glued to the next word: reversed opener.
        if (!stack.empty()) {
          close(i);
        } else if (!space_after && space_before) {
          stack.emplace_back(i, m);
        }
        break;
      case QuoteMark::kLeft:  // Glued to the word before and followed by a space: a closer.
        if (!stack.empty() && !space_before && space_after) {
          close(i);
        } else {
          stack.emplace_back(i, m);
        }
        break;
      case QuoteMark::kRight:  // At depth 0 and glued to the next word: an opener.
        if (!stack.empty()) {
          close(i);
        } else if (!space_after) {
          stack.emplace_back(i, m);
        }
        break;
      case QuoteMark::kAscii:
        if (!stack.empty() && (stack.back().second == QuoteMark::kAscii || !space_before)) {
          close(i);
        } else {
          stack.emplace_back(i, m);
        }
        break;
      case QuoteMark::kNone:
        break;
    }
  }
  flush(t.size());
  return out;
}

}  // namespace khabar::text
