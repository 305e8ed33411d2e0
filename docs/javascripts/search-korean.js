/*
 * Korean search, the part that loads when the reader starts to search (issue 10): what
 * docs/javascripts/search-worker.js runs between the page and Material's own search worker. Loaded
 * there with importScripts, so that the worker every page starts stays small.
 *
 * 1. Queries as a Korean learner types them (`rewrite`), checked against the terms of the index
 *    (the `Vocabulary`, made here from the same documents with the index's own separator):
 *    - a word that the index knows (or that begins a known term) is searched as typed, so exact
 *      matches rank as they always did;
 *    - a number is matched whole: 1 finds 1 and 1개, not 10 or 1918; a number with its unit
 *      (1밀리초) needs both;
 *    - a Hangul word the index does not know is split into known terms: 단계조정 → 단계 조정;
 *    - otherwise the nearest named terms (titles, headings, summaries, alias lines): edit distance
 *      on decomposed jamo for Hangul, on letters for Latin, bounded by the word's length, so ㅐ/ㅔ,
 *      a slipped 받침 or a dropped syllable is near and a short or nonsense word matches nothing;
 *    - the site's own word for an English or avoided one, from data/terminology.yml and the
 *      glossary: NAT gateway → NAT 게이트웨이, 쿨다운 → 조정 휴지.
 * 2. Ranking (`rank`): the page the query names (title or alias entry) first, then a page with
 *    that heading; an overview page (front matter `search: boost` below 1: home, categories, the
 *    glossary) is never first unless named, so a service's own page comes before it.
 * 3. Snippets: each result shows the block that matched, cut around the match, never the
 *    "다른 이름" alias line (the page's summary instead).
 * 4. "이것을 찾으셨나요?": when nothing matches, the nearest pages instead of an empty list (items
 *    with score -1; search.js shows the heading). Odd input (a 1,000-character paste, jamo, emoji,
 *    regular-expression or lunr syntax, HTML) is cut, searched as text and never shown as markup.
 * 5. Engines: Material's worker (`material`) with the full index, and until it is built a glance
 *    at the titles file (`glance`).
 */
"use strict";

const ALIAS = "다른 이름:";      // the visible alias line of a page (README "검색")
const SUGGESTED = -1;            // score of a suggested page: search.js titles the list "이것을 찾으셨나요?"
const MAX_CHARS = 100;           // a longer query is cut (a 1,000-character paste stays fast) …
const MAX_WORDS = 12;            // … and so is a query of more words
const MAX_CANDIDATES = 3;        // nearest terms searched for one unknown word
const SNIPPET = 160;             // characters of a snippet around its first match

/* ------------------------------------------------------------------------------------------------
 * Hangul: jamo and distances
 * ---------------------------------------------------------------------------------------------- */

/* A word as letters to compare: each Hangul syllable as its initial, medial and (if any) final jamo. */
function letters(word) {
  let out = "";
  for (const ch of word) {
    const s = ch.charCodeAt(0) - 0xac00;
    if (s >= 0 && s < 11172) {
      out += String.fromCharCode(0x1100 + Math.floor(s / 588), 0x1161 + Math.floor((s % 588) / 28));
      if (s % 28) out += String.fromCharCode(0x11a7 + (s % 28));
    } else {
      out += ch;
    }
  }
  return out;
}

/*
 * Edit distance (insert, delete, substitute, swap two neighbours) from `a` to the nearest beginning
 * of `b`, or Infinity when it is above `bound`. A beginning, because Material searches every term
 * with a trailing wildcard: "오토스켈" is near "오토스케일링".
 */
function distance(a, b, bound) {
  const n = a.length, m = Math.min(b.length, n + bound);
  if (m < n - bound) return Infinity;
  let before = null, prev = [];
  for (let j = 0; j <= m; j++) prev.push(j);
  for (let i = 1; i <= n; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= m; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      if (d < low) low = d;
    }
    if (low > bound) return Infinity;
    before = prev;
    prev = row;
  }
  const best = Math.min(...prev.slice(Math.max(0, n - bound)));
  return best <= bound ? best : Infinity;
}

/*
 * How far a word may be from a term: nothing for short words (a two-syllable Korean word is more
 * often a particle or a question word, 이랑, 뭐가, than a typo), more for long ones.
 */
function tolerance(word) {
  const n = word.length;
  if (/[가-힣]/.test(word)) return n < 3 ? 0 : n < 4 ? 1 : n < 6 ? 2 : 3;
  return n < 5 ? 0 : n < 8 ? 1 : n < 12 ? 2 : 3;
}

/* ------------------------------------------------------------------------------------------------
 * The vocabulary: the terms of the index, as Material's tokenizer makes them
 * ---------------------------------------------------------------------------------------------- */

/* The [start, end) ranges of `text` between matches of the index's separator (Material's `split`). */
function split(text, separator) {
  const re = separator;                 // a global (g) expression: its lastIndex is reset here
  re.lastIndex = 0;
  const ranges = [];
  let index = 0, match;
  do {
    match = re.exec(text);
    const until = match ? match.index : text.length;
    if (index < until) ranges.push([index, until]);
    if (match) {
      index = match.index + match[0].length;
      if (match[0].length === 0) re.lastIndex = match.index + 1;
    }
  } while (match);
  return ranges;
}

function plain(html) {
  return html.replace(/<[^>]*>/g, " ");
}

/* The page a document belongs to (Material's location without the section anchor). */
function pageOf(doc) {
  return doc.location.split("#")[0];
}

/* The names of a page: its title (and the parts of "Title (Other name)") and its alias entries. */
function names(doc) {
  const alias = blocks(doc.text).map(plain).find(b => b.trim().startsWith(ALIAS)) || "";
  const all = [doc.title, ...doc.title.split(/[()]/), ...alias.trim().slice(ALIAS.length).split(",")];
  return all.flatMap(name => [name, name.replace(/^\s*(?:Amazon|AWS)\s+/, "")]);
}

/*
 * The terms of a set of documents, as the index has them (Material's tokenizer: the index's separator,
 * lower case), and what is known about them: how common, which are names, which Latin words the
 * separator splits. `add` takes documents in batches (the full set yields between them), `finish`
 * makes it ready to use.
 */
class Vocabulary {
  constructor(synonyms, separator) {
    this.separator = separator;
    this.synonyms = synonyms.map(([other, word]) => [this.key(other), this.key(word)]);
    this.count = new Map();      // term → number of documents with it
    this.prominent = new Set();  // terms of titles, headings, summaries and alias lines: what is named
    this.joined = new Map();     // a Latin word the separator splits → its terms (cloudfront → cloud front)
    this.names = new Map();      // a page's name, as its terms joined by " " → the pages with that name
    this.headings = new Map();   // a heading, the same way → the pages with that heading
    this.docs = new Map();       // location → document
    this.shown = new Map();      // location → its blocks but the alias line (`snippet`, made once)
  }

  add(docs) {
    const add = (map, key, page) => {
      if (key) map.set(key, (map.get(key) || new Set()).add(page));
    };
    for (const doc of docs) {
      this.docs.set(doc.location, doc);
      const text = doc.title + " " + plain(doc.text);
      for (const term of new Set(this.terms(text)))
        this.count.set(term, (this.count.get(term) || 0) + 1);
      const named = doc.location.includes("#") ? doc.title : text;
      for (const term of this.terms(named)) this.prominent.add(term);
      for (const word of named.match(/[A-Za-z]{4,}/g) || []) {
        const parts = this.terms(word);
        if (parts.length > 1) this.joined.set(word.toLowerCase(), parts);
      }
      if (doc.location.includes("#")) add(this.headings, this.key(doc.title), pageOf(doc));
      else for (const name of names(doc)) add(this.names, this.key(name), pageOf(doc));
    }
    return this;
  }

  finish() {
    this.sorted = [...this.count.keys()].sort();
    this.entries = [...this.prominent, ...this.joined.keys()].map(word => ({ word, letters: letters(word) }));
    this.latin = this.sorted.filter(term => /^[a-z]+$/.test(term)).map(word => ({ word, letters: word }));
    this.home = this.docs.get("") || this.docs.values().next().value;
    return this;
  }

  terms(text) {
    return split(text, this.separator).map(([start, end]) => text.slice(start, end).toLowerCase());
  }

  /* A name or query as its terms joined by " ": the form names are compared in. */
  key(text) {
    return this.terms(text).join(" ");
  }

  has(term) {
    return this.count.has(term);
  }

  /* The terms of the index that begin with `prefix` (what Material's trailing wildcard finds). */
  beginning(prefix) {
    let lo = 0, hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    const found = [];
    while (lo < this.sorted.length && this.sorted[lo].startsWith(prefix)) found.push(this.sorted[lo++]);
    return found;
  }

  begins(prefix) {
    return this.beginning(prefix).length > 0;
  }

  /* The terms that are the number `n`, not a longer one: 1 → 1, 1개; not 10, 1.5 or 1918 (issue 10). */
  number(n) {
    return this.beginning(n).filter(term => !/[\d.,/]/.test(term.charAt(n.length))).slice(0, MAX_WORDS);
  }

  /*
   * The nearest named terms to `word` within `bound` (each as the terms to search), nearest and
   * commonest first. Only terms of titles, headings, summaries and alias lines: a learner mistypes
   * the name of a thing, and a question word must not turn into some word of the text.
   */
  nearest(word, bound, entries = this.entries) {
    if (bound < 1) return [];
    const a = letters(word), found = [];
    for (const entry of entries) {
      const d = distance(a, entry.letters, bound);
      if (d <= bound) found.push({ word: entry.word, d, n: this.count.get(entry.word) || 0 });
    }
    found.sort((x, y) => x.d - y.d || y.n - x.n);
    const chosen = [];
    for (const { word: w, d } of found) {
      if (d > found[0].d || chosen.length === MAX_CANDIDATES) break;
      if (!chosen.some(c => w.startsWith(c))) chosen.push(w);
    }
    return chosen.map(w => this.joined.get(w) || [w]);
  }

  /*
   * The site's words for what the reader typed (search_docs.json's synonyms, as keys): the query
   * holds another word for one, or begins one with two words or more and names no page.
   */
  others(key) {
    const padded = " " + key + " ";
    const partial = key.includes(" ") && !this.names.has(key);
    return this.synonyms
      .filter(([other]) => padded.includes(" " + other + " ") || (partial && other.startsWith(key + " ")))
      .map(([, word]) => word);
  }

  /*
   * A Hangul word as the fewest known terms (dynamic programming over its syllables): 고객마스터키 →
   * 고객 마스터 키. A one-syllable part must be a named term (키, 풀), not any syllable of the text; the
   * last part may be the beginning of a term (the reader is still typing). Latin words need no split:
   * the index splits CloudFront into cloud front, and `nearest` knows "cloudfront" as those two.
   */
  compound(word) {
    const n = word.length, best = [[]];
    const whole = (part) => part.length === 1 ? this.prominent.has(part) : this.has(part);
    for (let i = 1; i <= n; i++) {
      best[i] = null;
      for (let j = 0; j < i; j++) {
        const part = word.slice(j, i);
        const known = whole(part) || (i === n && part.length > 1 && this.begins(part));
        if (best[j] && known && (!best[i] || best[j].length + 1 < best[i].length))
          best[i] = [...best[j], part];
      }
    }
    return best[n] && best[n].length > 1 ? best[n] : null;
  }

  /*
   * The known terms of a long word that also holds something unknown (사설아이피 → 사설): its longest
   * known beginning and end, each of two letters or more. Used when nothing nearer is found.
   */
  known(word) {
    const found = [];
    if (word.length < 4) return found;
    for (let i = word.length - 1; i >= 2; i--)
      if (this.has(word.slice(0, i))) { found.push(word.slice(0, i)); break; }
    for (let j = found.length ? found[0].length : 1; j <= word.length - 2; j++)
      if (this.has(word.slice(j))) { found.push(word.slice(j)); break; }
    return found;
  }
}

/* ------------------------------------------------------------------------------------------------
 * Queries
 * ---------------------------------------------------------------------------------------------- */

/* A word that is only a particle says nothing to search for (the separator drops those glued to a word). */
const PARTICLES = new Set("은 는 이 가 을 를 의 에 도 와 과 로 에서 으로 에게 까지 부터 이랑 랑 하고".split(" "));
const NUMBER = /^\d+(?:[.,]\d+)*%?$/;     // 10, 72%, 99.999999999%; a CIDR (10.0.0.0/8) is a prefix
const NONE = new Set();

/*
 * The query Material searches for what the reader typed: each term kept, made exact (numbers),
 * split (compounds) or replaced by its nearest index terms (typos). Words with lunr syntax
 * (+word, -word, field:, word~1, word^2, word*) are passed on untouched.
 */
function rewrite(query) {
  const out = [], sure = [], exact = new Set();
  for (const word of clip(query).split(/\s+/).filter(w => !PARTICLES.has(w)).slice(0, MAX_WORDS)) {
    if (/^[+-]|[:~^*]/.test(word)) {
      out.push(word);
      continue;
    }
    const runs = word.match(/[가-힣]+/g) || [], terms = words.terms(word);
    if (terms.length === 2 && /^\d+$/.test(terms[0]) && /^[가-힣]+$/.test(terms[1]) && words.has(terms[1])) {
      out.push("+" + terms[0] + "^1", "+" + terms[1]);   // a number with its unit (1밀리초): both, exactly
      sure.push(...terms);
      exact.add(terms[0]).add(terms[1]);
      continue;
    }
    for (const term of terms) {
      if (NUMBER.test(term) && !/[.,]/.test(term)) {
        const same = words.number(term);     // each searched whole: `term^1` has no trailing wildcard
        out.push(...(same.length ? same : [term]).map(t => t + "^1"));
        sure.push(term);
        for (const t of same) exact.add(t);
      } else if (words.begins(term) || NUMBER.test(term)) {
        out.push(term);
        sure.push(term);
      } else {
        const { terms, split } = correct(term, runs.find(run => run !== term && run.startsWith(term)));
        out.push(...terms);
        if (split) sure.push(...terms);
      }
    }
  }
  // The site's words for what the reader typed (not for a guessed correction: no guess on a guess).
  const others = words.others(sure.join(" "));
  const text = [...new Set([...out, ...others.join(" ").split(" ")])].join(" ").trim();
  return { text, keys: [words.key(out.join(" ").replace(/\^\d+/g, "")), ...others], exact };
}

/* A query cut to MAX_CHARS at a space (a longer one is a paste, not a search). */
function clip(query) {
  if (query.length <= MAX_CHARS) return query.trim();
  const cut = query.slice(0, MAX_CHARS);
  return (/\s/.test(query[MAX_CHARS]) ? cut : cut.replace(/\S*$/, "") || cut).trim();
}

/*
 * An unknown term as the terms to search, and whether they are its parts (not a guess). `whole` is
 * the Hangul run it came from when the separator took its last syllable for a particle
 * (정책평가 → 정책평 + 가): that run is split first.
 */
function correct(term, whole) {
  const parts = (whole && words.compound(whole)) || (/^[가-힣]+$/.test(term) && words.compound(term));
  if (parts) return { terms: parts, split: true };
  let near = words.nearest(term, tolerance(term));
  if (!near.length && /^[a-z]+$/.test(term)) near = words.nearest(term, tolerance(term), words.latin);
  if (near.length) return { terms: near.flat(), split: false };
  const known = /^[가-힣]+$/.test(term) ? words.known(term) : [];
  return { terms: known.length ? known : [term], split: known.length > 0 };
}

/* ------------------------------------------------------------------------------------------------
 * Results
 * ---------------------------------------------------------------------------------------------- */

/* The blocks of an indexed text (paragraphs, list items, table text) with their inline markup. */
function blocks(html) {
  return html.split(/<\/?(?:p|li|ul|ol|pre)\b[^>]*>/).map(b => b.trim()).filter(Boolean);
}

/* Markup, entities and text of a block: an entity (&amp;) is one character that is never cut. */
function pieces(html) {
  return html.split(/(<[^>]*>|&#?\w+;)/).filter(Boolean);
}

/*
 * `html` with <mark> around each term that begins with a searched term (or is one, for a whole
 * number): as Material highlights titles, here for the block that the snippet shows.
 */
function mark(html, searched) {
  let marked = false;
  const out = pieces(html).map(piece => {
    const lower = piece.toLowerCase();
    if (/^[<&]/.test(piece) || !searched.some(t => lower.includes(t.term))) return piece;
    let text = "", at = 0;
    for (const [start, end] of split(piece, words.separator)) {
      const term = piece.slice(start, end).toLowerCase();
      if (searched.some(t => t.exact ? term === t.term : term.startsWith(t.term))) {
        text += piece.slice(at, start) + "<mark>" + piece.slice(start, end) + "</mark>";
        at = end;
        marked = true;
      }
    }
    return text + piece.slice(at);
  });
  return marked ? out.join("") : null;
}

/* `html` cut to about SNIPPET characters of text around its first <mark>, tags kept balanced. */
function cut(html) {
  const all = pieces(html), size = (p) => (p[0] === "&" ? 1 : p.length);
  let length = 0, first = -1;
  for (const p of all) {
    if (p[0] === "<") { if (first < 0 && p === "<mark>") first = length; }
    else length += size(p);
  }
  if (length <= SNIPPET) return html;
  const from = Math.max(0, Math.min(first - SNIPPET / 4, length - SNIPPET)), to = from + SNIPPET;
  const open = [];
  let at = 0, out = "";
  for (const p of all) {
    if (p[0] === "<") {
      if (at >= to) continue;
      if (p[1] === "/") { if (open.length) { open.pop(); out += p; } }
      else { open.push(p.slice(1).split(/[\s>]/)[0]); out += p; }
    } else {
      if (at + size(p) > from && at < to) out += p[0] === "&" ? p : p.slice(Math.max(0, from - at), to - at);
      at += size(p);
    }
  }
  while (open.length) out += "</" + open.pop() + ">";
  return (from > 0 ? "… " : "") + out + (to < length ? " …" : "");
}

/*
 * What a result shows under its title: the first block of the document that has a searched term,
 * never the "다른 이름" alias line (the page's summary instead), cut around the match.
 */
function snippet(location, searched) {
  if (!words.shown.has(location)) {
    const doc = words.docs.get(location);
    words.shown.set(location, blocks(doc ? doc.text : "").filter(b => !plain(b).trim().startsWith(ALIAS)));
  }
  const all = words.shown.get(location);
  for (const block of all) {
    const marked = mark(block, searched);
    if (marked) return "<p>" + cut(marked) + "</p>";
  }
  return all.length ? "<p>" + cut(all[0]) + "</p>" : "";
}

/*
 * The order of the result pages: pages the query names (their title or an entry of their alias line
 * is the query, or the site's word for it) first, then pages with such a heading, then Material's
 * order, except that an overview page (front matter `search: boost` below 1: home, categories,
 * the glossary) does not come first unless named: a service's own page goes before it.
 */
function rank(groups, keys) {
  const tier = (group) => {
    const page = pageOf(group[0]);
    if (keys.some(key => (words.names.get(key) || NONE).has(page))) return 0;
    if (keys.some(key => (words.headings.get(key) || NONE).has(page))) return 1;
    return 2;
  };
  const ranked = groups
    .map((group, i) => ({ group, i, tier: tier(group) }))
    .sort((x, y) => x.tier - y.tier || x.i - y.i);
  const overview = (x) => x.tier === 2 && x.group[0].boost < 1;
  const own = ranked.findIndex(x => !overview(x));
  if (own > 0 && overview(ranked[0])) ranked.unshift(...ranked.splice(own, 1));
  return ranked.map(x => x.group);
}

/* Material lists the query terms a result lacks; only words the reader typed, not our corrections. */
function typedOnly(items, query) {
  const typed = new Set(words.terms(clip(query)));
  for (const group of items)
    for (const item of group)
      for (const term of Object.keys(item.terms))
        if (!item.terms[term] && !typed.has(term)) delete item.terms[term];
}

/* ------------------------------------------------------------------------------------------------
 * Engines: Material's worker with the full index; until it is built, a glance at the titles
 * ---------------------------------------------------------------------------------------------- */

/* A copy of Material's search worker; `build(docs)` gives it an index. It answers in message order. */
function material() {
  const worker = new Worker(MATERIAL);
  const waiting = [];
  worker.onmessage = (ev) => waiting.shift()(ev.data);
  const ask = (message) => new Promise(resolve => {
    waiting.push(resolve);
    worker.postMessage(message);
  });
  const api = { search: (query) => ask({ type: QUERY, data: query }).then(m => m.data) };
  return { build: (docs) => ask({ type: SETUP, data: { ...setup, docs } }).then(() => api) };
}

/*
 * Answers while Material's index is being built (about a second on a slow machine), from the titles
 * file alone: every page title, summary, alias line and heading with a term that begins with a
 * searched one, titles counting double; in Material's result format (pages with their sections).
 */
function glance(vocabulary) {
  const known = [...vocabulary.docs.values()].map(doc => ({
    doc, title: vocabulary.terms(doc.title), text: vocabulary.terms(plain(doc.text)),
  }));
  return {
    search: async (query) => {
      const clauses = query.split(" ").filter(Boolean).map(word => ({
        term: word.replace(/^[+-]|\^\d+$|\*$/g, "").toLowerCase(),
        exact: /\^\d+$/.test(word), required: word[0] === "+", prohibited: word[0] === "-",
      })).filter(c => c.term);
      const groups = new Map();
      for (const { doc, title, text } of known) {
        const hit = (terms, c) => terms.some(t => (c.exact ? t === c.term : t.startsWith(c.term)));
        const found = clauses.map(c => (hit(title, c) ? 2 : hit(text, c) ? 1 : 0));
        if (clauses.some((c, i) => (c.required && !found[i]) || (c.prohibited && found[i]))) continue;
        const score = found.reduce((a, b) => a + b, 0) * (doc.boost || 1) * (doc.location.includes("#") ? 1 : 2);
        if (!score) continue;
        const terms = Object.fromEntries(clauses.filter(c => !c.prohibited).map((c, i) => [c.term, found[i] > 0]));
        const item = { ...doc, title: mark(doc.title, clauses) || doc.title, score, terms };
        groups.set(pageOf(doc), [...(groups.get(pageOf(doc)) || []), item]);
      }
      const items = [...groups.entries()].map(([page, group]) => {
        group.sort((x, y) => y.score - x.score);
        const article = vocabulary.docs.get(page);
        if (article && !group.some(item => item.location === page)) group.push({ ...article, score: 0, terms: {} });
        return group;
      });
      return { items: items.sort((x, y) => y[0].score - x[0].score) };
    },
  };
}

/* A Vocabulary of many documents, made in batches so that queries are answered in between. */
async function vocabulary(docs, synonyms, separator) {
  const made = new Vocabulary(synonyms, separator);
  for (let i = 0; i < docs.length; i += 50) {
    made.add(docs.slice(i, i + 50));
    await new Promise(resolve => setTimeout(resolve));
  }
  return made.finish();
}

/* ------------------------------------------------------------------------------------------------
 * A search: the query rewritten, Material's (or the glance's) results ranked and cut to snippets
 * ---------------------------------------------------------------------------------------------- */

async function search(query) {
  const asked = rewrite(query);
  const result = asked.text ? await engine.search(asked.text) : { items: [] };
  result.items = rank(result.items, asked.keys);
  for (const group of result.items)
    for (const item of group) {
      const searched = Object.keys(item.terms).filter(t => item.terms[t])
        .map(term => ({ term, exact: asked.exact.has(term) }));
      item.text = snippet(item.location, searched);
    }
  typedOnly(result.items, query);
  if (!result.items.length) result.items = await suggest(query);
  return result;
}

/* The nearest pages for a query that found nothing: looser tolerance, else the home page. */
async function suggest(query) {
  const near = [];
  for (const term of words.terms(clip(query)).slice(0, MAX_WORDS))
    if (term.length > 1) near.push(...words.nearest(term, Math.max(1, tolerance(term) + 1)).flat());
  const found = near.length ? (await engine.search(near.join(" "))).items : [];
  const pages = found.map(group => group.find(item => !item.location.includes("#")) || group[0]);
  if (!pages.length) pages.push(words.home);
  return pages.slice(0, 3).map(doc => [{
    location: doc.location, title: doc.title, text: snippet(doc.location, []), score: SUGGESTED, terms: {},
  }]);
}
