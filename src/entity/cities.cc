// Cities of the world: the exemplar cities of ICU/CLDR's time zones
// ("Kuala Lumpur", "Vladivostok"), named in the locales of
// common/entity/city_locales.tsv, each with the country of its zone; then
// GeoNames' larger cities and front-line towns (common/entity/
// geonames_cities.tsv, made by tools/geonames_cities.js). A city already
// named by another entity (a capital standing for its state in seats.tsv, a
// curated place, an ICU city) is left to that entity. Names from these lists
// carry kNameGazetteer: a person's name around them wins.
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_set>

#include "core/intern.h"
#include "entity/knowledge.h"
#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

void add_city(const std::vector<std::string>& spellings, const std::string& country, Origin why,
              std::unordered_set<std::string>& named, Knowledge& knowledge) {
  if (spellings.empty()) return;
  EntityRecord r = EntityRecord::make("place/" + slug(spellings.front()), "GPE", spellings.front(), country, "city", "city");
  add_listed_place(std::move(r), spellings, why, named, knowledge);
}

Result<void> add_geonames_cities(const std::filesystem::path& root, std::unordered_set<std::string>& named,
                                 Knowledge& knowledge) {
  auto cities = load_optional_table(root, "common/entity/geonames_cities.tsv", 4, 4);
  if (!cities) return std::unexpected(cities.error());
  for (const auto& row : cities->rows) {
    add_city({row[0]}, country_id_of(row[1], knowledge), {"entity.place.geonames", row.where}, named, knowledge);
  }
  return {};
}

// ICU's exemplar cities of the time zones, in the locales of city_locales.tsv.
Result<void> add_icu_cities(const std::filesystem::path& root, std::unordered_set<std::string>& named,
                            Knowledge& knowledge) {
  auto locales = load_optional_table(root, "common/entity/city_locales.tsv", 1, 2);
  if (!locales) return std::unexpected(locales.error());
  if (locales->rows.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status) || !zones) return {};
  std::vector<std::unique_ptr<icu::TimeZoneNames>> names;
  for (const auto& row : locales->rows) {
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> n(icu::TimeZoneNames::createInstance(icu::Locale(row[0].c_str()), status));
    if (U_SUCCESS(status) && n) names.push_back(std::move(n));
  }
  if (names.empty()) return {};
  const std::string_view where = intern("ICU/CLDR time zone exemplar cities");
  const icu::UnicodeString* zone;
  status = U_ZERO_ERROR;
  while ((zone = zones->snext(status)) != nullptr && U_SUCCESS(status)) {
    char region[8] = {0};
    UErrorCode rs = U_ZERO_ERROR;
    icu::TimeZone::getRegion(*zone, region, sizeof region, rs);
    if (U_FAILURE(rs)) continue;
    std::vector<std::string> spellings;
    for (const auto& n : names) {
      icu::UnicodeString city;
      n->getExemplarLocationName(*zone, city);
      std::string utf8;
      city.toUTF8String(utf8);
      if (!utf8.empty()) spellings.push_back(std::move(utf8));
    }
    add_city(spellings, country_id_of(region, knowledge), {"entity.place.icu", where}, named, knowledge);
  }
  return {};
}

}  // namespace

std::string country_id_of(std::string_view alpha2, const Knowledge& knowledge) {
  std::string id = "country/" + std::string(alpha2);
  return knowledge.find(id) ? id : std::string();
}

std::unordered_set<std::string> folded_names(const Knowledge& knowledge) {
  std::unordered_set<std::string> named;
  for (const auto& n : knowledge.names) named.insert(fold(n.text));
  return named;
}

void add_listed_place(EntityRecord record, const std::vector<std::string>& spellings, Origin why,
                      std::unordered_set<std::string>& named, Knowledge& knowledge) {
  if (spellings.empty() || named.contains(fold(spellings.front())) || knowledge.find(record.id)) return;
  uint32_t e = knowledge.add_entity(std::move(record));
  for (const auto& s : spellings) {
    if (!named.contains(fold(s))) knowledge.add_name(s, e, kNameGazetteer, why);
  }
  for (const auto& s : spellings) named.insert(fold(s));
}

Result<void> add_cities(const std::filesystem::path& root, Knowledge& knowledge) {
  std::unordered_set<std::string> named = folded_names(knowledge);
  if (auto r = add_icu_cities(root, named, knowledge); !r) return r;
  return add_geonames_cities(root, named, knowledge);
}

}  // namespace claimtrace
