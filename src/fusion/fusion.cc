#include "fusion/fusion.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "fusion/claim_slot.h"

namespace claimtrace {
namespace {

std::optional<Figure> figure_of(const SqlValue& value, const SqlValue& low, const SqlValue& high) {
  if (!sql_null(value)) return Figure{sql_double(value), sql_double(value)};
  if (sql_null(low) && sql_null(high)) return std::nullopt;
  Figure f;
  f.low = sql_null(low) ? 0 : sql_double(low);
  f.high = sql_null(high) ? std::numeric_limits<double>::infinity() : sql_double(high);
  return f;
}

std::string figure_text(const std::optional<Figure>& f) {
  if (!f) return "none";
  if (f->low == f->high) return fmt::format("{}", f->low);
  if (std::isinf(f->high)) return fmt::format("≥{}", f->low);
  return fmt::format("{}–{}", f->low, f->high);
}


Result<std::set<std::string>> origins_of(SqlConnection& sql, const std::string& cluster) {
  auto rows = sql.run("SELECT DISTINCT origin FROM claims WHERE cluster_id = ?", {cluster});
  if (!rows) return std::unexpected(rows.error());
  std::set<std::string> out;
  for (const auto& r : *rows) out.insert(sql_text(r[0]));
  return out;
}

// What fusion knows of a cluster while a batch is fused: its slot and its
// envelope (period, figure range, polarity), and what the batch adds to its
// stored aggregates.
struct ClusterRow {
  std::string id;
  Period period;
  std::optional<Figure> figure;
  std::string polarity;
  std::string unit;  // what its figures count (figure_unit); empty until one has a figure
};

struct Additions {
  int64_t claims = 0;
  std::set<std::string> documents;  // a document is stored once, so its claims are new to every cluster
  int64_t new_origins = 0;
  std::string first_seen, last_seen;
  int64_t figures = 0, open_high = 0;
  std::string certainty_low, certainty_high;
};

void widen(std::string& low, std::string& high, const std::string& value, bool by_rank) {
  if (value.empty()) return;
  auto less = [&](const std::string& a, const std::string& b) {
    return by_rank ? certainty_rank(a) < certainty_rank(b) : a < b;
  };
  if (low.empty() || less(value, low)) low = value;
  if (high.empty() || less(high, value)) high = value;
}

// The clusters of a slot whose stored period overlaps `period` (all of them
// when `period` is empty), by id.
Result<std::vector<ClusterRow>> clusters_of_slot(SqlConnection& sql, const SqlValue& event, const SqlValue& actor,
                                                 const SqlValue& recipient, const SqlValue& status,
                                                 const std::optional<Period>& period) {
  std::string query =
      "SELECT id, period_begin, period_end, value_low, value_high, polarity, unit FROM clusters "
      "WHERE event_type = ? AND actor = ? AND recipient = ? AND status = ?";
  std::vector<SqlValue> params = {event, actor, recipient, status};
  if (period) {
    query += " AND period_begin < ? AND period_end > ?";
    params.emplace_back(period->end);
    params.emplace_back(period->begin);
  }
  auto rows = sql.run(query + " ORDER BY id", params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ClusterRow> out;
  for (const auto& r : *rows) {
    out.push_back({sql_text(r[0]), Period{sql_text(r[1]), sql_text(r[2])}, figure_of({}, r[3], r[4]), sql_text(r[5]),
                   sql_text(r[6])});
  }
  return out;
}

// Adds a batch's claims to a cluster's stored aggregates.
Result<void> store_aggregates(SqlConnection& sql, const ClusterRow& k, const Additions& add) {
  auto rows = sql.run(
      "SELECT claims, reports, independent_origins, first_seen, last_seen, certainty_low, certainty_high, figures, "
      "open_high FROM clusters WHERE id = ?",
      {k.id});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return {};
  const SqlRow& r = rows->front();
  std::string first_seen = sql_text(r[3]), last_seen = sql_text(r[4]);
  widen(first_seen, last_seen, add.first_seen, false);
  widen(first_seen, last_seen, add.last_seen, false);
  std::string certainty_low = sql_text(r[5]), certainty_high = sql_text(r[6]);
  widen(certainty_low, certainty_high, add.certainty_low, true);
  widen(certainty_low, certainty_high, add.certainty_high, true);
  const int64_t figures = sql_int(r[7]) + add.figures;
  const int64_t open_high = sql_int(r[8]) + add.open_high;
  SqlValue value_low, value_high;
  if (figures > 0 && k.figure) {
    value_low = k.figure->low;
    // An open lower bound ("more than 600") leaves the envelope open above.
    if (open_high == 0 && !std::isinf(k.figure->high)) value_high = k.figure->high;
  }
  auto text_or_null = [](const std::string& v) { return v.empty() ? SqlValue{} : SqlValue{v}; };
  auto ok = sql.run(
      "UPDATE clusters SET claims = ?, reports = ?, independent_origins = ?, first_seen = ?, last_seen = ?, unit = ?, "
      "period_begin = ?, period_end = ?, value_low = ?, value_high = ?, certainty_low = ?, certainty_high = ?, "
      "figures = ?, open_high = ? WHERE id = ?",
      {sql_int(r[0]) + add.claims, sql_int(r[1]) + static_cast<int64_t>(add.documents.size()),
       sql_int(r[2]) + add.new_origins, text_or_null(first_seen), text_or_null(last_seen), k.unit, k.period.begin,
       k.period.end, value_low, value_high, text_or_null(certainty_low), text_or_null(certainty_high), figures,
       open_high, k.id});
  if (!ok) return std::unexpected(ok.error());
  return {};
}

Result<void> find_contradictions(SqlConnection& sql, const std::string& cluster) {
  auto self = sql.run(
      "SELECT event_type, actor, recipient, status, period_begin, period_end, value_low, value_high, polarity, unit "
      "FROM clusters WHERE id = ?",
      {cluster});
  if (!self) return std::unexpected(self.error());
  const SqlRow& s = self->front();
  // Two figures about nobody in particular ("47 killed", "28 children
  // killed") are two events, not two estimates of one.
  if (sql_text(s[1]).empty() && sql_text(s[2]).empty()) return {};
  Period period{sql_text(s[4]), sql_text(s[5])};
  auto figure = figure_of({}, s[6], s[7]);
  std::string polarity = sql_text(s[8]);
  const std::string unit = sql_text(s[9]);
  auto others = clusters_of_slot(sql, s[0], s[1], s[2], s[3], period);
  if (!others) return std::unexpected(others.error());
  std::optional<std::set<std::string>> mine;
  for (const auto& other : *others) {
    if (other.id == cluster || !other.period.overlaps(period)) continue;
    std::string reason;
    if (other.polarity != polarity) {
      reason = "denial";
    } else if (figure && other.figure && other.unit == unit && !figures_compatible(*figure, *other.figure) &&
               periods_comparable(period, other.period)) {
      // Figures at unknown times, or over different stretches of time, count different things.
      // An origin revising its own estimate is not a contradiction.
      if (!mine) {
        auto o = origins_of(sql, cluster);
        if (!o) return std::unexpected(o.error());
        mine = std::move(*o);
      }
      auto theirs = origins_of(sql, other.id);
      if (!theirs) return std::unexpected(theirs.error());
      bool shared = std::any_of(theirs->begin(), theirs->end(), [&](const std::string& x) { return mine->contains(x); });
      if (shared) continue;
      reason = fmt::format("figures {} vs {}", figure_text(figure), figure_text(other.figure));
    } else {
      continue;
    }
    const std::string& a = std::min(cluster, other.id);
    const std::string& b = std::max(cluster, other.id);
    auto ok = sql.run("INSERT INTO contradictions (cluster_a, cluster_b, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                      {a, b, reason});
    if (!ok) return std::unexpected(ok.error());
  }
  return {};
}

}  // namespace

Result<void> fuse_new_claims(SqlConnection& sql, const std::vector<NewClaim>& claims) {
  // Envelopes of the clusters this batch touched, kept in memory so that each
  // claim sees the claims before it; the stored aggregates are updated once
  // per cluster at the end, from running totals rather than by rescanning.
  std::map<std::string, ClusterRow> touched;
  std::map<std::string, std::vector<std::string>> touched_in_slot;  // slot key -> touched cluster ids
  std::map<std::string, Additions> additions;
  std::vector<std::string> order;
  for (const NewClaim& c : claims) {
    const std::optional<Figure>& figure = c.figure;
    // A statement with neither actor nor figure says nothing two reports
    // could share: it stays out of clusters.
    if (c.actor.empty() && c.recipient.empty() && !figure) continue;
    const Period& period = c.period;
    const std::string& polarity = c.polarity;
    const std::string slot = fmt::format("{}\x1f{}\x1f{}\x1f{}", c.event_type, c.actor, c.recipient, c.status);
    // Candidates: the stored clusters whose stored period overlaps, and the
    // clusters of the slot this batch touched (their envelopes may have grown).
    auto stored = clusters_of_slot(sql, c.event_type, c.actor, c.recipient, c.status, period);
    if (!stored) return std::unexpected(stored.error());
    std::vector<ClusterRow> candidates = std::move(*stored);
    for (const auto& id : touched_in_slot[slot]) candidates.push_back(touched[id]);
    std::sort(candidates.begin(), candidates.end(), [](const ClusterRow& a, const ClusterRow& b) { return a.id < b.id; });
    std::string chosen;
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (i > 0 && candidates[i].id == candidates[i - 1].id) continue;
      ClusterRow k = candidates[i];
      if (auto it = touched.find(k.id); it != touched.end()) k = it->second;
      if (k.polarity != polarity || !k.period.overlaps(period)) continue;
      // An undated claim would overlap every period and make its cluster undated.
      if (k.period.unknown() != period.unknown()) continue;
      if (figure && k.figure && (k.unit != c.unit || !figures_compatible(*figure, *k.figure))) continue;
      chosen = k.id;
      if (!touched.contains(chosen)) touched[chosen] = k;
      break;
    }
    bool new_origin = true;
    if (chosen.empty()) {
      chosen = fmt::format("k{}", c.key);
      auto ok = sql.run(
          "INSERT INTO clusters (id, event_type, actor, recipient, status, polarity, period_begin, period_end, "
          "reports, independent_origins, claims) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
          {chosen, c.event_type, c.actor, c.recipient, c.status, polarity, period.begin, period.end});
      if (!ok) return std::unexpected(ok.error());
      touched[chosen] = ClusterRow{chosen, period, figure, polarity, c.unit};
    } else {
      ClusterRow& k = touched[chosen];
      k.period.begin = std::min(k.period.begin, period.begin);
      k.period.end = std::max(k.period.end, period.end);
      if (figure && !k.figure) {
        k.figure = figure;
        k.unit = c.unit;
      } else if (figure) {
        k.figure = Figure{std::min(k.figure->low, figure->low), std::max(k.figure->high, figure->high)};
      }
      auto seen = sql.run("SELECT 1 FROM claims WHERE cluster_id = ? AND origin = ? LIMIT 1", {chosen, c.origin});
      if (!seen) return std::unexpected(seen.error());
      new_origin = seen->empty();
    }
    if (auto& ids = touched_in_slot[slot]; std::find(ids.begin(), ids.end(), chosen) == ids.end()) ids.push_back(chosen);
    if (auto ok = sql.run("UPDATE claims SET cluster_id = ? WHERE claim_key = ?", {chosen, c.key}); !ok)
      return std::unexpected(ok.error());
    Additions& add = additions[chosen];
    if (add.claims == 0) order.push_back(chosen);  // first claim of this batch in that cluster
    ++add.claims;
    add.documents.insert(c.doc_hash);
    add.new_origins += new_origin;
    widen(add.first_seen, add.last_seen, c.published, false);
    widen(add.certainty_low, add.certainty_high, c.certainty, true);
    if (figure) {
      ++add.figures;
      add.open_high += std::isinf(figure->high);
    }
  }
  for (const auto& cluster : order) {
    if (auto ok = store_aggregates(sql, touched[cluster], additions[cluster]); !ok) return ok;
  }
  // Contradictions follow from the clusters as they now are: those of the
  // touched clusters are found again, so that where batches happen to end
  // does not change the result.
  for (const auto& cluster : order) {
    if (auto ok = sql.run("DELETE FROM contradictions WHERE cluster_a = ? OR cluster_b = ?", {cluster, cluster}); !ok)
      return std::unexpected(ok.error());
  }
  for (const auto& cluster : order) {
    if (auto ok = find_contradictions(sql, cluster); !ok) return ok;
  }
  return {};
}

}  // namespace claimtrace
