// Whole-pipeline benchmark: every annotator over a corpus held in memory.
//
//   pipeline_bench [--runs N] [--threads N] [INPUT...]
//
// INPUTs are files or folders (text, HTML, JSONL); the default is the
// bundled demo corpus. Prints, as the median of N runs, MB/s and documents/s
// single-threaded (overall and per language) and with N threads, start-up
// time, peak RSS, each stage's share of CPU time, the in-run ratios to the
// text layer alone and to memchr, and the speed scaled by the performance
// notes' yardsticks (anchor_tokenizer.h), so that figures compare across
// runs and machines.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>
#include <map>
#include <thread>

#include "anchor_tokenizer.h"
#include "core/allocator.h"
#include "pipeline/pipeline.h"
#include "read/reader.h"
#include "resources/table.h"
#include "text/text_layer.h"

using namespace claimtrace;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// CPU time of the single-threaded sections, keyed by what was timed: on a
// machine shared with other jobs it is far steadier than wall time.
std::map<std::string, std::vector<double>> g_cpu;

template <class F>
double seconds_of(F&& f, const char* cpu_key = nullptr) {
  auto t0 = Clock::now();
  double c0 = thread_cpu_seconds();
  f();
  if (cpu_key) g_cpu[cpu_key].push_back(thread_cpu_seconds() - c0);
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_memory();  // as the claimtrace command does
  int runs = 5;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
    else inputs.push_back(a);
  }
  if (inputs.empty()) inputs.push_back((default_resource_dir().parent_path() / "data" / "demo").string());

  double load_s = 0;
  std::unique_ptr<Pipeline> pipeline;
  load_s = seconds_of([&] {
    auto p = Pipeline::load();
    if (!p) {
      std::cerr << p.error().to_string() << "\n";
      std::exit(1);
    }
    pipeline = std::move(*p);
  });

  std::vector<Document> docs;
  ReadOptions read;
  read.recurse = true;
  for (const auto& in : inputs)
    read_input(in, read, [&](Document&& d) { docs.push_back(std::move(d)); }, [](Error&& e) {
      std::cerr << "skipped: " << e.to_string() << "\n";
    });
  // Language first, so that per-language figures are known and detection is timed apart.
  for (auto& d : docs) {
    if (d.lang.empty() || d.lang == "auto") {
      Document probe = d;
      pipeline->analyze(probe);
      d.lang = probe.lang;
    }
  }
  std::map<std::string, std::vector<const Document*>> by_lang;
  size_t bytes = 0;
  for (const auto& d : docs) {
    by_lang[d.lang].push_back(&d);
    bytes += d.text.size();
  }
  if (docs.empty()) {
    std::cerr << "no documents\n";
    return 1;
  }

  auto analyse_all = [&](const std::vector<const Document*>& set) {
    for (const Document* d : set) {
      Document work = *d;
      pipeline->analyze(work);
    }
  };
  std::vector<const Document*> all;
  for (const auto& d : docs) all.push_back(&d);

  std::vector<double> t_pipeline, t_text, t_memchr;
  std::vector<bench::AnchorToken> anchor_tokens;
  std::map<std::string, std::vector<double>> t_lang;
  size_t claims = 0, quantities = 0, times = 0, mentions = 0;
  for (int r = 0; r < runs; ++r) {
    t_pipeline.push_back(seconds_of([&] { analyse_all(all); }, "pipeline"));
    t_text.push_back(seconds_of([&] {
      TextRules none;
      for (const Document* d : all) {
        Document work = *d;
        build_text_layer(work, none);
      }
    }, "text"));
    t_memchr.push_back(seconds_of([&] {
      size_t n = 0;
      for (const Document* d : all) {
        const char* p = d->text.data();
        const char* end = p + d->text.size();
        while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p)))) ++n, ++p;
      }
      if (n == SIZE_MAX) std::cout << "";
    }));
    seconds_of([&] {
      size_t n = 0;
      for (const Document* d : all) n += bench::anchor_tokenize(d->text, anchor_tokens);
      if (n == SIZE_MAX) std::cout << "";
    }, "anchor");
    seconds_of([&] {  // ten passes: one takes a few milliseconds
      uint64_t n = 0;
      for (int pass = 0; pass < 10; ++pass)
        for (const Document* d : all) n += bench::class_table_sum(d->text);
      if (n == UINT64_MAX) std::cout << "";
    }, "class loop");
    for (const auto& [lang, set] : by_lang) t_lang[lang].push_back(seconds_of([&] { analyse_all(set); }, lang.c_str()));
  }
  for (const auto& d : docs) {
    Document work = d;
    pipeline->analyze(work);
    claims += work.claims.size();
    quantities += work.quantities.size();
    times += work.times.size();
    mentions += work.mentions.size();
  }
  std::vector<double> t_threads;
  for (int r = 0; r < runs; ++r) {
    std::atomic<size_t> next{0};
    t_threads.push_back(seconds_of([&] {
      std::vector<std::thread> pool;
      for (unsigned k = 0; k < threads; ++k)
        pool.emplace_back([&] {
          for (size_t i; (i = next++) < all.size();) {
            Document work = *all[i];
            pipeline->analyze(work);
          }
        });
      for (auto& t : pool) t.join();
    }));
  }

  double mb = bytes / 1e6;
  double p = median(t_pipeline);
  std::cout << fmt::format("corpus: {} documents, {:.2f} MB ({})\n", docs.size(), mb, fmt::join(inputs, ", "));
  std::cout << fmt::format("found: {} claims, {} quantities, {} times, {} entity mentions\n", claims, quantities, times, mentions);
  std::cout << fmt::format("start-up (load all resources): {:.3f} s\n", load_s);
  std::cout << fmt::format("pipeline, 1 thread:  {:.1f} MB/s, {:.0f} documents/s (median of {})\n", mb / p, docs.size() / p, runs);
  for (const auto& [lang, set] : by_lang) {
    size_t b = 0;
    for (const Document* d : set) b += d->text.size();
    double t = median(t_lang[lang]);
    std::cout << fmt::format("  {}: {} documents, {:.1f} MB/s, {:.0f} documents/s\n", lang.empty() ? "?" : lang,
                             set.size(), b / 1e6 / t, set.size() / t);
  }
  double pt = median(t_threads);
  std::cout << fmt::format("pipeline, {} threads: {:.1f} MB/s, {:.0f} documents/s\n", threads, mb / pt, docs.size() / pt);
  std::cout << fmt::format("text layer alone: {:.1f} MB/s; memchr: {:.0f} MB/s\n", mb / median(t_text), mb / median(t_memchr));
  std::cout << fmt::format("ratios: pipeline/text layer {:.2f}, pipeline/memchr {:.4f}\n", median(t_text) / p, median(t_memchr) / p);
  // The same figures from thread CPU time (median of the runs).
  double pc = median(g_cpu["pipeline"]);
  std::cout << fmt::format("cpu time: pipeline {:.1f} MB/s, {:.0f} documents/s", mb / pc, docs.size() / pc);
  for (const auto& [lang, set] : by_lang) {
    size_t b = 0;
    for (const Document* d : set) b += d->text.size();
    double t = median(g_cpu[lang]);
    std::cout << fmt::format("; {} {:.1f} MB/s", lang.empty() ? "?" : lang, b / 1e6 / t);
  }
  std::cout << fmt::format("; text layer {:.1f} MB/s\n", mb / median(g_cpu["text"]));
  // The notes state the goals as ratios to anchors measured in the same run.
  // The class-table loop is the simplest and steadiest of their anchors: its
  // speed against theirs says how fast this machine runs today.
  const double anchor_mbps = mb / median(g_cpu["anchor"]);
  const double class_mbps = 10 * mb / median(g_cpu["class loop"]);
  const double machine = class_mbps / bench::kClassLoopReferenceMBps;
  std::cout << fmt::format("yardsticks (cpu, built -O2 as in the notes): class-table byte loop {:.0f} MB/s = {:.2f}x the notes' "
                           "{:.0f}; tokenizer {:.0f} MB/s, pipeline/tokenizer {:.4f}\n",
                           class_mbps, machine, bench::kClassLoopReferenceMBps, anchor_mbps, anchor_mbps > 0 ? mb / pc / anchor_mbps : 0);
  std::cout << fmt::format("pipeline scaled to the notes' machine (cpu MB/s / {:.2f}): {:.1f} MB/s\n", machine, mb / pc / machine);
  // Where the time goes: one more pass with each stage's CPU time.
  std::map<std::string, double> stage_seconds;
  for (const Document* d : all) {
    Document work = *d;
    pipeline->analyze(work, stage_seconds);
  }
  double staged = 0;
  for (const auto& [stage, sec] : stage_seconds) staged += sec;
  std::cout << "stages (share of cpu time):";
  for (const auto& [stage, sec] : stage_seconds)
    std::cout << fmt::format(" {} {:.0f}%", stage, 100 * sec / staged);
  std::cout << "\n";
  std::cout << fmt::format("peak RSS: {:.0f} MB\n", peak_rss_mb());
  return 0;
}
