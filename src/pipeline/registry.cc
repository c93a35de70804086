#include "pipeline/registry.h"

#include "claim/claim_builder.h"
#include "claim/cue_annotator.h"
#include "entity/entity_annotator.h"
#include "number/number_annotator.h"
#include "quantity/quantity_annotator.h"
#include "time/time_annotator.h"

namespace claimtrace {

std::span<const RegisteredAnnotator> registered_annotators() {
  static const RegisteredAnnotator kAnnotators[] = {
      {"number", make_number_annotator},
      {"quantity", make_quantity_annotator},
      {"time", make_time_annotator},
      {"entity", make_entity_annotator},
      {"cue", make_cue_annotator},
      {"claim", make_claim_builder},
  };
  return kAnnotators;
}

}  // namespace claimtrace
