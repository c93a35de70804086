#include "claim/event_frames.h"

#include <algorithm>
#include <tuple>

#include "claim/quantity_status.h"

namespace claimtrace {
namespace {

constexpr uint32_t kCircumstanceReach = 3;
constexpr uint32_t kAgentReach = 2;
constexpr uint32_t kOfReach = 3;
constexpr uint32_t kThemeReach = 8;
constexpr uint32_t kMarkerReach = 3;
constexpr uint32_t kPlaceReach = 5;

bool is_group_unit(std::string_view unit) { return unit == "personnel" || unit == "person"; }
// What aid is counted in: money and materiel ("$2 billion in aid", "50 tanks").
bool is_materiel_unit(std::string_view unit) {
  return unit.starts_with("money:") || unit == "vehicle" || unit == "aircraft" || unit == "munition" ||
         unit == "weapon" || unit == "ship";
}

// What an attack is counted in: "launched 40 drones", "ont abattu 28 missiles",
// "destroyed 5 tanks".
bool is_weapon_unit(std::string_view unit) {
  return unit == "aircraft" || unit == "munition" || unit == "weapon" || unit == "vehicle" || unit == "ship";
}

// The unit test a trigger's `needs` asks of its amount: "materiel" (aid),
// "weapons" (attacks); none for the others.
using UnitTest = bool (*)(std::string_view);
UnitTest amount_test(std::string_view needs) {
  if (needs == "materiel") return is_materiel_unit;
  if (needs == "weapons" || needs == "weapons_if_any") return is_weapon_unit;
  return nullptr;
}

// The nearest quantity the test accepts in the trigger's clause, within reach.
int32_t amount_near(const SentenceView& v, const CueRef& c, UnitTest accepts) {
  const Document& doc = *v.doc;
  const int32_t seg = v.segment_of(c.first);
  int32_t best = kNone;
  uint32_t best_d = UINT32_MAX;
  for (const auto& q : v.quantities) {
    if (v.segment_of(q.first) != seg || !accepts(doc.quantities[q.index].unit)) continue;
    const uint32_t d = q.end <= c.first ? c.first - q.end : q.first >= c.end ? q.first - c.end : 0;
    if (d <= kThemeReach && d < best_d) {
      best_d = d;
      best = static_cast<int32_t>(q.index);
    }
  }
  return best;
}

bool after_circumstance(const SentenceView& v, uint32_t first) {
  for (uint32_t k = 1; k <= kCircumstanceReach && first >= v.first + k; ++k) {
    // (not inside a cue: "sans doute" is a hedge, "sans combattre" a circumstance)
    if (v.has(first - k, Role::kCircumstance) &&
        std::none_of(v.cues.begin(), v.cues.end(), [t = first - k](const CueRef& c) { return c.first <= t && t < c.end; }))
      return true;
    if (v.is_punct(first - k, ',')) break;
  }
  return false;
}

// Whether token t follows "to", "à", "for" (over one bound word: "to almost 400 million people").
bool after_beneficiary(const SentenceView& v, uint32_t t) {
  if (t <= v.first) return false;
  if (v.has(t - 1, Role::kBeneficiary)) return true;
  return t - 1 > v.first && v.doc->tokens[t - 1].kind == TokenKind::kWord && v.has(t - 2, Role::kBeneficiary);
}

const CueRef* nearest_deployment_trigger(const SentenceView& v, const std::vector<bool>& used, int32_t seg,
                                         uint32_t first, const FrameWords& words) {
  const CueRef* best = nullptr;
  uint32_t best_d = UINT32_MAX;
  for (size_t i = 0; i < v.cues.size(); ++i) {
    const CueRef& c = v.cues[i];
    if (c.cue->kind != CueKind::kEventTrigger || used[i] || v.segment_of(c.first) != seg) continue;
    if (c.entry && c.entry->needs_is("materiel")) continue;  // aid counts money and materiel, not people
    const EventType* t = words.event_type(c.cue->key);
    if (!t || !text_is(t->actor_rule, "theme")) continue;
    // Prefer a trigger before the group ("envoyer 30 000 soldats").
    uint32_t d = c.first < first ? first - c.first : (c.first - first) * 3;
    if (d < best_d) {
      best_d = d;
      best = &c;
    }
  }
  return best;
}

// "envoyer de nouveaux soldats", "de nouvelles troupes allaient être
// déployées", "l'envoi de démineurs": people are what is sent.
bool personnel_near(const SentenceView& v, const CueRef& c) {
  constexpr uint32_t kReach = 6;
  const int32_t seg = v.segment_of(c.first);
  const uint32_t from = c.first > v.first + kReach ? c.first - kReach : v.first;
  const uint32_t to = std::min(v.end, c.end + kReach);
  for (uint32_t t = from; t < to; ++t) {
    if (v.segment_of(t) == seg && v.has(t, Role::kPersonnelNoun)) return true;
  }
  return false;
}

// The status word on the tokens starting at `first`, if any.
const CueRef* status_cue_at(const SentenceView& v, uint32_t first) {
  for (const auto& c : v.cues) {
    if (c.cue->kind == CueKind::kStatus && c.first == first) return &c;
  }
  return nullptr;
}

}  // namespace

int32_t entity_index(const Document& doc, const std::string& id) {
  if (id.empty()) return kNone;
  for (uint32_t i = 0; i < doc.entities.size(); ++i) {
    if (doc.entities[i].id == id) return static_cast<int32_t>(i);
  }
  return kNone;
}

std::string actor_id(const Document& doc, uint32_t entity) {
  const Entity& e = doc.entities[entity];
  if (!has_type(e, "COUNTRY") && !e.country.empty()) return e.country;
  return e.id;
}

void find_frames(const SentenceView& v, const FrameWords& words, std::vector<Frame>& out) {
  out.clear();
  const Document& doc = *v.doc;
  // Scratch reused across sentences (as the groups below): no allocation per sentence.
  thread_local std::vector<bool> used;
  used.assign(v.cues.size(), false);
  auto cue_index = [&](const CueRef* c) { return static_cast<size_t>(c - v.cues.data()); };
  // Mark the trigger cues that sit on the same tokens as a status cue.
  auto use_triggers_at = [&](const CueRef* status) {
    for (size_t i = 0; i < v.cues.size(); ++i) {
      if (v.cues[i].cue->kind == CueKind::kEventTrigger && v.cues[i].first == status->first) used[i] = true;
    }
  };

  // 1. Counted groups: personnel quantities and bare figures with a status.
  struct Group {
    uint32_t first, end;
    int32_t quantity, number;
  };
  thread_local std::vector<Group> groups;
  groups.clear();
  for (const auto& q : v.quantities) {
    if (is_group_unit(doc.quantities[q.index].unit)) groups.push_back({q.first, q.end, (int32_t)q.index, kNone});
  }
  for (const auto& n : v.numbers) groups.push_back({n.first, n.end, kNone, (int32_t)n.index});
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.first < b.first; });

  for (const Group& g : groups) {
    StatusHit hit = adjacent_status(v, g.first, g.end);
    const int32_t seg = v.segment_of(g.first);
    Frame f;
    f.anchor_first = g.first;
    f.anchor_end = g.end;
    f.segment = seg;
    f.quantity = g.quantity;
    f.number = g.number;
    if (g.quantity != kNone) f.why.push("quantity", doc.quantities[g.quantity].why);
    if (g.number != kNone) f.why.push("quantity", doc.numbers[g.number].why);
    if (is_casualty_status(hit.status)) {
      f.type = words.event_type("casualties");
      f.status = hit.status;
      f.status_cue = hit.cue;
      f.why.push("quantity", hit.cue->cue->why);
      f.why.push("quantity", Origin{"status.adjacent_word", {}});
      f.why.push("event_type", hit.cue->cue->why);
      f.why.push("event_type", Origin{"event.casualty_status_of_group", {}});
      use_triggers_at(hit.cue);
      f.reach_end = std::max(f.anchor_end, hit.cue->end);
      if (f.type) out.push_back(std::move(f));
      continue;
    }
    if (g.number != kNone) continue;  // a bare figure needs a casualty word
    // People after "to", "à" receive; troops may be brought to a total.
    if (doc.quantities[g.quantity].unit == "person" && after_beneficiary(v, g.first)) continue;
    const CueRef* trigger = nearest_deployment_trigger(v, used, seg, g.first, words);
    if (!trigger && hit.status != "deployed") continue;
    if (trigger) {
      f.type = words.event_type(trigger->cue->key);
      f.trigger = trigger;
      used[cue_index(trigger)] = true;
      f.why.push("event_type", trigger->cue->why);
      f.why.push("event_type", Origin{"event.trigger_with_group", {}});
    } else {
      f.type = words.event_type("troop_deployment");
      f.why.push("event_type", hit.cue->cue->why);
      f.why.push("event_type", Origin{"event.deployed_group", {}});
    }
    if (hit.cue) use_triggers_at(hit.cue);
    std::vector<Origin> why;
    // "The number of killed Russian servicemen exceeds 12 thousand people":
    // a casualty trigger away from the group gives its own status.
    const CueRef* casualty_word = trigger ? status_cue_at(v, trigger->first) : nullptr;
    if (casualty_word && is_casualty_status(casualty_word->cue->key)) {
      f.status = casualty_word->cue->key;
      f.status_cue = casualty_word;
      why = {casualty_word->cue->why, Origin{"status.casualty_trigger", {}}};
    } else {
      f.status = deployment_status(v, seg, hit, why);
    }
    f.reach_end = std::max({f.anchor_end, hit.cue ? hit.cue->end : 0u, f.trigger ? f.trigger->end : 0u});
    for (const Origin& o : why) f.why.push("quantity", o);
    if (f.type) out.push_back(std::move(f));
  }

  // 2. Triggers left over: one frame per event type and clause.
  for (size_t i = 0; i < v.cues.size(); ++i) {
    const CueRef& c = v.cues[i];
    if (c.cue->kind != CueKind::kEventTrigger || used[i] || !c.entry) continue;
    if (c.entry->needs_is("quantity")) continue;
    if (c.entry->needs_is("personnel") && !personnel_near(v, c)) continue;
    // "$2 billion in military aid", "livrer 50 chars": aid is a claim with its
    // amount; so is an attack with its weapons ("launched 40 drones").
    const UnitTest accepts = amount_test(c.entry->needs);
    const int32_t amount = accepts ? amount_near(v, c, accepts) : kNone;
    if (accepts && amount == kNone && !c.entry->needs_is("weapons_if_any")) continue;
    if (after_circumstance(v, c.first)) continue;
    const EventType* type = words.event_type(c.cue->key);
    if (!type) continue;
    const int32_t seg = v.segment_of(c.first);
    bool dup = false;
    for (const Frame& f : out) dup = dup || (f.type == type && f.segment == seg);
    if (dup) continue;
    Frame f;
    f.type = type;
    f.anchor_first = c.first;
    f.anchor_end = c.end;
    f.segment = seg;
    f.trigger = &c;
    f.reach_end = c.end;
    f.why.push("event_type", c.cue->why);
    f.why.push("event_type", Origin{"event.trigger", {}});
    if (amount != kNone) {
      f.quantity = amount;
      f.why.push("quantity", doc.quantities[amount].why);
      const bool aid = c.entry->needs_is("materiel");
      f.why.push("quantity", Origin{aid ? "event.materiel_near_trigger" : "event.weapons_near_trigger", {}});
      if (aid) {  // aid is planned or delivered; weapons fired have no such status
        std::vector<Origin> why;
        f.status = deployment_status(v, seg, StatusHit{}, why);
        for (const Origin& o : why) f.why.push("quantity", o);
      } else if (const CueRef* loss = status_cue_at(v, c.first); loss && is_casualty_status(loss->cue->key)) {
        // "Russia has lost 300 tanks": materiel losses, counted for the side that lost them.
        f.status = loss->cue->key;
        f.status_cue = loss;
        f.why.push("quantity", loss->cue->why);
        f.why.push("quantity", Origin{"status.casualty_trigger", {}});
      }
    } else if (text_is(type->actor_rule, "theme")) {
      Origin ahead{};
      if (looks_ahead(v, seg, ahead)) f.status = "planned";
    }
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const Frame& a, const Frame& b) { return a.anchor_first < b.anchor_first; });
}

namespace {

// May this mention be the doer? Not a speaker, not a place or recipient
// after its preposition, not a noun's complement ("allié du Kremlin").
bool actor_like(const SentenceView& v, const std::vector<AttributionUnit>& units, const SpanRef& m) {
  const Document& doc = *v.doc;
  if (inside_source(units, doc.mentions[m.index].at)) return false;
  if (m.first > v.first) {
    uint32_t p = m.first - 1;
    if (v.has(p, Role::kDeterminer) && p > v.first) --p;
    if (v.has(p, Role::kOf) || v.has(p, Role::kLocation) || v.has(p, Role::kRecipient) || v.has(p, Role::kAgent) ||
        v.has(p, Role::kTarget)) {
      return false;
    }
  }
  return true;
}

// Whether a combat word stands right before or after the mention ("frappes israéliennes", "Russian shelling").
bool next_to_attack_word(const SentenceView& v, const SpanRef& m) {
  return std::any_of(v.cues.begin(), v.cues.end(), [&](const CueRef& c) {
    return c.cue->kind == CueKind::kEventTrigger && c.cue->key == "combat" && (c.end == m.first || c.first == m.end);
  });
}

// Whether an agent word ("by", "par") lies in [from, to).
bool agent_between(const SentenceView& v, uint32_t from, uint32_t to) {
  for (uint32_t t = from; t < to; ++t) {
    if (v.has(t, Role::kAgent)) return true;
  }
  return false;
}

// "La Russie affirme avoir détruit 40 chars", "Russia claims to have shot down 32 drones": the
// speaker did what the infinitive right after its verb says. The speaker's entity index, or kNone.
int32_t speaker_of_infinitive(const SentenceView& v, const std::vector<AttributionUnit>& units, const Frame& f) {
  // "avoir", "to have" between the verb and the trigger, or ending the verb's own phrase ("claims to have")
  auto linking = [&](uint32_t t) { return v.has(t, Role::kInfinitive) || v.has(t, Role::kAux); };
  for (const AttributionUnit& u : units) {
    if (u.cue_end > f.anchor_first || f.anchor_first == 0 || u.chain.empty() || u.chain.front().entity.empty()) continue;
    bool infinitive = f.anchor_first - 1 >= u.cue_first && linking(f.anchor_first - 1);
    for (uint32_t t = u.cue_end; t < f.anchor_first && infinitive; ++t) infinitive = linking(t);
    if (infinitive) return entity_index(*v.doc, u.chain.front().entity);
  }
  return kNone;
}

// "les frappes israéliennes", "une frappe de missile russe": a nationality in an attack noun's
// phrase after it (at most "de" and one noun between). Only after a noun: after a verb it is the
// object ("continued shelling Ukrainian territory").
const SpanRef* nationality_after_attack_noun(const SentenceView& v, const Frame& f) {
  if (!text_is(f.type->name, "combat") || !f.trigger || !f.trigger->entry || !f.trigger->entry->frame_is("noun")) {
    return nullptr;
  }
  for (const SpanRef& m : v.mentions) {
    if (m.first < f.anchor_end || m.first > f.anchor_end + 2) continue;
    bool phrase = v.doc->mentions[m.index].demonym;
    for (uint32_t t = f.anchor_end; t < m.first && phrase; ++t) {
      phrase = v.doc->tokens[t].kind == TokenKind::kWord && !v.is_cue_token(t) && !v.has(t, Role::kLocation);
    }
    if (phrase) return &m;
  }
  return nullptr;
}

// The first mention starting within `reach` tokens after `from` (over determiners), not past a comma.
const SpanRef* mention_after(const SentenceView& v, uint32_t from, uint32_t reach) {
  for (const auto& m : v.mentions) {
    if (m.first < from) continue;
    if (m.first - from > reach) break;
    for (uint32_t t = from; t < m.first; ++t) {
      if (v.is_punct(t, ',') || v.is_punct(t, '.')) return nullptr;
    }
    return &m;
  }
  return nullptr;
}

}  // namespace

void fill_arguments(const SentenceView& v, const std::vector<AttributionUnit>& units, std::vector<Frame>& frames) {
  const Document& doc = *v.doc;
  for (size_t fi = 0; fi < frames.size(); ++fi) {
    Frame& f = frames[fi];
    const std::string& rule = f.type->actor_rule;
    // Actor.
    auto set_actor = [&](const SpanRef& m, std::string_view why) {
      f.actor = actor_id(doc, doc.mentions[m.index].entity);
      f.why.set("actor", {doc.mentions[m.index].why, Origin{why, {}}});
    };
    // Casualties are counted for the side that suffered them: whoever
    // inflicted them ("tués par les forces russes", "Russian shelling killed
    // 47 people") is not the actor.
    const bool casualties = f.status_cue != nullptr;
    const bool subject_inflicted = casualties && f.status_cue->first < f.anchor_first && f.status_cue->entry &&
                                   f.status_cue->entry->frame_is("agent");
    // (a) passive agent: "déployées par la Corée du Nord".
    for (uint32_t t = f.anchor_end; !casualties && t < f.anchor_end + kAgentReach && t < v.end && f.actor.empty(); ++t) {
      if (v.has(t, Role::kAgent)) {
        if (const SpanRef* m = mention_after(v, t + 1, 2)) set_actor(*m, "actor.passive_agent");
      }
    }
    // (b) "visites de X": a noun trigger's complement.
    if (f.actor.empty() && f.trigger && f.trigger->entry && f.trigger->entry->frame_is("noun") && text_is(rule, "of")) {
      for (uint32_t t = f.anchor_end; t < f.anchor_end + kOfReach && t < v.end; ++t) {
        if (v.has(t, Role::kOf)) {
          if (const SpanRef* m = mention_after(v, t + 1, 2)) set_actor(*m, "actor.noun_trigger_of");
          break;
        }
      }
    }
    // (c) the nationality of the group sent or hit.
    const bool hit_materiel = !casualties && text_is(f.type->name, "combat") && f.quantity != kNone;
    if (f.actor.empty() && (text_is(rule, "theme") || f.quantity != kNone || f.number != kNone)) {
      uint32_t to = f.anchor_end + (f.trigger && f.quantity == kNone ? kThemeReach : 2);
      // (the materiel hit is read to its end: "40 chars russes", "more than a thousand Russian tanks")
      if (hit_materiel) {
        for (const SpanRef& q : v.quantities) {
          if (static_cast<int32_t>(q.index) == f.quantity) to = std::max(to, q.end);
        }
      }
      // "the number of killed Russian servicemen exceeds 12,000": the
      // casualty word before the group describes the same people.
      uint32_t from = f.anchor_first;
      if (casualties && f.status_cue->first < from) from = f.status_cue->first;
      // "the number of Russian casualties has exceeded 16,000 killed": a
      // loss noun of the clause, with the nationality just before it.
      for (const auto& c : v.cues) {
        if (!casualties || c.first >= from || c.first <= v.first || v.segment_of(c.first) != f.segment) continue;
        if (c.cue->kind == CueKind::kStatus && is_casualty_status(c.cue->key) && c.entry && c.entry->frame.empty()) {
          from = c.first - 1;
        }
      }
      for (const auto& m : v.mentions) {
        if (m.first < from || m.first >= to) continue;
        if (v.segment_of(m.first) != f.segment) break;
        const Mention& mention = doc.mentions[m.index];
        const Entity& e = doc.entities[mention.entity];
        if (mention.demonym || has_type(e, "NORP")) {
          if (hit_materiel && m.first >= f.anchor_end) {
            // "destroyed 40 Russian tanks": whose tanks were hit, not who hit them.
            f.recipient = actor_id(doc, mention.entity);
            f.why.set("recipient", {mention.why, Origin{"recipient.nationality_of_materiel_hit", {}}});
          } else {
            set_actor(m, "actor.nationality_of_group");
          }
          break;
        }
      }
    }
    // (d) "La Russie affirme avoir détruit 40 chars": the speaker of the verb before the infinitive.
    if (f.actor.empty() && !casualties) {
      if (const int32_t e = speaker_of_infinitive(v, units, f); e != kNone) {
        f.actor = actor_id(doc, static_cast<uint32_t>(e));
        f.why.set("actor", {Origin{"actor.speaker_of_infinitive", {}}});
      }
    }
    // (e) "les frappes israéliennes": a nationality after an attack noun.
    if (f.actor.empty() && !casualties) {
      if (const SpanRef* m = nationality_after_attack_noun(v, f)) set_actor(*m, "actor.nationality_after_trigger");
    }
    // (f) the nearest subject-like mention to the left, in the same clause; not when the trigger
    // lies in an agent phrase after it: that mention was hit ("Kharkiv is being destroyed by
    // rocket artillery and air strikes").
    if (f.actor.empty() && !subject_inflicted) {
      for (auto it = v.mentions.rbegin(); it != v.mentions.rend(); ++it) {
        if (it->first >= f.anchor_first) continue;
        if (v.segment_of(it->first) != f.segment) break;
        // "killed by the Russian shelling": a name inside the agent phrase, just before the trigger;
        // "in a Russian missile strike on Dnipro": a nationality modifying the trigger.
        if (!casualties && it->end + 1 >= f.anchor_first && agent_between(v, it->first > 2 ? it->first - 2 : 0, it->first)) {
          set_actor(*it, "actor.modifier_in_agent_phrase");
          break;
        }
        if (!casualties && it->end == f.anchor_first && f.trigger && doc.mentions[it->index].demonym) {
          set_actor(*it, "actor.nationality_before_trigger");
          break;
        }
        if (!actor_like(v, units, *it)) continue;
        if (!casualties && agent_between(v, it->end, f.anchor_first)) break;
        // "Des frappes israéliennes ont fait 40 morts": the nationality of the attack is not the victims'.
        if (casualties && next_to_attack_word(v, *it)) continue;
        set_actor(*it, "actor.nearest_left_mention");
        break;
      }
    }
    // (g) a figure of a list takes the actor of the figure before it ("dont 4 000 ... et 600 tués").
    const bool has_figure = f.quantity != kNone || f.number != kNone;
    const bool previous_has_figure = fi > 0 && (frames[fi - 1].quantity != kNone || frames[fi - 1].number != kNone);
    if (f.actor.empty() && !subject_inflicted && has_figure && previous_has_figure && !frames[fi - 1].actor.empty()) {
      f.actor = frames[fi - 1].actor;
      f.why.set("actor", {Origin{"actor.list_split_shares_actor", {}}});
    }
    // Recipient: "en soutien à la Russie", "pour aider Moscou".
    for (uint32_t t = v.first; t < v.end && f.recipient.empty(); ++t) {
      if (!v.has(t, Role::kRecipient) || v.has(t, Role::kLocation)) continue;
      uint32_t e = t;
      while (e < v.end && v.has(e, Role::kRecipient)) ++e;
      if (const SpanRef* m = mention_after(v, e, kMarkerReach)) {
        std::string id = actor_id(doc, doc.mentions[m->index].entity);
        if (id != f.actor) {
          f.recipient = id;
          f.why.set("recipient", {v.role_why[t - v.first], doc.mentions[m->index].why, Origin{"recipient.after_marker", {}}});
        }
      }
      t = e;
    }
    // An attack's recipient is its target: "52 drones contre l'Ukraine", "strikes against Kyiv".
    for (uint32_t t = v.first; t < v.end && f.recipient.empty() && text_is(f.type->name, "combat"); ++t) {
      if (!v.has(t, Role::kTarget) || v.segment_of(t) != f.segment) continue;
      if (const SpanRef* m = mention_after(v, t + 1, 2)) {
        std::string id = actor_id(doc, doc.mentions[m->index].entity);
        if (id != f.actor) {
          f.recipient = id;
          f.why.set("recipient", {v.role_why[t - v.first], doc.mentions[m->index].why, Origin{"recipient.target_of_attack", {}}});
        }
      }
    }
    // Aid goes to whoever follows it and its amount: "$2 billion in military aid to Ukraine"; troops
    // to where they are sent: "has sent 3,000 more troops to Russia".
    const bool aid = f.trigger && f.trigger->entry && f.trigger->entry->needs_is("materiel");
    if (f.recipient.empty() && (aid || text_is(f.type->name, "troop_deployment")) && f.quantity != kNone) {
      uint32_t after = f.anchor_end;
      for (const auto& qr : v.quantities)
        if (static_cast<int32_t>(qr.index) == f.quantity) after = std::max(after, qr.end);
      for (uint32_t t = after; t < after + kMarkerReach && t < v.end; ++t) {
        if (v.has(t, Role::kBeneficiary)) {
          if (const SpanRef* m = mention_after(v, t + 1, 2)) {
            std::string id = actor_id(doc, doc.mentions[m->index].entity);
            if (id != f.actor) {
              f.recipient = id;
              f.why.set("recipient", {v.role_why[t - v.first], doc.mentions[m->index].why,
                                      Origin{aid ? "recipient.after_aid" : "recipient.where_sent", {}}});
            }
          }
          break;
        }
      }
    }
    // Places: "en Corée du Nord", "dans la région russe de Koursk", "à Pyongyang".
    for (uint32_t t = v.first; t < v.end; ++t) {
      if (!v.has(t, Role::kLocation) || v.mention_at(t) != kNone) continue;
      if (v.segment_of(t) != f.segment) continue;
      const SpanRef* chosen = nullptr;
      for (const auto& m : v.mentions) {
        if (m.first <= t) continue;
        if (m.first - t > kPlaceReach) break;
        bool blocked = false;
        for (uint32_t k = t + 1; k < m.first; ++k) blocked = blocked || v.is_punct(k, ',') || v.is_cue_token(k);
        if (blocked) break;
        const Mention& mention = doc.mentions[m.index];
        const Entity& e = doc.entities[mention.entity];
        if (mention.demonym || !(has_type(e, "COUNTRY") || has_type(e, "GPE") || has_type(e, "LOC"))) continue;
        chosen = &m;
        break;
      }
      if (!chosen) continue;
      const std::string& id = doc.entities[doc.mentions[chosen->index].entity].id;
      if (std::find(f.locations.begin(), f.locations.end(), id) == f.locations.end()) {
        f.locations.push_back(id);
        f.why.push("locations", v.role_why[t - v.first]);
        f.why.push("locations", doc.mentions[chosen->index].why);
      }
    }
    if (!f.locations.empty()) f.why.push("locations", Origin{"locations.after_place_preposition", {}});
    // Time: the clause's before the sentence's, one that places the event before a mere length
    // ("On February 16, Zelensky began a two-day trip"), then the nearest.
    uint32_t best_d = UINT32_MAX;
    bool best_same = false, best_placed = false;
    for (const auto& t : v.times) {
      const TimeSpan& ts = doc.times[t.index];
      if (ts.type == "SET") continue;
      const bool placed = ts.type != "DURATION";
      const bool same = v.segment_of(t.first) == f.segment;
      const uint32_t d = t.first > f.anchor_first ? t.first - f.anchor_first : f.anchor_first - t.first;
      if (f.time == kNone || std::tie(same, placed) > std::tie(best_same, best_placed) ||
          (placed == best_placed && same == best_same && d < best_d)) {
        best_d = d;
        best_same = same;
        best_placed = placed;
        f.time = static_cast<int32_t>(t.index);
      }
    }
    if (f.time != kNone) {
      f.why.set("time", {doc.times[f.time].why,
                       Origin{best_same ? "time.nearest_in_clause" : "time.nearest_in_sentence", {}}});
    }
  }
}

}  // namespace claimtrace
