// The claim builder's mechanisms on documents whose number, quantity, time
// and entity layers are filled by hand, so that these tests hold whatever
// those annotators find.
#include "claim/claim_builder.h"

#include <gtest/gtest.h>

#include "claim/cue_annotator.h"
#include "text/text_layer.h"

namespace claimtrace {
namespace {

class Fixture {
 public:
  explicit Fixture(std::string lang) {
    auto rules = load_text_rules(CLAIMTRACE_RESOURCE_DIR, lang);
    EXPECT_TRUE(rules.has_value());
    rules_ = *rules;
    LanguageContext context{CLAIMTRACE_RESOURCE_DIR, lang, &rules_};
    auto cues = make_cue_annotator(context);
    auto claims = make_claim_builder(context);
    EXPECT_TRUE(cues.has_value()) << (cues ? "" : cues.error().to_string());
    EXPECT_TRUE(claims.has_value()) << (claims ? "" : claims.error().to_string());
    cues_ = std::move(*cues);
    claims_ = std::move(*claims);
    doc.id = "t";
    doc.lang = lang;
  }

  void text(std::string t) {
    doc.text = std::move(t);
    build_text_layer(doc, rules_);
  }
  Extent find(std::string_view what, size_t nth = 0) const {
    size_t at = doc.text.find(what);
    for (size_t i = 0; i < nth; ++i) at = doc.text.find(what, at + 1);
    EXPECT_NE(at, std::string::npos) << what;
    return Extent{static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size())};
  }
  // A mention of entity `id` (created on first use).
  void mention(std::string_view what, std::string id, std::string type, bool demonym = false,
               std::string country = "", size_t nth = 0) {
    uint32_t e = 0;
    for (; e < doc.entities.size(); ++e) {
      if (doc.entities[e].id == id) break;
    }
    if (e == doc.entities.size()) {
      Entity entity;
      entity.id = id;
      entity.type = type;
      entity.name = id;
      entity.country = country;
      doc.entities.push_back(entity);
    }
    doc.entities[e].mentions.push_back(static_cast<uint32_t>(doc.mentions.size()));
    Mention m;
    m.at = find(what, nth);
    m.entity = e;
    m.demonym = demonym;
    m.why = Origin{"test.mention", {}};
    doc.mentions.push_back(m);
  }
  void quantity(std::string_view what, double min, double max, std::string unit = "personnel") {
    QuantitySpan q;
    q.at = find(what);
    if (min == max) q.amount.value = min;
    else {
      q.amount.min = min;
      q.amount.max = max;
    }
    q.unit = std::move(unit);
    q.why = Origin{"test.quantity", {}};
    doc.quantities.push_back(q);
  }
  void number(std::string_view what, double value) {
    NumberSpan n;
    n.at = find(what);
    n.amount.value = value;
    n.why = Origin{"test.number", {}};
    doc.numbers.push_back(n);
  }
  void time(std::string_view what, std::string value, std::string mod = "") {
    TimeSpan t;
    t.at = find(what);
    t.type = "DATE";
    t.value = std::move(value);
    t.mod = std::move(mod);
    t.why = Origin{"test.time", {}};
    doc.times.push_back(t);
  }
  const std::vector<Claim>& run() {
    cues_->annotate(doc);
    claims_->annotate(doc);
    return doc.claims;
  }
  // The first source's text of the one claim the text holds; a note and ""
  // when there is not exactly one claim with a source.
  std::string sole_claim_source() {
    const auto& claims = run();
    EXPECT_EQ(claims.size(), 1u);
    if (claims.size() != 1 || claims[0].sources.empty()) return {};
    return claims[0].sources[0].text;
  }

  Document doc;

 private:
  TextRules rules_;
  std::unique_ptr<Annotator> cues_, claims_;
};

const Claim* with_status(const std::vector<Claim>& claims, std::string_view status) {
  for (const auto& c : claims) {
    if (c.quantity && c.quantity->status == status) return &c;
  }
  return nullptr;
}

TEST(ClaimBuilder, ListSplitGivesOneClaimPerFigureWithTheSameActorAndWording) {
  Fixture f("fr");
  f.text("Quelque 9 000 soldats tchadiens sont déployés, dont 300 auraient été blessés et 70 tués, selon la radio.");
  f.quantity("9 000 soldats", 9000, 9000);
  f.mention("tchadiens", "country/TD", "COUNTRY", true);
  f.number("300", 300);
  f.number("70", 70);
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 3u);
  const Claim* deployed = with_status(claims, "deployed");
  const Claim* wounded = with_status(claims, "wounded");
  const Claim* killed = with_status(claims, "killed");
  ASSERT_TRUE(deployed && wounded && killed);
  EXPECT_EQ(deployed->event_type, "troop_deployment");
  EXPECT_EQ(deployed->actor, "country/TD");
  EXPECT_EQ(deployed->certainty, "asserted");
  EXPECT_EQ(wounded->event_type, "casualties");
  EXPECT_EQ(wounded->actor, "country/TD");
  EXPECT_EQ(wounded->certainty, "probable");
  EXPECT_EQ(*wounded->quantity->amount.value, 300);
  EXPECT_EQ(wounded->quantity->unit, "personnel");
  EXPECT_EQ(killed->actor, "country/TD");
  EXPECT_EQ(killed->certainty, "probable");
  EXPECT_EQ(*killed->quantity->amount.value, 70);
  for (const auto& c : claims) {
    ASSERT_EQ(c.sources.size(), 1u);
    EXPECT_EQ(c.sources[0].text, "la radio");
  }
  EXPECT_EQ(claims[0].id, "t#c0");
}

TEST(ClaimBuilder, ConditionalSendingIsPlannedWithActorAndRecipient) {
  Fixture f("fr");
  f.text("Minsk pourrait envoyer jusqu'à 2 000 hommes supplémentaires pour aider Moscou.");
  f.mention("Minsk", "country/BY", "COUNTRY");
  f.mention("Moscou", "country/RU", "COUNTRY");
  f.quantity("jusqu'à 2 000 hommes", 0, 2000);
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].event_type, "troop_deployment");
  EXPECT_EQ(claims[0].cameo, "154");
  EXPECT_EQ(claims[0].actor, "country/BY");
  EXPECT_EQ(claims[0].recipient, "country/RU");
  EXPECT_EQ(claims[0].quantity->status, "planned");
  EXPECT_EQ(claims[0].certainty, "possible");
  EXPECT_TRUE(claims[0].sources.empty());  // no paragraph chain to carry
  EXPECT_FALSE(claims[0].explain.of("actor").empty());
}

TEST(ClaimBuilder, BackwardAttributionAndConditionalCarryChains) {
  Fixture f("fr");
  f.text(
      "Minsk pourrait envoyer des soldats en Russie. Cette information émane d'une note du renseignement "
      "letton, consultée par la BBC. Minsk pourrait aussi envoyer 500 hommes supplémentaires.");
  f.mention("Minsk", "country/BY", "COUNTRY");
  f.mention("Minsk", "country/BY", "COUNTRY", false, "", 1);
  f.mention("Russie", "country/RU", "COUNTRY");
  f.mention("BBC", "org/bbc", "ORG");
  f.quantity("500 hommes", 500, 500);
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 2u);
  for (const auto& c : claims) {
    ASSERT_EQ(c.sources.size(), 2u) << c.evidence.start;
    EXPECT_EQ(c.sources[0].role, "origin");
    EXPECT_EQ(c.sources[0].text, "une note du renseignement letton");
    EXPECT_EQ(c.sources[1].role, "relay");
    EXPECT_EQ(c.sources[1].entity, "org/bbc");
  }
  EXPECT_EQ(claims[0].locations, std::vector<std::string>{"country/RU"});
}

TEST(ClaimBuilder, PronounSpeakerAndPassiveAgentAndTime) {
  Fixture f("fr");
  f.text("Le député Jean Martin était à Paris. En mars, il a affirmé que des troupes allaient être déployées par le Tchad.");
  f.mention("Jean Martin", "person/jean-martin", "PERSON", false, "country/FR");
  f.mention("Paris", "place/paris", "GPE");
  f.mention("Tchad", "country/TD", "COUNTRY");
  f.time("En mars", "2025-03");
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].event_type, "troop_deployment");
  EXPECT_EQ(claims[0].actor, "country/TD");
  ASSERT_EQ(claims[0].sources.size(), 1u);
  // A pronoun names nobody: the text is its antecedent's, the span the pronoun's.
  EXPECT_EQ(claims[0].sources[0].text, "Jean Martin");
  EXPECT_EQ(claims[0].sources[0].pronoun, "il");
  EXPECT_EQ(f.doc.slice(claims[0].sources[0].at), "il");
  EXPECT_EQ(f.doc.slice(claims[0].sources[0].antecedent), "Jean Martin");
  EXPECT_EQ(claims[0].sources[0].entity, "person/jean-martin");
  ASSERT_TRUE(claims[0].time.has_value());
  EXPECT_EQ(claims[0].time->value, "2025-03");
}

TEST(ClaimBuilder, DescriptiveSourceResolvesThroughTheEntityLayer) {
  Fixture f("fr");
  f.text("Selon la chaîne britannique, des généraux russes seraient présents en Syrie pour y entraîner des troupes.");
  f.mention("la chaîne britannique", "org/bbc", "ORG");
  f.doc.mentions.back().descriptive = true;
  f.mention("russes", "country/RU", "COUNTRY", true);
  f.mention("Syrie", "country/SY", "COUNTRY");
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].event_type, "training");
  EXPECT_EQ(claims[0].actor, "country/RU");
  EXPECT_EQ(claims[0].locations, std::vector<std::string>{"country/SY"});
  EXPECT_EQ(claims[0].certainty, "probable");
  EXPECT_EQ(claims[0].sources[0].entity, "org/bbc");
}

TEST(ClaimBuilder, HypotheticalsQuestionsAndSelfStateNothing) {
  Fixture f("fr");
  f.text("Si Minsk envoyait des soldats, la guerre pourrait durer. Minsk va-t-il envoyer des soldats ? "
         "Selon moi, rien ne change.");
  f.mention("Minsk", "country/BY", "COUNTRY");
  EXPECT_TRUE(f.run().empty());
}

TEST(ClaimBuilder, EnglishToldGivesOriginAndRelayAndLastSpeakerForIt) {
  Fixture f("en");
  f.text("Military sources told the Kyiv Independent that 40 soldiers were killed. The ministry said the report was false. "
         "It added that no troops had been sent.");
  f.mention("Kyiv Independent", "org/kyiv-independent", "ORG");
  f.mention("ministry", "org/ministry", "ORG");
  f.quantity("40 soldiers", 40, 40);
  const auto& claims = f.run();
  ASSERT_GE(claims.size(), 3u);
  EXPECT_EQ(claims[0].event_type, "casualties");
  EXPECT_EQ(claims[0].quantity->status, "killed");
  ASSERT_EQ(claims[0].sources.size(), 2u);
  EXPECT_EQ(claims[0].sources[0].text, "Military sources");
  EXPECT_EQ(claims[0].sources[1].entity, "org/kyiv-independent");
  const Claim& last = claims.back();
  ASSERT_EQ(last.sources.size(), 1u);
  EXPECT_EQ(last.sources[0].pronoun, "It");
  EXPECT_EQ(last.sources[0].text, "ministry");
  EXPECT_EQ(last.sources[0].entity, "org/ministry");
}

TEST(ClaimBuilder, UnattributedAuthorStatementHasNoSources) {
  Fixture f("en");
  f.text("Russian forces regained control of the village on Monday.");
  f.mention("Russian", "country/RU", "COUNTRY", true);
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].event_type, "territorial_control");
  EXPECT_EQ(claims[0].actor, "country/RU");
  EXPECT_TRUE(claims[0].sources.empty());
  EXPECT_EQ(claims[0].certainty, "asserted");
}

TEST(ClaimBuilder, SpeakerInsideWhatAnotherSpeakerSaysIsPartOfTheReport) {
  Fixture f("en");
  f.text("She said leaders had agreed to a plan. He notes that the commission announced a delay, and aides said it was late.");
  const auto& claims = f.run();
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].sources[0].text, "She");
  EXPECT_EQ(claims[1].sources[0].text, "He");
  EXPECT_EQ(claims[2].sources[0].text, "aides");  // after a clause edge: a speaker of its own
}

TEST(ClaimBuilder, SpeakerAfterAnInsertedSaidIsPartOfTheReport) {
  Fixture f("en");
  f.text("Back in Virginia, Mr. Clarke said, he decided to act.");
  f.mention("Clarke", "person/clarke", "PERSON");
  EXPECT_EQ(f.sole_claim_source(), "Clarke");
}

TEST(ClaimBuilder, AVerbOfIntentIsAStatementNotTheSourceOfTheEvent) {
  Fixture f("en");
  f.text("North Korea plans to send 5,000 troops to Russia.");
  f.mention("North Korea", "country/KP", "COUNTRY");
  f.mention("Russia", "country/RU", "COUNTRY");
  f.quantity("5,000 troops", 5000, 5000);
  const auto& claims = f.run();
  bool event = false, statement = false;
  for (const auto& c : claims) {
    if (c.event_type == "troop_deployment") {
      event = true;
      EXPECT_TRUE(c.sources.empty());
    }
    if (c.event_type == "statement") {
      statement = true;
      ASSERT_EQ(c.sources.size(), 1u);
      EXPECT_EQ(c.sources[0].text, "North Korea");
    }
  }
  EXPECT_TRUE(event && statement);
}

TEST(ClaimBuilder, InfinitiveTakesTheNamedSubjectOrNothing) {
  Fixture f("en");
  f.text("Caddell went on to discuss the polls. It is necessary to show that they have nothing to hide.");
  f.mention("Caddell", "person/caddell", "PERSON");
  EXPECT_EQ(f.sole_claim_source(), "Caddell");
  EXPECT_EQ(f.doc.claims.at(0).sources.size(), 1u);
}

TEST(ClaimBuilder, HeadlinesAreReadLikeSentences) {
  Fixture f("en");
  f.text("Senator Smith says the bill is dead\n\nThe vote was held on Monday.");
  f.mention("Senator Smith", "person/smith", "PERSON");
  EXPECT_EQ(f.sole_claim_source(), "Senator Smith");
}

// A headline's "Name: words" speaks for the name even when the entity layer
// knows no such name; "The Latest:" is a heading.
TEST(ClaimBuilder, HeadlineNameBeforeColonSpeaks) {
  Fixture f("en");
  f.doc.title = "Politifact: Trump Is Right About Chicago";
  f.text("Politifact: Trump Is Right About Chicago\n\nThe vote was held on Monday.");
  EXPECT_EQ(f.sole_claim_source(), "Politifact");
}

TEST(ClaimBuilder, HeadlineLabelBeforeColonIsNoSpeaker) {
  Fixture f("en");
  f.doc.title = "The Latest: Polling Places Open Early";
  f.text("The Latest: Polling Places Open Early\n\nThe vote was held on Monday.");
  EXPECT_TRUE(f.run().empty());
}

// "assure" comes from "assur+er" and could be listed again as a form: one
// verb at one place is one cue, so one claim.
TEST(ClaimBuilder, AVerbListedTwiceMakesOneClaim) {
  Fixture f("fr");
  f.text("Le ministre assure que la ville a été reprise.");
  EXPECT_EQ(f.run().size(), 1u);
}

}  // namespace
}  // namespace claimtrace
