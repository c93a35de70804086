#include "entity/name_matcher.h"

#include <fmt/format.h>

#include "resources/table.h"
#include "text/fold.h"

namespace claimtrace {

void NameMatcher::add(std::string_view text, NameRef ref, const TextRules& rules) {
  Document doc = tokenize_phrase(text, rules);
  if (doc.tokens.empty()) return;
  first_hashes_.push_back(doc.tokens.front().hash);
  if (!(ref.flags & (kNameCapital | kNameAllCaps))) lowercase_first_hashes_.push_back(doc.tokens.front().hash);
  phrases_.add(text, static_cast<uint32_t>(refs_.size()), rules);
  refs_.push_back(ref);
}

Result<NameMatcher> NameMatcher::build(std::shared_ptr<const Knowledge> knowledge, const LanguageContext& context,
                                       const std::vector<std::pair<std::string, uint32_t>>& extra) {
  NameMatcher m;
  m.knowledge_ = std::move(knowledge);
  const TextRules& rules = *context.text_rules;
  for (const auto& name : m.knowledge_->names) m.add(name.text, {name.entity, name.flags, name.why}, rules);

  // FORMAT: country forms (every gender and number, '|' between)
  auto demonyms = load_optional_table(context.root, context.path("entity", "demonyms.tsv"), 2, 2);
  if (!demonyms) return std::unexpected(demonyms.error());
  for (const auto& row : demonyms->rows) {
    int32_t e = m.knowledge_->index_of("country/" + row[0]);
    if (e < 0) return fail(std::string(row.where), fmt::format("unknown country code '{}'", row[0]));
    std::string_view forms = row[1];
    while (!forms.empty()) {
      auto bar = forms.find('|');
      std::string_view form = forms.substr(0, bar);
      if (!form.empty()) {
        uint8_t flags = static_cast<uint8_t>(kNameDemonym | case_flags(form));
        m.add(form, {static_cast<uint32_t>(e), flags, {"entity.demonym", row.where}}, rules);
        if (form.find(' ') == std::string_view::npos) m.demonyms_.insert(key_hash(fold(form)), static_cast<uint32_t>(e));
      }
      if (bar == std::string_view::npos) break;
      forms.remove_prefix(bar + 1);
    }
  }
  for (const auto& [text, entity] : extra) m.add(text, {entity, case_flags(text), {"entity.extra", ""}}, rules);

  // About 16 bits per name, at least 64 Kbit: a few thousand names keep the
  // filter in the first-level cache, 100,000 extra names keep it sparse.
  uint64_t bits = uint64_t{1} << 16;
  while (bits < m.first_hashes_.size() * 16) bits <<= 1;
  m.first_words_ = HashBits(bits);
  for (uint64_t h : m.first_hashes_) m.first_words_.set(h);
  m.first_hashes_ = {};
  m.lowercase_first_words_ = HashBits(bits);
  for (uint64_t h : m.lowercase_first_hashes_) m.lowercase_first_words_.set(h);
  m.lowercase_first_hashes_ = {};
  return m;
}

}  // namespace claimtrace
