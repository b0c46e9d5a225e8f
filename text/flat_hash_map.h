#pragma once
// A compact open-addressing map from 64-bit hashes to small values, for the entity recognizer's
// lexicons: one probe usually touches one cache line, unlike std::unordered_map's nodes.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace khabar::text::ner {

template <typename V>
class FlatHashMap {
 public:
  // The value stored under key, inserted as V{} if absent.
  V& operator[](uint64_t key) {
    key = Key(key);
    if ((size_ + 1) * 4 > keys_.size() * 3) Grow();
    size_t pos = Slot(key);
    while (keys_[pos] != 0 && keys_[pos] != key) pos = (pos + 1) & mask_;
    if (keys_[pos] == 0) {
      keys_[pos] = key;
      ++size_;
    }
    return values_[pos];
  }

  // The value stored under key, or nullptr.
  const V* Find(uint64_t key) const {
    if (size_ == 0) return nullptr;
    key = Key(key);
    for (size_t pos = Slot(key);; pos = (pos + 1) & mask_) {
      if (keys_[pos] == key) return &values_[pos];
      if (keys_[pos] == 0) return nullptr;
    }
  }

  size_t size() const { return size_; }

  // Hints the cache to load the slot where key's probe starts.
  void Prefetch(uint64_t key) const {
    if (keys_.empty()) return;
    const size_t pos = Slot(Key(key));
    __builtin_prefetch(&keys_[pos]);
    __builtin_prefetch(&values_[pos]);
  }

 private:
  static uint64_t Key(uint64_t k) { return k == 0 ? 1 : k; }  // 0 marks an empty slot.
  size_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL) >> shift_; }

  void Grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<V> old_values = std::move(values_);
    const size_t capacity = old_keys.empty() ? 16 : old_keys.size() * 2;
    keys_.assign(capacity, 0);
    values_.assign(capacity, V{});
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] != 0) (*this)[old_keys[i]] = old_values[i];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t size_ = 0;
  size_t mask_ = 0;
  int shift_ = 64;
};

}  // namespace khabar::text::ner
