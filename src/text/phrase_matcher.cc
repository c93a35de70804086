#include "text/phrase_matcher.h"

#include <algorithm>
#include <cstring>

#include "text/fold.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

namespace claimtrace {

Document tokenize_phrase(std::string_view phrase, const TextRules& rules) {
  Document doc;
  doc.text.assign(phrase);
  doc.normalized = normalize_text(doc.text);
  tokenize(doc, rules);
  return doc;
}

PhraseMatcher::Slot& PhraseMatcher::slot_for(uint64_t key) {
  // At most a quarter full: most lookups are for absent keys, which probe
  // until an empty slot.
  if ((used_ + 1) * 4 > slots_.size()) grow();
  size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.used) {
      slot.used = true;
      slot.key = key;
      slot.group = kNoGroup;
      ++used_;
      return slot;
    }
    if (slot.key == key) return slot;
  }
}

const PhraseMatcher::Slot* PhraseMatcher::find(uint64_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.used) return nullptr;
    if (slot.key == key) return &slot;
  }
}

void PhraseMatcher::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  used_ = 0;
  for (const Slot& slot : old) {
    if (!slot.used) continue;
    Slot& moved = slot_for(slot.key);
    moved.group = slot.group;
    moved.prefix = slot.prefix;
  }
}

bool PhraseMatcher::add(std::string_view phrase, uint32_t payload, const TextRules& rules) {
  Document doc = tokenize_phrase(phrase, rules);
  return add_tokens(doc, static_cast<uint32_t>(doc.tokens.size()), payload);
}

bool PhraseMatcher::add_elided(std::string_view phrase, uint32_t payload, const TextRules& rules) {
  if (phrase.empty() || phrase.back() != '\'') return false;
  // Written before a word the tokenizer keeps the elided word whole: tokenize
  // it so, then leave the word out.
  Document doc = tokenize_phrase(std::string(phrase) + "x", rules);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (n < 2 || !doc.tokens[n - 2].has(kElision)) return false;
  return add_tokens(doc, n - 1, payload);
}

bool PhraseMatcher::add_tokens(const Document& doc, uint32_t n, uint32_t payload) {
  if (n == 0) return false;
  const Token& head = doc.tokens.front();
  add_filter_key(head.hash);
  const uint64_t one = combine_hash(0, head.hash);
  add_filter_key(n == 1 ? one : combine_hash(one, doc.tokens[1].hash));
  uint64_t h = 0;
  std::string key;
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    h = combine_hash(h, t.hash);
    if (i) key.push_back('\x1f');
    key.append(doc.folded_key(t));
    if (i + 1 < n) slot_for(h).prefix = true;
  }
  Slot& slot = slot_for(h);
  if (slot.group == kNoGroup) {
    slot.group = static_cast<uint32_t>(groups_.size());
    groups_.emplace_back();
  }
  auto& entries = groups_[slot.group];
  for (const auto& e : entries) {
    if (e.key == key && e.payload == payload) return true;
  }
  entries.push_back({std::move(key), payload});
  max_tokens_ = std::max(max_tokens_, n);
  ++count_;
  return true;
}

void PhraseMatcher::add_filter_key(uint64_t key) {
  // Keep the filter sparse: about 16 bits per key.
  if ((filter_keys_.size() + 1) * 16 > filter_.size() * 64) {
    filter_.assign(filter_.size() * 4, 0);
    filter_mask_ = filter_.size() - 1;
    for (uint64_t k : filter_keys_) filter_set(k);
  }
  filter_keys_.push_back(key);
  filter_set(key);
}

bool PhraseMatcher::same_key(const Document& doc, uint32_t first, uint32_t end, std::string_view key) const {
  // Raw compares: the folded keys are views into Document::folded.
  const char* k = key.data();
  const char* const k_end = k + key.size();
  const char* folded = doc.folded.data();
  for (uint32_t i = first; i < end; ++i) {
    if (i > first) {
      if (k == k_end || *k != '\x1f') return false;
      ++k;
    }
    const Token& t = doc.tokens[i];
    if (static_cast<size_t>(k_end - k) < t.fold_size || std::memcmp(k, folded + t.fold_start, t.fold_size) != 0)
      return false;
    k += t.fold_size;
  }
  return k == k_end;
}

void PhraseMatcher::matches_from(const Document& doc, uint32_t first, uint32_t limit, std::vector<Match>& out) const {
  limit = std::min<uint32_t>(limit, static_cast<uint32_t>(doc.tokens.size()));
  size_t mark = out.size();
  uint64_t h = 0;
  for (uint32_t i = first; i < limit && i - first < max_tokens_; ++i) {
    h = combine_hash(h, doc.tokens[i].hash);
    const Slot* slot = find(h);
    if (!slot) break;
    if (slot->group != kNoGroup) {
      for (const auto& e : groups_[slot->group]) {
        if (same_key(doc, first, i + 1, e.key)) out.push_back({first, i + 1, e.payload});
      }
    }
    if (!slot->prefix) break;
  }
  // Longest first, stable; a handful of matches at most, so insertion sort
  // (std::stable_sort would allocate a buffer on every call).
  for (size_t i = mark + 1; i < out.size(); ++i) {
    Match m = out[i];
    size_t j = i;
    while (j > mark && out[j - 1].end < m.end) {
      out[j] = out[j - 1];
      --j;
    }
    out[j] = m;
  }
}

void PhraseMatcher::scan(const Document& doc, uint32_t first, uint32_t end, std::vector<Match>& out) const {
  std::vector<Match> here;
  for (uint32_t i = first; i < end;) {
    here.clear();
    matches_at(doc, i, end, here);
    if (here.empty()) {
      ++i;
      continue;
    }
    uint32_t longest = here.front().end;
    for (const auto& m : here) {
      if (m.end == longest) out.push_back(m);
    }
    i = longest;
  }
}

}  // namespace claimtrace
