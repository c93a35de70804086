// The main job for a new user: ingest the bundled corpus into SQLite and
// print what claimtrace reads in it: the seed article, the store's counts,
// the timelines that tell the story, and the clusters that disagree.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/shared_options.h"
#include "ingest/ingest.h"
#include "output/ledger_output.h"
#include "output/summary.h"
#include "read/reader.h"
#include "store/store.h"

namespace claimtrace::cli {
namespace {

void heading(const std::string& title) { std::cout << fmt::format("\n━━ {} ━━\n\n", title); }

void print_timeline(Store& store, const std::string& what, const std::string& actor, const std::string& event,
                    const std::string& status = "") {
  ClaimFilter filter;
  filter.actor = actor;
  filter.event = event;
  filter.status = status;
  auto claims = store.claims(filter);
  if (!claims) return report_error(claims.error());
  std::vector<StoredClaim> points;
  for (auto& c : *claims) {
    if (c.value || c.min || c.max) points.push_back(std::move(c));
  }
  heading(fmt::format("{}  (claimtrace timeline --actor {} --event {}{})", what, actor, event,
                      status.empty() ? "" : " --status " + status));
  if (points.empty()) {
    std::cout << "   (no figures found)\n";
    return;
  }
  timeline_table(points).write(std::cout);
}

}  // namespace

Command add_demo(CLI::App& app) {
  struct Options {
    std::string db = "claimtrace-demo.db";
    bool keep = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "demo", "Ingest the bundled corpus into SQLite and show the seed article, timelines and contradictions");
  sub->add_option("--db", o->db, "Where to build the demo database")->capture_default_str();
  sub->add_flag("--keep", o->keep, "Keep an existing demo database instead of starting afresh");
  return [o] {
    auto pipeline = load_pipeline_or_report();
    if (!pipeline) return kSomeFailed;
    std::filesystem::path data = pipeline->resources().parent_path() / "data" / "demo";
    std::error_code ec;
    if (!std::filesystem::is_directory(data, ec)) {
      report_error(Error{data.string(), "demo corpus not found"});
      return kSomeFailed;
    }
    if (!o->keep && !o->db.starts_with("postgres")) {
      for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o->db + suffix, ec);
    }

    // 1. One article, read closely.
    heading("The seed article (data/demo/seed-article.txt), as claimtrace reads it");
    ReadOptions read;
    read.published = "2025-07-03";
    bool failed = false;
    read_input((data / "seed-article.txt").string(), read, [&](Document&& doc) {
      pipeline->analyze(doc);
      write_summary(doc, std::cout);
    }, [&](Error&& e) {
      failed = true;
      report_error(e);
    });

    // 2. The corpus into the store.
    std::vector<std::string> inputs;
    for (const auto& entry : std::filesystem::directory_iterator(data, ec)) {
      if (entry.path().extension() == ".jsonl") inputs.push_back(entry.path().string());
    }
    std::sort(inputs.begin(), inputs.end());
    IngestOptions options;
    auto report = ingest(o->db, *pipeline, inputs, options, [&](Error&& e) {
      failed = true;
      report_error(e);
    });
    if (!report) {
      report_error(report.error());
      return kSomeFailed;
    }
    heading(fmt::format("The bundled corpus, ingested into {}", o->db));
    std::cout << fmt::format("   {} documents added, {} already present, {} failed, in {:.2f} s ({:.0f} documents/s)\n\n",
                             report->added, report->present, report->failed, report->seconds,
                             (report->added + report->present) / std::max(report->seconds, 1e-9));
    auto store = Store::open(o->db);
    if (!store) {
      report_error(store.error());
      return kSomeFailed;
    }
    if (auto stats = (*store)->stats()) {
      std::cout << fmt::format("   {} documents, {} claims in {} clusters, {} contradictions, {} entities\n",
                               stats->documents, stats->claims, stats->clusters, stats->contradictions, stats->entities);
    }

    // 3. The stories the timelines tell.
    print_timeline(**store, "Russian losses, as claimed", "country/RU", "casualties");
    print_timeline(**store, "North Korean troops for Russia", "country/KP", "troop_deployment");

    // 4. Where sources disagree.
    if (auto clusters = (*store)->clusters()) {
      std::vector<StoredCluster> disputed;
      for (auto& k : *clusters) {
        if (!k.contradicts.empty()) disputed.push_back(std::move(k));
      }
      heading(fmt::format("Clusters that contradict another  (claimtrace clusters --db {})", o->db));
      if (disputed.empty()) std::cout << "   (none)\n";
      else clusters_table(disputed).write(std::cout);
    }
    std::cout << fmt::format("\nExplore further: build/claimtrace query --db {} --entity country/UA --format table\n", o->db);
    return failed ? kSomeFailed : kOk;
  };
}

}  // namespace claimtrace::cli
