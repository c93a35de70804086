#include "time/time_annotator.h"

#include <optional>

#include "time/calendar.h"
#include "time/resolve.h"
#include "time/time_grammar.h"
#include "time/time_lexicon.h"

namespace claimtrace {
namespace {

class TimeAnnotator final : public Annotator {
 public:
  explicit TimeAnnotator(timelex::Lexicon lex) : lex_(std::move(lex)) {}
  std::string_view name() const override { return "time"; }

  void annotate(Document& doc) const override {
    if (doc.tokens.empty()) return;
    const std::optional<timecal::DateTime> ref = timecal::parse_reference(doc.published);
    thread_local timegrammar::Scratch scratch;
    thread_local std::vector<timegrammar::Found> found;
    for (const Sentence& s : doc.sentences) {
      if (s.end_token <= s.first_token) continue;
      found.clear();
      timegrammar::Grammar(doc, lex_, s.first_token, s.end_token, scratch).run(found);
      if (found.empty()) continue;
      const int tense = sentence_tense(doc, s);
      for (auto& f : found) {
        timeresolve::Resolved r = timeresolve::resolve(f.expr, ref, tense);
        if (r.value.empty()) continue;
        TimeSpan t;
        t.at = {doc.tokens[f.first].at.start, doc.tokens[f.end - 1].at.end};
        t.type = std::move(r.type);
        t.value = std::move(r.value);
        t.mod = std::move(r.mod);
        t.begin = std::move(r.begin);
        t.end = std::move(r.end);
        t.why = {f.rule, f.where};
        doc.times.push_back(std::move(t));
      }
    }
  }

 private:
  // +1 when the sentence speaks of the future (will, French future endings),
  // -1 when a past cue is found, 0 otherwise (read as past: news narrates the past).
  int sentence_tense(const Document& doc, const Sentence& s) const {
    int tense = 0;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::kWord) continue;
      const int c = lex_.tense_of(doc.folded_key(t), t.hash);
      if (c > 0) return 1;
      if (c < 0) tense = -1;
    }
    return tense;
  }

  timelex::Lexicon lex_;
};

}  // namespace

Result<std::unique_ptr<Annotator>> make_time_annotator(const LanguageContext& context) {
  auto lex = timelex::Lexicon::load(context);
  if (!lex) return std::unexpected(lex.error());
  return std::make_unique<TimeAnnotator>(std::move(*lex));
}

}  // namespace claimtrace
