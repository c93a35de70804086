// Subdivisions of ISO 3166-2 (states, provinces, regions, departments) from
// Debian iso-codes, read at run time, with their French names from its
// gettext catalogue. iso-codes writes many names in local transliteration or
// inverted ("Donetska oblast", "Bashkortostan, Respublika"), so only the
// country and type pairs of common/entity/subdivision_types.tsv are taken,
// and common/entity/subdivision_names.tsv adds the forms the news uses
// ("Bavaria") and drops words and persons ("Victoria", "Guerrero"). They come
// after every other source: a name that already names a country, a curated
// place, a person or a listed city stays theirs, and a name two subdivisions
// share ("Punjab") is neither's.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/intern.h"
#include "entity/iso_codes.h"
#include "entity/knowledge.h"
#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

struct TypeRule {
  std::string kind;
  std::string suffix;  // a generic word iso-codes writes after the name: "Sheng"
};

struct Subdivision {
  std::string code, kind;
  std::vector<std::string> names;  // the curated English forms first
};

// "Wales [Cymru GB-CYM]" -> "Wales", "Guyane (française)" -> "Guyane",
// "Anhui Sheng" -> "Anhui"; an index form ("Murcia, Región de") -> "".
std::string clean_name(std::string name, const std::string& suffix) {
  if (auto cut = name.find_first_of("[("); cut != std::string::npos) name.resize(cut);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (!suffix.empty() && name.size() > suffix.size() + 1 && name.ends_with(" " + suffix)) {
    name.resize(name.size() - suffix.size() - 1);
  }
  return name.find(',') == std::string::npos ? name : std::string();
}

struct Edits {
  std::unordered_map<std::string, std::vector<std::string>> added;  // code -> names
  std::unordered_set<std::string> dropped;                          // code + '\x1f' + folded name
};

Result<Edits> load_edits(const std::filesystem::path& root) {
  auto table = load_table(root, "common/entity/subdivision_names.tsv", 3, 3);
  if (!table) return std::unexpected(table.error());
  Edits edits;
  for (const auto& row : table->rows) {
    if (row[2] == "add") {
      edits.added[row[0]].push_back(row[1]);
    } else if (row[2] == "drop") {
      edits.dropped.insert(row[0] + '\x1f' + fold(row[1]));
    } else {
      return fail(std::string(row.where), "third field must be add or drop");
    }
  }
  return edits;
}

// The subdivisions of the listed types, each with its names in every locale
// of city_locales.tsv (English is iso-codes' own).
Result<std::vector<Subdivision>> load_subdivisions(const std::filesystem::path& root) {
  auto types = load_table(root, "common/entity/subdivision_types.tsv", 3, 4);
  if (!types) return std::unexpected(types.error());
  auto locales = load_optional_table(root, "common/entity/city_locales.tsv", 1, 2);
  if (!locales) return std::unexpected(locales.error());
  auto edits = load_edits(root);
  if (!edits) return std::unexpected(edits.error());
  std::unordered_map<std::string, TypeRule> rules;  // alpha-2 + '\x1f' + type
  for (const auto& row : types->rows) rules[row[0] + '\x1f' + row[1]] = {row[2], std::string(row.get(3))};
  std::vector<std::unordered_map<std::string, std::string>> translations;
  for (const auto& row : locales->rows) {
    if (row[0] != "en") translations.push_back(load_iso_translations(row[0], "iso_3166-2"));
  }

  std::vector<Subdivision> out;
  auto j = nlohmann::json::parse(read_whole_file(iso_codes_dir() / "iso_3166-2.json"), nullptr, false);
  if (j.is_discarded() || !j.contains("3166-2")) return out;
  for (const auto& s : j["3166-2"]) {
    std::string code = s.value("code", ""), name = s.value("name", "");
    // The type decides, not the level: a French department has its region as parent.
    if (code.size() < 4) continue;
    auto rule = rules.find(code.substr(0, 2) + '\x1f' + s.value("type", ""));
    if (rule == rules.end()) continue;
    Subdivision sub{code, rule->second.kind, edits->added[code]};
    auto keep = [&](const std::string& written) {
      std::string n = clean_name(written, rule->second.suffix);
      if (!n.empty() && !edits->dropped.contains(code + '\x1f' + fold(n))) sub.names.push_back(std::move(n));
    };
    keep(name);
    for (const auto& t : translations) {
      if (auto it = t.find(name); it != t.end()) keep(it->second);
    }
    out.push_back(std::move(sub));
  }
  return out;
}

// Folded name -> how many subdivisions have it.
std::unordered_map<std::string, int> name_counts(const std::vector<Subdivision>& subdivisions) {
  std::unordered_map<std::string, int> counts;
  for (const auto& sub : subdivisions) {
    std::unordered_set<std::string> own;
    for (const auto& n : sub.names) own.insert(fold(n));
    for (const auto& n : own) ++counts[n];
  }
  return counts;
}

}  // namespace

Result<void> add_subdivisions(const std::filesystem::path& root, Knowledge& knowledge) {
  auto subdivisions = load_subdivisions(root);
  if (!subdivisions) return std::unexpected(subdivisions.error());
  auto counts = name_counts(*subdivisions);
  std::unordered_set<std::string> named = folded_names(knowledge);
  for (const auto& sub : *subdivisions) {
    std::string country = country_id_of(sub.code.substr(0, 2), knowledge);
    std::vector<std::string> spellings;
    for (const auto& n : sub.names) {
      if (counts[fold(n)] == 1) spellings.push_back(n);
    }
    if (country.empty() || spellings.empty()) continue;
    EntityRecord r = EntityRecord::make("place/" + slug(spellings.front()), "GPE", spellings.front(), country, sub.kind, sub.kind);
    Origin why{"entity.place.subdivision", intern(fmt::format("iso-codes iso_3166-2 {}", sub.code))};
    add_listed_place(std::move(r), spellings, why, named, knowledge);
  }
  return {};
}

}  // namespace claimtrace
