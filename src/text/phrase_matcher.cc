#include "text/phrase_matcher.h"

#include <algorithm>

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

bool PhraseMatcher::add(std::string_view phrase, uint32_t payload, const TextRules& rules) {
  Document doc = tokenize_phrase(phrase, rules);
  if (doc.tokens.empty()) return false;
  uint64_t h = 0;
  std::string key;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    h = combine_hash(h, t.hash);
    if (i) key.push_back('\x1f');
    key.append(doc.folded_key(t));
    if (i + 1 < n) {
      uint32_t& longest = prefixes_[h];
      longest = std::max(longest, n);
    }
  }
  auto& entries = phrases_[h];
  for (const auto& e : entries) {
    if (e.key == key && e.payload == payload) return true;
  }
  entries.push_back({std::move(key), payload});
  max_tokens_ = std::max(max_tokens_, n);
  ++count_;
  return true;
}

bool PhraseMatcher::same_key(const Document& doc, uint32_t first, uint32_t end, std::string_view key) const {
  size_t pos = 0;
  for (uint32_t i = first; i < end; ++i) {
    if (i > first) {
      if (pos >= key.size() || key[pos] != '\x1f') return false;
      ++pos;
    }
    std::string_view tk = doc.folded_key(doc.tokens[i]);
    if (key.compare(pos, tk.size(), tk) != 0) return false;
    pos += tk.size();
  }
  return pos == key.size();
}

void PhraseMatcher::matches_at(const Document& doc, uint32_t first, uint32_t limit, std::vector<Match>& out) const {
  limit = std::min<uint32_t>(limit, static_cast<uint32_t>(doc.tokens.size()));
  size_t mark = out.size();
  uint64_t h = 0;
  for (uint32_t i = first; i < limit && i - first < max_tokens_; ++i) {
    h = combine_hash(h, doc.tokens[i].hash);
    if (auto it = phrases_.find(h); it != phrases_.end()) {
      for (const auto& e : it->second) {
        if (same_key(doc, first, i + 1, e.key)) out.push_back({first, i + 1, e.payload});
      }
    }
    if (!prefixes_.contains(h)) break;
  }
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(mark), out.end(),
                   [](const Match& a, const Match& b) { return a.end > b.end; });
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
