// --explain: per claim field, the rules and resource lines that set it
// (Claim::explain, printed by src/output/json_output.cc).
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "core/document.h"

namespace claimtrace {

inline void add_explain(Claim& claim, const std::string& field, const std::vector<Origin>& why) {
  auto& list = claim.explain[field];
  for (const Origin& o : why) {
    if (o.rule.empty() && o.resource.empty()) continue;
    bool seen = false;
    for (const Origin& e : list) seen = seen || (e.rule == o.rule && e.resource == o.resource);
    if (!seen) list.push_back(o);
  }
}

}  // namespace claimtrace
