#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "output/ledger_output.h"

namespace claimtrace::cli {

Command add_stats(CLI::App& app) {
  auto db = std::make_shared<std::string>("claimtrace.db");
  auto format = std::make_shared<std::string>("table");
  CLI::App* sub = app.add_subcommand("stats", "Counts of what the store holds");
  add_db_option(sub, *db);
  sub->add_option("--format", *format, "json or table")->check(CLI::IsMember({"json", "table"}));
  return [db, format] {
    auto store = open_store_or_report(*db);
    if (!store) return kSomeFailed;
    auto stats = store->stats();
    if (!stats) {
      std::cerr << "claimtrace: error: " << stats.error().to_string() << "\n";
      return kSomeFailed;
    }
    if (*format == "json") {
      std::cout << stats_json(*stats).dump(2) << "\n";
      return kOk;
    }
    TextTable t({"what", "count"});
    for (auto [name, n] : {std::pair{"documents", stats->documents}, {"claims", stats->claims},
                           {"clusters", stats->clusters}, {"contradictions", stats->contradictions},
                           {"entities", stats->entities}, {"mentions", stats->mentions}, {"sources", stats->sources}})
      t.add({name, std::to_string(n)});
    for (const auto& [lang, n] : stats->languages) t.add({fmt::format("documents in {}", lang.empty() ? "?" : lang), std::to_string(n)});
    for (const auto& [e, n] : stats->event_types) t.add({fmt::format("claims: {}", e), std::to_string(n)});
    t.write(std::cout);
    return kOk;
  };
}

}  // namespace claimtrace::cli
