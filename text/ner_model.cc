#include "text/ner_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace khabar::text::ner {
namespace {

constexpr char kMagic[8] = {'K', 'N', 'E', 'R', 'M', 'D', 'L', '1'};
constexpr float kForbidden = -1e30f;

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool Take(std::string_view* in, T* v) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(v, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

// A key of 0 marks an empty slot, so a (vanishingly unlikely) zero hash is moved.
uint64_t SlotKey(uint64_t h) { return h == 0 ? 1 : h; }

}  // namespace

void Viterbi(const float* emissions, int n, const float* transitions, std::vector<float>* scores,
             uint8_t* tags) {
  if (n <= 0) return;
  // The forward pass keeps only the best score of each tag at each word; the backward pass
  // recomputes the one argmax it needs per word, which is cheaper than storing all of them.
  // Both scan previous tags in order and keep the first maximum, so they agree.
  float trans[kNumTags + 1][kNumTags];
  for (int p = 0; p <= kNumTags; ++p) {
    for (int t = 0; t < kNumTags; ++t) {
      trans[p][t] = TransitionAllowed(p, t) ? transitions[p * kNumTags + t] : kForbidden;
    }
  }
  scores->resize(static_cast<size_t>(n) * kNumTags);
  float* delta = scores->data();
  for (int t = 0; t < kNumTags; ++t) delta[t] = emissions[t] + trans[kNumTags][t];
  for (int i = 1; i < n; ++i) {
    const float* prev = delta + static_cast<size_t>(i - 1) * kNumTags;
    float* cur = delta + static_cast<size_t>(i) * kNumTags;
    const float* e = emissions + static_cast<size_t>(i) * kNumTags;
    for (int t = 0; t < kNumTags; ++t) {
      // O and B-X may follow any tag; I-X only B-X or I-X (tags t - 1 and t).
      const bool inside = t != 0 && t % 2 == 0;
      float best = inside ? std::max(prev[t - 1] + trans[t - 1][t], prev[t] + trans[t][t])
                          : prev[0] + trans[0][t];
      if (!inside) {
        for (int p = 1; p < kNumTags; ++p) best = std::max(best, prev[p] + trans[p][t]);
      }
      cur[t] = best + e[t];
    }
  }
  const float* last = delta + static_cast<size_t>(n - 1) * kNumTags;
  tags[n - 1] = static_cast<uint8_t>(std::max_element(last, last + kNumTags) - last);
  for (int i = n - 1; i > 0; --i) {
    const float* prev = delta + static_cast<size_t>(i - 1) * kNumTags;
    const int t = tags[i];
    int arg = 0;
    float best = prev[0] + trans[0][t];
    for (int p = 1; p < kNumTags; ++p) {
      const float s = prev[p] + trans[p][t];
      if (s > best) {
        best = s;
        arg = p;
      }
    }
    tags[i - 1] = static_cast<uint8_t>(arg);
  }
}

std::string Model::Serialize(const std::vector<uint64_t>& keys, const std::vector<float>& weights,
                             const float* transitions) {
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::string out(kMagic, sizeof(kMagic));
  Put(&out, static_cast<uint32_t>(kNumTags));
  Put(&out, static_cast<uint32_t>(keys.size()));
  Put(&out, scale);
  for (int i = 0; i < kNumTransitions; ++i) Put(&out, transitions[i]);
  for (uint64_t k : keys) Put(&out, k);
  for (float w : weights) Put(&out, static_cast<int16_t>(std::lround(w / scale)));
  return out;
}

Result<Model> Model::Load(std::string_view in) {
  if (in.size() < sizeof(kMagic) || std::memcmp(in.data(), kMagic, sizeof(kMagic)) != 0) {
    return Status(ErrorCode::kDataLoss, "ner model: bad magic");
  }
  in.remove_prefix(sizeof(kMagic));
  Model m;
  uint32_t tags = 0, rows = 0;
  if (!Take(&in, &tags) || !Take(&in, &rows) || !Take(&in, &m.scale_) || tags != kNumTags) {
    return Status(ErrorCode::kDataLoss, "ner model: bad header");
  }
  for (float& t : m.transitions_) {
    if (!Take(&in, &t)) return Status(ErrorCode::kDataLoss, "ner model: truncated transitions");
  }
  const size_t need = static_cast<size_t>(rows) * (sizeof(uint64_t) + kNumTags * sizeof(int16_t));
  if (in.size() < need) return Status(ErrorCode::kDataLoss, "ner model: truncated weights");
  // Buckets of two slots, at most half of the slots used.
  size_t buckets = 8;
  while (buckets < static_cast<size_t>(rows)) buckets *= 2;
  const char* keys = in.data();
  const char* weights = in.data() + static_cast<size_t>(rows) * sizeof(uint64_t);
  // A probe run longer than a byte counts (never seen at this load) gets a bigger table.
  for (;;) {
    const BuildResult r = m.Build(keys, weights, rows, buckets);
    if (r == BuildResult::kOk) break;
    if (r == BuildResult::kDuplicate || buckets >= (size_t{1} << 30)) {
      return Status(ErrorCode::kDataLoss, "ner model: duplicate feature keys");
    }
    buckets *= 2;
  }
  m.num_rows_ = rows;
  return m;
}

Model::BuildResult Model::Build(const char* keys, const char* weights, size_t rows,
                                size_t buckets) {
  buckets_.assign(buckets, Bucket{});
  mask_ = buckets - 1;
  for (size_t r = 0; r < rows; ++r) {
    Slot cur{0, {}, 0};
    std::memcpy(&cur.key, keys + r * sizeof(uint64_t), sizeof(uint64_t));
    cur.key = SlotKey(cur.key);
    std::memcpy(cur.w, weights + r * kNumTags * sizeof(int16_t), sizeof(cur.w));
    const size_t home = Home(cur.key);
    uint8_t& probe = buckets_[home].slot[0].probe;
    for (size_t d = 0; d <= probe; ++d) {
      const Bucket& b = buckets_[(home + d) & mask_];
      if (b.slot[0].key == cur.key || b.slot[1].key == cur.key) return BuildResult::kDuplicate;
    }
    for (size_t d = 0;; ++d) {
      if (d > UINT8_MAX) return BuildResult::kTooLong;
      Bucket& b = buckets_[(home + d) & mask_];
      Slot* at = b.slot[0].key == 0 ? &b.slot[0] : b.slot[1].key == 0 ? &b.slot[1] : nullptr;
      if (at == nullptr) continue;
      cur.probe = at->probe;  // The probe count belongs to the bucket, not to the row.
      *at = cur;
      probe = std::max(probe, static_cast<uint8_t>(d));
      break;
    }
  }
  return BuildResult::kOk;
}

void Model::Prefetch(const uint64_t* features, int num) const {
  for (int f = 0; f < num; ++f) __builtin_prefetch(&buckets_[Home(SlotKey(features[f]))]);
}

// With AVX2 the int16 -> int32 widening and the eight-lane sums are single instructions; the
// loader picks the clone the CPU supports.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void Model::Score(const uint64_t* features, int num, float* scores) const {
  // Tags 0..7 are summed as one vector of eight int32 lanes, tag 8 on its own; a slot that does
  // not hold the key contributes nothing through the mask.
  typedef int16_t Row8 __attribute__((vector_size(16)));
  typedef int32_t Sum8 __attribute__((vector_size(32)));
  static_assert(kNumTags == 9);
  Sum8 acc = {};
  int32_t acc8 = 0;
  auto add = [&](const Slot& s, uint64_t key) {
    const int32_t hit = -static_cast<int32_t>(s.key == key);
    Row8 row;
    std::memcpy(&row, s.w, sizeof(row));
    acc += __builtin_convertvector(row, Sum8) & hit;
    acc8 += s.w[8] & hit;
    return hit;
  };
  for (int f = 0; f < num; ++f) {
    const uint64_t key = SlotKey(features[f]);
    const size_t home = Home(key);
    const Bucket& b = buckets_[home];
    int32_t found = add(b.slot[0], key) | add(b.slot[1], key);
    for (size_t d = 1; found == 0 && d <= b.slot[0].probe; ++d) {
      const Bucket& c = buckets_[(home + d) & mask_];
      found = add(c.slot[0], key) | add(c.slot[1], key);
    }
  }
  for (int t = 0; t < 8; ++t) scores[t] = static_cast<float>(acc[t]) * scale_;
  scores[8] = static_cast<float>(acc8) * scale_;
}

}  // namespace khabar::text::ner
