#include "claim/cue_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ranges>

#include "resources/table.h"

namespace claimtrace {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    std::string_view part = s.substr(start, at == std::string_view::npos ? s.npos : at - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

float parse_float(std::string_view s, float fallback) {
  if (s.empty()) return fallback;
  float v = fallback;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() ? v : fallback;
}

CueKind kind_of_label(std::string_view label) {
  if (label == "rumoured") return CueKind::kRumour;
  if (label == "denied") return CueKind::kDenial;
  if (label == "confirmed") return CueKind::kConfirmation;
  if (label == "negation" || label == "negation_after_verb") return CueKind::kNegation;
  return CueKind::kCertainty;
}

}  // namespace

std::vector<std::string> expand_inflections(
    std::string_view phrase, const std::unordered_map<std::string, std::vector<std::string>>& classes) {
  std::vector<std::string> out;
  for (std::string_view alt : split(phrase, '|')) {
    size_t plus = alt.find('+');
    if (plus == std::string_view::npos) {
      out.emplace_back(alt);
      continue;
    }
    size_t cls_end = alt.find(' ', plus);
    std::string cls(alt.substr(plus + 1, cls_end == std::string_view::npos ? alt.npos : cls_end - plus - 1));
    std::string_view head = alt.substr(0, plus);
    std::string_view tail = cls_end == std::string_view::npos ? std::string_view() : alt.substr(cls_end);
    auto it = classes.find(cls);
    if (it == classes.end()) {
      out.emplace_back(alt);  // reported by the caller as an unknown class
      continue;
    }
    for (const auto& ending : it->second) {
      std::string form(head);
      if (ending != "0") form += ending;
      form += tail;
      out.push_back(std::move(form));
    }
  }
  return out;
}

uint32_t CueLexicon::add_entry(CueEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

void CueLexicon::add_phrase(std::string_view phrase, uint32_t entry, const TextRules& rules) {
  matcher_.add(phrase, entry, rules);
}

Result<void> CueLexicon::load_file(const LanguageContext& context, std::string_view file, CueKind kind) {
  auto table = load_optional_table(context.root, context.path("claim", file), 2, 4);
  if (!table) return std::unexpected(table.error());
  for (const auto& row : table->rows) {
    CueEntry e;
    e.kind = kind;
    e.why = Origin{"cue.lexicon", row.where};
    e.key = std::string(row.get(1));
    if (file == "reporting.tsv" || file == "participles.tsv") {
      e.frame = row.size() > 2 ? std::string(row.get(2)) : "say";
      e.strength = 1;
    } else if (file == "attribution.tsv") {
      e.ignore = e.key == "ignore";
    } else if (file == "certainty.tsv") {
      e.ignore = e.key == "none";
      e.kind = kind_of_label(e.key);
      e.strength = parse_float(row.get(2), 0.5f);
    } else if (file == "status.tsv") {
      e.frame = row.size() > 2 ? std::string(row.get(2)) : "";
    } else if (file == "triggers.tsv") {
      e.ignore = e.key == "none";
      e.frame = std::string(row.get(2));
      e.needs = std::string(row.get(3));
    }
    if (e.key.empty()) return fail(std::string(row.where), "the second field is empty");
    for (std::string_view part : split(row[0], '|')) {
      if (size_t plus = part.find('+'); plus != std::string_view::npos) {
        size_t end = part.find(' ', plus);
        std::string cls(part.substr(plus + 1, end == std::string_view::npos ? part.npos : end - plus - 1));
        if (!inflections_.contains(cls)) {
          return fail(std::string(row.where), fmt::format("unknown inflection class '{}'", cls));
        }
      }
    }
    uint32_t id = add_entry(std::move(e));
    by_resource_[row.where] = id;
    // A form listed twice with the same meaning (a verb's inflections and an
    // explicit line) would make two cues, hence two claims, at one place.
    const CueEntry& added = entries_[id];
    for (const auto& form : expand_inflections(row[0], inflections_)) {
      auto meaning = fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}", static_cast<int>(added.kind), added.key, added.frame,
                                 added.needs, added.ignore, added.strength, form);
      if (listed_.insert(std::move(meaning)).second) add_phrase(form, id, *context.text_rules);
    }
  }
  return {};
}

Result<CueLexicon> CueLexicon::load(const LanguageContext& context) {
  CueLexicon lex;
  auto infl = load_optional_table(context.root, context.path("claim", "inflections.tsv"), 2, 2);
  if (!infl) return std::unexpected(infl.error());
  for (const auto& row : infl->rows) {
    auto& endings = lex.inflections_[row[0]];
    for (std::string_view e : split(row[1], ',')) endings.emplace_back(e);
  }
  static constexpr std::pair<std::string_view, CueKind> kFiles[] = {
      {"reporting.tsv", CueKind::kReporting},   {"participles.tsv", CueKind::kReporting},
      {"attribution.tsv", CueKind::kAttribution},
      {"certainty.tsv", CueKind::kCertainty},   {"triggers.tsv", CueKind::kEventTrigger},
      {"status.tsv", CueKind::kStatus},
  };
  for (const auto& [file, kind] : kFiles) {
    if (auto ok = lex.load_file(context, file, kind); !ok) return std::unexpected(ok.error());
  }
  auto suffixes = load_optional_table(context.root, context.path("claim", "conditional.tsv"), 4, 4);
  if (!suffixes) return std::unexpected(suffixes.error());
  for (const auto& row : suffixes->rows) {
    if (row[0].empty()) continue;  // an empty suffix would match every word
    CueEntry e;
    e.kind = kind_of_label(row[1]);
    e.key = row[1];
    e.strength = parse_float(row[2], 0.7f);
    e.why = Origin{"cue.conditional_suffix", row.where};
    e.ignore = row[1] == "none";
    uint32_t id = lex.add_entry(std::move(e));
    lex.by_resource_[row.where] = id;
    lex.suffixes_.push_back({row[0], id, static_cast<uint32_t>(parse_float(row[3], 5))});
    lex.suffix_ends_[static_cast<unsigned char>(row[0].back())] = true;
  }
  lex.listed_ = {};
  return lex;
}

const CueEntry* CueLexicon::entry_by_resource(const Cue& cue) const {
  auto it = by_resource_.find(cue.why.resource);
  return it == by_resource_.end() ? nullptr : &entries_[it->second];
}

template <typename Payloads>
uint32_t CueLexicon::add_phrase_cues(const Document& doc, uint32_t i, uint32_t longest, const Payloads& payloads,
                                     std::vector<Cue>& out) const {
  bool blocked = false;
  for (uint32_t p : payloads) blocked = blocked || entries_[p].ignore;
  if (blocked) return longest;
  bool has_certainty = false;
  const Extent at{doc.tokens[i].at.start, doc.tokens[longest - 1].at.end};
  for (uint32_t p : payloads) {
    const CueEntry& e = entries_[p];
    has_certainty = has_certainty || e.kind == CueKind::kCertainty;
    out.push_back(Cue{at, e.kind, e.key, e.strength, e.why, p});
  }
  // A one-word trigger or reporting verb in the conditional ("enverrait")
  // is hedged as well.
  return has_certainty || longest != i + 1 ? longest : i;
}

[[gnu::always_inline]] inline void CueLexicon::scan_sentence(const Document& doc, uint32_t first, uint32_t end,
                                                            std::vector<PhraseMatcher::Match>& here,
                                                            std::vector<Cue>& out) const {
  for (uint32_t i = first; i < end;) {
    // Most tokens start no phrase: without the conditional rule, which tests
    // every word, the scan jumps to where one may start.
    if (suffixes_.empty()) {
      i = matcher_.next_start(doc, i, end);
      if (i == end) break;
    }
    const uint64_t h = doc.tokens[i].hash;
    // next_start has tested the filter already when there are no suffixes.
    if (suffixes_.empty() || matcher_.may_start(h)) {
      uint32_t next = i;
      if (matcher_.may_start_phrase(doc, i, end)) {
        matcher_.matches_at(doc, i, end, here);  // all of one length
        if (!here.empty()) {
          next = add_phrase_cues(doc, i, here.front().end,
                                 here | std::views::transform(&PhraseMatcher::Match::payload), out);
        }
      } else if (const auto payloads = matcher_.single_payloads(h); !payloads.empty()) {
        next = add_phrase_cues(doc, i, i + 1, payloads, out);  // one word: its payloads as they are
      }
      if (next != i) {
        i = next;
        continue;
      }
    }
    if (!suffixes_.empty() && may_take_suffix(doc, doc.tokens[i])) add_conditional_cue(doc, doc.tokens[i], out);
    ++i;
  }
}

void CueLexicon::scan(const Document& doc, std::vector<Cue>& out) const {
  thread_local std::vector<PhraseMatcher::Match> here;
  for (const auto& s : doc.sentences) scan_sentence(doc, s.first_token, s.end_token, here, out);
}

void CueLexicon::add_conditional_cue(const Document& doc, const Token& t, std::vector<Cue>& out) const {
  if (t.kind != TokenKind::kWord) return;
  std::string_view key = doc.folded_key(t);
  for (const auto& s : suffixes_) {
    // The last byte first: most words end otherwise, and ends_with calls memcmp.
    if (key.size() >= s.min_size && key.back() == s.suffix.back() && key.ends_with(s.suffix)) {
      const CueEntry& e = entries_[s.entry];
      if (!e.ignore) out.push_back(Cue{t.at, e.kind, e.key, e.strength, e.why, s.entry});
      return;
    }
  }
}

}  // namespace claimtrace
