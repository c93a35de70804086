#include "store/bulk_insert.h"

#include <algorithm>
#include <iterator>

namespace claimtrace {

BulkInsert::BulkInsert(SqlConnection& sql, std::string head, size_t columns, std::string tail)
    : sql_(sql), head_(std::move(head)), tail_(std::move(tail)), columns_(columns), statements_(kMaxRows) {
}

const std::string& BulkInsert::statement_for(size_t rows) {
  std::string& s = statements_[rows - 1];
  if (!s.empty()) return s;
  std::string tuple = "(";
  for (size_t c = 0; c < columns_; ++c) tuple += c ? ", ?" : "?";
  tuple += ")";
  s = head_ + " VALUES ";
  for (size_t r = 0; r < rows; ++r) {
    if (r) s += ", ";
    s += tuple;
  }
  if (!tail_.empty()) s += " " + tail_;
  return s;
}

void BulkInsert::add(std::vector<SqlValue> row) {
  for (auto& v : row) values_.push_back(std::move(v));
  ++rows_;
}

Result<void> BulkInsert::flush() {
  std::vector<SqlValue> chunk;
  for (size_t first = 0; first < rows_; first += kMaxRows) {
    const size_t rows = std::min(kMaxRows, rows_ - first);
    const auto begin = values_.begin() + static_cast<std::ptrdiff_t>(first * columns_);
    chunk.assign(std::make_move_iterator(begin), std::make_move_iterator(begin + static_cast<std::ptrdiff_t>(rows * columns_)));
    if (auto ran = sql_.run(statement_for(rows), chunk); !ran) {
      discard();
      return std::unexpected(ran.error());
    }
  }
  discard();
  return {};
}

}  // namespace claimtrace
