#include "claim/cue_annotator.h"

#include "claim/cue_lexicon.h"

namespace claimtrace {
namespace {

class CueAnnotator final : public Annotator {
 public:
  explicit CueAnnotator(CueLexicon lexicon) : lexicon_(std::move(lexicon)) {}
  std::string_view name() const override { return "cue"; }
  void annotate(Document& doc) const override {
    // Room for about one cue in sixteen tokens: regrowing the list moved
    // every cue again.
    doc.cues.reserve(doc.cues.size() + doc.tokens.size() / 16);
    lexicon_.scan(doc, doc.cues);
  }

 private:
  CueLexicon lexicon_;
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_cue_annotator(const LanguageContext& context) {
  auto lexicon = CueLexicon::load(context);
  if (!lexicon) return std::unexpected(lexicon.error());
  return std::make_unique<CueAnnotator>(std::move(*lexicon));
}

}  // namespace claimtrace
