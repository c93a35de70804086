// Entities of one document as the annotator finds them, and coreference
// within the document:
// - short forms: once a person is named, their surname (and the short forms
//   of the resource) refer to them ("Choïgou" after "Sergueï Choïgou");
// - definite descriptions ("le média américain", "les services ukrainiens",
//   "le dirigeant suprême") resolve to an apposition that follows them
//   ("le dirigeant suprême du pays, Kim Jong-un"), else to the most recently
//   mentioned compatible entity, else to the resource's default entity of
//   that kind and country (the national intelligence service).
// One DocEntities per document; not shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "entity/knowledge.h"
#include "entity/lexicon.h"

namespace claimtrace {

struct PendingDescription {
  Extent at;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  const DescriptionInfo* info = nullptr;
  std::string country;  // constraint from a demonym: country/UA
  // After "of", "to", "du": the description completes the noun before it
  // ("the Office of the President Rostyslav Shurma"), so the name after it
  // is not the one it titles.
  bool completes_noun = false;
};

class DocEntities {
 public:
  DocEntities(Document& doc, const Knowledge& knowledge) : doc_(doc), knowledge_(knowledge) {
    // Room for a news article's entities: no Entity moved by regrowth.
    constexpr size_t kTypical = 32;
    doc_.entities.reserve(doc_.entities.size() + kTypical);
    keys_.reserve(kTypical);
    starts_.reserve(kTypical);
    by_id_.reserve(kTypical);
    by_record_.reserve(kTypical);
    // And for its mentions: no regrowth from one, two, four... at a time.
    constexpr size_t kTypicalMentions = 64;
    doc_.mentions.reserve(doc_.mentions.size() + kTypicalMentions);
    mention_first_token_.reserve(kTypicalMentions);
  }

  // The document's entity for a known record (added on first use).
  // Inline: most mentions are of a record seen before, found by one probe.
  uint32_t known(uint32_t record) {
    if (auto it = by_record_.find(record); it != by_record_.end()) return it->second;
    return add_record(record);
  }
  // The document's entity with that id, or a new one from the fields given;
  // `added` says which. The record's strings are moved from only when added.
  uint32_t unknown(EntityRecord&& record, bool& added);
  bool has_record(uint32_t record) const;
  // Sets an entity's role and kind (an unknown person's, from the role that introduced them).
  void set_role(uint32_t entity, std::string role, std::string kind);

  // Adds a mention; first_token..end_token are the tokens it covers (for apposition).
  void mention(Extent at, uint32_t entity, uint32_t first_token, bool descriptive, bool demonym, Origin why);

  // Short forms: a capitalized token whose folded hash is an alias of a mentioned person.
  void add_alias(uint64_t token_hash, uint32_t entity);
  // Inline: probed for every capitalized word, and most are no alias.
  int64_t alias(uint64_t token_hash) const {
    if (!alias_index_.empty()) {
      auto it = alias_index_.find(token_hash);
      return it == alias_index_.end() ? -1 : static_cast<int64_t>(it->second);
    }
    if (!((alias_bits_ >> (token_hash & 63)) & 1)) return -1;  // most words, without the scan
    for (const auto& [hash, e] : aliases_) {
      if (hash == token_hash) return e;
    }
    return -1;
  }

  // Descriptions wait until their sentence is read, for an apposition.
  void describe(PendingDescription d) { pending_.push_back(std::move(d)); }
  // Inline: most sentences hold no description, and cost no call.
  void resolve_sentence() {
    if (!pending_.empty()) resolve_pending();
    sentence_mentions_ = doc_.mentions.size();
  }

  // Sorts mentions by position and fills Entity::mentions.
  void finish();

 private:
  uint32_t add_record(uint32_t record);  // known()'s first use of a record
  void resolve_pending();
  bool compatible(uint32_t entity, const PendingDescription& d, uint64_t country_key) const;
  void add_keys(const EntityKeys& keys);
  int64_t apposition(const PendingDescription& d) const;
  int64_t antecedent(const PendingDescription& d) const;
  int64_t default_entity(const PendingDescription& d);

  Document& doc_;
  const Knowledge& knowledge_;
  std::unordered_map<std::string, uint32_t> by_id_;
  // Known records already seen, by record index: spares hashing their id
  // string on every mention of a known name.
  std::unordered_map<uint32_t, uint32_t> by_record_;
  // Surname aliases: a short list scanned in place, as news articles name a
  // few people; past kLinearAliases (long OCR pages) a hash index takes over
  // so that a lookup stays O(1).
  static constexpr size_t kLinearAliases = 16;
  std::vector<std::pair<uint64_t, uint32_t>> aliases_;
  uint64_t alias_bits_ = 0;  // bit (hash & 63) of each hash in aliases_
  std::unordered_map<uint64_t, uint32_t> alias_index_;
  std::vector<PendingDescription> pending_;
  std::vector<uint32_t> mention_first_token_;  // parallel to doc.mentions
  std::vector<EntityKeys> keys_;               // parallel to doc.entities
  std::vector<std::vector<uint32_t>> starts_;  // parallel to doc.entities: its mentions' starts, as added
  size_t sentence_mentions_ = 0;               // first mention of the current sentence
};

}  // namespace claimtrace
