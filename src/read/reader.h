// Readers turn inputs into Documents: plain text, HTML, JSONL of articles, token files.
// Every problem is reported as an Error naming the input (file, or file:line)
// and reading goes on with what remains.
#pragma once

#include <functional>
#include <string>

#include "core/document.h"
#include "core/error.h"

namespace claimtrace {

struct ReadOptions {
  std::string lang = "auto";          // a document's own lang wins
  std::string published;              // default reference date, YYYY-MM-DD
  size_t max_document_bytes = 16u << 20;  // larger documents are refused, not cut
                                          // (token files: cut at sentence ends)
  bool recurse = false;               // a folder is read recursively (ingest)
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(Error&&)>;

// Reads `input`: a path, or "-" for standard input (sniffed like a file).
void read_input(const std::string& input, const ReadOptions& options, const DocumentSink& on_document,
                const ErrorSink& on_error);

// The readers by format, for content already in memory. `name` names the
// input in messages.
void read_plain(const std::string& name, std::string content, const ReadOptions& options,
                const DocumentSink& on_document, const ErrorSink& on_error);
void read_html(const std::string& name, std::string content, const ReadOptions& options,
               const DocumentSink& on_document, const ErrorSink& on_error);
// One JSON object per line: {"id","url","outlet","lang","published","title","text"}.
void read_jsonl_line(const std::string& name, std::string_view line, const ReadOptions& options,
                     const DocumentSink& on_document, const ErrorSink& on_error);

// Token files: CoNLL-2003, CoNLL-U, "token TAG" lines (BIO/IOB/BIOES). The
// tokens are joined back into prose, one sentence a line; tags and other
// columns are dropped. "-DOCSTART-" and "# newdoc" start a new Document (ids
// name#1, name#2...); a document over max_document_bytes is cut at a
// sentence end. Bad lines are reported as name:line and reading goes on: a
// line of one column is skipped, invalid UTF-8 becomes U+FFFD.
void read_conll(const std::string& name, std::string content, const ReadOptions& options,
                const DocumentSink& on_document, const ErrorSink& on_error);

// Checks and repairs a document's text before analysis (UTF-8, size, emptiness);
// false when the document must be refused (the error says why).
bool admit_text(const std::string& name, std::string& text, const ReadOptions& options, Document* doc,
                const ErrorSink& on_error);

}  // namespace claimtrace
