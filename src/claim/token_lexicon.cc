#include "claim/token_lexicon.h"

#include <algorithm>
#include <bit>

#include "text/fold.h"

namespace claimtrace {

void TokenLexicon::add(std::string_view phrase, uint32_t payload, const TextRules& rules) {
  Document d = tokenize_phrase(phrase, rules);
  if (d.tokens.empty()) return;
  if (d.tokens.size() > 1) {
    starts_.add(d.tokens[0].hash, kStartsPhrase);
    pairs_.add(combine_hash(d.tokens[0].hash, d.tokens[1].hash), 1);
    multi_.add(phrase, payload, rules);
    return;
  }
  const uint64_t h = d.tokens[0].hash;
  starts_.add(h, kStartsWord);
  std::string key(d.folded_key(d.tokens[0]));
  for (auto& s : singles_) {
    if (s.hash == h && s.key == key) {
      if (std::find(s.payloads.begin(), s.payloads.end(), payload) == s.payloads.end()) s.payloads.push_back(payload);
      return;
    }
  }
  singles_.push_back({h, std::move(key), {payload}});
  if (singles_.size() * 2 > slots_.size()) {
    rehash();
  } else {
    uint64_t slot = (h >> 7) & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<int32_t>(singles_.size() - 1);
  }
}

void TokenLexicon::rehash() {
  size_t size = 16;
  while (size < singles_.size() * 4) size *= 2;
  slots_.assign(size, -1);
  mask_ = size - 1;
  for (size_t i = 0; i < singles_.size(); ++i) {
    uint64_t slot = (singles_[i].hash >> 7) & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<int32_t>(i);
  }
}

void TokenLexicon::Filter::add(uint64_t h, uint8_t tag) {
  added_.push_back({h, tag});
  constexpr uint64_t kSlotsPerEntry = 16;
  if (added_.size() * kSlotsPerEntry > mask_ + 1) {
    const uint64_t size = std::bit_ceil(added_.size() * kSlotsPerEntry);
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (const auto& [k, t] : added_) slots_[k & mask_] |= t;
    return;
  }
  slots_[h & mask_] |= tag;
}

bool TokenLexicon::multi_words_at(const Document& doc, uint32_t i, uint32_t end,
                                  std::vector<PhraseMatcher::Match>& out) const {
  multi_.matches_at(doc, i, end, out);
  if (!out.empty() && out.front().end > i + 1) {
    const uint32_t longest = out.front().end;
    out.erase(std::remove_if(out.begin(), out.end(), [&](const auto& m) { return m.end != longest; }), out.end());
    return true;
  }
  out.clear();
  return false;
}

}  // namespace claimtrace
