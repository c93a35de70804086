#include "core/clock.h"

#include <fmt/chrono.h>

#include <chrono>

namespace claimtrace {

std::string utc_now_iso() {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

}  // namespace claimtrace
