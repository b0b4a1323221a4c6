// The report's search scorer (Sphinx's html_search_scorer): Sphinx's own weights, plus a
// bonus for a page whose title holds the words searched for, compared without diacritics.
// "Hai Duong" and "Hải Dương" then both put the page titled "Hải Dương (Hai Duong)" before the
// pages that only mention the province (its 2025 unit, its region, the chapters).
var Scorer = {
  score: (result) => {
    const [, title, anchor, , score] = result;
    const fold = (text) =>
      text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    const query = new URLSearchParams(window.location.search).get("q") || "";
    const words = fold(query).split(/[^a-z0-9]+/).filter((w) => w.length > 1);
    if (!words.length || anchor) {
      return score;
    }
    const inTitle = new Set(fold(title).split(/[^a-z0-9]+/));
    const found = words.filter((w) => inTitle.has(w)).length;
    return score + Math.round((10 * found) / words.length);
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
