// Main-text extraction measured like trafilatura's and Readability's
// evaluations: word precision and recall against the text a reader sees, on
// pages that have the furniture real news sites have (menus, share bars,
// sidebars, related stories, comments, newsletters, footers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "read/reader.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace claimtrace {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, int> words(const std::string& text) {
  std::map<std::string, int> bag;
  std::string folded = fold(normalize_text(text).text), word;
  for (char c : folded + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      ++bag[word];
      word.clear();
    }
  }
  return bag;
}

struct Page {
  const char* file;
  const char* title;
  const char* published;
};

class HtmlMainText : public ::testing::TestWithParam<Page> {};

TEST_P(HtmlMainText, MatchesWhatAReaderSees) {
  const Page& page = GetParam();
  std::filesystem::path dir = std::filesystem::path(CLAIMTRACE_TEST_DATA) / "html";
  std::filesystem::path html = dir / page.file;
  std::filesystem::path expected_path = html;
  expected_path.replace_extension(".expected.txt");
  std::vector<Document> docs;
  read_html(html.string(), slurp(html), ReadOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); },
            [](Error&& e) { ADD_FAILURE() << e.to_string(); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title, page.title);
  EXPECT_EQ(docs[0].published, page.published);
  auto got = words(docs[0].text);
  auto want = words(slurp(expected_path));
  int common = 0, got_total = 0, want_total = 0;
  for (const auto& [w, n] : got) {
    got_total += n;
    auto it = want.find(w);
    if (it != want.end()) common += std::min(n, it->second);
  }
  for (const auto& [w, n] : want) want_total += n;
  double precision = got_total ? static_cast<double>(common) / got_total : 0;
  double recall = want_total ? static_cast<double>(common) / want_total : 0;
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));
  EXPECT_GE(precision, 0.95) << docs[0].text;
  EXPECT_GE(recall, 0.95) << docs[0].text;
}

INSTANTIATE_TEST_SUITE_P(
    Pages, HtmlMainText,
    ::testing::Values(Page{"wordpress-en.html", "Drone strikes hit energy sites overnight", "2024-03-22"},
                      Page{"main-fr.html", "Corée du Nord : de nouveaux soldats envoyés en Russie ?", "2025-07-03"},
                      Page{"divs-en.html", "Ceasefire talks stall", "2022-04-05"}),
    [](const auto& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.')) == "wordpress-en" ? std::string("wordpress_en")
             : name.starts_with("main") ? std::string("main_fr") : std::string("divs_en");
    });

}  // namespace
}  // namespace claimtrace
