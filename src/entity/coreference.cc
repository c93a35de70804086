#include "entity/coreference.h"

#include <algorithm>
#include <utility>

#include "text/fold.h"

namespace claimtrace {

namespace {

// Appends the entity of a record, built in place (no Entity moved into the
// vector); from an rvalue record its strings are moved, not copied.
template <class Record>
void append_entity(std::vector<Entity>& entities, Record&& r) {
  // Each forward hands over one member: the others stay untouched.
  entities.emplace_back(std::forward<Record>(r).id, std::forward<Record>(r).type, std::forward<Record>(r).name,
                        std::forward<Record>(r).country, std::forward<Record>(r).role, std::forward<Record>(r).kind,
                        std::forward<Record>(r).affiliation, std::forward<Record>(r).wikidata);
}

}  // namespace

uint32_t DocEntities::add_record(uint32_t record) {
  const EntityRecord& r = knowledge_.entities[record];
  // The id may already be taken (an unknown entity of that id): reuse it.
  auto [at, added] = by_id_.try_emplace(r.id, static_cast<uint32_t>(doc_.entities.size()));
  if (added) {
    append_entity(doc_.entities, r);
    add_keys(knowledge_.keys[record]);
  }
  by_record_.emplace(record, at->second);
  return at->second;
}

void DocEntities::add_keys(const EntityKeys& keys) {
  keys_.push_back(keys);
  starts_.emplace_back().reserve(4);  // room for a few mentions in one allocation
}

void DocEntities::set_role(uint32_t entity, std::string role, std::string kind) {
  Entity& e = doc_.entities[entity];
  e.role = std::move(role);
  e.kind = std::move(kind);
  keys_[entity].kind = key_hash(e.kind);
}

uint32_t DocEntities::unknown(EntityRecord&& record, bool& added) {
  // One hash of the id for the lookup and the insertion.
  auto [at, inserted] = by_id_.try_emplace(record.id, static_cast<uint32_t>(doc_.entities.size()));
  added = inserted;
  if (inserted) {
    append_entity(doc_.entities, std::move(record));  // fresh strings: moved, not copied
    const Entity& e = doc_.entities.back();
    add_keys(entity_keys(e.type, e.kind, e.country));
  }
  return at->second;
}

bool DocEntities::has_record(uint32_t record) const {
  return by_record_.contains(record) || by_id_.contains(knowledge_.entities[record].id);
}

void DocEntities::mention(Extent at, uint32_t entity, uint32_t first_token, bool descriptive, bool demonym,
                          Origin why) {
  Mention m;
  m.at = at;
  m.entity = entity;
  m.descriptive = descriptive;
  m.demonym = demonym;
  m.why = why;
  doc_.mentions.push_back(m);
  mention_first_token_.push_back(first_token);
  starts_[entity].push_back(at.start);
}

void DocEntities::add_alias(uint64_t token_hash, uint32_t entity) {
  if (!alias_index_.empty()) {
    alias_index_[token_hash] = entity;  // the most recent person with that surname
    return;
  }
  for (auto& [hash, e] : aliases_) {
    if (hash == token_hash) {
      e = entity;
      return;
    }
  }
  aliases_.emplace_back(token_hash, entity);
  alias_bits_ |= uint64_t{1} << (token_hash & 63);
  if (aliases_.size() > kLinearAliases) {
    alias_index_.insert(aliases_.begin(), aliases_.end());
    aliases_.clear();
  }
}

bool DocEntities::compatible(uint32_t entity, const PendingDescription& d, uint64_t country_key) const {
  static const uint64_t kGpe = key_hash("GPE"), kCountry = key_hash("COUNTRY");
  const EntityKeys& k = keys_[entity];
  if (k.type != d.info->type_key) {
    // A description of a place or state accepts either.
    bool geo = (d.info->type_key == kGpe || d.info->type_key == kCountry) && (k.type == kGpe || k.type == kCountry);
    if (!geo) return false;
  }
  if (!d.info->kind_keys.empty() &&
      std::find(d.info->kind_keys.begin(), d.info->kind_keys.end(), k.kind) == d.info->kind_keys.end())
    return false;
  return d.country.empty() || k.country == country_key;
}

int64_t DocEntities::apposition(const PendingDescription& d) const {
  // "le dirigeant suprême du pays, Kim Jong-un": the first entity after a
  // comma, a few tokens on, in the same sentence. Right after the
  // description, with no comma, the name is what it titles: "le général
  // Paul Martin", "le média américain CNN".
  constexpr uint32_t kWindow = 8;
  int64_t best = -1;
  uint32_t best_token = UINT32_MAX;
  for (size_t m = sentence_mentions_; m < doc_.mentions.size(); ++m) {
    uint32_t first = mention_first_token_[m];
    if (first < d.end_token || first > d.end_token + kWindow || first >= best_token) continue;
    const bool titled = first == d.end_token;
    if (!titled && doc_.normalized_of(doc_.tokens[first - 1]) != ",") continue;
    // A title takes a known name or a full one, not a lone capitalized word
    // ("the General Assembly", "the General Staff").
    if (titled && (d.completes_noun || (knowledge_.index_of(doc_.entities[doc_.mentions[m].entity].id) < 0 &&
                                        doc_.slice(doc_.mentions[m].at).find(' ') == std::string_view::npos))) {
      continue;
    }
    if (!compatible(doc_.mentions[m].entity, d, key_hash(d.country))) continue;
    best = doc_.mentions[m].entity;
    best_token = first;
  }
  return best;
}

int64_t DocEntities::antecedent(const PendingDescription& d) const {
  // The compatible entity mentioned last before the description. Each
  // entity's mention starts are in text order but for the few added at the
  // end of their sentence (descriptions): look a little further back.
  const uint64_t country_key = key_hash(d.country);
  int64_t best = -1;
  uint32_t best_start = 0;
  for (uint32_t e = 0; e < doc_.entities.size(); ++e) {
    if (!compatible(e, d, country_key)) continue;
    const auto& starts = starts_[e];
    int extra = -1;
    for (size_t k = starts.size(); k-- > 0 && extra < 4;) {
      if (starts[k] >= d.at.start) continue;
      if (extra < 0) extra = 0;
      ++extra;
      if (best < 0 || starts[k] > best_start) {
        best = e;
        best_start = starts[k];
      }
    }
  }
  return best;
}

int64_t DocEntities::default_entity(const PendingDescription& d) {
  // The resource's default of that kind and country ("les services de
  // renseignement ukrainiens"), else the one person of that kind and country
  // it knows ("le président ukrainien").
  if (d.country.empty()) return -1;
  // Compared by their hashes, as compatible() does: no string compares.
  const uint64_t country_key = key_hash(d.country);
  auto kind_ok = [&](const EntityKeys& k) {
    const auto& kinds = d.info->kind_keys;
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), k.kind) != kinds.end();
  };
  int64_t person = -1;
  int persons = 0;
  for (uint32_t r : knowledge_.of_country(d.country)) {
    const EntityKeys& k = knowledge_.keys[r];
    if (k.country != country_key || k.type != d.info->type_key || !kind_ok(k)) continue;
    const EntityRecord& rec = knowledge_.entities[r];
    if (rec.is_default) return known(r);
    if (rec.type == "PERSON") {
      person = r;
      ++persons;
    }
  }
  if (persons != 1) return -1;
  return known(static_cast<uint32_t>(person));
}

void DocEntities::resolve_pending() {
  for (const auto& d : pending_) {
    int64_t e = apposition(d);
    if (e < 0) e = antecedent(d);
    if (e < 0) e = default_entity(d);
    if (e < 0) continue;
    mention(d.at, static_cast<uint32_t>(e), d.first_token, /*descriptive=*/true, false, d.info->why);
  }
  pending_.clear();
}

void DocEntities::finish() {
  auto before = [](const Mention& a, const Mention& b) {
    return a.at.start != b.at.start ? a.at.start < b.at.start : a.at.end > b.at.end;
  };
  // Mentions are found in text order, except descriptions, added at the end
  // of their sentence: an insertion sort moves each back a few places (and
  // is stable, as stable_sort, without its buffer and merge passes).
  auto& mentions = doc_.mentions;
  for (size_t i = 1; i < mentions.size(); ++i) {
    if (!before(mentions[i], mentions[i - 1])) continue;
    const Mention m = mentions[i];
    size_t j = i;
    for (; j > 0 && before(m, mentions[j - 1]); --j) mentions[j] = mentions[j - 1];
    mentions[j] = m;
  }
  // Each entity's mention count is known (starts_): one allocation each.
  for (uint32_t e = 0; e < doc_.entities.size(); ++e) {
    doc_.entities[e].mentions.clear();
    if (e < starts_.size()) doc_.entities[e].mentions.reserve(starts_[e].size());
  }
  for (uint32_t i = 0; i < doc_.mentions.size(); ++i) doc_.entities[doc_.mentions[i].entity].mentions.push_back(i);
}

}  // namespace claimtrace
