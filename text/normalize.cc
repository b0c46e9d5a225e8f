#include "text/normalize.h"

#include <algorithm>
#include <array>

#include "text/utf8.h"

namespace khabar::text {
namespace {

struct PresentationForm {
  char32_t cp;
  std::array<char32_t, 4> letters;
};

constexpr PresentationForm kPresentationForms[] = {
#include "text/presentation_forms.inc"
};

constexpr char32_t kAlef = U'\u0627';
constexpr char32_t kAlefMaddaAbove = U'\u0622';
constexpr char32_t kAlefHamzaAbove = U'\u0623';
constexpr char32_t kAlefHamzaBelow = U'\u0625';
constexpr char32_t kAlefWasla = U'\u0671';
constexpr char32_t kAlefMaksura = U'\u0649';
constexpr char32_t kYeh = U'\u064A';
constexpr char32_t kFarsiYeh = U'\u06CC';
constexpr char32_t kTehMarbuta = U'\u0629';
constexpr char32_t kHeh = U'\u0647';
constexpr char32_t kHehDoachashmee = U'\u06BE';
constexpr char32_t kHehGoal = U'\u06C1';
constexpr char32_t kHehYehAbove = U'\u06C0';
constexpr char32_t kKaf = U'\u0643';
constexpr char32_t kKeheh = U'\u06A9';
constexpr char32_t kTatweel = U'\u0640';
constexpr char32_t kSuperscriptAlef = U'\u0670';

bool IsHaraka(char32_t c) { return (c >= 0x064B && c <= 0x0655) || c == kSuperscriptAlef; }

bool IsInvisibleMark(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD;
}

char32_t FoldLetter(char32_t c) {
  switch (c) {
    case kAlefMaddaAbove:
    case kAlefHamzaAbove:
    case kAlefHamzaBelow:
    case kAlefWasla:
      return kAlef;
    case kAlefMaksura:
    case kFarsiYeh:
      return kYeh;
    case kTehMarbuta:
    case kHehDoachashmee:
    case kHehGoal:
    case kHehYehAbove:
      return kHeh;
    case kKeheh:
      return kKaf;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);  // Arabic-Indic digits.
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);  // Persian digits.
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xFF10 && c <= 0xFF19) return U'0' + (c - 0xFF10);  // Full-width digits.
  return c;
}

}  // namespace

int FoldCodePoint(char32_t cp, char32_t out[4]) {
  if (IsHaraka(cp) || cp == kTatweel || IsInvisibleMark(cp)) return 0;
  if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC)) {
    const auto* it =
        std::lower_bound(std::begin(kPresentationForms), std::end(kPresentationForms), cp,
                         [](const PresentationForm& f, char32_t c) { return f.cp < c; });
    if (it != std::end(kPresentationForms) && it->cp == cp) {
      int n = 0;
      for (char32_t l : it->letters) {
        if (l != 0) out[n++] = FoldLetter(l);
      }
      return n;
    }
  }
  out[0] = FoldLetter(cp);
  return 1;
}

Normalized NormalizeWithOffsets(std::string_view original) {
  Normalized n;
  n.text.reserve(original.size());
  n.offsets.reserve(original.size() + 1);
  size_t i = 0;
  char32_t folded[4];
  while (i < original.size()) {
    const unsigned char b = static_cast<unsigned char>(original[i]);
    if (b < 0x80) {
      n.text.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      n.offsets.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = DecodeAt(original, i, &len);
    const int count = FoldCodePoint(cp, folded);
    for (int k = 0; k < count; ++k) {
      const size_t before = n.text.size();
      AppendUtf8(n.text, folded[k]);
      n.offsets.insert(n.offsets.end(), n.text.size() - before, static_cast<uint32_t>(i));
    }
    i += len;
  }
  n.offsets.push_back(static_cast<uint32_t>(original.size()));
  return n;
}

namespace {

void FoldSlow(std::string_view s, size_t* i, std::string* out) {
  size_t len;
  const char32_t cp = DecodeAt(s, *i, &len);
  *i += len;
  char32_t folded[4];
  const int n = FoldCodePoint(cp, folded);
  for (int k = 0; k < n; ++k) AppendUtf8(*out, folded[k]);
}

}  // namespace

void NormalizeAppend(std::string_view original, std::string* out) {
  // Every word of every article comes through here: ASCII and the two-byte Arabic letters and
  // marks are folded inline; everything else (digits, ligatures, presentation forms, other
  // scripts) takes the general path through FoldCodePoint, the one rule table.
  size_t i = 0;
  while (i < original.size()) {
    const unsigned char b = static_cast<unsigned char>(original[i]);
    if (b < 0x80) {
      out->push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    if ((b == 0xD8 || b == 0xD9) && i + 1 < original.size() &&
        (static_cast<unsigned char>(original[i + 1]) & 0xC0) == 0x80) {
      const unsigned char c = static_cast<unsigned char>(original[i + 1]);
      const char32_t cp = (static_cast<char32_t>(b & 0x1F) << 6) | (c & 0x3F);
      switch (cp) {
        case 0x0622:  // Alef with madda, hamza above, hamza below -> alef.
        case 0x0623:
        case 0x0625:
          out->append("\xD8\xA7", 2);
          break;
        case 0x0649:  // Alef maqsura -> yeh.
          out->append("\xD9\x8A", 2);
          break;
        case 0x0629:  // Teh marbuta -> heh.
          out->append("\xD9\x87", 2);
          break;
        default:
          if ((cp >= 0x064B && cp <= 0x0655) || cp == 0x0640) break;  // Harakat, tatweel.
          if (cp < 0x0621 || cp > 0x064A) {
            FoldSlow(original, &i, out);
            continue;
          }
          out->append(original.data() + i, 2);
      }
      i += 2;
      continue;
    }
    FoldSlow(original, &i, out);
  }
}

std::string Normalize(std::string_view original) {
  std::string out;
  out.reserve(original.size());
  NormalizeAppend(original, &out);
  return out;
}

bool IsNormalized(std::string_view s) {
  size_t i = 0;
  char32_t folded[4];
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') return false;
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = DecodeAt(s, i, &len);
    if (FoldCodePoint(cp, folded) != 1 || folded[0] != cp) return false;
    i += len;
  }
  return true;
}

}  // namespace khabar::text
