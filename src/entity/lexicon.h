// The words of one language that the entity rules read, loaded from
// resources/<lang>/entity/ (and common/entity/name_particles.tsv):
//   roles.tsv          role nouns and titles that introduce a person (député, Gen, spokesman)
//   org_heads.tsv      head nouns that make a capitalized run an organisation (Center, Institut)
//   place_heads.tsv    head nouns that make it a place (rue, Street, Lake, Sea)
//   descriptions.tsv   definite descriptions and the entities they may stand for (média -> outlet)
//   determiners.tsv    definite determiners that open a description (le, la, les, l', the)
//   not_names.tsv      capitalized words that never start a name (Le, Selon, The)
//   not_person_words.tsv  words of names that are no person's (War, Europe, Deputy, Court)
//   place_prepositions.tsv  prepositions after which a capitalized run is a place, not a person (in, near)
//   country_linkers.tsv  words that give a description its country ("the President of Russia": of)
//   demonym_prefixes.tsv  combining forms of compounds (russo-, ukraino-, Sino-)
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/span.h"
#include "pipeline/annotator.h"
#include "text/phrase_matcher.h"

namespace claimtrace {

// A bit per 64-bit token hash, at its low bits: a filter that turns away
// most words absent from a set with one bit test.
class HashBits {
 public:
  explicit HashBits(size_t bits = 64) : words_((bits + 63) / 64), mask_(words_.size() * 64 - 1) {}  // bits: a power of two
  void set(uint64_t key) { words_[(key & mask_) >> 6] |= uint64_t{1} << (key & 63); }
  bool has(uint64_t key) const { return view().has(key); }

  // The filter's words and mask by value: a loop over many tokens keeps
  // them in registers instead of reloading them through the owner.
  struct View {
    const uint64_t* words;
    uint64_t mask;
    bool has(uint64_t key) const { return (words[(key & mask) >> 6] >> (key & 63)) & 1; }
  };
  View view() const { return {words_.data(), mask_}; }

 private:
  std::vector<uint64_t> words_;
  uint64_t mask_;
};

// An open-addressing set of 64-bit token hashes with a small value: probed on
// every token, so it stays flat and small.
class HashTable64 {
 public:
  // Keeps the first value of a key.
  void insert(uint64_t key, uint32_t value) { put(key, value, false); }
  // ORs bits into the value of a key.
  void add_bits(uint64_t key, uint32_t bits) { put(key, bits, true); }
  // The value, or -1.
  int64_t find(uint64_t key) const {
    // Most probes are for absent keys: a bit of the key's top bits turns most
    // of them away from a 512-byte filter that stays in L1, before the slots.
    if (!((filter_[key >> 58] >> ((key >> 52) & 63)) & 1)) return -1;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return -1;
      if (s.key == key) return s.value;
    }
  }
  size_t size() const { return size_; }
  template <class F>
  void for_each_key(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.used) f(s.key);
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    bool used = false;
  };
  void put(uint64_t key, uint32_t value, bool merge);
  void grow();
  std::array<uint64_t, 64> filter_{};  // bit (key >> 52) set for every key
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct RoleInfo {
  std::string kind;   // legislator, researcher, minister, military, spokesperson, title
  bool title = false; // an abbreviation or title that the name must follow at once: Gen, Col, M.
  Origin why;
};

struct OrgHeadInfo {
  bool before = false;  // the head opens the name (Institut Montaigne) rather than ends it (Stimson Center)
  std::string kind;     // think_tank, committee, party...; street, lake for a place head
  Origin why;
  bool place = false;   // place_heads.tsv: the name is a place (LOC), "rue de Rivoli", "Red Sea"
};

struct DescriptionInfo {
  std::string type;                // ORG PERSON COUNTRY
  std::vector<std::string> kinds;  // compatible entity kinds; empty: any of the type
  bool needs_country = false;      // a description only with a demonym ("les services ukrainiens")
  Origin why;
  uint64_t type_key = 0;             // key_hash of type and kinds, for cheap comparisons
  std::vector<uint64_t> kind_keys;
};

struct EntityLexicon {
  PhraseMatcher roles;  // payload: index into role_info
  std::vector<RoleInfo> role_info;
  PhraseMatcher org_heads;  // payload: index into org_head_info
  std::vector<OrgHeadInfo> org_head_info;
  // First words of the place heads that open a name ("rue", "île"): the few
  // words before a run are tested against it before anything is probed.
  HashBits place_head_words{1 << 12};
  PhraseMatcher descriptions;  // payload: index into description_info
  // What may follow a description's head (and its demonym) and narrow it:
  // "le ministre [russe] des Affaires étrangères". Payload: description_info.
  PhraseMatcher complements;
  std::vector<DescriptionInfo> description_info;
  HashTable64 determiners;      // folded token hash
  HashTable64 not_names;        // folded token hash
  HashTable64 not_person_words; // folded token hash: a run holding one is read as no person by its shape
  HashTable64 particles;        // folded token hash: de, van, bin, al
  HashTable64 complement_openers;  // folded token hash: of, to, du (complement_openers.tsv)
  HashTable64 place_prepositions;  // folded token hash: in, near, dans (place_prepositions.tsv)
  HashTable64 country_linkers;     // folded token hash: of, de (country_linkers.tsv)
  HashTable64 demonym_prefixes; // folded hash of "russo" -> index into prefix_country
  std::vector<std::string> prefix_country;  // country/RU
  std::vector<Origin> prefix_why;

  // Token hashes that may open a role, an org head or a description, and the
  // determiners: a quick filter before the phrase matchers are probed, one
  // probe per word token answering every question about it.
  HashTable64 openers;
};

enum OpenerBit : uint32_t { kOpensRole = 1, kOpensOrgHead = 2, kOpensDescription = 4, kIsDeterminer = 8 };

Result<EntityLexicon> load_entity_lexicon(const LanguageContext& context);

}  // namespace claimtrace
