// The claim ledger on disk: documents (identified by the hash of their
// normalized content), entities and mentions, claims with their sources and
// evidence, clusters and contradictions. One interface over SQLite (a file
// path, the default) and PostgreSQL (a postgresql:// URL).
//
// A Store is used by one thread; open one per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "fusion/fusion.h"
#include "store/bulk_insert.h"
#include "store/sql.h"

namespace claimtrace {

// What the store keys a document by: its content hash and its SimHash.
// Computing them is pure, so ingest does it on the analysing threads and
// the single writing thread only writes.
struct DocumentKeys {
  std::string hash;
  uint64_t simhash = 0;
};
DocumentKeys keys_of(const Document& doc);

struct KeyedDocument {
  const Document* doc = nullptr;
  DocumentKeys keys;
};

struct BatchCounts {
  size_t added = 0;
  size_t present = 0;
  double fuse_seconds = 0;  // of the batch's time, fusing its claims into clusters
};

struct StoreStats {
  int64_t documents = 0, claims = 0, clusters = 0, entities = 0, mentions = 0, sources = 0, contradictions = 0;
  std::vector<std::pair<std::string, int64_t>> languages;
  std::vector<std::pair<std::string, int64_t>> event_types;
};

struct ClaimFilter {
  std::string entity;     // actor, recipient, location or source entity
  std::string actor;
  std::string event;
  std::string status;
  std::string source;     // a source entity id, or words of a source's text
  std::string certainty;
  std::string since;      // publication date bounds, inclusive
  std::string until;
  size_t limit = 0;       // 0: no limit
};

struct StoredSource {
  std::string entity, text, role;
  int64_t start = 0, end = 0;
};

struct StoredClaim {
  std::string key, claim_id, doc_hash, doc_id, outlet, url, title, published, lang;
  std::string event_type, cameo, actor, recipient, locations_json;
  std::optional<double> value, min, max;
  bool min_inclusive = true, max_inclusive = true, approx = false;
  std::string unit, status, quantity_text;
  std::string time_type, time_value, time_mod, time_begin, time_end, time_text;
  std::string certainty, cues_json, evidence_text, cluster;
  int64_t evidence_start = 0, evidence_end = 0;
  std::vector<StoredSource> sources;
};

struct StoredCluster {
  std::string id, event_type, actor, recipient, status, polarity, period_begin, period_end;
  std::optional<double> value_low, value_high;
  std::string unit;  // what the figures count: people, vehicle, money:USD ...
  std::string first_seen, last_seen, certainty_low, certainty_high;
  int64_t reports = 0, independent_origins = 0, claims = 0;
  std::vector<std::string> contradicts;
  std::vector<std::string> claim_ids;
};

class Store {
 public:
  // Opens (and creates, and migrates) the store named by `target`.
  static Result<std::unique_ptr<Store>> open(const std::string& target);

  // Which of these content hashes are stored already.
  Result<std::vector<bool>> contains(const std::vector<std::string>& hashes);

  // Stores analysed documents and fuses their claims, all in one transaction:
  // after a crash either the whole batch is there or none of it.
  Result<BatchCounts> add_keyed_batch(const std::vector<KeyedDocument>& docs);
  Result<BatchCounts> add_batch(const std::vector<const Document*>& docs);  // computes the keys

  Result<StoreStats> stats();
  Result<std::vector<StoredClaim>> claims(const ClaimFilter& filter);
  Result<std::vector<StoredCluster>> clusters();

  SqlConnection& sql() { return *sql_; }

 private:
  explicit Store(std::unique_ptr<SqlConnection> sql);
  Result<void> insert_document(const Document& doc, const DocumentKeys& keys, int64_t seq,
                               std::vector<NewClaim>& new_claims);
  std::unique_ptr<SqlConnection> sql_;
  // The rows of a document's entities, mentions, claims and sources, written
  // a statement per table rather than a statement per row.
  BulkInsert entities_, mentions_, claims_, sources_;
  // Entity ids known to be stored (committed), and those this batch adds:
  // most documents name the same countries and leaders again.
  std::unordered_set<std::string> stored_entities_, batch_entities_;
};

}  // namespace claimtrace
