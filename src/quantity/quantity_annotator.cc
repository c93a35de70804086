#include "quantity/quantity_annotator.h"

namespace claimtrace {
namespace {

class QuantityAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "quantity"; }
  void annotate(Document&) const override {}
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_quantity_annotator(const LanguageContext&) {
  return std::make_unique<QuantityAnnotator>();
}

}  // namespace claimtrace
