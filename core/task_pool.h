#pragma once
// A fixed pool of threads running posted tasks in FIFO order. CPU work (JSON decoding, analysis)
// goes here so that I/O threads never block on it.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace khabar {

class TaskPool {
 public:
  // threads <= 0 means one per core.
  explicit TaskPool(int threads, std::string name = "khabar-cpu");
  ~TaskPool();  // Runs every task already posted, then joins.
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  void Post(std::function<void()> task);
  size_t size() const { return threads_.size(); }
  size_t pending() const;

 private:
  void Loop();

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  bool done_ = false;
};

}  // namespace khabar
