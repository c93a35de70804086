// Runs every example line of every language's resources as its own test:
// adding a line to resources/<lang>/<dim>/examples*.tsv adds a test case.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "example_corpus.h"
#include "output/json_output.h"
#include "pipeline/pipeline.h"

namespace claimtrace::testing {
namespace {

const Pipeline& shared_pipeline() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    PipelineOptions options;
    options.resources = CLAIMTRACE_RESOURCE_DIR;
    auto loaded = Pipeline::load(options);
    if (!loaded) {
      ADD_FAILURE() << loaded.error().to_string();
      std::abort();
    }
    return std::move(*loaded);
  }();
  return *pipeline;
}

std::string describe(const Document& doc, const nlohmann::ordered_json& spans) {
  std::string out;
  for (const auto& s : spans) out += fmt::format("\n    [{}] {}", s.value("text", ""), s["value"].dump());
  (void)doc;
  return out.empty() ? "\n    (nothing)" : out;
}

class ExampleTest : public ::testing::Test {
 public:
  explicit ExampleTest(ExampleCase c) : case_(std::move(c)) {}
  void TestBody() override {
    Document doc;
    doc.id = "example";
    doc.text = case_.text;
    doc.lang = case_.lang;
    doc.published = case_.ref_time;
    shared_pipeline().analyze(doc);
    const std::string where = fmt::format("{}:{}: «{}»", case_.file, case_.line, case_.text);
    if (case_.dim == "claim") {
      nlohmann::ordered_json claims = nlohmann::ordered_json::array();
      for (const auto& c : doc.claims) claims.push_back(claim_json(doc, c));
      if (case_.negative) {
        EXPECT_TRUE(claims.empty()) << where << "\n  expected no claim, got " << claims.dump(2);
        return;
      }
      std::string why = "no claim";
      for (const auto& c : claims) {
        why = json_contains(nlohmann::json::parse(c.dump()), case_.expected);
        if (why.empty()) return;
      }
      ADD_FAILURE() << where << "\n  expected a claim containing " << case_.expected.dump() << "\n  closest miss: "
                    << why << "\n  claims: " << claims.dump(2);
      return;
    }
    nlohmann::ordered_json spans = parse_spans_json(doc, case_.dim);
    Extent want{case_.span_start, case_.span_end};
    if (case_.negative) {
      for (const auto& s : spans) {
        Extent got{s["start"].get<uint32_t>(), s["end"].get<uint32_t>()};
        EXPECT_FALSE(got.overlaps(want)) << where << "\n  expected no " << case_.dim << ", got" << describe(doc, spans);
      }
      return;
    }
    std::string why;
    for (const auto& s : spans) {
      if (s["start"] != want.start || s["end"] != want.end) continue;
      why = json_contains(nlohmann::json::parse(s["value"].dump()), case_.expected);
      if (why.empty()) return;
    }
    ADD_FAILURE() << where << "\n  expected [" << case_.text.substr(want.start, want.size()) << "] "
                  << case_.expected.dump() << (why.empty() ? "" : "\n  value: " + why) << "\n  got"
                  << describe(doc, spans);
  }

 private:
  ExampleCase case_;
};

// Registers one test per example line before main runs.
const bool kRegistered = [] {
  const std::filesystem::path root = CLAIMTRACE_RESOURCE_DIR;
  for (const auto& file : example_files(root)) {
    auto cases = load_examples(root, file);
    if (!cases) {
      std::string message = cases.error().to_string();
      ::testing::RegisterTest("ExampleFiles", file.filename().c_str(), nullptr, nullptr, __FILE__, __LINE__,
                              [message]() -> ::testing::Test* {
                                struct Broken : ::testing::Test {
                                  std::string m;
                                  void TestBody() override { FAIL() << m; }
                                };
                                auto* t = new Broken();
                                t->m = message;
                                return t;
                              });
      continue;
    }
    for (auto& c : *cases) {
      std::string suite = fmt::format("Examples_{}_{}", c.lang, c.dim);
      std::string name = fmt::format("{}_line{}", std::filesystem::path(c.file).stem().string(), c.line);
      ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, c.file.c_str(), static_cast<int>(c.line),
                              [c]() -> ::testing::Test* { return new ExampleTest(c); });
    }
  }
  return true;
}();

}  // namespace
}  // namespace claimtrace::testing
