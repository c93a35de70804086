// Bounds, ranges and ratios over the numbers of one sentence: entre X et Y, between,
// de X à Y, from X to Y, X à Y, X-Y, plus de X, at least X, jusqu'à X,
// X ou plus, bounds joined by "et"/"and", approximations (environ X), shares
// (one in five, 9 sur 10).
#pragma once

#include <vector>

#include "number/atoms.h"
#include "number/bounds.h"

namespace claimtrace::number {

// Adds range and bound atoms for the plain atoms of the sentence
// [first, end) to `atoms` (sorted by first token), and marks approximate ones.
void find_ranges(const Document& doc, uint32_t first, uint32_t end, const BoundLexicon& lex,
                 std::vector<Atom>& atoms);

}  // namespace claimtrace::number
