// The little SQL the store needs, behind one interface so that the store's
// logic, schema and queries are written once for SQLite and PostgreSQL.
// Statements use '?' placeholders; each connection prepares a statement once
// and reuses it. A connection belongs to one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

namespace claimtrace {

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using SqlRow = std::vector<SqlValue>;

inline SqlValue sql_text_or_null(const std::string& s) { return s.empty() ? SqlValue{} : SqlValue{s}; }
std::string sql_text(const SqlValue& v);      // "" for NULL
int64_t sql_int(const SqlValue& v);           // 0 for NULL
double sql_double(const SqlValue& v);         // 0 for NULL
// The start of a statement, for error messages: bulk inserts are long.
std::string sql_excerpt(std::string_view sql);
inline bool sql_null(const SqlValue& v) { return std::holds_alternative<std::monostate>(v); }

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // Runs a script of statements without parameters (schema, pragmas).
  virtual Result<void> execute_script(std::string_view sql) = 0;
  // Runs one statement with parameters; returns its rows (none for writes).
  virtual Result<std::vector<SqlRow>> run(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
  virtual Result<void> begin() = 0;
  virtual Result<void> commit() = 0;
  virtual void rollback() = 0;
  virtual std::string_view dialect() const = 0;  // "sqlite" or "postgresql"
};

// A file path opens SQLite (WAL); a postgresql:// or postgres:// URL opens PostgreSQL.
Result<std::unique_ptr<SqlConnection>> open_sql(const std::string& target);
Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::string& path);
Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& url);

}  // namespace claimtrace
