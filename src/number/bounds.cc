#include "number/bounds.h"

#include <charconv>

#include "resources/table.h"

namespace claimtrace::number {
namespace {

std::optional<BoundKind> kind_of(std::string_view name) {
  static const std::pair<std::string_view, BoundKind> kKinds[] = {
      {"more", BoundKind::kMore},       {"at_least", BoundKind::kAtLeast}, {"less", BoundKind::kLess},
      {"up_to", BoundKind::kUpTo},      {"approx", BoundKind::kApprox},    {"equal", BoundKind::kEqual},
      {"or_more", BoundKind::kOrMore},  {"or_less", BoundKind::kOrLess},   {"or_equal", BoundKind::kOrEqual},   {"between", BoundKind::kBetween},
      {"from", BoundKind::kFrom},       {"to", BoundKind::kTo},            {"and", BoundKind::kAnd},
      {"or", BoundKind::kOr},
      {"copula", BoundKind::kCopula},   {"ratio", BoundKind::kRatio},   {"none", BoundKind::kNone},
  };
  for (auto [n, k] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::optional<double> number_field(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

Result<BoundLexicon> BoundLexicon::load(const LanguageContext& context) {
  BoundLexicon lex;
  auto table = load_table(context.root, context.path("number", "bounds.tsv"), 2, 2);
  if (!table) return std::unexpected(table.error());
  for (const auto& row : table->rows) {
    auto kind = kind_of(row[1]);
    if (!kind) return std::unexpected(Error{std::string(row.where), "unknown bound kind '" + row[1] + "'"});
    lex.cues_.push_back({*kind, row.where});
    Document phrase = tokenize_phrase(row[0], *context.text_rules);
    if (!phrase.tokens.empty()) lex.cue_filter_.add(phrase.tokens.front().hash);
    if (!lex.cue_matcher_.add(row[0], static_cast<uint32_t>(lex.cues_.size() - 1), *context.text_rules)) {
      return std::unexpected(Error{std::string(row.where), "empty phrase"});
    }
    // "plus d'" also before a word: "plus d'un million", "près d'une centaine".
    if (row[0].ends_with('\'')) {
      lex.cue_matcher_.add_elided(row[0], static_cast<uint32_t>(lex.cues_.size() - 1), *context.text_rules);
    }
  }
  auto vague = load_table(context.root, context.path("number", "vague.tsv"), 3, 4);
  if (!vague) return std::unexpected(vague.error());
  for (const auto& row : vague->rows) {
    VagueAmount v;
    v.where = row.where;
    auto lo = number_field(row[1]);
    auto hi = number_field(row[2]);
    if ((!lo && !row[1].empty()) || (!hi && !row[2].empty())) {
      return std::unexpected(Error{std::string(row.where), "min and max must be numbers or empty"});
    }
    if (lo && hi && *lo == *hi) {
      v.value = lo;
    } else {
      v.min = lo;
      v.max = hi;
    }
    v.max_inclusive = row.get(3) != "max_exclusive";
    lex.vague_.push_back(v);
    Document phrase = tokenize_phrase(row[0], *context.text_rules);
    if (!phrase.tokens.empty()) {
      lex.vague_filter_.add(phrase.tokens.back().hash);
      lex.vague_first_filter_.add(phrase.tokens.front().hash);
    }
    if (!lex.vague_matcher_.add(row[0], static_cast<uint32_t>(lex.vague_.size() - 1), *context.text_rules)) {
      return std::unexpected(Error{std::string(row.where), "empty phrase"});
    }
  }
  return lex;
}

}  // namespace claimtrace::number
