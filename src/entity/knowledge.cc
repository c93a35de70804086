#include "entity/knowledge.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <map>
#include <mutex>

#include "text/fold.h"

namespace claimtrace {
namespace {

// A name in an alphabet whose Latin transliteration is a spelling news
// uses: Cyrillic (Шойгу -> Shoygu), Greek, Hangul, Armenian, Georgian.
// Abjads and ideographs transliterate to nothing a Latin text writes
// (روسيا -> rwsya), and building ICU's rules for them was most of the
// start-up (Han-Latin alone ~0.1 s).
bool has_transliterable_script(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0x80) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) continue;
    switch (script) {
      case USCRIPT_CYRILLIC:
      case USCRIPT_GREEK:
      case USCRIPT_HANGUL:
      case USCRIPT_ARMENIAN:
      case USCRIPT_GEORGIAN:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace

uint8_t case_flags(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  // Per word: its first letter, its letter count and capitals.
  UChar32 first_letter = -1, word_first = -1, last_first = -1;
  int letters = 0, upper = 0, words = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == ' ') {
      word_first = -1;
      continue;
    }
    if (!u_isalpha(c)) continue;
    if (word_first < 0) {
      word_first = c;
      last_first = c;
      ++words;
    }
    if (first_letter < 0) first_letter = c;
    if (words == 1) {
      ++letters;
      if (u_isupper(c)) ++upper;
    }
  }
  if (first_letter < 0) return 0;
  uint8_t flags = 0;
  if (u_hasBinaryProperty(first_letter, UCHAR_CASED)) {
    if (letters >= 2 && upper == letters) {
      flags |= kNameAllCaps;
    } else if (u_isupper(first_letter)) {
      flags |= kNameCapital;
    }
  }
  if (words >= 2 && u_hasBinaryProperty(last_first, UCHAR_CASED) && u_isupper(last_first)) flags |= kNameCapitalLast;
  return flags;
}

std::string to_latin_ascii(std::string_view text) {
  static std::mutex mu;
  static icu::Transliterator* translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* t = icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status);
    return U_SUCCESS(status) ? t : nullptr;
  }();
  if (!translit) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard lock(mu);
    translit->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string slug(std::string_view name) {
  std::string folded = fold(name);
  bool ascii = true;
  for (unsigned char c : folded) ascii = ascii && c < 0x80;
  if (!ascii) folded = fold(to_latin_ascii(folded));
  // In place (what is written never passes what is read): letters and
  // digits kept, one '-' for each run of anything else between them.
  size_t n = 0;
  for (unsigned char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      folded[n++] = static_cast<char>(c);
    } else if (n > 0 && folded[n - 1] != '-') {
      folded[n++] = '-';
    }
  }
  while (n > 0 && folded[n - 1] == '-') --n;
  folded.resize(n);
  return folded;
}

EntityKeys entity_keys(std::string_view type, std::string_view kind, std::string_view country) {
  return {key_hash(type), key_hash(kind), key_hash(country)};
}

uint32_t Knowledge::add_entity(EntityRecord record) {
  if (auto it = by_id_.find(record.id); it != by_id_.end()) return it->second;
  auto index = static_cast<uint32_t>(entities.size());
  by_id_.emplace(record.id, index);
  by_country_[record.country].push_back(index);
  keys.push_back(entity_keys(record.type, record.kind, record.country));
  entities.push_back(std::move(record));
  return index;
}

const std::vector<uint32_t>& Knowledge::of_country(const std::string& country) const {
  static const std::vector<uint32_t> kNone;
  auto it = by_country_.find(country);
  return it == by_country_.end() ? kNone : it->second;
}

const EntityRecord* Knowledge::find(std::string_view id) const {
  int32_t i = index_of(id);
  return i < 0 ? nullptr : &entities[static_cast<size_t>(i)];
}

int32_t Knowledge::index_of(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : static_cast<int32_t>(it->second);
}

void Knowledge::drop_name(std::string_view text, uint32_t entity) {
  seen_[fold(text) + '\x1f' + entities[entity].id + "\x1f*"] = true;
}

void Knowledge::add_one(std::string text, uint32_t entity, uint8_t flags, Origin why) {
  if (text.empty()) return;
  // One entry per spelling that matches differently: "OTAN" (capitals) and
  // "Otan" (a capital) both; "Corée" and "Coree" once.
  uint8_t cased = case_flags(text);
  std::string key = fold(text) + '\x1f' + entities[entity].id;
  if (seen_.contains(key + "\x1f*")) return;  // dropped
  key += '\x1f' + std::to_string(cased);
  if (seen_.contains(key)) return;
  seen_.emplace(std::move(key), true);
  // A lower-case resource name ("nord-coréens") matches in any case; a
  // capitalized one asks the same of the text; an acronym asks for capitals.
  names.push_back({std::move(text), entity, static_cast<uint8_t>((flags & ~(kNameCapital | kNameAllCaps | kNameCapitalLast)) | cased), why});
}

void Knowledge::add_name(std::string_view text, uint32_t entity, uint8_t flags, Origin why) {
  std::string name(text);
  add_one(name, entity, flags, why);
  if (has_transliterable_script(name)) {
    std::string latin = to_latin_ascii(name);
    add_one(latin, entity, flags, why);
  }
  if (!(flags & kNameDemonym) && name.find('-') != std::string::npos) {
    std::string spaced = name;
    for (char& c : spaced) c = c == '-' ? ' ' : c;
    add_one(spaced, entity, flags, why);
  }
}

Result<std::shared_ptr<const Knowledge>> common_knowledge(const std::filesystem::path& root) {
  static std::mutex mu;
  static std::map<std::filesystem::path, std::shared_ptr<const Knowledge>> cache;
  std::lock_guard lock(mu);
  if (auto it = cache.find(root); it != cache.end()) return it->second;
  auto knowledge = std::make_shared<Knowledge>();
  if (auto r = add_countries(root, *knowledge); !r) return std::unexpected(r.error());
  if (auto r = add_curated(root, *knowledge); !r) return std::unexpected(r.error());
  if (auto r = add_cities(root, *knowledge); !r) return std::unexpected(r.error());
  if (auto r = add_subdivisions(root, *knowledge); !r) return std::unexpected(r.error());
  cache.emplace(root, knowledge);
  return std::shared_ptr<const Knowledge>(knowledge);
}

}  // namespace claimtrace
