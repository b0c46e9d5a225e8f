#pragma once
// Key encodings of the index column families (docs/storage.md).

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/encoding.h"

namespace khabar::storage {

// postings CF. Terms are UTF-8 words and never start with a byte below 0x20, so the filter
// postings take the low prefixes.
inline constexpr char kSourcePrefix = '\x01';  // \x01 source \0 docno -> ""
inline constexpr char kDayPrefix = '\x02';     // \x02 day(be32, biased) docno -> ""
inline constexpr char kEntityPrefix = '\x03';  // \x03 entity(be32) docno -> varint mentions

inline std::string TermKey(std::string_view term, uint32_t docno) {
  std::string k;
  k.reserve(term.size() + 5);
  k.append(term);
  k.push_back('\0');
  PutBigEndian32(k, docno);
  return k;
}
inline std::string TermPrefix(std::string_view term) {
  std::string k(term);
  k.push_back('\0');
  return k;
}
inline std::string SourceKey(std::string_view source, uint32_t docno) {
  std::string k(1, kSourcePrefix);
  k.append(source);
  k.push_back('\0');
  PutBigEndian32(k, docno);
  return k;
}
inline uint32_t BiasDay(int32_t day) { return static_cast<uint32_t>(day) ^ 0x80000000u; }
inline std::string DayKey(int32_t day, uint32_t docno) {
  std::string k(1, kDayPrefix);
  PutBigEndian32(k, BiasDay(day));
  PutBigEndian32(k, docno);
  return k;
}
inline std::string EntityDocKey(uint32_t entity, uint32_t docno) {
  std::string k(1, kEntityPrefix);
  PutBigEndian32(k, entity);
  PutBigEndian32(k, docno);
  return k;
}
inline std::string DocnoKey(uint32_t docno) {
  std::string k;
  PutBigEndian32(k, docno);
  return k;
}
inline std::string EntityKey(uint32_t id) {
  std::string k(1, 'e');
  PutBigEndian32(k, id);
  return k;
}

// figures CF: 'd' docno idx(be16) -> figure record; 'v' sortable(value) docno idx -> "".
inline uint64_t SortableDouble(double v) {
  const uint64_t bits = std::bit_cast<uint64_t>(v);
  return (bits & 0x8000000000000000ULL) ? ~bits : bits | 0x8000000000000000ULL;
}
inline double UnsortableDouble(uint64_t s) {
  const uint64_t bits = (s & 0x8000000000000000ULL) ? s & ~0x8000000000000000ULL : ~s;
  return std::bit_cast<double>(bits);
}
inline void PutBigEndian16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v & 0xFF));
}
inline std::string ItemKey(char family, uint32_t docno, uint16_t index) {
  std::string k(1, family);
  PutBigEndian32(k, docno);
  PutBigEndian16(k, index);
  return k;
}
inline std::string FigureValueKey(double value, uint32_t docno, uint16_t index) {
  std::string k(1, 'v');
  PutBigEndian64(k, SortableDouble(value));
  PutBigEndian32(k, docno);
  PutBigEndian16(k, index);
  return k;
}
// quotes CF: 'd' docno idx -> quote record; 's' speaker-word \0 docno idx -> "".
inline std::string SpeakerKey(std::string_view word, uint32_t docno, uint16_t index) {
  std::string k(1, 's');
  k.append(word);
  k.push_back('\0');
  PutBigEndian32(k, docno);
  PutBigEndian16(k, index);
  return k;
}

}  // namespace khabar::storage
