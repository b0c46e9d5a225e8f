#pragma once
// The entity tagger's weights: a linear model over hashed features (ner_features.h) with
// first-order tag transitions, decoded by Viterbi over BIO tags. Trained by
// tools/train_ner (an averaged perceptron) and stored as text/model/ner.model:
//
//   "KNERMDL1"  magic, 8 bytes
//   u32 num_tags (kNumTags), u32 num_rows, f32 scale
//   f32 transitions[(kNumTags + 1) * kNumTags]   row kNumTags: the start of a sentence
//   u64 keys[num_rows]                            feature hashes, distinct
//   i16 weights[num_rows * kNumTags]              weight = value * scale
//
// All numbers little-endian.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace khabar::text::ner {

// B/I tags for person, organization, place and miscellaneous, plus O. MISC is learnt (ANERcorp
// marks it) so that it does not blur the other classes, and never reported.
enum class Tag : uint8_t { kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kBMisc, kIMisc };
inline constexpr int kNumTags = 9;
inline constexpr int kNumTransitions = (kNumTags + 1) * kNumTags;

// True when tag `cur` may follow tag `prev` (prev == kNumTags: the start): I-X needs B-X or I-X.
constexpr bool TransitionAllowed(int prev, int cur) {
  if (cur == 0 || cur % 2 == 1) return true;
  return prev != kNumTags && prev != 0 && (prev + 1) / 2 == cur / 2;
}

// Best tag sequence under emissions[n * kNumTags] and transitions[kNumTransitions]; `scores`
// is scratch space. Writes n tags.
void Viterbi(const float* emissions, int n, const float* transitions, std::vector<float>* scores,
             uint8_t* tags);

class Model {
 public:
  static Result<Model> Load(std::string_view bytes);

  // Serializes weights[keys.size() * kNumTags] (quantized to 16 bits).
  static std::string Serialize(const std::vector<uint64_t>& keys, const std::vector<float>& weights,
                               const float* transitions);

  // Sets scores[kNumTags] to the summed weights of `num` feature hashes.
  void Score(const uint64_t* features, int num, float* scores) const;

  // Hints the cache to load the rows of these features (call a word ahead of Score).
  void Prefetch(const uint64_t* features, int num) const;

  const float* transitions() const { return transitions_; }
  // Bytes of the lookup table (64 per bucket), for tests and memory accounting.
  size_t table_bytes() const { return buckets_.size() * sizeof(Bucket); }
  size_t num_rows() const { return num_rows_; }

 private:
  struct Slot {
    uint64_t key;
    int16_t w[kNumTags];
    uint8_t probe;  // In a bucket's first slot: how many buckets after it hold its keys.
  };
  struct alignas(64) Bucket {
    Slot slot[2];
  };
  static_assert(sizeof(Bucket) == 64);
  // Linear probing over buckets of two slots, one 64-byte cache line: a feature's row is in
  // bucket Home(key) or, when that one was full, in one of the next `probe` buckets. The table
  // has at least as many buckets as rows, so at most half of the slots are used (88,734
  // rows: 131,072 buckets, 8 MiB), about one home bucket in seven is full, and a lookup almost
  // always loads one line. Key 0 marks an empty slot (with zero weights).
  size_t Home(uint64_t key) const { return key & mask_; }
  enum class BuildResult { kOk, kDuplicate, kTooLong };
  BuildResult Build(const char* keys, const char* weights, size_t rows, size_t buckets);

  std::vector<Bucket> buckets_;
  uint64_t mask_ = 0;
  size_t num_rows_ = 0;
  float scale_ = 0;
  float transitions_[kNumTransitions] = {};
};

}  // namespace khabar::text::ner
