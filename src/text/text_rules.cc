#include "text/text_rules.h"

#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace {

Result<TextRules> load_text_rules(const std::filesystem::path& root, const std::string& lang) {
  TextRules rules;
  rules.lang = lang;
  struct Part { const char* file; WordSet* into; };
  for (Part part : {Part{"elisions.tsv", &rules.elisions}, Part{"apostrophe_words.tsv", &rules.apostrophe_words},
                    Part{"abbreviations.tsv", &rules.abbreviations}, Part{"stopwords.tsv", &rules.stopwords}}) {
    auto table = load_optional_table(root, lang + "/text/" + part.file, 1, 2);
    if (!table) return std::unexpected(table.error());
    for (const auto& row : table->rows) part.into->insert(fold(row[0]));
  }
  for (const auto& w : rules.elisions) rules.elision_keys.insert(key_hash(w));
  for (const auto& w : rules.abbreviations) rules.abbreviation_keys.insert(key_hash(w));
  return rules;
}

void KeyHashSet::insert(uint64_t key_hash) {
  const uint64_t bit = key_hash & (kFilterBits - 1);
  filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  auto at = std::lower_bound(sorted_.begin(), sorted_.end(), key_hash);
  if (at == sorted_.end() || *at != key_hash) sorted_.insert(at, key_hash);
}

}  // namespace claimtrace
