#include "cli/store_options.h"

#include "cli/shared_options.h"

namespace claimtrace::cli {

void add_db_option(CLI::App* sub, std::string& db) {
  sub->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
}

std::unique_ptr<Store> open_store_or_report(const std::string& db) {
  auto store = Store::open(db);
  if (!store) {
    report_error(store.error());
    return nullptr;
  }
  return std::move(*store);
}

std::optional<std::vector<StoredClaim>> stored_claims_or_report(const std::string& db, const ClaimFilter& filter) {
  auto store = open_store_or_report(db);
  if (!store) return std::nullopt;
  auto claims = store->claims(filter);
  if (!claims) {
    report_error(claims.error());
    return std::nullopt;
  }
  return std::move(*claims);
}

}  // namespace claimtrace::cli
