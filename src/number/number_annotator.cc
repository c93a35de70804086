#include "number/number_annotator.h"

#include <algorithm>
#include <cmath>

#include "number/atoms.h"
#include "number/bounds.h"
#include "number/digit_shapes.h"
#include "number/number_lexicon.h"
#include "number/ranges.h"
#include "number/word_numerals.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

using number::Atom;
using number::Part;
using number::WordKind;

class NumberAnnotator final : public Annotator {
 public:
  NumberAnnotator(number::NumberLexicon words, number::BoundLexicon bounds)
      : words_(std::move(words)), bounds_(std::move(bounds)) {
    may_matter_.add_all(words_.opener_filter(), kMayOpen);
    may_matter_.add_all(bounds_.vague_end_filter(), kMayEndVague);
    may_matter_.add_all(words_.stand_alone_filter(), kMayStandAlone);
  }
  std::string_view name() const override { return "number"; }
  void annotate(Document& doc) const override;

 private:
  struct Scratch {
    std::vector<Part> parts;
    std::vector<uint8_t> may_end;
    std::vector<bool> part_scaled;
    std::vector<uint32_t> part_first, part_end;
    std::vector<const number::NumberWord*> pieces;
    std::vector<uint32_t> starts;      // tokens where a numeral may start
    std::vector<uint32_t> vague_ends;  // tokens where a vague amount may end
    void clear_run() {
      parts.clear();
      may_end.clear();
      part_first.clear();
      part_end.clear();
      part_scaled.clear();
    }
  };
  // Whether token t may start a numeral or end a vague amount: one filter
  // probe for most tokens.
  bool may_be_candidate(const Token& t) const {
    return t.kind == TokenKind::kNumber || t.has(kHyphenated) || may_matter_.may_contain(t.hash);
  }
  uint32_t find_candidates(const Document& doc, uint32_t from, uint32_t end, uint32_t last, Scratch& scratch) const;
  void sentence(const Document& doc, uint32_t first, uint32_t end, std::vector<Atom>& atoms, Scratch& scratch) const;
  void hyphen_prefix(const Document& doc, uint32_t i, std::vector<Atom>& atoms) const;
  // Whether token i (of a sentence ending at `end`) may add to an open run:
  // anything but a plain word that is no number word nor the first of a
  // two-word entry (a superset of what sentence() reads inside a run).
  bool may_continue_run(const Document& doc, uint32_t i, uint32_t end) const {
    if (i >= end) return false;
    const Token& t = doc.tokens[i];
    return t.kind != TokenKind::kWord || t.has(kHyphenated) || words_.may_be_word(t.hash);
  }
  // Whether a "to" cue of bounds.tsv ("à", "-") at token i leads to a number word.
  bool opens_range(const Document& doc, uint32_t i) const;
  void flush_run(const Document& doc, const std::vector<Part>& parts, const std::vector<uint8_t>& may_end,
                 const std::vector<uint32_t>& part_first, const std::vector<uint32_t>& part_end,
                 const std::vector<bool>& part_scaled, std::vector<Atom>& atoms, uint32_t& skip_until) const;

  number::NumberLexicon words_;
  number::BoundLexicon bounds_;
  // Hashes of every word the stage reads alone, tagged: the number words a
  // numeral may start with ("and", "of" are read only inside a run), the
  // last words of vague amounts.
  // kMayStandAlone: the number words that may make a numeral alone (not "a", "minus").
  enum : uint8_t { kMayOpen = 1, kMayEndVague = 2, kMayStandAlone = 4 };
  // Whether sentence() would open no run at word token i with no run open,
  // known from its tags without a lookup: its number words, if any, cannot
  // stand alone and the next token cannot continue a run (the rule for "a"
  // before a plain word there). Such words are no candidates: each cost a
  // lookup and most sentences hold one.
  bool opens_nothing(const Document& doc, uint32_t i, uint32_t end, uint8_t tags) const {
    const Token& t = doc.tokens[i];
    return t.kind == TokenKind::kWord && !t.has(kHyphenated) && !(tags & kMayStandAlone) &&
           !may_continue_run(doc, i + 1, end);
  }
  number::HashFilter may_matter_;
};

// Parts of a word token: the token itself, or its hyphen-separated pieces
// when each is a number word ("quatre-vingt-dix-neuf", "twenty-one").
bool word_parts_slow(const Document& doc, const Token& t, const number::NumberLexicon& lex,
                     std::vector<const number::NumberWord*>& out) {
  std::string_view key = doc.folded_key(t);
  if (const auto* w = lex.word(t.hash, key)) {
    out.push_back(w);
    return true;
  }
  if (!t.has(kHyphenated)) return false;
  size_t start = 0;
  while (start <= key.size()) {
    size_t dash = key.find('-', start);
    std::string_view piece = key.substr(start, dash == std::string_view::npos ? key.npos : dash - start);
    const auto* w = lex.word(piece);
    if (!w) return false;
    out.push_back(w);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return !out.empty();
}

// Punctuation that ends a phrase (the word before it has nothing after it
// in its phrase): . , ; : ! ? … ) ] » and the like, not « ( [ ".
bool closes(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view p = doc.normalized_of(t);
  static constexpr std::string_view kClosing[] = {".", ",", ";", ":", "!", "?", ")", "]", "\u00bb", "\u2026"};
  return std::any_of(std::begin(kClosing), std::end(kClosing), [&](std::string_view c) { return p.starts_with(c); });
}

// Most tokens are turned away by the filter, inline.
inline bool word_parts(const Document& doc, const Token& t, const number::NumberLexicon& lex,
                       std::vector<const number::NumberWord*>& out) {
  out.clear();
  if (!t.has(kHyphenated) && !lex.may_be_word(t.hash)) return false;
  return word_parts_slow(doc, t, lex, out);
}

Part part_of(const number::NumberWord& w, std::string_view key) {
  Part p;
  p.kind = w.kind;
  p.value = w.value;
  p.times_twenty = w.times_twenty;
  p.words_only = w.words_only;
  p.units_only = w.units_only;
  p.counts_alone = w.counts_alone;
  p.article = w.article || w.kind == WordKind::kArticle;
  p.ordinal = w.ordinal;
  p.approx = w.approx;
  p.plural = !key.empty() && key.back() == 's';
  return p;
}

void NumberAnnotator::flush_run(const Document& doc, const std::vector<Part>& parts,
                                const std::vector<uint8_t>& may_end, const std::vector<uint32_t>& part_first,
                                const std::vector<uint32_t>& part_end, const std::vector<bool>& part_scaled,
                                std::vector<Atom>& atoms, uint32_t& skip_until) const {
  size_t start = 0;
  while (start < parts.size()) {
    double value = 0;
    size_t n = number::longest_numeral(std::span(parts).subspan(start), std::span(may_end).subspan(start), value);
    if (n == 0) {
      ++start;
      continue;
    }
    // A run that starts inside a token (a hyphen piece) cannot stand.
    if (start > 0 && part_first[start] == part_first[start - 1]) {
      ++start;
      continue;
    }
    Atom a;
    a.first = part_first[start];
    a.end = part_end[start + n - 1];
    a.span.at = number::extent_of(doc, a.first, a.end);
    a.span.amount.value = value;
    bool words = false, scaled = false;
    for (size_t k = start; k < start + n; ++k) {
      words |= !parts[k].digits;
      scaled |= part_scaled[k] || parts[k].kind == WordKind::kScale;
      a.span.amount.approx |= parts[k].approx;
    }
    a.span.scaled = scaled;
    a.span.why = {words ? "number.words" : "number.digits", {}};
    // "un sur cinq", "9 out of 10": a share, no count.
    if (std::any_of(parts.begin() + start, parts.begin() + start + n, [](const Part& p) { return p.kind == WordKind::kOver; })) {
      a.span.role = NumberRole::kRatio;
      a.span.why.rule = "number.ratio";
    }
    if (words && n == 1) {
      const Token& t = doc.tokens[a.first];
      const auto* w = words_.word(t.hash, doc.folded_key(t));
      if (w) {
        a.span.why.resource = w->where;
        // French "un"/"une" alone is the indefinite article, not a count;
        // an article always has its noun after it, so before punctuation or
        // at the end it is the number: "il en reste un.", "un".
        // So is it before the second end of a range: "une à deux semaines".
        // Not before an opening quote or bracket: "d'une « forme »".
        if (w->article && a.end < doc.tokens.size() && !closes(doc, a.end) && !opens_range(doc, a.end)) {
          start += n;
          continue;
        }
      }
    }
    // "un cinquième mandat", "a fifth term": an article and an ordinal before
    // a noun are the fifth, not a fifth; the fraction takes "de", "of".
    if (parts[start].article && parts[start + n - 1].kind == WordKind::kDenominator &&
        parts[start + n - 1].ordinal && !parts[start + n - 1].plural && a.end < doc.tokens.size() &&
        doc.tokens[a.end].kind == TokenKind::kWord && !words_.is_fraction_of(doc.tokens[a.end].hash)) {
      start += n;
      continue;
    }
    const Token& t0 = doc.tokens[a.first];
    if (!words && n == 1 && value >= 1000 && value <= 2100 && value == static_cast<int64_t>(value) &&
        !t0.has(kDigitGroups) && doc.normalized_of(t0).size() == 4 && a.end == a.first + 1) {
      a.span.role = NumberRole::kYear;
    }
    if (a.end < doc.tokens.size()) {
      std::vector<PhraseMatcher::Match> pm;
      words_.percent().matches_at(doc, a.end, static_cast<uint32_t>(doc.tokens.size()), pm);
      if (!pm.empty()) {
        a.span.role = NumberRole::kPercent;
        skip_until = pm.front().end;  // the "cent" of "pour cent" is no number
      }
    }
    // "à 14 heures", "at 6 o'clock": a time of day.
    if (n == 1 && value >= 0 && value <= 24 && value == static_cast<int64_t>(value) && a.end < doc.tokens.size()) {
      std::vector<PhraseMatcher::Match> after;
      words_.time_after().matches_at(doc, a.end, static_cast<uint32_t>(doc.tokens.size()), after);
      bool is_time = false;
      for (const auto& m : after) {
        if (words_.time_after_alone(m.payload)) is_time = true;
      }
      if (!after.empty() && !is_time) {
        std::vector<PhraseMatcher::Match> before;
        for (uint32_t back = 1; back <= 2 && back <= a.first && !is_time; ++back) {
          before.clear();
          words_.time_before().matches_at(doc, a.first - back, a.first, before);
          for (const auto& m : before) is_time |= m.end == a.first;
        }
      }
      if (is_time) {
        a.span.role = NumberRole::kTimeOfDay;
        a.span.why.rule = "number.time_of_day";
      }
    }
    // "16 mai 2012", "May 16": a day of the month.
    if (!words && n == 1 && value >= 1 && value <= 31 && value == static_cast<int64_t>(value) &&
        ((a.end < doc.tokens.size() && words_.is_month(doc.tokens[a.end].hash)) ||
         (a.first > 0 && words_.is_month(doc.tokens[a.first - 1].hash)))) {
      a.span.role = NumberRole::kDatePart;
      a.span.why.rule = "number.day_of_month";
    }
    atoms.push_back(a);
    start += n;
  }
}

// The tokens of [from, end), the rest of a sentence, where a numeral may
// start (digits, hyphenated words: "twenty-one", "six-mile", and number
// words that may open one, but not "a" before a plain word: opens_nothing)
// and where a vague amount may end. Most tokens are plain words, turned
// away by one filter probe in a loop with no bound test: `last` is one past
// the document's last token may_be_candidate lets through, and the loop
// may run on into later sentences. Returns where it stopped: the tokens
// from `from` to there are no candidates, and a later sentence goes on
// from there.
uint32_t NumberAnnotator::find_candidates(const Document& doc, uint32_t from, uint32_t end, uint32_t last,
                                          Scratch& scratch) const {
  scratch.starts.clear();
  scratch.vague_ends.clear();
  const Token* const tokens = doc.tokens.data();
  uint32_t i = from;
  while (i < last) {
    const Token* t = tokens + i;
    while (!may_be_candidate(*t)) ++t;
    i = static_cast<uint32_t>(t - tokens);
    if (i >= end) break;
    const uint8_t tags = may_matter_.tags(t->hash);
    if ((t->kind == TokenKind::kNumber || t->has(kHyphenated) || (tags & kMayOpen)) && !opens_nothing(doc, i, end, tags))
      scratch.starts.push_back(i);
    if (tags & kMayEndVague) scratch.vague_ends.push_back(i);
    ++i;
  }
  return i;
}

void NumberAnnotator::sentence(const Document& doc, uint32_t first, uint32_t end, std::vector<Atom>& atoms,
                               Scratch& scratch) const {
  auto& parts = scratch.parts;
  auto& may_end = scratch.may_end;
  auto& part_scaled = scratch.part_scaled;
  auto& part_first = scratch.part_first;
  auto& part_end = scratch.part_end;
  auto& pieces = scratch.pieces;
  uint32_t skip_until = first;
  // Called at nearly every token; an empty run has nothing to flush, and
  // the frequent run of one "a" before a plain word composes nothing.
  auto flush = [&] {
    if (parts.empty()) return;
    if (parts.size() > 1 || number::may_stand_alone(parts[0].kind)) {
      flush_run(doc, parts, may_end, part_first, part_end, part_scaled, atoms, skip_until);
    }
    scratch.clear_run();
  };
  // With no run open, only a start may open one: "and", "of" do nothing.
  auto next_candidate = scratch.starts.begin();
  for (uint32_t i = first; i < end;) {
    // With no run open, nothing happens on a token that is no candidate.
    if (parts.empty()) {
      while (next_candidate != scratch.starts.end() && *next_candidate < i) ++next_candidate;
      if (next_candidate == scratch.starts.end()) break;
      i = *next_candidate;
    }
    const Token& t = doc.tokens[i];
    if (i < skip_until && parts.empty()) {
      ++i;
      continue;
    }
    if (t.kind == TokenKind::kNumber) {
      number::DigitResult r;
      uint32_t next = number::read_digits(doc, i, first, end, words_, atoms, r);
      if (r.is_part) {
        // Two digit values in a row never compose; a glued piece ends the run.
        parts.push_back(r.part);
        may_end.push_back(true);
        part_first.push_back(r.first);
        part_end.push_back(r.end);
        part_scaled.push_back(r.scaled);
      } else {
        flush();
      }
      i = next;
      continue;
    }
    // Two-word entries: "one out of three".
    if (t.kind == TokenKind::kWord && !parts.empty() && i + 1 < end && words_.may_start_pair(t.hash)) {
      if (const auto* w = words_.pair(t.hash, doc.folded_key(t), doc.folded_key(doc.tokens[i + 1]))) {
        parts.push_back(part_of(*w, {}));
        may_end.push_back(true);
        part_first.push_back(i);
        part_end.push_back(i + 2);
        part_scaled.push_back(false);
        i += 2;
        continue;
      }
    }
    if (t.kind != TokenKind::kNumber && word_parts(doc, t, words_, pieces)) {
      const auto* w0 = pieces.front();
      // "the one", "this one": a pronoun.
      if (w0->pronoun && i > first && words_.is_determiner(doc.folded_key(doc.tokens[i - 1]))) {
        flush();
        ++i;
        continue;
      }
      // "plus or minus 3": a tolerance, no sign; "cinq moins deux", "ten
      // minus three": a difference, no sign either.
      if (w0->kind == WordKind::kNegative && pieces.size() == 1 && i > first &&
          ((!parts.empty() && parts.back().kind != WordKind::kAnd) || doc.tokens[i - 1].kind == TokenKind::kNumber ||
           words_.is_not_negative_after(doc.folded_key(doc.tokens[i - 1])))) {
        flush();
        ++i;
        continue;
      }
      // "and", "et", "over" alone open no run: no numeral starts with them,
      // and a frequent word left out of the run spares its flush.
      if (parts.empty() && pieces.size() == 1 && !number::may_open_numeral(w0->kind)) {
        ++i;
        continue;
      }
      // "a", "un" before a plain word: a run of one word that cannot stand
      // alone, which the next token cannot continue, composes nothing.
      if (parts.empty() && pieces.size() == 1 && !number::may_stand_alone(w0->kind) &&
          !may_continue_run(doc, i + 1, end)) {
        ++i;
        continue;
      }
      std::string_view key = doc.folded_key(t);
      for (size_t k = 0; k < pieces.size(); ++k) {
        std::string_view piece_key = pieces.size() == 1 ? key : std::string_view();
        if (pieces.size() > 1) {
          size_t pos = 0;
          for (size_t m = 0; m < k; ++m) pos = key.find('-', pos) + 1;
          size_t dash = key.find('-', pos);
          piece_key = key.substr(pos, dash == std::string_view::npos ? key.npos : dash - pos);
        }
        parts.push_back(part_of(*pieces[k], piece_key));
        may_end.push_back(k + 1 == pieces.size());
        part_first.push_back(i);
        part_end.push_back(i + 1);
        part_scaled.push_back(false);
      }
      ++i;
      continue;
    }
    // A spaced hyphen inside a numeral: "fifty - two", "one - fourth".
    if (!parts.empty() && number::is_punct(doc, i, "-") && i + 1 < end &&
        doc.tokens[i + 1].kind == TokenKind::kWord && word_parts(doc, doc.tokens[i + 1], words_, pieces) &&
        !parts.back().digits) {
      ++i;
      continue;
    }
    flush();
    // "six-mile", "three-ton": number words before a hyphen inside one word
    // make a number glued into the word (the quantity annotator reads the rest).
    if (t.kind == TokenKind::kWord && t.has(kHyphenated)) hyphen_prefix(doc, i, atoms);
    ++i;
  }
  flush();
}

bool NumberAnnotator::opens_range(const Document& doc, uint32_t i) const {
  std::vector<PhraseMatcher::Match> ms;
  bounds_.cues().matches_at(doc, i, static_cast<uint32_t>(doc.tokens.size()), ms);
  std::vector<const number::NumberWord*> pieces;
  for (const auto& m : ms) {
    if (bounds_.cue(m.payload).kind == number::BoundKind::kTo && m.end < doc.tokens.size() &&
        word_parts(doc, doc.tokens[m.end], words_, pieces) && !pieces.front()->article) {
      return true;
    }
  }
  return false;
}

void NumberAnnotator::hyphen_prefix(const Document& doc, uint32_t i, std::vector<Atom>& atoms) const {
  const Token& t = doc.tokens[i];
  std::string_view key = doc.folded_key(t);
  std::string_view norm = doc.normalized_of(t);
  std::vector<Part> parts;
  size_t start = 0, last_dash = 0;
  while (true) {
    size_t dash = key.find('-', start);
    if (dash == std::string_view::npos) break;
    const auto* w = words_.word(key.substr(start, dash - start));
    if (!w) break;
    parts.push_back(part_of(*w, key.substr(start, dash - start)));
    last_dash = dash;
    start = dash + 1;
  }
  if (parts.empty()) return;
  auto v = number::compose(parts);
  if (!v) return;
  // The folded key and the normalized text differ in length only through
  // accents; the number pieces are ASCII here, so find the dash in the text.
  size_t dash_in_text = 0;
  for (size_t k = 0, seen = 0; k < norm.size(); ++k) {
    if (norm[k] == '-' && ++seen == parts.size()) {
      dash_in_text = k;
      break;
    }
  }
  if (dash_in_text == 0) return;
  (void)last_dash;
  Atom a;
  a.first = i;
  a.end = i + 1;
  a.plain = false;
  a.span.at = {t.at.start, doc.normalized.original(t.nstart + static_cast<uint32_t>(dash_in_text))};
  a.span.amount.value = *v;
  a.span.in_word = true;
  a.span.why = {"number.hyphen_prefix", {}};
  atoms.push_back(a);
}

void NumberAnnotator::annotate(Document& doc) const {
  // Kept across the documents of a thread: the vectors keep their capacity
  // instead of growing again in every document. Each is cleared before a
  // sentence's use, and a run is never left open.
  thread_local Scratch scratch;
  thread_local std::vector<Atom> atoms;
  thread_local std::vector<PhraseMatcher::Match> vague;
  // About one number in sixty tokens: room made once, not by doubling from one.
  doc.numbers.reserve(doc.numbers.size() + doc.tokens.size() / 64 + 4);
  uint32_t last = static_cast<uint32_t>(doc.tokens.size());
  while (last > 0 && !may_be_candidate(doc.tokens[last - 1])) --last;
  uint32_t scanned = 0;  // the candidate scan has passed the tokens before it
  for (const Sentence& s : doc.sentences) {
    atoms.clear();
    scanned = find_candidates(doc, std::max(scanned, s.first_token), s.end_token, last, scratch);
    if (scratch.starts.empty() && scratch.vague_ends.empty()) continue;  // no number, no vague amount
    sentence(doc, s.first_token, s.end_token, atoms, scratch);
    std::sort(atoms.begin(), atoms.end(), [](const Atom& a, const Atom& b) { return a.first < b.first; });
    // Vague amounts on tokens no numeral took: des centaines, dozens, plusieurs milliers.
    {
      vague.clear();
      const uint32_t span = bounds_.vague().max_tokens();
      for (uint32_t i : scratch.vague_ends) {
        // The longest phrase ending here, starting as early as possible.
        uint32_t lo = i + 1 >= span + s.first_token ? i + 1 - span : s.first_token;
        for (uint32_t start = lo; start <= i; ++start) {
          if (!bounds_.may_start_vague(doc.tokens[start].hash)) continue;
          size_t before = vague.size();
          bounds_.vague().matches_at(doc, start, i + 1, vague);
          size_t keep = vague.size();
          for (size_t k = before; k < vague.size(); ++k) {
            if (vague[k].end == i + 1) {
              keep = k;
              break;
            }
          }
          if (keep == vague.size()) {
            vague.resize(before);
            continue;
          }
          PhraseMatcher::Match m = vague[keep];
          vague.resize(before);
          // "tens" then "tens of thousands": the longer phrase replaces the one it covers.
          while (!vague.empty() && vague.back().first >= m.first) vague.pop_back();
          if (vague.empty() || vague.back().end <= m.first) vague.push_back(m);
          break;
        }
      }
      for (const auto& m : vague) {
        bool taken = false;
        for (const auto& a : atoms) taken |= a.first < m.end && m.first < a.end;
        if (taken) continue;
        const auto& v = bounds_.vague_amount(m.payload);
        Atom a;
        a.first = m.first;
        a.end = m.end;
        a.span.at = number::extent_of(doc, m.first, m.end);
        a.span.amount.value = v.value;
        a.span.amount.min = v.min;
        a.span.amount.max = v.max;
        a.span.amount.max_inclusive = v.max_inclusive;
        a.span.amount.approx = true;
        a.span.scaled = true;
        a.span.why = {"number.vague", v.where};
        atoms.push_back(a);
      }
      std::sort(atoms.begin(), atoms.end(), [](const Atom& a, const Atom& b) { return a.first < b.first; });
    }
    if (!atoms.empty()) number::find_ranges(doc, s.first_token, s.end_token, bounds_, atoms);
    for (auto& a : atoms) {
      if (a.replaced) continue;
      // 1e999, 1,1^+9999: no finite value, no number.
      const Amount& m = a.span.amount;
      bool finite = (!m.value || std::isfinite(*m.value)) && (!m.min || std::isfinite(*m.min)) &&
                    (!m.max || std::isfinite(*m.max));
      if (finite) doc.numbers.push_back(std::move(a.span));
    }
  }
  // The sentences come in order and each one's numbers mostly too: the
  // layer is sorted only when it is not, as a stable sort on a sorted layer
  // still takes a buffer and merges.
  auto by_start = [](const NumberSpan& a, const NumberSpan& b) {
    return a.at.start != b.at.start ? a.at.start < b.at.start : a.at.end > b.at.end;
  };
  if (!std::is_sorted(doc.numbers.begin(), doc.numbers.end(), by_start))
    std::stable_sort(doc.numbers.begin(), doc.numbers.end(), by_start);
}

}  // namespace

Result<std::unique_ptr<Annotator>> make_number_annotator(const LanguageContext& context) {
  auto words = number::NumberLexicon::load(context);
  if (!words) return std::unexpected(words.error());
  auto bounds = number::BoundLexicon::load(context);
  if (!bounds) return std::unexpected(bounds.error());
  return std::make_unique<NumberAnnotator>(std::move(*words), std::move(*bounds));
}

}  // namespace claimtrace
