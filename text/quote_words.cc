#include "text/quote_words.h"

#include <algorithm>
#include <iterator>

#include <initializer_list>

#include "text/quote_marks.h"

namespace khabar::text::quote_words {
namespace {

constexpr std::string_view kArabicComma = "\xD8\x8C";

bool OneOf(std::string_view key, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (key == w) return true;
  }
  return false;
}

}  // namespace

bool Comma(const FoldedTokens& t, size_t i) {
  return t.IsPunct(i, ',') || (t.tok(i).kind == TokenKind::kPunct && t.key(i) == kArabicComma);
}

bool Definite(const FoldedTokens& t, size_t i) {
  if (t.tok(i).kind != TokenKind::kArabic) return false;
  const std::string_view k = t.key(i);
  if (k.substr(0, 4) == kAl) return true;
  // A one-letter clitic (waw, feh, beh, kaf, lam) + the article; lam-lam for lam + the article.
  if (k.size() <= 6) return false;
  const std::string_view c = k.substr(0, 2);
  const bool clitic =
      c == "\xD9\x88" || c == "\xD9\x81" || c == "\xD8\xA8" || c == "\xD9\x83" || c == "\xD9\x84";
  return clitic && (k.substr(2, 4) == kAl || k.substr(0, 4) == "\xD9\x84\xD9\x84");
}

bool Prepositional(const FoldedTokens& t, size_t i) {
  if (!Definite(t, i)) return false;
  const std::string_view c = t.key(i).substr(0, 2);
  return c == "\xD8\xA8" || c == "\xD9\x83" || c == "\xD9\x84";
}

bool LamComplement(const FoldedTokens& t, size_t i) {
  const std::string_view k = t.key(i);
  return t.tok(i).kind == TokenKind::kArabic && k.substr(0, 2) == "\xD9\x84" && i + 1 < t.size() &&
         Definite(t, i + 1);
}

bool Kana(const FoldedTokens& t, size_t i) {
  return OneOf(t.key(i), {"\xD9\x83\xD8\xA7\xD9\x86", "\xD9\x83\xD8\xA7\xD9\x86\xD8\xAA",
                          "\xD9\x88\xD9\x83\xD8\xA7\xD9\x86",
                          "\xD9\x88\xD9\x83\xD8\xA7\xD9\x86\xD8\xAA", "\xD9\x82\xD8\xAF",
                          "\xD9\x88\xD9\x82\xD8\xAF", "\xD9\x81\xD9\x82\xD8\xAF",
                          "\xD9\x84\xD9\x82\xD8\xAF"});
}

bool Preposition(const FoldedTokens& t, size_t i) {
  return OneOf(t.key(i),
               {"\xD9\x81\xD9\x8A", "\xD8\xB9\xD9\x84\xD9\x8A", "\xD8\xA7\xD9\x84\xD9\x8A",
                "\xD9\x85\xD9\x86", "\xD9\x85\xD8\xB9", "\xD8\xB9\xD9\x86",
                "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84", "\xD8\xA8\xD8\xB9\xD8\xAF",
                "\xD9\x82\xD8\xA8\xD9\x84", "\xD9\x84\xD8\xAF\xD9\x8A", "\xD8\xB9\xD8\xA8\xD8\xB1",
                "\xD8\xAD\xD9\x88\xD9\x84", "\xD8\xA8\xD8\xB4\xD8\xA7\xD9\x86", "\xD8\xB6\xD8\xAF",
                "\xD8\xB9\xD9\x86\xD8\xAF", "\xD9\x85\xD9\x86\xD8\xB0"});
}

bool InformVerb(const FoldedTokens& t, size_t i) {
  std::string_view key = t.key(i);
  if (key.starts_with("\xD9\x88") || key.starts_with("\xD9\x81")) key.remove_prefix(2);
  return OneOf(key, {"\xD8\xA7\xD8\xA8\xD9\x84\xD8\xBA", "\xD8\xA7\xD8\xA8\xD9\x84\xD8\xBA\xD8\xAA",
                     "\xD8\xA7\xD8\xAE\xD8\xA8\xD8\xB1", "\xD8\xA7\xD8\xAE\xD8\xA8\xD8\xB1\xD8\xAA"});
}

bool OrganizationHead(const FoldedTokens& t, size_t i) {
  // wizara, sharika, munazzama, hay'a, jami'a, mu'assasa, wakala, majlis, ittihad, lajna, bank,
  // masraf, sunduq, jam'iyya, hizb, haraka, idara, sahifa, jarida, qanat (folded).
  return OneOf(
      t.key(i),
      {"\xD9\x88\xD8\xB2\xD8\xA7\xD8\xB1\xD9\x87", "\xD8\xB4\xD8\xB1\xD9\x83\xD9\x87",
       "\xD9\x85\xD9\x86\xD8\xB8\xD9\x85\xD9\x87", "\xD9\x87\xD9\x8A\xD8\xA6\xD9\x87",
       "\xD8\xAC\xD8\xA7\xD9\x85\xD8\xB9\xD9\x87", "\xD9\x85\xD8\xA4\xD8\xB3\xD8\xB3\xD9\x87",
       "\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD9\x87", "\xD9\x85\xD8\xAC\xD9\x84\xD8\xB3",
       "\xD8\xA7\xD8\xAA\xD8\xAD\xD8\xA7\xD8\xAF", "\xD9\x84\xD8\xAC\xD9\x86\xD9\x87",
       "\xD8\xA8\xD9\x86\xD9\x83", "\xD9\x85\xD8\xB5\xD8\xB1\xD9\x81",
       "\xD8\xB5\xD9\x86\xD8\xAF\xD9\x88\xD9\x82", "\xD8\xAC\xD9\x85\xD8\xB9\xD9\x8A\xD9\x87",
       "\xD8\xAD\xD8\xB2\xD8\xA8", "\xD8\xAD\xD8\xB1\xD9\x83\xD9\x87",
       "\xD8\xA7\xD8\xAF\xD8\xA7\xD8\xB1\xD9\x87", "\xD8\xB5\xD8\xAD\xD9\x8A\xD9\x81\xD9\x87",
       "\xD8\xAC\xD8\xB1\xD9\x8A\xD8\xAF\xD9\x87", "\xD9\x82\xD9\x86\xD8\xA7\xD9\x87"});
}

bool AmmaBefore(const FoldedTokens& t, size_t v) {
  for (size_t i = v; i > 0 && v - i < 6;) {
    --i;
    if (SentenceEndAt(t, i) || NewlineBefore(t, i + 1)) return false;
    if (OneOf(t.key(i), {"\xD8\xA7\xD9\x85\xD8\xA7", "\xD9\x88\xD8\xA7\xD9\x85\xD8\xA7"})) return true;
  }
  return false;
}

bool Honorific(std::string_view key) {
  static constexpr std::string_view kWords[] = {
      "\xD8\xB3\xD9\x85\xD9\x88\xD9\x87",                          // smwh
      "\xD8\xB3\xD9\x85\xD9\x88\xD9\x87\xD8\xA7",                  // smwha
      "\xD9\x85\xD8\xB9\xD8\xA7\xD9\x84\xD9\x8A\xD9\x87",          // m'alyh
      "\xD9\x85\xD8\xB9\xD8\xA7\xD9\x84\xD9\x8A\xD9\x87\xD8\xA7",  // m'alyha
      "\xD9\x81\xD8\xAE\xD8\xA7\xD9\x85\xD8\xAA\xD9\x87",          // fkhamth
      "\xD8\xB3\xD8\xB9\xD8\xA7\xD8\xAF\xD8\xAA\xD9\x87",          // s'adth
      "\xD8\xB3\xD8\xB9\xD8\xA7\xD8\xAF\xD8\xAA\xD9\x87\xD8\xA7",  // s'adtha
      "\xD8\xB3\xD9\x85\xD8\xA7\xD8\xAD\xD8\xAA\xD9\x87",          // smahth
      "\xD8\xAC\xD9\x84\xD8\xA7\xD9\x84\xD8\xAA\xD9\x87",          // jlalth
      "\xD8\xAC\xD9\x84\xD8\xA7\xD9\x84\xD8\xAA\xD9\x87\xD8\xA7",  // jlaltha
  };
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

}  // namespace khabar::text::quote_words
