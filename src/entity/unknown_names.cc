#include "entity/unknown_names.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace claimtrace {

namespace {

bool single_letter(const Document& doc, const Token& t) {
  if (t.fold_size > 4) return false;  // longer than any one code point
  std::string_view key = doc.folded_key(t);
  size_t code_points = 0;
  for (unsigned char c : key) code_points += (c & 0xC0) != 0x80;
  return code_points == 1;
}

// The period of an initial, glued to it: "W." in "George W. Bush".
bool period_after(const Document& doc, uint32_t i) {
  if (i + 1 >= doc.tokens.size()) return false;
  const Token& next = doc.tokens[i + 1];
  return !(next.flags & kSpaceBefore) && doc.folded_key(next) == ".";
}

// "le ministère de l'Intérieur", "the ministry of Defence": a ministry's head
// in lower case before the run, joined to it by words of country_linkers.tsv
// and determiners. Only a ministry's: "le service de Jean Dupont" is a person.
// A minister's complement of descriptions.tsv may end the name past the run:
// "le ministère [des Affaires étrangères]".
const OrgHeadInfo* ministry_before(const Document& doc, const EntityLexicon& lex, NameRun run, uint32_t sentence_end,
                                   uint32_t& head, uint32_t& end, std::vector<PhraseMatcher::Match>& found) {
  const uint32_t first = run.first;
  uint32_t k = first;
  bool linked = false;
  for (; k > 0 && first - k < 3; --k) {
    // Most runs follow punctuation or a long word: no probe for them.
    const Token& t = doc.tokens[k - 1];
    if (t.kind != TokenKind::kWord || t.fold_size > 3) break;
    const uint64_t h = t.hash;
    const int64_t bits = lex.openers.find(h);
    if (lex.country_linkers.find(h) >= 0) {
      linked = true;
    } else if (!(bits >= 0 && (bits & kIsDeterminer))) {
      break;
    }
  }
  if (!linked || k == 0) return nullptr;
  const int64_t bits = lex.openers.find(doc.tokens[k - 1].hash);
  if (bits < 0 || !(bits & kOpensOrgHead)) return nullptr;
  found.clear();
  lex.org_heads.matches_at(doc, k - 1, k, found);
  const OrgHeadInfo* ministry = nullptr;
  for (const auto& m : found) {
    const OrgHeadInfo& h = lex.org_head_info[m.payload];
    if (h.before && h.kind == "ministry") ministry = &h;
  }
  if (!ministry) return nullptr;
  head = k - 1;
  end = run.end;
  found.clear();
  lex.complements.matches_at(doc, k, sentence_end, found);
  if (!found.empty() && found.front().end > end) end = found.front().end;
  return ministry;
}

}  // namespace

bool lone_letter(const Document& doc, const Token& t) {
  // A lone capital is an initial only with its period.
  return single_letter(doc, t) && !period_after(doc, static_cast<uint32_t>(&t - doc.tokens.data()));
}

NameRun name_run(const Document& doc, const EntityLexicon& lex, uint32_t i, uint32_t end, uint32_t max_words) {
  NameRun run{i, i, 0};
  uint32_t j = i;
  while (j < end && run.words < max_words) {
    const Token& t = doc.tokens[j];
    if (j > i && !(t.flags & kSpaceBefore) && !(doc.tokens[j - 1].flags & kElision)) break;
    if (is_name_word(doc, t, lex)) {
      // An initial takes its period and needs a name word after it.
      if (single_letter(doc, t)) {
        if (j + 2 >= end || !(doc.tokens[j + 2].flags & kSpaceBefore) || !is_name_word(doc, doc.tokens[j + 2], lex)) break;
        j += 2;
        ++run.words;
        continue;
      }
      ++j;
      ++run.words;
      run.end = j;
      continue;
    }
    // Particles join two name words: "Hamish de Bretton-Gordon", "bin Salman".
    if (run.words > 0 && t.kind == TokenKind::kWord && lex.particles.find(t.hash) >= 0 && j + 1 < end &&
        is_name_word(doc, doc.tokens[j + 1], lex)) {
      ++j;
      continue;
    }
    break;
  }
  return run;
}

OrgName organisation_name(const Document& doc, const EntityLexicon& lex, NameRun run, uint32_t sentence_end) {
  if (lex.org_heads.size() == 0 || run.end <= run.first) return {};
  std::vector<PhraseMatcher::Match> found;
  // Opening head: "Institut Montaigne", "Centre for Defence Studies". (An
  // absent word's -1 has every bit: it is tested apart.) A head that goes on
  // in lower case past the run is a whole name: "la Cour suprême", "le
  // Parti populaire"; not "la Cour" alone.
  if (const int64_t bits = lex.openers.find(doc.tokens[run.first].hash); bits >= 0 && (bits & kOpensOrgHead)) {
    lex.org_heads.matches_at(doc, run.first, sentence_end, found);
    for (const auto& m : found) {
      const OrgHeadInfo& h = lex.org_head_info[m.payload];
      if (h.before && m.end < run.end) return {run.end, &h, run.first};
      if (h.before && !h.place && m.end > run.end) return {m.end, &h, run.first};
    }
  }
  // Closing head inside the run: "Stimson Center".
  for (uint32_t k = run.first + 1; k < run.end; ++k) {
    int64_t bits = lex.openers.find(doc.tokens[k].hash);
    if (bits < 0 || !(bits & kOpensOrgHead)) continue;
    found.clear();
    lex.org_heads.matches_at(doc, k, run.end, found);
    for (const auto& m : found) {
      const OrgHeadInfo& h = lex.org_head_info[m.payload];
      if (!h.before && m.end == run.end) return {run.end, &h, run.first};
    }
  }
  // Head right after the run: "Retired American Warriors political action
  // committee". Not a place's: "Pacific island", "Chornomorsk sea port".
  // One lower-case word is a common noun after an adjective: "Federal
  // court", "Western coalition".
  if (run.end < sentence_end) {
    int64_t bits = lex.openers.find(doc.tokens[run.end].hash);
    if (bits >= 0 && (bits & kOpensOrgHead)) {
      found.clear();
      lex.org_heads.matches_at(doc, run.end, sentence_end, found);
      const bool capital = doc.tokens[run.end].flags & (kCapitalized | kAllCaps);
      for (const auto& m : found) {
        const OrgHeadInfo& h = lex.org_head_info[m.payload];
        if (!h.before && !h.place && (capital || m.end > m.first + 1)) return {m.end, &h, run.first};
      }
    }
  }
  uint32_t head = run.first, end = run.end;
  if (const OrgHeadInfo* h = ministry_before(doc, lex, run, sentence_end, head, end, found)) return {end, h, head};
  return {};
}

uint32_t defined_acronym(const Document& doc, uint32_t first, uint32_t end) {
  if (end + 2 >= doc.tokens.size()) return 0;
  const Token& acronym = doc.tokens[end + 1];
  if (doc.folded_key(doc.tokens[end]) != "(" || doc.folded_key(doc.tokens[end + 2]) != ")") return 0;
  if (acronym.kind != TokenKind::kWord || !(acronym.flags & kAllCaps)) return 0;
  const std::string_view key = doc.folded_key(acronym);
  if (key.size() < 2 || key.size() > 6 || !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return 0;
  return doc.folded_key(doc.tokens[first]).front() == key.front() ? end + 1 : 0;
}

bool headline_case(const Document& doc, const Sentence& s) {
  uint32_t words = 0, capitalized = 0;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord || doc.folded_key(t).size() < 4) continue;
    ++words;
    if (t.flags & (kCapitalized | kAllCaps)) ++capitalized;
  }
  return words >= 3 && capitalized * 3 >= words * 2;
}

}  // namespace claimtrace
