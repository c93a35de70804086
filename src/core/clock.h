// Wall-clock time as ISO 8601 UTC text ("2026-11-24T17:02:59Z"), for records.
#pragma once

#include <string>

namespace claimtrace {

std::string utc_now_iso();

}  // namespace claimtrace
