#include "entity/iso_codes.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace claimtrace {

namespace fs = std::filesystem;

std::string read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path iso_codes_dir() {
  if (const char* env = std::getenv("CLAIMTRACE_ISO_CODES"); env && *env) return env;
  return "/usr/share/iso-codes/json";
}

// A gettext .mo catalogue: msgid -> msgstr.
std::unordered_map<std::string, std::string> load_iso_translations(const std::string& lang, const std::string& domain) {
  std::unordered_map<std::string, std::string> out;
  std::string data = read_whole_file(fs::path("/usr/share/locale") / lang / "LC_MESSAGES" / (domain + ".mo"));
  auto u32 = [&](size_t at) -> uint32_t {
    if (at + 4 > data.size()) return 0;
    uint32_t v;
    std::memcpy(&v, data.data() + at, 4);
    return v;
  };
  if (data.size() < 28 || u32(0) != 0x950412deU) return out;
  uint32_t n = u32(8), originals = u32(12), translations = u32(16);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t olen = u32(originals + 8 * i), ooff = u32(originals + 8 * i + 4);
    uint32_t tlen = u32(translations + 8 * i), toff = u32(translations + 8 * i + 4);
    if (static_cast<size_t>(ooff) + olen > data.size() || static_cast<size_t>(toff) + tlen > data.size()) break;
    if (olen == 0 || tlen == 0) continue;
    out.emplace(data.substr(ooff, olen), data.substr(toff, tlen));
  }
  return out;
}

}  // namespace claimtrace
