#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "output/ledger_output.h"

namespace claimtrace::cli {

Command add_timeline(CLI::App& app) {
  struct Options {
    std::string db = "claimtrace.db";
    ClaimFilter filter;
    std::string format = "table";
    bool all = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("timeline", "How the figures claimed about an actor move, oldest first");
  add_db_option(sub, o->db);
  sub->add_option("--actor", o->filter.actor, "The actor's entity id (country/RU)")->required();
  sub->add_option("--event", o->filter.event, "Event type (casualties, troop_deployment, ...)");
  sub->add_option("--status", o->filter.status, "Quantity status (killed, deployed, planned, ...)");
  sub->add_flag("--all", o->all, "Also claims without a figure");
  sub->add_option("--format", o->format, "json, table or csv")->check(CLI::IsMember({"json", "table", "csv"}));
  return [o] {
    auto claims = stored_claims_or_report(o->db, o->filter);
    if (!claims) return kSomeFailed;
    std::vector<StoredClaim> points;
    for (auto& c : *claims) {
      if (o->all || c.value || c.min || c.max) points.push_back(std::move(c));
    }
    if (o->format == "json") {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& c : points) all.push_back(timeline_point_json(c));
      std::cout << all.dump(2) << "\n";
    } else if (o->format == "csv") {
      timeline_table(points).write_csv(std::cout);
    } else {
      timeline_table(points).write(std::cout);
    }
    return kOk;
  };
}

}  // namespace claimtrace::cli
