#include "resources/table.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/intern.h"

namespace claimtrace {
namespace {

Result<Table> parse_table(const std::string& content, std::string_view relative, size_t min_fields,
                          size_t max_fields) {
  Table table;
  table.name = std::string(relative);
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string_view line(content.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (eol == content.size()) break;
      continue;
    }
    TableRow row;
    row.line = line_no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    // Trailing empty fields are padding, not columns.
    while (row.fields.size() > 1 && row.fields.back().empty()) row.fields.pop_back();
    std::string where = fmt::format("{}:{}", relative, line_no);
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      return fail(where, fmt::format("expected {} to {} tab-separated fields, found {}", min_fields,
                                     max_fields, row.fields.size()));
    }
    if (row.fields[0].empty()) return fail(where, "the first field is empty");
    row.where = intern(where);
    table.rows.push_back(std::move(row));
    if (eol == content.size()) break;
  }
  return table;
}

}  // namespace

Result<Table> load_table(const std::filesystem::path& root, std::string_view relative,
                         size_t min_fields, size_t max_fields) {
  std::filesystem::path path = root / relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path.string(), "cannot open resource file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_table(buffer.str(), relative, min_fields, max_fields);
}

Result<Table> load_optional_table(const std::filesystem::path& root, std::string_view relative,
                                  size_t min_fields, size_t max_fields) {
  std::error_code ec;
  if (!std::filesystem::exists(root / relative, ec)) {
    Table empty;
    empty.name = std::string(relative);
    return empty;
  }
  return load_table(root, relative, min_fields, max_fields);
}

std::filesystem::path default_resource_dir() {
  if (const char* env = std::getenv("CLAIMTRACE_RESOURCES"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto candidate : {exe.parent_path() / "../share/claimtrace/resources", exe.parent_path() / "../resources"}) {
      if (std::filesystem::is_directory(candidate / "fr", ec)) return std::filesystem::weakly_canonical(candidate, ec);
    }
  }
  return CLAIMTRACE_RESOURCE_DIR;
}

}  // namespace claimtrace
