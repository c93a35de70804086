// Token files (CoNLL-2003, CoNLL-U, one "token TAG" a line as in BIO/IOB
// corpora) read as the prose they tokenise: the tokens are joined back into
// text (conll_spacing.cc), one sentence a line, and every other column, gold
// tags included, is dropped, so that the engine analyses the words and never
// the annotation.
#include <fmt/format.h>

#include <charconv>

#include "read/conll.h"
#include "read/reader.h"
#include "text/utf8.h"

namespace claimtrace {
namespace {

// Past this many bad lines in one input, the rest are counted, not listed.
constexpr size_t kMaxLineErrors = 20;

// Collects the text of one document after another. A document ends at a
// document marker, at the end of the input, or when the next token would take
// it past options.max_document_bytes: then it is cut at its last sentence end
// (a blank line; in files without them, a ". ! ?" token), not refused.
class DocumentBuilder {
 public:
  DocumentBuilder(const std::string& name, const ReadOptions& options, const DocumentSink& on_document,
                  const ErrorSink& on_error)
      : name_(name), options_(options), on_document_(on_document), on_error_(on_error) {}

  void add_token(std::string_view token, bool space_after, size_t line_no) {
    std::string_view sep = " ";
    if (text_.empty()) sep = "";
    else if (pending_break_) sep = pending_break_;
    else if (!prev_.empty() && !(space_after_ && conll::space_between(prev_, token))) sep = "";
    append(sep, token, line_no);
    prev_.assign(token);
    space_after_ = space_after;
    if (token == "." || token == "!" || token == "?") weak_end_ = text_.size();
  }

  // CoNLL-U's "# text = ...": the sentence as written, in place of its tokens.
  void add_sentence(std::string_view sentence, size_t line_no) {
    append(text_.empty() ? "" : pending_break_ ? pending_break_ : " ", sentence, line_no);
    prev_.clear();
  }

  void end_sentence() {
    if (text_.empty()) return;
    sentence_end_ = text_.size();
    if (!pending_break_) pending_break_ = "\n";
    prev_.clear();
  }

  // CoNLL-U's "# newpar": a blank line in the text.
  void new_paragraph() {
    if (!text_.empty()) pending_break_ = "\n\n";
  }

  size_t documents() const { return count_; }

  void end_document() {
    emit();
    sentence_end_ = weak_end_ = 0;
    pending_break_ = nullptr;
    prev_.clear();
    space_after_ = true;
  }

 private:
  void append(std::string_view sep, std::string_view piece, size_t line_no) {
    if (!text_.empty() && text_.size() + sep.size() + piece.size() > options_.max_document_bytes) {
      size_t at = sentence_end_ ? sentence_end_ : weak_end_ ? weak_end_ : text_.size();
      size_t rest_line = at == sentence_end_ ? line_after_sentence_ : at == weak_end_ ? line_after_weak_ : line_no;
      std::string rest = text_.substr(at);
      text_.resize(at);
      emit();
      text_ = rest.substr(std::min(rest.size(), rest.find_first_not_of(" \n")));
      first_line_ = rest_line;
      if (!text_.empty() && text_.size() + sep.size() + piece.size() > options_.max_document_bytes) emit();
      sentence_end_ = weak_end_ = 0;
      if (text_.empty()) sep = "";
    }
    if (text_.empty()) first_line_ = line_no;
    if (sentence_end_ == text_.size()) line_after_sentence_ = line_no;
    if (weak_end_ == text_.size()) line_after_weak_ = line_no;
    text_ += sep;
    text_ += piece;
    pending_break_ = nullptr;
  }

  void emit() {
    while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
    if (text_.empty()) return;  // a marker with no tokens after it: nothing to read
    Document doc;
    doc.id = fmt::format("{}#{}", name_, ++count_);
    doc.source = fmt::format("{}:{}", name_, first_line_);
    std::string text = std::move(text_);
    text_.clear();
    if (!admit_text(doc.source, text, options_, &doc, on_error_)) return;
    doc.text = std::move(text);
    doc.lang = options_.lang;
    doc.published = options_.published;
    on_document_(std::move(doc));
  }

  const std::string& name_;
  const ReadOptions& options_;
  const DocumentSink& on_document_;
  const ErrorSink& on_error_;
  std::string text_;
  std::string prev_;                     // the last token of the sentence, for spacing
  bool space_after_ = true;              // CoNLL-U's SpaceAfter=No clears it
  const char* pending_break_ = nullptr;  // "\n" or "\n\n" before the next sentence
  size_t sentence_end_ = 0, weak_end_ = 0;
  size_t first_line_ = 0, count_ = 0;
  size_t line_after_sentence_ = 0, line_after_weak_ = 0;  // where a cut document would start
};

// At most `n` bytes of `s`, not cutting a UTF-8 character.
std::string_view prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

size_t number(std::string_view digits) {
  size_t n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return n;
}

// "# text = Il a dit." -> "Il a dit."; empty when the comment is another one.
std::string_view sentence_text(std::string_view comment) {
  if (!comment.starts_with("# text")) return {};
  size_t eq = comment.find('=');
  if (eq == std::string_view::npos || comment.find_first_not_of(' ', 6) != eq) return {};
  comment.remove_prefix(eq + 1);
  while (comment.starts_with(' ')) comment.remove_prefix(1);
  return comment;
}

}  // namespace

void read_conll(const std::string& name, std::string content, const ReadOptions& options,
                const DocumentSink& on_document, const ErrorSink& on_error) {
  if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);
  DocumentBuilder builder(name, options, on_document, on_error);
  size_t bad_lines = 0;
  auto bad_line = [&](size_t line_no, std::string message) {
    if (++bad_lines <= kMaxLineErrors) on_error(Error{fmt::format("{}:{}", name, line_no), std::move(message)});
  };
  bool sentence_has_text = false;  // "# text = " given: the tokens are not joined
  size_t multiword_end = 0;        // CoNLL-U: the words of "1-2 du" are not read again
  std::string repaired;
  size_t line_no = 0;
  for (size_t pos = 0; pos < content.size();) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string_view line(content.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    repaired.assign(line);
    if (size_t bad = repair_utf8(repaired)) {
      bad_line(line_no, fmt::format("{} invalid UTF-8 sequence(s), replaced by U+FFFD", bad));
      line = repaired;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      builder.end_sentence();
      sentence_has_text = false;
      multiword_end = 0;
      continue;
    }
    if (line.starts_with("-DOCSTART-")) {
      builder.end_document();
      continue;
    }
    if (conll::is_comment(line)) {
      if (std::string_view text = sentence_text(line); !text.empty()) {
        builder.add_sentence(text, line_no);
        sentence_has_text = true;
      } else if (line.starts_with("# newdoc")) {
        builder.end_document();
      } else if (line.starts_with("# newpar")) {
        builder.new_paragraph();
      }
      continue;
    }
    auto cols = conll::columns(line);
    if (conll::is_conllu_line(line)) {
      std::string_view id = cols[0];
      size_t sep = id.find_first_of("-.");
      if (sep != std::string_view::npos && id[sep] == '.') continue;  // an empty node: no word of the text
      if (sep != std::string_view::npos) multiword_end = number(id.substr(sep + 1));
      else if (number(id) <= multiword_end) continue;  // a word of the multiword token just read
      if (!sentence_has_text) builder.add_token(cols[1], cols[9].find("SpaceAfter=No") == std::string_view::npos, line_no);
      continue;
    }
    if (cols.size() < 2) {
      bad_line(line_no, fmt::format("one column ('{}') where a token and its tag were expected; line skipped",
                                    prefix(line, 40)));
      continue;
    }
    builder.add_token(cols[0], true, line_no);
  }
  builder.end_document();
  if (builder.documents() == 0 && bad_lines == 0) on_error(Error{name, "no tokens"});
  if (bad_lines > kMaxLineErrors)
    on_error(Error{name, fmt::format("{} more bad lines not listed", bad_lines - kMaxLineErrors)});
}

}  // namespace claimtrace
