#include "output/json_output.h"

namespace claimtrace {

using json = nlohmann::ordered_json;

const char* number_role_name(NumberRole role) {
  switch (role) {
    case NumberRole::kCount: return "count";
    case NumberRole::kPercent: return "percent";
    case NumberRole::kOrdinal: return "ordinal";
    case NumberRole::kYear: return "year";
    case NumberRole::kDatePart: return "date_part";
    case NumberRole::kTimeOfDay: return "time_of_day";
    case NumberRole::kPhone: return "phone";
    case NumberRole::kIdentifier: return "identifier";
    case NumberRole::kRatio: return "ratio";
  }
  return "count";
}

json amount_json(const Amount& a) {
  json v = json::object();
  if (a.value) v["value"] = *a.value;
  if (a.min) {
    v["min"] = *a.min;
    if (!a.min_inclusive) v["min_inclusive"] = false;
  }
  if (a.max) {
    v["max"] = *a.max;
    if (!a.max_inclusive) v["max_inclusive"] = false;
  }
  if (a.approx) v["approx"] = true;
  return v;
}

json time_value_json(const TimeSpan& t) {
  json v = {{"type", t.type}, {"value", t.value}};
  if (!t.mod.empty()) v["mod"] = t.mod;
  if (!t.begin.empty()) v["begin"] = t.begin;
  if (!t.end.empty()) v["end"] = t.end;
  return v;
}

json span_json(const Document& doc, Extent at) {
  return {{"start", at.start}, {"end", at.end}, {"text", std::string(doc.slice(at))}};
}

namespace {

json with_value(const Document& doc, Extent at, const char* dim, json value, Origin why) {
  json j = span_json(doc, at);
  j["dim"] = dim;
  j["value"] = std::move(value);
  if (!why.rule.empty()) j["rule"] = std::string(why.rule);
  if (!why.resource.empty()) j["resource"] = std::string(why.resource);
  return j;
}

json quantity_value(const Document& doc, const QuantitySpan& q) {
  json v = amount_json(q.amount);
  v["unit"] = q.unit;
  if (!q.noun.empty()) v["noun"] = std::string(doc.slice(q.noun));
  return v;
}

json entity_value(const Entity& e) {
  json v = {{"id", e.id}, {"type", e.type}, {"name", e.name}};
  if (!e.country.empty()) v["country"] = e.country;
  if (!e.role.empty()) v["role"] = e.role;
  if (!e.kind.empty()) v["kind"] = e.kind;
  if (!e.affiliation.empty()) v["affiliation"] = e.affiliation;
  if (!e.wikidata.empty()) v["wikidata"] = e.wikidata;
  return v;
}

}  // namespace

json parse_spans_json(const Document& doc, std::string_view dim) {
  json spans = json::array();
  if (dim == "number") {
    for (const auto& n : doc.numbers) {
      if (n.in_word) continue;  // digits inside a word or unit ("180ml"): see docs/numbers.md
      json v = amount_json(n.amount);
      if (n.role != NumberRole::kCount) v["kind"] = number_role_name(n.role);
      spans.push_back(with_value(doc, n.at, "number", std::move(v), n.why));
    }
  } else if (dim == "quantity") {
    for (const auto& q : doc.quantities) spans.push_back(with_value(doc, q.at, "quantity", quantity_value(doc, q), q.why));
  } else if (dim == "time") {
    for (const auto& t : doc.times) spans.push_back(with_value(doc, t.at, "time", time_value_json(t), t.why));
  } else if (dim == "sentence") {
    for (const auto& s : doc.sentences) {
      json v = {{"paragraph", s.paragraph}};
      if (s.is_title) v["title"] = true;
      spans.push_back(with_value(doc, s.at, "sentence", std::move(v), {}));
    }
  } else if (dim == "token") {
    for (const auto& t : doc.tokens) {
      json v = {{"key", std::string(doc.folded_key(t))}, {"flags", t.flags}};
      spans.push_back(with_value(doc, t.at, "token", std::move(v), {}));
    }
  } else if (dim == "entity") {
    for (const auto& m : doc.mentions) {
      json v = entity_value(doc.entities[m.entity]);
      if (m.descriptive) v["descriptive"] = true;
      if (m.demonym) v["demonym"] = true;
      spans.push_back(with_value(doc, m.at, "entity", std::move(v), m.why));
    }
  }
  return spans;
}

json claim_json(const Document& doc, const Claim& c, const JsonOptions& options) {
  json j = {{"id", c.id}, {"event_type", c.event_type}};
  if (!c.cameo.empty()) j["cameo"] = c.cameo;
  if (!c.actor.empty()) j["actor"] = c.actor;
  if (!c.recipient.empty()) j["recipient"] = c.recipient;
  if (!c.locations.empty()) j["locations"] = c.locations;
  if (c.quantity) {
    json q = amount_json(c.quantity->amount);
    if (!c.quantity->unit.empty()) q["unit"] = c.quantity->unit;
    if (!c.quantity->status.empty()) q["status"] = c.quantity->status;
    if (!c.quantity->at.empty()) {
      q["start"] = c.quantity->at.start;
      q["end"] = c.quantity->at.end;
      q["text"] = std::string(doc.slice(c.quantity->at));
    }
    j["quantity"] = std::move(q);
  }
  if (c.time) {
    // "end" is the value's interval end (an ISO date, as in `times`), so
    // the text's end offset is "text_end".
    json t = time_value_json(*c.time);
    t["start"] = c.time->at.start;
    t["text_end"] = c.time->at.end;
    t["text"] = std::string(doc.slice(c.time->at));
    j["time"] = std::move(t);
  }
  json sources = json::array();
  for (const auto& s : c.sources) {
    json sj = {{"text", s.text}, {"role", s.role}, {"start", s.at.start}, {"end", s.at.end}};
    if (!s.entity.empty()) sj["entity"] = s.entity;
    if (!s.name.empty()) sj["name"] = s.name;
    if (!s.antecedent.empty()) sj["antecedent"] = span_json(doc, s.antecedent);
    if (!s.pronoun.empty()) sj["pronoun"] = s.pronoun;
    sources.push_back(std::move(sj));
  }
  j["sources"] = std::move(sources);
  j["certainty"] = c.certainty;
  j["cues"] = c.cues;
  j["evidence"] = span_json(doc, c.evidence);
  if (options.explain) {
    json ex = json::object();
    for (const auto& [field, o] : c.explain.by_field()) {
      json oj = {{"rule", std::string(o.rule)}};
      if (!o.resource.empty()) oj["resource"] = std::string(o.resource);
      ex[std::string(field)].push_back(std::move(oj));
    }
    j["explain"] = std::move(ex);
  }
  return j;
}

json document_json(const Document& doc, const JsonOptions& options) {
  auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json j = {{"id", doc.id},
            {"lang", or_null(doc.lang)},
            {"published", or_null(doc.published)},
            {"title", or_null(doc.title)},
            {"outlet", or_null(doc.outlet)}};
  if (!doc.url.empty()) j["url"] = doc.url;
  json entities = json::array();
  for (const auto& e : doc.entities) {
    json ej = entity_value(e);
    json mentions = json::array();
    for (uint32_t m : e.mentions) {
      json mj = span_json(doc, doc.mentions[m].at);
      if (doc.mentions[m].descriptive) mj["descriptive"] = true;
      if (doc.mentions[m].demonym) mj["demonym"] = true;
      mentions.push_back(std::move(mj));
    }
    ej["mentions"] = std::move(mentions);
    entities.push_back(std::move(ej));
  }
  j["entities"] = std::move(entities);
  json quantities = json::array();
  for (const auto& q : doc.quantities) {
    json qj = span_json(doc, q.at);
    qj["value"] = quantity_value(doc, q);
    quantities.push_back(std::move(qj));
  }
  j["quantities"] = std::move(quantities);
  json times = json::array();
  for (const auto& t : doc.times) {
    json tj = span_json(doc, t.at);
    tj["value"] = time_value_json(t);
    times.push_back(std::move(tj));
  }
  j["times"] = std::move(times);
  json claims = json::array();
  for (const auto& c : doc.claims) claims.push_back(claim_json(doc, c, options));
  j["claims"] = std::move(claims);
  if (!doc.warnings.empty()) j["warnings"] = doc.warnings;
  return j;
}

}  // namespace claimtrace
