#include "claim/claim_builder.h"

namespace claimtrace {
namespace {

class ClaimBuilder final : public Annotator {
 public:
  std::string_view name() const override { return "claim"; }
  void annotate(Document&) const override {}
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_claim_builder(const LanguageContext&) {
  return std::make_unique<ClaimBuilder>();
}

}  // namespace claimtrace
