/*
 * tongbao — client-side search (站内搜索).
 *
 * The search page (layouts/search.html) gives this script the address of
 * search-index.json (data-index), which lists the parts of the index, and
 * the site's base path (data-base), so every address honours baseURL's
 * path. The script reads ?q=, loads the index once (all its parts at
 * once), ranks the documents and lists them with the matched words
 * in <mark>. Typing searches as you go and keeps the address bar current
 * (history.replaceState), so a search can be bookmarked; without script
 * the form still submits ?q= to the same page.
 *
 * Plain ES2017, no library, nothing fetched but the index. Text from the
 * index (titles, 文号, text) is untrusted: it is only ever inserted with
 * textContent or text nodes, never as markup.
 *
 * The index is the documents' plain text; the search scans it. A query
 * is split into tokens (tokenize: Han characters and pairs, and words), a
 * document's text is folded once into the form those tokens are spelled
 * in (fold), and each token is counted where it occurs (occurrences).
 * Scanning is linear in the text, a few milliseconds a megabyte, so a
 * site of tens of megabytes of text is still searched as one types. The
 * rules are written out in Go in internal/search/tokenize_ref_test.go;
 * internal/search/js_test.go runs this file under node against them.
 */
(function () {
  "use strict";

  // Character classes of every code point from U+0080, generated from Go's
  // internal/search.classify by
  //   go test ./internal/search -run TestJSClassTable -update
  // Do not edit by hand. Ranges: gap since the previous range's end, class
  // letter (x Han, y word, z ignored), length; base 32; comma-separated.
  const CLASSES =
  "1ay1,2z1,4y2,1y1,3y2,1y3,1yn,1yv,1yea,4yc,ey5,7y1,1y1,hz3g,0y5,1y2,2y4,1y1,6y1,1y3,1y1,1yk,1y2j,1y4b,1z7,0y56,1y16,2y1,6y19,8z1d,1z1,1z2,1z2,1z1,8yr,4y4,tzb,5y1b,0zl,0ya,4y2,0z1,0y33,1y1,0z7,2z6,0y2,0z2,1z4,0yf,2y1,gy1,0z1,0yu,0zr,2y2p,0zb,0y1,ey1b,0z9,0y2,4y1,2z1,2ym,0z4,0y1,0z9,0y1,0z3,0y1,0z5,iyp,0z3,4yb,5yo,1y6,9z8,0y1a,0zo,1z11,0y1m,0z3,0y1,0zi,0y1,0z7,0ya,0z2,2ya,1yg,0z3,1y8,2y2,2ym,1y7,1y1,3y4,2z1,0y1,0z7,2z2,2z3,0y1,8z1,4y2,1y3,0z2,2yc,2y6,2y1,1z1,2z3,1y6,4y2,2ym,1y7,1y2,1y2,1y2,2z1,1z5,4z2,2z3,3z1,7y4,1y1,7ya,0z2,0y3,0z1,bz3,1y9,1y3,1ym,1y7,1y2,1y5,2z1,0y1,0z8,1z3,1z3,2y1,fy2,0z2,2ya,9y1,0z6,1z3,1y8,2y2,2ym,1y7,1y2,1y5,2z1,0y1,0z7,2z2,2z3,7z3,4y2,1y3,0z2,2ya,1y7,az1,0y1,1y6,3y3,1y4,3y2,1y1,1y2,3y2,3y3,3yc,4z5,3z3,1z4,2y1,6z1,eyd,dz5,0y8,1y3,1yn,1yg,2z1,0y1,0z7,1z3,1z4,7z2,1y3,2y1,2y2,0z2,2ya,8y7,1y1,0z3,1y8,1y3,1yn,1ya,1y5,2z1,0y1,0z7,1z3,1z4,7z2,6y2,1y2,0z2,2ya,1y2,0z1,cz4,0y9,1y3,1y19,0z2,0y1,0z7,1z3,1z4,0y1,5y3,0z1,0ya,0z2,2yj,1y6,1z3,1yi,3yo,1y9,1y1,2y7,3z1,4z6,1z1,1z8,6ya,2z2,dy1g,0z1,0y2,0z7,5y7,0z8,1ya,17y2,1y1,1y5,1yo,1y1,1ya,0z1,0y2,0z9,0y1,2y5,1y1,1z7,1ya,2y4,10y1,nz2,6yk,1z1,1z1,1z1,4z2,0y8,1y14,4zk,1z2,0y5,0zb,1z14,9z1,1py1b,0zk,0yb,6y6,0z4,0y4,0z3,0y1,0z3,0y2,0z7,0y3,0z4,0yd,0zc,0y1,0z1,0ya,0z4,2y16,1y1,5y1,2y1b,1yad,1y4,2y7,1y1,1y4,2y19,1y4,2y11,1y4,2y7,1y1,1y4,2yf,1y1p,1y4,2y23,2z3,9yk,3yg,gy2m,2y6,3yjc,2yh,1yq,5y2b,3yb,7yi,0z4,9yj,0z3,byi,0z2,cyd,1y3,1z2,cy1k,0z10,3y1,4y1,0z1,2ya,6ya,hz3,1z1,0ya,6y2p,7y5,0z2,0y12,0z1,0y1,5y26,ayv,1zc,4zc,ay18,2y5,by1c,4yq,6yb,15yn,0z5,4y1l,0za,1zt,2z1,0ya,6ya,dy1,8zv,1hz5,0y1f,0zh,0y8,3ya,hz9,cz3,0yu,0zd,0y1o,0ze,cy14,0zk,8ya,3y1h,2y9,7y1b,2y3,gz3,1zl,0y4,0z1,0y6,0z1,0y2,0z3,0y1,5y60,0z20,0y8m,2y6,2y16,2y6,2y8,1y1,1y1,1y1,1yv,2y1l,1y7,1y1,3y3,1y7,3y4,2y6,4yd,5y3,1y7,3jy2,2y6,5yb,6yd,1jz11,hy1,4y1,2ya,1y1,3y5,6y1,1y1,1y1,1y4,1yb,2y4,5y5,4y1,1y1q,mmy1s,2eym,jmyu,13cy75,6y4,0z3,0y2,9y1,2y16,1y1,5y1,2y1o,7y1,fz1,0yn,9y7,1y7,1y7,1y7,1y7,1y7,1y7,1y7,1z10,1fy1,2gxq,1x2p,cx6m,1fx1,0y1,0x1,px9,0z6,1y5,2x4,0y1,4y2m,2z2,2y3,1y2q,1y4,5y1b,1y2u,3y4,ay10,1gyg,10ya,uy8,1yf,10ya,17yf,a0x6e0,20xkg0,0y14d,23y1e,2y8d,3ys,ky1f,0z4,1za,1yv,0z2,0y2g,0z2,15y9,2y37,2y20,5y2,1y1,1y5,oyg,0z1,0y3,0z1,0y4,0z1,0yn,0z5,4z1,3y6,ay1k,cz2,0y1i,0zi,aya,6zi,0y6,3y1,1y2,0z1,0y16,0z8,2yn,0zd,cyt,3z4,0y1f,0ze,eyb,6y5,0z1,0yp,1y19,0ze,9y3,0z1,0y8,0z2,2ya,6yn,3y1,0z3,0y1i,0z1,0y1,0z3,0y2,0z2,0y5,0z2,0y1,0z1,0y1,oy3,2yb,0z5,2y3,0z2,ay6,2y6,2y6,9y7,1y7,1y1b,1ye,6y3j,0z8,1z2,2ya,6yat4,cyn,4y1h,884xbe,2x3a,16y7,cy5,5y1,0z1,0ya,1yd,1y5,1y1,1y2,1y2,1y3c,11ybb,iy20,2y1m,18yc,4zg,gzg,20y5,1y47,jya,7yq,6yq,by2p,3y6,2y6,2y6,2y3,13yc,1yq,1yj,1y2,1yf,2ye,12y3r,cy1d,cy1p,hy2,3hz1,42yt,3y1h,fz1,0yr,4y14,9yu,5y16,0z5,5yu,2y14,4y8,1y5,1ay4u,2ya,6y14,4y14,4y18,8y1k,cyb,1yf,1y7,1y2,1yb,1yf,1y7,1y2,23y9n,9ym,ay8,oy6,1y1a,1y9,25y6,2y1,1y1c,1y2,3y1,2yn,2yv,2y16,8y9,1gyj,1y2,5y11,4yq,26y1o,4yk,2y1f,0z3,1z2,5z4,0y4,1y3,1yt,2z3,4z1,0y9,nyv,1y10,10y8,1ys,0z2,4y5,gy1m,aym,2yr,5yq,ny7,2gy29,1ny1j,dy1j,7y1a,0z4,8ya,96yv,1y1a,1z2,3y2,2bz3,0y18,8ym,0zb,0y4,ryi,0z4,1ays,kyn,9z3,0y1l,0zf,byu,0z1,0y2,0z2,0y1,9z4,0y1d,0zb,7z1,dyp,7ya,6z3,0y14,0ze,1ya,4y1,0z2,0y1,8y13,0z1,2y1,9z3,0y1g,0ze,0y4,4z4,1z2,0yb,1y1,4yk,byi,1yp,0zc,6z1,0y2,0z1,1uy7,1y1,1y4,1yf,1ya,7y1f,0zc,5ya,6z4,1y8,2y2,2ym,1y7,1y2,1y5,1z2,0y1,0z7,2z2,2z3,2y1,6z1,5y5,0z2,2z7,3z5,4by1l,0zi,0y4,5ya,4z1,0y3,uy1g,0zk,0y2,1y1,8ya,56y1f,0z7,2z9,ny4,0z2,12y1g,0zh,3y1,bya,16y1b,0zd,0y1,7ya,1myr,2zf,4yc,4y7,5py1c,0zf,35y2j,cy8,2y1,2y8,1y2,1yo,0z6,1z2,2z4,0y1,0z1,0y1,0z2,cya,26y8,2y17,0z7,2z7,0y1,1y1,0z1,ry1,0za,0y18,0z7,0y1,0z4,8z1,8y1,0zb,0y1e,0zg,3y1,iy29,87y9,1y15,0z8,1z8,0y1,fyt,5yu,2zm,1ze,29y7,1y2,1y16,0z6,3z1,1z2,1z7,0y1,0z1,8ya,6y6,1y2,1y10,0z5,1z2,1z5,0y1,7ya,9myj,0z4,9z2,0y1,0z1,0yd,1y12,0z7,3z5,dya,2my1,fyl,1bysq,36y3f,hy64,2icy31,fy11g,gz1,0y6,0zf,3tayi7,8dpyhp,7yv,1ya,6y2f,1ya,6yu,2z5,by1g,0z7,9y4,cya,1y7,1yl,5yj,lgy2n,39y2b,4z1,0y1,0z1n,7z4,0yd,20y2,0x2,0z1,bz2,ey5vo,8y16m,1ay9,8n7y4,1y7,1y2,1y93,fy1,ty3,2y1,ey4,8ycc,284y3b,5yd,3y9,7ya,3z2,4j1z1e,2zn,guz5,3z6,8z8,2z7,uz4,4kz3,3ryk,cyk,3cyp,47y2l,1y27,1y2,2y1,2y2,2y4,1yc,1y1,1y7,1y21,1y4,2y8,1y7,1ys,1y4,1y5,1y1,3y7,1yak,2yp,1yp,1yv,1yp,1yv,1yp,1yv,1yp,1yv,1yp,1y8,2y1i,g0z1n,4z1i,8z1,ez1,mz5,1zf,12gyv,6y6,6lz7,1zh,2z7,1z2,1z5,5y1u,11z1,3gy1d,3z7,0y7,2ya,4y1,a1yu,0z1,hy1c,0z4,0ya,emys,0z4,0ya,n6y7,1y4,1y2,1yf,1y65,2y9,0z7,19y24,0z7,0y1,4ya,ony1r,1y3,1y4,2cy1d,1yf,62y4,1yr,1y2,1y1,2y1,1ya,1y4,1y1,1y1,6y1,4y1,1y1,1y1,1y3,1y2,1y1,2y1,1y1,1y1,1y1,1y1,1y2,1y1,2y4,1y7,1y4,1y4,1y1,1ya,1yh,5y3,1y5,1yh,i4yd,2n3ya,106x19n0,10x41q,6x6u,2x5k2,ex79h,30vxgu,1f2x4qb,5x430,lnagz7g";

  const SEPARATOR = 0;
  const HAN = 1;
  const WORD = 2;
  const IGNORED = 3;

  // The table, decoded once: sorted, disjoint ranges [start, end).
  const rangeStart = [];
  const rangeEnd = [];
  const rangeClass = [];
  (function decodeClasses() {
    const letters = { x: HAN, y: WORD, z: IGNORED };
    let end = 0x80;
    for (const part of CLASSES.split(",")) {
      const at = part.search(/[xyz]/);
      const start = end + parseInt(part.slice(0, at), 32);
      end = start + parseInt(part.slice(at + 1), 32);
      rangeStart.push(start);
      rangeEnd.push(end);
      rangeClass.push(letters[part.charAt(at)]);
    }
  })();

  function classify(cp) {
    if (cp < 0x80) {
      const word = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
      return word ? WORD : SEPARATOR;
    }
    let lo = 0;
    let hi = rangeEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rangeEnd[mid] <= cp) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < rangeStart.length && rangeStart[lo] <= cp ? rangeClass[lo] : SEPARATOR;
  }

  // lower is Go's unicode.ToLower: the simple one-to-one mapping, which is
  // the first code point of the full mapping toLowerCase() gives.
  function lower(cp) {
    if (cp < 0x80) {
      return String.fromCharCode(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
    }
    const l = String.fromCodePoint(cp).toLowerCase();
    return String.fromCodePoint(l.codePointAt(0));
  }

  // scan tokenises text as Go's Tokenize does, calling emit(token, start,
  // end) for each token in order, with its place in text (UTF-16 indexes,
  // end exclusive):
  //   - every Han character is a token, and so is every pair of adjacent
  //     Han characters (the pair before its second character);
  //   - a run of other letters and digits is one lowercased token;
  //   - full-width ASCII forms count as ASCII;
  //   - combining marks and soft hyphens neither make nor break a token;
  //   - everything else separates tokens and is dropped.
  function scan(text, emit) {
    let word = "";
    let wordStart = 0;
    let wordEnd = 0;
    let prevHan = "";
    let prevStart = 0;
    const flush = function () {
      if (word !== "") {
        emit(word, wordStart, wordEnd);
        word = "";
      }
    };
    for (let i = 0; i < text.length; ) {
      let cp = text.codePointAt(i);
      const start = i;
      i += cp > 0xffff ? 2 : 1;
      if (cp >= 0xff01 && cp <= 0xff5e) {
        cp -= 0xfee0;
      }
      const c = classify(cp);
      if (c === IGNORED) {
        if (word !== "") {
          wordEnd = i;
        }
        continue;
      }
      if (c === HAN) {
        flush();
        const ch = String.fromCodePoint(cp);
        if (prevHan !== "") {
          emit(prevHan + ch, prevStart, i);
        }
        emit(ch, start, i);
        prevHan = ch;
        prevStart = start;
      } else if (c === WORD) {
        if (word === "") {
          wordStart = start;
        }
        word += lower(cp);
        wordEnd = i;
        prevHan = "";
      } else {
        flush();
        prevHan = "";
      }
    }
    flush();
  }

  function tokenize(text) {
    const tokens = [];
    scan(text, function (tok) {
      tokens.push(tok);
    });
    return tokens;
  }

  function isHanPair(tok) {
    return classify(tok.codePointAt(0)) === HAN && countCodePoints(tok) === 2;
  }

  function countCodePoints(s) {
    let n = 0;
    for (let i = 0; i < s.length; i += s.codePointAt(i) > 0xffff ? 2 : 1) {
      n++;
    }
    return n;
  }

  // queryTerms are the tokens of a query a document should hold: its words,
  // the pairs of its Han runs, and its lone Han characters. (The single
  // characters of longer runs still count towards the score, a little.)
  function queryTerms(tokens) {
    const terms = new Set();
    tokens.forEach(function (tok, i) {
      if (classify(tok.codePointAt(0)) !== HAN || isHanPair(tok)) {
        terms.add(tok);
        return;
      }
      const before = i > 0 && isHanPair(tokens[i - 1]);
      const after = i + 1 < tokens.length && isHanPair(tokens[i + 1]);
      if (!before && !after) {
        terms.add(tok);
      }
    });
    return terms;
  }

  // Ranking: BM25 over the text, the title (with the 文号) counting
  // TITLE_BOOST times; terms weigh 1, the single characters inside a Han
  // run UNIGRAM_WEIGHT.
  const K1 = 1.2;
  const B = 0.75;
  const TITLE_BOOST = 3;
  const UNIGRAM_WEIGHT = 0.2;

  // fold gives the form of a text the search matches in: letters and
  // digits as the tokeniser gives them (full-width forms as ASCII,
  // lowercased by lower) and ignored characters dropped, so that a query
  // token occurs in the form wherever the tokeniser would find it in the
  // text. Han characters and separators are kept as they are. The text of
  // a page is mostly Han, which the loop passes over without a look-up.
  function fold(text) {
    let out = "";
    let from = 0; // text[from:] is not yet in out
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x41 && c <= 0x5a) {
          out += text.slice(from, i) + String.fromCharCode(c + 32);
          from = i + 1;
        }
        i++;
        continue;
      }
      if (c >= 0x4e00 && c <= 0x9fff) {
        i++;
        continue;
      }
      let cp = text.codePointAt(i);
      const size = cp > 0xffff ? 2 : 1;
      if (cp >= 0xff01 && cp <= 0xff5e) {
        cp -= 0xfee0;
      }
      const cls = classify(cp);
      const rep = cls === IGNORED ? "" : cls === WORD ? lower(cp) : null;
      if (rep !== null && rep !== text.slice(i, i + size)) {
        out += text.slice(from, i) + rep;
        from = i + size;
      }
      i += size;
    }
    return from === 0 ? text : out + text.slice(from);
  }

  // codePointBefore is the code point that ends just before s[at].
  function codePointBefore(s, at) {
    const c = s.charCodeAt(at - 1);
    if (at >= 2 && isLowSurrogate(c)) {
      const h = s.charCodeAt(at - 2);
      if (h >= 0xd800 && h <= 0xdbff) {
        return s.codePointAt(at - 2);
      }
    }
    return c;
  }

  // occurrences counts tok in a folded text as the tokeniser would: a Han
  // character or pair wherever it occurs, overlapping ones each time (禁禁禁
  // holds 禁禁 twice), and a word only where no letter or digit goes on
  // before or after it (14 is not in 2014).
  function occurrences(form, tok, word) {
    if (tok === "") {
      return 0; // never a token; indexOf("") would find it everywhere
    }
    let n = 0;
    for (let at = form.indexOf(tok); at >= 0; at = form.indexOf(tok, at + 1)) {
      if (word) {
        const end = at + tok.length;
        if ((at > 0 && classify(codePointBefore(form, at)) === WORD) || (end < form.length && classify(form.codePointAt(end)) === WORD)) {
          continue;
        }
      }
      n++;
    }
    return n;
  }

  // Index is the parts of the search index, as written by
  // internal/search.JSON, in order: the documents and their text, which
  // the search scans. Each document's folded text is made the first time
  // the index is searched and kept.
  class Index {
    constructor(parts) {
      this.docs = [];
      for (const part of parts) {
        if (!part || part.v !== 2 || !Array.isArray(part.docs)) {
          throw new Error("search index: unknown format");
        }
        this.docs = this.docs.concat(part.docs);
      }
      this.forms = null;
    }

    // prepare folds every document's text and title (with the 文号) once.
    prepare() {
      if (this.forms) {
        return;
      }
      let total = 0;
      this.forms = this.docs.map(function (d) {
        const body = fold(String(d.text || ""));
        total += body.length;
        return { body: body, title: fold(String(d.title || "") + " " + String(d.number || "")) };
      });
      this.avgLen = Math.max(1, total / Math.max(1, this.docs.length));
    }

    // len is the length of document doc's text, for BM25.
    len(doc) {
      this.prepare();
      return this.forms[doc].body.length;
    }

    // postings maps each document holding tok to [count in the text,
    // count in the title].
    postings(tok) {
      this.prepare();
      const word = classify(tok.codePointAt(0)) !== HAN;
      const found = new Map();
      this.forms.forEach(function (f, doc) {
        const body = occurrences(f.body, tok, word);
        const title = occurrences(f.title, tok, word);
        if (body + title > 0) {
          found.set(doc, [body, title]);
        }
      });
      return found;
    }
  }

  // search ranks the documents for query: those holding more of its terms
  // first, then by score, then the newest. It returns the terms (for
  // highlighting) and the results [{doc, matched, score}].
  function search(index, query) {
    const tokens = tokenize(query);
    const terms = queryTerms(tokens);
    const n = index.docs.length;
    const score = new Map();
    const matched = new Map();
    for (const tok of new Set(tokens)) {
      const postings = index.postings(tok);
      if (postings.size === 0) {
        continue;
      }
      const idf = Math.log(1 + (n - postings.size + 0.5) / (postings.size + 0.5));
      const isTerm = terms.has(tok);
      const weight = isTerm ? 1 : UNIGRAM_WEIGHT;
      for (const [doc, counts] of postings) {
        const tf = counts[0] + TITLE_BOOST * counts[1];
        const norm = K1 * (1 - B + (B * index.len(doc)) / index.avgLen);
        score.set(doc, (score.get(doc) || 0) + (weight * idf * tf * (K1 + 1)) / (tf + norm));
        if (isTerm) {
          matched.set(doc, (matched.get(doc) || 0) + 1);
        }
      }
    }
    const results = [];
    for (const [doc, m] of matched) {
      results.push({ doc: doc, matched: m, score: score.get(doc) });
    }
    results.sort(function (a, b) {
      const da = index.docs[a.doc].date || "";
      const db = index.docs[b.doc].date || "";
      return b.matched - a.matched || b.score - a.score || (da < db ? 1 : da > db ? -1 : 0) || a.doc - b.doc;
    });
    return { terms: terms, results: results };
  }

  // highlight returns the stretches of text to mark: where a term occurs,
  // overlapping and touching occurrences merged, in order.
  function highlight(text, terms) {
    const ranges = [];
    scan(text, function (tok, start, end) {
      if (!terms.has(tok)) {
        return;
      }
      const last = ranges[ranges.length - 1];
      if (last && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        ranges.push([start, end]);
      }
    });
    return ranges;
  }

  const SNIPPET = 120; // characters (UTF-16 units) of text shown
  const LEAD = 30; // shown before the first mark

  // snippetWindow chooses [from, to) of text to show: the stretch that
  // starts a little before a mark and holds the most marks.
  function snippetWindow(text, ranges) {
    if (text.length <= SNIPPET) {
      return [0, text.length];
    }
    let from = 0;
    let best = 0;
    for (let i = 0, j = 0; i < ranges.length; i++) {
      const start = Math.max(0, ranges[i][0] - LEAD);
      j = Math.max(j, i);
      while (j < ranges.length && ranges[j][1] <= start + SNIPPET) {
        j++;
      }
      if (j - i > best) {
        best = j - i;
        from = start;
      }
    }
    let to = Math.min(text.length, from + SNIPPET);
    from = Math.max(0, to - SNIPPET);
    // Never split a surrogate pair.
    if (from > 0 && isLowSurrogate(text.charCodeAt(from))) {
      from--;
    }
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) {
      to++;
    }
    return [from, to];
  }

  function isLowSurrogate(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }

  // pieces splits text[from:to) into [{text, mark}] by the marked ranges.
  function pieces(text, ranges, from, to) {
    const out = [];
    let pos = from;
    for (const r of ranges) {
      const a = Math.max(r[0], from);
      const b = Math.min(r[1], to);
      if (b <= a) {
        continue;
      }
      if (a > pos) {
        out.push({ text: text.slice(pos, a), mark: false });
      }
      out.push({ text: text.slice(a, b), mark: true });
      pos = b;
    }
    if (pos < to) {
      out.push({ text: text.slice(pos, to), mark: false });
    }
    return out;
  }

  // snippet is the part of a document's text shown under its title, with
  // "…" where text was cut.
  function snippet(text, terms) {
    const ranges = highlight(text, terms);
    const w = snippetWindow(text, ranges);
    const out = pieces(text, ranges, w[0], w[1]);
    if (w[0] > 0) {
      out.unshift({ text: "…", mark: false });
    }
    if (w[1] < text.length) {
      out.push({ text: "…", mark: false });
    }
    return out;
  }

  // ---------------------------------------------------------------------
  // The page.

  const PAGE = 20; // results shown at a time

  function appendPieces(parent, list) {
    for (const p of list) {
      if (p.mark) {
        const m = document.createElement("mark");
        m.textContent = p.text;
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(p.text));
      }
    }
  }

  function init() {
    const root = document.getElementById("search");
    if (!root) {
      return;
    }
    const form = root.querySelector("form");
    const input = root.querySelector("input[name=q]");
    const status = root.querySelector("[role=status]");
    const list = root.querySelector(".search-results");
    const more = root.querySelector(".search-more");
    const indexURL = root.getAttribute("data-index");
    const base = root.getAttribute("data-base") || "/";
    const baseTitle = document.title;

    function getJSON(url) {
      return fetch(url, { credentials: "same-origin" }).then(function (res) {
        if (!res.ok) {
          throw new Error("HTTP " + res.status);
        }
        return res.json();
      });
    }

    // loadIndex loads search-index.json, then all its parts at once.
    let loading = null;
    function loadIndex() {
      if (!loading) {
        loading = getJSON(indexURL)
          .then(function (head) {
            if (!head || head.v !== 3 || !Array.isArray(head.parts)) {
              throw new Error("search-index.json: unknown format");
            }
            return Promise.all(
              head.parts.map(function (p) {
                return getJSON(base + String(p).replace(/^\/+/, ""));
              }),
            );
          })
          .then(function (parts) {
            return new Index(parts);
          });
        loading.catch(function () {
          loading = null; // try again next time
        });
      }
      return loading;
    }

    let current = null; // {index, found}
    let shown = 0;

    function resultItem(index, r, terms) {
      const d = index.docs[r.doc];
      const li = document.createElement("li");
      li.className = "search-result";
      const h = document.createElement("h2");
      h.className = "search-result-title";
      const a = document.createElement("a");
      a.href = base + String(d.url || "").replace(/^\/+/, "");
      appendPieces(a, pieces(d.title || "", highlight(d.title || "", terms), 0, (d.title || "").length));
      h.appendChild(a);
      li.appendChild(h);
      if (d.number || d.date) {
        const meta = document.createElement("p");
        meta.className = "search-result-meta";
        if (d.number) {
          const n = document.createElement("span");
          n.textContent = d.number;
          meta.appendChild(n);
        }
        if (d.date) {
          const t = document.createElement("time");
          t.dateTime = d.date;
          t.textContent = d.date;
          meta.appendChild(t);
        }
        li.appendChild(meta);
      }
      if (d.text) {
        const p = document.createElement("p");
        p.className = "search-result-snippet";
        appendPieces(p, snippet(d.text, terms));
        li.appendChild(p);
      }
      return li;
    }

    // showMore lists the next PAGE results; it returns the first new item.
    function showMore() {
      const found = current.found;
      const upto = Math.min(found.results.length, shown + PAGE);
      let first = null;
      for (let i = shown; i < upto; i++) {
        const li = resultItem(current.index, found.results[i], found.terms);
        list.appendChild(li);
        first = first || li;
      }
      shown = upto;
      if (more) {
        more.hidden = shown >= found.results.length;
      }
      return first;
    }

    function announce(text) {
      status.textContent = text;
    }

    function clear() {
      current = null;
      shown = 0;
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      if (more) {
        more.hidden = true;
      }
    }

    function setAddress(q) {
      const u = new URL(window.location.href);
      if (q) {
        u.searchParams.set("q", q);
      } else {
        u.searchParams.delete("q");
      }
      window.history.replaceState(window.history.state, "", u.pathname + u.search + u.hash);
      document.title = q ? "“" + q + "”的搜索结果 – " + baseTitle : baseTitle;
    }

    let generation = 0;
    function run(q, updateAddress) {
      const mine = ++generation;
      q = q.trim();
      if (updateAddress) {
        setAddress(q);
      }
      if (tokenize(q).length === 0) {
        clear();
        announce(q ? "请输入汉字、字母或数字进行搜索。" : "");
        return Promise.resolve();
      }
      if (!current) {
        announce("正在搜索……");
      }
      return loadIndex().then(
        function (index) {
          if (mine !== generation) {
            return;
          }
          const found = search(index, q);
          clear();
          current = { index: index, found: found };
          showMore();
          const n = found.results.length;
          let text = "找到 " + n + " 条结果";
          if (n === 0) {
            text += "，请尝试其他搜索词。";
          } else if (n > shown) {
            text += "，先显示前 " + shown + " 条。";
          }
          announce(text);
        },
        function () {
          if (mine === generation) {
            clear();
            announce("搜索索引加载失败，请检查网络后重试。");
          }
        }
      );
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      run(input.value, true);
    });
    let timer = 0;
    input.addEventListener("input", function (e) {
      if (e.isComposing) {
        return; // wait for the input method to finish the word
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        run(input.value, true);
      }, 200);
    });
    input.addEventListener("compositionend", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        run(input.value, true);
      }, 200);
    });
    input.addEventListener("focus", function () {
      loadIndex().catch(function () {});
    });
    if (more) {
      more.addEventListener("click", function () {
        if (!current) {
          return;
        }
        const first = showMore();
        if (first) {
          first.querySelector("a").focus();
        }
        const n = current.found.results.length;
        announce("找到 " + n + " 条结果，已显示 " + shown + " 条。");
      });
    }

    const q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    if (q) {
      run(q, false);
      document.title = "“" + q.trim() + "”的搜索结果 – " + baseTitle;
    }
  }

  if (typeof module === "object" && module && module.exports) {
    // node, for the tests in internal/search.
    module.exports = {
      tokenize: tokenize,
      queryTerms: queryTerms,
      fold: fold,
      occurrences: occurrences,
      Index: Index,
      search: search,
      highlight: highlight,
      snippet: snippet,
    };
  }
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }
})();
