// Plain-text tables that fit a terminal, and CSV (RFC 4180), for the query
// commands. Cells are UTF-8; widths count code points.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace claimtrace {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Columns shrink, widest first, until the table fits `width` (0: the
  // terminal's width, else $COLUMNS, else 120).
  void write(std::ostream& out, size_t width = 0) const;
  void write_csv(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

size_t display_width(const std::string& s);
std::string clip_to_width(const std::string& s, size_t width);

}  // namespace claimtrace
