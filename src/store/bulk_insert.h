// Many rows of one table in few statements: "INSERT INTO t (a, b) VALUES
// (?, ?), (?, ?), ...". A statement per row costs a round trip on
// PostgreSQL and a statement execution on SQLite; the store writes tens of
// mentions and claims per document, so it gathers them here.
#pragma once

#include <string>
#include <vector>

#include "store/sql.h"

namespace claimtrace {

class BulkInsert {
 public:
  // `head`: "INSERT INTO mentions (doc_hash, entity_id)"; `tail`: what
  // follows the values, e.g. "ON CONFLICT DO NOTHING", or empty.
  BulkInsert(SqlConnection& sql, std::string head, size_t columns, std::string tail = {});

  // Queues one row (exactly `columns` values); nothing runs until flush().
  void add(std::vector<SqlValue> row);
  // Runs what is queued, kMaxRows rows a statement.
  Result<void> flush();
  // Forgets what is queued (the transaction it was for is rolled back).
  void discard() {
    rows_ = 0;
    values_.clear();
  }

 private:
  static constexpr size_t kMaxRows = 32;  // rows per statement: few distinct statements to prepare
  const std::string& statement_for(size_t rows);

  SqlConnection& sql_;
  std::string head_, tail_;
  size_t columns_;
  size_t rows_ = 0;
  std::vector<SqlValue> values_;
  std::vector<std::string> statements_;  // by number of rows - 1, built on first use
};

}  // namespace claimtrace
