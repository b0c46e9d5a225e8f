#pragma once
// Byte encodings for keys and values: varints, length-prefixed strings, big-endian integers (so
// that RocksDB's bytewise order equals numeric order).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/analysis.h"
#include "core/varint.h"

namespace khabar::storage {

using ::khabar::GetVarint;
using ::khabar::PutVarint;

inline uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

inline void PutString(std::string& out, std::string_view s) {
  PutVarint(out, s.size());
  out.append(s);
}

inline bool GetString(std::string_view& in, std::string* s) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in.size()) return false;
  s->assign(in.data(), n);
  in.remove_prefix(n);
  return true;
}

inline void PutBigEndian32(std::string& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline uint32_t GetBigEndian32(std::string_view in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in[i]);
  return v;
}

inline void PutBigEndian64(std::string& out, uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline uint64_t GetBigEndian64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(in[i]);
  return v;
}

inline void PutSpan(std::string& out, const Span& s) {
  out.push_back(static_cast<char>(s.field));
  PutVarint(out, s.start);
  PutVarint(out, s.end - s.start);
}

inline bool GetSpan(std::string_view& in, Span* s) {
  if (in.empty()) return false;
  s->field = static_cast<Field>(in.front() & 1);
  in.remove_prefix(1);
  uint64_t start, len;
  if (!GetVarint(in, &start) || !GetVarint(in, &len)) return false;
  s->start = static_cast<uint32_t>(start);
  s->end = static_cast<uint32_t>(start + len);
  return true;
}

inline bool GetByte(std::string_view& in, uint8_t* b) {
  if (in.empty()) return false;
  *b = static_cast<uint8_t>(in.front());
  in.remove_prefix(1);
  return true;
}

}  // namespace khabar::storage
