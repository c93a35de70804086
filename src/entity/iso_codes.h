// Debian iso-codes, read at run time (nothing of it is copied into the
// repository): the JSON tables of /usr/share/iso-codes/json (or
// $CLAIMTRACE_ISO_CODES) and their gettext translations in /usr/share/locale.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

namespace claimtrace {

// The whole file, or "" when it cannot be read.
std::string read_whole_file(const std::filesystem::path& path);

// Where the iso-codes JSON tables are.
std::filesystem::path iso_codes_dir();

// iso-codes' gettext catalogue of `domain` ("iso_3166-1") in `lang`:
// English msgid -> translation; empty when absent.
std::unordered_map<std::string, std::string> load_iso_translations(const std::string& lang, const std::string& domain);

}  // namespace claimtrace
