// Yardsticks after the performance notes (shared/notes), run in the same
// process as the pipeline so that its speed can be read against them on a
// machine whose speed swings 2x: a "hand-written tokenizer" (byte classes,
// UTF-8 >= 0x80 read as letters, NBSP and narrow NBSP as spaces, French and
// English digit grouping, a token vector; no folding, hashing or lookup) and
// the class-table byte loop. Not the engine's tokenizer.
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

// The notes' scalar floor, "a byte loop through a 256-entry class table"
// (3,300 MB/s in their run, g++ -O2). The tokenizer above runs at 11-13x
// less than this loop here, against 7.4x in the notes (448 MB/s): it is a
// slower cousin of theirs, so it gives a ratio, not the machine's speed.
uint64_t class_table_sum(std::string_view text);
inline constexpr double kClassLoopReferenceMBps = 3300;

}  // namespace claimtrace::bench
