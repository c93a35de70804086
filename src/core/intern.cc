#include "core/intern.h"

#include <deque>
#include <mutex>
#include <unordered_set>

namespace claimtrace {

std::string_view intern(std::string_view s) {
  static std::mutex mu;
  static std::deque<std::string> storage;
  static std::unordered_set<std::string_view> index;
  std::lock_guard lock(mu);
  if (auto it = index.find(s); it != index.end()) return *it;
  std::string_view kept = storage.emplace_back(s);
  index.insert(kept);
  return kept;
}

}  // namespace claimtrace
