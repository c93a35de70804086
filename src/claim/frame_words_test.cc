// The frame-word roles of a token, past the 32nd role (roles are 64 bits).
#include "claim/frame_words.h"

#include <gtest/gtest.h>

#include "text/text_layer.h"

namespace claimtrace {
namespace {

TEST(FrameWords, RolesOfTokenHoldRolesPastThe32ndBit) {
  auto rules = load_text_rules(CLAIMTRACE_RESOURCE_DIR, "en");
  ASSERT_TRUE(rules.has_value());
  LanguageContext context{CLAIMTRACE_RESOURCE_DIR, "en", &*rules};
  auto words = FrameWords::load(context);
  ASSERT_TRUE(words.has_value()) << words.error().to_string();
  static_assert(static_cast<unsigned>(Role::kTarget) >= 32);
  Document doc;
  doc.text = "strikes against Kyiv";
  build_text_layer(doc, *rules);
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_NE(words->roles_of_token(doc, 1) & role_bit(Role::kTarget), 0u);
  EXPECT_EQ(words->roles_of_token(doc, 2) & role_bit(Role::kTarget), 0u);
}

}  // namespace
}  // namespace claimtrace
