#include "text/sentences.h"

#include <cstring>

#include "text/normalize.h"

namespace claimtrace {
namespace {

// The character of a one-byte punctuation or symbol token, else 0.
inline char punct_char(const Document& doc, const Token& t) {
  return t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber && t.nend - t.nstart == 1
             ? doc.normalized.text[t.nstart]
             : '\0';
}

inline bool is_punct(const Document& doc, const Token& t, char c) { return punct_char(doc, t) == c; }

inline bool is_terminal(const Document& doc, const Token& t) {
  const char c = punct_char(doc, t);
  return c == '.' || c == '!' || c == '?';
}

// The first token in [from, end) that is not a word or number: most tokens
// are passed over here, by pointer.
inline const Token* skip_words(const Token* from, const Token* end) {
  while (from < end && (from->kind == TokenKind::kWord || from->kind == TokenKind::kNumber)) ++from;
  return from;
}

// Whether a sentence may end at token t inside one: a line break before
// it or a terminal mark.
inline bool may_end_sentence(const Document& doc, const Token& t) {
  return t.has(kNewlineBefore) || is_terminal(doc, t);
}

bool starts_lowercase(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kWord || t.has(kCapitalized)) return false;
  unsigned char b = static_cast<unsigned char>(doc.normalized.text[t.nstart]);
  return b >= 0x80 || (b >= 'a' && b <= 'z');
}

class Splitter {
 public:
  Splitter(Document& doc, const TextRules& rules) : doc_(doc), rules_(rules), toks_(doc.tokens) {
    if (!doc.title.empty()) title_ = normalize_text(doc.title).text;
    while (!title_.empty() && (title_.back() == ' ' || title_.back() == '\n')) title_.pop_back();
  }

  void run() {
    doc_.sentences.clear();
    const uint32_t n = static_cast<uint32_t>(toks_.size());
    // News sentences run 20-30 tokens: room for one in sixteen tokens is
    // made once, where the vector grew by doubling from one in every document.
    doc_.sentences.reserve(n / 16 + 4);
    uint32_t start = 0;
    uint32_t paragraph = 0;
    bool title_done = false;
    const Token* const toks = toks_.data();
    // One past the last token that may end a sentence: below it, the loop
    // that passes over the others needs no bound test.
    uint32_t ends_before = n;
    while (ends_before > 0 && !may_end_sentence(doc_, toks[ends_before - 1])) --ends_before;
    for (uint32_t i = 0; i < n; ++i) {
      if (i != start) {
        // Inside a sentence only a line break or a terminal mark can end
        // it: every other token (words, numbers, commas, quotes) is passed
        // over in a tight loop.
        if (i >= ends_before) break;
        const Token* t = toks + i;
        while (!may_end_sentence(doc_, *t)) ++t;
        i = static_cast<uint32_t>(t - toks);
      }
      const Token& t = toks[i];
      if (i > 0 && t.has(kNewlineBefore)) {
        bool paragraph_break = t.has(kParagraphBefore);
        if (i > start && (paragraph_break || line_break_ends_sentence(i))) {
          close(start, i, paragraph);
          start = i;
        }
        if (paragraph_break) ++paragraph;
      }
      if (i == start) {
        // The title, on its own line or glued to the start of the body.
        if (uint32_t end = title_at(i); end > i) {
          close(start, end, paragraph, /*is_title=*/!title_done);
          title_done = true;
          start = end;
          i = end - 1;
          continue;
        }
        if (uint32_t end = dateline_end(i); end > i) {
          close(start, end, paragraph);
          start = end;
          i = end - 1;
          continue;
        }
      }
      if (!is_terminal(doc_, t)) continue;
      uint32_t j = i;
      while (j + 1 < n && !toks_[j + 1].has(kSpaceBefore) && is_terminal(doc_, toks_[j + 1])) ++j;
      while (j + 1 < n && !toks_[j + 1].has(kSpaceBefore) &&
             (is_punct(doc_, toks_[j + 1], '"') || is_punct(doc_, toks_[j + 1], ')'))) ++j;
      uint32_t next = j + 1;
      if (next < n && !toks_[next].has(kSpaceBefore)) continue;  // 3.5, U.S.
      if (next < n && is_punct(doc_, t, '.') && j == i && after_abbreviation(i)) continue;
      if (next < n && starts_lowercase(doc_, toks_[next])) continue;
      close(start, next, paragraph);
      start = next;
      i = j;
    }
    if (start < n) close(start, n, paragraph);
  }

 private:
  // A line ending without punctuation ends the sentence when the next line
  // starts like a sentence.
  bool line_break_ends_sentence(uint32_t i) const {
    const Token& prev = toks_[i - 1];
    for (char c : {',', ';', ':', '(', '-'}) {
      if (is_punct(doc_, prev, c)) return false;
    }
    if (prev.kind == TokenKind::kWord && rules_.elision_keys.contains(prev.hash)) return false;
    return !starts_lowercase(doc_, toks_[i]);
  }

  bool after_abbreviation(uint32_t i) const {
    if (i == 0) return false;
    const Token& prev = toks_[i - 1];
    if (prev.kind != TokenKind::kWord) return false;
    if (rules_.abbreviation_keys.contains(prev.hash)) return true;
    // A single capital letter is an initial: "J. Smith", "U.S.".
    return prev.has(kCapitalized) && prev.nend - prev.nstart == 1;
  }

  uint32_t title_at(uint32_t i) const {
    if (title_.empty()) return i;
    const std::string& text = doc_.normalized.text;
    uint32_t from = toks_[i].nstart;
    if (text[from] != title_[0]) return i;  // most sentences: no compare call
    if (text.compare(from, title_.size(), title_) != 0) return i;
    uint32_t to = from + static_cast<uint32_t>(title_.size());
    uint32_t j = i;
    while (j < toks_.size() && toks_[j].nend <= to) ++j;
    if (j < toks_.size() && toks_[j].nstart < to) return i;  // the title ends inside a token
    return j;
  }

  // "KYIV, Ukraine (Reuters) -", "22 mai 2012. -": a dash after a closing
  // parenthesis or period near the start of a paragraph.
  uint32_t dateline_end(uint32_t i) {
    uint32_t limit = std::min<uint32_t>(static_cast<uint32_t>(toks_.size()), i + 14);
    // Most sentences hold no '-' byte near their start: turned away without
    // a look at their tokens.
    if (i + 2 >= limit || next_dash(toks_[i + 1].nstart) >= toks_[limit - 1].nstart) return i;
    const Token* const toks = toks_.data();
    const Token* const last = toks + limit - 1;  // the dash needs a token after it
    for (const Token* t = skip_words(toks + i + 1, last); t < last; t = skip_words(t + 1, last)) {
      const char c = punct_char(doc_, *t);
      if (c == '!' || c == '?') return i;
      if (c == '-' && t->has(kSpaceBefore) && t[1].has(kSpaceBefore) &&
          (is_punct(doc_, t[-1], ')') || is_punct(doc_, t[-1], '.') || t[-1].has(kAllCaps)))
        return static_cast<uint32_t>(t - toks) + 1;
    }
    return i;
  }

  // The offset of the first '-' of the normalized text at or after `from`
  // (its size when none). The last search's answer serves every later
  // sentence start up to it, so the text is searched about once in all.
  uint32_t next_dash(uint32_t from) {
    if (from < dash_from_ || from > dash_at_) {
      const std::string& text = doc_.normalized.text;
      const auto* found = static_cast<const char*>(std::memchr(text.data() + from, '-', text.size() - from));
      dash_from_ = from;
      dash_at_ = found ? static_cast<uint32_t>(found - text.data()) : static_cast<uint32_t>(text.size());
    }
    return dash_at_;
  }

  void close(uint32_t first, uint32_t end, uint32_t paragraph, bool is_title = false) {
    // Leading dashes and bullets are not part of the sentence.
    while (first < end && (is_punct(doc_, toks_[first], '-') || is_punct(doc_, toks_[first], '*'))) ++first;
    if (first >= end) return;
    Sentence s;
    s.first_token = first;
    s.end_token = end;
    s.at = {toks_[first].at.start, toks_[end - 1].at.end};
    s.paragraph = paragraph;
    s.is_title = is_title;
    doc_.sentences.push_back(s);
  }

  Document& doc_;
  const TextRules& rules_;
  const std::vector<Token>& toks_;
  std::string title_;
  // next_dash's last search: from dash_from_, the first '-' at dash_at_
  // (nothing searched yet: an empty range).
  uint32_t dash_from_ = 1;
  uint32_t dash_at_ = 0;
};

}  // namespace

void split_sentences(Document& doc, const TextRules& rules) { Splitter(doc, rules).run(); }

}  // namespace claimtrace
