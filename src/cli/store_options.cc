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

}  // namespace claimtrace::cli
