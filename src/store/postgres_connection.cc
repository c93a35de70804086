// PostgreSQL through libpqxx: the same statements, '?' rewritten to $n,
// prepared once per connection.
#include <fmt/format.h>

#include <pqxx/pqxx>
#include <unordered_map>

#include "store/sql.h"

namespace claimtrace {
namespace {

std::string numbered_placeholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) out += fmt::format("${}", ++n);
    else out.push_back(c);
  }
  return out;
}

class PostgresConnection final : public SqlConnection {
 public:
  PostgresConnection(std::unique_ptr<pqxx::connection> c, std::string url) : conn_(std::move(c)), url_(std::move(url)) {}

  Result<void> execute_script(std::string_view sql) override {
    try {
      if (tx_) {
        tx_->exec(std::string(sql));
      } else {
        pqxx::nontransaction w(*conn_);
        w.exec(std::string(sql));
      }
      return {};
    } catch (const std::exception& e) {
      return fail(url_, e.what());
    }
  }

  Result<std::vector<SqlRow>> run(const std::string& sql, const std::vector<SqlValue>& params) override {
    try {
      auto it = names_.find(sql);
      if (it == names_.end()) {
        std::string name = fmt::format("s{}", names_.size());
        conn_->prepare(name, numbered_placeholders(sql));
        it = names_.emplace(sql, name).first;
      }
      std::vector<std::string> storage;
      storage.reserve(params.size());
      std::vector<const char*> values;
      for (const auto& p : params) {
        if (sql_null(p)) {
          values.push_back(nullptr);
        } else {
          storage.push_back(sql_text(p));
          values.push_back(nullptr);
        }
      }
      for (size_t i = 0, k = 0; i < params.size(); ++i) {
        if (!sql_null(params[i])) values[i] = storage[k++].c_str();
      }
      pqxx::result result;
      if (tx_) {
        result = tx_->exec_prepared(it->second, pqxx::prepare::make_dynamic_params(values));
      } else {
        pqxx::work w(*conn_);
        result = w.exec_prepared(it->second, pqxx::prepare::make_dynamic_params(values));
        w.commit();
      }
      std::vector<SqlRow> rows;
      rows.reserve(result.size());
      for (const auto& r : result) {
        SqlRow row(r.size());
        for (pqxx::row::size_type c = 0; c < r.size(); ++c) {
          if (r[c].is_null()) continue;
          switch (r[c].type()) {
            case 20: case 21: case 23: row[c] = r[c].as<int64_t>(); break;      // int8, int2, int4
            case 700: case 701: case 1700: row[c] = r[c].as<double>(); break;  // float4, float8, numeric
            default: row[c] = std::string(r[c].c_str(), r[c].size());
          }
        }
        rows.push_back(std::move(row));
      }
      return rows;
    } catch (const std::exception& e) {
      return fail(url_, fmt::format("{} (in: {})", e.what(), sql_excerpt(sql)));
    }
  }

  Result<void> begin() override {
    try {
      tx_ = std::make_unique<pqxx::work>(*conn_);
      return {};
    } catch (const std::exception& e) {
      return fail(url_, e.what());
    }
  }
  Result<void> commit() override {
    try {
      if (tx_) tx_->commit();
      tx_.reset();
      return {};
    } catch (const std::exception& e) {
      tx_.reset();
      return fail(url_, e.what());
    }
  }
  void rollback() override {
    try {
      if (tx_) tx_->abort();
    } catch (...) {
    }
    tx_.reset();
  }
  std::string_view dialect() const override { return "postgresql"; }

 private:
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::work> tx_;
  std::string url_;
  std::unordered_map<std::string, std::string> names_;
};

// The URL without its password, for messages.
std::string redacted(const std::string& url) {
  auto at = url.find('@');
  auto scheme = url.find("://");
  if (at == std::string::npos || scheme == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) return url.substr(0, colon) + ":***" + url.substr(at);
  return url;
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& url) {
  try {
    auto c = std::make_unique<pqxx::connection>(url);
    auto connection = std::make_unique<PostgresConnection>(std::move(c), redacted(url));
    if (auto ok = connection->execute_script("SET client_min_messages TO WARNING"); !ok) return std::unexpected(ok.error());
    return connection;
  } catch (const std::exception& e) {
    return fail(redacted(url), std::string("cannot connect: ") + e.what());
  }
}

}  // namespace claimtrace
