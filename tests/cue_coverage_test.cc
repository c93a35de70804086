// Keeps the claim example corpora complete: every entry of a language's
// attribution.tsv, certainty.tsv, reporting.tsv and conditional.tsv must
// occur in the text of at least one line of its claim/examples*.tsv, so that
// each frame and cue is exercised; a blocking entry (`ignore`, `none`) must
// occur in a negative line (`[]`), where the reading it blocks does not happen.
// A phrase occurs when one of its forms (after inflection expansion) is a
// run of the example's tokens, compared by their folded keys (case- and
// accent-insensitive, whole words); a conditional suffix occurs when a word
// of at least its minimum size ends with it.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "claim/cue_lexicon.h"
#include "example_corpus.h"
#include "resources/table.h"
#include "text/text_layer.h"

namespace claimtrace::testing {
namespace {

using Keys = std::vector<std::string>;  // the folded keys of a text's tokens

Keys keys_of(std::string_view text, const TextRules& rules) {
  Document doc;
  doc.text = std::string(text);
  build_text_layer(doc, rules);
  Keys out;
  for (const auto& t : doc.tokens) out.emplace_back(doc.folded_key(t));
  return out;
}

bool contains_run(const Keys& text, const Keys& phrase) {
  return !phrase.empty() && std::search(text.begin(), text.end(), phrase.begin(), phrase.end()) != text.end();
}

class CueCoverage : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string lang = GetParam();
    auto rules = load_text_rules(root_, lang);
    ASSERT_TRUE(rules.has_value()) << rules.error().to_string();
    rules_ = std::move(*rules);
    auto infl = load_optional_table(root_, fmt::format("{}/claim/inflections.tsv", lang), 2, 2);
    ASSERT_TRUE(infl.has_value()) << infl.error().to_string();
    for (const auto& row : infl->rows) {
      std::string_view list = row[1];
      for (size_t at = 0; at <= list.size();) {
        size_t comma = std::min(list.find(',', at), list.size());
        if (comma > at) classes_[row[0]].emplace_back(list.substr(at, comma - at));
        at = comma + 1;
      }
    }
    for (const auto& file : example_files(root_)) {
      auto cases = load_examples(root_, file);
      ASSERT_TRUE(cases.has_value()) << cases.error().to_string();
      for (const auto& c : *cases) {
        if (c.lang != lang || c.dim != "claim") continue;
        examples_.push_back(keys_of(c.text, rules_));
        if (c.negative) negatives_.push_back(examples_.back());
      }
    }
    ASSERT_FALSE(examples_.empty()) << "no claim examples for " << lang;
  }

  bool covered(std::string_view phrase, const std::vector<Keys>& examples) const {
    for (const auto& form : expand_inflections(phrase, classes_)) {
      Keys wanted = keys_of(form, rules_);
      for (const auto& example : examples) {
        if (contains_run(example, wanted)) return true;
      }
    }
    return false;
  }

  bool covered_suffix(std::string_view suffix, size_t min_size) const {
    for (const auto& example : examples_) {
      for (const auto& key : example) {
        if (key.size() >= min_size && key.ends_with(suffix)) return true;
      }
    }
    return false;
  }

  // The file:line of every entry of `file` that no example holds.
  std::vector<std::string> missing(std::string_view file) const {
    std::vector<std::string> out;
    auto table = load_optional_table(root_, fmt::format("{}/claim/{}", GetParam(), file), 2, 4);
    EXPECT_TRUE(table.has_value()) << table.error().to_string();
    if (!table) return out;
    for (const auto& row : table->rows) {
      const bool blocker = row[1] == "ignore" || row[1] == "none";
      bool ok = file == "conditional.tsv" ? covered_suffix(row[0], row.size() > 3 ? std::stoul(row[3]) : 0)
                                          : covered(row[0], blocker ? negatives_ : examples_);
      if (!ok) out.push_back(fmt::format("{}  {}{}", row.where, row[0], blocker ? "  (blocker: needs a [] line)" : ""));
    }
    return out;
  }

  const std::filesystem::path root_ = CLAIMTRACE_RESOURCE_DIR;
  TextRules rules_;
  std::unordered_map<std::string, std::vector<std::string>> classes_;
  std::vector<Keys> examples_;
  std::vector<Keys> negatives_;  // the lines expecting no claim
};

TEST_P(CueCoverage, EveryCueEntryHasAnExample) {
  for (std::string_view file : {"attribution.tsv", "certainty.tsv", "reporting.tsv", "conditional.tsv"}) {
    auto absent = missing(file);
    EXPECT_TRUE(absent.empty()) << absent.size() << " entries of " << GetParam() << "/claim/" << file
                                << " occur in no line of claim/examples*.tsv:\n  "
                                << fmt::format("{}", fmt::join(absent, "\n  "));
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, CueCoverage, ::testing::Values("fr", "en"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace claimtrace::testing
