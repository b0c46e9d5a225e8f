#include "query/cursor.h"

#include <array>

namespace khabar::query {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<int8_t, 256> DecodeTable() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (size_t i = 0; i < kAlphabet.size(); ++i)
    t[static_cast<uint8_t>(kAlphabet[i])] = static_cast<int8_t>(i);
  return t;
}

constexpr std::array<int8_t, 256> kDecode = DecodeTable();

}  // namespace

std::string EncodeCursor(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t n = (static_cast<uint8_t>(bytes[i]) << 16) |
                       (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                       static_cast<uint8_t>(bytes[i + 2]);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
  if (rest == 2) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
  out.push_back(kAlphabet[(n >> 18) & 63]);
  out.push_back(kAlphabet[(n >> 12) & 63]);
  if (rest == 2) out.push_back(kAlphabet[(n >> 6) & 63]);
  return out;
}

std::optional<std::string> DecodeCursor(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = kDecode[static_cast<uint8_t>(c)];
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  // The leftover bits must be zero, so that every byte string has exactly one cursor.
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

CursorWriter& CursorWriter::Byte(uint8_t v) {
  bytes_.push_back(static_cast<char>(v));
  return *this;
}

CursorWriter& CursorWriter::U16(uint16_t v) {
  for (int shift = 8; shift >= 0; shift -= 8)
    bytes_.push_back(static_cast<char>((v >> shift) & 0xFF));
  return *this;
}

CursorWriter& CursorWriter::U32(uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    bytes_.push_back(static_cast<char>((v >> shift) & 0xFF));
  return *this;
}

CursorWriter& CursorWriter::U64(uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    bytes_.push_back(static_cast<char>((v >> shift) & 0xFF));
  return *this;
}

CursorWriter& CursorWriter::Raw(std::string_view bytes) {
  bytes_.append(bytes);
  return *this;
}

std::string_view CursorReader::Rest() {
  const std::string_view rest = rest_;
  rest_ = {};
  return rest;
}

bool CursorReader::Take(size_t n, uint64_t* v) {
  if (rest_.size() < n) return false;
  uint64_t x = 0;
  for (size_t i = 0; i < n; ++i) x = (x << 8) | static_cast<uint8_t>(rest_[i]);
  rest_.remove_prefix(n);
  *v = x;
  return true;
}

bool CursorReader::Byte(uint8_t* v) {
  uint64_t x = 0;
  if (!Take(1, &x)) return false;
  *v = static_cast<uint8_t>(x);
  return true;
}

bool CursorReader::U16(uint16_t* v) {
  uint64_t x = 0;
  if (!Take(2, &x)) return false;
  *v = static_cast<uint16_t>(x);
  return true;
}

bool CursorReader::U32(uint32_t* v) {
  uint64_t x = 0;
  if (!Take(4, &x)) return false;
  *v = static_cast<uint32_t>(x);
  return true;
}

bool CursorReader::U64(uint64_t* v) { return Take(8, v); }

bool CursorReader::I64(int64_t* v) {
  uint64_t x = 0;
  if (!Take(8, &x)) return false;
  *v = static_cast<int64_t>(x);
  return true;
}

}  // namespace khabar::query
