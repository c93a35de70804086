// Digit tokens in their surroundings: phone numbers, dates (17/05/2018,
// 2025-06-29), times of day (15h30, 2:00, 6pm), ordinals (1er, 3e, 21st),
// fractions (1/2, 1 4/5), exponents (1.3e6), signs, glued multipliers
// (30k, 1.2b, 2mil) and digits glued into words or units (180ml, scp173).
#pragma once

#include <vector>

#include "number/atoms.h"
#include "number/number_lexicon.h"
#include "number/word_numerals.h"

namespace claimtrace::number {

// What a digit token starting at `i` is. Either it becomes an Atom by itself
// (special shapes, appended to `atoms`), or it is a plain value that the
// numeral composer may join with words ("4 thousand", "1,5 million"): then
// `part` is filled and `first`/`end` give its tokens (sign and glued
// multiplier included). Returns the token after what was consumed.
struct DigitResult {
  bool is_part = false;
  Part part;
  uint32_t first = 0;
  uint32_t end = 0;
  bool scaled = false;
};

uint32_t read_digits(const Document& doc, uint32_t i, uint32_t sentence_first, uint32_t sentence_end,
                     const NumberLexicon& lex, std::vector<Atom>& atoms, DigitResult& out);

}  // namespace claimtrace::number
