#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "ingest/ingest.h"

namespace claimtrace::cli {

Command add_ingest(CLI::App& app) {
  struct Options {
    std::string db = "claimtrace.db";
    unsigned threads = 0;
    size_t batch = 256;
    std::string lang = "auto";
    std::string published;
    bool quiet = false;
    std::vector<std::string> inputs;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("ingest", "Extract and store documents; idempotent by content hash");
  sub->add_option("--db", o->db, "SQLite file or postgresql:// URL")->capture_default_str();
  sub->add_option("--threads", o->threads, "Analysis threads (0: one per core)")->capture_default_str();
  sub->add_option("--batch", o->batch, "Documents per transaction")->check(CLI::Range(1, 100000))->capture_default_str();
  sub->add_option("--lang", o->lang, "Language of the inputs (a JSONL article's own lang wins)")
      ->check(CLI::IsMember({"auto", "fr", "en"}));
  sub->add_option("--published", o->published, "Default publication date (YYYY-MM-DD)");
  sub->add_flag("--quiet", o->quiet, "No progress bar");
  sub->add_option("inputs", o->inputs, "Files, folders (recursively), JSONL; '-' for standard input")->required();
  return [o] {
    if (!valid_date_option(o->published)) {
      std::cerr << "claimtrace: error: --published: expected YYYY-MM-DD\n";
      return kUsage;
    }
    auto pipeline = load_pipeline_or_report();
    if (!pipeline) return kSomeFailed;
    IngestOptions options;
    options.read.lang = o->lang;
    options.read.published = o->published;
    options.threads = o->threads;
    options.batch_size = o->batch;
    const bool tty = isatty(STDERR_FILENO) && !o->quiet;
    if (tty) {
      options.on_progress = [](const IngestReport& r) {
        double mbs = r.seconds > 0 ? r.bytes / 1e6 / r.seconds : 0;
        std::string eta;
        if (r.input_bytes && r.bytes && r.bytes < r.input_bytes) {
          double left = (r.input_bytes - r.bytes) / (r.bytes / r.seconds);
          eta = fmt::format("  ETA {}:{:02}", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
        }
        std::cerr << fmt::format("\r\x1b[Kingest: {} documents ({} added, {} present, {} failed)  {:.1f} MB/s{}",
                                 r.added + r.present + r.failed, r.added, r.present, r.failed, mbs, eta)
                  << std::flush;
      };
    }
    options.on_warning = [tty](const std::string& w) {
      if (tty) std::cerr << "\r\x1b[K";
      report_warning(w);
    };
    auto report = ingest(o->db, *pipeline, o->inputs, options, [tty](Error&& e) {
      if (tty) std::cerr << "\r\x1b[K";
      report_error(e);
    });
    if (tty) std::cerr << "\r\x1b[K";
    if (!report) {
      report_error(report.error());
      return kSomeFailed;
    }
    double seconds = std::max(report->seconds, 1e-9);
    size_t total = report->added + report->present + report->failed;
    std::cout << fmt::format(
        "ingest: {} documents: {} added, {} already present, {} failed ({:.1f} MB in {:.2f} s: {:.1f} MB/s, {:.0f} "
        "documents/s)\n",
        total, report->added, report->present, report->failed, report->bytes / 1e6, seconds,
        report->bytes / 1e6 / seconds, total / seconds);
    if (report->added) {
      std::cout << fmt::format(
          "ingest: time: analysis {:.2f} s of CPU on {} threads, storing {:.2f} s (of which fusion {:.2f} s)\n",
          report->analyse_cpu_seconds, report->threads, report->store_seconds, report->fuse_seconds);
    }
    return report->failed ? kSomeFailed : kOk;
  };
}

}  // namespace claimtrace::cli
