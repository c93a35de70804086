// A document's identity: the hash of its normalized content, so that the
// same article read twice (or with other white space or typography) is one.
#pragma once

#include <string>
#include <string_view>

namespace claimtrace {

// 32 hex digits (XXH3, 128 bits) of the text after NFC, typographic folding
// and white-space collapsing.
std::string content_hash(std::string_view text);

}  // namespace claimtrace
