#include <iostream>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "cli/store_options.h"
#include "output/ledger_output.h"

namespace claimtrace::cli {

Command add_query(CLI::App& app) {
  struct Options {
    std::string db = "claimtrace.db";
    ClaimFilter filter;
    std::string format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("query", "Stored claims, filtered");
  add_db_option(sub, o->db);
  sub->add_option("--entity", o->filter.entity, "An entity id as actor, recipient, place or source (country/RU)");
  sub->add_option("--event", o->filter.event, "Event type (casualties, troop_deployment, ...)");
  sub->add_option("--source", o->filter.source, "A source entity id, or words of the source's name");
  sub->add_option("--certainty", o->filter.certainty, "asserted, probable, possible, rumoured, denied, unknown");
  sub->add_option("--status", o->filter.status, "Quantity status (killed, deployed, planned, ...)");
  sub->add_option("--since", o->filter.since, "Published on or after (YYYY-MM-DD)");
  sub->add_option("--until", o->filter.until, "Published on or before (YYYY-MM-DD)");
  sub->add_option("--limit", o->filter.limit, "At most this many claims");
  sub->add_option("--format", o->format, "json, jsonl, table or csv")->check(CLI::IsMember({"json", "jsonl", "table", "csv"}));
  return [o] {
    if (!valid_date_option(o->filter.since) || !valid_date_option(o->filter.until)) {
      std::cerr << "claimtrace: error: --since/--until: expected YYYY-MM-DD\n";
      return kUsage;
    }
    auto claims = stored_claims_or_report(o->db, o->filter);
    if (!claims) return kSomeFailed;
    if (o->format == "json" || o->format == "jsonl") {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& c : *claims) {
        if (o->format == "jsonl") std::cout << stored_claim_json(c).dump() << "\n";
        else all.push_back(stored_claim_json(c));
      }
      if (o->format == "json") std::cout << all.dump(2) << "\n";
    } else if (o->format == "csv") {
      claims_table(*claims).write_csv(std::cout);
    } else {
      claims_table(*claims).write(std::cout);
    }
    return kOk;
  };
}

}  // namespace claimtrace::cli
