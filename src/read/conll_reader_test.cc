// Token files: where spaces go when tokens are joined, and the sniffing that
// tells them from prose.
#include <gtest/gtest.h>

#include "read/conll.h"

namespace claimtrace {
namespace {

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

}  // namespace
}  // namespace claimtrace
