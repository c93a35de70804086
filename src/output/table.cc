#include "output/table.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace claimtrace {

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string clip_to_width(const std::string& s, size_t width) {
  if (display_width(s) <= width) return s;
  if (width == 0) return "";
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++n > width - 1) break;
    out.push_back(s[i]);
  }
  return out + "…";
}

namespace {

size_t terminal_width() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 20) return static_cast<size_t>(std::atoi(cols));
  return 120;
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

void TextTable::write(std::ostream& out, size_t width) const {
  if (width == 0) width = terminal_width();
  const size_t n = header_.size();
  std::vector<size_t> w(n);
  for (size_t c = 0; c < n; ++c) {
    w[c] = display_width(header_[c]);
    for (const auto& r : rows_) {
      if (c < r.size()) w[c] = std::max(w[c], display_width(one_line(r[c])));
    }
  }
  auto total = [&] { return std::accumulate(w.begin(), w.end(), size_t{0}) + 2 * (n - 1); };
  while (total() > width) {
    auto widest = std::max_element(w.begin(), w.end());
    if (*widest <= 8) break;
    --*widest;
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < n; ++c) {
      std::string cell = clip_to_width(one_line(c < cells.size() ? cells[c] : ""), w[c]);
      s += cell;
      if (c + 1 < n) s += std::string(w[c] - display_width(cell) + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
  };
  line(header_);
  std::vector<std::string> rule;
  for (size_t c = 0; c < n; ++c) {
    std::string r;
    for (size_t k = 0; k < w[c]; ++k) r += "─";
    rule.push_back(r);
  }
  line(rule);
  for (const auto& r : rows_) line(r);
}

void TextTable::write_csv(std::ostream& out) const {
  auto cell = [](const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) out << (c ? "," : "") << cell(cells[c]);
    out << "\r\n";
  };
  line(header_);
  for (const auto& r : rows_) line(r);
}

}  // namespace claimtrace
