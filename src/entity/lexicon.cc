#include "entity/lexicon.h"

#include <fmt/format.h>

#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace {

void HashTable64::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  size_ = 0;
  for (const Slot& s : old) {
    if (s.used) insert(s.key, s.value);
  }
}

void HashTable64::put(uint64_t key, uint32_t value, bool merge) {
  // At most a quarter full: most lookups are for absent keys, which probe
  // until an empty slot.
  if ((size_ + 1) * 4 > slots_.size()) grow();
  filter_[key >> 58] |= uint64_t{1} << ((key >> 52) & 63);
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (!s.used) {
      s = {key, value, true};
      ++size_;
      return;
    }
    if (s.key == key) {
      if (merge) s.value |= value;
      return;
    }
  }
}

namespace {

std::vector<std::string> split_bar(std::string_view field) {
  std::vector<std::string> out;
  while (!field.empty()) {
    auto bar = field.find('|');
    if (auto part = field.substr(0, bar); !part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    field.remove_prefix(bar + 1);
  }
  return out;
}

// The hash of the first token of a phrase as the tokenizer would see it.
uint64_t first_token_hash(std::string_view phrase, const TextRules& rules) {
  Document doc = tokenize_phrase(phrase, rules);
  return doc.tokens.empty() ? 0 : doc.tokens.front().hash;
}

}  // namespace

Result<EntityLexicon> load_entity_lexicon(const LanguageContext& context) {
  EntityLexicon lex;
  const TextRules& rules = *context.text_rules;
  auto load = [&](std::string_view file, size_t min_fields, size_t max_fields) {
    return load_optional_table(context.root, context.path("entity", file), min_fields, max_fields);
  };

  // FORMAT: phrase kind [title]
  auto roles = load("roles.tsv", 2, 3);
  if (!roles) return std::unexpected(roles.error());
  for (const auto& row : roles->rows) {
    auto index = static_cast<uint32_t>(lex.role_info.size());
    lex.role_info.push_back({row[1], row.get(2) == "title", {"entity.person.role", row.where}});
    lex.roles.add(row[0], index, rules);
    lex.openers.add_bits(first_token_hash(row[0], rules), kOpensRole);
  }

  // FORMAT: phrase position(before|after) kind. Place heads share the
  // matcher: a run is read against both at once.
  for (const bool place : {false, true}) {
    auto heads = load(place ? "place_heads.tsv" : "org_heads.tsv", 3, 3);
    if (!heads) return std::unexpected(heads.error());
    for (const auto& row : heads->rows) {
      if (row[1] != "before" && row[1] != "after") return fail(std::string(row.where), "position must be before or after");
      auto index = static_cast<uint32_t>(lex.org_head_info.size());
      lex.org_head_info.push_back(
          {row[1] == "before", row[2], {place ? "entity.place.head" : "entity.org.head", row.where}, place});
      lex.org_heads.add(row[0], index, rules);
      lex.openers.add_bits(first_token_hash(row[0], rules), kOpensOrgHead);
      if (place && row[1] == "before") lex.place_head_words.set(first_token_hash(row[0], rules));
    }
  }

  // FORMAT: phrase type kinds [country|complement]
  auto descriptions = load("descriptions.tsv", 2, 4);
  if (!descriptions) return std::unexpected(descriptions.error());
  for (const auto& row : descriptions->rows) {
    auto index = static_cast<uint32_t>(lex.description_info.size());
    const std::string_view flag = row.get(3);
    if (!flag.empty() && flag != "country" && flag != "complement")
      return fail(std::string(row.where), "fourth field must be country or complement");
    lex.description_info.push_back(
        {row[1], split_bar(row.get(2)), row.get(3) == "country", {"entity.coref.description", row.where}, 0, {}});
    DescriptionInfo& info = lex.description_info.back();
    info.type_key = key_hash(info.type);
    for (const auto& k : info.kinds) info.kind_keys.push_back(key_hash(k));
    if (flag == "complement") {
      lex.complements.add(row[0], index, rules);
      continue;
    }
    lex.descriptions.add(row[0], index, rules);
    lex.openers.add_bits(first_token_hash(row[0], rules), kOpensDescription);
  }

  // FORMAT: word
  for (auto [file, into] : {std::pair{"determiners.tsv", &lex.determiners}, std::pair{"not_names.tsv", &lex.not_names},
                            std::pair{"not_person_words.tsv", &lex.not_person_words},
                            std::pair{"complement_openers.tsv", &lex.complement_openers},
                            std::pair{"place_prepositions.tsv", &lex.place_prepositions},
                            std::pair{"country_linkers.tsv", &lex.country_linkers}}) {
    auto table = load(file, 1, 2);
    if (!table) return std::unexpected(table.error());
    for (const auto& row : table->rows) {
      uint64_t h = key_hash(fold(row[0]));
      into->insert(h, 1);
      // Determiners are also in the openers' table: the scan probes it once per word.
      if (into == &lex.determiners) lex.openers.add_bits(h, kIsDeterminer);
    }
  }
  auto particles = load_optional_table(context.root, "common/entity/name_particles.tsv", 1, 2);
  if (!particles) return std::unexpected(particles.error());
  for (const auto& row : particles->rows) lex.particles.insert(key_hash(fold(row[0])), 1);

  // FORMAT: prefix country
  auto prefixes = load("demonym_prefixes.tsv", 2, 2);
  if (!prefixes) return std::unexpected(prefixes.error());
  for (const auto& row : prefixes->rows) {
    auto index = static_cast<uint32_t>(lex.prefix_country.size());
    lex.prefix_country.push_back("country/" + row[1]);
    lex.prefix_why.push_back({"entity.demonym.compound", row.where});
    lex.demonym_prefixes.insert(key_hash(fold(row[0])), index);
  }
  return lex;
}

}  // namespace claimtrace
