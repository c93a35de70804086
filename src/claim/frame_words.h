// The function words the claim builder's syntax-light rules lean on
// (resources/<lang>/claim/frame_words.tsv): which words open a recipient or a
// place, mark a passive agent, end a clause, make a sentence hypothetical,
// stand for a speaker... and the event types with their CAMEO and PLOVER
// codes (event_types.tsv). Marks each token of a sentence with its role.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/string_map.h"
#include "pipeline/annotator.h"
#include "claim/token_lexicon.h"
#include "text/phrase_matcher.h"

namespace claimtrace {

enum class Role : uint8_t {
  kNone,
  kRecipient,     // en soutien à, pour aider, to help
  kLocation,      // en, dans, à, in, at
  kAgent,         // par, by (after a passive participle)
  kOf,            // de, du, des, of: what follows modifies a noun
  kBoundary,      // dont, mais, but, while: a new clause
  kHypothetical,  // si, if: the sentence states no claim
  kCircumstance,  // pendant, during: a trigger after it is a setting, not a claim
  kPersonPronoun, // il, elle, he, she
  kThingPronoun,  // it, they
  kSelf,          // moi, me, nous: the author
  kRelational,    // allié, émissaire, ally: "X de Y" is not Y
  kAnaphorInfo,   // cette information, this information
  kAux,           // a, avait, has, had, also: between a speaker and a verb
  kComplementizer,// que, that
  kRelative,      // qui, who, which
  kDeterminer,    // le, la, the
  kSourceNoun,    // rapport, note, report: a document that can be a source
  kCoordinator,   // et, and: not a subject
  kPersonnelNoun, // soldats, troupes, troops: what a deployment sends
  kInfinitive,    // to: the verb after it has no subject beside it
  kNounMarker,    // the, a, those: a reporting word after it is a noun ("those reports")
  kParticipleOpener, // by, after, despite: a participle after it speaks for the main subject
  kPassiveAux,    // was, been: a reporting verb after it is passive
  kSpeakerNoun,   // source, official, spokesman: a noun that can speak with no name
  kOpeningNounMarker, // le, la, l': a noun marker only opening the sentence (elsewhere an object pronoun: "comme le rapporte")
  kAddressee,     // à, au, auprès de: who a statement was made to ("a déclaré à l'AFP")
  kPastReporting, // said, told, warned: a reporting verb in the past, which backshifts what it reports
  kBackshifted,   // would: after a past reporting verb, the past of "will", not a hedge
  kBeneficiary,   // to, for, à, pour: after aid and its amount, who receives it ("$2 billion in aid to Ukraine")
  kOfficeNoun,    // governor, mayor, gouverneur: names who spoke after the verb (", said the governor"), no more
  kInversionAux,  // a, ont: after it a reporting verb may have its subject behind it (", a indiqué le gouverneur")
  kTarget,        // contre, against: who an attack is aimed at ("52 drones contre l'Ukraine")
  kClitic,        // lui, nous, se: an object pronoun between a subject pronoun and its verb ("il lui dit")
  kIndefinite,    // a, an, un, une: before a name, the word after the name is a noun ("a CNN report")
};
// The roles of a token, one bit each (SentenceView::roles).
using RoleBits = uint64_t;
constexpr RoleBits role_bit(Role r) { return RoleBits{1} << static_cast<unsigned>(r); }
static_assert(static_cast<unsigned>(Role::kIndefinite) < 64);

struct EventType {
  std::string name;
  std::string cameo;
  std::string plover;
  std::string actor_rule;  // subject | theme | of
  Origin why;
};

class FrameWords {
 public:
  static Result<FrameWords> load(const LanguageContext& context);

  // Marks the roles of tokens [first, end) (longest match first): sets bit
  // (1 << Role) in `roles[t - first]` for every frame word covering token t,
  // and `why[t - first]` to the resource line of its first role. Written in
  // place, without a list of spans: this runs on every token of a sentence
  // that may hold a claim.
  void mark_roles(const Document& doc, uint32_t first, uint32_t end, std::span<RoleBits> roles,
                  std::span<Origin> why) const;

  const EventType* event_type(std::string_view name) const;

  // Roles of the one-word entries matching token `t` (bit 1 << Role).
  RoleBits roles_of_token(const Document& doc, uint32_t t) const;

  // Whether a word is an adverb or a clitic by its form ("truly", "'s":
  // companions.tsv), which belongs to the verb after a pronoun.
  bool verb_companion_form(std::string_view word) const;

 private:
  std::vector<std::string> companion_suffixes_, companion_prefixes_;
  TokenLexicon matcher_;
  // Elided words ("d'", "l'", "qu'") alone do not tokenize as in running
  // text, so they are looked up by their folded key.
  StringMap<std::vector<uint32_t>> elided_;
  std::vector<std::pair<Role, Origin>> entries_;
  // Per one-word entry of matcher_ (by single_index): the roles of all its
  // lines and the first line, so that marking a word is one OR and not a
  // loop over its lines.
  struct WordRoles {
    RoleBits roles = 0;
    uint32_t first_entry = 0;
  };
  std::vector<WordRoles> word_roles_;
  std::vector<EventType> types_;
};

}  // namespace claimtrace
