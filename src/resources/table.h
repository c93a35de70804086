// Language knowledge lives in plain data files under resources/<lang>/<dim>/.
// A table file is UTF-8 text: one entry a line, fields separated by TAB,
// '#' starting a comment line, blank lines ignored. A file opens with a
// comment saying what it holds and a "# FORMAT:" line naming its columns.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace claimtrace {

struct TableRow {
  std::vector<std::string> fields;
  uint32_t line = 0;
  std::string_view where;  // interned "fr/number/words.tsv:12", for Origin

  const std::string& operator[](size_t i) const { return fields[i]; }
  size_t size() const { return fields.size(); }
  // The field at i, or "" when the row is shorter (optional trailing columns).
  std::string_view get(size_t i) const { return i < fields.size() ? std::string_view(fields[i]) : std::string_view(); }
};

struct Table {
  std::string name;  // path relative to the resource root: fr/number/words.tsv
  std::vector<TableRow> rows;
};

// Reads `root/relative`. Every row must have between min_fields and max_fields
// fields; otherwise the error names the file and line.
Result<Table> load_table(const std::filesystem::path& root, std::string_view relative,
                         size_t min_fields, size_t max_fields);

// Like load_table, but a missing file is an empty table (optional resources).
Result<Table> load_optional_table(const std::filesystem::path& root, std::string_view relative,
                                  size_t min_fields, size_t max_fields);

// The resource root: $CLAIMTRACE_RESOURCES, else the first of
// <exe>/../share/claimtrace/resources, <exe>/../resources, the source tree's.
std::filesystem::path default_resource_dir();

}  // namespace claimtrace
