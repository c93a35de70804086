#include "time/time_lexicon.h"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/intern.h"
#include "number/number_lexicon.h"
#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace::timelex {
namespace {

struct KindName {
  std::string_view name;
  Kind kind;
};

constexpr KindName kKinds[] = {
    {"month", Kind::kMonth},         {"weekday", Kind::kWeekday},   {"season", Kind::kSeason},
    {"part", Kind::kPart},           {"dir", Kind::kDir},           {"unit", Kind::kUnit},
    {"dayrel", Kind::kDayRel},       {"ref", Kind::kRef},           {"ago", Kind::kAgo},
    {"later", Kind::kLater},         {"ago_pre", Kind::kAgoPre},    {"in_pre", Kind::kInPre},
    {"since", Kind::kSince},         {"before", Kind::kBefore},     {"after", Kind::kAfter},
    {"until", Kind::kUntil},         {"from", Kind::kFrom},         {"to", Kind::kTo},
    {"between", Kind::kBetween},     {"and", Kind::kAnd},           {"pod", Kind::kPod},
    {"clock", Kind::kClock},         {"ampm", Kind::kAmPm},         {"hour_mark", Kind::kHourMark},
    {"minute_add", Kind::kMinuteAdd}, {"set", Kind::kSet},          {"set_adv", Kind::kSetAdv},
    {"ordinal", Kind::kOrdinal},     {"ord_suffix", Kind::kOrdSuffix}, {"det", Kind::kDet},
    {"of", Kind::kOf},               {"month_intro", Kind::kMonthIntro}, {"at", Kind::kAt},
    {"approx", Kind::kApprox},       {"year_intro", Kind::kYearIntro}, {"decade_intro", Kind::kDecadeIntro},
    {"few", Kind::kFew},             {"count", Kind::kCount},       {"more", Kind::kMore},
    {"less", Kind::kLess},           {"holiday", Kind::kHoliday},
    {"since_post", Kind::kSincePost}, {"until_post", Kind::kUntilPost}, {"for", Kind::kFor},
    {"past_to", Kind::kPastTo},      {"period_code", Kind::kPeriodCode}, {"look_back", Kind::kLookBack},
    {"at_loose", Kind::kAtLoose},    {"age", Kind::kAge},  {"stop", Kind::kStop},
    {"ampm_glued", Kind::kAmPmGlued}, {"approx_post", Kind::kApproxPost},
    {"clock_part", Kind::kClockPart},
};

bool kind_of(std::string_view name, Kind& out) {
  for (const auto& k : kKinds) {
    if (k.name == name) {
      out = k.kind;
      return true;
    }
  }
  return false;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// "janv." -> "janv"; CLDR abbreviations end with a period that the tokenizer splits off.
std::string strip_dot(std::string s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

void Lexicon::add(std::string_view phrase, Entry e, const TextRules& rules) {
  const auto index = static_cast<uint32_t>(entries_.size());
  std::string folded = fold(phrase);
  entries_.push_back(std::move(e));
  if (!folded.empty() && folded.back() == '\'' && folded.find(' ') == std::string::npos) {
    elided_[folded].push_back(index);
    return;
  }
  // "plus d'", "moins d'": a phrase that ends elided is matched before a word ("plus d'un an"), where
  // the tokenizer keeps the particle whole
  const bool elided_end = !folded.empty() && folded.back() == '\'';
  if (elided_end ? matcher_.add_elided(phrase, index, rules) : matcher_.add(phrase, index, rules)) {
    Document tokens = tokenize_phrase(elided_end ? std::string(phrase) + "x" : std::string(phrase), rules);
    if (elided_end) tokens.tokens.pop_back();
    set(first_tokens_, tokens.tokens.front().hash);
    if (tokens.tokens.size() > 1) {
      set(multi_first_tokens_, tokens.tokens.front().hash);
      set(pair_tokens_, combine_hash(combine_hash(0, tokens.tokens[0].hash), tokens.tokens[1].hash));
    } else {
      const Token& t = tokens.tokens.front();
      auto& bucket = single_[t.hash];
      const std::string key(tokens.folded_key(t));
      auto it = std::find_if(bucket.begin(), bucket.end(), [&](const auto& b) { return b.key == key; });
      if (it == bucket.end()) {
        bucket.push_back({key, {}});
        it = bucket.end() - 1;
      }
      if (std::find(it->entries.begin(), it->entries.end(), index) == it->entries.end()) {
        it->entries.push_back(index);
        it->kinds |= uint64_t{1} << static_cast<unsigned>(entries_[index].kind);
        it->exact = it->exact || !entries_[index].exact_forms.empty();
      }
    }
    if (strong(entries_[index].kind) && !entries_[index].weak) {
      const auto& toks = tokens.tokens;
      set(strong_last_tokens_, toks.back().hash);
      if (toks.size() == 1) set(strong_single_tokens_, toks.back().hash);
      else set(strong_last_pairs_, combine_hash(combine_hash(0, toks[toks.size() - 2].hash), toks.back().hash));
    }
    if (folded.find(' ') == std::string::npos) words_[folded].push_back(index);
  } else {
    entries_.pop_back();
  }
}

bool Lexicon::strong(Kind k) {
  switch (k) {
    case Kind::kMonth: case Kind::kWeekday: case Kind::kSeason: case Kind::kPart:
    case Kind::kUnit: case Kind::kDayRel: case Kind::kRef: case Kind::kPod: case Kind::kClock:
    case Kind::kSet: case Kind::kSetAdv: case Kind::kOrdinal: case Kind::kHoliday: case Kind::kPeriodCode:
      return true;  // not kDir: "ce", "this", "last" alone hold no time
    default:
      return false;
  }
}

const std::vector<uint32_t>* Lexicon::word(std::string_view folded) const {
  auto it = words_.find(folded);
  return it == words_.end() ? nullptr : &it->second;
}

int Lexicon::tense_of(std::string_view folded, uint64_t hash) const {
  if (auto it = tense_words_.find(hash); it != tense_words_.end()) return it->second;
  for (const auto& cue : tense_suffixes_) {
    if (folded.size() >= cue.form.size() + 2 && folded.ends_with(cue.form)) return cue.tense;
  }
  return 0;
}

Result<Lexicon> Lexicon::load(const LanguageContext& context) {
  Lexicon lex;
  static const TextRules kNoRules;
  const TextRules& rules = context.text_rules ? *context.text_rules : kNoRules;

  // Words whose month/weekday reading needs a date next to them (May, mars, Sat).
  auto ambiguous = load_optional_table(context.root, context.path("time", "ambiguous.tsv"), 1, 1);
  if (!ambiguous) return std::unexpected(ambiguous.error());
  std::unordered_set<std::string> ambiguous_words;
  for (const auto& row : ambiguous->rows) ambiguous_words.insert(fold(row[0]));

  auto settings = load_optional_table(context.root, context.path("time", "settings.tsv"), 2, 2);
  if (!settings) return std::unexpected(settings.error());
  for (const auto& row : settings->rows) {
    if (row[0] == "date_order") lex.day_first_ = row[1] != "MDY";
    if (row[0] == "month_case") lex.lower_months_ = row[1] != "capitalized";
  }

  // Month and weekday names from CLDR, every width and context.
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(context.lang.c_str()), status);
  if (U_FAILURE(status)) {
    return std::unexpected(Error{"", "time: no CLDR date symbols for '" + context.lang + "'"});
  }
  const std::string_view cldr = intern("icu/cldr DateFormatSymbols");
  using DFS = icu::DateFormatSymbols;
  for (auto ctx : {DFS::FORMAT, DFS::STANDALONE}) {
    for (auto width : {DFS::WIDE, DFS::ABBREVIATED}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, ctx, width);
      for (int32_t i = 0; i < count && i < 12; ++i) {
        std::string name = strip_dot(utf8(months[i]));
        if (name.empty()) continue;
        Entry e;
        e.kind = Kind::kMonth; e.ival = i + 1; e.abbrev = width == DFS::ABBREVIATED; e.where = cldr;
        std::string folded = fold(name);
        e.ambiguous = ambiguous_words.contains(folded);
        // An abbreviation that is the whole name (mai, juin, May) is not one.
        if (e.abbrev) {
          const std::string full = fold(strip_dot(utf8(symbols.getMonths(count, ctx, DFS::WIDE)[i])));
          if (full == folded) continue;
        }
        lex.add(name, std::move(e), rules);
      }
      const icu::UnicodeString* days = symbols.getWeekdays(count, ctx, width);
      for (int32_t i = 1; i < count && i <= 7; ++i) {  // [1] is Sunday
        std::string name = strip_dot(utf8(days[i]));
        if (name.empty()) continue;
        const int iso = i == 1 ? 7 : i - 1;
        Entry e;
        e.kind = Kind::kWeekday; e.ival = iso; e.abbrev = width == DFS::ABBREVIATED; e.where = cldr;
        e.ambiguous = ambiguous_words.contains(fold(name));
        lex.add(name, std::move(e), rules);
      }
    }
  }

  // What CLDR lacks.
  auto words = load_table(context.root, context.path("time", "words.tsv"), 2, 4);
  if (!words) return std::unexpected(words.error());
  for (const auto& row : words->rows) {
    Entry e;
    if (!kind_of(row[1], e.kind)) {
      return std::unexpected(Error{"", std::string(row.where) + ": unknown kind '" + row[1] + "'"});
    }
    if (e.kind == Kind::kAge) {  // checked in place, after a duration in years
      const std::string_view role = row.get(2);
      if (role != "pre" && role != "head" && role != "post")
        return std::unexpected(Error{"", std::string(row.where) + ": age role must be pre, head or post"});
      lex.age_[fold(row[0])] = role == "pre" ? 'p' : role == "head" ? 'h' : 'o';
      continue;
    }
    if (e.kind == Kind::kClockPart) {  // read in place in hyphenated words: number words stay out of the matcher
      int v = 0;
      const std::string_view value = row.get(2);
      if (std::from_chars(value.data(), value.data() + value.size(), v).ec != std::errc())
        return std::unexpected(Error{"", std::string(row.where) + ": clock_part needs a number"});
      lex.clock_parts_.emplace_back(fold(row[0]), v);
      continue;
    }
    if (e.kind == Kind::kLookBack || e.kind == Kind::kAtLoose) {  // checked in place: common words stay out of the matcher
      (e.kind == Kind::kLookBack ? lex.look_back_ : lex.at_loose_).insert(fold(row[0]));
      continue;
    }
    std::string_view value = row.get(2);
    int n = 0;
    if (!value.empty() && std::from_chars(value.data(), value.data() + value.size(), n).ec == std::errc()) {
      e.ival = n;
    }
    double f = 0;
    if (!value.empty() && std::from_chars(value.data(), value.data() + value.size(), f).ec == std::errc()) e.fval = f;
    e.sval = std::string(value);
    std::string_view flags = row.get(3);
    e.plural = flags.find("pl") != std::string_view::npos;
    e.singular = !e.plural || flags.find("sg") != std::string_view::npos;
    e.abbrev = flags.find("abbrev") != std::string_view::npos;
    e.in_span = flags.find("span") != std::string_view::npos;
    e.weak = flags.find("weak") != std::string_view::npos;
    e.post = flags.find("post") != std::string_view::npos;
    e.name = flags.find("name") != std::string_view::npos;
    e.stretch = flags.find("stretch") != std::string_view::npos;
    e.rate = flags.find("rate") != std::string_view::npos;
    e.prep = flags.find("prep") != std::string_view::npos;
    e.anaphoric = flags.find("anaphoric") != std::string_view::npos;
    e.past_prev = flags.find("past") != std::string_view::npos;
    if (flags.find("half") != std::string_view::npos) e.factor = 0.5;
    if (flags.find("twice") != std::string_view::npos) e.factor = 2;
    if (flags.find("exact") != std::string_view::npos) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(row[0]);
      std::string lower, upper;
      icu::UnicodeString(u).toLower().toUTF8String(lower);
      icu::UnicodeString first = icu::UnicodeString(u, 0, 1).toUpper();
      first.append(icu::UnicodeString(u, 1)).toUTF8String(upper);
      e.exact_forms = {lower, upper};
    }
    e.ambiguous = flags.find("ambiguous") != std::string_view::npos ||
                  ((e.kind == Kind::kMonth || e.kind == Kind::kWeekday) && ambiguous_words.contains(fold(row[0])));
    e.where = row.where;
    lex.add(row[0], std::move(e), rules);
  }

  // Holidays: fixed dates, Nth weekdays of a month, days counted from Easter.
  auto holidays = load_optional_table(context.root, context.path("time", "holidays.tsv"), 2, 2);
  if (!holidays) return std::unexpected(holidays.error());
  for (const auto& row : holidays->rows) {
    Entry e;
    e.kind = Kind::kHoliday;
    e.sval = row[1];
    e.where = row.where;
    lex.add(row[0], std::move(e), rules);
  }

  auto tense = load_optional_table(context.root, context.path("time", "tense.tsv"), 3, 3);
  if (!tense) return std::unexpected(tense.error());
  for (const auto& row : tense->rows) {
    const int t = row[1] == "future" ? 1 : row[1] == "past" ? -1 : 0;
    if (t == 0) return std::unexpected(Error{"", std::string(row.where) + ": tense must be future or past"});
    if (row[2] == "suffix") {
      lex.tense_suffixes_.push_back({fold(row[0]), true, t});
    } else {
      lex.tense_words_[key_hash(fold(row[0]))] = t;
    }
  }

  auto numbers = number::NumberLexicon::load(context);
  if (!numbers) return std::unexpected(numbers.error());
  lex.numbers_ = std::make_shared<const number::NumberLexicon>(std::move(*numbers));
  return lex;
}

int Lexicon::cardinal(std::string_view folded) const {
  const number::NumberWord* w = numbers_ ? numbers_->word(folded) : nullptr;
  if (!w || w->article || w->pronoun) return 0;
  return w->kind == number::WordKind::kUnit || w->kind == number::WordKind::kTen ? static_cast<int>(w->value) : 0;
}

}  // namespace claimtrace::timelex
