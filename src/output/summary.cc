#include "output/summary.h"

#include <fmt/format.h>

#include "output/json_output.h"

namespace claimtrace {
namespace {

std::string amount_text(const Amount& a) {
  auto num = [](double v) { return fmt::format("{:L}", v); };
  std::string s;
  if (a.value) s = num(*a.value);
  else if (a.min && a.max) s = fmt::format("{}–{}", num(*a.min), num(*a.max));
  else if (a.min) s = fmt::format("{} {}", a.min_inclusive ? "≥" : ">", num(*a.min));
  else if (a.max) s = fmt::format("{} {}", a.max_inclusive ? "≤" : "<", num(*a.max));
  if (a.approx) s = fmt::format("~{}", s);
  return s;
}

std::string clip(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}…", s.substr(0, cut));
}

}  // namespace

void write_summary(const Document& doc, std::ostream& out) {
  out << fmt::format("── {} ──\n", doc.title.empty() ? doc.id : doc.title);
  out << fmt::format("   lang {}  published {}  {} sentences, {} tokens\n", doc.lang.empty() ? "?" : doc.lang,
                     doc.published.empty() ? "?" : doc.published, doc.sentences.size(), doc.tokens.size());
  if (!doc.entities.empty()) {
    out << "\n   Entities\n";
    for (const auto& e : doc.entities) {
      std::string mentions;
      for (uint32_t m : e.mentions) {
        std::string t(doc.slice(doc.mentions[m].at));
        if (mentions.find(t) == std::string::npos) mentions = fmt::format("{}{}{}", mentions, mentions.empty() ? "" : ", ", t);
      }
      out << fmt::format("   {:<28} {:<8} {}\n", e.id, e.type, clip(mentions, 80));
    }
  }
  if (!doc.quantities.empty()) {
    out << "\n   Quantities\n";
    for (const auto& q : doc.quantities)
      out << fmt::format("   {:<22} {:<12} «{}»\n", amount_text(q.amount), q.unit, clip(doc.slice(q.at), 60));
  }
  if (!doc.times.empty()) {
    out << "\n   Times\n";
    for (const auto& t : doc.times)
      out << fmt::format("   {:<12} {:<12} «{}»\n", t.value, t.mod, clip(doc.slice(t.at), 60));
  }
  if (!doc.claims.empty()) {
    out << "\n   Claims\n";
    for (const auto& c : doc.claims) {
      std::string what = c.event_type;
      if (c.quantity) what = fmt::format("{} {} {}", what, amount_text(c.quantity->amount), c.quantity->status);
      std::string chain;
      for (const auto& s : c.sources)
        chain = fmt::format("{}{}{}", chain, chain.empty() ? "" : " → ", s.entity.empty() ? s.text : s.entity);
      out << fmt::format("   • {}  [{}]\n", what, c.certainty);
      if (!c.actor.empty() || !c.recipient.empty())
        out << fmt::format("       actor {}{}{}\n", c.actor.empty() ? "?" : c.actor,
                           c.recipient.empty() ? "" : " → ", c.recipient);
      if (c.time) out << fmt::format("       time {} {}\n", c.time->value, c.time->mod);
      out << fmt::format("       source {}\n", chain.empty() ? "(the author)" : chain);
      out << fmt::format("       «{}»\n", clip(doc.slice(c.evidence), 110));
    }
  }
  out << "\n";
}

}  // namespace claimtrace
