#include "ingest/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "core/content_hash.h"
#include "fusion/simhash.h"
#include "pipeline/ordered_queue.h"
#include "store/store.h"

namespace claimtrace {
namespace {

uint64_t input_size(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& input : inputs) {
    if (input == "-") continue;
    if (std::filesystem::is_directory(input, ec)) {
      for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else {
      auto size = std::filesystem::file_size(input, ec);
      if (!ec) total += size;
    }
  }
  return total;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// A document on its way to the store, with the keys computed off the writer thread.
struct Item {
  Document doc;
  DocumentKeys keys;
};

}  // namespace

Result<IngestReport> ingest(const std::string& db, const Pipeline& pipeline, const std::vector<std::string>& inputs,
                            const IngestOptions& options, const ErrorSink& on_error) {
  auto writer_store = Store::open(db);
  if (!writer_store) return std::unexpected(writer_store.error());
  auto reader_store = Store::open(db);
  if (!reader_store) return std::unexpected(reader_store.error());

  const auto started = std::chrono::steady_clock::now();
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  IngestReport report;
  report.threads = threads;
  report.input_bytes = input_size(inputs);
  std::mutex report_mu;  // report counters and on_error are shared by reader and writer
  auto report_error = [&](Error&& e) {
    std::lock_guard lock(report_mu);
    ++report.failed;
    on_error(std::move(e));
  };

  OrderedQueue<Item> queue(threads * 64 + options.batch_size);
  std::thread reader([&] {
    ReadOptions read = options.read;
    read.recurse = true;
    // Presence is checked in small groups so that a re-run skips stored documents unanalysed.
    std::vector<Document> group;
    auto flush = [&] {
      std::vector<std::string> hashes;
      for (const auto& d : group) hashes.push_back(content_hash(d.text));
      auto present = (*reader_store)->contains(hashes);
      for (size_t i = 0; i < group.size(); ++i) {
        {
          std::lock_guard lock(report_mu);
          report.bytes += group[i].text.size();
        }
        if (present && (*present)[i]) {
          std::lock_guard lock(report_mu);
          ++report.present;
          continue;
        }
        queue.push(Item{std::move(group[i]), DocumentKeys{std::move(hashes[i]), 0}});
      }
      group.clear();
    };
    for (const auto& input : inputs) {
      read_input(input, read, [&](Document&& doc) {
        group.push_back(std::move(doc));
        if (group.size() >= 64) flush();
      }, report_error);
    }
    flush();
    queue.close();
  });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      while (auto item = queue.take()) {
        pipeline.analyze(item->second.doc);
        item->second.keys.simhash = simhash(item->second.doc.text);
        queue.finish(item->first, std::move(item->second));
      }
      std::lock_guard lock(report_mu);
      report.analyse_cpu_seconds += thread_cpu_seconds();
    });
  }

  std::vector<Item> batch;
  auto write_batch = [&] {
    if (batch.empty()) return;
    std::vector<KeyedDocument> docs;
    for (const auto& item : batch) docs.push_back({&item.doc, item.keys});
    const auto store_start = std::chrono::steady_clock::now();
    auto counts = (*writer_store)->add_keyed_batch(docs);
    const double stored_in = std::chrono::duration<double>(std::chrono::steady_clock::now() - store_start).count();
    if (!counts) {
      // Find the document at fault; the others still go in.
      for (const auto& d : docs) {
        auto one = (*writer_store)->add_keyed_batch({d});
        std::lock_guard lock(report_mu);
        if (one) {
          report.added += one->added;
          report.present += one->present;
        } else {
          ++report.failed;
          on_error(Error{d.doc->source, "not stored: " + one.error().message});
        }
      }
    } else {
      std::lock_guard lock(report_mu);
      report.added += counts->added;
      report.present += counts->present;
      report.fuse_seconds += counts->fuse_seconds;
    }
    std::lock_guard lock(report_mu);
    report.store_seconds += stored_in;
    batch.clear();
  };
  // The first transactions are small, so that storing starts while the
  // first documents are still being analysed; then they grow to batch_size.
  size_t batch_limit = std::min<size_t>(options.batch_size, 32);
  auto last_progress = std::chrono::steady_clock::now();
  while (true) {
    Item item;
    auto next = queue.next(&item, std::chrono::milliseconds(200));
    if (next == OrderedQueue<Item>::Next::kEnd) break;
    if (next == OrderedQueue<Item>::Next::kItem) {
      if (options.on_warning) {
        std::lock_guard lock(report_mu);
        for (const auto& w : item.doc.warnings) options.on_warning(w);
      }
      batch.push_back(std::move(item));
      if (batch.size() >= batch_limit) {
        write_batch();
        batch_limit = std::min(options.batch_size, batch_limit * 2);
      }
    }
    auto now = std::chrono::steady_clock::now();
    if (options.on_progress && now - last_progress > std::chrono::milliseconds(250)) {
      last_progress = now;
      std::lock_guard lock(report_mu);
      report.seconds = std::chrono::duration<double>(now - started).count();
      options.on_progress(report);
    }
  }
  write_batch();
  reader.join();
  for (auto& w : workers) w.join();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace claimtrace
