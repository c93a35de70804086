// Fusion across documents, incremental: each newly stored claim joins the
// first cluster of its slot (event, actor, recipient, status, polarity) whose
// period overlaps and whose figures are compatible, or founds a new one; the
// aggregates of the clusters touched (reports, independent origins, dates,
// certainty and figure ranges) are updated from running totals, and they are
// checked for contradictions against the other clusters of their slot. Runs inside the store's write transaction, so
// a batch's claims and its clusters commit together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "fusion/claim_slot.h"
#include "store/sql.h"

namespace claimtrace {

// A claim just stored, with what fusion compares it by (as written in its row).
struct NewClaim {
  std::string key;
  std::string event_type, actor, recipient, status, polarity;
  Period period;
  std::optional<Figure> figure;
  std::string doc_hash, origin, published, certainty;
  std::string unit;  // figure_unit of the figure's quantity; empty without a figure
};

Result<void> fuse_new_claims(SqlConnection& sql, const std::vector<NewClaim>& claims);

}  // namespace claimtrace
