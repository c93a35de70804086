#include "corpus.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "read/reader.h"
#include "resources/table.h"

namespace claimtrace::bench {

const std::vector<Document>& corpus() {
  static const std::vector<Document> docs = [] {
    std::vector<std::string> inputs;
    if (const char* env = std::getenv("CLAIMTRACE_BENCH_CORPUS"); env && *env) {
      std::stringstream ss(env);
      for (std::string part; std::getline(ss, part, ':');) inputs.push_back(part);
    } else {
      std::filesystem::path data = default_resource_dir().parent_path() / "data" / "demo";
      for (const auto& e : std::filesystem::directory_iterator(data)) {
        if (e.path().extension() == ".jsonl") inputs.push_back(e.path().string());
      }
    }
    std::vector<Document> out;
    ReadOptions read;
    read.recurse = true;
    for (const auto& input : inputs) {
      read_input(input, read, [&](Document&& d) { out.push_back(std::move(d)); },
                 [](Error&& e) { std::cerr << "bench corpus: " << e.to_string() << "\n"; });
    }
    return out;
  }();
  return docs;
}

std::vector<Document> corpus_in(const std::string& lang) {
  std::vector<Document> out;
  for (const auto& d : corpus()) {
    if (d.lang == lang) out.push_back(d);
  }
  return out;
}

size_t total_bytes(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.text.size();
  return n;
}

}  // namespace claimtrace::bench
