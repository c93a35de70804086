// The --db and --format options the store commands share.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "store/store.h"

namespace claimtrace::cli {

void add_db_option(CLI::App* sub, std::string& db);

// Opens the store, or reports why not and returns null.
std::unique_ptr<Store> open_store_or_report(const std::string& db);

}  // namespace claimtrace::cli
