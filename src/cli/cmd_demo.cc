#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "output/summary.h"
#include "read/reader.h"
#include "resources/table.h"

namespace claimtrace::cli {

Command add_demo(CLI::App& app) {
  auto published = std::make_shared<std::string>("2025-07-03");
  CLI::App* sub = app.add_subcommand("demo", "Analyse the bundled seed article and print what claimtrace reads in it");
  sub->add_option("--published", *published, "Publication date of the seed article");
  return [published] {
    auto pipeline = load_pipeline_or_report();
    if (!pipeline) return kSomeFailed;
    std::filesystem::path seed = pipeline->resources().parent_path() / "data" / "demo" / "seed-article.txt";
    ReadOptions read;
    read.published = *published;
    bool failed = false;
    read_input(seed.string(), read, [&](Document&& doc) {
      pipeline->analyze(doc);
      write_summary(doc, std::cout);
    }, [&](Error&& e) {
      failed = true;
      report_error(e);
    });
    return failed ? kSomeFailed : kOk;
  };
}

}  // namespace claimtrace::cli
