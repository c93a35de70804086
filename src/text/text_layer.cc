#include "text/text_layer.h"

#include "text/normalize.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace claimtrace {

void build_text_layer(Document& doc, const TextRules& rules) {
  doc.normalized = normalize_text(doc.text);
  tokenize(doc, rules);
  split_sentences(doc, rules);
}

}  // namespace claimtrace
