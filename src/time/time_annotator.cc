#include "time/time_annotator.h"

namespace claimtrace {
namespace {

class TimeAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "time"; }
  void annotate(Document&) const override {}
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_time_annotator(const LanguageContext&) {
  return std::make_unique<TimeAnnotator>();
}

}  // namespace claimtrace
