#include "store/sql.h"

#include <fmt/format.h>

namespace claimtrace {

std::string sql_excerpt(std::string_view sql) {
  constexpr size_t kShown = 120;
  if (sql.size() <= kShown) return std::string(sql);
  return fmt::format("{}... ({} characters)", sql.substr(0, kShown), sql.size());
}

std::string sql_text(const SqlValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return "";
}

int64_t sql_int(const SqlValue& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double sql_double(const SqlValue& v) {
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::strtod(s->c_str(), nullptr);
  return 0;
}

Result<std::unique_ptr<SqlConnection>> open_sql(const std::string& target) {
  if (target.starts_with("postgresql://") || target.starts_with("postgres://")) return open_postgres(target);
  return open_sqlite(target);
}

}  // namespace claimtrace
