#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/content_hash.h"
#include "read/reader.h"

namespace claimtrace {
namespace {

// A field as a string: strings as they are, numbers printed, null or absent "".
std::string field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

}  // namespace

void read_jsonl_line(const std::string& name, std::string_view line, const ReadOptions& options,
                     const DocumentSink& on_document, const ErrorSink& on_error) {
  if (line.size() > options.max_document_bytes + 4096) {
    return on_error(Error{name, fmt::format("line of {} bytes is over the limit of {} bytes; refused",
                                            line.size(), options.max_document_bytes)});
  }
  nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return on_error(Error{name, "malformed JSON line"});
  if (!object.is_object()) return on_error(Error{name, "expected a JSON object"});
  auto text = object.find("text");
  if (text == object.end() || !text->is_string()) return on_error(Error{name, "no \"text\" string"});

  Document doc;
  doc.source = name;
  std::string body = text->get<std::string>();
  if (!admit_text(name, body, options, &doc, on_error)) return;
  doc.text = std::move(body);
  doc.id = field(object, "id");
  if (doc.id.empty()) doc.id = content_hash(doc.text).substr(0, 16);
  doc.url = field(object, "url");
  doc.outlet = field(object, "outlet");
  doc.title = field(object, "title");
  doc.lang = field(object, "lang");
  if (doc.lang.empty()) doc.lang = options.lang;
  doc.published = field(object, "published");
  if (doc.published.empty()) doc.published = field(object, "ref_time");
  if (doc.published.empty()) doc.published = options.published;
  on_document(std::move(doc));
}

}  // namespace claimtrace
