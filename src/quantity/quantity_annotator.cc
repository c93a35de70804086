#include "quantity/quantity_annotator.h"

#include <algorithm>

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

bool is_word(const Document& doc, uint32_t i) { return doc.tokens[i].kind == TokenKind::kWord; }
bool glued(const Document& doc, uint32_t i) { return !doc.tokens[i].has(kSpaceBefore); }

Amount scaled(Amount a, double f) {
  if (f == 1) return a;
  if (a.value) *a.value *= f;
  if (a.min) *a.min *= f;
  if (a.max) *a.max *= f;
  return a;
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
  std::vector<Hit> hits_at(const Document& doc, const PhraseMatcher& m, uint32_t i, uint32_t limit) const;
  const UnitEntry* pick(const std::vector<Hit>& hits, bool number_scaled) const;
  bool military(const Document& doc, uint32_t first, uint32_t end) const;

  quantity::UnitLexicon lex_;
};

std::vector<QuantityAnnotator::Hit> QuantityAnnotator::hits_at(const Document& doc, const PhraseMatcher& m,
                                                               uint32_t i, uint32_t limit) const {
  std::vector<PhraseMatcher::Match> ms;
  std::vector<Hit> out;
  if (i >= limit) return out;
  m.matches_at(doc, i, limit, ms);
  if (ms.empty()) return out;
  uint32_t longest = ms.front().end;
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
  if (doc.numbers.empty()) return;
  const uint32_t n_tokens = static_cast<uint32_t>(doc.tokens.size());
  uint32_t claimed_end = 0;  // bytes: numbers inside an accepted quantity are skipped
  // For ellipsis: the last counted quantity and whether it was elliptical.
  int last_counted = -1;
  uint32_t last_sentence = UINT32_MAX;
  bool last_elliptical = false;
  for (const NumberSpan& n : doc.numbers) {
    if (n.at.start < claimed_end) continue;
    if (n.role != NumberRole::kCount && n.role != NumberRole::kYear) continue;
    const uint32_t f = token_at(doc, n.at.start);
    const uint32_t e = token_end(doc, n.at.end);
    if (f >= n_tokens || e > n_tokens || f >= e) continue;
    const uint32_t s_index = doc.sentence_at(n.at.end - 1);
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
    if (!unit) {
      j = e;
      const bool word_end = is_word(doc, e - 1);  // "millions de", "centaines de", "thousands of"
      for (int steps = 0; steps < 4 && j < limit; ++steps) {
        auto hits = hits_at(doc, lex_.after(), j, limit);
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
          if (!demonym_seen) demonym = {doc.tokens[j].at.start, doc.tokens[hits.front().end - 1].at.end};
          demonym_seen = true;
          q_end = hits.front().end;
          j = hits.front().end;
          continue;
        }
        unit = u;
        noun = {doc.tokens[j].at.start, doc.tokens[hits.front().end - 1].at.end};
        q_end = hits.front().end;
        rule = u->kind == EntryKind::kNoun ? "quantity.noun" : u->kind == EntryKind::kMoney ? "quantity.money_after"
                                                                                           : "quantity.unit";
        break;
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
          rule = "quantity.money_before";
          break;
        }
      }
    }
    // 4. A bare count after "dont", "of whom", or joined to one: the noun of the quantity before.
    if (!unit && !demonym_seen && last_counted >= 0 && last_sentence == s_index && n.role == NumberRole::kCount) {
      std::vector<PhraseMatcher::Match> ms;
      bool elliptical = false;
      for (uint32_t back = 1; back <= 3 && back <= f && f - back >= s.first_token; ++back) {
        ms.clear();
        lex_.ellipsis().matches_at(doc, f - back, f, ms);
        for (const auto& m : ms) elliptical |= m.end == f;
        if (elliptical) break;
      }
      if (!elliptical && last_elliptical) {
        const QuantitySpan& prev = doc.quantities[static_cast<size_t>(last_counted)];
        uint32_t pe = token_end(doc, prev.at.end);
        // "dont 4 000 auraient été blessés et 600 tués": a coordinated count a few words on.
        for (uint32_t k = pe; k < f && k < pe + 6; ++k) {
          ms.clear();
          lex_.coordination().matches_at(doc, k, f, ms);
          for (const auto& m : ms) elliptical |= m.end == f;
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
    q.at = {doc.tokens[q_first].at.start, doc.tokens[q_end - 1].at.end};
    q.noun = noun;
    if (q.amount.min && q.amount.max && *q.amount.min == *q.amount.max && !q.amount.value) {
      q.amount.value = q.amount.min;  // "equal to 20 pounds"
      q.amount.min.reset();
      q.amount.max.reset();
    }
    if (unit) {
      q.unit = unit->unit;
      q.amount = scaled(q.amount, unit->factor);
      q.why = {rule, unit->where};
    } else {
      q.unit = military(doc, s.first_token, s.end_token) ? "personnel" : "person";
      q.why = {rule, {}};
    }
    const bool counted = !q.unit.starts_with("money") && q.unit.find(':') == std::string::npos && q.unit != "other";
    doc.quantities.push_back(std::move(q));
    if (counted) {
      last_counted = static_cast<int>(doc.quantities.size() - 1);
      last_sentence = s_index;
      last_elliptical = false;
    }
    claimed_end = doc.quantities.back().at.end;
  }
}

}  // namespace

Result<std::unique_ptr<Annotator>> make_quantity_annotator(const LanguageContext& context) {
  auto lex = quantity::UnitLexicon::load(context);
  if (!lex) return std::unexpected(lex.error());
  return std::make_unique<QuantityAnnotator>(std::move(*lex));
}

}  // namespace claimtrace
