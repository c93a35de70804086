// An annotator reads a Document and appends to its own layer. It never calls
// another annotator: it reads the layers of those that ran before it.
// Annotators are built once per language from resources/<lang>/ and are then
// immutable, so one instance serves every thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/error.h"
#include "text/text_rules.h"

namespace claimtrace {

class Annotator {
 public:
  virtual ~Annotator() = default;
  virtual std::string_view name() const = 0;
  virtual void annotate(Document& doc) const = 0;
};

// What an annotator factory gets: where the resources are, the language, and
// the language's text rules (to tokenize lexicon phrases as documents are).
struct LanguageContext {
  std::filesystem::path root;  // the resources/ folder
  std::string lang;            // fr, en
  const TextRules* text_rules = nullptr;

  // "fr/number/words.tsv" for ("number", "words.tsv").
  std::string path(std::string_view dim, std::string_view file) const {
    return lang + "/" + std::string(dim) + "/" + std::string(file);
  }
};

using AnnotatorFactory = Result<std::unique_ptr<Annotator>> (*)(const LanguageContext&);

}  // namespace claimtrace
