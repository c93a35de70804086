#include "time/time_annotator.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <climits>
#include <cstdint>
#include <optional>
#include <string_view>

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
    thread_local std::vector<TenseCue> cues;
    timegrammar::Grammar grammar(doc, lex_, scratch);
    Focus focus;  // the date the text last spoke of
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.end_token <= s.first_token || !grammar.may_hold_time(si)) continue;
      found.clear();
      grammar.run(si, found);
      if (found.empty()) continue;
      bool cues_read = false;
      bool day_here = false;  // this sentence spoke of a day: « le 3 mars, ... cette nuit » is that day's night
      for (auto& f : found) {
        int tense = 0;
        // "died in three weeks": after a verb in the past, "in" measures how long it took; it is a day
        // ahead ("will attack in three weeks") otherwise.
        const bool in_shift = f.rule == std::string_view("time.relative.in");
        if (ref && (needs_tense(f.expr) || in_shift)) {
          if (!cues_read) read_cues(doc, s, cues);
          cues_read = true;
          tense = nearest_tense(cues, f.first, f.end, inside_quotation(doc, s, f.first));
        }
        std::optional<timeresolve::Resolved> anchored = f.expr.anaphoric ? from_focus(f.expr, focus) : std::nullopt;
        if (f.expr.past_prev && day_here) anchored = timeresolve::resolve(f.expr, focus.first, 1);
        if (in_shift && tense < 0) {
          f.expr.type = timeexpr::ExprType::kDuration;
          f.expr.offset_sign = 0;
          ++f.first;  // the duration without its preposition, as "13 days" in "in 13 days of the invasion"
        }
        timeresolve::Resolved r = anchored ? std::move(*anchored) : timeresolve::resolve(f.expr, ref, tense);
        // Without a tense cue, news leaves out the year of a date ahead in its own year ("the Nov. 8
        // election", "expire on September 30th"): a month or a day up to two months ahead is that one.
        if (tense == 0 && ref && dated_ahead_candidate(f.expr)) {
          timeresolve::Resolved ahead = timeresolve::resolve(f.expr, ref, 1);
          if (ahead.value != r.value && ahead.value.size() >= 7 && ahead.value.compare(0, 4, r.value, 0, 4) != 0) {
            const int64_t days = days_ahead(ahead.begin.empty() ? ahead.end : ahead.begin, ref->date);
            if (days > 0 && days <= kAheadDays) r = std::move(ahead);
          }
        }
        if (r.value.empty()) continue;
        TimeSpan t;
        t.at = {doc.tokens[f.first].at.start, doc.tokens[f.end - 1].at.end};
        t.type = std::move(r.type);
        t.value = std::move(r.value);
        t.mod = std::move(r.mod);
        t.begin = std::move(r.begin);
        t.end = std::move(r.end);
        t.why = {f.rule, f.where};
        if (focus.note(t) && focus.precision == 10) day_here = true;
        doc.times.push_back(std::move(t));
      }
    }
  }

  // The calendar date a narrative last spoke of ("in 2014", "on 3 March"),
  // which "two years later" counts from, with the precision it was given in.
  struct Focus {
    std::optional<timecal::DateTime> first, last;  // its first and last day
    size_t precision = 0;  // characters of its value: 4 a year, 7 a month, 10 a day

    // true when t becomes the focus
    bool note(const TimeSpan& t) {
      if (t.type != "DATE" || !t.mod.empty() || t.begin.size() < 10 || t.end.size() < 10) return false;
      if (t.value.size() < 4 || !std::isdigit(static_cast<unsigned char>(t.value[0]))) return false;
      const size_t p = t.value.size() >= 10 ? 10 : t.value.size() >= 7 && t.value[4] == '-' ? 7 : 4;
      if (p > 4 && t.value.find_first_of("WQHSUFAI", 4) != std::string::npos) return false;  // weeks, seasons, quarters
      auto end = timecal::parse_reference(std::string_view(t.end).substr(0, 10));
      first = timecal::parse_reference(std::string_view(t.begin).substr(0, 10));
      if (!first || !end) return false;
      end->date = timecal::civil_from_days(timecal::days_from_civil(end->date) - 1);
      last = end;
      precision = p;
      return true;
    }
  };

  // "two years later" after "in 2014" is 2016: the shift from the focus, at the
  // focus's precision, when the shift from its first and its last day agree
  // there ("three weeks later" after "in October" may be October or November:
  // then nothing is known beyond the reference reading).
  static std::optional<timeresolve::Resolved> from_focus(const timeexpr::Expr& e, const Focus& focus) {
    if (!focus.first) return std::nullopt;
    timeresolve::Resolved r = timeresolve::resolve(e, focus.first, 0);
    if (r.type != "DATE" || r.value.size() < 10) return std::nullopt;
    if (focus.precision >= 10) return r;
    const timeresolve::Resolved from_last = timeresolve::resolve(e, focus.last, 0);
    if (from_last.value.compare(0, focus.precision, r.value, 0, focus.precision) != 0) return std::nullopt;
    timeexpr::Expr coarse;
    coarse.year = std::atoi(r.value.substr(0, 4).c_str());
    if (focus.precision >= 7) coarse.month = std::atoi(r.value.substr(5, 2).c_str());
    return timeresolve::resolve(coarse, focus.first, 0);
  }

 private:
  static constexpr int64_t kAheadDays = 62;

  // A month or a day of a month without its year, direction or weekday.
  static bool dated_ahead_candidate(const timeexpr::Expr& e) {
    return e.type == timeexpr::ExprType::kDate && e.month >= 0 && e.year < 0 && !e.has_dir && !e.rel_unit &&
           !e.offset_sign && e.weekday < 0 && e.movable.empty();
  }

  // Days from the reference day to an ISO date (YYYY-MM-DD...); 0 when unreadable.
  static int64_t days_ahead(std::string_view iso, timecal::Ymd ref) {
    if (iso.size() < 10) return 0;
    int y = 0, m = 0, d = 0;
    if (std::from_chars(iso.data(), iso.data() + 4, y).ec != std::errc() ||
        std::from_chars(iso.data() + 5, iso.data() + 7, m).ec != std::errc() ||
        std::from_chars(iso.data() + 8, iso.data() + 10, d).ec != std::errc())
      return 0;
    return timecal::days_from_civil({y, m, d}) - timecal::days_from_civil(ref);
  }

  // A partial date whose year (or month, or week) depends on the tense.
  static bool needs_tense(const timeexpr::Expr& e) {
    if (e.type == timeexpr::ExprType::kRange || e.past_prev) return true;
    if (e.offset_sign && !e.parts.empty()) return needs_tense(e.parts[0]);  // 3 days from Tuesday
    if (e.type == timeexpr::ExprType::kDate && e.rel_unit == 'K' && e.rel_n == 0 && !e.offset_sign) return true;
    if (e.type != timeexpr::ExprType::kDate || e.rel_unit || e.offset_sign || e.year >= 0) return false;
    if (e.has_dir && e.dir != 0) return false;
    return e.month >= 0 || e.day >= 0 || e.weekday >= 0 || !e.season.empty() || e.quarter >= 0 || !e.movable.empty();
  }

  // Tense cues of a sentence: (token, +1 future / -1 past).
  // A verb form that tells the tense, and whether it stands inside a quotation.
  struct TenseCue {
    uint32_t at;
    int tense;
    bool quoted;
  };

  // A quotation mark: '"' (typographic quotes fold to it) or two glued apostrophes ('').
  static uint32_t quote_mark_at(const Document& doc, uint32_t i, uint32_t end) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) return 0;
    const std::string_view key = doc.folded_key(t);
    if (key == "\"") return 1;
    if (key == "'" && i + 1 < end && !doc.tokens[i + 1].has(kSpaceBefore) && doc.folded_key(doc.tokens[i + 1]) == "'") return 2;
    return 0;
  }

  // Whether token `at` lies inside a quotation, counting quotation marks from the sentence start.
  static bool inside_quotation(const Document& doc, const Sentence& s, uint32_t at) {
    bool inside = false;
    for (uint32_t i = s.first_token; i < at;) {
      const uint32_t mark = quote_mark_at(doc, i, s.end_token);
      inside ^= mark != 0;
      i += mark ? mark : 1;
    }
    return inside;
  }

  void read_cues(const Document& doc, const Sentence& s, std::vector<TenseCue>& out) const {
    out.clear();
    bool inside = false;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::kWord) {
        if (const uint32_t mark = quote_mark_at(doc, i, s.end_token)) {
          inside = !inside;
          i += mark - 1;
        }
        continue;
      }
      if (const int c = lex_.tense_of(doc.folded_key(t), t.hash)) out.push_back({i, c, inside});
    }
  }

  // The tense of the cue nearest to tokens [first, end) on the same side of a quotation mark
  // ("in July, RT is 'providing what you won't get'": July is not read with "won't"). "Les
  // festivités ont débuté mercredi soir et vont durer un an" reads mercredi with "ont".
  // Without a cue, 0 (read as past: news narrates the past).
  static int nearest_tense(const std::vector<TenseCue>& cues, uint32_t first, uint32_t end, bool quoted) {
    int best = 0;
    uint32_t best_dist = UINT32_MAX;
    for (const TenseCue& c : cues) {
      if (c.quoted != quoted) continue;
      const uint32_t dist = c.at < first ? first - c.at : c.at >= end ? c.at - end + 1 : 0;
      if (dist < best_dist) { best_dist = dist; best = c.tense; }
    }
    return best;
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
