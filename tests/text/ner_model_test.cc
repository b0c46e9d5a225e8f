#include "text/ner_model.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace khabar::text::ner {
namespace {

std::vector<float> Rows(size_t n) {
  std::vector<float> w(n * kNumTags);
  for (size_t i = 0; i < w.size(); ++i) w[i] = static_cast<float>(i % 97) - 48.0f;
  return w;
}

void ExpectEveryRowScores(const Model& m, const std::vector<uint64_t>& keys,
                          const std::vector<float>& w) {
  float got[kNumTags];
  for (size_t r = 0; r < keys.size(); ++r) {
    m.Score(&keys[r], 1, got);
    for (int t = 0; t < kNumTags; ++t) {
      ASSERT_NEAR(got[t], w[r * kNumTags + t], 0.01f) << "row " << r << " tag " << t;
    }
  }
}

// A model the size of the shipped one loads into a table of one bucket per row (rounded up to a
// power of two): the earlier two-choice table failed now and then on valid files and, when it
// did not, often had grown to eight times that.
TEST(NerModelTest, LargeModelLoadsCompactlyAndFindsEveryRow) {
  const float trans[kNumTransitions] = {};
  std::mt19937_64 rng(7);
  for (size_t rows : {1000u, 67551u, 120000u}) {
    std::vector<uint64_t> keys(rows);
    for (uint64_t& k : keys) k = rng() | 1;
    const std::vector<float> w = Rows(rows);
    Result<Model> m = Model::Load(Model::Serialize(keys, w, trans));
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    size_t buckets = 8;
    while (buckets < rows) buckets *= 2;
    EXPECT_EQ(m->table_bytes(), buckets * 64) << rows;
    ExpectEveryRowScores(*m, keys, w);
    float none[kNumTags];
    const uint64_t absent = 2;  // Even: no key above is.
    m->Score(&absent, 1, none);
    for (float x : none) EXPECT_EQ(x, 0.0f);
  }
}

// Keys that all want the same bucket spill over into the next ones and are still found.
TEST(NerModelTest, KeysSharingABucketAreAllFound) {
  const float trans[kNumTransitions] = {};
  std::vector<uint64_t> keys;
  for (uint64_t i = 1; i <= 40; ++i) keys.push_back(5 + (i << 32));
  const std::vector<float> w = Rows(keys.size());
  Result<Model> m = Model::Load(Model::Serialize(keys, w, trans));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ExpectEveryRowScores(*m, keys, w);
}

TEST(NerModelTest, DuplicateKeysAreDataLoss) {
  const float trans[kNumTransitions] = {};
  const std::vector<uint64_t> keys = {11, 12, 11};
  Result<Model> m = Model::Load(Model::Serialize(keys, Rows(keys.size()), trans));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), ErrorCode::kDataLoss);
}

}  // namespace
}  // namespace khabar::text::ner
