#include "number/number_annotator.h"

namespace claimtrace {
namespace {

class NumberAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "number"; }
  void annotate(Document&) const override {}
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_number_annotator(const LanguageContext&) {
  return std::make_unique<NumberAnnotator>();
}

}  // namespace claimtrace
