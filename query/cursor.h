#pragma once
// Opaque page cursors: a few bytes of position, written big-endian and sent as unpadded base64url
// so that they survive a query string untouched. Clients must treat them as opaque.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::query {

// Unpadded base64url (RFC 4648 section 5) of bytes.
std::string EncodeCursor(std::string_view bytes);
// The bytes of a cursor, or nullopt if text is not unpadded base64url.
std::optional<std::string> DecodeCursor(std::string_view text);

// Builds the bytes of a cursor from fixed-width big-endian fields.
class CursorWriter {
 public:
  CursorWriter& Byte(uint8_t v);
  CursorWriter& U16(uint16_t v);
  CursorWriter& U32(uint32_t v);
  CursorWriter& U64(uint64_t v);
  CursorWriter& I64(int64_t v) { return U64(static_cast<uint64_t>(v)); }
  // Appends bytes as they are (a position made by a lower layer); best as the last field.
  CursorWriter& Raw(std::string_view bytes);

  // The encoded cursor (EncodeCursor of the bytes).
  std::string Encode() const { return EncodeCursor(bytes_); }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads the fields back; every read fails (returns false) once the bytes run out.
class CursorReader {
 public:
  explicit CursorReader(std::string_view bytes) : rest_(bytes) {}

  bool Byte(uint8_t* v);
  bool U16(uint16_t* v);
  bool U32(uint32_t* v);
  bool U64(uint64_t* v);
  bool I64(int64_t* v);
  // Takes every byte left (the counterpart of CursorWriter::Raw).
  std::string_view Rest();
  bool done() const { return rest_.empty(); }

 private:
  bool Take(size_t n, uint64_t* v);

  std::string_view rest_;
};

}  // namespace khabar::query
