#include "query/text_util.h"

namespace khabar::query {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string Context(std::string_view text, size_t start, size_t end, size_t radius) {
  if (start > text.size()) start = text.size();
  if (end > text.size()) end = text.size();
  size_t a = start > radius ? start - radius : 0;
  size_t b = end + radius < text.size() ? end + radius : text.size();
  while (a > 0 && IsContinuation(text[a])) --a;
  while (b < text.size() && IsContinuation(text[b])) ++b;
  // Prefer cutting at a space.
  if (a > 0) {
    const size_t sp = text.find(' ', a);
    if (sp != std::string_view::npos && sp < start) a = sp + 1;
  }
  if (b < text.size()) {
    const size_t sp = text.rfind(' ', b);
    if (sp != std::string_view::npos && sp > end) b = sp;
  }
  std::string out;
  if (a > 0) out += "\xE2\x80\xA6";
  out.append(text.substr(a, b - a));
  if (b < text.size()) out += "\xE2\x80\xA6";
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out.push_back(c);
    }
  }
}

}  // namespace khabar::query
