// Every reader, then the whole pipeline, on arbitrary bytes: no crash, no
// sanitizer report, every span inside the text and on character boundaries.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "pipeline/pipeline.h"
#include "read/reader.h"

using namespace claimtrace;

namespace {

const Pipeline& pipeline() {
  static std::unique_ptr<Pipeline> p = [] {
    auto loaded = Pipeline::load();
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return *p;
}

bool boundary(const std::string& text, uint32_t offset) {
  return offset == text.size() || (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

void check(const Document& doc, Extent e) {
  if (e.start > e.end || e.end > doc.text.size() || !boundary(doc.text, e.start) || !boundary(doc.text, e.end)) std::abort();
}

void analyse(Document&& doc) {
  for (const char* lang : {"fr", "en"}) {
    Document work = doc;
    work.lang = lang;
    work.published = "2025-07-03";
    pipeline().analyze(work);
    for (const auto& t : work.tokens) check(work, t.at);
    for (const auto& s : work.sentences) check(work, s.at);
    for (const auto& n : work.numbers) check(work, n.at);
    for (const auto& q : work.quantities) check(work, q.at);
    for (const auto& t : work.times) check(work, t.at);
    for (const auto& m : work.mentions) check(work, m.at);
    for (const auto& c : work.claims) check(work, c.evidence);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_document_bytes = 1 << 20;
  auto ignore = [](Error&&) {};
  read_plain("fuzz.txt", input, options, analyse, ignore);
  read_html("fuzz.html", input, options, analyse, ignore);
  read_jsonl_line("fuzz.jsonl:1", input, options, analyse, ignore);
  read_conll("fuzz.conll", input, options, analyse, ignore);
  // A small limit as well, so that cutting documents at sentence ends is reached.
  options.max_document_bytes = 64;
  read_conll("fuzz.bio", input, options, analyse, ignore);
  return 0;
}
