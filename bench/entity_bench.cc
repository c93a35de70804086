// Entity annotator speed: loading all gazetteers, and matching over text
// whose text layer is already built, with the full gazetteers alone and with
// 100,000 extra synthetic names.
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCLAIMTRACE_BENCH=ON
//   build-bench/claimtrace_bench --benchmark_filter=Entity
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <random>
#include <sstream>

#include "entity/entity_annotator.h"
#include "entity/knowledge.h"
#include "entity/lexicon.h"
#include "entity/name_matcher.h"
#include "text/text_layer.h"
#include "text/text_rules.h"

namespace claimtrace {
namespace {

const std::filesystem::path kRoot = CLAIMTRACE_RESOURCE_DIR;

const TextRules& rules(const std::string& lang) {
  static std::map<std::string, TextRules> cache;
  auto it = cache.find(lang);
  if (it == cache.end()) it = cache.emplace(lang, *load_text_rules(kRoot, lang)).first;
  return it->second;
}

// Capitalized two- and three-word names from random syllables: "Valor Tenkasi".
std::vector<std::pair<std::string, uint32_t>> synthetic_names(size_t n, uint32_t entity) {
  static const char* kSyllables[] = {"va", "lor", "ten", "ka", "si", "mo", "ru", "dan", "el", "pri",
                                     "zo", "gur", "an", "bel", "ko", "vi", "sha", "tor", "ne", "lu"};
  std::mt19937 rng(42);
  auto word = [&] {
    std::string w;
    int syllables = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < syllables; ++i) w += kSyllables[rng() % 20];
    w[0] = static_cast<char>(w[0] - 32);
    return w;
  };
  std::vector<std::pair<std::string, uint32_t>> names;
  names.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string name = fmt::format("{} {}", word(), word());
    if (i % 3 == 0) name = fmt::format("{} {}", name, word());
    names.emplace_back(std::move(name), entity);
  }
  return names;
}

std::string corpus_text() {
  std::ifstream in(std::string(CLAIMTRACE_RESOURCE_DIR) + "/../../shared/corpus/seed/article.txt");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string seed = buffer.str();
  if (seed.empty()) {
    seed = "D'après les services de renseignement ukrainiens, un allié du Kremlin envisage d'envoyer jusqu'à "
           "30 000 soldats. Pyongyang pourrait envoyer entre 25 000 et 30 000 hommes, selon CNN. ";
  }
  std::string text;
  while (text.size() < (1u << 20)) text += seed + "\n\n";
  return text;
}

void BM_EntityLoad(benchmark::State& state) {
  LanguageContext context{kRoot, "fr", &rules("fr")};
  for (auto _ : state) {
    auto knowledge = std::make_shared<Knowledge>();
    (void)add_countries(kRoot, *knowledge);
    (void)add_curated(kRoot, *knowledge);
    (void)add_cities(kRoot, *knowledge);
    auto names = NameMatcher::build(knowledge, context);
    auto lexicon = load_entity_lexicon(context);
    benchmark::DoNotOptimize(names->size());
    benchmark::DoNotOptimize(lexicon->role_info.size());
    state.counters["names"] = static_cast<double>(names->size());
  }
}
BENCHMARK(BM_EntityLoad)->Unit(benchmark::kMillisecond);

void BM_EntityLoadWith100kNames(benchmark::State& state) {
  LanguageContext context{kRoot, "fr", &rules("fr")};
  auto extra = synthetic_names(100000, 0);
  for (auto _ : state) {
    auto knowledge = std::make_shared<Knowledge>();
    (void)add_countries(kRoot, *knowledge);
    (void)add_curated(kRoot, *knowledge);
    (void)add_cities(kRoot, *knowledge);
    auto names = NameMatcher::build(knowledge, context, extra);
    auto lexicon = load_entity_lexicon(context);
    benchmark::DoNotOptimize(names->size());
    state.counters["names"] = static_cast<double>(names->size());
  }
}
BENCHMARK(BM_EntityLoadWith100kNames)->Unit(benchmark::kMillisecond);

void match(benchmark::State& state, size_t extra_names) {
  LanguageContext context{kRoot, "fr", &rules("fr")};
  auto knowledge = common_knowledge(kRoot);
  auto annotator = make_entity_annotator(context, synthetic_names(extra_names, static_cast<uint32_t>(
                                                                                  (*knowledge)->index_of("org/cnn"))));
  if (!annotator) {
    state.SkipWithError(annotator.error().to_string().c_str());
    return;
  }
  Document doc;
  doc.text = corpus_text();
  doc.lang = "fr";
  build_text_layer(doc, rules("fr"));
  for (auto _ : state) {
    doc.entities.clear();
    doc.mentions.clear();
    (*annotator)->annotate(doc);
    benchmark::DoNotOptimize(doc.mentions.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
  state.counters["mentions"] = static_cast<double>(doc.mentions.size());
}

void BM_EntityMatch(benchmark::State& state) { match(state, 0); }
BENCHMARK(BM_EntityMatch)->Unit(benchmark::kMillisecond);

void BM_EntityMatchWith100kNames(benchmark::State& state) { match(state, 100000); }
BENCHMARK(BM_EntityMatchWith100kNames)->Unit(benchmark::kMillisecond);

// For scale: the text layer alone over the same text.
void BM_TextLayer(benchmark::State& state) {
  std::string text = corpus_text();
  for (auto _ : state) {
    Document doc;
    doc.text = text;
    build_text_layer(doc, rules("fr"));
    benchmark::DoNotOptimize(doc.tokens.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_TextLayer)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimtrace
