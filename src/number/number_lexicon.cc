#include "number/number_lexicon.h"

#include <charconv>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include "core/intern.h"
#include "number/word_numerals.h"
#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace::number {
namespace {

Result<double> parse_double(const TableRow& row, size_t field) {
  std::string_view s = row.get(field);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    return std::unexpected(Error{std::string(row.where), "not a number: '" + std::string(s) + "'"});
  }
  return v;
}

Result<WordKind> parse_kind(const TableRow& row) {
  static const std::pair<std::string_view, WordKind> kKinds[] = {
      {"unit", WordKind::kUnit},         {"ten", WordKind::kTen},         {"multiplier", WordKind::kMultiplier},
      {"scale", WordKind::kScale},       {"and", WordKind::kAnd},         {"article", WordKind::kArticle},
      {"point", WordKind::kPoint},       {"negative", WordKind::kNegative}, {"denominator", WordKind::kDenominator},
      {"over", WordKind::kOver},
  };
  for (auto [name, kind] : kKinds) {
    if (row.get(1) == name) return kind;
  }
  return std::unexpected(Error{std::string(row.where), "unknown kind '" + std::string(row.get(1)) + "'"});
}

}  // namespace

Result<NumberLexicon> NumberLexicon::load(const LanguageContext& context) {
  NumberLexicon lex;
  auto words = load_table(context.root, context.path("number", "words.tsv"), 2, 4);
  if (!words) return std::unexpected(words.error());
  for (const auto& row : words->rows) {
    NumberWord w;
    auto kind = parse_kind(row);
    if (!kind) return std::unexpected(kind.error());
    w.kind = *kind;
    if (!row.get(2).empty()) {
      auto v = parse_double(row, 2);
      if (!v) return std::unexpected(v.error());
      w.value = *v;
    }
    std::string_view flags = row.get(3);
    w.times_twenty = flags.find("x20") != std::string_view::npos;
    w.article = flags.find("article") != std::string_view::npos;
    w.pronoun = flags.find("pronoun") != std::string_view::npos;
    w.words_only = flags.find("words_only") != std::string_view::npos;
    w.units_only = flags.find("units_only") != std::string_view::npos;
    w.counts_alone = flags.find("alone") != std::string_view::npos;
    w.approx = flags.find("approx") != std::string_view::npos;
    w.where = row.where;
    std::string key = fold(row[0]);
    if (size_t space = key.find(' '); space != std::string::npos) {
      lex.pairs_.push_back({key.substr(0, space), {key.substr(space + 1), w}});
      lex.filter_.add(key_hash(key.substr(0, space)));
      lex.pair_filter_.add(key_hash(key.substr(0, space)));
      continue;
    }
    uint64_t h = key_hash(key);
    lex.words_[h] = {std::move(key), w};
    lex.add_to_filters(h, w);
  }
  lex.add_ordinal_denominators(context.lang);
  auto suffixes = load_table(context.root, context.path("number", "suffixes.tsv"), 2, 4);
  if (!suffixes) return std::unexpected(suffixes.error());
  for (const auto& row : suffixes->rows) {
    Suffix s;
    if (row[1] == "multiplier") s.kind = SuffixKind::kMultiplier;
    else if (row[1] == "ordinal") s.kind = SuffixKind::kOrdinal;
    else if (row[1] == "time") s.kind = SuffixKind::kTime;
    else return std::unexpected(Error{std::string(row.where), "unknown suffix kind '" + row[1] + "'"});
    if (!row.get(2).empty()) {
      auto v = parse_double(row, 2);
      if (!v) return std::unexpected(v.error());
      s.value = *v;
    }
    s.spaced = row.get(3) == "spaced";
    s.after_currency = row.get(3) == "currency";
    if (!row.get(3).empty() && !s.spaced && !s.after_currency) {
      return std::unexpected(Error{std::string(row.where), "the flag is spaced, currency or nothing"});
    }
    s.where = row.where;
    lex.suffixes_[row[0]] = s;
  }
  auto dets = load_optional_table(context.root, context.path("number", "determiners.tsv"), 1, 1);
  if (!dets) return std::unexpected(dets.error());
  for (const auto& row : dets->rows) lex.determiners_[fold(row[0])] = true;
  auto unsigned_after = load_optional_table(context.root, context.path("number", "not_negative_after.tsv"), 1, 1);
  if (!unsigned_after) return std::unexpected(unsigned_after.error());
  for (const auto& row : unsigned_after->rows) lex.not_negative_after_[fold(row[0])] = true;
  // Month names from CLDR (wide and abbreviated, formatting and standalone):
  // a number next to one is a day of the month, not a count.
  {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale(context.lang.c_str()), status);
    if (U_SUCCESS(status)) {
      for (auto context_type : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
        for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
          int32_t n = 0;
          const icu::UnicodeString* names = symbols.getMonths(n, context_type, width);
          for (int32_t k = 0; k < n; ++k) {
            std::string utf8;
            names[k].toUTF8String(utf8);
            while (!utf8.empty() && utf8.back() == '.') utf8.pop_back();
            if (utf8.empty()) continue;
            uint64_t h = key_hash(fold(utf8));
            lex.months_[h] = true;
            lex.month_filter_.add(h);
          }
        }
      }
    }
  }
  auto percent = load_optional_table(context.root, context.path("number", "percent.tsv"), 1, 1);
  if (!percent) return std::unexpected(percent.error());
  for (const auto& row : percent->rows) {
    if (!lex.percent_.add(row[0], row.line, *context.text_rules)) {
      return std::unexpected(Error{std::string(row.where), "empty phrase"});
    }
  }
  auto tod = load_optional_table(context.root, context.path("number", "time_of_day.tsv"), 2, 2);
  if (!tod) return std::unexpected(tod.error());
  for (const auto& row : tod->rows) {
    bool ok = false;
    if (row[1] == "before") ok = lex.time_before_.add(row[0], 0, *context.text_rules);
    else if (row[1] == "after") ok = lex.time_after_.add(row[0], 0, *context.text_rules);
    else if (row[1] == "after_alone") ok = lex.time_after_.add(row[0], 1, *context.text_rules);
    else return std::unexpected(Error{std::string(row.where), "position must be before, after or after_alone"});
    if (!ok) return std::unexpected(Error{std::string(row.where), "empty phrase"});
  }
  auto fraction_of = load_optional_table(context.root, context.path("number", "fraction_of.tsv"), 1, 1);
  if (!fraction_of) return std::unexpected(fraction_of.error());
  for (const auto& row : fraction_of->rows) lex.fraction_of_.push_back(key_hash(fold(row[0])));
  auto settings = load_optional_table(context.root, context.path("number", "settings.tsv"), 2, 2);
  if (!settings) return std::unexpected(settings.error());
  for (const auto& row : settings->rows) {
    if (row[0] == "decimal_mark" && !row[1].empty()) lex.decimal_ = row[1][0];
  }
  return lex;
}

// Denominators from CLDR's ordinal spell-out ("onzième", "trentième",
// "twelfth", and their plurals): from five up, the single-word ordinals
// are the fractions (below, both languages have their own words: demi,
// tiers, quart; half, third, quarter, listed in words.tsv). Denominators
// of words.tsv that are ordinals are marked as such.
void NumberLexicon::add_ordinal_denominators(const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale(lang.c_str()), status);
  if (U_FAILURE(status)) return;
  // The masculine forms where the language has genders, and a plural rule set where it has one.
  auto rule_set = [&](const char* name) {
    for (int32_t i = 0; i < rbnf.getNumberOfRuleSetNames(); ++i) {
      if (rbnf.getRuleSetName(i) == icu::UnicodeString(name)) return icu::UnicodeString(name);
    }
    return icu::UnicodeString();
  };
  icu::UnicodeString singular = rule_set("%spellout-ordinal-masculine");
  if (singular.isEmpty()) singular = rule_set("%spellout-ordinal");
  const icu::UnicodeString plural = rule_set("%spellout-ordinal-masculine-plural");
  if (singular.isEmpty()) return;
  const std::string_view where = intern("ICU/CLDR spellout-ordinal");
  auto spell = [&](int64_t n, const icu::UnicodeString& set) {
    icu::UnicodeString out;
    icu::FieldPosition pos;
    UErrorCode e = U_ZERO_ERROR;
    rbnf.format(n, set, out, pos, e);
    std::string utf8;
    if (U_SUCCESS(e)) out.toUTF8String(utf8);
    return utf8;
  };
  for (int64_t n = 2; n <= 1000; n = n < 100 ? n + 1 : n * 10) {
    std::string one = spell(n, singular);
    // One word only: "dix-septième" is read from its parts, "one hundredth" too.
    if (one.empty() || one.find_first_of(" -") != std::string::npos || one.find("\u00a0") != std::string::npos) continue;
    std::string many = plural.isEmpty() ? one + "s" : spell(n, plural);
    for (const std::string& form : {one, many}) {
      std::string key = fold(form);
      uint64_t h = key_hash(key);
      if (auto it = words_.find(h); it != words_.end()) {
        if (it->second.word.kind == WordKind::kDenominator) it->second.word.ordinal = true;
        continue;
      }
      if (n < 5) continue;
      NumberWord w;
      w.kind = WordKind::kDenominator;
      w.value = static_cast<double>(n);
      w.ordinal = true;
      w.where = where;
      words_[h] = {std::move(key), w};
      add_to_filters(h, w);
    }
  }
}

void NumberLexicon::add_to_filters(uint64_t h, const NumberWord& w) {
  filter_.add(h);
  if (may_open_numeral(w.kind)) opener_filter_.add(h);
  if (may_stand_alone(w.kind)) stand_alone_filter_.add(h);
}

const NumberWord* NumberLexicon::word(std::string_view folded) const { return word(key_hash(folded), folded); }

const NumberWord* NumberLexicon::pair(uint64_t first_hash, std::string_view first, std::string_view next) const {
  if (!may_start_pair(first_hash)) return nullptr;
  for (const auto& [head, tail] : pairs_) {
    if (head == first && tail.key == next) return &tail.word;
  }
  return nullptr;
}

const NumberWord* NumberLexicon::lookup(uint64_t hash, std::string_view folded) const {
  auto it = words_.find(hash);
  return it == words_.end() || it->second.key != folded ? nullptr : &it->second.word;
}

const Suffix* NumberLexicon::suffix(std::string_view written) const {
  auto it = suffixes_.find(written);
  return it == suffixes_.end() ? nullptr : &it->second;
}

}  // namespace claimtrace::number
