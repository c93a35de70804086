#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "output/ledger_output.h"

namespace claimtrace::cli {

Command add_clusters(CLI::App& app) {
  auto db = std::make_shared<std::string>("claimtrace.db");
  auto format = std::make_shared<std::string>("table");
  auto min_reports = std::make_shared<int64_t>(1);
  CLI::App* sub = app.add_subcommand("clusters", "Claims that report the same thing, with independent origins and contradictions");
  add_db_option(sub, *db);
  sub->add_option("--min-reports", *min_reports, "Only clusters reported by at least this many documents");
  sub->add_option("--format", *format, "json or table")->check(CLI::IsMember({"json", "table"}));
  return [db, format, min_reports] {
    auto store = open_store_or_report(*db);
    if (!store) return kSomeFailed;
    auto clusters = store->clusters();
    if (!clusters) {
      std::cerr << "claimtrace: error: " << clusters.error().to_string() << "\n";
      return kSomeFailed;
    }
    std::vector<StoredCluster> shown;
    for (auto& k : *clusters) {
      if (k.reports >= *min_reports) shown.push_back(std::move(k));
    }
    if (*format == "json") {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& k : shown) all.push_back(cluster_json(k));
      std::cout << all.dump(2) << "\n";
    } else {
      clusters_table(shown).write(std::cout);
    }
    return kOk;
  };
}

}  // namespace claimtrace::cli
