// UTF-8 checks at the edge: readers repair invalid input once, so that every
// later stage can trust Document::text.
#pragma once

#include <string>
#include <string_view>

namespace claimtrace {

// Replaces every ill-formed sequence with U+FFFD. Returns how many were
// replaced (0: the text was valid and is unchanged).
size_t repair_utf8(std::string& text);

// True when the first 8 KiB look like binary data (NUL or many control bytes).
bool looks_binary(std::string_view bytes);

}  // namespace claimtrace
