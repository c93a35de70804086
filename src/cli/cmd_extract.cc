#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "output/json_output.h"
#include "pipeline/ordered_queue.h"
#include "read/reader.h"

namespace claimtrace::cli {

Command add_extract(CLI::App& app) {
  struct Options {
    std::string lang = "auto";
    std::string published;
    std::string format = "json";
    bool explain = false;
    unsigned threads = 0;
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
  sub->add_option("--threads", options->threads, "Analysis threads (0: one per core); the output order is the input's")
      ->capture_default_str();
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
    // A document read, or a reading error, in input order; workers fill `json`.
    struct Item {
      Document doc;
      std::optional<Error> error;
      std::string json;
    };
    const unsigned threads = options->threads ? options->threads : std::max(1u, std::thread::hardware_concurrency());
    OrderedQueue<Item> queue(threads * 16);
    std::thread reader([&] {
      for (const auto& input : options->inputs) {
        read_input(input, read, [&](Document&& doc) { queue.push(Item{std::move(doc), std::nullopt, {}}); },
                   [&](Error&& error) { queue.push(Item{Document{}, std::move(error), {}}); });
      }
      queue.close();
    });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i) {
      workers.emplace_back([&] {
        while (auto item = queue.take()) {
          Item& it = item->second;
          if (!it.error) {
            pipeline->analyze(it.doc);
            nlohmann::ordered_json j = document_json(it.doc, json_options);
            it.json = options->format == "json" ? j.dump(2) : j.dump();
            Document warnings_only;  // the rest waits for its turn to print: only its warnings are read
            warnings_only.warnings = std::move(it.doc.warnings);
            it.doc = std::move(warnings_only);
          }
          queue.finish(item->first, std::move(it));
        }
      });
    }
    bool failed = false;
    Item it;
    for (auto next = queue.next(&it, std::chrono::milliseconds(200)); next != OrderedQueue<Item>::Next::kEnd;
         next = queue.next(&it, std::chrono::milliseconds(200))) {
      if (next != OrderedQueue<Item>::Next::kItem) continue;
      if (it.error) {
        failed = true;
        report_error(*it.error);
        if (options->format == "jsonl") {
          std::cout << nlohmann::ordered_json{{"input", it.error->input}, {"error", it.error->message}}.dump() << "\n";
        }
        continue;
      }
      for (const auto& w : it.doc.warnings) report_warning(w);
      std::cout << it.json << "\n";
    }
    reader.join();
    for (auto& w : workers) w.join();
    std::cout.flush();
    return failed ? kSomeFailed : kOk;
  };
}

}  // namespace claimtrace::cli
