// The subcommands of the claimtrace program (CONTRACT.md). Each registers its
// options on the CLI11 app and returns the function that runs it, which
// returns the process exit code: 0 success, 1 some inputs failed, 2 usage.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace claimtrace::cli {

using Command = std::function<int()>;

Command add_extract(CLI::App& app);
Command add_parse(CLI::App& app);
Command add_demo(CLI::App& app);
Command add_ingest(CLI::App& app);
Command add_stats(CLI::App& app);
Command add_query(CLI::App& app);
Command add_timeline(CLI::App& app);
Command add_clusters(CLI::App& app);

// Exit codes.
inline constexpr int kOk = 0;
inline constexpr int kSomeFailed = 1;
inline constexpr int kUsage = 2;

}  // namespace claimtrace::cli
