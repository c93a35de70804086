// The curated knowledge no library holds: places of the war, organisations
// and people, each with its aliases across languages and scripts
// (resources/common/entity/{places,organisations,people}.tsv).
#include <fmt/format.h>

#include "entity/knowledge.h"
#include "resources/table.h"

namespace claimtrace {
namespace {

std::vector<std::string_view> split_aliases(std::string_view field) {
  std::vector<std::string_view> out;
  while (!field.empty()) {
    auto bar = field.find('|');
    std::string_view part = field.substr(0, bar);
    if (!part.empty() && part != "-") out.push_back(part);
    if (bar == std::string_view::npos) break;
    field.remove_prefix(bar + 1);
  }
  return out;
}

// "RU" -> "country/RU"; "-" or "" -> "".
Result<std::string> country_id(const Knowledge& knowledge, const TableRow& row, size_t field) {
  std::string_view code = row.get(field);
  if (code.empty() || code == "-") return std::string();
  std::string id = "country/" + std::string(code);
  if (!knowledge.find(id)) return fail(std::string(row.where), fmt::format("unknown country code '{}'", code));
  return id;
}

Result<uint32_t> add_record(Knowledge& knowledge, const TableRow& row, EntityRecord record) {
  if (knowledge.find(record.id)) return fail(std::string(row.where), fmt::format("duplicate id '{}'", record.id));
  return knowledge.add_entity(std::move(record));
}

}  // namespace

Result<void> add_curated(const std::filesystem::path& root, Knowledge& knowledge) {
  // FORMAT: id type kind country name aliases
  auto places = load_table(root, "common/entity/places.tsv", 5, 6);
  if (!places) return std::unexpected(places.error());
  for (const auto& row : places->rows) {
    auto country = country_id(knowledge, row, 3);
    if (!country) return std::unexpected(country.error());
    EntityRecord r = EntityRecord::make(row[0], row[1], row[4], *country, row[2], row[2]);
    auto e = add_record(knowledge, row, std::move(r));
    if (!e) return std::unexpected(e.error());
    Origin why{"entity.place", row.where};
    knowledge.add_name(row[4], *e, 0, why);
    for (auto alias : split_aliases(row.get(5))) knowledge.add_name(alias, *e, 0, why);
  }

  // FORMAT: id kind country name aliases default
  auto orgs = load_table(root, "common/entity/organisations.tsv", 4, 6);
  if (!orgs) return std::unexpected(orgs.error());
  for (const auto& row : orgs->rows) {
    auto country = country_id(knowledge, row, 2);
    if (!country) return std::unexpected(country.error());
    EntityRecord r = EntityRecord::make(row[0], "ORG", row[3], *country, row[1], row[1]);
    r.is_default = row.get(5) == "default";
    auto e = add_record(knowledge, row, std::move(r));
    if (!e) return std::unexpected(e.error());
    Origin why{"entity.organisation", row.where};
    knowledge.add_name(row[3], *e, 0, why);
    for (auto alias : split_aliases(row.get(4))) knowledge.add_name(alias, *e, 0, why);
  }

  // FORMAT: id kind country role name aliases short wikidata
  auto people = load_table(root, "common/entity/people.tsv", 5, 8);
  if (!people) return std::unexpected(people.error());
  for (const auto& row : people->rows) {
    auto country = country_id(knowledge, row, 2);
    if (!country) return std::unexpected(country.error());
    EntityRecord r = EntityRecord::make(row[0], "PERSON", row[4], *country, row[3], row[1]);
    r.wikidata = std::string(row.get(7) == "-" ? "" : row.get(7));
    auto e = add_record(knowledge, row, std::move(r));
    if (!e) return std::unexpected(e.error());
    Origin why{"entity.person", row.where};
    knowledge.add_name(row[4], *e, 0, why);
    for (auto alias : split_aliases(row.get(5))) knowledge.add_name(alias, *e, 0, why);
    Origin short_why{"entity.person.short", row.where};
    for (auto alias : split_aliases(row.get(6))) knowledge.add_name(alias, *e, kNameCorefOnly, short_why);
  }
  return {};
}

}  // namespace claimtrace
