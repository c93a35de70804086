// The text layer, stage by stage, over the bundled corpus, with in-run
// references (memchr over the same bytes) so that ratios can be compared
// across runs on a noisy machine.
#include <benchmark/benchmark.h>

#include <cstring>

#include "corpus.h"
#include "resources/table.h"
#include "text/normalize.h"
#include "text/sentences.h"
#include "text/text_layer.h"
#include "text/tokenizer.h"

namespace claimtrace::bench {
namespace {

const TextRules& rules_for(const std::string& lang) {
  static const TextRules fr = *load_text_rules(default_resource_dir(), "fr");
  static const TextRules en = *load_text_rules(default_resource_dir(), "en");
  return lang == "fr" ? fr : en;
}

void BM_Memchr(benchmark::State& state) {
  const auto& docs = corpus();
  size_t lines = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      const char* p = d.text.data();
      const char* end = p + d.text.size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p)))) {
        ++lines;
        ++p;
      }
    }
  }
  benchmark::DoNotOptimize(lines);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
}
BENCHMARK(BM_Memchr);

void BM_Normalize(benchmark::State& state) {
  const auto& docs = corpus();
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(normalize_text(d.text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_Normalize);

void text_layer(benchmark::State& state, const std::vector<Document>& docs, bool sentences) {
  Document work;
  for (auto _ : state) {
    for (const auto& d : docs) {
      work.text = d.text;
      work.title = d.title;
      work.normalized = normalize_text(work.text);
      tokenize(work, rules_for(d.lang));
      if (sentences) split_sentences(work, rules_for(d.lang));
      benchmark::DoNotOptimize(work.tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(docs)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}

void BM_NormalizeTokenize(benchmark::State& state) { text_layer(state, corpus(), false); }
BENCHMARK(BM_NormalizeTokenize);

void BM_TextLayer(benchmark::State& state) { text_layer(state, corpus(), true); }
BENCHMARK(BM_TextLayer);

void BM_TextLayer_French(benchmark::State& state) {
  static const auto docs = corpus_in("fr");
  text_layer(state, docs, true);
}
BENCHMARK(BM_TextLayer_French);

void BM_TextLayer_English(benchmark::State& state) {
  static const auto docs = corpus_in("en");
  text_layer(state, docs, true);
}
BENCHMARK(BM_TextLayer_English);

}  // namespace
}  // namespace claimtrace::bench
