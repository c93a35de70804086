#include "number/word_numerals.h"

#include <algorithm>
#include <cmath>

namespace claimtrace::number {
namespace {

enum class Last { kNone, kUnit, kTen, kMultiplier, kScale, kAnd, kArticle, kHalfStart, kDenominator };

// Digits after a decimal point in words: "zero three" = .03, "eleven" = .11.
std::optional<double> decimal_part(std::span<const Part> parts) {
  if (parts.empty()) return std::nullopt;
  bool all_digits = true;
  for (const auto& p : parts) {
    if (p.kind != WordKind::kUnit || p.value >= 10 || p.value != std::floor(p.value)) all_digits = false;
  }
  if (all_digits && parts.size() > 1) {
    double v = 0, scale = 1;
    for (const auto& p : parts) {
      scale /= 10;
      v += p.value * scale;
    }
    return v;
  }
  auto n = compose(parts);
  if (!n || *n < 0 || *n != std::floor(*n)) return std::nullopt;
  double scale = 1;
  while (scale <= *n) scale *= 10;
  return *n / scale;
}

}  // namespace

std::optional<double> compose(std::span<const Part> parts) {
  if (parts.empty()) return std::nullopt;
  // A scale word alone counts nothing: "USD million", "million people fled"
  // ("a million", "un million" and "3 million" have their count).
  // French "mille" needs no "un": "mille personnes", "mille milliards".
  if (std::all_of(parts.begin(), parts.end(), [](const Part& p) { return p.kind == WordKind::kScale; }) &&
      (!parts[0].counts_alone ||
       std::adjacent_find(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.value >= b.value; }) !=
           parts.end())) {
    return std::nullopt;
  }
  size_t i = 0;
  double sign = 1;
  if (parts[0].kind == WordKind::kNegative) {
    sign = -1;
    i = 1;
    if (parts.size() == 1) return std::nullopt;
  }
  double and_base = 0;     // value before the last "and" (sums with what follows)
  bool after_and = false;
  double total = 0;        // sum of completed scale groups
  double current = 0;      // the group below the next scale
  double last_scale = 0;   // the last scale applied (also across "and")
  bool any_number = false;
  Last last = Last::kNone;
  Last before_and = Last::kNone;
  double prev_unit = -1;
  double last_ten = 0;
  for (; i < parts.size(); ++i) {
    const Part& p = parts[i];
    switch (p.kind) {
      case WordKind::kNegative:
        return std::nullopt;
      case WordKind::kUnit: {
        if (p.digits) {
          // Digits start a numeral or follow a multiplier or scale ("4 thousand 3 hundred and 21").
          if (last == Last::kNone) {
            current = p.value;
          } else if (last == Last::kMultiplier || last == Last::kScale || last == Last::kAnd) {
            Last anchor = last == Last::kAnd ? before_and : last;
            if (!p.integer || p.value <= 0 || p.value >= 1000) return std::nullopt;
            if (anchor == Last::kMultiplier ? p.value >= 100 : anchor != Last::kScale) return std::nullopt;
            if (last == Last::kAnd && after_and) return std::nullopt;
            current += p.value;
          } else {
            return std::nullopt;
          }
          last = Last::kUnit;
          any_number = true;
          break;
        }
        // "$3 million two years earlier": after digits and a scale, a number word starts another number.
        if (last == Last::kScale && parts[0].digits) return std::nullopt;
        if (last == Last::kNone || last == Last::kScale || last == Last::kMultiplier ||
            (last == Last::kAnd && (after_and || before_and != Last::kUnit))) {
          if (last == Last::kMultiplier && std::fmod(current, 100) != 0) return std::nullopt;
          if (last == Last::kAnd && before_and == Last::kTen && p.value >= 10 &&
              !(std::fmod(current, 100) == 60 && p.value < 20)) {
            return std::nullopt;
          }
          current += p.value;
        } else if (last == Last::kUnit && !p.digits && p.value > 0 && p.value < 1 && i > 0 && parts[i - 1].digits &&
                   parts[i - 1].integer) {
          current += p.value;  // 2½
        } else if (last == Last::kUnit && !p.digits && p.value > 0 && p.value < 10 &&
                   (std::fmod(current, 100) == 10 || std::fmod(current, 100) == 70 ||
                    std::fmod(current, 100) == 90) && prev_unit == 10) {
          current += p.value;  // dix-sept, soixante-dix-sept, quatre-vingt-dix-neuf
        } else if (last == Last::kTen) {
          double tens = std::fmod(current, 100);
          if (p.value >= 10 ? !(tens == 60 || tens == 80) || p.value >= 20 : p.value == 0) return std::nullopt;
          current += p.value;
        } else {
          return std::nullopt;
        }
        last = Last::kUnit;
        prev_unit = p.value;
        any_number = true;
        break;
      }
      case WordKind::kTen: {
        // A ten that opens a compound denominator: "one twenty-fifth", "vingt vingt cinquième".
        size_t k = i + 1;
        if (k < parts.size() && parts[k].kind == WordKind::kAnd) ++k;
        const bool opens_denominator = (last == Last::kUnit || last == Last::kTen) && k < parts.size() &&
                                       parts[k].kind == WordKind::kDenominator && parts[k].value < 10;
        if (p.times_twenty && last == Last::kUnit && std::fmod(current, 100) == 4) {
          current += 76;  // quatre-vingt
        } else if (opens_denominator) {
          current += p.value;
        } else if (last == Last::kScale && parts[0].digits) {
          return std::nullopt;  // "5 million twenty people": two numbers
        } else if (last == Last::kNone || last == Last::kScale || last == Last::kMultiplier || last == Last::kAnd) {
          if (std::fmod(current, 100) != 0) return std::nullopt;
          current += p.value;
        } else {
          return std::nullopt;
        }
        last = Last::kTen;
        last_ten = p.times_twenty && std::fmod(current, 100) == 80 ? 80 : p.value;
        any_number = true;
        break;
      }
      case WordKind::kMultiplier: {
        double below = std::fmod(current, 1000);
        if (last == Last::kNone || last == Last::kArticle || last == Last::kScale || last == Last::kAnd) {
          if (last == Last::kNone && (p.value != 100 || p.plural)) return std::nullopt;  // "dozens", "cents" alone
          if (last == Last::kArticle) current -= 1;
          current += p.value;
        } else if ((last == Last::kDenominator || last == Last::kHalfStart) && current < 1 && total == 0) {
          current *= p.value;  // une demi-douzaine, half a dozen
        } else if (last == Last::kUnit || last == Last::kTen) {
          if (below >= 100 && p.value == 100) return std::nullopt;
          // Digits then "cent(s)" are a coin ("3 cents"), unless the numeral
          // goes on or a scale came before: "3 cent un", "4 mille 3 cents".
          if (p.words_only && i > 0 && parts[i - 1].digits && total == 0 && i + 1 == parts.size()) {
            return std::nullopt;
          }
          if (p.units_only && below >= 20) return std::nullopt;
          current += below * p.value - below;
        } else {
          return std::nullopt;
        }
        last = Last::kMultiplier;
        any_number = true;
        break;
      }
      case WordKind::kScale: {
        if (last == Last::kAnd || (last == Last::kDenominator && current >= 1)) return std::nullopt;
        double group = (last == Last::kNone || last == Last::kScale) && current == 0 ? 1 : current;
        if (last == Last::kArticle) group = 1;
        // "four and a half thousand": the scale multiplies the whole 4.5.
        if (after_and && last == Last::kDenominator && total == 0 && current < 1 && and_base > 0 &&
            and_base < p.value) {
          group = and_base + current;
          and_base = 0;
        }
        if (last == Last::kScale && total > 0 && p.value > last_scale) {
          total *= p.value;  // three lakh crore
        } else if (total > 0 && p.value > last_scale && last_scale > 0) {
          total = (total + group) * p.value;
        } else {
          total += group * p.value;
        }
        current = 0;
        last_scale = p.value;
        last = Last::kScale;
        any_number = true;
        break;
      }
      case WordKind::kAnd:
        if (last == Last::kNone || last == Last::kAnd || last == Last::kArticle || last == Last::kDenominator) {
          return std::nullopt;
        }
        // Digits after a scale and "and" start another number: "$5 million and 3 were spent"
        // (but "3 hundred and 21").
        if (last == Last::kScale && i + 1 < parts.size() && parts[i + 1].digits) return std::nullopt;
        before_and = last;
        {
          // A fraction follows ("one and a half", "two million and one half"):
          // it adds to what came before; otherwise "and" only joins the parts
          // of one numeral ("a hundred and twelve", "vingt et un").
          // After a unit or a ten ("two and fifty-four hundredths") any
          // numerator; after hundred or a scale only a single word ("one
          // hundred and three quarters", but "one hundred and thirty-two
          // fifths" is 132/5).
          size_t j = i + 1;
          const bool small_before = last == Last::kUnit || last == Last::kTen;
          if (j < parts.size() && (parts[j].kind == WordKind::kArticle ||
                                   (parts[j].kind == WordKind::kUnit && parts[j].value < 10))) {
            ++j;
          } else if (small_before && j < parts.size() && parts[j].kind == WordKind::kTen) {
            ++j;
            if (j < parts.size() && parts[j].kind == WordKind::kUnit && parts[j].value < 10) ++j;
          }
          bool fraction = j < parts.size() && parts[j].kind == WordKind::kDenominator &&
                          (j > i + 1 || parts[j].value == 2);
          if (fraction) {
            and_base += total + current;
            total = current = 0;
            after_and = true;
          }
        }
        last = Last::kAnd;
        break;
      case WordKind::kArticle:
        if (last != Last::kNone && last != Last::kAnd) return std::nullopt;
        current = 1;
        last = Last::kArticle;
        break;
      case WordKind::kDenominator: {
        double numerator = total + current;
        // "one twenty-fifth", "three twenty firsts", "une vingt et unième":
        // a ten before a small ordinal belongs to the denominator when a
        // numerator comes before it.
        if (p.value < 10 && (last == Last::kTen || (last == Last::kAnd && before_and == Last::kTen && !after_and))) {
          double before_ten = numerator - last_ten;
          if (before_ten > 0) {
            current = before_ten / (last_ten + p.value);
            total = 0;
            last = Last::kDenominator;
            any_number = true;
            break;
          }
        }
        if (p.value == 1) return std::nullopt;
        if (last == Last::kNone && p.value == 2 && i + 1 < parts.size() && parts[i + 1].kind == WordKind::kScale) {
          current = 0.5;  // "half million"
          last = Last::kHalfStart;
          break;
        }
        if (last == Last::kNone && p.value == 2 && i + 2 < parts.size() && parts[i + 1].kind == WordKind::kArticle &&
            (parts[i + 2].kind == WordKind::kScale || parts[i + 2].kind == WordKind::kMultiplier)) {
          current = 0.5;  // "half a million", "half a dozen": the article is no one
          last = Last::kHalfStart;
          ++i;
          break;
        }
        if (last == Last::kAnd && p.value == 2) {
          numerator = 1;  // "et demi"
        } else if (last == Last::kNone || last == Last::kAnd ||
                   (last == Last::kScale && !after_and && p.value < 1000) || last == Last::kDenominator) {
          // (after a scale only a large denominator: "a hundred thousand trillionths")
          return std::nullopt;
        }
        total = 0;
        current = numerator / p.value;
        last = Last::kDenominator;
        any_number = true;
        break;
      }
      case WordKind::kPoint: {
        if (last != Last::kUnit && last != Last::kTen && last != Last::kMultiplier && last != Last::kScale) {
          return std::nullopt;
        }
        // "deux virgule cinq millions", "two point five million": a scale at
        // the end multiplies the whole decimal number, not its decimals.
        std::span<const Part> decimals = parts.subspan(i + 1);
        double scale = 1;
        if (decimals.size() > 1 && decimals.back().kind == WordKind::kScale && total == 0) {
          scale = decimals.back().value;
          decimals = decimals.first(decimals.size() - 1);
        }
        auto frac = decimal_part(decimals);
        if (!frac) return std::nullopt;
        current = (current + *frac) * scale;
        i = parts.size();
        last = scale > 1 ? Last::kScale : Last::kUnit;
        break;
      }
      case WordKind::kOver: {
        if (last != Last::kUnit && last != Last::kTen && last != Last::kMultiplier && last != Last::kScale) {
          return std::nullopt;
        }
        auto den = compose(parts.subspan(i + 1));
        double num = total + current;
        // "un sur cent", "1 over three"; "8 sur 5", "1000 sur 3 ans" are no fractions.
        if (!den || *den == 0 || num >= *den) return std::nullopt;
        total = 0;
        current = num / *den;
        i = parts.size();
        last = Last::kDenominator;
        break;
      }
    }
  }
  if (!any_number || last == Last::kAnd || last == Last::kArticle || last == Last::kHalfStart) return std::nullopt;
  double value = total + current;
  if (after_and && last == Last::kDenominator && value < 1 && last_scale > 0 && total == 0) {
    value *= last_scale;  // "un million et demi", "two million and one half"
  }
  return sign * (and_base + value);
}

size_t longest_numeral(std::span<const Part> parts, std::span<const uint8_t> may_end, double& value) {
  for (size_t n = parts.size(); n > 0; --n) {
    if (!may_end[n - 1]) continue;
    if (auto v = compose(parts.first(n))) {
      value = *v;
      return n;
    }
  }
  return 0;
}

}  // namespace claimtrace::number
