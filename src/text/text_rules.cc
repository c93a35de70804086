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
  return rules;
}

}  // namespace claimtrace
