// Fusion across documents, incremental: each newly stored claim joins the
// first cluster of its slot (event, actor, recipient, status, polarity) whose
// period overlaps and whose figures are compatible, or founds a new one; only
// the clusters touched are recomputed (reports, independent origins, dates,
// certainty and figure ranges) and checked for contradictions against the
// other clusters of their slot. Runs inside the store's write transaction, so
// a batch's claims and its clusters commit together.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql.h"

namespace claimtrace {

Result<void> fuse_new_claims(SqlConnection& sql, const std::vector<std::string>& claim_keys);

}  // namespace claimtrace
