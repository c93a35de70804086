#include "read/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "core/content_hash.h"
#include "read/conll.h"
#include "text/utf8.h"

namespace claimtrace {
namespace fs = std::filesystem;

namespace {

enum class Format { kPlain, kHtml, kJsonl, kConll };

// How much of an input the format is guessed from: token files need a few
// KB, as their first lines may be a short headline.
constexpr size_t kHeadBytes = 4096;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Format sniff(const std::string& name, std::string_view head) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ends_with(lower, ".jsonl") || ends_with(lower, ".ndjson") || ends_with(lower, ".json")) return Format::kJsonl;
  if (ends_with(lower, ".html") || ends_with(lower, ".htm") || ends_with(lower, ".xhtml")) return Format::kHtml;
  for (std::string_view ext : {".conll", ".conllu", ".bio", ".iob", ".bioes"})
    if (ends_with(lower, ext)) return Format::kConll;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string start;
  for (size_t k = i; k < head.size() && k < i + 15; ++k)
    start.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(head[k]))));
  if (start.starts_with("<!doctype html") || start.starts_with("<html") || start.starts_with("<head") ||
      start.starts_with("<body"))
    return Format::kHtml;
  if (start.starts_with("{\"")) return Format::kJsonl;
  if (conll::looks_like_token_file(head)) return Format::kConll;
  return Format::kPlain;
}

// JSONL is streamed line by line so that memory stays bounded on huge files.
void read_jsonl_stream(const std::string& name, std::istream& in, const ReadOptions& options,
                       const DocumentSink& on_document, const ErrorSink& on_error) {
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    read_jsonl_line(fmt::format("{}:{}", name, line_no), line, options, on_document, on_error);
  }
}

void read_content(const std::string& name, std::string content, const ReadOptions& options,
                  const DocumentSink& on_document, const ErrorSink& on_error) {
  if (content.empty()) return on_error(Error{name, "empty input"});
  if (looks_binary(content)) return on_error(Error{name, "binary data, not text (NUL or control bytes)"});
  switch (sniff(name, std::string_view(content).substr(0, kHeadBytes))) {
    case Format::kJsonl: {
      size_t line_no = 0, pos = 0;
      while (pos < content.size()) {
        size_t eol = content.find('\n', pos);
        if (eol == std::string::npos) eol = content.size();
        ++line_no;
        std::string_view line(content.data() + pos, eol - pos);
        pos = eol + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        read_jsonl_line(fmt::format("{}:{}", name, line_no), line, options, on_document, on_error);
      }
      return;
    }
    case Format::kHtml:
      return read_html(name, std::move(content), options, on_document, on_error);
    case Format::kConll:
      return read_conll(name, std::move(content), options, on_document, on_error);
    case Format::kPlain:
      return read_plain(name, std::move(content), options, on_document, on_error);
  }
}

void read_path(const fs::path& path, const ReadOptions& options, const DocumentSink& on_document,
               const ErrorSink& on_error) {
  const std::string name = path.string();
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return on_error(Error{name, "no such file"});
  if (fs::is_directory(status)) {
    if (!options.recurse) return on_error(Error{name, "is a folder, not a file (ingest reads folders)"});
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && !it->path().filename().string().starts_with(".")) files.push_back(it->path());
    }
    if (ec) on_error(Error{name, "cannot list folder: " + ec.message()});
    std::sort(files.begin(), files.end());
    for (const auto& f : files) read_path(f, options, on_document, on_error);
    return;
  }
  if (!fs::is_regular_file(status)) return on_error(Error{name, "not a regular file"});
  std::ifstream in(path, std::ios::binary);
  if (!in) return on_error(Error{name, "cannot open for reading"});
  char head[kHeadBytes];
  in.read(head, sizeof head);
  std::string_view head_view(head, static_cast<size_t>(in.gcount()));
  if (head_view.empty()) return on_error(Error{name, "empty file"});
  if (looks_binary(head_view)) return on_error(Error{name, "binary data, not text (NUL or control bytes)"});
  in.clear();
  in.seekg(0);
  if (sniff(name, head_view) == Format::kJsonl) return read_jsonl_stream(name, in, options, on_document, on_error);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  read_content(name, std::move(content), options, on_document, on_error);
}

}  // namespace

bool admit_text(const std::string& name, std::string& text, const ReadOptions& options, Document* doc,
                const ErrorSink& on_error) {
  if (text.size() > options.max_document_bytes) {
    on_error(Error{name, fmt::format("document of {} bytes is over the limit of {} bytes; refused, not cut",
                                     text.size(), options.max_document_bytes)});
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    on_error(Error{name, "no text"});
    return false;
  }
  if (size_t bad = repair_utf8(text)) {
    doc->warnings.push_back(fmt::format("{}: {} invalid UTF-8 sequence(s) replaced by U+FFFD", name, bad));
  }
  return true;
}

void read_plain(const std::string& name, std::string content, const ReadOptions& options,
                const DocumentSink& on_document, const ErrorSink& on_error) {
  Document doc;
  doc.source = name;
  if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);
  if (!admit_text(name, content, options, &doc, on_error)) return;
  // A first line followed by a blank line, or a short unpunctuated first
  // line followed by a paragraph, is the title.
  size_t eol = content.find('\n');
  if (eol != std::string::npos) {
    std::string first = content.substr(0, eol);
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.pop_back();
    bool blank_after = content.compare(eol + 1, 1, "\n") == 0 || content.compare(eol + 1, 2, "\r\n") == 0;
    bool headline = !first.empty() && first.size() < 300 && first.find_first_of(".!?") == std::string::npos;
    if (!first.empty() && first.size() < 500 && (blank_after || headline)) doc.title = first;
  }
  doc.text = std::move(content);
  doc.lang = options.lang;
  doc.published = options.published;
  doc.id = content_hash(doc.text).substr(0, 16);
  on_document(std::move(doc));
}

}  // namespace claimtrace

namespace claimtrace {

void read_input(const std::string& input, const ReadOptions& options, const DocumentSink& on_document,
                const ErrorSink& on_error) {
  if (input == "-") {
    std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return read_content("<stdin>", std::move(content), options, on_document, on_error);
  }
  read_path(input, options, on_document, on_error);
}

}  // namespace claimtrace
