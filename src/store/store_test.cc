// The store and fusion against every backend the run has: SQLite always,
// PostgreSQL when CLAIMTRACE_TEST_PG names a server (scripts/test.sh starts one).
#include "store/store.h"
#include "store/schema.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <limits>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/content_hash.h"

namespace claimtrace {
namespace {

std::vector<std::string> backends() {
  std::vector<std::string> out = {"sqlite"};
  if (const char* pg = std::getenv("CLAIMTRACE_TEST_PG"); pg && *pg) out.push_back("postgresql");
  return out;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      std::replace(name.begin(), name.end(), '/', '_');
      path_ = std::filesystem::temp_directory_path() /
              ("claimtrace-store-test-" + std::to_string(::getpid()) + "-" + name + ".db");
      for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
      target_ = path_.string();
    } else {
      target_ = std::getenv("CLAIMTRACE_TEST_PG");
      auto sql = open_sql(target_);
      ASSERT_TRUE(sql.has_value()) << sql.error().to_string();
      ASSERT_TRUE((*sql)->execute_script(
          "DROP TABLE IF EXISTS contradictions, clusters, claim_sources, claims, mentions, entities, documents, "
          "schema_migrations CASCADE"));
    }
  }
  void TearDown() override {
    if (!path_.empty()) {
      for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::unique_ptr<Store> open() {
    auto store = Store::open(target_);
    EXPECT_TRUE(store.has_value()) << store.error().to_string();
    return store ? std::move(*store) : nullptr;
  }

  std::filesystem::path path_;
  std::string target_;
};

// How many clusters the store holds, and how many of them contradict another.
std::pair<size_t, size_t> cluster_counts(Store& store) {
  auto clusters = store.clusters();
  EXPECT_TRUE(clusters.has_value());
  if (!clusters) return {0, 0};
  size_t contradicting = 0;
  for (const auto& k : *clusters) contradicting += !k.contradicts.empty();
  return {clusters->size(), contradicting};
}

// Stores one batch, then counts as cluster_counts does.
std::pair<size_t, size_t> counts_after(Store& store, const std::vector<const Document*>& batch) {
  EXPECT_TRUE(store.add_batch(batch).has_value());
  return cluster_counts(store);
}

// A document with one claim, built by hand: the store must not depend on
// what the annotators find today.
Document report(const std::string& text, const std::string& published, const std::string& source_entity,
                double value, const std::string& status = "killed", const std::string& certainty = "asserted",
                std::optional<double> max = std::nullopt) {
  Document doc;
  doc.id = "doc-" + content_hash(text).substr(0, 6);
  doc.source = doc.id;
  doc.text = text;
  doc.lang = "en";
  doc.published = published;
  Entity russia;
  russia.id = "country/RU";
  russia.type = "COUNTRY";
  russia.name = "Russia";
  russia.mentions = {0};
  doc.entities.push_back(russia);
  doc.mentions.push_back({{0, 6}, 0, false, false, {}});
  Claim c;
  c.id = doc.id + "-c0";
  c.event_type = "casualties";
  c.cameo = "190";
  c.actor = "country/RU";
  ClaimQuantity q;
  if (max) {
    q.amount.min = value;
    q.amount.max = *max;
  } else {
    q.amount.value = value;
  }
  q.unit = "personnel";
  q.status = status;
  c.quantity = q;
  if (!source_entity.empty()) c.sources.push_back({source_entity, source_entity, "origin", {0, 6}});
  c.certainty = certainty;
  c.evidence = {0, static_cast<uint32_t>(text.size())};
  doc.claims.push_back(c);
  return doc;
}

TEST_P(StoreTest, IngestIsIdempotentByContent) {
  auto store = open();
  ASSERT_TRUE(store);
  Document a = report("Russia lost 10,000 soldiers, Kyiv said.", "2022-03-08", "person/volodymyr-zelensky", 10000);
  Document b = report("Russia lost 12,000 soldiers, Kyiv said.", "2022-03-12", "person/volodymyr-zelensky", 12000);
  auto first = store->add_batch({&a, &b});
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  EXPECT_EQ(first->added, 2u);
  Document a_again = a;
  a_again.text = "Russia  lost 10,000 soldiers,\nKyiv said.";  // same content, other white space
  auto second = store->add_batch({&a_again, &b});
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->added, 0u);
  EXPECT_EQ(second->present, 2u);
  auto stats = store->stats();
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->documents, 2);
  EXPECT_EQ(stats->claims, 2);
}

TEST_P(StoreTest, SameOriginRevisingItsEstimateIsNotAContradiction) {
  auto store = open();
  ASSERT_TRUE(store);
  Document a = report("Russia lost 10,000 soldiers, Kyiv said.", "2022-03-08", "person/volodymyr-zelensky", 10000);
  Document b = report("Russia lost 12,000 soldiers, Kyiv said.", "2022-03-12", "person/volodymyr-zelensky", 12000);
  ASSERT_TRUE(store->add_batch({&a, &b}));
  EXPECT_EQ(cluster_counts(*store), (std::pair<size_t, size_t>{2, 0}));
  // An outlet's own unattributed figures are one origin across its articles
  // (a presidency's daily count); another outlet's are another origin.
  Document c = report("Russia has lost 20,000 soldiers.", "2022-04-13", "", 20000);
  Document d = report("Russia has lost 30,000 soldiers.", "2022-04-14", "", 30000);
  Document e = report("Russia has lost 3,000 soldiers.", "2022-04-15", "", 3000);
  c.outlet = d.outlet = "president.gov.ua";
  e.outlet = "example.org";
  ASSERT_TRUE(store->add_batch({&c, &d}));
  EXPECT_EQ(cluster_counts(*store), (std::pair<size_t, size_t>{4, 0}));
  ASSERT_TRUE(store->add_batch({&e}));
  EXPECT_EQ(cluster_counts(*store), (std::pair<size_t, size_t>{5, 3}));
}

TEST_P(StoreTest, RelaysOfOneOriginCountOnceAndOtherOriginsContradict) {
  auto store = open();
  ASSERT_TRUE(store);
  Document ua1 = report("Russia lost 1,300 soldiers according to Ukraine, CNN reports.", "2022-03-10", "country/UA", 1300);
  Document ua2 = report("Ukraine says 1,300 Russian soldiers were killed, Le Monde writes.", "2022-03-11", "country/UA", 1300);
  Document ua3 = report("Kyiv: about 1,250 Russian troops killed so far, says the BBC.", "2022-03-12", "country/UA", 1250);
  Document ru = report("Moscow says 498 of its soldiers were killed.", "2022-03-03", "country/RU", 498);
  ASSERT_TRUE(store->add_batch({&ua1, &ua2}));
  ASSERT_TRUE(store->add_batch({&ua3, &ru}));  // incremental: a second batch joins the cluster
  auto clusters = store->clusters();
  ASSERT_TRUE(clusters.has_value());
  ASSERT_EQ(clusters->size(), 2u);
  const StoredCluster* ukraine = nullptr;
  const StoredCluster* russia = nullptr;
  for (const auto& k : *clusters) (k.reports == 3 ? ukraine : russia) = &k;
  ASSERT_TRUE(ukraine && russia);
  EXPECT_EQ(ukraine->independent_origins, 1);
  EXPECT_EQ(ukraine->first_seen, "2022-03-10");
  EXPECT_EQ(ukraine->last_seen, "2022-03-12");
  ASSERT_EQ(ukraine->contradicts.size(), 1u);
  EXPECT_EQ(ukraine->contradicts[0], russia->id);
}

TEST_P(StoreTest, FiguresAtUnknownTimesDoNotContradict) {
  auto store = open();
  ASSERT_TRUE(store);
  // No publication date and no time expression: two strikes, not two counts of one.
  Document a = report("Russia lost 40 soldiers in a strike, Kyiv said.", "", "country/UA", 40);
  Document b = report("Russia lost 300 soldiers, the BBC said.", "", "org/bbc", 300);
  EXPECT_EQ(counts_after(*store, {&a, &b}), (std::pair<size_t, size_t>{2, 0}));
  // Dated, the same two figures from two origins do contradict.
  Document c = report("Russia lost 40 soldiers in the June 1 strike, Kyiv said.", "2022-06-01", "country/UA", 40);
  Document d = report("Russia lost 300 soldiers on June 1, the BBC said.", "2022-06-02", "org/bbc", 300);
  // Dated claims found their own clusters: the undated ones would make them undated.
  EXPECT_EQ(counts_after(*store, {&c, &d}), (std::pair<size_t, size_t>{4, 2}));
}

TEST_P(StoreTest, FiguresOverDifferentStretchesOfTimeDoNotContradict) {
  auto store = open();
  ASSERT_TRUE(store);
  // A total since 2014 and one month's count: two different things, not two estimates.
  Document total = report("Ukraine has lost 14,000 people since 2014, Kyiv said.", "2022-06-02", "country/UA", 14000);
  TimeSpan since;
  since.type = "DATE";
  since.value = "2014";
  since.mod = "ON_OR_AFTER";
  since.begin = "2014-01-01";
  total.claims[0].time = since;
  Document month = report("Russia killed 16 Ukrainians, the BBC said.", "2022-02-28", "org/bbc", 16);
  EXPECT_EQ(counts_after(*store, {&total, &month}), (std::pair<size_t, size_t>{2, 0}));
  // "since 2014" runs to the day of publication: a total from another origin a week later does contradict.
  Document other_total = report("Ukraine has lost 2,000 people since 2014, the BBC said.", "2022-06-09", "org/bbc", 2000);
  other_total.claims[0].time = since;
  EXPECT_EQ(counts_after(*store, {&other_total}), (std::pair<size_t, size_t>{3, 2}));
}

TEST_P(StoreTest, FiguresOfOtherUnitsAreOtherCounts) {
  auto store = open();
  ASSERT_TRUE(store);
  // One slot (casualties, Russia, total): 300 tanks and 16,000 soldiers are two counts.
  Document tanks = report("Russia has lost 300 tanks, Kyiv said.", "2022-06-01", "country/UA", 300, "total");
  tanks.claims[0].quantity->unit = "vehicle";
  Document soldiers = report("Russia has lost 16,000 soldiers, the BBC said.", "2022-06-01", "org/bbc", 16000, "total");
  EXPECT_EQ(counts_after(*store, {&tanks, &soldiers}), (std::pair<size_t, size_t>{2, 0}));
  // Another estimate of the tanks from another origin does contradict the first.
  Document more = report("Russia has lost 900 tanks, the BBC said.", "2022-06-01", "org/bbc", 900, "total");
  more.claims[0].quantity->unit = "vehicle";
  EXPECT_EQ(counts_after(*store, {&more}), (std::pair<size_t, size_t>{3, 2}));
}

TEST_P(StoreTest, SyndicatedCopiesAreOneOrigin) {
  auto store = open();
  ASSERT_TRUE(store);
  std::string body =
      "Officials in the region reported on Tuesday that an attack on the rail depot killed 35 people and wounded "
      "dozens more, in one of the deadliest strikes on the city since the spring. Rescue teams worked through the "
      "night to clear the rubble, and the regional governor declared three days of mourning. Witnesses described "
      "two loud explosions shortly after the morning trains had left, and said that the waiting hall was crowded "
      "with families trying to leave the city before the expected offensive in the east of the country.";
  Document a = report(body, "2022-04-08", "", 35);
  Document b = report(body + " (AFP)", "2022-04-08", "", 35);  // the same wire story, one word more
  Document c = report("A separate count by the mayor put the toll at 35 dead after the strike on the station.", "2022-04-08", "", 35);
  a.outlet = "outlet-a";
  b.outlet = "outlet-b";
  ASSERT_TRUE(store->add_batch({&a, &b, &c}));
  auto clusters = store->clusters();
  ASSERT_TRUE(clusters.has_value());
  ASSERT_EQ(clusters->size(), 1u);
  EXPECT_EQ(clusters->front().reports, 3);
  EXPECT_EQ(clusters->front().independent_origins, 2);
}

TEST_P(StoreTest, DenialContradictsTheClaim) {
  auto store = open();
  ASSERT_TRUE(store);
  Document claim = report("Russia lost 300 soldiers in the strike, Ukraine said.", "2022-05-02", "country/UA", 300);
  Document denial = report("Moscow denied that 300 soldiers were killed in the strike.", "2022-05-03", "country/RU", 300,
                           "killed", "denied");
  ASSERT_TRUE(store->add_batch({&claim, &denial}));
  auto clusters = store->clusters();
  ASSERT_TRUE(clusters.has_value());
  ASSERT_EQ(clusters->size(), 2u);
  EXPECT_EQ(clusters->at(0).contradicts.size(), 1u);
}

TEST_P(StoreTest, QueriesFilterAndTimelinesRunOldestFirst) {
  auto store = open();
  ASSERT_TRUE(store);
  Document late = report("Russia lost 27,000 soldiers.", "2022-05-13", "person/volodymyr-zelensky", 27000);
  Document early = report("Russia lost 10,000 soldiers.", "2022-03-08", "person/volodymyr-zelensky", 10000);
  Document wounded = report("4,000 were wounded.", "2022-04-01", "country/UA", 4000, "wounded");
  ASSERT_TRUE(store->add_batch({&late, &early, &wounded}));
  ClaimFilter f;
  f.actor = "country/RU";
  f.status = "killed";
  auto points = store->claims(f);
  ASSERT_TRUE(points.has_value());
  ASSERT_EQ(points->size(), 2u);
  EXPECT_EQ(points->at(0).published, "2022-03-08");
  EXPECT_EQ(*points->at(0).value, 10000);
  EXPECT_EQ(points->at(1).sources.at(0).entity, "person/volodymyr-zelensky");
  ClaimFilter by_source;
  by_source.source = "country/UA";
  auto from_ua = store->claims(by_source);
  ASSERT_TRUE(from_ua.has_value());
  ASSERT_EQ(from_ua->size(), 1u);
  EXPECT_EQ(from_ua->front().status, "wounded");
  ClaimFilter since;
  since.since = "2022-04-01";
  EXPECT_EQ(store->claims(since)->size(), 2u);
}

TEST_P(StoreTest, ReopeningKeepsEverythingAndMigratesOnce) {
  {
    auto store = open();
    ASSERT_TRUE(store);
    Document a = report("Russia lost 10,000 soldiers.", "2022-03-08", "country/UA", 10000);
    ASSERT_TRUE(store->add_batch({&a}));
  }
  auto store = open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->stats()->documents, 1);
  auto versions = store->sql().run("SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(versions.has_value());
  EXPECT_EQ(sql_int(versions->front()[0]), static_cast<int64_t>(migrations().size()));
}

// Clusters keep running totals; what they hold must not depend on where
// batches end (an interrupted ingest resumes with other batch boundaries).
TEST_P(StoreTest, ClustersDoNotDependOnBatchBoundaries) {
  std::vector<Document> docs = {
      report("Kyiv: 10,000 Russian soldiers were killed.", "2022-03-08", "country/UA", 10000),
      report("Kyiv: fewer than 12,000 were killed.", "2022-03-09", "country/UA", 0, "killed", "asserted", 12000),
      report("London: 11,000 were killed.", "2022-03-10", "country/GB", 11000),
      report("Moscow: 500 were killed.", "2022-03-11", "country/RU", 500, "killed", "probable"),
      report("Kyiv: more than 13,000 were killed.", "2022-03-12", "country/UA", 13000, "killed", "asserted",
             std::numeric_limits<double>::infinity()),
  };
  docs[4].claims[0].quantity->amount.max.reset();
  auto fingerprint = [](Store& store) {
    std::string out;
    auto clusters = store.clusters();
    EXPECT_TRUE(clusters.has_value());
    for (const auto& k : *clusters) {
      out += fmt::format("{} {} {} {} {} {} {} {} {}|", k.id, k.reports, k.independent_origins, k.claims,
                         k.value_low ? *k.value_low : -1, k.value_high ? *k.value_high : -1, k.first_seen,
                         k.certainty_low, k.contradicts.size());
    }
    return out;
  };
  std::string whole;
  {
    auto store = open();
    ASSERT_TRUE(store);
    std::vector<const Document*> all;
    for (const auto& d : docs) all.push_back(&d);
    ASSERT_TRUE(store->add_batch(all));
    whole = fingerprint(*store);
  }
  TearDown();
  SetUp();
  auto store = open();
  ASSERT_TRUE(store);
  for (const auto& d : docs) ASSERT_TRUE(store->add_batch({&d}));
  EXPECT_EQ(fingerprint(*store), whole);
  // "fewer than 12,000" is compatible with every figure here: one cluster,
  // three origins, an envelope open above.
  EXPECT_NE(whole.find(" 5 3 5 0 -1 2022-03-08 probable 0|"), std::string::npos) << whole;
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace claimtrace
