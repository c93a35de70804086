#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>

#include "entity/entity_annotator.h"
#include "entity/knowledge.h"
#include "pipeline/pipeline.h"

namespace claimtrace {
namespace {

const Pipeline& pipeline() {
  static std::unique_ptr<Pipeline> p = [] {
    PipelineOptions options;
    options.resources = CLAIMTRACE_RESOURCE_DIR;
    auto loaded = Pipeline::load(options);
    EXPECT_TRUE(loaded.has_value()) << loaded.error().to_string();
    return std::move(*loaded);
  }();
  return *p;
}

Document analyze(std::string text, std::string lang) {
  Document doc;
  doc.text = std::move(text);
  doc.lang = std::move(lang);
  pipeline().analyze(doc);
  return doc;
}

std::vector<std::string> mention_ids(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& m : doc.mentions) out.push_back(doc.entities[m.entity].id + "=" + std::string(doc.slice(m.at)));
  return out;
}

TEST(EntityAnnotator, LongestNameWins) {
  Document doc = analyze("Ukrainska Pravda and the Kyiv Independent reported it.", "en");
  EXPECT_EQ(mention_ids(doc), (std::vector<std::string>{"org/ukrainska-pravda=Ukrainska Pravda",
                                                         "org/kyiv-independent=Kyiv Independent"}));
}

TEST(EntityAnnotator, ScriptsAndTransliterations) {
  Document doc = analyze("Шойгу прибыл в Пхеньян. Sergei Shoygu left.", "en");
  ASSERT_GE(doc.mentions.size(), 3u);
  EXPECT_EQ(doc.entities[doc.mentions[0].entity].id, "person/sergei-shoigu");
  EXPECT_EQ(doc.entities[doc.mentions[1].entity].id, "country/KP");
  EXPECT_EQ(doc.entities[doc.mentions[2].entity].id, "person/sergei-shoigu");
  EXPECT_EQ(doc.entities[doc.mentions[0].entity].mentions.size(), 2u);
}

TEST(EntityAnnotator, MentionsSortedAndIndexed) {
  Document doc = analyze(
      "Une note consultée par CNN. Selon le média américain, 600 nord-coréens sont morts.", "fr");
  for (size_t i = 1; i < doc.mentions.size(); ++i) EXPECT_LE(doc.mentions[i - 1].at.start, doc.mentions[i].at.start);
  for (uint32_t e = 0; e < doc.entities.size(); ++e) {
    for (uint32_t m : doc.entities[e].mentions) EXPECT_EQ(doc.mentions[m].entity, e);
  }
  bool descriptive = false;
  for (const auto& m : doc.mentions) {
    if (m.descriptive) {
      descriptive = true;
      EXPECT_EQ(doc.entities[m.entity].id, "org/cnn");
      EXPECT_EQ(doc.slice(m.at), "le média américain");
    }
  }
  EXPECT_TRUE(descriptive);
}

// Past sixteen surnames the aliases move to a hash index: a surname still
// names the last person who bore it.
TEST(EntityAnnotator, SurnamesOfManyPeople) {
  const char* surnames[] = {"Martin", "Bernard", "Thomas", "Petit",  "Robert",   "Richard", "Durand",
                            "Dubois", "Moreau",  "Laurent", "Simon", "Michel",   "Lefebvre", "Leroy",
                            "Roux",   "David",   "Bertrand", "Morel", "Fournier", "Girard"};
  std::string text;
  for (const char* s : surnames) text += fmt::format("Le colonel Pierre {} est arrivé. ", s);
  text += "Le colonel Paul Martin est arrivé. Martin a parlé. Girard a parlé.";
  Document doc = analyze(text, "fr");
  const std::vector<std::string> ids = mention_ids(doc);
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(std::vector<std::string>(ids.end() - 2, ids.end()), (std::vector<std::string>{"person/paul-martin=Martin", "person/pierre-girard=Girard"}));
}

TEST(EntityAnnotator, NothingInEmptyOrPunctuation) {
  EXPECT_TRUE(analyze("", "fr").mentions.empty());
  EXPECT_TRUE(analyze("... !!! ,,,", "en").mentions.empty());
}

TEST(Knowledge, CaseFlags) {
  EXPECT_EQ(case_flags("nord-coréens"), 0);
  EXPECT_EQ(case_flags("Corée du Nord"), kNameCapital | kNameCapitalLast);
  EXPECT_EQ(case_flags("CNN"), kNameAllCaps);
  EXPECT_EQ(case_flags("Le Monde"), kNameCapital | kNameCapitalLast);
  EXPECT_EQ(case_flags("평양"), 0);
}

TEST(Knowledge, Slugs) {
  EXPECT_EQ(slug("Lee Seong-kweun"), "lee-seong-kweun");
  EXPECT_EQ(slug("Sergueï Choïgou"), "serguei-choigou");
  EXPECT_EQ(slug("Шойгу"), "soigu");
}

TEST(Knowledge, LoadsFastAndHasCountries) {
  auto start = std::chrono::steady_clock::now();
  PipelineOptions options;
  options.resources = CLAIMTRACE_RESOURCE_DIR;
  auto loaded = Pipeline::load(options);
  ASSERT_TRUE(loaded.has_value());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
#if defined(__SANITIZE_ADDRESS__)
  (void)seconds;
#else
  EXPECT_LT(seconds, 2.0);  // < 1 s in release; slack for loaded machines
#endif
  auto knowledge = common_knowledge(CLAIMTRACE_RESOURCE_DIR);
  ASSERT_TRUE(knowledge.has_value());
  EXPECT_NE((*knowledge)->find("country/KP"), nullptr);
  EXPECT_EQ((*knowledge)->find("country/KP")->name, "North Korea");
  EXPECT_GT((*knowledge)->entities.size(), 240u);
}

}  // namespace
}  // namespace claimtrace
