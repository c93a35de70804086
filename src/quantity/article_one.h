// French "un"/"une" alone is the indefinite article, and the number layer
// leaves it out ("un soldat" counts nothing the claim builder should read).
// Before a unit of measure or a currency, though, it is the number one:
// "une tonne de cocaïne", "un kilomètre et demi", "un dollar".
#pragma once

#include "core/document.h"
#include "quantity/unit_lexicon.h"

namespace claimtrace::quantity {

// Appends to doc.quantities (unsorted) one quantity for each article of
// one_before_unit.tsv directly before a unit or currency written in full,
// outside the numbers and quantities already found.
void add_article_quantities(Document& doc, const UnitLexicon& lex);

}  // namespace claimtrace::quantity
