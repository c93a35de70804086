#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

namespace claimtrace {
namespace {

const Pipeline& pipeline() {
  static const std::unique_ptr<Pipeline> loaded = [] {
    auto p = Pipeline::load();
    EXPECT_TRUE(p.has_value());
    return p ? std::move(*p) : nullptr;
  }();
  return *loaded;
}

std::string language_of(std::string text) {
  Document doc;
  doc.text = std::move(text);
  return pipeline().detect_language(doc);
}

// Short texts are where CLD2 is unsure and function words decide.
TEST(DetectLanguage, ShortFrenchSentences) {
  EXPECT_EQ(language_of("La Russie a perdu 16 000 soldats."), "fr");
  EXPECT_EQ(language_of("Il a été tué à Kharkiv."), "fr");
  EXPECT_EQ(language_of("KIEV, 3 mars (Reuters) - Les frappes ont repris."), "fr");
}

TEST(DetectLanguage, ShortEnglishSentences) {
  EXPECT_EQ(language_of("Russia has lost 16,000 soldiers."), "en");
  EXPECT_EQ(language_of("KYIV, March 3 (Reuters) - Shelling resumed."), "en");
  EXPECT_EQ(language_of("45 children were wounded."), "en");
}

}  // namespace
}  // namespace claimtrace
