#include "number/number_lexicon.h"

#include <charconv>

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
    w.where = row.where;
    lex.words_[fold(row[0])] = w;
  }
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
    s.where = row.where;
    lex.suffixes_[row[0]] = s;
  }
  auto dets = load_optional_table(context.root, context.path("number", "determiners.tsv"), 1, 1);
  if (!dets) return std::unexpected(dets.error());
  for (const auto& row : dets->rows) lex.determiners_[fold(row[0])] = true;
  auto settings = load_optional_table(context.root, context.path("number", "settings.tsv"), 2, 2);
  if (!settings) return std::unexpected(settings.error());
  for (const auto& row : settings->rows) {
    if (row[0] == "decimal_mark" && !row[1].empty()) lex.decimal_ = row[1][0];
  }
  return lex;
}

const NumberWord* NumberLexicon::word(std::string_view folded) const {
  auto it = words_.find(folded);
  return it == words_.end() ? nullptr : &it->second;
}

const Suffix* NumberLexicon::suffix(std::string_view written) const {
  auto it = suffixes_.find(written);
  return it == suffixes_.end() ? nullptr : &it->second;
}

}  // namespace claimtrace::number
