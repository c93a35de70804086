// What the entity annotator knows before it reads a document: the entities
// of the world it can name (countries, places, organisations, people) and
// every written name that points at one of them.
//
// Language-independent knowledge (ICU/CLDR and iso-codes country names, the
// curated files of resources/common/entity/) is built once per resource
// folder and shared by every language; each language adds its own names
// (demonyms) on top. Built once, then immutable.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "core/span.h"

namespace claimtrace {

struct EntityRecord {
  static EntityRecord make(std::string id, std::string type, std::string name, std::string country = {},
                           std::string role = {}, std::string kind = {}) {
    EntityRecord r;
    r.id = std::move(id);
    r.type = std::move(type);
    r.name = std::move(name);
    r.country = std::move(country);
    r.role = std::move(role);
    r.kind = std::move(kind);
    return r;
  }

  std::string id;        // country/KP, org/cnn, person/sergei-shoigu, place/kursk
  std::string type;      // COUNTRY GPE LOC ORG PERSON NORP
  std::string name;      // canonical English name
  std::string country;   // country/XX it belongs to, if any
  std::string role;      // office or kind as written in the resource
  std::string kind;      // head_of_state, minister, outlet, intelligence, city, oblast...
  std::string wikidata;  // Q-id, only where the resource is sure of it
  std::string affiliation;  // an unknown person's organisation or country, as introduced
  bool is_default = false;  // what "les services de renseignement ukrainiens" means when nothing was named
};

// An entity's type, kind and country as hashes, to compare descriptions with
// entities without string comparisons.
struct EntityKeys {
  uint64_t type = 0;
  uint64_t kind = 0;
  uint64_t country = 0;
};
EntityKeys entity_keys(std::string_view type, std::string_view kind, std::string_view country);

// How a written name may match.
enum NameFlag : uint8_t {
  kNameDemonym = 1 << 0,     // an adjective or gentilic: nord-coréens, Ukrainian
  kNameMetonym = 1 << 1,     // a seat or capital standing for its state: le Kremlin, Pyongyang
  kNameCapital = 1 << 2,     // written capitalized in the resource: the text's first token must be too
  kNameAllCaps = 1 << 3,     // an acronym in the resource: the text's first token must be all caps
  kNameCorefOnly = 1 << 4,   // a short form (surname) that matches only after the entity was named
  kNameCapitalLast = 1 << 5, // its last word is capitalized in the resource: so must the text's be ("Le Monde")
  kNameGazetteer = 1 << 6,   // a city from a world list (ICU, GeoNames): a person's name around it wins ("Lloyd Austin")
};

struct NameRecord {
  std::string text;
  uint32_t entity = 0;  // index into Knowledge::entities
  uint8_t flags = 0;
  Origin why;
};

class Knowledge {
 public:
  // Adds an entity or returns the index of the one with that id.
  uint32_t add_entity(EntityRecord record);
  // Adds a name with its case flags derived from how it is written; also adds
  // its spelling variants (transliteration to Latin, "Jong-un" as "Jong Un").
  void add_name(std::string_view text, uint32_t entity, uint8_t flags, Origin why);
  // Marks a name as dropped: it is never added (bad ICU names: "Maurice").
  void drop_name(std::string_view text, uint32_t entity);

  const EntityRecord* find(std::string_view id) const;
  int32_t index_of(std::string_view id) const;
  // Indices of the entities of that country, in the order added: what a
  // description's default is looked for among, rather than all entities.
  const std::vector<uint32_t>& of_country(const std::string& country) const;

  std::vector<EntityRecord> entities;
  // Parallel to entities: hashed once here rather than in every document naming one.
  std::vector<EntityKeys> keys;
  std::vector<NameRecord> names;

 private:
  void add_one(std::string text, uint32_t entity, uint8_t flags, Origin why);
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_country_;
  std::unordered_map<std::string, bool> seen_;  // folded name + '\x1f' + entity id
};

// The flags implied by how a name is written (capitalized, all caps).
uint8_t case_flags(std::string_view text);

// Stable slug of a name for ids: "Lee Seong-kweun" -> "lee-seong-kweun",
// "Шойгу" -> "soigu".
std::string slug(std::string_view name);

// Any script to Latin ASCII (ICU "Any-Latin; Latin-ASCII"); thread-safe.
std::string to_latin_ascii(std::string_view text);

// The language-independent knowledge of `root`, built on first use and then
// shared (by resource folder).
Result<std::shared_ptr<const Knowledge>> common_knowledge(const std::filesystem::path& root);

// Builders, one per source (each in its own file).
// countries.cc: ICU/CLDR display names and Debian iso-codes, plus
// common/entity/country_names.tsv (additions and drops) and seats.tsv.
Result<void> add_countries(const std::filesystem::path& root, Knowledge& knowledge);
// curated.cc: common/entity/{places,organisations,people}.tsv.
Result<void> add_curated(const std::filesystem::path& root, Knowledge& knowledge);
// cities.cc: ICU/CLDR time zone exemplar cities and GeoNames' cities
// (common/entity/geonames_cities.tsv), after all the others.
Result<void> add_cities(const std::filesystem::path& root, Knowledge& knowledge);
// subdivisions.cc: first-level ISO 3166-2 subdivisions of iso-codes, for the
// types of common/entity/subdivision_types.tsv, after the cities.
Result<void> add_subdivisions(const std::filesystem::path& root, Knowledge& knowledge);

// "US" -> "country/US", or "" when no such country is known.
std::string country_id_of(std::string_view alpha2, const Knowledge& knowledge);
// For the world lists (cities, subdivisions), which never take a name from
// an entity added before them: the folded names so far.
std::unordered_set<std::string> folded_names(const Knowledge& knowledge);
// Adds `record` named `spellings` unless its first spelling (its name) or its
// id is taken already; spellings other entities have are left to them.
void add_listed_place(EntityRecord record, const std::vector<std::string>& spellings, Origin why,
                      std::unordered_set<std::string>& named, Knowledge& knowledge);

}  // namespace claimtrace
