#include "quantity/article_one.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace claimtrace::quantity {
namespace {

// The extents of the numbers and quantities already found, sorted by start,
// with the largest end so far: whether one overlaps a span is a binary
// search, not a scan (a long text of "un mètre" must stay linear).
class Covered {
 public:
  explicit Covered(const Document& doc) {
    for (const auto& n : doc.numbers) spans_.push_back({n.at.start, n.at.end});
    for (const auto& q : doc.quantities) spans_.push_back({q.at.start, q.at.end});
    std::sort(spans_.begin(), spans_.end());
    uint32_t end = 0;
    for (auto& [start, e] : spans_) e = end = std::max(end, e);  // running maximum of ends
  }
  bool overlaps(Extent at) const {
    auto it = std::lower_bound(spans_.begin(), spans_.end(), std::pair{at.end, uint32_t{0}});
    return it != spans_.begin() && std::prev(it)->second > at.start;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // start, largest end up to here
};

}  // namespace

void add_article_quantities(Document& doc, const UnitLexicon& lex) {
  if (lex.one().size() == 0) return;
  std::vector<PhraseMatcher::Match> ms;
  std::optional<Covered> covered;  // built at the first candidate: most documents have none
  for (const Sentence& s : doc.sentences) {
    // The filter behind matches_at makes this one probe per token.
    for (uint32_t i = s.first_token; i + 1 < s.end_token; ++i) {
      ms.clear();
      lex.one().matches_at(doc, i, i + 1, ms);
      if (ms.empty()) continue;
      // A word, not a letter: "un M. Dupont" is a man, "un an" a year.
      const Token& next = doc.tokens[i + 1];
      if (next.kind != TokenKind::kWord || next.at.end - next.at.start < 2) continue;
      ms.clear();
      lex.after().matches_at(doc, i + 1, s.end_token, ms);
      const UnitEntry* unit = nullptr;
      uint32_t end = 0;
      for (const auto& m : ms) {
        const UnitEntry& e = lex.entry(m.payload);
        if (((e.kind == EntryKind::kUnit && !e.only_sub) || (e.kind == EntryKind::kMoney && !e.when_scaled)) &&
            m.end > end) {
          unit = &e, end = m.end;
        }
      }
      if (!unit || !lex.one_before(doc.folded_key(next))) continue;
      const Extent at{doc.tokens[i].at.start, doc.tokens[end - 1].at.end};
      if (!covered) covered.emplace(doc);
      if (covered->overlaps(at)) continue;
      QuantitySpan q;
      q.noun = {next.at.start, doc.tokens[end - 1].at.end};
      double value = 1;
      // "un kilomètre et demi"
      ms.clear();
      lex.fraction_after().matches_at(doc, end, s.end_token, ms);
      if (!ms.empty()) {
        value += lex.entry(ms.front().payload).factor;
        end = ms.front().end;
      }
      q.at = {at.start, doc.tokens[end - 1].at.end};
      q.amount.value = value * unit->factor;
      q.unit = unit->unit;
      q.why = {"quantity.article_one", unit->where};
      doc.quantities.push_back(std::move(q));
      i = end - 1;
    }
  }
}

}  // namespace claimtrace::quantity
