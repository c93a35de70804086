#include "store/store.h"

#include <fmt/format.h>

#include <chrono>

#include "core/clock.h"
#include <nlohmann/json.hpp>

#include "core/content_hash.h"
#include "fusion/claim_slot.h"
#include "fusion/fusion.h"
#include "fusion/simhash.h"
#include "store/schema.h"
#include "text/fold.h"

namespace claimtrace {
namespace {


SqlValue opt(const std::optional<double>& v) { return v ? SqlValue{*v} : SqlValue{}; }
SqlValue flag(bool b) { return SqlValue{int64_t{b ? 1 : 0}}; }
std::optional<double> opt_double(const SqlValue& v) { return sql_null(v) ? std::nullopt : std::optional(sql_double(v)); }

// Who a claim comes from, for counting independent origins: the first
// source of the chain (an entity id, else its folded words); for the
// author's own claims, the outlet that first published the text (an outlet
// repeating or revising its own figure is one origin), else the group of
// syndicated copies of the document.
std::string origin_key(const Claim& claim, const std::string& syndication, const std::string& first_outlet) {
  if (!claim.sources.empty()) {
    const ClaimSource& origin = claim.sources.front();
    if (!origin.entity.empty()) return origin.entity;
    return fmt::format("text:{}", fold(origin.text));
  }
  if (!first_outlet.empty()) return fmt::format("outlet:{}", fold(first_outlet));
  return fmt::format("doc:{}", syndication);
}

}  // namespace

Store::Store(std::unique_ptr<SqlConnection> sql)
    : sql_(std::move(sql)),
      entities_(*sql_, "INSERT INTO entities (id, type, name, country)", 4, "ON CONFLICT DO NOTHING"),
      mentions_(*sql_, "INSERT INTO mentions (doc_hash, entity_id, start_byte, end_byte, text, descriptive)", 6),
      claims_(*sql_,
              "INSERT INTO claims (claim_key, doc_hash, claim_id, position, event_type, cameo, actor, recipient, "
              "locations, q_value, q_min, q_max, q_min_inclusive, q_max_inclusive, q_approx, q_unit, q_status, "
              "q_text, time_type, time_value, time_mod, time_begin, time_end, time_text, period_begin, period_end, "
              "certainty, polarity, cues, evidence_start, evidence_end, evidence_text, origin, published)",
              34),
      sources_(*sql_, "INSERT INTO claim_sources (claim_key, position, entity, text, role, start_byte, end_byte)", 7) {}

Result<std::unique_ptr<Store>> Store::open(const std::string& target) {
  auto sql = open_sql(target);
  if (!sql) return std::unexpected(sql.error());
  if (auto ok = migrate(**sql); !ok) return std::unexpected(ok.error());
  return std::unique_ptr<Store>(new Store(std::move(*sql)));
}

Result<std::vector<bool>> Store::contains(const std::vector<std::string>& hashes) {
  std::vector<bool> out;
  out.reserve(hashes.size());
  for (const auto& h : hashes) {
    auto rows = sql_->run("SELECT 1 FROM documents WHERE hash = ?", {h});
    if (!rows) return std::unexpected(rows.error());
    out.push_back(!rows->empty());
  }
  return out;
}

DocumentKeys keys_of(const Document& doc) { return {content_hash(doc.text), simhash(doc.text)}; }

Result<void> Store::insert_document(const Document& doc, const DocumentKeys& keys, int64_t seq,
                                    std::vector<NewClaim>& new_claims) {
  auto fail_with = [&](const Error& e) { return std::unexpected(Error{doc.source.empty() ? doc.id : doc.source, e.message}); };
  const std::string& hash = keys.hash;
  const uint64_t sim = keys.simhash;
  auto bands = simhash_bands(sim);
  // Syndicated copies: a stored document within 3 bits shares at least one band.
  std::string syndication = hash;
  std::string first_outlet = doc.outlet;
  auto near = sql_->run("SELECT simhash, syndication, outlet FROM documents WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? "
                        "ORDER BY seq",
                        {bands[0], bands[1], bands[2], bands[3]});
  if (!near) return fail_with(near.error());
  for (const auto& r : *near) {
    if (near_duplicate(static_cast<uint64_t>(sql_int(r[0])), sim)) {
      syndication = sql_text(r[1]);
      first_outlet = sql_text(r[2]);
      break;
    }
  }
  auto ok = sql_->run(
      "INSERT INTO documents (hash, seq, id, url, outlet, lang, published, title, text, bytes, simhash, band0, band1, "
      "band2, band3, syndication, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {hash, seq, sql_text_or_null(doc.id), sql_text_or_null(doc.url), sql_text_or_null(doc.outlet),
       sql_text_or_null(doc.lang), sql_text_or_null(doc.published), sql_text_or_null(doc.title), doc.text,
       static_cast<int64_t>(doc.text.size()), static_cast<int64_t>(sim), bands[0], bands[1], bands[2], bands[3],
       syndication, utc_now_iso()});
  if (!ok) return fail_with(ok.error());
  for (const auto& e : doc.entities) {
    if (stored_entities_.contains(e.id) || !batch_entities_.insert(e.id).second) continue;
    entities_.add({e.id, e.type, e.name, sql_text_or_null(e.country)});
  }
  for (const auto& m : doc.mentions) {
    mentions_.add({hash, doc.entities[m.entity].id, int64_t{m.at.start}, int64_t{m.at.end},
                   std::string(doc.slice(m.at)), flag(m.descriptive)});
  }
  const std::string published = doc.published.substr(0, 10);
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    std::string key = fmt::format("{}-{}", hash.substr(0, 16), i);
    Period period = claim_period(c, published);
    const ClaimQuantity* q = c.quantity ? &*c.quantity : nullptr;
    NewClaim fused{key, c.event_type, c.actor, c.recipient, q ? q->status : std::string(),
                   claim_polarity(c.certainty), period, q ? claim_figure(q->amount) : std::nullopt, hash,
                   origin_key(c, syndication, first_outlet), published, c.certainty,
                   q && claim_figure(q->amount) ? figure_unit(q->unit) : std::string()};
    std::vector<SqlValue> row = {
        key, hash, sql_text_or_null(c.id), static_cast<int64_t>(i), c.event_type, sql_text_or_null(c.cameo), c.actor,
        c.recipient, nlohmann::json(c.locations).dump(),
        q ? opt(q->amount.value) : SqlValue{}, q ? opt(q->amount.min) : SqlValue{}, q ? opt(q->amount.max) : SqlValue{},
        q ? flag(q->amount.min_inclusive) : SqlValue{}, q ? flag(q->amount.max_inclusive) : SqlValue{},
        q ? flag(q->amount.approx) : SqlValue{}, q ? sql_text_or_null(q->unit) : SqlValue{}, q ? q->status : std::string(),
        q && !q->at.empty() ? SqlValue{std::string(doc.slice(q->at))} : SqlValue{},
        c.time ? sql_text_or_null(c.time->type) : SqlValue{}, c.time ? sql_text_or_null(c.time->value) : SqlValue{},
        c.time ? sql_text_or_null(c.time->mod) : SqlValue{}, c.time ? sql_text_or_null(c.time->begin) : SqlValue{},
        c.time ? sql_text_or_null(c.time->end) : SqlValue{},
        c.time ? SqlValue{std::string(doc.slice(c.time->at))} : SqlValue{},
        period.begin, period.end, c.certainty, claim_polarity(c.certainty), nlohmann::json(c.cues).dump(),
        int64_t{c.evidence.start}, int64_t{c.evidence.end}, std::string(doc.slice(c.evidence)),
        fused.origin, sql_text_or_null(published)};
    claims_.add(std::move(row));
    for (size_t k = 0; k < c.sources.size(); ++k) {
      const ClaimSource& s = c.sources[k];
      sources_.add({key, static_cast<int64_t>(k), sql_text_or_null(s.entity), s.text, s.role, int64_t{s.at.start},
                    int64_t{s.at.end}});
    }
    new_claims.push_back(std::move(fused));
  }
  // Sources refer to their claims: claims go in first.
  for (BulkInsert* rows : {&entities_, &mentions_, &claims_, &sources_}) {
    if (auto r = rows->flush(); !r) return fail_with(r.error());
  }
  return {};
}

Result<BatchCounts> Store::add_batch(const std::vector<const Document*>& docs) {
  std::vector<KeyedDocument> keyed;
  keyed.reserve(docs.size());
  for (const Document* d : docs) keyed.push_back({d, keys_of(*d)});
  return add_keyed_batch(keyed);
}

Result<BatchCounts> Store::add_keyed_batch(const std::vector<KeyedDocument>& docs) {
  BatchCounts counts;
  if (auto ok = sql_->begin(); !ok) return std::unexpected(ok.error());
  auto abort_with = [&](Error e) -> Result<BatchCounts> {
    sql_->rollback();
    for (BulkInsert* rows : {&entities_, &mentions_, &claims_, &sources_}) rows->discard();
    batch_entities_.clear();
    return std::unexpected(std::move(e));
  };
  auto max_seq = sql_->run("SELECT COALESCE(MAX(seq), 0) FROM documents");
  if (!max_seq) return abort_with(max_seq.error());
  int64_t seq = sql_int(max_seq->front()[0]);
  std::vector<NewClaim> new_claims;
  for (const KeyedDocument& d : docs) {
    auto present = sql_->run("SELECT 1 FROM documents WHERE hash = ?", {d.keys.hash});
    if (!present) return abort_with(present.error());
    if (!present->empty()) {
      ++counts.present;
      continue;
    }
    if (auto ok = insert_document(*d.doc, d.keys, ++seq, new_claims); !ok) return abort_with(ok.error());
    ++counts.added;
  }
  const auto fuse_start = std::chrono::steady_clock::now();
  if (auto ok = fuse_new_claims(*sql_, new_claims); !ok) return abort_with(ok.error());
  counts.fuse_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - fuse_start).count();
  if (auto ok = sql_->commit(); !ok) return abort_with(ok.error());
  stored_entities_.merge(batch_entities_);
  batch_entities_.clear();
  return counts;
}

Result<StoreStats> Store::stats() {
  StoreStats s;
  struct Count { const char* table; int64_t* into; };
  for (Count c : {Count{"documents", &s.documents}, Count{"claims", &s.claims}, Count{"clusters", &s.clusters},
                  Count{"entities", &s.entities}, Count{"mentions", &s.mentions}, Count{"claim_sources", &s.sources},
                  Count{"contradictions", &s.contradictions}}) {
    auto rows = sql_->run(fmt::format("SELECT COUNT(*) FROM {}", c.table));
    if (!rows) return std::unexpected(rows.error());
    *c.into = sql_int(rows->front()[0]);
  }
  auto langs = sql_->run("SELECT COALESCE(lang, ''), COUNT(*) FROM documents GROUP BY lang ORDER BY 2 DESC, 1");
  if (!langs) return std::unexpected(langs.error());
  for (const auto& r : *langs) s.languages.emplace_back(sql_text(r[0]), sql_int(r[1]));
  auto events = sql_->run("SELECT event_type, COUNT(*) FROM claims GROUP BY event_type ORDER BY 2 DESC, 1");
  if (!events) return std::unexpected(events.error());
  for (const auto& r : *events) s.event_types.emplace_back(sql_text(r[0]), sql_int(r[1]));
  return s;
}

Result<std::vector<StoredClaim>> Store::claims(const ClaimFilter& f) {
  std::string sql =
      "SELECT c.claim_key, c.claim_id, c.doc_hash, d.id, d.outlet, d.url, d.title, c.published, d.lang, c.event_type, "
      "c.cameo, c.actor, c.recipient, c.locations, c.q_value, c.q_min, c.q_max, c.q_min_inclusive, c.q_max_inclusive, "
      "c.q_approx, c.q_unit, c.q_status, c.q_text, c.time_type, c.time_value, c.time_mod, c.time_begin, c.time_end, "
      "c.time_text, c.certainty, c.cues, c.evidence_text, c.cluster_id, c.evidence_start, c.evidence_end "
      "FROM claims c JOIN documents d ON d.hash = c.doc_hash WHERE 1 = 1";
  std::vector<SqlValue> params;
  auto where = [&](const std::string& value, const std::string& clause, int copies = 1) {
    if (value.empty()) return;
    sql += " AND " + clause;
    for (int i = 0; i < copies; ++i) params.emplace_back(value);
  };
  where(f.actor, "c.actor = ?");
  where(f.event, "c.event_type = ?");
  where(f.status, "c.q_status = ?");
  where(f.certainty, "c.certainty = ?");
  where(f.since, "c.published >= ?");
  where(f.until, "c.published <= ?");
  where(f.entity,
        "(c.actor = ? OR c.recipient = ? OR c.locations LIKE '%\"' || ? || '\"%' OR EXISTS (SELECT 1 FROM "
        "claim_sources s WHERE s.claim_key = c.claim_key AND s.entity = ?))",
        4);
  if (!f.source.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim_key = c.claim_key AND (s.entity = ? OR "
           "LOWER(s.text) LIKE ?))";
    params.emplace_back(f.source);
    params.emplace_back(fmt::format("%{}%", fold(f.source)));
  }
  sql += " ORDER BY c.published, (SELECT seq FROM documents WHERE hash = c.doc_hash), c.position";
  if (f.limit) sql += fmt::format(" LIMIT {}", f.limit);
  auto rows = sql_->run(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredClaim> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    StoredClaim c;
    c.key = sql_text(r[0]); c.claim_id = sql_text(r[1]); c.doc_hash = sql_text(r[2]); c.doc_id = sql_text(r[3]);
    c.outlet = sql_text(r[4]); c.url = sql_text(r[5]); c.title = sql_text(r[6]); c.published = sql_text(r[7]);
    c.lang = sql_text(r[8]); c.event_type = sql_text(r[9]); c.cameo = sql_text(r[10]); c.actor = sql_text(r[11]);
    c.recipient = sql_text(r[12]); c.locations_json = sql_text(r[13]);
    c.value = opt_double(r[14]); c.min = opt_double(r[15]); c.max = opt_double(r[16]);
    c.min_inclusive = sql_null(r[17]) || sql_int(r[17]) != 0;
    c.max_inclusive = sql_null(r[18]) || sql_int(r[18]) != 0;
    c.approx = sql_int(r[19]) != 0;
    c.unit = sql_text(r[20]); c.status = sql_text(r[21]); c.quantity_text = sql_text(r[22]);
    c.time_type = sql_text(r[23]); c.time_value = sql_text(r[24]); c.time_mod = sql_text(r[25]);
    c.time_begin = sql_text(r[26]); c.time_end = sql_text(r[27]); c.time_text = sql_text(r[28]);
    c.certainty = sql_text(r[29]); c.cues_json = sql_text(r[30]); c.evidence_text = sql_text(r[31]);
    c.cluster = sql_text(r[32]); c.evidence_start = sql_int(r[33]); c.evidence_end = sql_int(r[34]);
    auto sources = sql_->run("SELECT entity, text, role, start_byte, end_byte FROM claim_sources WHERE claim_key = ? "
                             "ORDER BY position",
                             {c.key});
    if (!sources) return std::unexpected(sources.error());
    for (const auto& s : *sources)
      c.sources.push_back({sql_text(s[0]), sql_text(s[1]), sql_text(s[2]), sql_int(s[3]), sql_int(s[4])});
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<StoredCluster>> Store::clusters() {
  auto rows = sql_->run(
      "SELECT id, event_type, actor, recipient, status, polarity, period_begin, period_end, value_low, value_high, "
      "first_seen, last_seen, certainty_low, certainty_high, reports, independent_origins, claims, unit FROM clusters "
      "ORDER BY first_seen, id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredCluster> out;
  for (const auto& r : *rows) {
    StoredCluster k;
    k.id = sql_text(r[0]); k.event_type = sql_text(r[1]); k.actor = sql_text(r[2]); k.recipient = sql_text(r[3]);
    k.status = sql_text(r[4]); k.polarity = sql_text(r[5]); k.period_begin = sql_text(r[6]); k.period_end = sql_text(r[7]);
    k.value_low = opt_double(r[8]); k.value_high = opt_double(r[9]);
    k.first_seen = sql_text(r[10]); k.last_seen = sql_text(r[11]);
    k.certainty_low = sql_text(r[12]); k.certainty_high = sql_text(r[13]);
    k.reports = sql_int(r[14]); k.independent_origins = sql_int(r[15]); k.claims = sql_int(r[16]);
    k.unit = sql_text(r[17]);
    auto contra = sql_->run("SELECT cluster_b FROM contradictions WHERE cluster_a = ? UNION "
                            "SELECT cluster_a FROM contradictions WHERE cluster_b = ? ORDER BY 1",
                            {k.id, k.id});
    if (!contra) return std::unexpected(contra.error());
    for (const auto& c : *contra) k.contradicts.push_back(sql_text(c[0]));
    auto members = sql_->run("SELECT claim_key FROM claims WHERE cluster_id = ? ORDER BY published, claim_key", {k.id});
    if (!members) return std::unexpected(members.error());
    for (const auto& m : *members) k.claim_ids.push_back(sql_text(m[0]));
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace claimtrace
