// The benchmark corpus: the bundled demo articles (data/demo/*.jsonl), or
// the files named by $CLAIMTRACE_BENCH_CORPUS (colon-separated), in memory.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace claimtrace::bench {

// Documents as read (text and metadata only), each input once.
const std::vector<Document>& corpus();
// Only the documents of one language.
std::vector<Document> corpus_in(const std::string& lang);
size_t total_bytes(const std::vector<Document>& docs);

}  // namespace claimtrace::bench
