// libFuzzer target: article decoding must return a value or a Status, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protocol/article_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static khabar::protocol::ArticleDecoder decoder;
  auto r = decoder.Decode(std::string_view(reinterpret_cast<const char*>(data), size));
  (void)r.ok();
  return 0;
}
