// The --db and --format options the store commands share.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace claimtrace::cli {

void add_db_option(CLI::App* sub, std::string& db);

// Opens the store, or reports why not and returns null.
std::unique_ptr<Store> open_store_or_report(const std::string& db);

// The stored claims that pass `filter`, or reports why they can't be read
// and returns nothing (query and timeline read them the same way).
std::optional<std::vector<StoredClaim>> stored_claims_or_report(const std::string& db, const ClaimFilter& filter);

}  // namespace claimtrace::cli
