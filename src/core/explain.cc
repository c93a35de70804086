#include "core/explain.h"

#include <algorithm>

namespace claimtrace {
namespace {

// Rules are literals and resources point into loaded files: the same line
// is nearly always the same pointer, and the bytes are compared only when not.
bool same(std::string_view a, std::string_view b) { return a.size() == b.size() && (a.data() == b.data() || a == b); }

}  // namespace

void Explain::add(std::string_view field, const Origin* first, const Origin* end) {
  // A claim gathers about a dozen lines: one allocation instead of five regrowths.
  if (lines_.capacity() == 0) lines_.reserve(kTypicalLines);
  for (const Origin* o = first; o != end; ++o) {
    if (o->rule.empty() && o->resource.empty()) continue;
    bool seen = std::any_of(lines_.begin(), lines_.end(), [&](const Line& l) {
      // The rule first: it tells most lines apart, where many share a field.
      return same(l.origin.rule, o->rule) && same(l.field, field) && same(l.origin.resource, o->resource);
    });
    if (!seen) lines_.push_back({field, *o});
  }
}

void Explain::set(std::string_view field, const Origin* first, const Origin* end) {
  std::erase_if(lines_, [&](const Line& l) { return l.field == field; });
  for (const Origin* o = first; o != end; ++o) lines_.push_back({field, *o});
}

std::vector<Origin> Explain::of(std::string_view field) const {
  std::vector<Origin> out;
  for (const Line& l : lines_) {
    if (l.field == field) out.push_back(l.origin);
  }
  return out;
}

const Origin* Explain::last(std::string_view field) const {
  for (auto l = lines_.rbegin(); l != lines_.rend(); ++l) {
    if (l->field == field) return &l->origin;
  }
  return nullptr;
}

std::vector<Explain::Line> Explain::by_field() const {
  std::vector<Line> out = lines_;
  std::stable_sort(out.begin(), out.end(), [](const Line& a, const Line& b) { return a.field < b.field; });
  return out;
}

}  // namespace claimtrace
