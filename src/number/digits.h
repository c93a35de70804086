// Reading the value of one digit token as the tokenizer joined it: group
// separators (space, NBSP, narrow NBSP, thin space, apostrophe, '.', ',') and
// the decimal mark, resolved by language and shape ("1,500" en = 1500,
// "1,5" fr = 1.5, "1.458.000,00" = 1458000).
#pragma once

#include <optional>
#include <string_view>

namespace claimtrace::number {

enum class DecimalMark : char { kPoint = '.', kComma = ',' };

struct DigitValue {
  double value = 0;
  bool grouped = false;    // held a group separator
  bool fraction = false;   // held a decimal part
  int int_digits = 0;      // digits before the decimal mark
  bool leading_zero = false;
};

// `text` is the normalized token text (hard spaces already folded to ' ').
// `decimal` is the language's decimal mark, used when the shape is ambiguous
// (one separator followed by exactly three digits).
std::optional<DigitValue> parse_digits(std::string_view text, DecimalMark decimal);

}  // namespace claimtrace::number
