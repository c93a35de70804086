#include "quantity/cldr_names.h"

#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uchar.h>

#include <algorithm>

namespace claimtrace::quantity {
namespace {

// `text` without the number `digits` ICU wrote into it and the spaces around.
std::string without_number(const icu::UnicodeString& text, const icu::UnicodeString& digits) {
  icu::UnicodeString s(text);
  int32_t at = s.indexOf(digits);
  if (at < 0) return {};
  s.remove(at, digits.length());
  auto space = [](UChar32 c) { return u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F; };
  int32_t lo = 0, hi = s.length();
  while (lo < hi && space(s.char32At(lo))) lo = s.moveIndex32(lo, 1);
  while (hi > lo && space(s.char32At(s.moveIndex32(hi, -1)))) hi = s.moveIndex32(hi, -1);
  std::string out;
  s.tempSubStringBetween(lo, hi).toUTF8String(out);
  return out;
}

void add_unique(std::vector<std::string>& names, std::string name) {
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> cldr_unit_names(std::string_view lang, std::string_view id, bool with_short) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MeasureUnit unit = icu::MeasureUnit::forIdentifier(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())), status);
  if (U_FAILURE(status)) return {};
  auto formatter = icu::number::NumberFormatter::withLocale(icu::Locale(std::string(lang).c_str())).unit(unit);
  std::vector<std::string> names;
  for (UNumberUnitWidth width : {UNUM_UNIT_WIDTH_FULL_NAME, UNUM_UNIT_WIDTH_SHORT}) {
    if (width == UNUM_UNIT_WIDTH_SHORT && !with_short) break;
    auto f = formatter.unitWidth(width);
    // 1 and 2 fall in the "one" and "other" plural categories of fr and en.
    for (int n : {1, 2}) {
      UErrorCode e = U_ZERO_ERROR;
      icu::UnicodeString text = f.formatInt(n, e).toString(e);
      if (U_FAILURE(e)) continue;
      add_unique(names, without_number(text, icu::UnicodeString(static_cast<UChar>(u'0' + n))));
    }
  }
  return names;
}

std::vector<CurrencyName> cldr_currency_symbols(std::string_view lang) {
  const std::string locale(lang);
  std::vector<CurrencyName> all;
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  if (U_FAILURE(status)) return {};
  const char* code = nullptr;
  while ((code = uenum_next(codes, nullptr, &status)) && U_SUCCESS(status)) {
    UChar iso[4] = {};
    u_charsToUChars(code, iso, 3);
    std::vector<std::string> mine;
    for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
      UErrorCode e = U_ZERO_ERROR;
      UBool is_choice = false;
      int32_t len = 0;
      const UChar* name = ucurr_getName(iso, locale.c_str(), style, &is_choice, &len, &e);
      if (U_FAILURE(e) || !name) continue;
      icu::UnicodeString symbol(name, len);
      // Only symbols with a currency sign or a letter beyond ASCII ("₹", "R$",
      // "zł"): plain letters ("R", "kr", "Rs", the code) are words or codes.
      // Nor one ASCII letter and a sign: phrases match case-insensitively,
      // and "a $ 4 billion" is no "A$".
      bool marked = false, other_letters = false;
      int ascii_letters = 0;
      for (int32_t k = 0; k < symbol.length(); k = symbol.moveIndex32(k, 1)) {
        UChar32 c = symbol.char32At(k);
        if (u_charType(c) == U_CURRENCY_SYMBOL) marked = true;
        if (u_isalpha(c)) (c < 0x80 ? ++ascii_letters : (marked = other_letters = true));
      }
      if (ascii_letters == 1 && !other_letters) marked = false;
      std::string utf8;
      symbol.toUTF8String(utf8);
      if (marked) add_unique(mine, std::move(utf8));
    }
    for (auto& m : mine) all.push_back({std::move(m), code});
  }
  uenum_close(codes);
  // A symbol several currencies write ("$", "£", "¥") names none of them.
  std::vector<CurrencyName> out;
  for (const auto& c : all) {
    auto same = [&](const CurrencyName& o) { return o.name == c.name; };
    if (std::count_if(all.begin(), all.end(), same) == 1) out.push_back(c);
  }
  return out;
}

std::vector<CurrencyName> cldr_currency_names(std::string_view lang) {
  std::vector<CurrencyName> out;
  const std::string locale(lang);
  UErrorCode status = U_ZERO_ERROR;
  // Replaced currencies too: older news names "marks allemands", "lires italiennes".
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_ALL, &status);
  if (U_FAILURE(status)) return out;
  const char* code = nullptr;
  while ((code = uenum_next(codes, nullptr, &status)) && U_SUCCESS(status)) {
    UChar iso[4] = {};
    u_charsToUChars(code, iso, 3);
    std::vector<std::string> names;
    for (const char* plural : {"one", "other"}) {
      UErrorCode e = U_ZERO_ERROR;
      UBool is_choice = false;
      int32_t len = 0;
      const UChar* name = ucurr_getPluralName(iso, locale.c_str(), &is_choice, plural, &len, &e);
      if (U_FAILURE(e) || !name) continue;
      std::string utf8;
      icu::UnicodeString(name, len).toUTF8String(utf8);
      // The code itself ("SLE": no translation) or a historic name ("... (2008–2018)").
      if (utf8 == code || utf8.find('(') != std::string::npos) continue;
      add_unique(names, std::move(utf8));
    }
    for (auto& n : names) out.push_back({std::move(n), code});
  }
  uenum_close(codes);
  return out;
}

}  // namespace claimtrace::quantity
