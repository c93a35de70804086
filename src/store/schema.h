// The store's schema as numbered migrations, applied in order on open and
// never edited once released: a change is a new migration at the end.
// The same SQL runs on SQLite and PostgreSQL (no autoincrement: keys are
// content hashes and claim positions, so both engines give the same ids).
#pragma once

#include <span>
#include <string_view>

#include "core/error.h"
#include "store/sql.h"

namespace claimtrace {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

std::span<const Migration> migrations();

// Creates schema_migrations if needed and applies every migration not yet
// recorded there, each in its own transaction.
Result<void> migrate(SqlConnection& sql);

}  // namespace claimtrace
