// Why a claim's fields hold what they hold, for `extract --explain`: the
// rules and resource lines that set each field.
//
// A flat list of (field, origin) lines rather than a map of vectors: a claim
// has a dozen lines, and a map node plus a vector per field was a third of the
// claim layer's allocations (docs/performance.md). Field names are string
// literals of the code that sets them.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace claimtrace {

class Explain {
 public:
  struct Line {
    std::string_view field;
    Origin origin;
  };

  // Adds the origins that name something, once each per field.
  void add(std::string_view field, std::initializer_list<Origin> why) { add(field, why.begin(), why.end()); }
  void add(std::string_view field, const std::vector<Origin>& why) { add(field, why.data(), why.data() + why.size()); }
  // Appends one origin as it is (the frame finders' running record).
  void push(std::string_view field, Origin why) { lines_.push_back({field, why}); }
  // Replaces what the field holds.
  void set(std::string_view field, std::initializer_list<Origin> why) { set(field, why.begin(), why.end()); }
  void set(std::string_view field, const std::vector<Origin>& why) { set(field, why.data(), why.data() + why.size()); }

  std::vector<Origin> of(std::string_view field) const;
  const Origin* last(std::string_view field) const;  // nullptr when the field has none
  // Lines grouped by field, fields in name order, each field's lines in the
  // order they were added.
  std::vector<Line> by_field() const;
  bool empty() const { return lines_.empty(); }

 private:
  void add(std::string_view field, const Origin* first, const Origin* end);
  void set(std::string_view field, const Origin* first, const Origin* end);
  static constexpr size_t kTypicalLines = 16;
  std::vector<Line> lines_;
};

}  // namespace claimtrace
