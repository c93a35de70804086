// The whole analysis of one Document: text layer, then every annotator of
// the document's language in order (numbers, quantities, times, entities,
// cues, claims). Load once; analyze from any number of threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "pipeline/annotator.h"
#include "text/text_rules.h"

namespace claimtrace {

struct PipelineOptions {
  std::filesystem::path resources;   // empty: default_resource_dir()
  std::vector<std::string> languages = {"fr", "en"};
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> load(const PipelineOptions& options = {});

  // Sets doc.lang when it is empty or "auto", builds the text layer and runs
  // the annotators. A language without resources gets the text layer only
  // and a warning.
  void analyze(Document& doc) const;
  // The same, adding each stage's thread CPU seconds to `seconds` by stage
  // name ("text", then the annotators' names): where the time goes.
  void analyze(Document& doc, std::map<std::string, double>& seconds) const;

  bool supports(const std::string& lang) const { return kits_.contains(lang); }

  // The document's language: CLD2 when it is sure; otherwise the language
  // whose function words the text holds most of; else CLD2's guess.
  std::string detect_language(const Document& doc) const;
  const std::filesystem::path& resources() const { return resources_; }

 private:
  template <class Lap>
  void run(Document& doc, Lap&& lap) const;
  struct LanguageKit {
    TextRules text_rules;
    std::vector<std::unique_ptr<Annotator>> annotators;
  };
  std::filesystem::path resources_;
  std::map<std::string, std::unique_ptr<LanguageKit>> kits_;
  TextRules fallback_rules_;
};

}  // namespace claimtrace
