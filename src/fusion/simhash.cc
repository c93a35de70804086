#include "fusion/simhash.h"

#include <string>
#include <vector>

#include "text/fold.h"

namespace claimtrace {

uint64_t simhash(std::string_view text) {
  // Words: runs of letters and digits, ASCII-lowered (bytes >= 0x80 kept), so
  // that typography and case do not matter.
  thread_local std::vector<uint64_t> words;
  thread_local std::string word;
  words.clear();
  word.clear();
  auto flush = [&] {
    if (!word.empty()) words.push_back(stable_hash(word));
    word.clear();
  };
  for (unsigned char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) word.push_back(static_cast<char>(c));
    else if (c >= 'A' && c <= 'Z') word.push_back(static_cast<char>(c + 32));
    else flush();
  }
  flush();
  // Per bit: how many shingles set it, against how many were added.
  int32_t ones[64] = {};
  int32_t added = 0;
  auto add = [&](uint64_t h) {
    for (int b = 0; b < 64; ++b) ones[b] += static_cast<int32_t>((h >> b) & 1);
    ++added;
  };
  if (words.size() < 3) {
    for (uint64_t w : words) add(w);
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i) add(combine_hash(combine_hash(words[i], words[i + 1]), words[i + 2]));
  }
  uint64_t h = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * ones[b] > added) h |= uint64_t{1} << b;
  }
  return h;
}

}  // namespace claimtrace
