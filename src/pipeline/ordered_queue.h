// Items between one reader, several workers and one writer, handed to the
// writer in the order the reader pushed them: analysis runs on every core
// while output (a store, standard output) stays in input order whatever the
// number of threads. Bounded: the reader waits while `capacity` items are in
// flight, so memory does not grow with the input.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace claimtrace {

template <class Item>
class OrderedQueue {
 public:
  explicit OrderedQueue(size_t capacity) : capacity_(capacity) {}

  // Reader: blocks while too many items are in flight.
  void push(Item item) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return next_seq_ - written_ < capacity_; });
    work_.emplace_back(next_seq_++, std::move(item));
    work_ready_.notify_one();
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    work_ready_.notify_all();
    done_ready_.notify_all();
  }
  // Worker: the next item to process, or nothing when all are taken.
  std::optional<std::pair<uint64_t, Item>> take() {
    std::unique_lock lock(mu_);
    work_ready_.wait(lock, [&] { return !work_.empty() || closed_; });
    if (work_.empty()) return std::nullopt;
    auto item = std::move(work_.front());
    work_.pop_front();
    return item;
  }
  void finish(uint64_t seq, Item item) {
    std::lock_guard lock(mu_);
    done_.emplace(seq, std::move(item));
    done_ready_.notify_all();
  }
  // Writer: the next item in order; waits up to `wait` for it.
  enum class Next { kItem, kNotYet, kEnd };
  Next next(Item* out, std::chrono::milliseconds wait) {
    std::unique_lock lock(mu_);
    auto ready = [&] { return done_.contains(written_) || (closed_ && written_ == next_seq_); };
    if (!done_ready_.wait_for(lock, wait, ready)) return Next::kNotYet;
    if (closed_ && written_ == next_seq_ && !done_.contains(written_)) return Next::kEnd;
    auto it = done_.find(written_);
    *out = std::move(it->second);
    done_.erase(it);
    ++written_;
    room_.notify_all();
    return Next::kItem;
  }

 private:
  std::mutex mu_;
  std::condition_variable room_, work_ready_, done_ready_;
  std::deque<std::pair<uint64_t, Item>> work_;
  std::map<uint64_t, Item> done_;
  uint64_t next_seq_ = 0;
  uint64_t written_ = 0;
  size_t capacity_;
  bool closed_ = false;
};

}  // namespace claimtrace
