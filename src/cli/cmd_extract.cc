#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "output/json_output.h"
#include "read/reader.h"

namespace claimtrace::cli {

Command add_extract(CLI::App& app) {
  struct Options {
    std::string lang = "auto";
    std::string published;
    std::string format = "json";
    bool explain = false;
    std::vector<std::string> inputs;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("extract", "Extract entities, quantities, times and claims from whole documents");
  sub->add_option("--lang", options->lang, "Language of the inputs (a JSONL article's own lang wins)")
      ->check(CLI::IsMember({"auto", "fr", "en"}));
  sub->add_option("--published", options->published, "Publication date, the reference for relative times (YYYY-MM-DD)");
  sub->add_option("--format", options->format, "json: one indented object per document; jsonl: one line each")
      ->check(CLI::IsMember({"json", "jsonl"}));
  sub->add_flag("--explain", options->explain, "Add, per claim field, the rules and resource lines that produced it");
  sub->add_option("inputs", options->inputs, "Plain text, HTML or JSONL files; '-' for standard input")->required();
  return [options] {
    if (!valid_date_option(options->published)) {
      std::cerr << "claimtrace: error: --published: expected YYYY-MM-DD, got '" << options->published << "'\n";
      return kUsage;
    }
    auto pipeline = load_pipeline_or_report();
    if (!pipeline) return kSomeFailed;
    ReadOptions read;
    read.lang = options->lang;
    read.published = options->published;
    JsonOptions json_options{.explain = options->explain};
    bool failed = false;
    auto on_error = [&](Error&& error) {
      failed = true;
      report_error(error);
      if (options->format == "jsonl") {
        std::cout << nlohmann::ordered_json{{"input", error.input}, {"error", error.message}}.dump() << "\n";
      }
    };
    auto on_document = [&](Document&& doc) {
      pipeline->analyze(doc);
      for (const auto& w : doc.warnings) report_warning(w);
      nlohmann::ordered_json j = document_json(doc, json_options);
      std::cout << (options->format == "json" ? j.dump(2) : j.dump()) << "\n";
    };
    for (const auto& input : options->inputs) read_input(input, read, on_document, on_error);
    std::cout.flush();
    return failed ? kSomeFailed : kOk;
  };
}

}  // namespace claimtrace::cli
