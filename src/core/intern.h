// Strings that must outlive every Document (rule and resource names kept in
// Origin). Append-only and thread-safe; nothing is ever freed.
#pragma once

#include <string>
#include <string_view>

namespace claimtrace {

std::string_view intern(std::string_view s);

}  // namespace claimtrace
