// The example corpora under resources/<lang>/<dim>/examples*.tsv, read as
// test cases (Duckling's Corpus idea): every line is one case.
//
// A line is `text<TAB>expected`. Brackets in the text mark the span that must
// be found ("Il est arrivé [le 29 juin dernier]."), otherwise the whole text
// is the span. `expected` is a JSON object that the span's value must
// contain (numbers within 1e-9, objects and arrays as subsets, a null member
// meaning "absent"), or `[]` for a negative case: no span of the dimension
// overlaps the marked text. For the claim dimension, `expected` must be
// contained in one of the document's claims (and `[]` means no claim).
// Lines `#! ref_time 2013-02-12T04:30:00` set the reference time for the
// lines after them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace claimtrace::testing {

struct ExampleCase {
  std::string file;   // fr/number/examples.tsv
  uint32_t line = 0;
  std::string lang;
  std::string dim;
  std::string ref_time;
  std::string text;     // without the brackets
  uint32_t span_start = 0;  // bytes of `text`
  uint32_t span_end = 0;
  bool negative = false;
  nlohmann::json expected;
};

Result<std::vector<ExampleCase>> load_examples(const std::filesystem::path& root, const std::filesystem::path& file);

// Every examples file of every language.
std::vector<std::filesystem::path> example_files(const std::filesystem::path& root);

// "" when `actual` contains `expected`, else where they differ.
std::string json_contains(const nlohmann::json& actual, const nlohmann::json& expected, const std::string& path = "");

}  // namespace claimtrace::testing
