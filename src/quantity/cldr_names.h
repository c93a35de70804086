// Unit and currency names as CLDR writes them in a language, read through
// ICU once at load: the long names of a unit in the singular and the plural
// ("kilomètre", "kilomètres"; "square feet") and the long names of the
// currencies in use ("couronne suédoise", "couronnes suédoises", "US
// dollars"). They widen the hand-written lexicons with names no one listed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimtrace::quantity {

// The distinct long names of the CLDR unit `id` ("kilometer",
// "square-foot") in `lang`, for one and for several, and with `with_short`
// its abbreviations ("mi", "lb"); empty when ICU does not know the unit.
std::vector<std::string> cldr_unit_names(std::string_view lang, std::string_view id, bool with_short);

struct CurrencyName {
  std::string name;  // "couronnes suédoises"
  std::string iso;   // "SEK"
};

// The long names (singular and plural) of the ISO 4217 currencies, current
// and replaced ones, in `lang`. Names ICU has no translation for (the code itself) and historic
// names with dates are left out.
std::vector<CurrencyName> cldr_currency_names(std::string_view lang);

// The currency symbols of `lang` that name one current currency and carry a
// currency sign or a letter beyond ASCII ("₹", "R$", "$CA", "zł"); "$" and
// "£", written for several, are left to the language's own table.
std::vector<CurrencyName> cldr_currency_symbols(std::string_view lang);

}  // namespace claimtrace::quantity
