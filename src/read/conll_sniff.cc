// Recognising a token file by its content, for inputs without a telling
// extension (standard input, a BIO file saved as .txt).
#include <cctype>
#include <vector>

#include "read/conll.h"

namespace claimtrace::conll {
namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  const bool tabs = line.find('\t') != std::string_view::npos;
  size_t i = 0;
  while (i < line.size()) {
    if (!tabs) {
      while (i < line.size() && line[i] == ' ') ++i;
      if (i == line.size()) break;
    }
    size_t end = line.find(tabs ? '\t' : ' ', i);
    if (end == std::string_view::npos) end = line.size();
    out.push_back(line.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

bool is_tag(std::string_view column) {
  if (column == "O") return true;
  if (column.size() < 3 || column[1] != '-' || std::string_view("BIESUL").find(column[0]) == std::string_view::npos)
    return false;
  std::string_view label = column.substr(2);
  if (label.size() > 40) return false;
  for (char c : label) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && c != '_' && c != '.' && c != ':' && c != '-') return false;
  }
  return std::isalpha(static_cast<unsigned char>(label[0]));
}

bool is_conllu_line(std::string_view line) {
  size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return false;
  std::string_view id = line.substr(0, tab);
  size_t sep = id.find_first_of("-.");
  if (sep == std::string_view::npos ? !digits(id) : !digits(id.substr(0, sep)) || !digits(id.substr(sep + 1)))
    return false;
  size_t tabs = 0;
  for (char c : line) tabs += c == '\t';
  return tabs == 9;
}

bool is_comment(std::string_view line) {
  if (!line.starts_with('#')) return false;
  for (std::string_view key : {"# text", "# newdoc", "# newpar", "# sent_id", "# global."})
    if (line.starts_with(key)) return true;
  auto cols = columns(line);
  return cols.size() < 2 || cols.size() > 4 || !is_tag(cols.back());
}

bool looks_like_token_file(std::string_view head) {
  // The last line may be cut off by the end of the head: only whole lines count.
  if (size_t eol = head.rfind('\n'); eol != std::string_view::npos && eol + 1 < head.size())
    head = head.substr(0, eol + 1);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t token_lines = 0, other_lines = 0;
  for (size_t pos = 0; pos < head.size();) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.starts_with("-DOCSTART-")) continue;
    if (is_comment(line)) continue;
    if (is_conllu_line(line)) {
      ++token_lines;
      continue;
    }
    auto cols = columns(line);
    bool short_columns = true;
    for (auto c : cols) short_columns = short_columns && !c.empty() && c.size() <= 64;
    if (cols.size() >= 2 && cols.size() <= 12 && short_columns && is_tag(cols.back())) ++token_lines;
    else ++other_lines;
  }
  // Nine in ten: a few OCR-broken or untagged lines are tolerated, prose is not.
  return token_lines >= 4 && token_lines >= 9 * other_lines;
}

}  // namespace claimtrace::conll
