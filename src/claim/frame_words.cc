#include "claim/frame_words.h"

#include <fmt/format.h>

#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

constexpr std::pair<std::string_view, Role> kRoles[] = {
    {"recipient", Role::kRecipient},         {"location", Role::kLocation},
    {"agent", Role::kAgent},                 {"of", Role::kOf},
    {"boundary", Role::kBoundary},           {"hypothetical", Role::kHypothetical},
    {"circumstance", Role::kCircumstance},   {"person_pronoun", Role::kPersonPronoun},
    {"thing_pronoun", Role::kThingPronoun},  {"self", Role::kSelf},
    {"relational", Role::kRelational},       {"anaphor_info", Role::kAnaphorInfo},
    {"aux", Role::kAux},                     {"complementizer", Role::kComplementizer},
    {"relative", Role::kRelative},           {"determiner", Role::kDeterminer},
    {"source_noun", Role::kSourceNoun},      {"coordinator", Role::kCoordinator},
    {"personnel_noun", Role::kPersonnelNoun}, {"infinitive", Role::kInfinitive},
    {"noun_marker", Role::kNounMarker},      {"participle_opener", Role::kParticipleOpener},
    {"passive_aux", Role::kPassiveAux},      {"speaker_noun", Role::kSpeakerNoun},
    {"opening_noun_marker", Role::kOpeningNounMarker}, {"addressee", Role::kAddressee},
    {"past_reporting", Role::kPastReporting}, {"backshifted", Role::kBackshifted},
    {"beneficiary", Role::kBeneficiary},     {"office_noun", Role::kOfficeNoun},
    {"inversion_aux", Role::kInversionAux},  {"target", Role::kTarget},
    {"clitic", Role::kClitic},               {"indefinite", Role::kIndefinite},
};

}  // namespace

Result<FrameWords> FrameWords::load(const LanguageContext& context) {
  FrameWords fw;
  auto table = load_optional_table(context.root, context.path("claim", "frame_words.tsv"), 2, 2);
  if (!table) return std::unexpected(table.error());
  for (const auto& row : table->rows) {
    Role role = Role::kNone;
    for (const auto& [name, r] : kRoles) {
      if (row[1] == name) role = r;
    }
    if (role == Role::kNone) return fail(std::string(row.where), fmt::format("unknown role '{}'", row[1]));
    fw.entries_.push_back({role, Origin{"claim.frame_word", row.where}});
    const auto id = static_cast<uint32_t>(fw.entries_.size() - 1);
    if (row[0].ends_with('\'') && row[0].find(' ') == std::string::npos) {
      fw.elided_[fold(row[0])].push_back(id);
    } else {
      fw.matcher_.add(row[0], id, *context.text_rules);
    }
  }
  for (size_t k = 0; k < fw.matcher_.single_count(); ++k) {
    const auto ids = fw.matcher_.payloads_of_single(k);
    WordRoles w{0, ids.front()};
    for (uint32_t id : ids) w.roles |= role_bit(fw.entries_[id].first);
    fw.word_roles_.push_back(w);
  }
  auto companions = load_optional_table(context.root, context.path("claim", "companions.tsv"), 2, 2);
  if (!companions) return std::unexpected(companions.error());
  for (const auto& row : companions->rows) {
    if (row[1] != "suffix" && row[1] != "prefix")
      return fail(std::string(row.where), fmt::format("'{}' is neither suffix nor prefix", row[1]));
    (row[1] == "suffix" ? fw.companion_suffixes_ : fw.companion_prefixes_).emplace_back(row[0]);
  }
  auto types = load_optional_table(context.root, context.path("claim", "event_types.tsv"), 2, 4);
  if (!types) return std::unexpected(types.error());
  for (const auto& row : types->rows) {
    std::string plover(row.get(2));
    if (plover == "-") plover.clear();
    fw.types_.push_back(EventType{row[0], row[1] == "-" ? "" : row[1], plover,
                                  row.size() > 3 ? std::string(row.get(3)) : "subject",
                                  Origin{"claim.event_type", row.where}});
  }
  return fw;
}

void FrameWords::mark_roles(const Document& doc, uint32_t first, uint32_t end, std::span<RoleBits> roles,
                            std::span<Origin> why) const {
  auto mark = [&](uint32_t from, uint32_t to, uint32_t entry) {
    const auto& [role, origin] = entries_[entry];
    for (uint32_t t = from; t < to; ++t) {
      if (roles[t - first] == 0) why[t - first] = origin;
      roles[t - first] |= role_bit(role);
    }
  };
  thread_local std::vector<PhraseMatcher::Match> here;
  for (uint32_t i = matcher_.next_start(doc, first, end); i < end; i = matcher_.next_start(doc, i, end)) {
    const uint64_t h = doc.tokens[i].hash;
    // A word that opens no phrase here, the common case, is marked from the
    // summary of its lines, without gathering matches. (Its first line gives
    // the why, as marking line by line did.)
    if (!matcher_.may_start_phrase(doc, i, end)) {
      if (const int32_t k = matcher_.single_index(h); k >= 0) {
        const WordRoles& w = word_roles_[k];
        if (roles[i - first] == 0) why[i - first] = entries_[w.first_entry].second;
        roles[i - first] |= w.roles;
      }
      ++i;
      continue;
    }
    matcher_.matches_at(doc, i, end, here);
    if (here.empty()) {
      ++i;
      continue;
    }
    const uint32_t longest = here.front().end;
    for (const auto& m : here) {
      if (m.end != longest) break;
      mark(m.first, m.end, m.payload);
    }
    i = longest;
  }
  if (elided_.empty()) return;
  for (uint32_t t = first; t < end; ++t) {
    std::string_view key = doc.folded_key(doc.tokens[t]);
    if (key.empty() || key.back() != '\'') continue;
    if (auto it = elided_.find(key); it != elided_.end()) {
      for (uint32_t id : it->second) mark(t, t + 1, id);
    }
  }
}

RoleBits FrameWords::roles_of_token(const Document& doc, uint32_t t) const {
  RoleBits mask = 0;
  if (const int32_t k = matcher_.single_index(doc.tokens[t].hash); k >= 0) mask = word_roles_[k].roles;
  std::string_view key = doc.folded_key(doc.tokens[t]);
  if (!key.empty() && key.back() == '\'') {
    if (auto it = elided_.find(key); it != elided_.end()) {
      for (uint32_t id : it->second) mask |= role_bit(entries_[id].first);
    }
  }
  return mask;
}

const EventType* FrameWords::event_type(std::string_view name) const {
  for (const auto& t : types_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

bool FrameWords::verb_companion_form(std::string_view word) const {
  for (const auto& s : companion_suffixes_) {
    if (word.size() > s.size() + 1 && word.ends_with(s)) return true;
  }
  for (const auto& p : companion_prefixes_) {
    if (word.starts_with(p)) return true;
  }
  return false;
}

}  // namespace claimtrace
