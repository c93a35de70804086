// Cities of the world from ICU/CLDR: the exemplar cities of the time zones
// ("Kuala Lumpur", "Vladivostok"), named in the locales of
// common/entity/city_locales.tsv, each with the country of its zone. A city
// already named by another entity (a capital standing for its state in
// seats.tsv, a curated place) is left to that entity.
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

Result<void> add_cities(const std::filesystem::path& root, Knowledge& knowledge) {
  auto locales = load_optional_table(root, "common/entity/city_locales.tsv", 1, 2);
  if (!locales) return std::unexpected(locales.error());
  if (locales->rows.empty()) return {};
  std::unordered_set<std::string> named;
  for (const auto& n : knowledge.names) named.insert(fold(n.text));

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
    std::string country = "country/" + std::string(region);
    if (!knowledge.find(country)) country.clear();
    std::vector<std::string> spellings;
    for (const auto& n : names) {
      icu::UnicodeString city;
      n->getExemplarLocationName(*zone, city);
      std::string utf8;
      city.toUTF8String(utf8);
      if (!utf8.empty()) spellings.push_back(std::move(utf8));
    }
    if (spellings.empty() || named.contains(fold(spellings.front()))) continue;
    EntityRecord r = EntityRecord::make("place/" + slug(spellings.front()), "GPE", spellings.front(), country, "city", "city");
    if (knowledge.find(r.id)) continue;
    uint32_t e = knowledge.add_entity(std::move(r));
    for (const auto& s : spellings) {
      if (!named.contains(fold(s))) knowledge.add_name(s, e, 0, {"entity.place.icu", where});
    }
  }
  return {};
}

}  // namespace claimtrace
