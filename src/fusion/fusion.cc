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

Result<void> recompute(SqlConnection& sql, const std::string& cluster) {
  auto rows = sql.run(
      "SELECT COUNT(*), COUNT(DISTINCT doc_hash), COUNT(DISTINCT origin), MIN(published), MAX(published), "
      "MIN(period_begin), MAX(period_end), MIN(COALESCE(q_value, q_min)), MAX(COALESCE(q_value, q_max)), "
      "SUM(CASE WHEN q_value IS NULL AND q_min IS NOT NULL AND q_max IS NULL THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN q_value IS NOT NULL OR q_min IS NOT NULL OR q_max IS NOT NULL THEN 1 ELSE 0 END) "
      "FROM claims WHERE cluster_id = ?",
      {cluster});
  if (!rows) return std::unexpected(rows.error());
  const SqlRow& r = rows->front();
  auto certainties = sql.run("SELECT DISTINCT certainty FROM claims WHERE cluster_id = ?", {cluster});
  if (!certainties) return std::unexpected(certainties.error());
  std::string low, high;
  for (const auto& c : *certainties) {
    std::string v = sql_text(c[0]);
    if (low.empty() || certainty_rank(v) < certainty_rank(low)) low = v;
    if (high.empty() || certainty_rank(v) > certainty_rank(high)) high = v;
  }
  bool has_figures = sql_int(r[10]) > 0;
  // An open lower bound ("more than 600") leaves the envelope open above.
  SqlValue value_high = sql_int(r[9]) > 0 ? SqlValue{} : r[8];
  auto ok = sql.run(
      "UPDATE clusters SET claims = ?, reports = ?, independent_origins = ?, first_seen = ?, last_seen = ?, "
      "period_begin = ?, period_end = ?, value_low = ?, value_high = ?, certainty_low = ?, certainty_high = ? "
      "WHERE id = ?",
      {r[0], r[1], r[2], r[3], r[4], r[5], r[6], has_figures ? r[7] : SqlValue{}, has_figures ? value_high : SqlValue{},
       low, high, cluster});
  if (!ok) return std::unexpected(ok.error());
  return {};
}

struct ClusterRow {
  std::string id;
  Period period;
  std::optional<Figure> figure;
  std::string polarity;
};

Result<std::vector<ClusterRow>> clusters_of_slot(SqlConnection& sql, const SqlValue& event, const SqlValue& actor,
                                                 const SqlValue& recipient, const SqlValue& status) {
  auto rows = sql.run(
      "SELECT id, period_begin, period_end, value_low, value_high, polarity FROM clusters "
      "WHERE event_type = ? AND actor = ? AND recipient = ? AND status = ? ORDER BY id",
      {event, actor, recipient, status});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ClusterRow> out;
  for (const auto& r : *rows) {
    out.push_back({sql_text(r[0]), Period{sql_text(r[1]), sql_text(r[2])}, figure_of({}, r[3], r[4]), sql_text(r[5])});
  }
  return out;
}

Result<void> find_contradictions(SqlConnection& sql, const std::string& cluster) {
  auto self = sql.run(
      "SELECT event_type, actor, recipient, status, period_begin, period_end, value_low, value_high, polarity "
      "FROM clusters WHERE id = ?",
      {cluster});
  if (!self) return std::unexpected(self.error());
  const SqlRow& s = self->front();
  Period period{sql_text(s[4]), sql_text(s[5])};
  auto figure = figure_of({}, s[6], s[7]);
  std::string polarity = sql_text(s[8]);
  auto others = clusters_of_slot(sql, s[0], s[1], s[2], s[3]);
  if (!others) return std::unexpected(others.error());
  std::optional<std::set<std::string>> mine;
  for (const auto& other : *others) {
    if (other.id == cluster || !other.period.overlaps(period)) continue;
    std::string reason;
    if (other.polarity != polarity) {
      reason = "denial";
    } else if (figure && other.figure && !figures_compatible(*figure, *other.figure)) {
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

Result<void> fuse_new_claims(SqlConnection& sql, const std::vector<std::string>& claim_keys) {
  // Envelopes of the clusters this batch touched, kept in memory so that each
  // claim sees the claims before it; the stored aggregates are recomputed
  // once per cluster at the end.
  std::map<std::string, ClusterRow> touched;
  std::vector<std::string> order;
  for (const std::string& key : claim_keys) {
    auto rows = sql.run(
        "SELECT event_type, actor, recipient, q_status, polarity, period_begin, period_end, q_value, q_min, q_max "
        "FROM claims WHERE claim_key = ?",
        {key});
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) continue;
    const SqlRow& c = rows->front();
    auto figure = figure_of(c[7], c[8], c[9]);
    // A statement with neither actor nor figure says nothing two reports
    // could share: it stays out of clusters.
    if (sql_text(c[1]).empty() && sql_text(c[2]).empty() && !figure) continue;
    Period period{sql_text(c[5]), sql_text(c[6])};
    std::string polarity = sql_text(c[4]);
    auto candidates = clusters_of_slot(sql, c[0], c[1], c[2], c[3]);
    if (!candidates) return std::unexpected(candidates.error());
    std::string chosen;
    for (auto k : *candidates) {
      if (auto it = touched.find(k.id); it != touched.end()) k = it->second;
      if (k.polarity != polarity || !k.period.overlaps(period)) continue;
      if (figure && k.figure && !figures_compatible(*figure, *k.figure)) continue;
      chosen = k.id;
      break;
    }
    if (chosen.empty()) {
      chosen = fmt::format("k{}", key);
      auto ok = sql.run(
          "INSERT INTO clusters (id, event_type, actor, recipient, status, polarity, period_begin, period_end, "
          "reports, independent_origins, claims) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
          {chosen, c[0], c[1], c[2], c[3], polarity, period.begin, period.end});
      if (!ok) return std::unexpected(ok.error());
      touched[chosen] = ClusterRow{chosen, period, figure, polarity};
    } else {
      if (!touched.contains(chosen)) {
        for (const auto& k : *candidates) {
          if (k.id == chosen) touched[chosen] = k;
        }
      }
      ClusterRow& k = touched[chosen];
      k.period.begin = std::min(k.period.begin, period.begin);
      k.period.end = std::max(k.period.end, period.end);
      if (figure) {
        if (!k.figure) k.figure = figure;
        else k.figure = Figure{std::min(k.figure->low, figure->low), std::max(k.figure->high, figure->high)};
      }
    }
    if (auto ok = sql.run("UPDATE claims SET cluster_id = ? WHERE claim_key = ?", {chosen, key}); !ok)
      return std::unexpected(ok.error());
    if (std::find(order.begin(), order.end(), chosen) == order.end()) order.push_back(chosen);
  }
  for (const auto& cluster : order) {
    if (auto ok = recompute(sql, cluster); !ok) return ok;
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
