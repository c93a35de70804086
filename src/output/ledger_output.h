// JSON and table shapes of what the store holds (CONTRACT.md, "Store and
// query commands"): stored claims, timeline points, clusters.
#pragma once

#include <nlohmann/json.hpp>

#include "output/table.h"
#include "store/store.h"

namespace claimtrace {

nlohmann::ordered_json stored_claim_json(const StoredClaim& claim);
nlohmann::ordered_json timeline_point_json(const StoredClaim& claim);
nlohmann::ordered_json cluster_json(const StoredCluster& cluster);
nlohmann::ordered_json stats_json(const StoreStats& stats);

// "11,000–12,000", "≥ 600", "~300"; "" without a figure.
std::string figure_text(const StoredClaim& claim);
// "origin → relay", the chain as a person reads it.
std::string source_chain_text(const StoredClaim& claim);

TextTable claims_table(const std::vector<StoredClaim>& claims);
TextTable timeline_table(const std::vector<StoredClaim>& claims);
TextTable clusters_table(const std::vector<StoredCluster>& clusters);

}  // namespace claimtrace
