#include "server/config.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace khabar::server {
namespace {

Result<AppConfig> Parse(std::vector<const char*> args) {
  args.insert(args.begin(), "serve");
  std::string help;
  return ParseServeConfig(static_cast<int>(args.size()), args.data(), &help);
}

TEST(Config, DefaultsFlagsAndEnvironment) {
  auto c = Parse({});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->http.host, "127.0.0.1");
  EXPECT_EQ(c->http.port, 8080);
  EXPECT_EQ(c->storage.path, "./data");
  EXPECT_TRUE(c->storage.sync);
  EXPECT_EQ(c->http.max_body_bytes, 16u << 20);
  EXPECT_EQ(c->http.max_bulk_bytes, 256u << 20);

  ::setenv("KHABAR_PORT", "9090", 1);
  ::setenv("KHABAR_DATA_DIR", "/tmp/env-dir", 1);
  c = Parse({"--data-dir", "/tmp/flag-dir", "--durability", "process"});
  ::unsetenv("KHABAR_PORT");
  ::unsetenv("KHABAR_DATA_DIR");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->http.port, 9090);                // From the environment.
  EXPECT_EQ(c->storage.path, "/tmp/flag-dir");  // The flag wins.
  EXPECT_FALSE(c->storage.sync);
}

TEST(Config, RejectsBadValues) {
  EXPECT_FALSE(Parse({"--durability", "maybe"}).ok());
  EXPECT_FALSE(Parse({"--port", "70000"}).ok());
  EXPECT_FALSE(Parse({"--log-level", "loud"}).ok());
  EXPECT_FALSE(Parse({"--no-such-flag"}).ok());
  EXPECT_FALSE(Parse({"--port", "abc"}).ok());
}

}  // namespace
}  // namespace khabar::server
