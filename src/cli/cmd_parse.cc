#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "output/json_output.h"
#include "read/reader.h"
#include "text/utf8.h"

namespace claimtrace::cli {

Command add_parse(CLI::App& app) {
  struct Options {
    std::string dim;
    std::string lang = "auto";
    std::string ref_time;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "parse", "One dimension at a time: reads cases from standard input, one per line (text or JSON)");
  sub->add_option("--dim", options->dim, "The dimension to answer (sentence and token show the text layer)")
      ->required()
      ->check(CLI::IsMember({"number", "quantity", "time", "entity", "sentence", "token"}));
  sub->add_option("--lang", options->lang, "Language of the cases (a case's own lang wins)")
      ->check(CLI::IsMember({"auto", "fr", "en"}));
  sub->add_option("--ref-time", options->ref_time, "Reference time for relative expressions (YYYY-MM-DDTHH:MM:SS)");
  return [options] {
    if (!valid_date_option(options->ref_time)) {
      std::cerr << "claimtrace: error: --ref-time: expected YYYY-MM-DD[THH:MM:SS], got '" << options->ref_time << "'\n";
      return kUsage;
    }
    auto pipeline = load_pipeline_or_report();
    if (!pipeline) return kSomeFailed;
    ReadOptions read;
    read.lang = options->lang;
    read.published = options->ref_time;
    bool failed = false;
    std::string line;
    size_t line_no = 0;
    while (std::getline(std::cin, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string name = fmt::format("<stdin>:{}", line_no);
      nlohmann::ordered_json id = std::to_string(line_no);
      auto on_error = [&](Error&& error) {
        failed = true;
        report_error(error);
        std::cout << nlohmann::ordered_json{{"id", id}, {"error", error.message}}.dump() << "\n";
      };
      auto on_document = [&](Document&& doc) {
        pipeline->analyze(doc);
        std::cout << nlohmann::ordered_json{{"id", id}, {"spans", parse_spans_json(doc, options->dim)}}.dump() << "\n";
      };
      std::string_view trimmed = line;
      while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
      if (trimmed.starts_with("{")) {
        nlohmann::ordered_json object = nlohmann::ordered_json::parse(trimmed, nullptr, false);
        if (object.is_object()) {
          if (auto it = object.find("id"); it != object.end() && !it->is_null()) id = *it;
          if (auto it = object.find("text"); it == object.end() || !it->is_string()) {
            on_error(Error{name, "no \"text\" string"});
            continue;
          }
          std::string text = object["text"].get<std::string>();
          if (text.empty()) {  // an empty case has no spans; that is an answer, not an error
            std::cout << nlohmann::ordered_json{{"id", id}, {"spans", nlohmann::ordered_json::array()}}.dump() << "\n";
            continue;
          }
          read_jsonl_line(name, trimmed, read, on_document, on_error);
          continue;
        }
      }
      if (trimmed.empty()) {
        std::cout << nlohmann::ordered_json{{"id", id}, {"spans", nlohmann::ordered_json::array()}}.dump() << "\n";
        continue;
      }
      Document doc;
      doc.source = name;
      std::string text = line;
      if (!admit_text(name, text, read, &doc, on_error)) continue;
      doc.text = std::move(text);
      doc.id = id.get<std::string>();
      doc.lang = options->lang;
      doc.published = options->ref_time;
      on_document(std::move(doc));
    }
    std::cout.flush();
    return failed ? kSomeFailed : kOk;
  };
}

}  // namespace claimtrace::cli
