// Ingest: read inputs, analyse documents on every core, store them in order
// in batched transactions. Documents already stored (same content hash) are
// skipped before analysis, so a re-run after an interruption only does what
// is left, and gives the same database as an uninterrupted run: documents
// are written in input order whatever the number of threads.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "pipeline/pipeline.h"
#include "read/reader.h"

namespace claimtrace {

struct IngestOptions {
  ReadOptions read;
  unsigned threads = 0;      // 0: one per core
  size_t batch_size = 256;   // documents per transaction (the first ones smaller, growing to this)
  // Called now and then from the writing thread with the running report.
  std::function<void(const struct IngestReport&)> on_progress;
  // Problems that did not stop a document (repaired UTF-8, unknown language).
  std::function<void(const std::string&)> on_warning;
};

struct IngestReport {
  size_t added = 0;
  size_t present = 0;
  size_t failed = 0;
  uint64_t bytes = 0;        // text bytes of the documents read
  uint64_t input_bytes = 0;  // size of the input files, for an ETA; 0 when unknown
  double seconds = 0;
  // Where the time went, for tuning: CPU seconds spent analysing (all
  // threads together), wall seconds the single writer spent storing, and
  // the part of those spent fusing claims into clusters.
  double analyse_cpu_seconds = 0;
  double store_seconds = 0;
  double fuse_seconds = 0;
  unsigned threads = 0;
};

Result<IngestReport> ingest(const std::string& db, const Pipeline& pipeline, const std::vector<std::string>& inputs,
                            const IngestOptions& options, const ErrorSink& on_error);

}  // namespace claimtrace
