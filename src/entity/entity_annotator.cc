// One pass per sentence over the tokens: at each token, the known names
// (longest first), then the short forms of persons already named, then a
// definite description, a role, a demonym compound, and last an unknown
// capitalized name. Descriptions are resolved when their sentence is read.
#include "entity/entity_annotator.h"

#include <algorithm>

#include "entity/coreference.h"
#include "entity/knowledge.h"
#include "entity/lexicon.h"
#include "entity/name_matcher.h"
#include "entity/unknown_names.h"
#include "text/fold.h"

namespace claimtrace {
namespace {

constexpr uint32_t kRoleWindow = 14;   // tokens a role waits for its name
constexpr uint32_t kMaxNameWords = 4;  // words of an unknown person's name

// A role or title read, waiting for the name it introduces.
struct PendingRole {
  const RoleInfo* info = nullptr;
  Extent at;
  uint32_t next = 0;     // the token right after the role (and what followed it at once)
  uint32_t expires = 0;  // last token the name may start at
  std::string country;   // from a demonym: "le député sud-coréen"
  std::string affiliation;

  bool active(uint32_t token) const { return info && token <= expires; }
};

// What the scan of a document reuses from token to token.
struct Scratch {
  std::vector<PhraseMatcher::Match> found;  // the lexicons' matches: roles, heads, descriptions
  std::vector<PhraseMatcher::Match> names;  // the names' matches at token names_at, up to names_limit
  uint32_t names_at = UINT32_MAX;
  uint32_t names_limit = 0;
};

class EntityAnnotator final : public Annotator {
 public:
  EntityAnnotator(NameMatcher names, EntityLexicon lexicon)
      : names_(std::move(names)), lex_(std::move(lexicon)), may_matter_(names_.lowercase_first_words()) {
    // A word that only heads an organisation or a place ("center", "rue") is
    // read from the capitalized run around it, never from itself: skipped.
    lex_.openers.for_each_key([this](uint64_t key) {
      if (lex_.openers.find(key) != kOpensOrgHead) may_matter_.set(key);
    });
  }

  std::string_view name() const override { return "entity"; }

  void annotate(Document& doc) const override {
    DocEntities ents(doc, names_.knowledge());
    Scratch scratch;
    PendingRole carried;  // "un député sud-coréen. Lee Seong-kweun avait-il…"
    for (const Sentence& s : doc.sentences) {
      scan_sentence(doc, s, ents, scratch, carried);
      ents.resolve_sentence();
    }
    ents.finish();
  }

 private:
  // The accepted known name at token i (longest first), or nullptr.
  // Inline: most tokens that may open a name open none, and are turned away
  // by the matcher's bit tests without a call.
  // The names' matches at one token are kept (Scratch::names): after a
  // determiner, description() looks for a demonym at the next word, and the
  // scan then asks for a name there again.
  const PhraseMatcher::Match* known_name(const Document& doc, uint32_t i, uint32_t end, const DocEntities& ents,
                                         Scratch& scratch) const {
    std::vector<PhraseMatcher::Match>& found = scratch.names;
    if (scratch.names_at != i || scratch.names_limit != end) {
      found.clear();
      names_.matches_at(doc, i, end, found);
      scratch.names_at = i;
      scratch.names_limit = end;
    }
    return found.empty() ? nullptr : accepted_name(doc, i, end, ents, found);
  }

  // The first of the names found at token i that its case and context accept, or nullptr.
  const PhraseMatcher::Match* accepted_name(const Document& doc, uint32_t i, uint32_t end, const DocEntities& ents,
                                            const std::vector<PhraseMatcher::Match>& found) const {
    const Token& t = doc.tokens[i];
    for (const auto& m : found) {
      const NameRef& ref = names_.ref(m.payload);
      // An acronym: capitals ("CNN"), or capital initials ("U.S.").
      const bool initial = t.fold_size == 1 && (t.flags & kCapitalized);
      if ((ref.flags & kNameAllCaps) && (!(t.flags & kAllCaps || initial) || in_capitals(doc, m.first, m.end))) continue;
      if ((ref.flags & kNameCapital) && !(t.flags & (kCapitalized | kAllCaps))) continue;
      if ((ref.flags & kNameCapitalLast) && !(doc.tokens[m.end - 1].flags & (kCapitalized | kAllCaps))) continue;
      if ((ref.flags & kNameCorefOnly) && (!ents.has_record(ref.entity) || name_word_follows(doc, m.end))) continue;
      if ((ref.flags & kNameGazetteer) && city_in_other_name(doc, m, end, ents)) continue;
      if ((ref.flags & kNameDemonym) && demonym_opens_organisation(doc, m, end)) continue;
      return &m;
    }
    return nullptr;
  }

  // A listed place that is a word of another name: the surname of a person
  // named before ("Denver said" after "John Denver"), a first name ("Nancy
  // Pelosi") or the first words of an organisation ("Tulsa Police
  // Department", "West Virginia University"). Only one-word places are names
  // of persons.
  bool city_in_other_name(const Document& doc, const PhraseMatcher::Match& city, uint32_t end,
                          const DocEntities& ents) const {
    const bool one_word = city.end == city.first + 1;
    if (one_word && ents.alias(doc.tokens[city.first].hash) >= 0) return true;
    if (city.end >= end || !name_word_follows(doc, city.end)) return false;
    return (one_word && surname_after(doc, city.end, end)) ||
           organisation_name(doc, lex_, name_run(doc, lex_, city.first, end, kMaxNameWords + 2), end).end != 0;
  }

  // "American Civil Liberties Union", "Russian Aerospace Forces": a
  // capitalized demonym opening an organisation's name is a word of it,
  // unless a description ("Russian Armed Forces") or a known name ("Russian
  // Federal Security Service") follows it, or the name goes on past the run
  // ("Austrian Association of Municipalities" would be cut short).
  bool demonym_opens_organisation(const Document& doc, const PhraseMatcher::Match& m, uint32_t end) const {
    if (!(doc.tokens[m.first].flags & kCapitalized) || m.end >= end || !name_word_follows(doc, m.end)) return false;
    const uint64_t next = doc.tokens[m.end].hash;
    if (const int64_t bits = lex_.openers.find(next); bits >= 0 && (bits & kOpensDescription)) return false;
    const OrgName org = organisation_name(doc, lex_, name_run(doc, lex_, m.first, end, kMaxNameWords + 2), end);
    if (org.end == 0 || continues_past(doc, org.end, end)) return false;
    if (!names_.may_start(next)) return true;
    std::vector<PhraseMatcher::Match> known;  // rare: a demonym before a possible name
    names_.matches_at(doc, m.end, end, known);
    return known.empty();
  }

  // "of Municipalities" after a name: a lower-case word and a name word.
  bool continues_past(const Document& doc, uint32_t k, uint32_t end) const {
    return k + 1 < end && doc.tokens[k].kind == TokenKind::kWord &&
           !(doc.tokens[k].flags & (kCapitalized | kAllCaps)) && is_name_word(doc, doc.tokens[k + 1], lex_);
  }

  // A name word at k that makes the word before it a first name: not a known
  // name, not a title ("Kramatorsk Mayor"), not a word no person's name holds
  // ("Samara Region").
  bool surname_after(const Document& doc, uint32_t k, uint32_t end) const {
    const uint64_t h = doc.tokens[k].hash;
    if (lex_.not_person_words.find(h) >= 0) return false;
    if (const int64_t bits = lex_.openers.find(h); bits >= 0 && (bits & kOpensRole)) return false;
    if (!names_.may_start(h)) return true;
    std::vector<PhraseMatcher::Match> known;  // rare: a listed city before a possible name
    names_.matches_at(doc, k, end, known);
    return known.empty();
  }

  // A short form is not one when another name word follows it: "Kim" in
  // "Kim Yong-hyun" is not Kim Jong-un.
  bool name_word_follows(const Document& doc, uint32_t k) const {
    return k < doc.tokens.size() && (doc.tokens[k].flags & kSpaceBefore) && is_name_word(doc, doc.tokens[k], lex_);
  }

  // The tokens of an extent with single spaces between them (no NBSP, no line breaks).
  static std::string spaced_text(const Document& doc, Extent at) {
    std::string out;
    const uint32_t s = doc.sentence_at(at.start);
    for (uint32_t k = s < doc.sentences.size() ? doc.sentences[s].first_token : 0;
         k < doc.tokens.size() && doc.tokens[k].at.start < at.end; ++k) {
      const Token& t = doc.tokens[k];
      if (t.at.start < at.start) continue;
      if (!out.empty() && (t.flags & kSpaceBefore)) out.push_back(' ');
      out.append(doc.slice(t.at));
    }
    return out;
  }

  // Tokens [first, end) with single spaces between them: spaced_text of
  // their extent, without walking the sentence up to them.
  static std::string spaced_text(const Document& doc, uint32_t first, uint32_t end) {
    std::string out;
    for (uint32_t k = first; k < end; ++k) {
      const Token& t = doc.tokens[k];
      if (k > first && (t.flags & kSpaceBefore)) out.push_back(' ');
      out.append(doc.slice(t.at));
    }
    return out;
  }

  // An acronym inside a run of capitals ("UN ALLIÉ DE LA RUSSIE") may be any word.
  static bool in_capitals(const Document& doc, uint32_t first, uint32_t end) {
    auto caps_word = [&](uint32_t k) {
      const Token& t = doc.tokens[k];
      return t.kind == TokenKind::kWord && (t.flags & kAllCaps);
    };
    return (first > 0 && caps_word(first - 1)) || (end < doc.tokens.size() && caps_word(end));
  }

  Extent extent(const Document& doc, uint32_t first, uint32_t end) const {
    return {doc.tokens[first].at.start, doc.tokens[end - 1].at.end};
  }

  // Records a known name's mention; returns the document entity.
  uint32_t add_known(Document& doc, const PhraseMatcher::Match& m, DocEntities& ents) const {
    const NameRef& ref = names_.ref(m.payload);
    uint32_t e = ents.known(ref.entity);
    ents.mention(extent(doc, m.first, m.end), e, m.first, false, (ref.flags & kNameDemonym) != 0, ref.why);
    if (m.end - m.first >= 2 && doc.entities[e].type == "PERSON") ents.add_alias(doc.tokens[m.end - 1].hash, e);
    return e;
  }

  // "russo-ukrainienne", "Russo-Ukrainian": each part a combining form or a demonym.
  bool compound_demonym(Document& doc, uint32_t i, DocEntities& ents) const {
    const Token& t = doc.tokens[i];
    std::string_view word = doc.slice(t.at);
    // Hyphen positions, with the word's ends: parts lie between them.
    std::vector<uint32_t> cuts{0};
    for (uint32_t k = 0; k < word.size(); ++k) {
      if (word[k] == '-') cuts.push_back(k + 1);
    }
    const size_t n = cuts.size();
    if (n < 2) return false;
    cuts.push_back(static_cast<uint32_t>(word.size()) + 1);
    // Left to right, the longest run of parts that is a demonym or a
    // combining form: "russo-nord-coréenne" is russo + nord-coréenne.
    std::vector<std::pair<Extent, int64_t>> parts;
    for (size_t a = 0; a < n;) {
      size_t taken = 0;
      for (size_t b = n; b > a; --b) {
        std::string_view piece = word.substr(cuts[a], cuts[b] - 1 - cuts[a]);
        uint64_t h = key_hash(fold(piece));
        int64_t e = names_.demonym(h);
        if (e < 0 && b < n) {  // a combining form is never last
          int64_t p = lex_.demonym_prefixes.find(h);
          if (p >= 0) e = names_.knowledge().index_of(lex_.prefix_country[static_cast<size_t>(p)]);
        }
        if (e < 0) continue;
        parts.push_back({{t.at.start + cuts[a], t.at.start + cuts[b] - 1}, e});
        taken = b - a;
        break;
      }
      if (!taken) return false;
      a += taken;
    }
    if (parts.size() < 2) return false;
    for (const auto& [at, e] : parts) {
      ents.mention(at, ents.known(static_cast<uint32_t>(e)), i, false, true, {"entity.demonym.compound", ""});
    }
    return true;
  }

  // What description() reads first after a determiner: a demonym or a
  // country's name ("the American network", "Russia's"), or a description's head.
  bool may_open_description(const Token& t) const {
    if (names_.may_start(t)) return true;
    const int64_t bits = lex_.openers.find(t.hash);
    return bits >= 0 && (bits & kOpensDescription);
  }

  // A definite description at determiner i: "le média américain", "the US network";
  // without a determiner, a demonym and its head: "Ukrainian intelligence said".
  // Returns the token after it, or 0.
  uint32_t description(Document& doc, uint32_t i, uint32_t end, DocEntities& ents, PendingRole& role,
                       Scratch& scratch, bool determiner = true) const {
    std::vector<PhraseMatcher::Match>& found = scratch.found;
    uint32_t j = determiner ? i + 1 : i;
    std::string country;
    std::vector<PhraseMatcher::Match> demonyms;
    // A demonym ("américain"), or a country's name with a possessive
    // ("Russia's Defence Ministry"); returns the token after it, or 0.
    auto demonym_at = [&](uint32_t k) -> uint32_t {
      if (k >= end || !names_.may_start(doc.tokens[k])) return 0;
      const PhraseMatcher::Match* m = known_name(doc, k, end, ents, scratch);
      if (!m) return 0;
      const NameRef& ref = names_.ref(m->payload);
      const EntityRecord& rec = names_.knowledge().entities[ref.entity];
      uint32_t after = m->end;
      if (!(ref.flags & kNameDemonym)) {
        // The cheap test first: "'s" is rare, a string compare is not cheap.
        if (after >= end || doc.folded_key(doc.tokens[after]) != "'s" || rec.type != "COUNTRY") return 0;
        ++after;
      }
      demonyms.push_back(*m);
      country = rec.id;
      return after;
    };
    if (uint32_t after = demonym_at(j)) j = after;  // "the American network"
    if (j >= end || (!determiner && demonyms.empty())) return 0;
    int64_t bits = lex_.openers.find(doc.tokens[j].hash);
    if (bits < 0 || !(bits & kOpensDescription)) return 0;
    found.clear();
    lex_.descriptions.matches_at(doc, j, end, found);
    if (found.empty()) return 0;
    const PhraseMatcher::Match head = found.front();
    // "the Armed Forces of Ukraine": a longer capitalized known name at the
    // head is that name ("l'agence KCNA" stays a description and its name).
    if (demonyms.empty() && names_.may_start(doc.tokens[j])) {
      const PhraseMatcher::Match* name = known_name(doc, j, end, ents, scratch);
      if (name && name->end > head.end && (names_.ref(name->payload).flags & kNameCapital)) return 0;
    }
    uint32_t last = head.end;
    if (demonyms.empty()) {
      if (uint32_t after = demonym_at(last)) last = after;  // "le média américain"
    }
    const DescriptionInfo* info = &lex_.description_info[head.payload];
    // "de la Défense", "des Affaires étrangères": a complement narrows the kinds.
    if (last < end && lex_.complements.size() > 0) {
      found.clear();
      lex_.complements.matches_at(doc, last, end, found);
      for (const auto& m : found) {
        if (lex_.description_info[m.payload].type != info->type) continue;
        info = &lex_.description_info[m.payload];
        last = m.end;
        break;
      }
    }
    if (demonyms.empty()) {
      if (const PhraseMatcher::Match* m = country_after(doc, last, end, ents, scratch)) {  // "the President of Russia"
        demonyms.push_back(*m);
        country = names_.knowledge().entities[names_.ref(m->payload).entity].id;
        last = m->end;
      }
    }
    if (info->needs_country && country.empty()) return 0;
    if (bits & kOpensRole) set_role(doc, j, end, role, found);
    for (const auto& m : demonyms) add_known(doc, m, ents);
    PendingDescription d;
    d.at = extent(doc, i, last);
    d.first_token = i;
    d.end_token = last;
    d.info = info;
    d.country = country.starts_with("country/") ? country : "";
    d.completes_noun = i > 0 && lex_.complement_openers.find(doc.tokens[i - 1].hash) >= 0;
    ents.describe(std::move(d));
    if (role.info) {
      role.next = last;
      role.country = country;
    }
    return last;
  }

  // A country named after a description's words by a linker and maybe a
  // determiner ("of Russia", "de la Russie"); not a seat ("of the Kremlin").
  const PhraseMatcher::Match* country_after(const Document& doc, uint32_t k, uint32_t end, const DocEntities& ents,
                                            Scratch& scratch) const {
    if (k + 1 >= end || lex_.country_linkers.find(doc.tokens[k].hash) < 0) return nullptr;
    ++k;
    if (const int64_t bits = lex_.openers.find(doc.tokens[k].hash); bits >= 0 && (bits & kIsDeterminer)) ++k;
    if (k >= end || !names_.may_start(doc.tokens[k])) return nullptr;
    const PhraseMatcher::Match* m = known_name(doc, k, end, ents, scratch);
    if (!m) return nullptr;
    const NameRef& ref = names_.ref(m->payload);
    if (ref.flags & (kNameDemonym | kNameMetonym)) return nullptr;
    return names_.knowledge().entities[ref.entity].type == "COUNTRY" ? m : nullptr;
  }

  // A role or title at token i; returns the token after it, or 0.
  uint32_t set_role(const Document& doc, uint32_t i, uint32_t end, PendingRole& role,
                    std::vector<PhraseMatcher::Match>& found) const {
    found.clear();
    lex_.roles.matches_at(doc, i, end, found);
    if (found.empty()) return 0;
    const auto& m = found.front();
    // "chercheuse principale et directrice du programme": one role, read whole.
    const bool continues = role.active(i) && role.at.start < doc.tokens[i].at.start;
    const PendingRole first = role;
    role = PendingRole{};
    role.info = &lex_.role_info[m.payload];
    role.at = extent(doc, m.first, m.end);
    if (continues && !first.info->title) {
      role.at.start = first.at.start;
      role.info = first.info;  // the first role says what the person is
      role.country = first.country;
      role.affiliation = first.affiliation;
    }
    role.next = m.end;
    // "Gen." / "M.": the abbreviation's period.
    if (role.next < end && doc.normalized_of(doc.tokens[role.next]) == "." &&
        !(doc.tokens[role.next].flags & kSpaceBefore))
      role.next++;
    role.expires = role.info->title ? role.next : m.end + kRoleWindow;
    return m.end;
  }

  void scan_sentence(Document& doc, const Sentence& s, DocEntities& ents, Scratch& scratch,
                     PendingRole& carried) const {
    int headline = s.is_title ? 1 : -1;  // computed on first need
    // A role that ended the previous sentence introduces a name opening this one.
    PendingRole role;
    if (carried.info && !carried.info->title) {
      role = carried;
      role.next = role.expires = s.first_token;
    }
    if (carried.info) carried = PendingRole{};  // else it is one already
    scan_tokens(doc, s, ents, scratch, role, headline);
    if (role.info && role.next >= s.end_token) carried = std::move(role);
  }

  // The first token from i on that a step of scan_tokens may apply to. Most
  // words are plain (lowercase, unhyphenated, opening no name, description
  // or role): one bit test each, in a loop of their own. A token that is no
  // word matters only to a role waiting for its name: without one it is
  // skipped too.
  uint32_t skip_plain_words(const Document& doc, uint32_t i, uint32_t end, bool role_waits) const {
    const HashBits::View may_matter = may_matter_.view();
    for (; i < end; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::kWord) {
        if (role_waits) break;
        continue;
      }
      if ((t.flags & (kCapitalized | kAllCaps | kHyphenated)) || may_matter.has(t.hash)) break;
    }
    return i;
  }

  void scan_tokens(Document& doc, const Sentence& s, DocEntities& ents, Scratch& scratch,
                   PendingRole& role, int& headline) const {
    for (uint32_t i = skip_plain_words(doc, s.first_token, s.end_token, role.info != nullptr); i < s.end_token;
         i = skip_plain_words(doc, i, s.end_token, role.info != nullptr)) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::kWord) {
        // A clause boundary ends a role's wait; a comma does not.
        if (role.info) {
          std::string_view p = doc.normalized_of(t);
          if (t.kind == TokenKind::kPunct && p != "," && p != "." && p != "-") role.info = nullptr;
          if (role.info && role.next == i && p != ",") role.next = i + 1;
        }
        ++i;
        continue;
      }
      const bool capitalized = (t.flags & (kCapitalized | kAllCaps)) != 0;
      // 1. Known names, longest first. A capitalized word goes to the matcher,
      // whose own filter turns most away as cheaply as may_start; a lowercase
      // one opens only a name written lowercase (most are "the", "that", "are").
      const bool may_name = capitalized || names_.lowercase_first_words().has(t.hash);
      if (const PhraseMatcher::Match* m = may_name ? known_name(doc, i, s.end_token, ents, scratch) : nullptr) {
        PhraseMatcher::Match match = *m;
        // "Ukrainian intelligence", "Russia's Defence Ministry": a demonym or
        // a country's possessive heading a description.
        const NameRef& ref = names_.ref(match.payload);
        uint32_t head = match.end;
        if (!(ref.flags & kNameDemonym) && head + 1 < s.end_token && doc.folded_key(doc.tokens[head]) == "'s" &&
            names_.knowledge().entities[ref.entity].type == "COUNTRY")
          ++head;
        if ((head > match.end || (ref.flags & kNameDemonym)) && head < s.end_token) {
          int64_t bits = lex_.openers.find(doc.tokens[head].hash);
          if (bits >= 0 && (bits & kOpensDescription)) {
            if (uint32_t next = description(doc, i, s.end_token, ents, role, scratch, /*determiner=*/false)) {
              i = next;
              continue;
            }
            m = known_name(doc, i, s.end_token, ents, scratch);
            match = *m;
          }
        }
        uint32_t e = add_known(doc, match, ents);
        const Entity& entity = doc.entities[e];
        if (role.active(i)) {
          if (entity.type == "PERSON") {
            role.info = nullptr;  // the role was a known person's
          } else {
            if (entity.type == "COUNTRY") role.country = entity.id;
            if (entity.type == "ORG") role.affiliation = entity.id;
            if (role.next == i) role.next = match.end;
          }
        }
        i = match.end;
        continue;
      }
      // 2. Short forms of persons already named. The alias probe first: it
      // is cheaper than reading the next word, and most words are no alias.
      if (capitalized) {
        if (int64_t e = ents.alias(t.hash); e >= 0 && !name_word_follows(doc, i + 1)) {
          ents.mention(t.at, static_cast<uint32_t>(e), i, false, false, {"entity.coref.short", ""});
          if (role.active(i)) role.info = nullptr;
          ++i;
          continue;
        }
      }
      // One probe for steps 3 and 4: most words are in neither table.
      const int64_t bits = lex_.openers.find(t.hash);
      // 3. Definite descriptions: a determiner, and after it a word that may
      // open one (most determiners precede none, and cost no call).
      if (bits >= 0 && (bits & kIsDeterminer) && i + 1 < s.end_token && may_open_description(doc.tokens[i + 1])) {
        if (uint32_t next = description(doc, i, s.end_token, ents, role, scratch)) {
          i = next;
          continue;
        }
      }
      // 4. Roles and titles.
      if (bits >= 0 && (bits & kOpensRole)) {
        if (uint32_t next = set_role(doc, i, s.end_token, role, scratch.found)) {
          i = next;
          continue;
        }
      }
      // 5. Demonym compounds.
      if ((t.flags & kHyphenated) && compound_demonym(doc, i, ents)) {
        ++i;
        continue;
      }
      // 6. Unknown names.
      if (capitalized && is_name_word(doc, t, lex_)) {
        i = unknown_name(doc, s, i, headline, ents, role, scratch);
        continue;
      }
      ++i;
    }
  }

  // An organisation or, through a place head, a place ("Rue du Pré-Botté").
  uint32_t add_org(Document& doc, NameRun run, OrgName org, DocEntities& ents, PendingRole& role) const {
    run.first = org.first;
    const bool place = org.head->place;
    std::string name = spaced_text(doc, run.first, org.end);
    EntityRecord r = EntityRecord::make((place ? "place/" : "org/") + slug(name), place ? "LOC" : "ORG", name, "",
                                        org.head->kind, org.head->kind);
    bool added = false;
    uint32_t e = ents.unknown(std::move(r), added);
    Origin why{place ? "entity.place.unknown" : "entity.org.unknown", org.head->why.resource};
    ents.mention(extent(doc, run.first, org.end), e, run.first, false, false, why);
    if (role.active(run.first) && !place) role.affiliation = doc.entities[e].id;
    if (role.info && role.next == run.first) role.next = org.end;
    // The acronym it defines names it from there on: "... Corps (IRGC)".
    if (const uint32_t a = place ? 0 : defined_acronym(doc, run.first, org.end)) {
      ents.mention(doc.tokens[a].at, e, a, false, false, why);
      ents.add_alias(doc.tokens[a].hash, e);
      return a + 2;
    }
    return org.end;
  }

  // "rue de Rivoli", "l'île de Porquerolles", "Boulevard de la Marina": a
  // place head opening the name, joined to the run by words of
  // country_linkers.tsv and determiners. The head's first token and info; no info when none.
  std::pair<uint32_t, const OrgHeadInfo*> place_head_before(const Document& doc, const Sentence& s, uint32_t first,
                                                            std::vector<PhraseMatcher::Match>& found) const {
    // At most two joining words between head and run; one bit test per word
    // turns most runs away before any probe.
    uint32_t head = first;
    while (head > s.first_token && first - head < 3 && !lex_.place_head_words.has(doc.tokens[head - 1].hash)) --head;
    if (head == s.first_token || first - head >= 3) return {first, nullptr};
    --head;
    for (uint32_t k = head + 1; k < first; ++k) {
      const int64_t bits = lex_.openers.find(doc.tokens[k].hash);
      if (!(bits >= 0 && (bits & kIsDeterminer)) && lex_.country_linkers.find(doc.tokens[k].hash) < 0) return {first, nullptr};
    }
    found.clear();
    lex_.org_heads.matches_at(doc, head, head + 1, found);
    for (const auto& m : found) {
      const OrgHeadInfo& h = lex_.org_head_info[m.payload];
      if (h.place && h.before) return {head, &h};
    }
    return {first, nullptr};
  }

  // "said Elizabeth Warren", "Robert Downey Jr.": a listed city closing a
  // run of name words is a surname, unless a word before it places it
  // ("Near Kramatorsk", "Eastern Aleppo").
  bool surname_like_city(const Document& doc, uint32_t first, const PhraseMatcher::Match& m) const {
    if (!(names_.ref(m.payload).flags & kNameGazetteer) || m.end != m.first + 1) return false;
    // "l'Impact de Montréal": after a particle the city is where, not who.
    if (!is_name_word(doc, doc.tokens[m.first - 1], lex_)) return false;
    for (uint32_t k = first; k < m.first; ++k) {
      const uint64_t h = doc.tokens[k].hash;
      if (lex_.not_person_words.find(h) >= 0 || lex_.place_prepositions.find(h) >= 0) return false;
    }
    return true;
  }

  // "Airbus A330", "MD-83": a model, not a person.
  static bool has_digit(const Document& doc, NameRun run) {
    for (uint32_t k = run.first; k < run.end; ++k) {
      const std::string_view key = doc.folded_key(doc.tokens[k]);
      if (std::any_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    }
    return false;
  }

  // An unknown name from token i; returns the token after what was read.
  uint32_t unknown_name(Document& doc, const Sentence& s, uint32_t i, int& headline, DocEntities& ents,
                        PendingRole& role, Scratch& scratch) const {
    std::vector<PhraseMatcher::Match>& found = scratch.found;
    NameRun run = name_run(doc, lex_, i, s.end_token, kMaxNameWords + 2);
    if (run.end == run.first) return i + 1;  // an initial with no name after it: "plan B. Then"
    // An organisation's name may hold known names: "Retired American Warriors political action committee".
    if (OrgName org = organisation_name(doc, lex_, run, s.end_token); org.end) return add_org(doc, run, org, ents, role);
    if (const auto [head, info] = place_head_before(doc, s, run.first, found); info) {
      return add_org(doc, run, {run.end, info, head}, ents, role);
    }
    // Past this, a lone word names a person only when a role waits for it:
    // most ("Monday", a surname met alone) stop here.
    if (run.end == run.first + 1 && !role.active(run.first)) return run.end;
    const NameRun read = run;  // no organisation: asked again only when cut below
    // A known name inside the run ends it: "Mardi Poutine" is not one person.
    for (uint32_t k = run.first + 1; k < run.end; ++k) {
      if (!names_.may_start(doc.tokens[k])) continue;
      const PhraseMatcher::Match* m = known_name(doc, k, s.end_token, ents, scratch);
      if (m && !surname_like_city(doc, run.first, *m)) {
        run.end = k;
        while (run.end > run.first + 1 && !is_name_word(doc, doc.tokens[run.end - 1], lex_)) --run.end;
        break;
      }
    }
    // "President of the European Council Charles Michel", "World War II":
    // a person's name starts after the last word that no one's name holds.
    uint32_t cut = run.first;
    for (uint32_t k = run.first; k < run.end; ++k) {
      if (lex_.not_person_words.find(doc.tokens[k].hash) >= 0) cut = k + 1;
    }
    if (cut > run.first) {
      // A role among the cut words names the person after it: "Economic Adviser Oleg Ustenko".
      for (uint32_t k = cut - 1; k + 1 > run.first && k + 3 >= cut; --k) {
        found.clear();
        lex_.roles.matches_at(doc, k, cut, found);
        if (!found.empty() && found.front().end == cut) {
          set_role(doc, k, s.end_token, role, found);
          break;
        }
      }
      const bool role_at_run = role.active(run.first) && role.next == run.first;
      const uint32_t end = run.end;
      while (cut < end && !is_name_word(doc, doc.tokens[cut], lex_)) ++cut;
      if (cut >= end) return end;
      run = name_run(doc, lex_, cut, end, kMaxNameWords + 2);
      if (run.end == run.first) return end;
      if (role_at_run) {
        role.next = run.first;
        role.expires = std::max(role.expires, run.first);
      }
    }
    // name_run counted the words of the run it read; one cut short is counted again.
    if (run.first != read.first || run.end != read.end) {
      run.words = 0;
      for (uint32_t k = run.first; k < run.end; ++k) run.words += is_name_word(doc, doc.tokens[k], lex_);
      if (OrgName org = organisation_name(doc, lex_, run, s.end_token); org.end) return add_org(doc, run, org, ents, role);
    }

    bool by_role = role.active(run.first) && (run.words >= 2 || role.next == run.first) &&
                   (!role.info->title || role.next == run.first);
    // Two capitalized words that are not function words, also at the start of
    // a sentence: "Lee Seong-kweun avait-il tout vu".
    if (headline < 0 && run.words >= 2) headline = headline_case(doc, s) ? 1 : 0;
    // Capitals say little in a line of capitals ("DERNIÈRES NOUVELLES"): a
    // name read from its shape opens with a capitalized word, not an all-caps one.
    bool by_shape = headline == 0 && run.words >= 2 && !(doc.tokens[run.first].flags & kAllCaps) && !has_digit(doc, run);
    // "in Bila Tserkva", "near Chillon Castle": after a preposition of place the
    // shape names a place (not "in Hillary Clinton's emails").
    if (by_shape && run.first > s.first_token &&
        lex_.place_prepositions.find(doc.tokens[run.first - 1].hash) >= 0 &&
        !(run.end < s.end_token && doc.folded_key(doc.tokens[run.end]) == "'s"))
      by_shape = false;
    if (run.words > kMaxNameWords || !(by_role || by_shape)) return run.end;

    std::string name = spaced_text(doc, run.first, run.end);
    EntityRecord r = EntityRecord::make("person/" + slug(name), "PERSON", name);
    if (by_role) {
      r.role = spaced_text(doc, role.at);
      r.kind = role.info->kind;
      r.country = role.country;
      r.affiliation = role.affiliation;
      if (r.country.empty() && !role.affiliation.empty()) {
        if (const EntityRecord* org = names_.knowledge().find(role.affiliation)) r.country = org->country;
      }
    }
    bool added = false;
    uint32_t e = ents.unknown(std::move(r), added);  // r is moved from only when added
    // A new entity has its role from r already; one met before may lack it.
    if (!added && by_role && doc.entities[e].role.empty()) ents.set_role(e, r.role, r.kind);
    Origin why{by_role ? "entity.person.role" : "entity.person.name_shape", by_role ? role.info->why.resource : ""};
    ents.mention(extent(doc, run.first, run.end), e, run.first, false, false, why);
    if (run.words >= 2) ents.add_alias(doc.tokens[run.end - 1].hash, e);
    role.info = nullptr;
    return run.end;
  }

  NameMatcher names_;
  EntityLexicon lex_;
  // The lowercase words a step may apply to: the first words of names
  // written lowercase (demonyms) and the openers (le, the, député).
  HashBits may_matter_;
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_entity_annotator(const LanguageContext& context,
                                                         const std::vector<std::pair<std::string, uint32_t>>& extra) {
  auto knowledge = common_knowledge(context.root);
  if (!knowledge) return std::unexpected(knowledge.error());
  auto names = NameMatcher::build(*knowledge, context, extra);
  if (!names) return std::unexpected(names.error());
  auto lexicon = load_entity_lexicon(context);
  if (!lexicon) return std::unexpected(lexicon.error());
  return std::make_unique<EntityAnnotator>(std::move(*names), std::move(*lexicon));
}

Result<std::unique_ptr<Annotator>> make_entity_annotator(const LanguageContext& context) {
  return make_entity_annotator(context, {});
}

}  // namespace claimtrace
