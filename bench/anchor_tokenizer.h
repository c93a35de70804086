// The yardstick of the performance notes (shared/notes, "hand-written
// tokenizer"): a byte-class tokenizer with UTF-8 >= 0x80 read as letters,
// NBSP and narrow NBSP as spaces, French and English digit grouping, and a
// token vector. It does no folding, hashing or lookup: it is not the
// engine's tokenizer but an in-run anchor, so that the pipeline's speed can
// be stated as a ratio that holds on a machine whose speed swings 2x.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimtrace::bench {

struct AnchorToken {
  uint32_t start, end;
  uint8_t kind;  // 0 word, 1 number, 2 punctuation
};

// Appends the tokens of `text` to `out` (cleared first); returns how many are numbers.
size_t anchor_tokenize(std::string_view text, std::vector<AnchorToken>& out);

// The anchor's speed on this corpus in the notes' reference run (MB/s, median).
inline constexpr double kAnchorReferenceMBps = 448;

}  // namespace claimtrace::bench
