// Countries from the libraries that keep them: ICU/CLDR region display names
// in the locales of common/entity/country_locales.tsv, Debian iso-codes
// (ISO 3166-1 names, official and common forms, and their gettext
// translations), then the curated additions, drops and government seats.
#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/intern.h"
#include "entity/iso_codes.h"
#include "entity/knowledge.h"
#include "resources/table.h"

namespace claimtrace {
namespace {

namespace fs = std::filesystem;

struct IsoCountry {
  std::string alpha2, alpha3, name, common_name, official_name;
};

std::vector<IsoCountry> load_iso_codes() {
  std::vector<IsoCountry> out;
  std::string content = read_whole_file(iso_codes_dir() / "iso_3166-1.json");
  if (content.empty()) return out;
  auto j = nlohmann::json::parse(content, nullptr, false);
  if (j.is_discarded() || !j.contains("3166-1")) return out;
  for (const auto& c : j["3166-1"]) {
    IsoCountry country;
    country.alpha2 = c.value("alpha_2", "");
    country.alpha3 = c.value("alpha_3", "");
    country.name = c.value("name", "");
    country.common_name = c.value("common_name", "");
    country.official_name = c.value("official_name", "");
    if (country.alpha2.size() == 2) out.push_back(std::move(country));
  }
  return out;
}

std::string display_country(const char* code, const icu::Locale& in) {
  icu::UnicodeString name;
  icu::Locale("", code).getDisplayCountry(in, name);
  std::string out;
  name.toUTF8String(out);
  return out;
}

// "Myanmar (Burma)" -> {"Myanmar", "Burma"}; "Congo - Kinshasa" stays whole.
std::vector<std::string> split_display_name(const std::string& name) {
  std::vector<std::string> out;
  auto open = name.find(" (");
  if (open != std::string::npos && name.back() == ')') {
    out.push_back(name.substr(0, open));
    out.push_back(name.substr(open + 2, name.size() - open - 3));
  } else {
    out.push_back(name);
  }
  return out;
}

// iso-codes index forms are inverted: "Korea, Republic of" is written
// "Republic of Korea", "Russie, Fédération de" "Fédération de Russie".
void add_iso_name(Knowledge& knowledge, const std::string& name, uint32_t entity, std::string_view where) {
  auto comma = name.find(", ");
  if (comma == std::string::npos) {
    knowledge.add_name(name, entity, 0, {"entity.country.iso", where});
  } else if (name.find(", ", comma + 2) == std::string::npos) {
    knowledge.add_name(name.substr(comma + 2) + " " + name.substr(0, comma), entity, 0, {"entity.country.iso", where});
  }
}

}  // namespace

Result<void> add_countries(const fs::path& root, Knowledge& knowledge) {
  auto locales = load_table(root, "common/entity/country_locales.tsv", 1, 2);
  if (!locales) return std::unexpected(locales.error());
  auto extra = load_table(root, "common/entity/country_names.tsv", 3, 3);
  if (!extra) return std::unexpected(extra.error());
  auto seats = load_table(root, "common/entity/seats.tsv", 3, 3);
  if (!seats) return std::unexpected(seats.error());

  std::vector<IsoCountry> iso = load_iso_codes();
  if (iso.empty()) {
    // No iso-codes: ICU's own list of regions.
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      IsoCountry c;
      c.alpha2 = *code;
      iso.push_back(std::move(c));
    }
  }
  const icu::Locale english("en");
  std::unordered_map<std::string, uint32_t> by_code;
  for (const auto& c : iso) {
    std::string name = split_display_name(display_country(c.alpha2.c_str(), english)).front();
    if (name.empty() || name == c.alpha2) name = c.common_name.empty() ? c.name : c.common_name;
    EntityRecord record;
    record.id = "country/" + c.alpha2;
    record.type = "COUNTRY";
    record.name = name;
    record.country = record.id;
    record.kind = "country";
    by_code[c.alpha2] = knowledge.add_entity(std::move(record));
  }
  auto entity_of = [&](const TableRow& row) -> Result<uint32_t> {
    auto it = by_code.find(row[0]);
    if (it == by_code.end()) return fail(std::string(row.where), fmt::format("unknown country code '{}'", row[0]));
    return it->second;
  };

  // Drops first, so that the sources below never add them.
  for (const auto& row : extra->rows) {
    auto e = entity_of(row);
    if (!e) return std::unexpected(e.error());
    if (row[2] == "drop") {
      knowledge.drop_name(row[1], *e);
    } else if (row[2] != "add") {
      return fail(std::string(row.where), "third field must be add or drop");
    }
  }
  for (const auto& row : extra->rows) {
    if (row[2] == "add") knowledge.add_name(row[1], *entity_of(row), 0, {"entity.country.curated", row.where});
  }

  const std::string_view icu_where = intern("ICU/CLDR region display names");
  const std::string_view iso_where = intern("iso-codes iso_3166-1");
  for (const auto& row : locales->rows) {
    const icu::Locale locale(row[0].c_str());
    auto translations = load_iso_translations(row[0], "iso_3166-1");
    for (const auto& c : iso) {
      uint32_t e = by_code[c.alpha2];
      std::string name = display_country(c.alpha2.c_str(), locale);
      if (!name.empty() && name != c.alpha2) {
        for (const auto& part : split_display_name(name)) knowledge.add_name(part, e, 0, {"entity.country.icu", icu_where});
      }
      for (const std::string* english_name : {&c.name, &c.common_name, &c.official_name}) {
        if (english_name->empty()) continue;
        if (row[0] == "en") {
          add_iso_name(knowledge, *english_name, e, iso_where);
        } else if (auto it = translations.find(*english_name); it != translations.end()) {
          add_iso_name(knowledge, it->second, e, iso_where);
        }
      }
    }
  }

  for (const auto& row : seats->rows) {
    auto e = entity_of(row);
    if (!e) return std::unexpected(e.error());
    knowledge.add_name(row[1], *e, kNameMetonym, {"entity.country.seat", row.where});
  }
  return {};
}

}  // namespace claimtrace
