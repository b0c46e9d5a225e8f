#include "query/highlight.h"

#include "query/text_util.h"

namespace khabar::query {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

Highlighter::Highlighter(const text::TermAnalyzer& terms,
                         const std::vector<std::string>& query_terms, size_t max_snippets,
                         size_t radius)
    : terms_(terms),
      query_terms_(query_terms.begin(), query_terms.end()),
      max_snippets_(max_snippets),
      radius_(radius) {}

std::vector<Highlighter::Match> Highlighter::Matches(std::string_view text) const {
  std::vector<text::Term> terms;
  terms_.Terms(text, &terms);
  std::vector<Match> out;
  for (const auto& t : terms) {
    if (query_terms_.count(t.text)) out.push_back({t.start, t.end});
  }
  return out;
}

std::string Highlighter::Mark(std::string_view text, size_t from, size_t to,
                              const std::vector<Match>& matches) {
  std::string out;
  size_t pos = from;
  for (const Match& m : matches) {
    if (m.start < from || m.end > to) continue;
    AppendEscaped(out, text.substr(pos, m.start - pos));
    out += "<mark>";
    AppendEscaped(out, text.substr(m.start, m.end - m.start));
    out += "</mark>";
    pos = m.end;
  }
  AppendEscaped(out, text.substr(pos, to - pos));
  return out;
}

std::vector<std::string> Highlighter::Title(std::string_view title) const {
  const auto matches = Matches(title);
  if (matches.empty()) return {};
  return {Mark(title, 0, title.size(), matches)};
}

std::vector<std::string> Highlighter::Body(std::string_view body) const {
  const auto matches = Matches(body);
  std::vector<std::string> out;
  size_t covered = 0;  // Snippets never overlap.
  for (size_t i = 0; i < matches.size() && out.size() < max_snippets_; ++i) {
    if (matches[i].start < covered) continue;
    size_t a = matches[i].start > radius_ ? matches[i].start - radius_ : 0;
    if (a < covered) a = covered;
    size_t b = std::min(body.size(), static_cast<size_t>(matches[i].end) + radius_);
    while (a > 0 && a < body.size() && IsContinuation(body[a])) --a;
    while (b < body.size() && IsContinuation(body[b])) ++b;
    // Cut at spaces and paragraph ends where possible.
    if (a > 0) {
      const size_t nl = body.rfind('\n', matches[i].start);
      if (nl != std::string_view::npos && nl + 1 > a)
        a = nl + 1;
      else if (const size_t sp = body.find(' ', a);
               sp != std::string_view::npos && sp < matches[i].start)
        a = sp + 1;
    }
    if (b < body.size()) {
      const size_t nl = body.find('\n', matches[i].end);
      if (nl != std::string_view::npos && nl < b)
        b = nl;
      else if (const size_t sp = body.rfind(' ', b);
               sp != std::string_view::npos && sp > matches[i].end)
        b = sp;
    }
    std::string snippet;
    if (a > 0 && body[a - 1] != '\n') snippet += "\xE2\x80\xA6";
    snippet += Mark(body, a, b, matches);
    if (b < body.size() && body[b] != '\n') snippet += "\xE2\x80\xA6";
    out.push_back(std::move(snippet));
    covered = b;
  }
  return out;
}

}  // namespace khabar::query
