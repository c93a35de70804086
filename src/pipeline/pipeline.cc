#include "pipeline/pipeline.h"

#include <ctime>

#include <fmt/format.h>

#include "pipeline/registry.h"
#include "resources/table.h"
#include "text/langid.h"
#include "text/normalize.h"
#include "text/text_layer.h"
#include "text/tokenizer.h"

namespace claimtrace {

Result<std::unique_ptr<Pipeline>> Pipeline::load(const PipelineOptions& options) {
  auto pipeline = std::unique_ptr<Pipeline>(new Pipeline());
  pipeline->resources_ = options.resources.empty() ? default_resource_dir() : options.resources;
  std::error_code ec;
  if (!std::filesystem::is_directory(pipeline->resources_, ec)) {
    return fail(pipeline->resources_.string(), "resource folder not found (set CLAIMTRACE_RESOURCES)");
  }
  for (const std::string& lang : options.languages) {
    auto kit = std::make_unique<LanguageKit>();
    auto rules = load_text_rules(pipeline->resources_, lang);
    if (!rules) return std::unexpected(rules.error());
    kit->text_rules = std::move(*rules);
    LanguageContext context{pipeline->resources_, lang, &kit->text_rules};
    for (const auto& registered : registered_annotators()) {
      auto annotator = registered.make(context);
      if (!annotator) return std::unexpected(annotator.error());
      kit->annotators.push_back(std::move(*annotator));
    }
    pipeline->kits_[lang] = std::move(kit);
  }
  return pipeline;
}

std::string Pipeline::detect_language(const Document& doc) const {
  LanguageGuess guess = claimtrace::detect_language(doc.text);
  if (guess.reliable && !guess.lang.empty()) return guess.lang;
  Document probe;
  probe.text = doc.text.substr(0, 4096);
  probe.normalized = normalize_text(probe.text);
  tokenize(probe, fallback_rules_);
  std::string best;
  size_t best_count = 0;
  bool tied = false;
  for (const auto& [lang, kit] : kits_) {
    size_t count = 0;
    for (const auto& t : probe.tokens) count += kit->text_rules.stopwords.contains(probe.folded_key(t));
    if (count > best_count) {
      best = lang;
      best_count = count;
      tied = false;
    } else if (count == best_count && count > 0) {
      tied = true;
    }
  }
  // A tie of function words says nothing: CLD2's unsure guess is still a guess.
  return best.empty() || (tied && kits_.contains(guess.lang)) ? guess.lang : best;
}

// `lap(stage)` is called after each stage; the timed analyze reads the clock there.
template <class Lap>
void Pipeline::run(Document& doc, Lap&& lap) const {
  if (doc.lang.empty() || doc.lang == "auto") doc.lang = detect_language(doc);
  lap("language");
  auto it = kits_.find(doc.lang);
  if (it == kits_.end()) {
    doc.warnings.push_back(fmt::format("language '{}' has no resources; only the text layer was built",
                                       doc.lang.empty() ? "unknown" : doc.lang));
    build_text_layer(doc, fallback_rules_);
    lap("text");
    return;
  }
  build_text_layer(doc, it->second->text_rules);
  lap("text");
  for (const auto& annotator : it->second->annotators) {
    annotator->annotate(doc);
    lap(annotator->name());
  }
}

void Pipeline::analyze(Document& doc) const {
  run(doc, [](std::string_view) {});
}

namespace {
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}
}  // namespace

void Pipeline::analyze(Document& doc, std::map<std::string, double>& seconds) const {
  double t0 = thread_cpu_seconds();
  run(doc, [&](std::string_view stage) {
    const double t = thread_cpu_seconds();
    seconds[std::string(stage)] += t - t0;
    t0 = t;
  });
}

}  // namespace claimtrace
