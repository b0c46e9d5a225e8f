// Page cursors: base64url round trips, and every malformed cursor is refused.

#include "query/cursor.h"

#include <gtest/gtest.h>

#include <random>

namespace khabar::query {
namespace {

TEST(CursorTest, RoundTripsEveryLength) {
  std::mt19937 rng(42);
  SCOPED_TRACE("seed=42");
  for (size_t n = 0; n < 40; ++n) {
    std::string bytes(n, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    const std::string text = EncodeCursor(bytes);
    EXPECT_EQ(
        text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    EXPECT_EQ(text.size(), (n * 4 + 2) / 3);  // Unpadded.
    EXPECT_EQ(DecodeCursor(text), bytes);
  }
}

TEST(CursorTest, KnownValues) {
  EXPECT_EQ(EncodeCursor("f"), "Zg");
  EXPECT_EQ(EncodeCursor("fo"), "Zm8");
  EXPECT_EQ(EncodeCursor("foo"), "Zm9v");
  EXPECT_EQ(EncodeCursor("\xfb\xff"), "-_8");  // The URL-safe letters.
}

TEST(CursorTest, RefusesMalformedText) {
  // Bad length, padding, the non-URL letters, a space, and leftover bits that are not zero
  // ("Zm8" is "fo"; "Zm9" would decode to it too, so it is refused).
  for (const char* bad : {"Z", "Zm9v=", "Zm+v", "Zm/v", "Zm v", "Zh", "Zm9"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(DecodeCursor(bad), std::nullopt);
  }
}

TEST(CursorTest, WriterAndReaderAgree) {
  const std::string bytes =
      CursorWriter().Byte('q').I64(-5).U32(0xDEADBEEF).U16(7).U64(1ull << 63).Raw("rest").bytes();
  CursorReader r(bytes);
  uint8_t tag = 0;
  int64_t i = 0;
  uint32_t u32 = 0;
  uint16_t u16 = 0;
  uint64_t u64 = 0;
  ASSERT_TRUE(r.Byte(&tag) && r.I64(&i) && r.U32(&u32) && r.U16(&u16) && r.U64(&u64));
  EXPECT_EQ(tag, 'q');
  EXPECT_EQ(i, -5);
  EXPECT_EQ(u32, 0xDEADBEEFu);
  EXPECT_EQ(u16, 7);
  EXPECT_EQ(u64, 1ull << 63);
  EXPECT_EQ(r.Rest(), "rest");
  EXPECT_TRUE(r.done());
  EXPECT_FALSE(r.Byte(&tag));
  CursorReader short_reader(std::string_view("\x01\x02", 2));
  EXPECT_FALSE(short_reader.U32(&u32));
}

}  // namespace
}  // namespace khabar::query
