// Token files read as the prose they tokenise: CoNLL-2003, CoNLL-U, the
// one-token-a-line IOB1 form of the Europeana newspapers, and the sniffing
// that tells them from prose.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "read/conll.h"
#include "read/reader.h"

namespace claimtrace {
namespace {

struct Read {
  std::vector<Document> docs;
  std::vector<Error> errors;
};

Read read(const std::string& content, ReadOptions options = {}, const std::string& name = "t.conll") {
  Read r;
  read_conll(name, content, options, [&](Document&& d) { r.docs.push_back(std::move(d)); },
             [&](Error&& e) { r.errors.push_back(std::move(e)); });
  return r;
}

Read read_file(const std::filesystem::path& path) {
  Read r;
  read_input(path.string(), ReadOptions{}, [&](Document&& d) { r.docs.push_back(std::move(d)); },
             [&](Error&& e) { r.errors.push_back(std::move(e)); });
  return r;
}

TEST(ConllReader, Conll2003DocstartStartsDocuments) {
  Read r = read(
      "-DOCSTART- -X- -X- O\n\n"
      "Kyiv NNP B-NP B-LOC\nwelcomes VBZ B-VP O\nnew JJ B-NP O\nconvoy NN I-NP O\n\n"
      "Officials NNS B-NP O\nsaid VBD B-VP O\n40 CD B-NP O\ntrucks NNS I-NP O\narrived VBD B-VP O\n. . O O\n\n"
      "-DOCSTART- -X- -X- O\n\n"
      "Maria NNP B-NP B-PER\nPetrenko NNP I-NP I-PER\ndid VBD B-VP O\nn't RB I-VP O\ncomment VB I-VP O\n. . O O\n");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Kyiv welcomes new convoy\nOfficials said 40 trucks arrived.");
  EXPECT_EQ(r.docs[0].id, "t.conll#1");
  EXPECT_EQ(r.docs[0].source, "t.conll:3");
  EXPECT_EQ(r.docs[1].text, "Maria Petrenko didn't comment.");
  EXPECT_EQ(r.docs[1].id, "t.conll#2");
}

TEST(ConllReader, ConllUCommentsMultiwordTokensAndSentenceText) {
  Read r = read(
      "# newdoc id = a\n# sent_id = 1\n# text = Il est allé au marché.\n"
      "1\tIl\til\tPRON\t_\t_\t3\tnsubj\t_\t_\n"
      "2\test\têtre\tAUX\t_\t_\t3\taux\t_\t_\n"
      "3\tallé\taller\tVERB\t_\t_\t0\troot\t_\t_\n"
      "4-5\tau\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tà\tà\tADP\t_\t_\t6\tcase\t_\t_\n"
      "5\tle\tle\tDET\t_\t_\t6\tdet\t_\t_\n"
      "6\tmarché\tmarché\tNOUN\t_\t_\t3\tobl\t_\tSpaceAfter=No\n"
      "7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n"
      "# sent_id = 2\n"  // no "# text": rebuilt from the forms
      "1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
      "2\tachète\tacheter\tVERB\t_\t_\t0\troot\t_\t_\n"
      "3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n"
      "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n"
      "4.1\tpain\tpain\tNOUN\t_\t_\t_\t_\t_\t_\n"  // an empty node: no word of the text
      "5\tpain\tpain\tNOUN\t_\t_\t2\tobj\t_\tSpaceAfter=No\n"
      "6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
      "# newdoc id = b\n# newpar\n# text = Deuxième texte.\n"
      "1\tDeuxième\tdeuxième\tADJ\t_\t_\t2\tamod\t_\t_\n"
      "2\ttexte\ttexte\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n",
      {}, "t.conllu");
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].to_string();
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Il est allé au marché.\nIl achète du pain.");
  EXPECT_EQ(r.docs[1].text, "Deuxième texte.");
  EXPECT_EQ(r.docs[1].id, "t.conllu#2");
}

TEST(ConllReader, TokenAfterASentenceTextIsSpaced) {
  // No blank line after a "# text" sentence: the next tokens still get their space.
  Read r = read("# text = Il dort.\n# sent_id = 2\nLui O\naussi O\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Il dort. Lui aussi");  // not "Il dort.Lui"
  r = read("# text = Il dort.\n\n# sent_id = 2\nLui O\naussi O\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Il dort.\nLui aussi");
}

TEST(ConllReader, EuropeanaIob1WithoutSentenceBreaksIsOneDocument) {
  Read r = read("Emmanuel I-PER\nDupuis I-PER\n, O\ndirecteur O\n, O\nécrit O\nqu' O\nil O\nviendra O\nà O\n"
                "Rennes I-LOC\n. O\nL' O\nabonnement O\ncoûte O\n20 O\nf. O\n",
                {}, "journal.bio");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text,
            "Emmanuel Dupuis, directeur, écrit qu'il viendra à Rennes. L'abonnement coûte 20 f.");
}

TEST(ConllSpacing, SpacingRules) {
  using conll::space_between;
  for (const char* next : {",", ".", ";", ":", ")", "]", "!", "?", "%", "»", "…", "'s", "n't", "’s"})
    EXPECT_FALSE(space_between("mot", next)) << next;
  for (const char* prev : {"(", "[", "«", "l'", "d'", "qu'", "j'", "n'", "s'", "c'", "jusqu'", "lorsqu'", "puisqu'",
                           "L'", "D’", "Qu'"})
    EXPECT_FALSE(space_between(prev, "mot")) << prev;
  EXPECT_TRUE(space_between("mot", "mot"));
  EXPECT_TRUE(space_between("mot", "«"));
  EXPECT_TRUE(space_between("»", "mot"));
  EXPECT_TRUE(space_between("aujourd'", "hui"));  // not an elided article: spaced as written
  EXPECT_TRUE(space_between("'", "mot"));
}

TEST(ConllReader, RebuiltTextFollowsTheSpacingRules) {
  Read r = read("( O\nselon O\nl' O\nAFP I-ORG\n, O\n30 O\n% O\n) O\n« O\noui O\n» O\n: O\nd’ O\nabord O\n! O\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "(selon l'AFP, 30%) «oui»: d’abord!");
}

TEST(ConllReader, BadLinesNamedByLineAndReadingGoesOn) {
  Read r = read("Paris I-LOC\nbroken\nest O\n\nbelle O\n\xC3 O\n. O\n", {}, "t.bio");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].input, "t.bio:2");
  EXPECT_NE(r.errors[0].message.find("one column ('broken')"), std::string::npos) << r.errors[0].message;
  EXPECT_EQ(r.errors[1].input, "t.bio:6");
  EXPECT_NE(r.errors[1].message.find("invalid UTF-8"), std::string::npos) << r.errors[1].message;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Paris est\nbelle \xEF\xBF\xBD.");
}

TEST(ConllReader, ManyBadLinesAreCountedNotListed) {
  std::string content;
  for (int i = 0; i < 50; ++i) content += "word O\nlonely\n";
  Read r = read(content);
  ASSERT_EQ(r.errors.size(), 21u);
  EXPECT_EQ(r.errors.back().message, "30 more bad lines not listed");
  ASSERT_EQ(r.docs.size(), 1u);
}

TEST(ConllReader, NoTokensIsAnError) {
  Read r = read("# sent_id = 1\n\n-DOCSTART- -X- -X- O\n\n");
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "no tokens");
}

// Ten sentences "Les troupes sont arrivées ." cut into documents of at most `limit` bytes.
Read cut_sentences(std::string_view sentence_end, size_t limit) {
  std::string content;
  for (int i = 0; i < 10; ++i) content += "Les O\ntroupes O\nsont O\narrivées O\n. O\n" + std::string(sentence_end);
  ReadOptions options;
  options.max_document_bytes = limit;
  Read r = read(content, options);
  EXPECT_TRUE(r.errors.empty());
  for (const auto& d : r.docs) {
    EXPECT_LE(d.text.size(), limit);
    EXPECT_TRUE(d.text.starts_with("Les troupes")) << d.text;
    EXPECT_TRUE(d.text.ends_with("arrivées.")) << d.text;
  }
  return r;
}

TEST(ConllReader, LargeFileIsCutAtSentenceEnds) {
  Read r = cut_sentences("\n", 90);  // three sentences of 27 bytes and two line breaks
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[1].id, "t.conll#2");
  EXPECT_EQ(r.docs[1].source, "t.conll:19");
}

TEST(ConllReader, WithoutSentenceBreaksLargeFileIsCutAfterAFullStop) {
  Read r = cut_sentences("", 60);
  ASSERT_GE(r.docs.size(), 4u);
}

TEST(ConllSniff, TokenFilesAreRecognised) {
  EXPECT_TRUE(conll::looks_like_token_file("Hier O\nle O\ngénéral O\nIvan B-PER\nPetrov I-PER\n. O\n"));
  EXPECT_TRUE(conll::looks_like_token_file("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n"
                                           "German JJ B-NP B-MISC\ncall NN I-NP O\n"));
  EXPECT_TRUE(conll::looks_like_token_file("Kim\tS-PER\nsaid\tO\nit\tO\nwas\tO\nover\tO\n"));
  EXPECT_TRUE(conll::looks_like_token_file("# text = Il dort.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
                                           "2\tdort\tdormir\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
                                           "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
                                           "1\tOui\toui\tINTJ\t_\t_\t0\troot\t_\t_\n"));
}

TEST(ConllSniff, ProseIsNeverATokenFile) {
  for (const char* prose : {
           "Emmanuel Macron\nVladimir Poutine\nOlaf Scholz\nGiorgia Meloni\nKeir Starmer\n",
           "Le Président Emmanuel Macron a reçu lundi à Paris le Chancelier Olaf Scholz.\n\n"
           "Selon l'Elysée, les deux dirigeants ont évoqué la situation en Ukraine.\n",
           "Blood group O\nBlood group A\nBlood group B\nBlood group AB\n",
           "# Titre\n\nUn paragraphe de texte.\n# Autre titre\n",
           "Le groupe sanguin O\nest le plus courant O\nen Europe O\nselon l'étude\ndu CNRS\n",
           "Route I-95\nRoute I-80\nRoute B-52\n",
           "a b c O\n"}) {
    EXPECT_FALSE(conll::looks_like_token_file(prose)) << prose;
  }
}

TEST(ConllSniff, BioSavedAsTxtIsReadAsTokens) {
  Read r = read_file(std::filesystem::path(CLAIMTRACE_TEST_DATA) / "conll" / "bio-saved-as.txt");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text,
            "Selon le ministère de la Défense, Anna Kovalenko est arrivée hier à Lviv avec 200 volontaires. "
            "Elle l'a confirmé dans un communiqué (publié à 9 h).");
}

TEST(ConllSniff, ProseFileWithCapitalisedWordsStaysProse) {
  // One name per process: test trees run side by side on one machine.
  auto path = std::filesystem::temp_directory_path() / ("claimtrace_conll_prose_test_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << "Anna Kovalenko O\n\nLe ministre Anna Kovalenko est arrivée à Lviv.\nElle a rencontré Ivan Petrov.\n";
  }
  Read r = read_file(path);
  std::filesystem::remove(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.docs[0].text.starts_with("Anna Kovalenko O\n\nLe ministre")) << r.docs[0].text;
}

}  // namespace
}  // namespace claimtrace
