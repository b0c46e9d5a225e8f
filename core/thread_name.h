#pragma once
// Names the calling thread (at most 15 bytes are kept), so that top -H, perf and
// /proc/<pid>/task show which pool a busy thread belongs to.

#include <pthread.h>

#include <string>

namespace khabar {

inline void SetThreadName(const std::string& name) {
  pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

}  // namespace khabar
