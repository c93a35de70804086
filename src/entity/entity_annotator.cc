#include "entity/entity_annotator.h"

namespace claimtrace {
namespace {

class EntityAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "entity"; }
  void annotate(Document&) const override {}
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_entity_annotator(const LanguageContext&) {
  return std::make_unique<EntityAnnotator>();
}

}  // namespace claimtrace
