// The time annotator alone over the bundled corpus, French and English apart:
// the text layer is built once outside the timed loop, then each iteration
// clears Document::times and runs the annotator (MB/s of article text).
#include <benchmark/benchmark.h>

#include "corpus.h"
#include "resources/table.h"
#include "text/text_layer.h"
#include "time/time_annotator.h"

namespace claimtrace::bench {
namespace {

struct Prepared {
  TextRules rules;
  std::unique_ptr<Annotator> annotator;
  std::vector<Document> docs;
};

const Prepared& prepared(const std::string& lang) {
  static std::map<std::string, Prepared> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  Prepared p;
  const auto root = default_resource_dir();
  p.rules = *load_text_rules(root, lang);
  LanguageContext context{root, lang, &p.rules};
  auto annotator = make_time_annotator(context);
  if (annotator) p.annotator = std::move(*annotator);
  p.docs = corpus_in(lang);
  for (auto& d : p.docs) {
    if (d.published.empty()) d.published = "2025-07-03";
    build_text_layer(d, p.rules);
  }
  auto [pos, _] = cache.emplace(lang, std::move(p));
  // The annotator keeps a pointer to nothing in Prepared::rules after load.
  return pos->second;
}

void time_annotator(benchmark::State& state, const std::string& lang) {
  const Prepared& p = prepared(lang);
  if (!p.annotator || p.docs.empty()) {
    state.SkipWithError("no time annotator or no documents");
    return;
  }
  std::vector<Document> docs = p.docs;
  size_t found = 0;
  for (auto _ : state) {
    for (auto& d : docs) {
      d.times.clear();
      p.annotator->annotate(d);
      found += d.times.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.counters["times/doc"] = docs.empty() ? 0 : static_cast<double>(found) / state.iterations() / docs.size();
}

void BM_TimeFr(benchmark::State& state) { time_annotator(state, "fr"); }
void BM_TimeEn(benchmark::State& state) { time_annotator(state, "en"); }
BENCHMARK(BM_TimeFr);
BENCHMARK(BM_TimeEn);

}  // namespace
}  // namespace claimtrace::bench
