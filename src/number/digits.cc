#include "number/digits.h"

#include <cmath>

namespace claimtrace::number {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_separator(char c) { return c == ' ' || c == '\'' || c == '.' || c == ','; }

}  // namespace

std::optional<DigitValue> parse_digits(std::string_view text, DecimalMark decimal) {
  if (text.empty()) return std::nullopt;
  // Separator census: count of '.' and ',' and where the last of each is.
  int dots = 0, commas = 0, others = 0;
  size_t last_dot = 0, last_comma = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') ++dots, last_dot = i;
    else if (c == ',') ++commas, last_comma = i;
    else if (c == ' ' || c == '\'') ++others;
    else if (!is_digit(c)) return std::nullopt;
  }
  // Several dots with a group other than three digits are no number but an
  // address or a version: 192.168.1.2, 1.2.3 (1.458.000 is grouped).
  if (dots >= 2 && !commas && !others) {
    size_t group = 0;
    for (size_t i = text.find('.') + 1; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '.') {
        if (group != 3) return std::nullopt;
        group = 0;
      } else {
        ++group;
      }
    }
  }
  // Which position (if any) is the decimal mark.
  size_t mark = std::string_view::npos;
  auto digits_after = [&](size_t pos) {
    size_t n = 0;
    for (size_t i = pos + 1; i < text.size() && is_digit(text[i]); ++i) ++n;
    return n;
  };
  if (dots && commas) {
    // The rightmost kind, written once, is the decimal mark: 1,674,200.5 / 1.458.000,00.
    size_t last = std::max(last_dot, last_comma);
    if ((text[last] == '.' ? dots : commas) == 1) mark = last;
  } else if (dots + commas == 1) {
    size_t pos = dots ? last_dot : last_comma;
    char c = text[pos];
    bool leading = pos == 0 || (pos == 1 && text[0] == '0');
    if (leading || digits_after(pos) != 3 || others) {
      mark = pos;  // 2,5  1.0  ,23  0,500  1 234 567,89
    } else if (c == static_cast<char>(decimal)) {
      mark = pos;  // "4,800" fr = 4.8, "12.345" en = 12.345
    }
  }
  DigitValue out;
  double int_part = 0;
  // The decimals as an integer over a power of ten: one correctly rounded
  // division, so "0,75" is 0.75 and not 0.7500000000000001.
  double frac_digits = 0, scale = 1;
  bool in_fraction = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i == mark) {
      in_fraction = true;
      continue;
    }
    if (is_separator(c)) {
      if (in_fraction) return std::nullopt;
      out.grouped = true;
      continue;
    }
    if (in_fraction) {
      if (scale < 1e300) {  // further decimals change nothing a double holds
        scale *= 10;
        frac_digits = frac_digits * 10 + (c - '0');
      }
    } else {
      if (out.int_digits == 0 && c == '0' && i + 1 < text.size() && is_digit(text[i + 1])) out.leading_zero = true;
      int_part = int_part * 10 + (c - '0');
      ++out.int_digits;
    }
  }
  out.fraction = mark != std::string_view::npos;
  // Exact in a double up to 15 digits in all; beyond, the sum of the parts.
  out.value = int_part < 1e15 / scale ? (int_part * scale + frac_digits) / scale : int_part + frac_digits / scale;
  return out;
}

}  // namespace claimtrace::number
