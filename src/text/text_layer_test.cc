#include "text/text_layer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/pipeline.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/phrase_matcher.h"

namespace claimtrace {
namespace {

TextRules french() {
  auto rules = load_text_rules(CLAIMTRACE_RESOURCE_DIR, "fr");
  EXPECT_TRUE(rules.has_value());
  return *rules;
}

Document analysed(std::string text, const TextRules& rules, std::string title = "") {
  Document doc;
  doc.text = std::move(text);
  doc.title = std::move(title);
  build_text_layer(doc, rules);
  return doc;
}

std::vector<std::string> token_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens) out.emplace_back(doc.slice(t.at));
  return out;
}

TEST(Normalize, MapsTypographyAndKeepsOffsets) {
  std::string original = "30\u00a0000 «\u202fsoldats\u202f» l\u2019armée — fin";
  NormalizedText n = normalize_text(original);
  EXPECT_EQ(n.text, "30 000 \" soldats \" l'armée - fin");
  ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
  size_t apostrophe = n.text.find('\'');
  EXPECT_EQ(original.substr(n.original(apostrophe), 3), "\u2019");
  EXPECT_EQ(n.original(n.text.size()), original.size());
}

TEST(Normalize, ComposesDecomposedText) {
  std::string decomposed = "Core\u0301e du Nord";  // e + combining acute
  NormalizedText n = normalize_text(decomposed);
  EXPECT_EQ(n.text, "Cor\u00e9e du Nord");
  EXPECT_EQ(n.original(n.text.find(' ')), decomposed.find(' '));
}

TEST(Fold, LowersAndStripsAccents) {
  EXPECT_EQ(fold("Corée"), "coree");
  EXPECT_EQ(fold("NORD-CORÉENS"), "nord-coreens");
  EXPECT_EQ(fold("Œuvre"), "oeuvre");
  EXPECT_EQ(fold("Шойгу"), "шоигу");
}

TEST(Tokenizer, FrenchElisionsHyphensAndDigitGroups) {
  TextRules fr = french();
  Document doc = analysed("jusqu'à 30\u00a0000 nord-coréens aujourd'hui, l'armée de Kim Jong-un", fr);
  EXPECT_EQ(token_texts(doc), (std::vector<std::string>{"jusqu'", "à", "30\u00a0000", "nord-coréens", "aujourd'hui",
                                                        ",", "l'", "armée", "de", "Kim", "Jong-un"}));
  EXPECT_TRUE(doc.tokens[0].has(kElision));
  EXPECT_TRUE(doc.tokens[2].has(kDigitGroups));
  EXPECT_TRUE(doc.tokens[2].has(kHardSpaceGroups));
  EXPECT_TRUE(doc.tokens[3].has(kHyphenated));
}

TEST(Tokenizer, NumbersDoNotSwallowYears) {
  TextRules fr = french();
  Document doc = analysed("en 2024 300 soldats, 1,5 million et 12 345 678 euros; 1er juillet; 15h30", fr);
  auto t = token_texts(doc);
  EXPECT_EQ(t[1], "2024");
  EXPECT_EQ(t[2], "300");
  EXPECT_EQ(t[5], "1,5");
  EXPECT_EQ(t[8], "12 345 678");
  EXPECT_EQ(t[11], "1");
  EXPECT_EQ(t[12], "er");
  EXPECT_FALSE(doc.tokens[12].has(kSpaceBefore));
  EXPECT_EQ(t[15], "15");
  EXPECT_EQ(t[16], "h");
  EXPECT_EQ(t[17], "30");
}

TEST(Tokenizer, DigitsOfOtherScriptsAreConsumed) {
  // Found by fuzzing: an Arabic-Indic zero inside a number once stalled the scanner.
  Document doc = analysed("25\u0660000 et \u0661\u0662 soldats", french());
  EXPECT_EQ(token_texts(doc), (std::vector<std::string>{"25", "\u0660", "000", "et", "\u0661\u0662", "soldats"}));
}

TEST(Tokenizer, EnglishPossessive) {
  Document doc = analysed("Ukraine's army and O'Brien", TextRules{});
  EXPECT_EQ(token_texts(doc), (std::vector<std::string>{"Ukraine", "'s", "army", "and", "O'Brien"}));
}

// The word loop reads eight bytes at a time; every ASCII byte must end a
// word, or not, as the character table says, wherever it falls in the block.
TEST(Tokenizer, WordBytesAgreeWithTheCharacterTable) {
  const TextRules rules = french();
  for (int b = 0x21; b < 0x7F; ++b) {
    if (b == '-' || b == '\'' || b == '.' || b == ',') continue;  // joiners with rules of their own
    const bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    for (size_t at = 1; at <= 12; ++at) {
      std::string word = std::string(at, 'k') + static_cast<char>(b) + "mnopqrstuvwxyz";
      Document doc = analysed(word, rules);
      ASSERT_FALSE(doc.tokens.empty());
      EXPECT_EQ(doc.tokens[0].at.end, alnum ? word.size() : at) << "byte " << b << " at " << at;
    }
  }
  // A non-ASCII letter leaves the fast loop but not the word: "caféine" is one word.
  Document doc = analysed("abcdefcaf\u00e9ineghijklm", rules);
  EXPECT_EQ(doc.tokens.size(), 1u);
}

// The common-token loop folds, hashes and flags ASCII words itself (16
// bytes at a time, 8 near the end of the text); every token must still
// carry fold() of its text, key_hash() of that, and the case flags by
// their definitions, whatever its length and place.
TEST(Tokenizer, KeysHashesAndCaseFlagsFollowTheirDefinitions) {
  const TextRules rules = french();
  const std::string letters = "AbCDefGHIJklmnoPQRSTuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string text;
  for (size_t size = 1; size <= 40; ++size) {
    text += letters.substr(size % 7, size) + " ";
    text += std::string(size, 'Q') + "-x " + std::string(size, 'e') + "'y " + std::string(size, 'z') + "\u00e9 ";
    text += std::string(size, 'W') + "2, ";
  }
  for (size_t cut = text.size() - 60; cut <= text.size(); ++cut) {
    Document doc = analysed(text.substr(0, cut), rules);
    for (const Token& t : doc.tokens) {
      const std::string_view normalized = doc.normalized_of(t);
      ASSERT_EQ(doc.folded_key(t), fold(normalized)) << normalized;
      ASSERT_EQ(t.hash, key_hash(doc.folded_key(t))) << normalized;
      if (t.kind != TokenKind::kWord) continue;
      const bool upper_first = normalized[0] >= 'A' && normalized[0] <= 'Z';
      const auto upper = std::count_if(normalized.begin(), normalized.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      const bool lower = std::any_of(normalized.begin(), normalized.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      ASSERT_EQ(t.has(kCapitalized), upper_first) << normalized;
      ASSERT_EQ(t.has(kAllCaps), upper_first && !lower && upper >= 2 && !t.has(kNonAscii)) << normalized;
    }
  }
}

TEST(Sentences, AbbreviationsQuotesAndHeadlines) {
  TextRules fr = french();
  Document doc = analysed(
      "Titre sans point\n\nM. Dupont est arrivé. \"Il est fort possible.\" Le Gén. Syrsky a parlé ! Fin", fr);
  std::vector<std::string> s;
  for (const auto& sentence : doc.sentences) s.emplace_back(doc.slice(sentence.at));
  EXPECT_EQ(s, (std::vector<std::string>{"Titre sans point", "M. Dupont est arrivé.", "\"Il est fort possible.\"",
                                         "Le Gén. Syrsky a parlé !", "Fin"}));
  EXPECT_EQ(doc.sentences[1].paragraph, 1u);
}

TEST(Sentences, TitleRepeatedAtTheStartOfTheBody) {
  TextRules fr = french();
  Document doc = analysed("Un allié procure 30 000 soldats\n\nUn allié procure 30 000 soldats D'après les services, "
                          "un allié envisage d'envoyer des soldats.",
                          fr, "Un allié procure 30 000 soldats");
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_TRUE(doc.sentences[0].is_title);
  EXPECT_EQ(doc.slice(doc.sentences[2].at).substr(0, 8), "D'après");
}

TEST(Sentences, DatelinePrefix) {
  Document doc = analysed("KYIV, Ukraine (Reuters) - Russian forces shelled the city. More later.", TextRules{});
  ASSERT_GE(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.slice(doc.sentences[1].at), "Russian forces shelled the city.");
}

TEST(PhraseMatcher, LongestFoldedMatch) {
  TextRules fr = french();
  PhraseMatcher m;
  m.add("Corée", 1, fr);
  m.add("Corée du Nord", 2, fr);
  m.add("jusqu'à", 3, fr);
  Document doc = analysed("La COREE DU NORD enverrait jusqu’à 30 000 soldats en Corée.", fr);
  std::vector<PhraseMatcher::Match> found;
  m.scan(doc, 0, static_cast<uint32_t>(doc.tokens.size()), found);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].payload, 2u);
  EXPECT_EQ(doc.slice({doc.tokens[found[0].first].at.start, doc.tokens[found[0].end - 1].at.end}), "COREE DU NORD");
  EXPECT_EQ(found[1].payload, 3u);
  EXPECT_EQ(found[2].payload, 1u);
}

TEST(Pipeline, DetectsLanguage) {
  auto pipeline = Pipeline::load({.resources = CLAIMTRACE_RESOURCE_DIR});
  ASSERT_TRUE(pipeline.has_value()) << pipeline.error().to_string();
  Document doc;
  doc.text = "La Corée du Nord pourrait envoyer de nouveaux soldats en Ukraine pour soutenir la Russie.";
  (*pipeline)->analyze(doc);
  EXPECT_EQ(doc.lang, "fr");
  Document en;
  en.text = "North Korea could send thousands more troops to Russia, according to Ukrainian intelligence.";
  (*pipeline)->analyze(en);
  EXPECT_EQ(en.lang, "en");
  // Too short for CLD2 to be sure: the function words decide.
  Document dateline;
  dateline.text = "29 mai 2012";
  (*pipeline)->analyze(dateline);
  EXPECT_EQ(dateline.lang, "fr");
}

}  // namespace
}  // namespace claimtrace
