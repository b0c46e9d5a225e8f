#pragma once
// A small streaming JSON writer: correct escaping, no allocations beyond the output string.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::protocol {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(256); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  // Writes a string, or null when empty (the contract's nullable strings).
  JsonWriter& StringOrNull(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Uint(uint64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts already-encoded JSON as one value.
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separate();

  std::string out_;
  std::vector<bool> first_;  // Per open container: no element written yet.
  bool after_key_ = false;
};

// Appends s as a JSON string literal (with quotes). Invalid UTF-8 becomes U+FFFD.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace khabar::protocol
