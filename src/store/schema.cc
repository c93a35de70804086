#include "store/schema.h"

#include <fmt/format.h>

#include "core/clock.h"

namespace claimtrace {

namespace {

constexpr std::string_view kInitial = R"sql(
CREATE TABLE documents (
  hash TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  id TEXT, url TEXT, outlet TEXT, lang TEXT, published TEXT, title TEXT,
  text TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  simhash BIGINT NOT NULL,
  band0 INTEGER NOT NULL, band1 INTEGER NOT NULL, band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,
  syndication TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_seq ON documents(seq);
CREATE INDEX documents_band0 ON documents(band0);
CREATE INDEX documents_band1 ON documents(band1);
CREATE INDEX documents_band2 ON documents(band2);
CREATE INDEX documents_band3 ON documents(band3);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  type TEXT, name TEXT, country TEXT
);

CREATE TABLE mentions (
  doc_hash TEXT NOT NULL REFERENCES documents(hash),
  entity_id TEXT NOT NULL,
  start_byte BIGINT NOT NULL, end_byte BIGINT NOT NULL,
  text TEXT, descriptive INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_doc ON mentions(doc_hash);

CREATE TABLE claims (
  claim_key TEXT PRIMARY KEY,
  doc_hash TEXT NOT NULL REFERENCES documents(hash),
  claim_id TEXT, position INTEGER NOT NULL,
  event_type TEXT NOT NULL, cameo TEXT, actor TEXT NOT NULL, recipient TEXT NOT NULL, locations TEXT,
  q_value DOUBLE PRECISION, q_min DOUBLE PRECISION, q_max DOUBLE PRECISION,
  q_min_inclusive INTEGER, q_max_inclusive INTEGER, q_approx INTEGER,
  q_unit TEXT, q_status TEXT NOT NULL, q_text TEXT,
  time_type TEXT, time_value TEXT, time_mod TEXT, time_begin TEXT, time_end TEXT, time_text TEXT,
  period_begin TEXT NOT NULL, period_end TEXT NOT NULL,
  certainty TEXT NOT NULL, polarity TEXT NOT NULL, cues TEXT,
  evidence_start BIGINT, evidence_end BIGINT, evidence_text TEXT,
  origin TEXT NOT NULL,
  published TEXT,
  cluster_id TEXT
);
CREATE INDEX claims_doc ON claims(doc_hash);
CREATE INDEX claims_slot ON claims(event_type, actor, recipient, q_status);
CREATE INDEX claims_cluster ON claims(cluster_id);
CREATE INDEX claims_published ON claims(published);

CREATE TABLE claim_sources (
  claim_key TEXT NOT NULL REFERENCES claims(claim_key),
  position INTEGER NOT NULL,
  entity TEXT, text TEXT, role TEXT,
  start_byte BIGINT, end_byte BIGINT,
  PRIMARY KEY (claim_key, position)
);
CREATE INDEX claim_sources_entity ON claim_sources(entity);

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL, actor TEXT NOT NULL, recipient TEXT NOT NULL, status TEXT NOT NULL,
  polarity TEXT NOT NULL,
  period_begin TEXT NOT NULL, period_end TEXT NOT NULL,
  value_low DOUBLE PRECISION, value_high DOUBLE PRECISION,
  first_seen TEXT, last_seen TEXT,
  reports INTEGER NOT NULL, independent_origins INTEGER NOT NULL, claims INTEGER NOT NULL,
  certainty_low TEXT, certainty_high TEXT
);
CREATE INDEX clusters_slot ON clusters(event_type, actor, recipient, status);

CREATE TABLE contradictions (
  cluster_a TEXT NOT NULL, cluster_b TEXT NOT NULL, reason TEXT NOT NULL,
  PRIMARY KEY (cluster_a, cluster_b)
);
)sql";

// Cluster aggregates kept as running totals, so that storing a claim does
// not rescan its cluster: how many of its claims carry a figure and how many
// an open upper bound, and the index that tells whether an origin is new to
// a cluster. value_low becomes the low end of the figure envelope (0 for
// "fewer than N"), as fusion compares envelopes.
constexpr std::string_view kRunningAggregates = R"sql(
ALTER TABLE clusters ADD COLUMN figures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN open_high BIGINT NOT NULL DEFAULT 0;
UPDATE clusters SET
  figures = (SELECT COUNT(*) FROM claims c WHERE c.cluster_id = clusters.id
             AND (c.q_value IS NOT NULL OR c.q_min IS NOT NULL OR c.q_max IS NOT NULL)),
  open_high = (SELECT COUNT(*) FROM claims c WHERE c.cluster_id = clusters.id
               AND c.q_value IS NULL AND c.q_min IS NOT NULL AND c.q_max IS NULL),
  value_low = (SELECT MIN(COALESCE(c.q_value, c.q_min, 0)) FROM claims c WHERE c.cluster_id = clusters.id
               AND (c.q_value IS NOT NULL OR c.q_min IS NOT NULL OR c.q_max IS NOT NULL));
DROP INDEX claims_cluster;
CREATE INDEX claims_cluster_origin ON claims(cluster_id, origin);
)sql";

// What a cluster's figures count: "300 tanks lost" and "16,000 soldiers lost"
// share a slot (casualties, Russia, total) but are two counts, not two estimates.
// The backfill spells figure_unit (fusion/claim_slot.h) in SQL, once, for stores
// made before it.
constexpr std::string_view kFigureUnit = R"sql(
ALTER TABLE clusters ADD COLUMN unit TEXT NOT NULL DEFAULT '';
UPDATE clusters SET unit = COALESCE((SELECT CASE WHEN c.q_unit IN ('personnel', 'person') THEN 'people' ELSE c.q_unit END
                                     FROM claims c WHERE c.cluster_id = clusters.id AND c.q_unit IS NOT NULL
                                     AND (c.q_value IS NOT NULL OR c.q_min IS NOT NULL OR c.q_max IS NOT NULL) LIMIT 1), '');
)sql";

constexpr Migration kMigrations[] = {
    {1, "documents, entities, mentions, claims, sources, clusters, contradictions", kInitial},
    {2, "running cluster aggregates: figures, open_high; claims by cluster and origin", kRunningAggregates},
    {3, "the unit a cluster's figures count", kFigureUnit},
};


}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

Result<void> migrate(SqlConnection& sql) {
  if (auto ok = sql.execute_script(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT, "
          "applied_at TEXT NOT NULL)");
      !ok)
    return ok;
  auto rows = sql.run("SELECT version FROM schema_migrations");
  if (!rows) return std::unexpected(rows.error());
  int applied = 0;
  for (const auto& r : *rows) applied = std::max<int>(applied, static_cast<int>(sql_int(r[0])));
  for (const auto& m : migrations()) {
    if (m.version <= applied) continue;
    if (auto ok = sql.begin(); !ok) return ok;
    auto ok = sql.execute_script(m.sql);
    if (ok) {
      auto recorded = sql.run("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                              {SqlValue{int64_t{m.version}}, SqlValue{std::string(m.description)}, SqlValue{utc_now_iso()}});
      if (!recorded) ok = std::unexpected(recorded.error());
    }
    if (!ok) {
      sql.rollback();
      return fail(ok.error().input, fmt::format("migration {}: {}", m.version, ok.error().message));
    }
    if (auto committed = sql.commit(); !committed) return committed;
  }
  return {};
}

}  // namespace claimtrace
