// Numbers + quantities over French and English news text, in MB/s of text.
// The text layer is built once outside the timed loop; each iteration clears
// the two layers and runs the number and quantity annotators again. A second
// pair of benchmarks times the text layer with them, for comparison.
//
// Text: the articles of ../shared/corpus/wikinews-fr-2012 (fr) and
// ../shared/corpus/polnear-attribution-en (en) next to the source tree, or
// $CLAIMTRACE_BENCH_CORPUS/<those folders>; the seed article when absent.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "number/number_annotator.h"
#include "quantity/quantity_annotator.h"
#include "text/text_layer.h"
#include "text/text_rules.h"

namespace claimtrace {
namespace {

namespace fs = std::filesystem;

fs::path corpus_root() {
  if (const char* env = std::getenv("CLAIMTRACE_BENCH_CORPUS")) return env;
  return fs::path(CLAIMTRACE_RESOURCE_DIR).parent_path().parent_path() / "shared" / "corpus";
}

// Up to `limit` bytes of article texts from a JSONL file, as documents.
std::vector<std::string> load_texts(const fs::path& file, size_t limit) {
  std::vector<std::string> out;
  std::ifstream in(file);
  std::string line;
  size_t total = 0;
  while (total < limit && std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    out.push_back(j["text"].get<std::string>());
    total += out.back().size();
  }
  if (out.empty()) {
    std::ifstream seed(corpus_root() / "seed" / "article.txt");
    std::stringstream ss;
    ss << seed.rdbuf();
    out.push_back(ss.str().empty() ? "Pyongyang pourrait envoyer entre 25 000 et 30 000 hommes." : ss.str());
  }
  return out;
}

struct Kit {
  TextRules rules;
  std::unique_ptr<Annotator> numbers, quantities;
  std::vector<Document> docs;
  size_t bytes = 0;
};

const Kit& kit(const std::string& lang) {
  static std::map<std::string, std::unique_ptr<Kit>> kits;
  auto& k = kits[lang];
  if (k) return *k;
  k = std::make_unique<Kit>();
  const fs::path root = CLAIMTRACE_RESOURCE_DIR;
  k->rules = load_text_rules(root, lang).value();
  LanguageContext ctx{root, lang, &k->rules};
  k->numbers = make_number_annotator(ctx).value();
  k->quantities = make_quantity_annotator(ctx).value();
  const fs::path file = lang == "fr" ? corpus_root() / "wikinews-fr-2012" / "articles.jsonl"
                                     : corpus_root() / "polnear-attribution-en" / "articles.jsonl";
  for (auto& text : load_texts(file, 4 << 20)) {
    Document doc;
    doc.lang = lang;
    doc.text = std::move(text);
    build_text_layer(doc, k->rules);
    k->bytes += doc.text.size();
    k->docs.push_back(std::move(doc));
  }
  return *k;
}

void BM_NumbersQuantities(benchmark::State& state, const std::string& lang) {
  const Kit& k = kit(lang);
  std::vector<Document> docs = k.docs;
  size_t spans = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      doc.numbers.clear();
      doc.quantities.clear();
      k.numbers->annotate(doc);
      k.quantities->annotate(doc);
      spans += doc.numbers.size() + doc.quantities.size();
    }
  }
  benchmark::DoNotOptimize(spans);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(k.bytes));
}

void BM_TextLayerNumbersQuantities(benchmark::State& state, const std::string& lang) {
  const Kit& k = kit(lang);
  for (auto _ : state) {
    for (const auto& src : k.docs) {
      Document doc;
      doc.lang = lang;
      doc.text = src.text;
      build_text_layer(doc, k.rules);
      k.numbers->annotate(doc);
      k.quantities->annotate(doc);
      benchmark::DoNotOptimize(doc.quantities.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(k.bytes));
}

BENCHMARK_CAPTURE(BM_NumbersQuantities, fr, std::string("fr"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NumbersQuantities, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TextLayerNumbersQuantities, fr, std::string("fr"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TextLayerNumbersQuantities, en, std::string("en"))->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimtrace
