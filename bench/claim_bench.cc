// The claim layer over the benchmark corpus (bench/corpus.h): the cue
// annotator and the claim builder alone, on documents whose other layers
// were built once beforehand, and the whole pipeline for comparison.
//
//   claimtrace_bench --benchmark_filter='Claim|Cue|WholePipeline'
#include <benchmark/benchmark.h>

#include "claim/claim_builder.h"
#include "claim/cue_annotator.h"
#include "corpus.h"
#include "pipeline/pipeline.h"
#include "resources/table.h"

namespace claimtrace::bench {
namespace {

const Pipeline& pipeline() {
  static std::unique_ptr<Pipeline> p = [] {
    auto loaded = Pipeline::load();
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return *p;
}

struct ClaimKit {
  TextRules rules;
  std::unique_ptr<Annotator> cues, claims;
};

const ClaimKit& kit(const std::string& lang) {
  static std::map<std::string, ClaimKit> kits;
  auto it = kits.find(lang);
  if (it != kits.end()) return it->second;
  ClaimKit k;
  k.rules = *load_text_rules(default_resource_dir(), lang);
  LanguageContext context{default_resource_dir(), lang, &k.rules};
  k.cues = std::move(*make_cue_annotator(context));
  k.claims = std::move(*make_claim_builder(context));
  return kits.emplace(lang, std::move(k)).first->second;
}

// Documents analysed once, with their cue and claim layers emptied.
const std::vector<Document>& analysed() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out = corpus();
    for (auto& d : out) {
      pipeline().analyze(d);
      d.cues.clear();
      d.claims.clear();
    }
    return out;
  }();
  return docs;
}

void BM_CueAnnotator(benchmark::State& state) {
  const auto& docs = analysed();
  for (auto _ : state) {
    for (const auto& d : docs) {
      if (d.lang != "fr" && d.lang != "en") continue;
      Document copy = d;
      kit(d.lang).cues->annotate(copy);
      benchmark::DoNotOptimize(copy.cues.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
}
BENCHMARK(BM_CueAnnotator)->Unit(benchmark::kMillisecond);

void BM_CuesAndClaims(benchmark::State& state) {
  const auto& docs = analysed();
  size_t claims = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      if (d.lang != "fr" && d.lang != "en") continue;
      Document copy = d;
      kit(d.lang).cues->annotate(copy);
      kit(d.lang).claims->annotate(copy);
      claims += copy.claims.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.counters["claims/iter"] = static_cast<double>(claims) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_CuesAndClaims)->Unit(benchmark::kMillisecond);

void BM_WholePipeline(benchmark::State& state) {
  const auto& docs = corpus();
  for (auto _ : state) {
    for (const auto& d : docs) {
      Document copy = d;
      pipeline().analyze(copy);
      benchmark::DoNotOptimize(copy.claims.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
}
BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimtrace::bench
