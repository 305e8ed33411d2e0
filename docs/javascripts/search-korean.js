/*
 * Korean search, the pure part: the index of the site's search documents and what a search does with a
 * query; no worker, page or network. search-worker.js loads it with importScripts, Node with require()
 * (tests/js/). What it does for learners, and why: README "검색".
 *
 * - Index: terms of titles and texts (mkdocs.yml's separator, lower case), BM25-weighed, titles by
 *   `fields.title.boost`; and what is named: page titles, "다른 이름·관련어" alias entries, headings, summaries.
 * - Query → clauses, one per typed term: as typed when known (or the beginning of a known term); numbers
 *   whole; unknown Hangul split into known words, else the nearest named terms (jamo edit distance) or
 *   English that sounds like it; `+word` must match, `-word` must not. Variants put the site's word for
 *   another (synonyms, spelled or heard); a document scores its best variant.
 * - Results in Material's SearchResult format, ranked (named page first, overview pages never first
 *   unless named); title and text are the index's text, HTML-escaped, with <mark> around matches.
 */
const KoreanSearch = (() => {
  "use strict";

  const ALIAS = "다른 이름·관련어:"; // the visible alias line of a page (README "검색"; hooks/glossary.py ALIAS_LINE)
  const SUGGESTED = -1;             // score of a suggested page
  const NOTHING_NEAR = -2;          // score of the home page, offered when no page is near the query either
  const MAX_CHARS = 100;            // a longer query is a paste: it is cut …
  const MAX_WORDS = 12;             // … and so is a query of more words
  const MAX_CANDIDATES = 3;         // nearest terms searched for one unknown word
  const MAX_VARIANTS = 6;           // the query with the site's words for some of its words
  const SNIPPET = 160;              // characters of a snippet around its first match
  const HITS = 20;                  // matches of each term weighed for where a snippet starts
  const PREFIX = 0.5;               // a term that only begins with the searched one counts half …
  const GUESS = 0.8;                // … and a corrected one 0.8
  const K1 = 1.2;                   // BM25 term-frequency saturation
  const RARE = 2;                   // documents of a part of a compound that may be English heard in pieces
  const PARTICLES = new Set("은 는 이 가 을 를 의 에 도 와 과 로 란 에서 으로 에게 까지 부터 이란 이랑 랑 하고".split(" "));
  const VERB_ENDINGS = new Set("해 한 할 된 될 하는 해서 하면".split(" "));   // 캐시해: no completion
  // Material's on-page highlighter (?h=) makes spaces of these, then escapes those (see `highlightable`)
  const MATERIAL_SPACES = /[\s*+\-:~^]+/g, MATERIAL_ESCAPES = /[|\\{}()[\]^$+*?.-]/g;
  const HANGUL = /^[가-힣]+$/, LATIN = /^[a-z]+$/, INTEGER = /^\d+$/;

  /* --- Text ---------------------------------------------------------------------------------------- */

  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, c => ESCAPES[c]);
  }

  /* The text of indexed HTML: tags out (as `glue`), entities decoded. */
  function plain(html, glue = " ") {
    return html.replace(/<[^>]*>/g, glue).replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ENTITIES[name]);
  }

  /* The [start, end) ranges of `text` between matches of `separator` (a global expression). */
  function ranges(text, separator) {
    const found = [];
    let at = 0, match;
    separator.lastIndex = 0;
    while ((match = separator.exec(text))) {
      if (match.index > at) found.push([at, match.index]);
      at = match.index + match[0].length;
      if (!match[0]) separator.lastIndex++;     // a lookaround rule matches no text
    }
    if (at < text.length) found.push([at, text.length]);
    return found;
  }

  /* The blocks of an indexed text (paragraphs, list items, code) with their inline markup. */
  function blocks(html) {
    return html.split(/<\/?(?:p|li|ul|ol|pre)\b[^>]*>/).map(b => b.trim()).filter(Boolean);
  }

  /* --- Hangul, distances, sounds ------------------------------------------------------------------- */

  /* A word as letters to compare: each Hangul syllable as its initial, medial and (if any) final jamo. */
  function jamo(word) {
    let out = "";
    for (const ch of word) {
      const s = ch.charCodeAt(0) - 0xac00;
      if (s < 0 || s >= 11172) out += ch;
      else out += String.fromCharCode(0x1100 + Math.floor(s / 588), 0x1161 + Math.floor((s % 588) / 28))
        + (s % 28 ? String.fromCharCode(0x11a7 + (s % 28)) : "");
    }
    return out;
  }

  /*
   * Edit distance (insert, delete, substitute, swap two neighbours) from `a` to `b` — with `prefix`, to
   * the nearest beginning of `b` ("오토스켈" is near "오토스케일링": the reader may still be typing) —
   * or Infinity when it is above `bound`.
   */
  function distance(a, b, bound, prefix = false) {
    const n = a.length, m = prefix ? Math.min(b.length, n + bound) : b.length;
    if (m < n - bound || (!prefix && m > n + bound)) return Infinity;
    let before = null, prev = [];
    for (let j = 0; j <= m; j++) prev.push(j);
    for (let i = 1; i <= n; i++) {
      const row = [i];
      let low = i;
      for (let j = 1; j <= m; j++) {
        let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row.push(d);
        low = Math.min(low, d);
      }
      if (low > bound) return Infinity;
      before = prev;
      prev = row;
    }
    const best = prefix ? Math.min(...prev.slice(Math.max(0, n - bound))) : prev[m];
    return best <= bound ? best : Infinity;
  }

  /* How far a typed word may be from a term: nothing for short words (a two-syllable word is more
     often a particle or a question word, 이랑, 뭐가, than a typo), more for long ones. */
  function tolerance(word) {
    const n = word.length;
    if (/[가-힣]/.test(word)) return n < 3 ? 0 : n < 4 ? 1 : n < 6 ? 2 : 3;
    return n < 5 ? 0 : n < 8 ? 1 : n < 12 ? 2 : 3;
  }

  /*
   * A word as Korean loanwords write it, to match English written in Hangul with the English word:
   * 디스트리뷰션 and distribution are both "tVstlVpVsVn". Hangul: each consonant's class, each vowel V
   * (ㅡ, the vowel Korean adds between English consonants, and a silent ㅇ left out). English: the
   * spelling rules of loanwords (tion → 션, tch and ch → ㅊ but a final ch(e)(s) → 치: matching → 매칭, launch →
   * 런치; soft c → ㅅ, a silent final e, r before a consonant or at the end is silent: target → 타겟, ng → ㅇ,
   * f/v → ㅍ/ㅂ, z → ㅈ) to the same classes: k t p s j h l m n, and G for a final ㅇ (ng). `consonants` leaves
   * out the vowels.
   */
  const INITIAL = "kknttlmppss jjjktph";
  const FINAL = " kkknnntllmlllplmppttGttktpt";
  const ENGLISH = [
    [/([a-z])\1/g, "$1"], [/[st]ion/g, "sVn"], [/sch/g, "sk"], [/ph/g, "p"], [/th|sh/g, "s"], [/tch/g, "ch"],
    [/che?(?=s?$)/, "jV"], [/ch/g, "j"], [/ck|qu/g, "k"], [/x/g, "ks"], [/dge|ge(?=[ds]?$)/g, "jV"],
    [/c(?=[eiy])/g, "s"], [/([^aeiouy])e$/, "$1"], [/r(?![aeiouy])/g, ""], [/ng/g, "G"], [/[aeiouyw]+/g, "V"],
    [/[bfv]/g, "p"], [/d/g, "t"], [/[cgq]/g, "k"], [/z/g, "j"], [/r/g, "l"],
  ];

  function sound(word) {
    if (!HANGUL.test(word)) return ENGLISH.reduce((w, [from, to]) => w.replace(from, to), word.toLowerCase());
    let out = "";
    for (const ch of word) {
      const s = ch.charCodeAt(0) - 0xac00, medial = Math.floor((s % 588) / 28);
      out += INITIAL[Math.floor(s / 588)] + (medial === 18 ? "" : "V") + FINAL[s % 28];
    }
    return out.replace(/ /g, "").replace(/V+/g, "V").replace(/ll+/g, "l");   // 얼라이어스: ㄹㄹ is one l
  }

  function consonants(sound) {
    return sound.replace(/V/g, "");
  }

  /* How far two sounds may be. */
  function soundTolerance(s) {
    return s.length < 4 ? 0 : s.length < 8 ? 1 : 2;
  }

  /* --- The index ----------------------------------------------------------------------------------- */

  /* The names of a page: its title (and the parts of "Title (Other name)") and its alias entries. */
  function names(doc) {
    const alias = blocks(doc.text).map(plain).find(b => b.trim().startsWith(ALIAS)) || "";
    const title = plain(doc.title);
    const all = [title, ...title.split(/[()]/), ...alias.trim().slice(ALIAS.length).split(",")];
    return all.flatMap(name => [name, name.replace(/^\s*(?:Amazon|AWS)\s+/, "")]);
  }

  class Index {
    /*
     * `docs`: Material's search documents ({ location, title, text, tags?, boost? }); `config`: the
     * search plugin's ({ separator, fields }); `synonyms`: [other word, the site's word] pairs.
     */
    constructor(docs, config, synonyms = []) {
      this.separator = new RegExp(config.separator, "g");
      const titleBoost = ((config.fields || {}).title || {}).boost || 1;
      const saturated = (tf) => tf * (K1 + 1) / (tf + K1);
      this.docs = docs.map(doc => ({ ...doc, page: doc.location.split("#")[0] }));
      this.pages = new Map(this.docs.map((d, i) => [d.location, i]).filter(([location]) => !location.includes("#")));
      this.postings = new Map();        // term → Map(document number → BM25 weight of its title and text)
      this.lower = [];                  // document number → its title and text in lower case (phrases)
      this.written = new Map();         // term → the term as the site writes it (`written`)
      this.names = new Map();           // a page's name, as its terms joined (no spaces) → its pages
      this.headings = new Map();        // a heading, the same way → the pages with it
      this.shown = new Map();           // document number → its blocks but the alias line (made on use)
      const named = new Set();          // terms of titles, headings, summaries, alias lines
      const add = (map, key, page) => key && map.set(key, (map.get(key) || new Set()).add(page));
      const tally = (terms) => terms.reduce((m, t) => m.set(t, (m.get(t) || 0) + 1), new Map());
      this.docs.forEach((doc, i) => {
        const title = plain(doc.title), text = plain(doc.text);
        const inTitle = tally(this.terms(title, true)), inText = tally(this.terms(text, true));
        for (const term of new Set([...inTitle.keys(), ...inText.keys()])) {
          if (!this.postings.has(term)) this.postings.set(term, new Map());
          const weight = titleBoost * saturated(inTitle.get(term) || 0) + saturated(inText.get(term) || 0);
          this.postings.get(term).set(i, weight);
        }
        this.lower.push((title + " " + text).toLowerCase().replace(/\s+/g, " "));
        const isPage = doc.location === doc.page;
        const lead = isPage ? blocks(doc.text).slice(0, 2).map(plain).join(" ") : "";
        for (const term of this.terms(title + " " + lead, true)) named.add(term);
        if (isPage) names(doc).forEach(name => add(this.names, this.terms(name).join(""), doc.page));
        else add(this.headings, this.terms(title).join(""), doc.page);
      });
      this.sorted = [...this.postings.keys()].sort();
      this.named = [...named].map(word => ({ word, letters: jamo(word) }));
      this.namedWords = named;
      this.syllables = new Set([...named].filter(word => word.length === 1));   // 키, 풀: parts of compounds
      this.latin = this.sorted.filter(t => LATIN.test(t)).map(word => ({ word, letters: word, sound: sound(word) }));
      this.synonyms = synonyms.map(([other, word]) => {
        const terms = this.terms(other);
        return { terms, sounds: terms.map(t => (LATIN.test(t) ? consonants(sound(t)) : null)), word: this.key(word) };
      }).filter(s => s.terms.length && s.word);
    }

    /* The terms of a text. `joined` adds the whole of a Latin word the separator splits
       (CloudFront → cloud, front, cloudfront), so that "cloudfront" is a term too. */
    terms(text, joined = false) {
      const terms = ranges(text, this.separator).map(([start, end]) => text.slice(start, end).toLowerCase());
      if (joined) for (const word of text.match(/[A-Za-z]*[a-z][A-Z][A-Za-z]*/g) || []) terms.push(word.toLowerCase());
      return terms;
    }

    /* A name or query as its terms joined by " ": the form names are compared in. */
    key(text) {
      return this.terms(text).join(" ");
    }

    has(term) {
      return this.postings.has(term);
    }

    /* Whether a title holds `key` (terms joined by " ", as `key` makes them). */
    titled(key) {
      this.titleKeys ??= this.docs.map(d => " " + this.key(d.title) + " ");
      return this.titleKeys.some(t => t.includes(" " + key + " "));
    }

    /* The terms that begin with `prefix`. */
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

    /* The terms that are the number `n`, not a longer one: 1 → 1, 1% ; not 10, 1.5 or 1918. */
    number(n) {
      return this.beginning(n).filter(term => !/[\d.,/]/.test(term.charAt(n.length)));
    }

    /* The nearest named terms to `word` within `bound` (Hangul on jamo), nearest and commonest first. */
    nearest(word, bound, entries = this.named) {
      const letters = jamo(word);
      return bound < 1 ? [] : this.pick(entries, e => distance(letters, e.letters, bound, true), bound);
    }

    /* The English words of the index that sound like a Hangul word of three consonants or more
       (세이빙스 → savings), or whose beginning does, a little further (스티키 → stickiness). */
    english(word) {
      const s = sound(word), bound = Math.min(1, soundTolerance(s));
      const far = e => Math.min(distance(s, e.sound, bound), distance(s, e.sound, bound, true) + 0.5);
      return consonants(s).length < 3 ? [] : this.pick(this.latin, far, bound);
    }

    /* The entries within `bound` of a word (by `far`), the nearest and commonest first, none that
       begins with one chosen before. */
    pick(entries, far, bound) {
      const found = [];
      for (const e of entries) {
        const d = far(e);
        if (d <= bound) found.push({ word: e.word, d, n: this.postings.get(e.word).size });
      }
      found.sort((x, y) => x.d - y.d || y.n - x.n);
      const chosen = [];
      for (const { word, d } of found) {
        if (d > found[0].d || chosen.length === MAX_CANDIDATES) break;
        if (!chosen.some(c => word.startsWith(c))) chosen.push(word);
      }
      return chosen;
    }

    /*
     * A Hangul word as the fewest known terms: 고객마스터키 → 고객 마스터 키. A one-syllable part must
     * be a named term (키, 풀); the last part may be the beginning of a term (the reader is typing).
     */
    compound(word) {
      const n = word.length, best = [[]];
      for (let i = 1; i <= n; i++) {
        best[i] = null;
        for (let j = 0; j < i; j++) {
          const part = word.slice(j, i);
          const known = part.length === 1 ? this.syllables.has(part)
            : this.has(part) || (i === n && this.beginning(part).length > 0);
          if (best[j] && known && (!best[i] || best[j].length + 1 < best[i].length)) best[i] = [...best[j], part];
        }
      }
      return best[n] && best[n].length > 1 && this.together(best[n]) ? best[n] : null;
    }

    /* Whether one section holds every part (the last as the beginning of a term): a word no section has, split
       into syllables that are each somewhere (키네시스 → 키 네 시스), is not a compound of the site's words. */
    together(parts) {
      let found = null;
      parts.forEach((part, i) => {
        const here = new Set((i === parts.length - 1 ? this.beginning(part) : [part])
          .flatMap(term => [...this.postings.get(term).keys()]));
        found = found ? new Set([...found].filter(doc => here.has(doc))) : here;
      });
      return found.size > 0;
    }

    /* The longest known beginning of a long word that also holds something unknown (사설아이피 → 사설). */
    known(word) {
      for (let i = word.length - 1; i >= 2 && word.length >= 4; i--)
        if (this.has(word.slice(0, i))) return [word.slice(0, i)];
      return [];
    }

    search(query, options = {}) {
      return search(this, query, options);
    }
  }

  /* --- Queries ------------------------------------------------------------------------------------- */

  /* A query cut to MAX_CHARS at a space (a longer one is a paste, not a search). */
  function clip(query) {
    if (query.length <= MAX_CHARS) return query.trim();
    const cut = query.slice(0, MAX_CHARS);
    return (/\s/.test(query[MAX_CHARS]) ? cut : cut.replace(/\S*$/, "") || cut).trim();
  }

  /*
   * The words of a query: { text, presence, terms } — presence "+" (must match), "-" (must not) or ""
   * (scores). Other lunr syntax (field:, ~2, ^2, *) is only characters the separator drops.
   */
  function words(index, query) {
    return clip(query).split(/\s+/).filter(w => w && !PARTICLES.has(w)).slice(0, MAX_WORDS).map(text => {
      const presence = /^[+-]/.test(text) ? text[0] : "";
      const terms = index.terms(text).filter((t, i) => i === 0 || !PARTICLES.has(t));   // SQS랑 → sqs
      return { text, presence, terms };
    }).filter(w => w.terms.length);
  }

  /*
   * The clauses of a typed word, one per term it means: { typed, presence, alternatives: [{ term,
   * exact, weight }] }. A document matches a clause when it has one of the alternatives (a term
   * that begins with it, or the term itself when exact); `typed` is listed as missing where it does not.
   */
  function clauses(index, word) {
    const { terms, presence } = word, out = [];
    const alternatives = (list, exact, weight) => list.map(term => ({ term, exact, weight }));
    for (const term of terms) {
      if (INTEGER.test(term)) {
        const same = index.number(term);
        out.push({ typed: term, presence, alternatives: alternatives(same.length ? same : [term], true, 1) });
      } else if (index.beginning(term).length || /^[\d.,%/]+$/.test(term)) out.push(clause(term, presence));
      else if (presence !== "-") {
        // The separator may have taken the last syllable for a particle (정책평가 → 정책평): split the run.
        const run = (word.text.match(/[가-힣]+/g) || []).find(r => r !== term && r.startsWith(term));
        const parts = (run && index.compound(run)) || (HANGUL.test(term) && index.compound(term));
        // English written in Hangul is heard whole rather than split where a part is a rare unnamed word and
        // the whole has the consonants of a named English word: 스테이트풀 is stateful, not 스테이트 (once, in
        // the glossary) + 풀; 웜풀 is the named 웜 풀, 키사용 is 키 + 사용 (it sounds like guessing), 노드수 노드 + 수.
        const rare = part => !index.namedWords.has(part) && (index.postings.get(part) || { size: Infinity }).size <= RARE;
        const heard = parts && !run && parts.some(rare)
          ? index.english(term).filter(word => index.namedWords.has(word)
            && consonants(sound(word)) === consonants(sound(term))) : [];
        if (heard.length) out.push({ typed: term, presence, alternatives: alternatives(heard, false, GUESS) });
        else if (parts) out.push(...parts.map(part => clause(part, presence)));
        else out.push({ typed: term, presence, alternatives: alternatives(guesses(index, term), false, GUESS) });
      }
    }
    return out;
  }

  /* A clause that searches `term` as it is. */
  function clause(term, presence = "", site = false) {
    return { typed: term, presence, alternatives: [{ term, exact: false, weight: 1 }], site };
  }

  /* What an unknown term may mean: the nearest named terms; else its known parts (사설아이피 → 사설) and
     English that sounds like it (세이빙스 → savings); else itself. */
  function guesses(index, term) {
    let near = index.nearest(term, tolerance(term));
    if (!near.length && HANGUL.test(term)) near = [...index.known(term), ...index.english(term)];
    if (!near.length && LATIN.test(term)) near = index.nearest(term, tolerance(term), index.latin);
    return near.length ? near : [term];
  }

  /*
   * The query and its variants in the site's words: where the typed words hold another word for a
   * site term (data/terminology.yml, the glossary), or are part of one (two words or more, or an
   * unknown last word of two: "subscription" of "SNS subscription"), the site's word takes their
   * place — spelled (NAT gateway → NAT 게이트웨이) or heard (스텝 스케일링 sounds like step scaling →
   * 단계 조정; of the words heard, only the nearest). Each variant: { clauses, keys } (keys: the query
   * as names are compared, for `rank`).
   */
  function variants(index, query) {
    const typed = words(index, query);
    const base = typed.flatMap(w => clauses(index, w));
    const positive = base.filter(c => c.presence !== "-"), excluded = base.filter(c => c.presence === "-");
    const said = typed.filter(w => w.presence !== "-").flatMap(w => w.terms);
    const heard = said.map(t => (HANGUL.test(t) ? consonants(sound(t)) : null));
    const first = positive.map(c => c.alternatives[0].term);
    // How far the synonym's terms from `at` are from `n` typed terms from `from`: 0 when spelled the
    // same, the sum of sound distances when heard, Infinity when neither or when heard only and short.
    const far = (synonym, at, from, n) => {
      let sum = 0, spelled = false, length = 0;
      for (let i = 0; i < n; i++) {
        const t = synonym.terms[at + i], s = synonym.sounds[at + i], h = heard[from + i];
        if (said[from + i] === t) { spelled = true; continue; }
        const d = h === null || s === null ? Infinity : distance(h, s, soundTolerance(s));
        if (d === Infinity) return d;
        sum += d;
        length += h.length;
      }
      return spelled || length >= 4 ? sum : Infinity;
    };
    const unknown = said.length === 1 && !index.beginning(said[0]).length
      && !index.nearest(said[0], tolerance(said[0])).length;
    // Each variant's terms: the site's word, which a document must hold whole (Elastic IP → 탄력적 IP 주소, not
    // a title with "IP 주소"), among the other typed words, which it need not (route table 전파).
    const found = [];
    const add = (d, text, mark) => d < Infinity && found.push({ d, text, mark });
    const titled = said.length > 1 && index.titled(said.join(" "));
    for (const synonym of index.synonyms) {
      const m = synonym.terms.length, length = synonym.word.split(" ").length;
      for (let from = 0; from + m <= said.length; from++)       // the query holds the other word
        add(far(synonym, 0, from, m), () => [...said.slice(0, from), synonym.word, ...said.slice(from + m)],
          (i) => ({ required: i >= from && i < from + length, unmarked: false }));
      // The query is part of it: where the site's word has as many terms as the other word, the terms the
      // query did not stand for (그룹 of 오토 스케일링 → Auto Scaling 그룹) find the page but are not marked.
      // Not when a page or section title holds the typed terms as they stand (Route 53 is not 장애 조치 라우팅 of
      // Route 53 failover …); a heard spelling (라우트 53) is still taken for part of them.
      if (said.length < m && (said.length > 1 ? !titled : m === 2 && unknown))
        for (let at = said.length > 1 ? 0 : 1; at + said.length <= m; at++)
          add(far(synonym, at, 0, said.length) + 0.5, () => [synonym.word],
            (i) => ({ required: true, unmarked: length === m && (i < at || i >= at + said.length) }));
    }
    const nearest = Math.min(...found.map(f => f.d));
    const out = [{ clauses: base, keys: [first.join(" ")] }];
    for (const { d, text, mark } of found) {
      const key = index.key(text().join(" "));
      if (d > nearest || out.length === MAX_VARIANTS || out.some(v => v.keys[0] === key)) continue;
      const site = key.split(" ").map((t, i) => ({ ...clause(t, "", true), ...mark(i) }));
      out.push({ clauses: [...excluded, ...site], keys: [key] });
    }
    return out;
  }

  /* --- Scoring ------------------------------------------------------------------------------------- */

  /*
   * The documents that a variant finds: document number → { score, terms }; of a synonym's variant, only
   * those that hold all of the site's word. Each clause scores its
   * best alternative: BM25 (no length normalisation, as Material's; titles weigh `fields.title.boost`)
   * times idf; the sum times the document's boost, times (1 + (matched/clauses)²) and more for a
   * page's own document (as Material scores), and twice that where the typed words stand as a phrase.
   */
  function score(index, variant) {
    const n = index.docs.length, found = new Map(), positive = variant.clauses.filter(c => c.presence !== "-");
    const matches = (clause) => {
      const best = new Map();     // document number → [score, alternative]
      for (const alt of clause.alternatives)
        for (const term of alt.exact ? (index.has(alt.term) ? [alt.term] : []) : index.beginning(alt.term)) {
          const postings = index.postings.get(term);
          const idf = Math.log(1 + (n - postings.size + 0.5) / (postings.size + 0.5));
          const weight = idf * alt.weight * (term === alt.term ? 1 : PREFIX);
          for (const [doc, w] of postings)
            if (!best.has(doc) || best.get(doc)[0] < weight * w) best.set(doc, [weight * w, alt.term]);
        }
      return best;
    };
    const each = positive.map(matches);
    const excluded = new Set(variant.clauses.filter(c => c.presence === "-").flatMap(c => [...matches(c).keys()]));
    const phrase = positive.length > 1 && variant.keys[0];
    for (const doc of new Set(each.flatMap(m => [...m.keys()]))) {
      if (excluded.has(doc) || positive.some((c, i) => (c.presence === "+" || c.required) && !each[i].has(doc))) continue;
      const terms = {};
      let total = 0, matched = 0;
      positive.forEach((clause, i) => {
        const hit = each[i].get(doc);
        if (hit) { total += hit[0]; matched++; if (!clause.unmarked) terms[hit[1]] = true; }
        else if (!clause.site && !(clause.typed in terms)) terms[clause.typed] = false;
      });
      const d = index.docs[doc], coverage = matched / positive.length;
      const s = total * (d.boost || 1) * (1 + (+(d.location === d.page) + coverage) ** 2)
        * (phrase && index.lower[doc].includes(phrase) ? 2 : 1);
      found.set(doc, { score: s, terms });
    }
    return found;
  }

  /* --- Results ------------------------------------------------------------------------------------- */

  /* `text` as HTML: escaped, with <mark> around each term that begins with a searched term (or is
     one, for `exact`). */
  function highlight(index, text, searched) {
    let html = "", at = 0;
    for (let [start, end] of ranges(text, index.separator)) {
      if (start < at) continue;
      const term = text.slice(start, end).toLowerCase();
      // a term written with the syllable the separator took for a particle (게이트웨이) is marked whole
      const t = searched.find(t => (t.exact ? term === t.term : term.startsWith(t.term)
        || (t.term.startsWith(term) && text.slice(start, start + t.term.length).toLowerCase() === t.term)));
      if (!t) continue;
      end = Math.max(end, start + t.term.length);
      html += escapeHTML(text.slice(at, start)) + "<mark>" + escapeHTML(text.slice(start, end)) + "</mark>";
      at = end;
    }
    return html + escapeHTML(text.slice(at));
  }

  /* A found term as the site writes it, for the result's <mark>s. The separator takes a Hangul word's
     last syllable for a particle when it reads as one (게이트웨이 → 게이트웨); where the site writes the
     term only with that syllable (never 게이트웨 alone or with another ending), the mark keeps it. */
  function written(index, term) {
    if (!/[가-힣]{2}$/.test(term)) return term;
    if (!index.written.has(term)) {
      let only = null;   // the syllable every word-initial occurrence has next, while there is one
      search: for (const lower of index.lower)
        for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
          if (at > 0 && /[0-9a-z가-힣]/.test(lower[at - 1])) continue;
          const next = lower[at + term.length] || "";
          if (next.length !== 1 || !PARTICLES.has(next) || (only && next !== only)) {   // a one-syllable particle
            only = null;
            break search;
          }
          only = next;
        }
      index.written.set(term, only ? term + only : term);
    }
    return index.written.get(term);
  }

  /* What Material's on-page highlighter can mark of a found term (?h=). It turns a few characters into
     spaces, escapes the rest, then splits on the separator: a piece left empty marks every position of
     the page (게이트웨이 → 게이트웨|), a cut one stray digits (10.0.0.0/16 → 10|.0|…). A term it would
     split is sent as the index's terms it holds that it keeps whole, or not at all (then it is marked
     in the result only). */
  function highlightable(index, term) {
    const whole = (t) => {
      const escaped = t.replace(MATERIAL_SPACES, " ").replace(MATERIAL_ESCAPES, "\\$&");
      const pieces = ranges(escaped, index.separator);
      return pieces.length === 1 && pieces[0][0] === 0 && pieces[0][1] === escaped.length;
    };
    return whole(term) ? [term] : index.terms(term).filter(whole);
  }

  /*
   * What a result shows under its title: the text of the block with the most searched terms (the
   * first of those), never the "다른 이름·관련어" alias line (the page's summary instead), cut at spaces to
   * about SNIPPET characters around its first match.
   */
  function snippet(index, doc, searched) {
    if (!index.shown.has(doc)) index.shown.set(doc, blocks(index.docs[doc].text)
      .map(b => plain(b, "").replace(/\s+/g, " ").trim()).filter(b => b && !b.startsWith(ALIAS))
      .map(text => ({ text, lower: text.toLowerCase() })));
    const all = index.shown.get(doc), count = (b) => searched.filter(t => b.lower.includes(t.term)).length;
    const { text: best, lower } = all.reduce((b, block) => (count(block) > count(b) ? block : b), all[0] || { text: "", lower: "" });
    // around the first match whose window shows the most searched terms (탄력적 IP: not an early lone "IP")
    const hits = searched.flatMap(t => {
      const at = [];
      for (let i = lower.indexOf(t.term); i >= 0 && at.length < HITS; i = lower.indexOf(t.term, i + 1)) at.push(i);
      return at;
    }).sort((x, y) => x - y);
    const shown = (i) => searched.filter(t => {
      const j = lower.indexOf(t.term, Math.max(0, i - SNIPPET / 4));
      return j >= 0 && j < i + SNIPPET * 3 / 4;
    }).length;
    const first = hits.reduce((pick, i) => (shown(i) > shown(pick) ? i : pick), hits.length ? hits[0] : best.length);
    const from = best.lastIndexOf(" ", Math.max(0, Math.min(first - SNIPPET / 4, best.length - SNIPPET))) + 1;
    const to = best.length - from > SNIPPET ? best.indexOf(" ", from + SNIPPET) : -1;
    const text = best.slice(from, to < 0 ? best.length : to);
    return best && `<p>${from > 0 ? "… " : ""}${highlight(index, text, searched)}${to < 0 ? "" : " …"}</p>`;
  }

  /* A document as Material's SearchItem. Title, text and tags are HTML to Material's renderer: ours
     are the index's text, escaped, with <mark>s. */
  function item(index, doc, score, terms, exact) {
    const d = index.docs[doc];
    const searched = Object.keys(terms).filter(t => terms[t])
      .map(term => ({ term: written(index, term), exact: exact.has(term) }));
    // ?h= (Material's on-page highlight) gets only what Material keeps whole: `highlightable`
    const given = Object.fromEntries(Object.entries(terms).flatMap(([t, hit]) =>
      (hit ? highlightable(index, t) : [t]).map(key => [key, hit])));
    const found = { location: d.location, title: highlight(index, plain(d.title, ""), searched),
      text: snippet(index, doc, searched), score, terms: given };
    if (d.tags) found.tags = d.tags.map(escapeHTML);
    return found;
  }

  /*
   * The search: every variant scored, each document its best; grouped by page, the page's own
   * document first with the page's best score (Material's renderer then shows the sections that
   * score as much, and folds the others); ranked. `options.suggest`: Material's search.suggest.
   */
  function search(index, query, options = {}) {
    const all = variants(index, query), best = new Map();
    for (const variant of all)
      for (const [doc, found] of score(index, variant))
        if (!best.has(doc) || best.get(doc).score < found.score) best.set(doc, found);
    const exact = new Set(all.flatMap(v => v.clauses.flatMap(c => c.alternatives)).filter(a => a.exact).map(a => a.term));
    const groups = new Map();
    for (const [doc, found] of best) {
      const page = index.docs[doc].page;
      groups.set(page, [...(groups.get(page) || []), { doc, ...found }]);
    }
    const items = [...groups].map(([page, docs]) => {
      docs.sort((x, y) => y.score - x.score);
      const own = index.pages.get(page), sections = docs.filter(d => d.doc !== own);
      const list = sections.map(d => item(index, d.doc, d.score, d.terms, exact));
      if (own === undefined) return list;
      const article = docs.find(d => d.doc === own);
      const found = (terms) => Object.fromEntries(Object.entries(terms).filter(([, hit]) => hit));
      const terms = article ? article.terms : found(docs[0].terms);
      return [item(index, own, docs[0].score, terms, exact), ...list];
    });
    const result = { items: rank(index, items, all.flatMap(v => v.keys)) };
    if (!result.items.length) {
      // Korean typed with the keyboard left in English mode (qhdks rmfnq = 보안 그룹): each word the site does not
      // know, as its Hangul (a stray key leaves its word as typed), if that finds pages.
      const words = String(query).split(/\s+/).filter(Boolean);
      const typed = words.map(w => (index.beginning(w.toLowerCase()).length ? null : hangulOfKeys(w)) || w);
      const found = typed.some((w, i) => w !== words[i]) ? search(index, typed.join(" ")).items : [];
      result.items = found.length && found[0][0].score > 0 ? found : suggestions(index, query);
    }
    if (options.suggest) result.suggest = completion(index, query);
    return result;
  }

  /*
   * The Hangul that `text` types on the standard Korean keyboard (두벌식) when the keyboard is left in English
   * mode, or null when `text` is not Latin letters making whole syllables (vpc, zzzz). Own code: es-hangul's
   * convertQwertyToHangul does this, but ships as a CommonJS bundle a classic worker cannot importScripts.
   */
  const KEYS = Object.fromEntries([..."rRseEfaqQtTdwWczxvgkoiOjpuPhynbml"].map((key, i) =>
    [key, "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ"[i]]));
  const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ", MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  const FINALS = ["", ..."ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"];
  const PAIRS = { ㅗㅏ: "ㅘ", ㅗㅐ: "ㅙ", ㅗㅣ: "ㅚ", ㅜㅓ: "ㅝ", ㅜㅔ: "ㅞ", ㅜㅣ: "ㅟ", ㅡㅣ: "ㅢ", ㄱㅅ: "ㄳ", ㄴㅈ: "ㄵ", ㄴㅎ: "ㄶ",
    ㄹㄱ: "ㄺ", ㄹㅁ: "ㄻ", ㄹㅂ: "ㄼ", ㄹㅅ: "ㄽ", ㄹㅌ: "ㄾ", ㄹㅍ: "ㄿ", ㄹㅎ: "ㅀ", ㅂㅅ: "ㅄ" };

  function hangulOfKeys(text) {
    if (!/^[a-z ]*[a-z][a-z ]*$/i.test(text)) return null;
    if (text === text.toUpperCase()) text = text.toLowerCase();  // Caps Lock: no shifted keys meant
    const keys = [...text].map(key => KEYS[key] || KEYS[key.toLowerCase()] || key);
    let out = "";
    for (let i = 0; i < keys.length;) {
      if (keys[i] === " ") { out += keys[i++]; continue; }
      if (!INITIALS.includes(keys[i]) || !MEDIALS.includes(keys[i + 1] || "-")) return null;
      const initial = keys[i];
      let medial = keys[i + 1], final = "";
      i += 2;
      if (PAIRS[medial + keys[i]] && MEDIALS.includes(PAIRS[medial + keys[i]])) medial = PAIRS[medial + keys[i++]];
      // A consonant closes the syllable unless a vowel follows it (then it begins the next one).
      if (FINALS.includes(keys[i]) && keys[i] && !MEDIALS.includes(keys[i + 1] || "-")) {
        final = keys[i++];
        const pair = PAIRS[final + keys[i]];
        if (pair && !MEDIALS.includes(keys[i + 1] || "-")) { final = pair; i++; }
      }
      out += String.fromCharCode(0xac00 + (INITIALS.indexOf(initial) * 21 + MEDIALS.indexOf(medial)) * 28 + FINALS.indexOf(final));
    }
    return out;
  }

  /*
   * The order of the result pages: pages the query names (their title or an alias entry is the query,
   * or the site's word for it) first, then pages with such a heading, then by score; an overview page
   * (`search: boost` below 1: home, categories, the glossary) does not come first unless named. Scores
   * then fall down the list (a page scaled to the one above it): Enter in Material's search box opens
   * the result with the highest score.
   */
  function rank(index, groups, keys) {
    const has = (map, page) => keys.some(k => map.has(k.replace(/ /g, "")) && map.get(k.replace(/ /g, "")).has(page));
    const ranked = groups.map(group => {
      const page = group[0].location.split("#")[0];
      const own = index.docs[index.pages.get(page)];
      const tier = has(index.names, page) ? 0 : has(index.headings, page) ? 1 : 2;
      return { group, tier, overview: own && own.boost < 1 };
    }).sort((x, y) => x.tier - y.tier || y.group[0].score - x.group[0].score);
    const first = ranked.findIndex(x => !x.overview);
    if (first > 0 && ranked[0].tier === 2) ranked.unshift(...ranked.splice(first, 1));
    let ceiling = Infinity;
    for (const { group } of ranked) {
      const scale = Math.min(1, ceiling / group[0].score);
      group.forEach(item => (item.score *= scale));
      ceiling = group[0].score;
    }
    return ranked.map(x => x.group);
  }

  /* The nearest pages for a query that found nothing (looser tolerance; not near an excluded word), else
     the home page (scored NOTHING_NEAR: not a guess at what was meant). */
  function suggestions(index, query) {
    const near = words(index, query).filter(w => w.presence !== "-").flatMap(w => w.terms).filter(t => t.length > 1)
      .flatMap(t => index.nearest(t, Math.max(1, tolerance(t) + 1)));
    const found = [...score(index, { clauses: near.map(t => clause(t)), keys: [] })]
      .sort((x, y) => y[1].score - x[1].score);
    const pages = found.map(([doc]) => index.docs[doc].page);
    return [...new Set(pages.length ? pages : [""])].filter(page => index.pages.has(page)).slice(0, 3)
      .map(page => [item(index, index.pages.get(page), pages.length ? SUGGESTED : NOTHING_NEAR, {}, new Set())]);
  }

  /* A named word that is another named word with a particle or a verb ending (인스턴스와, 캐시해). */
  function inflected(index, word) {
    return [1, 2].some(n => index.namedWords.has(word.slice(0, -n))
      && (PARTICLES.has(word.slice(-n)) || VERB_ENDINGS.has(word.slice(-n))));
  }

  /*
   * Material's search.suggest: the named term that the last typed word begins, which Material offers to
   * complete the query with (not an `inflected` one). Material writes the typed query into the page as
   * HTML there, so a query with markup characters gets none.
   */
  function completion(index, query) {
    const last = /[<>&]|\s$/.test(query) ? null : index.terms(query).pop();
    const found = last ? index.named.filter(e => e.word.startsWith(last) && e.word !== last
      && !inflected(index, e.word)) : [];
    found.sort((x, y) => index.postings.get(y.word).size - index.postings.get(x.word).size);
    return found.length ? [found[0].word] : [];
  }

  return { Index, escapeHTML, jamo, distance, tolerance, sound, clip, words, variants, highlight, hangulOfKeys, SUGGESTED, NOTHING_NEAR,
    PARTICLES };
})();

if (typeof module === "object" && module.exports) module.exports = KoreanSearch;
