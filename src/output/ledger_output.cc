#include "output/ledger_output.h"

#include "output/json_output.h"

#include <fmt/format.h>

#include <cmath>

namespace claimtrace {

using json = nlohmann::ordered_json;

namespace {

std::string number_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::string digits = fmt::format("{}", static_cast<long long>(std::llround(v)));
    std::string out;
    int n = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
      if (n && n % 3 == 0 && *it != '-') out.insert(out.begin(), ',');
      out.insert(out.begin(), *it);
      ++n;
    }
    return out;
  }
  return fmt::format("{:.4g}", v);
}

// The contract's amount fields, written by the same code as extract's.
void add_amount(json& j, const StoredClaim& c) {
  Amount a;
  a.value = c.value;
  a.min = c.min;
  a.max = c.max;
  a.min_inclusive = c.min_inclusive;
  a.max_inclusive = c.max_inclusive;
  a.approx = c.approx;
  json amount = amount_json(a);
  for (auto& [key, value] : amount.items()) j[key] = value;
}

json sources_json(const StoredClaim& c) {
  json out = json::array();
  for (const auto& s : c.sources) {
    json sj = {{"text", s.text}, {"role", s.role}, {"start", s.start}, {"end", s.end}};
    if (!s.entity.empty()) sj["entity"] = s.entity;
    out.push_back(std::move(sj));
  }
  return out;
}

json parsed_or_empty(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json::array() : j;
}

}  // namespace

std::string figure_text(const StoredClaim& c) {
  std::string s;
  if (c.value) s = number_text(*c.value);
  else if (c.min && c.max) s = fmt::format("{}–{}", number_text(*c.min), number_text(*c.max));
  else if (c.min) s = fmt::format("{} {}", c.min_inclusive ? "≥" : ">", number_text(*c.min));
  else if (c.max) s = fmt::format("{} {}", c.max_inclusive ? "≤" : "<", number_text(*c.max));
  if (c.approx && !s.empty()) s = fmt::format("~{}", s);
  return s;
}

std::string source_chain_text(const StoredClaim& c) {
  std::string chain;
  for (const auto& s : c.sources) {
    chain = fmt::format("{}{}{}", chain, chain.empty() ? "" : " → ", s.entity.empty() ? s.text : s.entity);
  }
  return chain.empty() ? "(author)" : chain;
}

json stored_claim_json(const StoredClaim& c) {
  json j = {{"id", c.key}, {"doc_id", c.doc_id}, {"published", c.published.empty() ? json(nullptr) : json(c.published)},
            {"outlet", c.outlet.empty() ? json(nullptr) : json(c.outlet)}, {"event_type", c.event_type}};
  if (!c.cameo.empty()) j["cameo"] = c.cameo;
  if (!c.actor.empty()) j["actor"] = c.actor;
  if (!c.recipient.empty()) j["recipient"] = c.recipient;
  json locations = parsed_or_empty(c.locations_json);
  if (!locations.empty()) j["locations"] = locations;
  if (c.value || c.min || c.max || !c.status.empty()) {
    json q = json::object();
    add_amount(q, c);
    if (!c.unit.empty()) q["unit"] = c.unit;
    if (!c.status.empty()) q["status"] = c.status;
    if (!c.quantity_text.empty()) q["text"] = c.quantity_text;
    j["quantity"] = std::move(q);
  }
  if (!c.time_value.empty()) {
    json t = {{"type", c.time_type}, {"value", c.time_value}};
    if (!c.time_mod.empty()) t["mod"] = c.time_mod;
    if (!c.time_begin.empty()) t["begin"] = c.time_begin;
    if (!c.time_end.empty()) t["end"] = c.time_end;
    if (!c.time_text.empty()) t["text"] = c.time_text;
    j["time"] = std::move(t);
  }
  j["sources"] = sources_json(c);
  j["certainty"] = c.certainty;
  j["cues"] = parsed_or_empty(c.cues_json);
  j["evidence"] = {{"start", c.evidence_start}, {"end", c.evidence_end}, {"text", c.evidence_text}};
  if (!c.cluster.empty()) j["cluster"] = c.cluster;
  return j;
}

json timeline_point_json(const StoredClaim& c) {
  json j = {{"published", c.published.empty() ? json(nullptr) : json(c.published)}};
  j["period"] = c.time_value.empty() ? json(nullptr) : json(c.time_value);
  if (!c.time_mod.empty()) j["period_mod"] = c.time_mod;
  add_amount(j, c);
  if (!c.unit.empty()) j["unit"] = c.unit;
  j["status"] = c.status.empty() ? json(nullptr) : json(c.status);
  j["certainty"] = c.certainty;
  j["sources"] = sources_json(c);
  j["doc_id"] = c.doc_id;
  j["cluster"] = c.cluster.empty() ? json(nullptr) : json(c.cluster);
  j["event_type"] = c.event_type;
  if (!c.outlet.empty()) j["outlet"] = c.outlet;
  j["evidence"] = c.evidence_text;
  return j;
}

json cluster_json(const StoredCluster& k) {
  json j = {{"id", k.id}, {"event_type", k.event_type}};
  j["actor"] = k.actor.empty() ? json(nullptr) : json(k.actor);
  j["recipient"] = k.recipient.empty() ? json(nullptr) : json(k.recipient);
  j["status"] = k.status.empty() ? json(nullptr) : json(k.status);
  j["polarity"] = k.polarity;
  j["reports"] = k.reports;
  j["independent_origins"] = k.independent_origins;
  j["first_seen"] = k.first_seen.empty() ? json(nullptr) : json(k.first_seen);
  j["last_seen"] = k.last_seen.empty() ? json(nullptr) : json(k.last_seen);
  j["period"] = {{"begin", k.period_begin}, {"end", k.period_end}};
  if (k.value_low || k.value_high) {
    json v = json::object();
    if (k.value_low) v["min"] = *k.value_low;
    if (k.value_high) v["max"] = *k.value_high;
    if (!k.unit.empty()) v["unit"] = k.unit;
    j["figures"] = std::move(v);
  }
  j["certainty"] = {{"low", k.certainty_low}, {"high", k.certainty_high}};
  j["contradicts"] = k.contradicts;
  j["claims"] = k.claim_ids;
  return j;
}

json stats_json(const StoreStats& s) {
  json j = {{"documents", s.documents}, {"claims", s.claims}, {"clusters", s.clusters}, {"entities", s.entities},
            {"mentions", s.mentions}, {"sources", s.sources}, {"contradictions", s.contradictions}};
  json langs = json::object();
  for (const auto& [lang, n] : s.languages) langs[lang.empty() ? "unknown" : lang] = n;
  j["languages"] = std::move(langs);
  json events = json::object();
  for (const auto& [e, n] : s.event_types) events[e] = n;
  j["event_types"] = std::move(events);
  return j;
}

TextTable claims_table(const std::vector<StoredClaim>& claims) {
  TextTable t({"published", "event", "actor", "recipient", "figure", "status", "certainty", "source", "evidence"});
  for (const auto& c : claims) {
    t.add({c.published, c.event_type, c.actor, c.recipient, figure_text(c), c.status, c.certainty,
           source_chain_text(c), c.evidence_text});
  }
  return t;
}

TextTable timeline_table(const std::vector<StoredClaim>& claims) {
  TextTable t({"published", "period", "figure", "unit", "status", "certainty", "source chain", "outlet", "evidence"});
  for (const auto& c : claims) {
    std::string period = c.time_value.empty() ? "" : c.time_mod.empty() ? c.time_value : fmt::format("{} {}", c.time_value, c.time_mod);
    t.add({c.published, period, figure_text(c), c.unit, c.status, c.certainty, source_chain_text(c), c.outlet,
           c.evidence_text});
  }
  return t;
}

TextTable clusters_table(const std::vector<StoredCluster>& clusters) {
  TextTable t({"cluster", "event", "actor", "recipient", "status", "figures", "reports", "origins", "first", "last",
               "certainty", "contradicts"});
  for (const auto& k : clusters) {
    std::string figures;
    if (k.value_low && k.value_high && *k.value_low == *k.value_high) figures = number_text(*k.value_low);
    else if (k.value_low || k.value_high)
      figures = fmt::format("{}–{}", k.value_low ? number_text(*k.value_low) : "", k.value_high ? number_text(*k.value_high) : "");
    std::string certainty = k.certainty_low == k.certainty_high ? k.certainty_low : fmt::format("{}–{}", k.certainty_low, k.certainty_high);
    std::string contradicts;
    for (const auto& c : k.contradicts) contradicts = fmt::format("{}{}{}", contradicts, contradicts.empty() ? "" : " ", c);
    t.add({k.id, fmt::format("{}{}", k.polarity == "denied" ? "¬" : "", k.event_type), k.actor, k.recipient, k.status,
           figures, std::to_string(k.reports), std::to_string(k.independent_origins), k.first_seen, k.last_seen,
           certainty, contradicts});
  }
  return t;
}

}  // namespace claimtrace
