#include "quantity/quantity_annotator.h"

#include <algorithm>
#include <cmath>

#include "quantity/article_one.h"
#include "quantity/unit_lexicon.h"

namespace claimtrace {
namespace {

using quantity::EntryKind;
using quantity::UnitEntry;

// Token index of the token starting at or after byte `offset`.
uint32_t token_at(const Document& doc, uint32_t offset) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                             [](const Token& t, uint32_t o) { return t.at.start < o; });
  return static_cast<uint32_t>(it - doc.tokens.begin());
}
// Index one past the token ending at byte `offset`.
uint32_t token_end(const Document& doc, uint32_t offset) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                             [](const Token& t, uint32_t o) { return t.at.end < o; });
  return static_cast<uint32_t>(it - doc.tokens.begin()) + 1;
}

// token_end() of an extent whose first token is `first`: the tokens before
// first - 1 end before the extent starts, so the search walks on from there
// instead of bisecting the document (a number spans a few tokens).
uint32_t token_end_from(const Document& doc, uint32_t first, uint32_t offset) {
  uint32_t k = first > 0 ? first - 1 : 0;
  while (k < doc.tokens.size() && doc.tokens[k].at.end < offset) ++k;
  return k + 1;
}

// doc.sentence_at for offsets met in text order, as the numbers are: the
// answer walks on from the last one (a few sentences lie between two
// numbers) instead of bisecting every sentence; an offset before the last
// answer's sentence is bisected.
class SentenceCursor {
 public:
  explicit SentenceCursor(const Document& doc) : doc_(doc) {}
  uint32_t at(uint32_t offset) {
    const std::vector<Sentence>& sentences = doc_.sentences;
    const auto n = static_cast<uint32_t>(sentences.size());
    if (k_ >= n || sentences[k_].at.start > offset) return doc_.sentence_at(offset);
    while (k_ + 1 < n && sentences[k_ + 1].at.start <= offset) ++k_;
    return offset < sentences[k_].at.end ? k_ : n;
  }

 private:
  const Document& doc_;
  uint32_t k_ = 0;  // the last sentence starting at or before the last offset
};

bool is_word(const Document& doc, uint32_t i) { return doc.tokens[i].kind == TokenKind::kWord; }
bool glued(const Document& doc, uint32_t i) { return !doc.tokens[i].has(kSpaceBefore); }

// A product rounded to 12 significant digits: 3 ft is 0.9144 m, not 0.9144000000000001.
double times(double x, double f) {
  const double p = x * f;
  if (p == 0 || !std::isfinite(p)) return p;
  const double scale = std::pow(10.0, 12 - static_cast<int>(std::ceil(std::log10(std::abs(p)))));
  return std::round(p * scale) / scale;
}

Amount scaled(Amount a, double f) {
  if (f == 1) return a;
  if (a.value) *a.value = times(*a.value, f);
  if (a.min) *a.min = times(*a.min, f);
  if (a.max) *a.max = times(*a.max, f);
  return a;
}

// The share a number gives of a whole: a fraction ("two thirds") or a ratio
// ("one in five"); none for a count.
std::optional<double> share_of(const NumberSpan& n) {
  if (!n.amount.value) return std::nullopt;
  const double v = *n.amount.value;
  if (n.role == NumberRole::kRatio || (n.role == NumberRole::kCount && v > 0 && v < 1)) return v;
  return std::nullopt;
}

// A share of a counted whole, in whole units: "two thirds of a million
// people" is about 666,667 people.
Amount share_of_whole(const Amount& whole, double share) {
  Amount a = scaled(whole, share);
  auto to_whole = [&](std::optional<double>& x) {
    if (!x) return;
    const double r = std::round(*x);
    if (std::abs(r - *x) > 1e-9 * std::max(1.0, std::abs(r))) a.approx = true;
    *x = r;
  };
  to_whole(a.value);
  to_whole(a.min);
  to_whole(a.max);
  return a;
}

// Up to three lowercase words between a link and a count: the count's own
// verb ("and wounded 17", "et en blessant 17", "et en ont blessé 17").
bool verb_gap(const Document& doc, uint32_t first, uint32_t end) {
  constexpr uint32_t kMaxGap = 3;
  if (end <= first || end - first > kMaxGap) return false;
  for (uint32_t k = first; k < end; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::kWord || t.has(kCapitalized)) return false;
  }
  return true;
}

void sort_by_start(std::vector<QuantitySpan>& quantities) {
  std::stable_sort(quantities.begin(), quantities.end(),
                   [](const QuantitySpan& a, const QuantitySpan& b) { return a.at.start < b.at.start; });
}

class QuantityAnnotator final : public Annotator {
 public:
  explicit QuantityAnnotator(quantity::UnitLexicon lex) : lex_(std::move(lex)) {}
  std::string_view name() const override { return "quantity"; }
  void annotate(Document& doc) const override;

 private:
  // The best entry among the longest phrase's payloads at token i.
  struct Hit {
    uint32_t first = 0, end = 0;
    const UnitEntry* entry = nullptr;
  };
  // With `sub_units`, also the units that are only ever a sub-unit ("in" after feet).
  std::vector<Hit> hits_at(const Document& doc, const number::FilteredMatcher& m, uint32_t i, uint32_t limit,
                           bool sub_units = false) const;
  const UnitEntry* pick(const std::vector<Hit>& hits, bool number_scaled) const;
  bool military(const Document& doc, uint32_t first, uint32_t end) const;
  // A noun, unit or currency for each number of the number layer.
  void numbers(Document& doc) const;
  void partitives(Document& doc) const;
  void lists(Document& doc) const;

  quantity::UnitLexicon lex_;
};

std::vector<QuantityAnnotator::Hit> QuantityAnnotator::hits_at(const Document& doc, const number::FilteredMatcher& m,
                                                               uint32_t i, uint32_t limit, bool sub_units) const {
  // Most tokens after and before numbers start no unit: turned away by the
  // filter before any vector is made.
  if (!m.may_match_at(doc, i, limit)) return {};
  std::vector<PhraseMatcher::Match> ms;
  std::vector<Hit> out;
  m.matches_at(doc, i, limit, ms);
  // A number after a space inside a unit is no part of it ("12 m 2 dm" is no "m2").
  std::erase_if(ms, [&](const PhraseMatcher::Match& x) {
    for (uint32_t k = x.first + 1; k < x.end; ++k) {
      if (doc.tokens[k].kind == TokenKind::kNumber && doc.tokens[k].has(kSpaceBefore)) return true;
    }
    return false;
  });
  if (!sub_units) std::erase_if(ms, [&](const PhraseMatcher::Match& x) { return lex_.entry(x.payload).only_sub; });
  // A symbol with capitals matches only as written so ("$ AU", not "$ au").
  std::erase_if(ms, [&](const PhraseMatcher::Match& x) {
    const std::string& capitals = lex_.entry(x.payload).capitals;
    if (capitals.empty()) return false;
    std::string written;
    for (uint32_t k = x.first; k < x.end; ++k) {
      for (size_t b = doc.tokens[k].at.start; b < doc.tokens[k].at.end; ++b) {
        char c = doc.text[b];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) written += c;
      }
    }
    return written != capitals;
  });
  if (ms.empty()) return out;
  uint32_t longest = 0;
  for (const auto& x : ms) longest = std::max(longest, x.end);
  for (const auto& x : ms) {
    if (x.end == longest) out.push_back({x.first, x.end, &lex_.entry(x.payload)});
  }
  return out;
}

const UnitEntry* QuantityAnnotator::pick(const std::vector<Hit>& hits, bool number_scaled) const {
  const UnitEntry* best = nullptr;
  for (const auto& h : hits) {
    if (h.entry->when_scaled && !number_scaled) continue;
    if (!best || (h.entry->when_scaled && number_scaled) ||
        (best->kind == EntryKind::kDemonym && h.entry->kind != EntryKind::kDemonym)) {
      best = h.entry;
    }
  }
  if (!best && !hits.empty()) {
    for (const auto& h : hits) {
      if (!h.entry->when_scaled) return h.entry;
    }
  }
  return best;
}

bool QuantityAnnotator::military(const Document& doc, uint32_t first, uint32_t end) const {
  std::vector<PhraseMatcher::Match> ms;
  lex_.military().scan(doc, first, end, ms);
  return !ms.empty();
}

void QuantityAnnotator::annotate(Document& doc) const {
  numbers(doc);
  const size_t found = doc.quantities.size();  // in order of start
  quantity::add_article_quantities(doc, lex_);
  lists(doc);
  partitives(doc);
  if (doc.quantities.size() > found) sort_by_start(doc.quantities);
}

void QuantityAnnotator::numbers(Document& doc) const {
  if (doc.numbers.empty()) return;
  // At most about one quantity per number: one allocation, not one per doubling.
  doc.quantities.reserve(doc.quantities.size() + doc.numbers.size());
  const uint32_t n_tokens = static_cast<uint32_t>(doc.tokens.size());
  uint32_t claimed_end = 0;  // bytes: numbers inside an accepted quantity are skipped
  // For ellipsis: the last counted quantity and whether it was elliptical.
  int last_counted = -1;
  uint32_t last_sentence = UINT32_MAX;
  bool last_elliptical = false;
  std::optional<bool> military_doc;  // the document speaks of the military: read once, when needed
  SentenceCursor sentence_of(doc);
  for (const NumberSpan& n : doc.numbers) {
    if (n.at.start < claimed_end) continue;
    if (n.role != NumberRole::kCount && n.role != NumberRole::kYear) continue;
    const uint32_t f = token_at(doc, n.at.start);
    const uint32_t e = token_end_from(doc, f, n.at.end);
    if (f >= n_tokens || e > n_tokens || f >= e) continue;
    const uint32_t s_index = sentence_of.at(n.at.end - 1);
    if (s_index >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[s_index];
    const uint32_t limit = s.end_token;
    const bool number_scaled = n.scaled;
    QuantitySpan q;
    q.amount = n.amount;
    uint32_t q_first = f, q_end = e;
    const UnitEntry* unit = nullptr;
    Extent noun;
    std::string_view rule;
    double extra_base = 0;  // a second unit of the same class, in the base unit

    // 0. Number words inside a hyphenated word: "six-mile", "three-foot".
    if (n.in_word && n.at.end < doc.tokens[e - 1].at.end && doc.tokens[e - 1].kind == TokenKind::kWord) {
      std::string_view key = doc.folded_key(doc.tokens[e - 1]);
      size_t dash = key.rfind('-');
      const UnitEntry* u = dash == std::string_view::npos ? nullptr : lex_.word_unit(key.substr(dash + 1));
      if (u && u->kind == EntryKind::kUnit) {
        q.at = doc.tokens[e - 1].at;
        q.unit = u->unit;
        q.amount = scaled(n.amount, u->factor);
        q.noun = {n.at.end + 1, doc.tokens[e - 1].at.end};
        q.why = {"quantity.hyphen_word", u->where};
        doc.quantities.push_back(std::move(q));
        claimed_end = doc.tokens[e - 1].at.end;
      }
      continue;
    }
    // 1. A unit glued after: 180ml, 24703m2, 100₾, 3-inch.
    uint32_t j = e;
    if (j < limit && glued(doc, j) && doc.tokens[j].kind == TokenKind::kPunct && doc.normalized_of(doc.tokens[j]) == "-" &&
        j + 1 < limit && glued(doc, j + 1) && is_word(doc, j + 1)) {
      auto hits = hits_at(doc, lex_.after(), j + 1, limit);
      if (const UnitEntry* u = pick(hits, number_scaled); u && u->kind == EntryKind::kUnit) {
        unit = u, noun = {doc.tokens[j + 1].at.start, doc.tokens[hits.front().end - 1].at.end};
        q_end = hits.front().end, rule = "quantity.hyphen_unit";
      }
    }
    if (!unit && j < limit && glued(doc, j) && doc.tokens[j].kind != TokenKind::kPunct) {
      auto hits = hits_at(doc, lex_.after(), j, limit);
      if (const UnitEntry* u = pick(hits, number_scaled);
          u && (u->kind == EntryKind::kUnit || u->kind == EntryKind::kMoney)) {
        unit = u, noun = {doc.tokens[j].at.start, doc.tokens[hits.front().end - 1].at.end};
        q_end = hits.front().end, rule = "quantity.glued_unit";
      } else if (n.in_word) {
        continue;
      }
    }
    if (!unit && n.in_word && !(f > 0 && glued(doc, f))) continue;
    // 2. A noun, unit or currency after, past "de"/"of" and modifiers.
    bool demonym_seen = false;
    Extent demonym;
    const UnitEntry* demonym_entry = nullptr;
    bool demonym_after_skip = false;
    if (!unit) {
      j = e;
      // "millions de", "centaines de", "thousands of", and a fraction: "1/4 de mile", "trois quarts de litre".
      const bool word_end = is_word(doc, e - 1) || (n.amount.value && *n.amount.value > 0 && *n.amount.value < 1);
      // Up to two other words may stand before a counted noun: "three heavily
      // armed militants", "400 educational institutions", "6,000 Mariupol residents".
      int skipped = 0;
      std::vector<PhraseMatcher::Match> stop;
      for (int steps = 0; steps < 5 && j < limit; ++steps) {
        if (steps == 0 && word_end && lex_.is_of_word(doc.folded_key(doc.tokens[j]))) {
          ++j;
          continue;
        }
        auto hits = hits_at(doc, lex_.after(), j, limit);
        if (hits.empty() && skipped < 2 && n.role == NumberRole::kCount && is_word(doc, j) &&
            !doc.tokens[j].has(kElision)) {
          stop.clear();
          lex_.noun_stop().matches_at(doc, j, j + 1, stop);
          if (stop.empty()) {
            ++skipped, ++j;
            continue;
          }
        }
        if (hits.empty()) break;
        const UnitEntry* u = pick(hits, number_scaled);
        if (!u) break;
        if (u->kind == EntryKind::kOfWord) {
          if (!word_end || steps > 0) break;
          j = hits.front().end;
          continue;
        }
        if (u->kind == EntryKind::kModifier) {
          j = hits.front().end;
          continue;
        }
        if (u->kind == EntryKind::kDemonym) {
          // A demonym alone counts people ("12 000 nord-coréens"); before a noun it qualifies it.
          if (!demonym_seen) {
            demonym = {doc.tokens[j].at.start, doc.tokens[hits.front().end - 1].at.end};
            demonym_entry = u;
            demonym_after_skip = skipped > 0;
          }
          demonym_seen = true;
          q_end = hits.front().end;
          j = hits.front().end;
          continue;
        }
        // A currency sign glued to the next number is that number's: "thousands of $12-an-hour workers".
        if (u->kind == EntryKind::kMoney && hits.front().end < limit &&
            doc.tokens[hits.front().end].kind == TokenKind::kNumber && glued(doc, hits.front().end)) {
          break;
        }
        // Words skipped before a unit or currency are no adjectives: "5 times more dollars".
        if (skipped > 0 && u->kind != EntryKind::kNoun) break;
        unit = u;
        noun = {doc.tokens[j].at.start, doc.tokens[hits.front().end - 1].at.end};
        q_end = hits.front().end;
        rule = u->kind == EntryKind::kNoun ? "quantity.noun" : u->kind == EntryKind::kMoney ? "quantity.money_after"
                                                                                           : "quantity.unit";
        // After a noun that qualifies, the next counted noun is the head: "four refugee children"
        // (not "hundreds of thousands of people hostage").
        if (u->kind == EntryKind::kNoun && u->adjective && q_end < limit) {
          auto next = hits_at(doc, lex_.after(), q_end, limit);
          const UnitEntry* head = next.empty() ? nullptr : pick(next, number_scaled);
          if (head && head->kind == EntryKind::kNoun) {
            unit = head;
            noun = {doc.tokens[q_end].at.start, doc.tokens[next.front().end - 1].at.end};
            q_end = next.front().end;
          }
        }
        break;
      }
      // "100 Russian stations": a demonym that is only an adjective counts no people, but "one Russian" does.
      // Nor one after other words: "neuf départements français".
      if (!unit && demonym_seen && (demonym_after_skip || (demonym_entry && demonym_entry->adjective &&
                                                           !(n.amount.value && *n.amount.value == 1)))) {
        demonym_seen = false;
      }
      if (!unit && demonym_seen) {
        noun = demonym;
        rule = "quantity.demonym";
      }
      // Words after the noun that still belong to it: "soldats supplémentaires", "soldiers more".
      if (unit || demonym_seen) {
        for (uint32_t k = q_end; k < limit;) {
          auto hits = hits_at(doc, lex_.after(), k, limit);
          if (hits.empty()) break;
          const UnitEntry* u = hits.front().entry;
          if (u->kind != EntryKind::kModifier && u->kind != EntryKind::kDemonym) break;
          if (u->kind == EntryKind::kModifier && unit && unit->kind != EntryKind::kNoun) break;
          q_end = k = hits.front().end;
        }
      }
    }
    // 3. A currency before: $ 75 million, USD 200, € 2 million, c $ 16.4.
    if (!unit && !demonym_seen) {
      for (uint32_t back = 3; back >= 1; --back) {
        if (back > f || f - back < s.first_token) continue;
        uint32_t start = f - back;
        auto hits = hits_at(doc, lex_.before(), start, f);
        if (!hits.empty() && hits.front().end == f) {
          unit = pick(hits, number_scaled);
          if (!unit) continue;
          noun = {doc.tokens[start].at.start, doc.tokens[f - 1].at.end};
          q_first = start;
          rule = unit->kind == EntryKind::kMoney ? "quantity.money_before" : "quantity.unit_before";
          break;
        }
      }
    }
    // ... or inside a bound or range, after its cue: "more than $915 million", "between $30,000 and $60,000".
    if (!unit && !demonym_seen && (n.amount.min || n.amount.max)) {
      uint32_t k = f;
      while (k < e && doc.tokens[k].kind != TokenKind::kNumber) ++k;
      for (uint32_t back = std::min<uint32_t>(3, k - f); back >= 1 && k < e; --back) {
        auto hits = hits_at(doc, lex_.before(), k - back, k);
        if (!hits.empty() && hits.front().end == k) {
          unit = pick(hits, number_scaled);
          if (!unit) continue;
          noun = {doc.tokens[k - back].at.start, doc.tokens[k - 1].at.end};
          rule = "quantity.money_inside";
          break;
        }
      }
    }
    // 4. A bare count after "dont", "of whom", or joined to one: the noun of the quantity before.
    if (!unit && !demonym_seen && last_counted >= 0 && last_sentence == s_index && n.role == NumberRole::kCount) {
      std::vector<PhraseMatcher::Match> ms;
      bool elliptical = false;
      // "dont environ 200 000": look before the approximating words.
      const uint32_t fe = n.cue.empty() ? f : token_at(doc, n.cue.start);
      for (uint32_t back = 1; back <= 3 && back <= fe && fe - back >= s.first_token; ++back) {
        ms.clear();
        lex_.ellipsis().matches_at(doc, fe - back, fe, ms);
        for (const auto& m : ms) elliptical |= m.end == fe;
        if (elliptical) break;
      }
      // Also after a count of things ("seven people were killed and 22 were wounded"), not of money,
      // nor before a noun of its own ("and 131 pieces of equipment") or in a list that ends with
      // its own unit ("de 18, 24 et 26 ans").
      bool own_noun = false;
      if (!last_elliptical && e < limit) {
        std::vector<PhraseMatcher::Match> co;
        lex_.coordination().matches_at(doc, e, limit, co);
        if (!co.empty() && co.front().end < limit && doc.tokens[co.front().end].kind == TokenKind::kNumber) {
          own_noun = true;
        } else if (is_word(doc, e) && e + 1 < limit && lex_.is_of_word(doc.folded_key(doc.tokens[e + 1]))) {
          own_noun = true;
        }
      }
      if (!elliptical && !own_noun &&
          (last_elliptical || !doc.quantities[static_cast<size_t>(last_counted)].unit.starts_with("money"))) {
        const QuantitySpan& prev = doc.quantities[static_cast<size_t>(last_counted)];
        uint32_t pe = token_end(doc, prev.at.end);
        // "dont 4 000 auraient été blessés et 600 tués": a coordinated count a few words on;
        // of people, also past a verb of its own ("and wounded 17", "et en blessant 17").
        // (A lone figure that ends its clause: "and wounded 17.", not "2012-2013" nor "one whole".)
        const bool people = (prev.unit == "person" || prev.unit == "personnel") && n.amount.value &&
                            (e >= limit || doc.tokens[e].kind == TokenKind::kPunct);
        for (uint32_t k = pe; k < f && k < pe + 6 && !elliptical; ++k) {
          ms.clear();
          lex_.coordination().matches_at(doc, k, f, ms);
          for (const auto& m : ms) elliptical |= m.end == f || (people && verb_gap(doc, m.end, f));
        }
      }
      if (elliptical) {
        const QuantitySpan& prev = doc.quantities[static_cast<size_t>(last_counted)];
        q.at = n.at;
        q.unit = prev.unit;
        q.why = {"quantity.ellipsis", {}};
        doc.quantities.push_back(std::move(q));
        last_counted = static_cast<int>(doc.quantities.size() - 1);
        last_elliptical = true;
        claimed_end = n.at.end;
        continue;
      }
    }
    if (!unit && !demonym_seen) continue;
    if (n.role == NumberRole::kYear && !unit) continue;
    // A year before a counted noun: after "in", "since", "en", or before a name ("the 1951 Refugee Convention").
    if (n.role == NumberRole::kYear && (!unit || unit->kind == EntryKind::kNoun)) {
      bool year = doc.tokens[token_at(doc, noun.start)].has(kCapitalized);
      if (!year && f > s.first_token) {
        std::vector<PhraseMatcher::Match> ms;
        lex_.year_before().matches_at(doc, f - 1, f, ms);
        year = !ms.empty();
      }
      if (year) continue;
    }
    // A fraction of the unit after it: "deux heures et demie", "trois ans et demi", "an hour and a half".
    if (unit && (unit->kind == EntryKind::kUnit || unit->kind == EntryKind::kMoney) && q.amount.value &&
        *q.amount.value == std::floor(*q.amount.value) && q_end < limit) {
      std::vector<PhraseMatcher::Match> ms;
      lex_.fraction_after().matches_at(doc, q_end, limit, ms);
      if (!ms.empty()) {
        *q.amount.value += lex_.entry(ms.front().payload).factor;
        q_end = ms.front().end;
      }
    }
    // A measure in two units of one class: "5 feet and 2 inches", "2 heures 30 minutes".
    if (unit && unit->kind == EntryKind::kUnit && unit->unit.find(':') != std::string::npos &&
        !unit->unit.starts_with("money") && q.amount.value && q_end < limit) {
      uint32_t k = q_end;
      std::vector<PhraseMatcher::Match> ms;
      lex_.coordination().matches_at(doc, k, limit, ms);
      const bool joined = !ms.empty() && is_word(doc, k);
      if (joined) k = ms.front().end;
      // Joined by "and"/"et", a duration ("2 hours 30 minutes") or a unit and
      // its sub-unit ("5 pieds 6 pouces", "1 m 80 cm"); "12 m 2 dm" are two.
      const bool plain_pair = joined || unit->unit.starts_with("duration");
      if (k < limit && (plain_pair || unit->sub_factor > 0)) {
        auto it = std::lower_bound(doc.numbers.begin(), doc.numbers.end(), doc.tokens[k].at.start,
                                   [](const NumberSpan& x, uint32_t o) { return x.at.start < o; });
        if (it != doc.numbers.end() && it->at.start == doc.tokens[k].at.start && it->amount.value &&
            !it->in_word && it->role == NumberRole::kCount) {
          uint32_t after = token_end(doc, it->at.end);
          auto hits = hits_at(doc, lex_.after(), after, limit, true);
          const UnitEntry* second = hits.empty() ? nullptr : pick(hits, false);
          const bool sub_unit =
              second && std::abs(second->factor - unit->factor * unit->sub_factor) <= 1e-9 * unit->factor;
          if (second && second->kind == EntryKind::kUnit && second->unit == unit->unit &&
              second->factor < unit->factor && (plain_pair || sub_unit) && (!second->only_sub || sub_unit)) {
            extra_base = *it->amount.value * second->factor;
            q_end = hits.front().end;
            claimed_end = it->at.end;
          }
        }
      }
    }
    // A bare two-digit number after a single-digit measure with a sub-unit:
    // "1 m 80", "2 heures 30" (but "100 m 10 fois" are no 100.1 m).
    if (unit && unit->sub_factor > 0 && extra_base == 0 && q.amount.value && *q.amount.value >= 1 &&
        *q.amount.value < 10 && *q.amount.value == std::floor(*q.amount.value) && q_end < limit &&
        doc.tokens[q_end].kind == TokenKind::kNumber && doc.normalized_of(doc.tokens[q_end]).size() == 2) {
      auto it = std::lower_bound(doc.numbers.begin(), doc.numbers.end(), doc.tokens[q_end].at.start,
                                 [](const NumberSpan& x, uint32_t o) { return x.at.start < o; });
      // Glued to the unit ("1m80") the digits are in a word: the unit's.
      if (it != doc.numbers.end() && it->at.start == doc.tokens[q_end].at.start && it->amount.value &&
          it->role == NumberRole::kCount && (!it->in_word || !doc.tokens[q_end].has(kSpaceBefore)) &&
          token_end(doc, it->at.end) == q_end + 1 &&
          (q_end + 1 >= limit || hits_at(doc, lex_.after(), q_end + 1, limit).empty())) {
        *q.amount.value += *it->amount.value * unit->sub_factor;
        claimed_end = it->at.end;
        ++q_end;
      }
    }
    // Money with its sub-unit: "15 dollars 50", "17 USD 25", "treize euros et quarante-cinq cents".
    if (unit && unit->kind == EntryKind::kMoney && unit->unit != "other" && !number_scaled && q.amount.value &&
        *q.amount.value == static_cast<int64_t>(*q.amount.value) && q_end < limit) {
      uint32_t k = q_end;
      std::vector<PhraseMatcher::Match> ms;
      lex_.coordination().matches_at(doc, k, limit, ms);
      if (!ms.empty() && is_word(doc, k)) k = ms.front().end;
      if (k < limit) {
        auto it = std::lower_bound(doc.numbers.begin(), doc.numbers.end(), doc.tokens[k].at.start,
                                   [](const NumberSpan& x, uint32_t o) { return x.at.start < o; });
        if (it != doc.numbers.end() && it->at.start == doc.tokens[k].at.start && it->amount.value &&
            !it->in_word && *it->amount.value >= 1 && *it->amount.value < 100 &&
            *it->amount.value == static_cast<int>(*it->amount.value)) {
          uint32_t after = token_end(doc, it->at.end);
          auto hits = hits_at(doc, lex_.after(), after, limit);
          const UnitEntry* sub = hits.empty() ? nullptr : hits.front().entry;
          bool sub_unit = sub && sub->kind == EntryKind::kMoney && sub->unit == "other";
          if (!sub || sub_unit) {
            *q.amount.value += *it->amount.value / 100;
            q_end = sub_unit ? hits.front().end : after;
            claimed_end = it->at.end;
          }
        }
      }
    }
    // A sign word before a temperature: "moins 12 degrés", "convertir - 20 °F"
    // (not after a number: "10 - 20 degrés" is a range, "15 moins 3" a difference).
    if (unit && unit->takes_sign && q_first == f && n.cue.empty() && q.amount.value && *q.amount.value > 0) {
      // The longest phrase ending at the number decides ("plus ou moins" is a tolerance).
      uint32_t sign_first = f;
      const UnitEntry* sign = nullptr;
      std::vector<PhraseMatcher::Match> ms;
      for (uint32_t back = 1; back <= 3 && back <= f && f - back >= s.first_token; ++back) {
        ms.clear();
        lex_.signs().matches_at(doc, f - back, f, ms);
        for (const auto& m : ms) {
          if (m.end == f) sign_first = f - back, sign = &lex_.sign(m.payload);
        }
      }
      const bool after_number = sign_first > s.first_token && doc.tokens[sign_first - 1].kind == TokenKind::kNumber;
      if (sign && sign->unit == "-" && !after_number) {
        *q.amount.value = -*q.amount.value;
        q_first = sign_first;
      }
    }
    // A sign after a temperature: "5 degrés sous zéro", "entre 5 et 10 degrés sous zéro".
    if (unit && unit->takes_sign && q_end < limit) {
      std::vector<PhraseMatcher::Match> ms;
      lex_.signs_after().matches_at(doc, q_end, limit, ms);
      const bool positive = q.amount.value ? *q.amount.value > 0 : (q.amount.min && *q.amount.min > 0);
      if (!ms.empty() && positive) {
        Amount& a = q.amount;
        if (a.value) *a.value = -*a.value;
        if (a.min || a.max) {
          std::optional<double> lo = a.max ? std::optional(-*a.max) : std::nullopt;
          std::optional<double> hi = a.min ? std::optional(-*a.min) : std::nullopt;
          std::swap(a.min_inclusive, a.max_inclusive);
          a.min = lo, a.max = hi;
        }
        for (const auto& m : ms) q_end = std::max(q_end, m.end);
      }
    }
    // Counted things are never fewer than none: "il reste moins 12 soldats"
    // counts 12 soldiers, the sign word ("moins") stays out of the span.
    const bool counted_noun = !unit || (unit->unit.find(':') == std::string::npos && unit->unit != "other");
    if (counted_noun && q_first == f && q.amount.value && *q.amount.value < 0 && f + 1 < e) {
      std::vector<PhraseMatcher::Match> ms;
      lex_.signs().matches_at(doc, f, e, ms);
      for (const auto& m : ms) {
        if (lex_.sign(m.payload).unit == "-" && m.end < e && doc.tokens[m.end].kind != TokenKind::kPunct) {
          *q.amount.value = -*q.amount.value;
          q_first = m.end;
          break;
        }
      }
    }
    q.noun = noun;
    if (q.amount.min && q.amount.max && *q.amount.min == *q.amount.max && !q.amount.value) {
      q.amount.value = q.amount.min;  // "equal to 20 pounds": the number alone
      q.amount.min.reset();
      q.amount.max.reset();
      for (const NumberSpan& inner : doc.numbers) {
        if (inner.at.end == n.at.end && inner.at.start > n.at.start && inner.amount.value) {
          q_first = token_at(doc, inner.at.start);
          break;
        }
      }
    }
    q.at = {doc.tokens[q_first].at.start, doc.tokens[q_end - 1].at.end};
    if (unit) {
      q.unit = unit->unit;
      if (q.unit == "person|personnel") {
        // "envoyer 30 000 hommes" in an article on soldiers; "cinq hommes et une femme arrêtés" elsewhere.
        if (!military_doc) military_doc = military(doc, 0, n_tokens);
        q.unit = *military_doc ? "personnel" : "person";
      }
      q.amount = scaled(q.amount, unit->factor);
      if (extra_base != 0 && q.amount.value) *q.amount.value += extra_base;
      q.why = {rule, unit->where};
    } else {
      q.unit = military(doc, s.first_token, s.end_token) ? "personnel" : "person";
      q.why = {rule, {}};
    }
    // Counted nouns and money may be left out after "dont" ("61 milliards de
    // dollars, dont 13,8 milliards"); measures, whose factor varies, not.
    const bool whole_things = q.unit.find(':') == std::string::npos && q.unit != "other";
    const bool counted = q.unit.starts_with("money") || whole_things;
    // People, vehicles, munitions come whole: a ratio or fraction before them
    // ("351 out of 450 Parliament members" = 0.78, "a fifth of the soldiers")
    // is a share, not a count.
    if (whole_things && q.amount.value && *q.amount.value != 0 && std::abs(*q.amount.value) < 1) continue;
    doc.quantities.push_back(std::move(q));
    if (counted) {
      last_counted = static_cast<int>(doc.quantities.size() - 1);
      last_sentence = s_index;
      last_elliptical = false;
    }
    claimed_end = std::max(claimed_end, doc.quantities.back().at.end);
  }
}

// "27 and 29 years old", "de 18, 24 et 26 ans", "5, 10 and 15 km": the bare
// counts of a list whose last number has a unit share it. The link just
// before that number is a word ("and", "et"), so "Article 5, 10 km" is no list.
void QuantityAnnotator::lists(Document& doc) const {
  const size_t n_quantities = doc.quantities.size();
  if (n_quantities == 0) return;
  auto number_at = [&](uint32_t start) -> const NumberSpan* {
    auto it = std::lower_bound(doc.numbers.begin(), doc.numbers.end(), start,
                               [](const NumberSpan& n, uint32_t o) { return n.at.start < o; });
    return it != doc.numbers.end() && it->at.start == start ? &*it : nullptr;
  };
  auto covered = [&](Extent at) {
    return std::any_of(doc.quantities.begin(), doc.quantities.end(),
                       [&](const QuantitySpan& q) { return q.at.start < at.end && at.start < q.at.end; });
  };
  std::vector<PhraseMatcher::Match> ms;
  for (size_t qi = 0; qi < n_quantities; ++qi) {
    const QuantitySpan last = doc.quantities[qi];
    const NumberSpan* n = number_at(last.at.start);
    if (!n || !n->amount.value || *n->amount.value == 0 || !last.amount.value || last.noun.empty()) continue;
    uint32_t k = token_at(doc, last.at.start);
    uint32_t sentence_first = UINT32_MAX;  // found once a number stands before
    for (bool first_link = true; k > 0; first_link = false) {
      // The count ending just before token k (past a link of at most three
      // words), found before any phrase is matched: most quantities follow none.
      constexpr uint32_t kMaxLink = 3;
      const uint32_t before_k = doc.tokens[k - 1].at.start;
      auto it = std::upper_bound(doc.numbers.begin(), doc.numbers.end(), before_k,
                                 [](uint32_t o, const NumberSpan& x) { return o < x.at.end; });
      if (it == doc.numbers.begin()) break;
      --it;  // the last number ending before token k
      const uint32_t link = token_end(doc, it->at.end);
      if (link >= k || k - link > kMaxLink) break;
      if (sentence_first == UINT32_MAX) {
        const uint32_t si = doc.sentence_at(last.at.start);
        if (si >= doc.sentences.size()) break;
        sentence_first = doc.sentences[si].first_token;
      }
      if (token_at(doc, it->at.start) < sentence_first) break;
      if (it->role != NumberRole::kCount || !it->amount.value || it->in_word) break;
      if (first_link && doc.tokens[link].kind == TokenKind::kPunct) break;
      ms.clear();
      lex_.coordination().matches_at(doc, link, k, ms);
      if (std::none_of(ms.begin(), ms.end(), [&](const PhraseMatcher::Match& m) { return m.end == k; }) || covered(it->at)) {
        break;
      }
      QuantitySpan q;
      q.at = it->at;
      q.amount = scaled(it->amount, std::abs(*last.amount.value / *n->amount.value));  // the unit's factor, not its sign
      q.unit = last.unit;
      q.noun = last.noun;
      q.why = {"quantity.list_shares_unit", last.why.resource};
      k = token_at(doc, it->at.start);
      doc.quantities.push_back(std::move(q));
    }
  }
}

// "at least 1,000 of the 11,000 troops", "4 000 d'entre eux": a number (or
// bound) before a partitive phrase counts the noun of the quantity after it;
// a fraction or ratio there counts its share of that quantity.
void QuantityAnnotator::partitives(Document& doc) const {
  if (doc.numbers.empty()) return;
  // The quantities found so far, by (start, index), with the running maximum
  // of their ends: "does one overlap this number" and "which start here" are
  // then binary searches, not a pass over every quantity for every number
  // (quadratic on a long page).
  const auto n_quantities = static_cast<uint32_t>(doc.quantities.size());
  std::vector<uint32_t> by_start(n_quantities);
  for (uint32_t k = 0; k < n_quantities; ++k) by_start[k] = k;
  auto start_of = [&](uint32_t k) { return doc.quantities[k].at.start; };
  std::stable_sort(by_start.begin(), by_start.end(), [&](uint32_t a, uint32_t b) { return start_of(a) < start_of(b); });
  std::vector<uint32_t> max_end(n_quantities);
  for (uint32_t i = 0, m = 0; i < n_quantities; ++i) max_end[i] = m = std::max(m, doc.quantities[by_start[i]].at.end);
  std::vector<PhraseMatcher::Match> ms;
  uint32_t covered_end = 0;
  for (const NumberSpan& n : doc.numbers) {
    const std::optional<double> share = share_of(n);
    if ((n.role != NumberRole::kCount && !share) || n.in_word || n.at.start < covered_end) continue;
    const auto before_end = static_cast<size_t>(
        std::partition_point(by_start.begin(), by_start.end(), [&](uint32_t k) { return start_of(k) < n.at.end; }) -
        by_start.begin());
    if (before_end > 0 && max_end[before_end - 1] > n.at.start) continue;  // inside a quantity
    const uint32_t e = token_end(doc, n.at.end);
    if (e >= doc.tokens.size()) continue;
    ms.clear();
    lex_.partitive().matches_at(doc, e, static_cast<uint32_t>(doc.tokens.size()), ms);
    if (ms.empty()) continue;
    if (ms.front().end >= doc.tokens.size()) continue;
    const uint32_t next = doc.tokens[ms.front().end].at.start;
    bool counted = false;
    for (auto it = std::partition_point(by_start.begin(), by_start.end(), [&](uint32_t k) { return start_of(k) < next; });
         it != by_start.end() && start_of(*it) == next; ++it) {
      const QuantitySpan& whole = doc.quantities[*it];
      // Only counted nouns: "five of the three-ton satellites" are no tons.
      if (whole.noun.empty() || whole.unit.find(':') != std::string::npos ||
          whole.unit == "other") {
        continue;
      }
      QuantitySpan q;
      q.unit = whole.unit;
      q.noun = whole.noun;
      if (share) {
        // "two thirds of the 30,000 soldiers": the evidence is the whole phrase.
        q.at = {n.at.start, whole.at.end};
        q.amount = share_of_whole(whole.amount, *share);
        q.amount.approx = q.amount.approx || n.amount.approx;
        q.why = {"quantity.partitive_share", {}};
      } else {
        q.at = n.at;
        q.amount = n.amount;
        q.why = {"quantity.partitive", {}};
      }
      doc.quantities.push_back(std::move(q));
      covered_end = n.at.end;
      counted = true;
      break;
    }
    // "32 of the drones", "trois des soldats": a count of the noun itself.
    if (!counted && !share && n.role == NumberRole::kCount) {
      const auto hits = hits_at(doc, lex_.after(), ms.front().end, static_cast<uint32_t>(doc.tokens.size()));
      const UnitEntry* u = pick(hits, n.scaled);
      if (!u || u->kind != EntryKind::kNoun || u->unit == "other" || u->unit.find(':') != std::string::npos) continue;
      QuantitySpan q;
      q.at = {n.at.start, doc.tokens[hits.front().end - 1].at.end};
      q.amount = n.amount;
      q.unit = u->unit;
      q.noun = {doc.tokens[hits.front().first].at.start, q.at.end};
      q.why = {"quantity.partitive_noun", u->where};
      doc.quantities.push_back(std::move(q));
      covered_end = n.at.end;
    }
  }
}

}  // namespace

Result<std::unique_ptr<Annotator>> make_quantity_annotator(const LanguageContext& context) {
  auto lex = quantity::UnitLexicon::load(context);
  if (!lex) return std::unexpected(lex.error());
  return std::make_unique<QuantityAnnotator>(std::move(*lex));
}

}  // namespace claimtrace
