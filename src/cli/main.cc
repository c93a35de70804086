// claimtrace: claims, sources and certainty from conflict news.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "core/allocator.h"

int main(int argc, char** argv) {
  using namespace claimtrace::cli;
  std::ios::sync_with_stdio(false);
  claimtrace::keep_freed_memory();
  CLI::App app{"claimtrace: a ledger of claims from conflict news (what is claimed, who says it, how sure)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("claimtrace ") + CLAIMTRACE_VERSION);
  std::map<CLI::App*, Command> commands;
  auto add = [&](Command (*make)(CLI::App&)) {
    Command command = make(app);
    commands[app.get_subcommands({}).back()] = std::move(command);
  };
  add(add_extract);
  add(add_parse);
  add(add_ingest);
  add(add_stats);
  add(add_query);
  add(add_timeline);
  add(add_clusters);
  add(add_demo);
  CLI::App* version = app.add_subcommand("version", "Print the version");
  commands[version] = [] {
    std::cout << "claimtrace " << CLAIMTRACE_VERSION << "\n";
    return kOk;
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    if (auto it = commands.find(sub); it != commands.end()) return it->second();
  }
  return kUsage;
}
