#include "claim/cue_annotator.h"

namespace claimtrace {
namespace {

class CueAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "cue"; }
  void annotate(Document&) const override {}
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_cue_annotator(const LanguageContext&) {
  return std::make_unique<CueAnnotator>();
}

}  // namespace claimtrace
