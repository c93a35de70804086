#include "quantity/unit_lexicon.h"

#include <algorithm>
#include <charconv>

#include <unordered_set>

#include "core/intern.h"
#include "quantity/cldr_names.h"
#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace::quantity {
namespace {

std::optional<double> to_double(std::string_view s) {
  if (s.empty()) return 1.0;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// The capitals of a symbol made of a sign and capital letters ("$ AU",
// "CA$"), or nothing: codes alone ("USD") and lower case ("aud$") match in
// any case.
std::string symbol_capitals(std::string_view written) {
  std::string letters;
  bool sign = false;
  for (unsigned char c : written) {
    if (c >= 'A' && c <= 'Z') letters += static_cast<char>(c);
    else if (c >= 'a' && c <= 'z') return {};
    else if (c != ' ' && !(c >= '0' && c <= '9')) sign = true;
  }
  return sign ? letters : std::string();
}

}  // namespace

// Units of common/quantity/cldr_units.tsv and current currencies under the
// names CLDR gives them in the language, after the language's own tables:
// a name those already list keeps its hand-written entry.
Result<void> UnitLexicon::add_cldr_names(const LanguageContext& context, std::unordered_set<std::string>& listed,
                                         UnitLexicon& lex) {
  const TextRules& rules = *context.text_rules;
  auto add = [&](const std::string& name, UnitEntry e) {
    if (!listed.insert(fold(name)).second) return;
    if (e.kind == EntryKind::kMoney) e.capitals = symbol_capitals(name);
    lex.entries_.push_back(std::move(e));
    uint32_t id = static_cast<uint32_t>(lex.entries_.size() - 1);
    if (!lex.after_.add(name, id, rules)) return;
    if (name.find(' ') == std::string::npos) lex.single_words_.emplace_back(fold(name), id);
  };
  auto units = load_table(context.root, "common/quantity/cldr_units.tsv", 3, 4);
  if (!units) return std::unexpected(units.error());
  for (const auto& row : units->rows) {
    auto f = to_double(row[2]);
    if (!f) return std::unexpected(Error{std::string(row.where), "factor is not a number"});
    std::string_view flags = row.get(3);
    if (!flags.empty() && flags != "signed" && flags != "short") {
      return std::unexpected(Error{std::string(row.where), "flags are signed or short"});
    }
    UnitEntry e{EntryKind::kUnit, row[1], *f, false, row.where};
    e.takes_sign = flags == "signed";
    for (const auto& name : cldr_unit_names(context.lang, row[0], flags == "short")) add(name, e);
  }
  const std::string_view where = intern("ICU/CLDR currency names");
  for (const auto& c : cldr_currency_names(context.lang)) {
    add(c.name, {EntryKind::kMoney, "money:" + c.iso, 1, false, where});
  }
  // Symbols go before and after the number: "₹500", "500 zł".
  for (const auto& c : cldr_currency_symbols(context.lang)) {
    UnitEntry e{EntryKind::kMoney, "money:" + c.iso, 1, false, where};
    e.capitals = symbol_capitals(c.name);
    if (listed.contains(fold(c.name))) continue;
    add(c.name, e);
    lex.entries_.push_back(e);
    lex.before_.add(c.name, static_cast<uint32_t>(lex.entries_.size() - 1), rules);
  }
  return {};
}

Result<UnitLexicon> UnitLexicon::load(const LanguageContext& context) {
  UnitLexicon lex;
  const TextRules& rules = *context.text_rules;
  std::unordered_set<std::string> listed;  // folded names of nouns, units and currencies after a number
  auto add = [&](number::FilteredMatcher& m, const TableRow& row, UnitEntry e) -> Result<void> {
    if (&m == &lex.after_) listed.insert(fold(row[0]));
    lex.entries_.push_back(std::move(e));
    uint32_t id = static_cast<uint32_t>(lex.entries_.size() - 1);
    if (!m.add(row[0], id, rules)) return std::unexpected(Error{std::string(row.where), "empty phrase"});
    if (&m == &lex.after_ && row[0].find(' ') == std::string::npos) lex.single_words_.emplace_back(fold(row[0]), id);
    return {};
  };
  auto bad = [](const TableRow& row, std::string what) { return std::unexpected(Error{std::string(row.where), std::move(what)}); };

  // nouns.tsv: noun, class
  auto nouns = load_table(context.root, context.path("quantity", "nouns.tsv"), 2, 3);
  if (!nouns) return std::unexpected(nouns.error());
  for (const auto& row : nouns->rows) {
    UnitEntry e{EntryKind::kNoun, row[1], 1, false, row.where};
    // flag "qualifier": the noun may qualify a counted noun after it ("four refugee children")
    if (std::string_view flag = row.get(2); flag == "qualifier") e.adjective = true;
    else if (!flag.empty()) return bad(row, "the flag is qualifier or nothing");
    if (auto r = add(lex.after_, row, std::move(e)); !r) return std::unexpected(r.error());
  }
  // units.tsv: unit, class, factor, flags
  auto units = load_table(context.root, context.path("quantity", "units.tsv"), 2, 4);
  if (!units) return std::unexpected(units.error());
  for (const auto& row : units->rows) {
    auto f = to_double(row.get(2));
    if (!f) return bad(row, "factor is not a number");
    UnitEntry e{EntryKind::kUnit, row[1], *f, false, row.where};
    // flags: "signed", "sub=F" (a bare two-digit number after counts F of the unit),
    // "only_sub" (a unit read only as the sub-unit of the one before), or
    // "before" (a word that gives the unit before the number: "aged 25")
    bool before = false;
    if (std::string_view flag = row.get(3); flag == "signed") {
      e.takes_sign = true;
    } else if (flag == "only_sub") {
      e.only_sub = true;
    } else if (flag.starts_with("sub=")) {
      auto sub = to_double(flag.substr(4));
      if (!sub || *sub <= 0 || *sub >= 1) return bad(row, "sub= needs a fraction of the unit");
      e.sub_factor = *sub;
    } else if (flag == "before") {
      before = true;
    } else if (!flag.empty()) {
      return bad(row, "flags are signed, sub=F, only_sub or before");
    }
    if (auto r = add(before ? lex.before_ : lex.after_, row, std::move(e)); !r) return std::unexpected(r.error());
  }
  // currencies.tsv: written form, ISO code, position (before|after|both), factor, flags
  auto money = load_table(context.root, context.path("quantity", "currencies.tsv"), 3, 5);
  if (!money) return std::unexpected(money.error());
  for (const auto& row : money->rows) {
    auto f = to_double(row.get(3));
    if (!f) return bad(row, "factor is not a number");
    UnitEntry e{EntryKind::kMoney, row[1] == "-" ? std::string("other") : "money:" + row[1], *f,
                row.get(4) == "when_scaled", row.where};
    e.capitals = symbol_capitals(row[0]);
    std::string_view pos = row[2];
    if (pos != "before" && pos != "after" && pos != "both") return bad(row, "position must be before, after or both");
    if (pos != "before") {
      if (auto r = add(lex.after_, row, e); !r) return std::unexpected(r.error());
    }
    if (pos != "after") {
      if (auto r = add(lex.before_, row, e); !r) return std::unexpected(r.error());
    }
  }
  if (auto r = add_cldr_names(context, listed, lex); !r) return std::unexpected(r.error());
  // modifiers.tsv: word, kind (modifier | of)
  auto mods = load_table(context.root, context.path("quantity", "modifiers.tsv"), 1, 2);
  if (!mods) return std::unexpected(mods.error());
  for (const auto& row : mods->rows) {
    EntryKind k = row.get(1) == "of" ? EntryKind::kOfWord : EntryKind::kModifier;
    if (k == EntryKind::kOfWord) lex.of_words_.push_back(fold(row[0]));
    if (auto r = add(lex.after_, row, {k, "", 1, false, row.where}); !r) return std::unexpected(r.error());
  }
  // demonyms.tsv: demonym, flag ("adjective": alone it counts only one)
  auto demonyms = load_table(context.root, context.path("quantity", "demonyms.tsv"), 1, 2);
  if (!demonyms) return std::unexpected(demonyms.error());
  for (const auto& row : demonyms->rows) {
    UnitEntry e{EntryKind::kDemonym, "person", 1, false, row.where};
    if (std::string_view flag = row.get(1); flag == "adjective") e.adjective = true;
    else if (!flag.empty()) return bad(row, "the flag is adjective or nothing");
    if (auto r = add(lex.after_, row, std::move(e)); !r) return std::unexpected(r.error());
  }
  auto simple = [&](std::string_view file, number::FilteredMatcher& m) -> Result<void> {
    auto t = load_table(context.root, context.path("quantity", file), 1, 1);
    if (!t) return std::unexpected(t.error());
    for (const auto& row : t->rows) {
      if (auto r = add(m, row, {EntryKind::kModifier, "", 1, false, row.where}); !r) return r;
    }
    return {};
  };
  if (auto r = simple("military_context.tsv", lex.military_); !r) return std::unexpected(r.error());
  if (auto r = simple("ellipsis.tsv", lex.ellipsis_); !r) return std::unexpected(r.error());
  if (auto r = simple("coordination.tsv", lex.coordination_); !r) return std::unexpected(r.error());
  if (auto r = simple("partitive.tsv", lex.partitive_); !r) return std::unexpected(r.error());
  if (auto r = simple("noun_stop.tsv", lex.noun_stop_); !r) return std::unexpected(r.error());
  if (auto r = simple("year_before.tsv", lex.year_before_); !r) return std::unexpected(r.error());
  // signs.tsv: phrase, sign ("-" negates; "±" is a tolerance, no sign: "plus ou moins 2 degrés";
  // "-after" negates from after the unit: "5 degrés sous zéro")
  auto signs = load_table(context.root, context.path("quantity", "signs.tsv"), 2, 2);
  if (!signs) return std::unexpected(signs.error());
  for (const auto& row : signs->rows) {
    if (row[1] != "-" && row[1] != "±" && row[1] != "-after") return bad(row, "sign must be -, ± or -after");
    number::FilteredMatcher& m = row[1] == "-after" ? lex.signs_after_ : lex.signs_;
    if (auto r = add(m, row, {EntryKind::kModifier, row[1], 1, false, row.where}); !r) return std::unexpected(r.error());
  }
  // fraction_after.tsv: phrase, fraction
  auto fractions = load_table(context.root, context.path("quantity", "fraction_after.tsv"), 2, 2);
  if (!fractions) return std::unexpected(fractions.error());
  for (const auto& row : fractions->rows) {
    auto f = to_double(row.get(1));
    if (!f || *f <= 0 || *f >= 1) return bad(row, "fraction must be a number between 0 and 1");
    if (auto r = add(lex.fraction_after_, row, {EntryKind::kModifier, "", *f, false, row.where}); !r) {
      return std::unexpected(r.error());
    }
  }
  // one_before_unit.tsv (optional): word, kind ("one": an article that is
  // the number one before a unit; "not": a unit name it does not count).
  auto ones = load_optional_table(context.root, context.path("quantity", "one_before_unit.tsv"), 2, 2);
  if (!ones) return std::unexpected(ones.error());
  for (const auto& row : ones->rows) {
    if (row[1] == "not") {
      lex.not_after_one_.push_back(fold(row[0]));
    } else if (row[1] == "one") {
      if (auto r = add(lex.one_, row, {EntryKind::kModifier, "", 1, false, row.where}); !r) return std::unexpected(r.error());
    } else {
      return bad(row, "kind must be one or not");
    }
  }
  std::sort(lex.single_words_.begin(), lex.single_words_.end());
  return lex;
}

const UnitEntry* UnitLexicon::word_unit(std::string_view folded) const {
  auto it = std::lower_bound(single_words_.begin(), single_words_.end(), folded,
                             [](const auto& a, std::string_view b) { return a.first < b; });
  for (; it != single_words_.end() && it->first == folded; ++it) {
    const UnitEntry& e = entries_[it->second];
    if ((e.kind == EntryKind::kUnit && !e.only_sub) || e.kind == EntryKind::kNoun) return &e;
  }
  return nullptr;
}

}  // namespace claimtrace::quantity
