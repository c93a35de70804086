#include "example_corpus.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace claimtrace::testing {
namespace fs = std::filesystem;

std::vector<fs::path> example_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_regular_file() && name.starts_with("examples") && name.ends_with(".tsv")) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::vector<ExampleCase>> load_examples(const fs::path& root, const fs::path& file) {
  std::string rel = fs::relative(file, root).generic_string();
  auto first_slash = rel.find('/');
  auto second_slash = rel.find('/', first_slash + 1);
  if (first_slash == std::string::npos || second_slash == std::string::npos)
    return fail(rel, "examples must be at <lang>/<dim>/examples*.tsv");
  std::string lang = rel.substr(0, first_slash);
  std::string dim = rel.substr(first_slash + 1, second_slash - first_slash - 1);
  std::ifstream in(file);
  if (!in) return fail(rel, "cannot open");
  std::vector<ExampleCase> cases;
  std::string line, ref_time;
  uint32_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("#! ref_time ")) {
      ref_time = line.substr(12);
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    auto tab = line.rfind('\t');
    if (tab == std::string::npos) return fail(fmt::format("{}:{}", rel, line_no), "expected text<TAB>expected");
    ExampleCase c;
    c.file = rel;
    c.line = line_no;
    c.lang = lang;
    c.dim = dim;
    c.ref_time = ref_time;
    std::string marked = line.substr(0, tab);
    std::string expected = line.substr(tab + 1);
    auto open = marked.find('[');
    auto close = marked.find(']');
    if (open != std::string::npos && close != std::string::npos && open < close) {
      c.text = marked.substr(0, open) + marked.substr(open + 1, close - open - 1) + marked.substr(close + 1);
      c.span_start = static_cast<uint32_t>(open);
      c.span_end = static_cast<uint32_t>(close - 1);
    } else {
      c.text = marked;
      c.span_start = 0;
      c.span_end = static_cast<uint32_t>(marked.size());
    }
    if (expected == "[]") {
      c.negative = true;
    } else {
      c.expected = nlohmann::json::parse(expected, nullptr, false);
      if (c.expected.is_discarded() || !c.expected.is_object())
        return fail(fmt::format("{}:{}", rel, line_no), "expected value is not a JSON object or []");
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string json_contains(const nlohmann::json& actual, const nlohmann::json& expected, const std::string& path) {
  if (expected.is_object()) {
    if (!actual.is_object()) return fmt::format("{}: expected an object, got {}", path, actual.dump());
    for (const auto& [key, value] : expected.items()) {
      std::string sub = path + "/" + key;
      if (value.is_null()) {
        if (actual.contains(key)) return fmt::format("{}: expected absent, got {}", sub, actual[key].dump());
        continue;
      }
      if (!actual.contains(key)) return fmt::format("{}: missing (expected {})", sub, value.dump());
      if (auto why = json_contains(actual[key], value, sub); !why.empty()) return why;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return fmt::format("{}: expected an array, got {}", path, actual.dump());
    // An empty list asks for none ("sources": [] — nobody is credited).
    if (expected.empty() && !actual.empty()) return fmt::format("{}: expected none, got {}", path, actual.dump());
    for (const auto& want : expected) {
      bool found = std::any_of(actual.begin(), actual.end(),
                               [&](const nlohmann::json& have) { return json_contains(have, want).empty(); });
      if (!found) return fmt::format("{}: no element contains {}", path, want.dump());
    }
    return "";
  }
  if (expected.is_number() && actual.is_number()) {
    double a = actual.get<double>(), e = expected.get<double>();
    if (std::fabs(a - e) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(e)})) return "";
    return fmt::format("{}: expected {}, got {}", path, expected.dump(), actual.dump());
  }
  if (actual != expected) return fmt::format("{}: expected {}, got {}", path, expected.dump(), actual.dump());
  return "";
}

}  // namespace claimtrace::testing
