#include "number/ranges.h"

#include <algorithm>
#include <cmath>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace claimtrace::number {
namespace {

struct Cue {
  uint32_t first = 0, end = 0;
  BoundKind kind = BoundKind::kNone;
  std::string_view where;
};

bool is_prefix_bound(BoundKind k) {
  return k == BoundKind::kMore || k == BoundKind::kAtLeast || k == BoundKind::kLess || k == BoundKind::kUpTo ||
         k == BoundKind::kEqual;
}
bool sets_min(BoundKind k) { return k == BoundKind::kMore || k == BoundKind::kAtLeast; }
bool sets_max(BoundKind k) { return k == BoundKind::kLess || k == BoundKind::kUpTo; }

// Applies a one-sided bound to `amount` from the number `v`.
void apply(BoundKind k, double v, Amount& amount) {
  switch (k) {
    case BoundKind::kMore: amount.min = v, amount.min_inclusive = false; break;
    case BoundKind::kAtLeast:
    case BoundKind::kOrMore: amount.min = v; break;
    case BoundKind::kLess: amount.max = v, amount.max_inclusive = false; break;
    case BoundKind::kUpTo:
    case BoundKind::kOrLess: amount.max = v; break;
    case BoundKind::kEqual: amount.min = v, amount.max = v; break;
    default: break;
  }
}

// A token of currency signs only ("$", "€", "£"), or with `last_only` one
// that ends with one ("US$", "C$").
bool currency_sign_at(const Document& doc, uint32_t i, bool last_only) {
  const Token& t = doc.tokens[i];
  if (!last_only && t.kind != TokenKind::kSymbol && t.kind != TokenKind::kPunct) return false;
  std::string_view s = doc.normalized_of(t);
  if (s.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  bool sign = false;
  for (int32_t k = 0; k < n;) {
    UChar32 c;
    U8_NEXT(p, k, n, c);
    sign = c >= 0 && u_charType(c) == U_CURRENCY_SYMBOL;
    if (!sign && !last_only) return false;
  }
  return sign;
}

// The value a plain atom stands for as one end of a range.
std::optional<double> single(const Atom& a) { return a.span.amount.value; }
std::optional<double> low_end(const Atom& a) { return a.span.amount.value ? a.span.amount.value : a.span.amount.min; }
std::optional<double> high_end(const Atom& a) { return a.span.amount.value ? a.span.amount.value : a.span.amount.max; }

// Two whole counts that make a share: "one in five", "one out of every ten"; not "12
// in 3 raids" (more than the whole) nor "1 in 2024" (a year is no count).
bool is_ratio(const Atom& part, const Atom& whole) {
  const auto& p = part.span.amount.value;
  const auto& w = whole.span.amount.value;
  return part.span.role == NumberRole::kCount && whole.span.role == NumberRole::kCount && p && w && *p >= 1 &&
         *w >= 2 && *p <= *w && *p == std::floor(*p) && *w == std::floor(*w);
}

}  // namespace

bool is_currency_sign(const Document& doc, uint32_t i) { return currency_sign_at(doc, i, false); }
bool ends_with_currency_sign(const Document& doc, uint32_t i) { return currency_sign_at(doc, i, true); }

void find_ranges(const Document& doc, uint32_t first, uint32_t end, const BoundLexicon& lex,
                 std::vector<Atom>& atoms) {
  // Every cue at every position (not only the longest), so that "or greater
  // than" and "greater than" are both seen.
  // Cues matter only next to numbers: look within a window around each.
  // Kept from one sentence to the next: most sentences would allocate them anew.
  thread_local std::vector<Cue> cues;
  thread_local std::vector<PhraseMatcher::Match> here;
  cues.clear();
  const uint32_t reach = lex.cues().max_tokens() + 2;
  auto scan_window = [&](uint32_t lo, uint32_t hi) {
    for (uint32_t i = lo; i < hi; ++i) {
      if (!lex.may_start_cue(doc.tokens[i].hash)) continue;
      here.clear();
      lex.cues().matches_at(doc, i, end, here);
      for (const auto& m : here) {
        const BoundCue& c = lex.cue(m.payload);
        cues.push_back({m.first, m.end, c.kind, c.where});
      }
    }
  };
  // Overlapping windows (atoms sorted by first token) are merged as they come.
  uint32_t window_lo = 0, window_hi = 0;
  for (const auto& a : atoms) {
    if (!a.plain) continue;
    uint32_t lo = a.first > first + reach ? a.first - reach : first;
    uint32_t hi = std::min(end, a.end + reach);
    if (window_hi != 0 && lo <= window_hi) {
      window_hi = std::max(window_hi, hi);
      continue;
    }
    scan_window(window_lo, window_hi);
    window_lo = lo, window_hi = hi;
  }
  scan_window(window_lo, window_hi);
  // Every share, range and bound below hangs on a cue.
  if (cues.empty()) return;
  // Longest cue ending at token t with a kind accepted by `want`.
  auto cue_ending = [&](uint32_t t, auto want) -> const Cue* {
    const Cue* best = nullptr;
    for (const auto& c : cues) {
      if (c.end == t && want(c.kind) && (!best || c.first < best->first)) best = &c;
    }
    // A "none" cue ending here that is longer blocks it ("=>30").
    for (const auto& c : cues) {
      if (c.end == t && c.kind == BoundKind::kNone && best && c.first < best->first) return nullptr;
    }
    return best;
  };
  auto cue_starting = [&](uint32_t t, auto want) -> const Cue* {
    const Cue* best = nullptr;
    for (const auto& c : cues) {
      if (c.first == t && want(c.kind) && (!best || c.end > best->end)) best = &c;
    }
    return best;
  };
  // The plain atom starting at token t.
  const size_t n_atoms = atoms.size();
  auto atom_at = [&](uint32_t t) -> int {
    for (size_t k = 0; k < n_atoms; ++k) {
      if (atoms[k].first == t && atoms[k].plain) return static_cast<int>(k);
    }
    return -1;
  };
  // Ranges and bounds go after the n_atoms atoms they are made of, which
  // are then `bounded`; atoms[k] is read again after each push (no reference).
  // A bound or range over a share is a share: "more than one in five".
  auto make = [&](uint32_t f, uint32_t e, std::string_view rule, std::string_view where, const Atom& from) {
    Atom r;
    if (from.span.role == NumberRole::kRatio) r.span.role = NumberRole::kRatio;
    r.first = f;
    r.end = e;
    r.plain = false;
    r.span.at = extent_of(doc, f, e);
    r.span.why = {rule, where};
    return r;
  };
  // "one in five", "one out of every ten": a share that bounds may take
  // ("more than one in five"), and neither end a count of its own ("five
  // civilians" is no count in "one in five civilians").
  for (size_t k = 0; k < n_atoms; ++k) {
    Atom& a = atoms[k];
    const Cue* in = a.plain && !a.replaced ? cue_starting(a.end, [](BoundKind b) { return b == BoundKind::kRatio; }) : nullptr;
    const int b_index = in ? atom_at(in->end) : -1;
    if (b_index < 0 || !is_ratio(a, atoms[b_index])) continue;
    Atom& b = atoms[b_index];
    a.span.amount.value = *a.span.amount.value / *b.span.amount.value;
    a.span.role = NumberRole::kRatio;
    a.span.why = {"number.ratio", in->where};
    a.end = b.end;
    a.span.at = extent_of(doc, a.first, a.end);
    b.replaced = true;
    b.plain = false;
  }
  for (size_t k = 0; k < n_atoms; ++k) {
    Atom& a = atoms[k];
    if (!a.plain || a.bounded) continue;
    // Cues before the number may end before a currency sign: "nearly $916 million".
    const bool sign_before = a.first > first && is_currency_sign(doc, a.first - 1);
    auto cue_before = [&](auto want) -> const Cue* {
      const Cue* c = cue_ending(a.first, want);
      return c || !sign_before ? c : cue_ending(a.first - 1, want);
    };
    const Cue* approx = cue_before([](BoundKind b) { return b == BoundKind::kApprox; });
    if (approx && a.span.amount.value) {
      a.span.amount.approx = true;
      a.span.cue = extent_of(doc, approx->first, approx->end);
    }
    // Two ends: between A and B, from A to B, A to B, A-B; the same currency
    // sign may be written on both ends ("$500 to $2,000", "30 € à 60 €").
    auto is_to = [](BoundKind b) {
      return b == BoundKind::kTo || b == BoundKind::kAnd || b == BoundKind::kUpTo || b == BoundKind::kOr;
    };
    const Cue* to = cue_starting(a.end, is_to);
    int b_index = to ? atom_at(to->end) : -1;
    if (!to && a.end + 1 < end && is_currency_sign(doc, a.end)) {
      to = cue_starting(a.end + 1, is_to);
      b_index = to ? atom_at(to->end) : -1;
      if (b_index >= 0 && !(atoms[b_index].end < end && token_text(doc, atoms[b_index].end) == token_text(doc, a.end))) {
        b_index = -1;
      }
    } else if (to && b_index < 0 && sign_before && to->end + 1 < end &&
               token_text(doc, to->end) == token_text(doc, a.first - 1)) {
      b_index = atom_at(to->end + 1);
    }
    if (to && b_index >= 0) {
      Atom& b = atoms[b_index];
      auto lo = low_end(a), hi = high_end(b);
      const Cue* opener = cue_before([](BoundKind x) { return x == BoundKind::kBetween || x == BoundKind::kFrom; });
      // "10 ou 12", "two or three": alternatives with no opener, an approximate range.
      // (Counts only: "in 2014 or 2015" are two years.)
      const bool alternatives = to->kind == BoundKind::kOr;
      if (alternatives) opener = nullptr;
      // (Single values only: "tens or hundreds of thousands" share a scale the vague words do not show.)
      bool pair_ok = alternatives ? a.span.role == NumberRole::kCount && b.span.role == NumberRole::kCount &&
                                        a.span.amount.value && b.span.amount.value
                     : opener     ? (opener->kind == BoundKind::kBetween ? to->kind == BoundKind::kAnd
                                                                         : to->kind != BoundKind::kAnd)
                                  : to->kind == BoundKind::kTo;
      // "between" has no order: "entre -5 et -10 degrés" is -10..-5.
      if (pair_ok && opener && opener->kind == BoundKind::kBetween && lo && hi && *hi < *lo && *hi < 0) {
        std::swap(lo, hi);
      }
      if (pair_ok && lo && hi && *hi > *lo) {
        uint32_t f = a.first;
        // "est de 20 à 100": the copula owns the "de".
        if (opener && !(opener->kind == BoundKind::kFrom && opener->first > first &&
                        cue_ending(opener->first, [](BoundKind x) { return x == BoundKind::kCopula; }))) {
          f = opener->first;
        }
        Atom r = make(f, b.end,
                      alternatives ? "number.range.or"
                      : opener     ? (opener->kind == BoundKind::kBetween ? "number.range.between" : "number.range.from_to")
                                   : "number.range.to",
                      to->where, a);
        r.span.amount.min = lo;
        r.span.amount.max = hi;
        r.span.amount.approx = alternatives || a.span.amount.approx || b.span.amount.approx;
        r.span.cue = a.span.cue;
        r.span.scaled = a.span.scaled || b.span.scaled;
        // "11 000 à 12 000": with a scale only on the second end ("2 à 3 millions"), the first shares it.
        // (A positive first end only: "-7-3b" would scale without end.)
        if (!a.span.scaled && b.span.scaled && b.span.amount.value && *lo > 0 && *hi >= 1000 * *lo && *lo < 1000) {
          double scale = 1000;
          while (*lo * scale * 1000 <= *hi) scale *= 1000;
          r.span.amount.min = *lo * scale;
        } else if (a.span.why.rule == "number.words" && b.span.why.rule == "number.words" && *lo >= 1 && *lo < 20 &&
                   *lo == static_cast<int>(*lo) && std::fmod(*hi, 100) == 0 && *hi / 100 > *lo && *hi / 100 < 20) {
          // "deux à trois cents", "two to three hundred": the hundred written on the second end only.
          r.span.amount.min = *lo * 100;
        }
        // Alternatives far apart are a contrast, not an estimate: "whether 150 or one million".
        if (!alternatives || *r.span.amount.max <= 4 * *r.span.amount.min) {
          atoms.push_back(r);
          atoms[k].bounded = atoms[b_index].bounded = true;
          continue;
        }
      }
    }
    // One-sided bounds before the number, possibly joined with a second one.
    const Cue* pre = cue_before(is_prefix_bound);
    if (pre) {
      auto v = single(a);
      if (!v) v = low_end(a);
      if (!v) continue;
      Atom r = make(pre->first, a.end, "number.bound", pre->where, a);
      apply(pre->kind, *v, r.span.amount);
      r.span.amount.approx = a.span.amount.approx;
      r.span.scaled = a.span.scaled;
      atoms[k].bounded = true;
      // "greater than 100 and smaller than 300", "no more than 50 and no less than 20".
      uint32_t next = a.end;
      const Cue* join = cue_starting(next, [](BoundKind x) { return x == BoundKind::kAnd; });
      if (join) next = join->end;
      else if (next < end && is_punct(doc, next, ",")) next = next + 1;
      const Cue* pre2 = next != a.end ? cue_starting(next, is_prefix_bound) : nullptr;
      int b2 = pre2 ? atom_at(pre2->end) : -1;
      auto v2 = b2 >= 0 ? atoms[b2].span.amount.value : std::nullopt;
      bool consistent = v2 && ((sets_min(pre->kind) && sets_max(pre2->kind) && *v < *v2) ||
                               (sets_max(pre->kind) && sets_min(pre2->kind) && *v2 < *v));
      if (pre2 && consistent) {
        apply(pre2->kind, *atoms[b2].span.amount.value, r.span.amount);
        r.end = atoms[b2].end;
        r.span.at = extent_of(doc, r.first, r.end);
        atoms[b2].bounded = true;
      } else if (const Cue* eq = cue_starting(a.end, [](BoundKind x) { return x == BoundKind::kOrEqual; });
                 eq && (pre->kind == BoundKind::kMore || pre->kind == BoundKind::kLess) &&
                 !(eq->end < end && (atom_at(eq->end) >= 0 || (eq->end + 1 < end && atom_at(eq->end + 1) >= 0)))) {
        // "less than 5000 or equal"
        if (pre->kind == BoundKind::kMore) r.span.amount.min_inclusive = true;
        else r.span.amount.max_inclusive = true;
        r.end = eq->end;
        r.span.at = extent_of(doc, r.first, r.end);
      } else if (pre->kind == BoundKind::kEqual) {
        // "equal to 5000 or less"
        const Cue* post = cue_starting(a.end, [](BoundKind x) { return x == BoundKind::kOrMore || x == BoundKind::kOrLess; });
        if (post && atom_at(post->end) < 0) {
          r.span.amount = {};
          apply(post->kind, *v, r.span.amount);
          r.end = post->end;
          r.span.at = extent_of(doc, r.first, r.end);
        }
      }
      atoms.push_back(r);
      continue;
    }
    // One-sided bounds after the number: "500 ou plus", "200 or greater".
    const Cue* post = cue_starting(a.end, [](BoundKind x) { return x == BoundKind::kOrMore || x == BoundKind::kOrLess; });
    if (post && atom_at(post->end) < 0 && a.span.amount.value) {
      // Is there a longer cue from the same place followed by a number, or one
      // that is no bound ("10 au plus tard")? Then it is no suffix.
      bool before_number = false;
      for (const auto& c : cues) {
        if (c.first != post->first) continue;
        if ((c.end < end && atom_at(c.end) >= 0) || (c.kind == BoundKind::kNone && c.end > post->end)) {
          before_number = true;
        }
      }
      if (!before_number) {
        Atom r = make(a.first, post->end, "number.bound.after", post->where, a);
        apply(post->kind, *a.span.amount.value, r.span.amount);
        r.span.amount.approx = a.span.amount.approx;
        atoms.push_back(r);
        atoms[k].bounded = true;
      }
    }
  }
}

}  // namespace claimtrace::number
