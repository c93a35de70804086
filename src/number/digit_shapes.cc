#include "number/digit_shapes.h"

#include <cmath>

#include "number/digits.h"

namespace claimtrace::number {
namespace {

bool is_number(const Document& doc, uint32_t i) { return doc.tokens[i].kind == TokenKind::kNumber; }
bool is_word(const Document& doc, uint32_t i) { return doc.tokens[i].kind == TokenKind::kWord; }

std::optional<DigitValue> value_of(const Document& doc, uint32_t i, const NumberLexicon& lex) {
  return parse_digits(token_text(doc, i), static_cast<DecimalMark>(lex.decimal_mark()));
}

void add_atom(const Document& doc, std::vector<Atom>& atoms, uint32_t first, uint32_t end, double value,
              NumberRole role, std::string_view rule, bool plain) {
  Atom a;
  a.first = first;
  a.end = end;
  a.plain = plain;
  a.span.at = extent_of(doc, first, end);
  a.span.amount.value = value;
  a.span.role = role;
  a.span.why = {rule, {}};
  atoms.push_back(a);
}

bool ends_with_digit(std::string_view s) { return !s.empty() && s.back() >= '0' && s.back() <= '9'; }

size_t digit_count(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c >= '0' && c <= '9';
  return n;
}

}  // namespace

uint32_t read_digits(const Document& doc, uint32_t i, uint32_t sentence_first, uint32_t sentence_end,
                     const NumberLexicon& lex, std::vector<Atom>& atoms, DigitResult& out) {
  out = DigitResult{};
  auto first_value = value_of(doc, i, lex);
  if (!first_value) {
    add_atom(doc, atoms, i, i + 1, 0, NumberRole::kIdentifier, "number.identifier", false);
    atoms.back().span.in_word = true;
    return i + 1;
  }
  // A phone number in spaced pairs opening with 0: "01 23 45 67 89" (five pairs).
  if (std::string_view t = token_text(doc, i); t.size() == 2 && t[0] == '0' && i + 4 < sentence_end) {
    uint32_t k = i + 1;
    while (k < i + 5 && is_number(doc, k) && !glued(doc, k) && token_text(doc, k).size() == 2 &&
           digit_count(token_text(doc, k)) == 2) {
      ++k;
    }
    if (k == i + 5) {
      for (uint32_t j = i; j < k; ++j) {
        add_atom(doc, atoms, j, j + 1, value_of(doc, j, lex)->value, NumberRole::kPhone, "number.phone", false);
      }
      return k;
    }
  }
  // A chain of numbers joined by glued separators: 17/05/2018, +1-222-2222, 2:00.
  // Its numbers are every other token from i, one separator between each two.
  std::string seps;
  for (uint32_t j = i; j + 2 < sentence_end; j += 2) {
    std::string_view p = token_text(doc, j + 1);
    if (!(p == "-" || p == "/" || p == "." || p == ":") || doc.tokens[j + 1].kind == TokenKind::kWord) break;
    if (!glued(doc, j + 1) || !glued(doc, j + 2) || !is_number(doc, j + 2)) break;
    seps.push_back(p[0]);
  }
  const size_t chain_size = seps.size() + 1;
  auto chain = [&](size_t k) { return i + 2 * static_cast<uint32_t>(k); };
  const bool plus_before = i > sentence_first && is_punct(doc, i - 1, "+") && glued(doc, i);
  auto values = [&] {
    std::vector<double> v;
    for (size_t k = 0; k < chain_size; ++k) {
      auto d = value_of(doc, chain(k), lex);
      v.push_back(d ? d->value : 0);
    }
    return v;
  };
  if (chain_size >= 2) {
    auto v = values();
    const uint32_t last = chain(chain_size - 1) + 1;
    bool all_same = seps.find_first_not_of(seps[0]) == std::string::npos;
    bool iso_date = chain_size == 3 && seps == "--" && digit_count(token_text(doc, i)) == 4 && v[1] >= 1 &&
                    v[1] <= 12 && v[2] >= 1 && v[2] <= 31;
    if (iso_date || (chain_size == 3 && all_same && (seps[0] == '/' || seps[0] == '.'))) {
      for (size_t k = 0; k < chain_size; ++k) {
        bool year = digit_count(token_text(doc, chain(k))) == 4;
        add_atom(doc, atoms, chain(k), chain(k) + 1, v[k], year ? NumberRole::kYear : NumberRole::kDatePart,
                 "number.date", false);
      }
      return last;
    }
    if (plus_before || chain_size >= 3) {
      for (size_t k = 0; k < chain_size; ++k) {
        add_atom(doc, atoms, chain(k), chain(k) + 1, v[k], NumberRole::kPhone, "number.phone", false);
      }
      return last;
    }
    if (seps == ":" && v[0] <= 24 && v[1] < 60 && digit_count(token_text(doc, chain(1))) == 2) {
      add_atom(doc, atoms, chain(0), last, v[0] + v[1] / 60, NumberRole::kTimeOfDay, "number.time_of_day", false);
      return last;
    }
    if (seps == "/" && v[1] != 0 && !first_value->fraction) {
      out.is_part = true;
      out.part = {WordKind::kUnit, v[0] / v[1], true, false};
      out.first = i;
      out.end = last;
      return last;
    }
  }
  double value = first_value->value;
  uint32_t first = i, end = i + 1;
  bool fraction_alone = false;
  bool scaled = false;
  // Mixed fraction: "1 4/5", "10 1/2".
  if (!first_value->fraction && end + 2 < sentence_end && is_number(doc, end) && !glued(doc, end) &&
      is_punct(doc, end + 1, "/") && glued(doc, end + 1) && glued(doc, end + 2) && is_number(doc, end + 2) &&
      !(end + 3 < sentence_end && is_punct(doc, end + 3, "/") && glued(doc, end + 3))) {
    auto a = value_of(doc, end, lex);
    auto b = value_of(doc, end + 2, lex);
    if (a && b && b->value != 0 && a->value < b->value) {
      value += a->value / b->value;
      end += 3;
    }
  }
  // Exponent: 12.32e+14, 1.3e6, -12e-1 (the tokenizer may keep "e-" as one word).
  if (end + 1 < sentence_end && is_word(doc, end) && glued(doc, end) &&
      (token_text(doc, end) == "e" || token_text(doc, end) == "E" || token_text(doc, end) == "e-" ||
       token_text(doc, end) == "E-")) {
    uint32_t k = end + 1;
    double sign = token_text(doc, end).size() == 2 ? -1 : 1;
    if (k < sentence_end && (is_punct(doc, k, "+") || is_punct(doc, k, "-")) && glued(doc, k)) {
      sign = token_text(doc, k) == "-" ? -1 : 1;
      ++k;
    }
    if (k < sentence_end && is_number(doc, k) && glued(doc, k)) {
      if (auto e = value_of(doc, k, lex); e && !e->fraction) {
        value *= std::pow(10.0, sign * e->value);
        end = k + 1;
      }
    }
  }
  // A power: "1,1^+23", "-2,5^-1", "-1.1^--23".
  if (end + 1 < sentence_end && is_punct(doc, end, "^") && glued(doc, end)) {
    uint32_t k = end + 1;
    double sign = 1;
    while (k < sentence_end && glued(doc, k) && (is_punct(doc, k, "+") || is_punct(doc, k, "-") ||
                                                 is_punct(doc, k, "--"))) {
      std::string_view sg = token_text(doc, k);
      for (char c : sg) sign *= c == '-' ? -1 : 1;
      ++k;
    }
    if (k < sentence_end && is_number(doc, k) && glued(doc, k)) {
      if (auto e = value_of(doc, k, lex)) {
        value = std::pow(value, sign * e->value);
        end = k + 1;
      }
    }
  }
  // A scale word joined by a hyphen: "$3.8-billion", "a 5-million fund" (style of
  // some English outlets); other hyphenated words stay apart ("3-day", "5-year").
  if (end + 1 < sentence_end && is_punct(doc, end, "-") && glued(doc, end) && is_word(doc, end + 1) &&
      glued(doc, end + 1)) {
    const Token& after = doc.tokens[end + 1];
    if (const NumberWord* w = lex.word(after.hash, doc.folded_key(after)); w && w->kind == WordKind::kScale) {
      value *= w->value;
      scaled = true;
      end += 2;
    }
  }
  // Letters glued after the digits.
  if (end < sentence_end && is_word(doc, end) && glued(doc, end)) {
    const Suffix* s = lex.suffix(token_text(doc, end));
    // "$300m", "US$ 300m", "€1.2m": a million after a currency sign, else a metre.
    if (s && s->after_currency &&
        !(i > sentence_first && ends_with_currency_sign(doc, i - 1))) {
      s = nullptr;
    }
    const Token& glued_word = doc.tokens[end];
    const NumberWord* scale_word = s ? nullptr : lex.word(glued_word.hash, doc.folded_key(glued_word));
    if (s && s->kind == SuffixKind::kMultiplier) {
      value *= s->value;
      scaled = true;
      ++end;
    } else if (scale_word && scale_word->kind == WordKind::kScale) {
      value *= scale_word->value;  // "$846.8million", "2millions"
      scaled = true;
      ++end;
    } else if (s && s->kind == SuffixKind::kOrdinal) {
      add_atom(doc, atoms, first, end + 1, value, NumberRole::kOrdinal, "number.ordinal", false);
      atoms.back().span.why.resource = s->where;
      return end + 1;
    } else if (s && s->kind == SuffixKind::kTime) {
      uint32_t k = end + 1;
      double minutes = 0;
      if (k < sentence_end && is_number(doc, k) && glued(doc, k)) {
        if (auto m = value_of(doc, k, lex)) minutes = m->value;
        ++k;
      }
      add_atom(doc, atoms, first, k, value + minutes / 60, NumberRole::kTimeOfDay, "number.time_of_day", false);
      atoms.back().span.why.resource = s->where;
      return k;
    } else {
      add_atom(doc, atoms, first, end, value, NumberRole::kCount, "number.in_word", false);
      atoms.back().span.in_word = true;
      return end;
    }
  }
  // Letters glued before the digits: scp173, USD115; and the decimals of
  // such a word: "EUR2.5bn" is no 5 billion, "v1.2" no 2.
  if (first > sentence_first && glued(doc, first) &&
      (is_word(doc, first - 1) || (first - 1 > sentence_first && glued(doc, first - 1) &&
                                   (is_punct(doc, first - 1, ".") || is_punct(doc, first - 1, ",")) &&
                                   is_word(doc, first - 2) && ends_with_digit(token_text(doc, first - 2))))) {
    add_atom(doc, atoms, first, end, value, NumberRole::kCount, "number.in_word", false);
    atoms.back().span.in_word = true;
    return end;
  }
  // A decimal part alone: ".08", ",23456000", signed "-,0012".
  if (first > 0 && !first_value->fraction && !first_value->grouped && glued(doc, first) &&
      (is_punct(doc, first - 1, ".") || is_punct(doc, first - 1, ",")) &&
      (first - 1 == 0 || doc.tokens[first - 1].has(kSpaceBefore) ||
       (first >= 2 && (is_punct(doc, first - 2, "-") || is_punct(doc, first - 2, "+")))) &&
      token_text(doc, first - 1)[0] == lex.decimal_mark()) {
    std::string_view digits = token_text(doc, first);
    double scale = 1;
    for (size_t k = 0; k < digits.size(); ++k) scale *= 10;
    value /= scale;
    fraction_alone = true;
    --first;
  }
  // A sign: "-5", "<= -30", "- 1 4/5" opening the text (the sentence may
  // start after a leading dash).
  if (first > 0 && (is_punct(doc, first - 1, "-") || is_punct(doc, first - 1, "+"))) {
    uint32_t s = first - 1;
    bool sign_free = s == 0 || doc.tokens[s].has(kSpaceBefore) ||
                     !(doc.tokens[s - 1].kind == TokenKind::kNumber || doc.tokens[s - 1].kind == TokenKind::kWord);
    bool opens = s < sentence_first || s == sentence_first;
    if (sign_free && (glued(doc, first) || (opens && s == 0))) {
      if (token_text(doc, s) == "-") value = -value;
      first = s;
    }
  }
  // An abbreviation after a space: "2.33 k", "1,674,200.5 M", "10 bln", "12 M€".
  if (end < sentence_end && is_word(doc, end) && !glued(doc, end)) {
    const Suffix* s = lex.suffix(token_text(doc, end));
    if (s && s->kind == SuffixKind::kMultiplier && s->spaced) {
      value *= s->value;
      scaled = true;
      ++end;
    }
  }
  out.is_part = true;
  out.part = {WordKind::kUnit, value, true,
              !first_value->fraction && !fraction_alone && value == std::floor(value) && end == i + 1};
  out.first = first;
  out.end = end;
  out.scaled = scaled;
  return end;
}

}  // namespace claimtrace::number
