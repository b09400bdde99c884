/*
 * tongbao — client-side search (站内搜索).
 *
 * The search page (layouts/search.html) carries the index's manifest
 * (search-index.json, in #search-index) and gives this script its address
 * (data-index: a page that does not carry it has it fetched) and the
 * site's base path (data-base), so every address honours baseURL's path.
 * It loads this script right after the search, not deferred: a query in
 * the address starts before the page's first layout (startEarly), and the
 * search is set up at once (parsed), so that results can be listed before
 * the page has finished loading.
 * The index is described in internal/search (type Index): an inverted
 * index cut into shards by the hash of each token, and a table of the
 * documents in pages, each row saying where in its own page the HTML the
 * index read lies. A query fetches only the shards of its own tokens, the
 * pages of the table that hold the results it shows, and, for each of
 * those, the stretch of its page where the query first occurs (an HTTP
 * range request), whose text (htmlText) is the snippet's: the results are
 * listed as soon as their rows are in, their snippets follow. What a
 * query costs grows with the query, not with the archive.
 *
 * A query is split into tokens as the documents were (tokenize: Han
 * characters and pairs, also across quotation marks, brackets and the
 * like but not white space or other punctuation, and words); its terms
 * are its words, the pairs of
 * its Han runs and its lone Han characters. A document holding every term
 * matches completely (完全匹配); one holding at least half of them, in
 * part (部分匹配); a query that finds nothing is looked up again in
 * pieces, cut where a pair of its characters is in no document, which
 * finds a word typed with one wrong character, in part. A document whose title, 文号 or name is the query
 * (search.Key) comes first, and when one does, the partial matches are
 * counted but listed only on request (holdsBack); complete matches before partial ones, and
 * within each, the documents the terms weigh most in (the title more than
 * the text), or the newest. The query lives in the address (?q=), with
 * the order (&sort=new) and the year (&year=2023).
 *
 * Plain ES2017, no library, nothing fetched but the index. Text from the
 * index (titles, 文号, texts) is untrusted: it is only ever inserted with
 * textContent or text nodes, never as markup.
 */
(function () {
  "use strict";

  // Character classes of every code point from U+0080, generated from Go's
  // internal/search.classify by
  //   go test ./internal/search -run TestJSClassTable -update
  // Do not edit by hand. Ranges: gap since the previous range's end, class
  // letter (w joiner, x Han, y word, z ignored), length; base 32;
  // comma-separated. The ASCII joiners are in classify.
  const CLASSES =
  "1ay1,2z1,4y2,1y1,1w1,1y2,1y3,1yn,1yv,1yea,4yc,ey5,7y1,1y1,hz3g,0y5,1y2,2y4,1y1,6y1,1y3,1y1,1yk,1y2j,1y4b,1z7,0y56,1y16,2y1,6y19,8z1d,1z1,1z2,1z2,1z1,8yr,4y4,tzb,5y1b,0zl,0ya,4y2,0z1,0y33,1y1,0z7,2z6,0y2,0z2,1z4,0yf,2y1,gy1,0z1,0yu,0zr,2y2p,0zb,0y1,ey1b,0z9,0y2,4y1,2z1,2ym,0z4,0y1,0z9,0y1,0z3,0y1,0z5,iyp,0z3,4yb,5yo,1y6,9z8,0y1a,0zo,1z11,0y1m,0z3,0y1,0zi,0y1,0z7,0ya,0z2,2ya,1yg,0z3,1y8,2y2,2ym,1y7,1y1,3y4,2z1,0y1,0z7,2z2,2z3,0y1,8z1,4y2,1y3,0z2,2yc,2y6,2y1,1z1,2z3,1y6,4y2,2ym,1y7,1y2,1y2,1y2,2z1,1z5,4z2,2z3,3z1,7y4,1y1,7ya,0z2,0y3,0z1,bz3,1y9,1y3,1ym,1y7,1y2,1y5,2z1,0y1,0z8,1z3,1z3,2y1,fy2,0z2,2ya,9y1,0z6,1z3,1y8,2y2,2ym,1y7,1y2,1y5,2z1,0y1,0z7,2z2,2z3,7z3,4y2,1y3,0z2,2ya,1y7,az1,0y1,1y6,3y3,1y4,3y2,1y1,1y2,3y2,3y3,3yc,4z5,3z3,1z4,2y1,6z1,eyd,dz5,0y8,1y3,1yn,1yg,2z1,0y1,0z7,1z3,1z4,7z2,1y3,2y1,2y2,0z2,2ya,8y7,1y1,0z3,1y8,1y3,1yn,1ya,1y5,2z1,0y1,0z7,1z3,1z4,7z2,6y2,1y2,0z2,2ya,1y2,0z1,cz4,0y9,1y3,1y19,0z2,0y1,0z7,1z3,1z4,0y1,5y3,0z1,0ya,0z2,2yj,1y6,1z3,1yi,3yo,1y9,1y1,2y7,3z1,4z6,1z1,1z8,6ya,2z2,dy1g,0z1,0y2,0z7,5y7,0z8,1ya,17y2,1y1,1y5,1yo,1y1,1ya,0z1,0y2,0z9,0y1,2y5,1y1,1z7,1ya,2y4,10y1,nz2,6yk,1z1,1z1,1z1,4z2,0y8,1y14,4zk,1z2,0y5,0zb,1z14,9z1,1py1b,0zk,0yb,6y6,0z4,0y4,0z3,0y1,0z3,0y2,0z7,0y3,0z4,0yd,0zc,0y1,0z1,0ya,0z4,2y16,1y1,5y1,2y1b,1yad,1y4,2y7,1y1,1y4,2y19,1y4,2y11,1y4,2y7,1y1,1y4,2yf,1y1p,1y4,2y23,2z3,9yk,3yg,gy2m,2y6,3yjc,2yh,1yq,5y2b,3yb,7yi,0z4,9yj,0z3,byi,0z2,cyd,1y3,1z2,cy1k,0z10,3y1,4y1,0z1,2ya,6ya,hz3,1z1,0ya,6y2p,7y5,0z2,0y12,0z1,0y1,5y26,ayv,1zc,4zc,ay18,2y5,by1c,4yq,6yb,15yn,0z5,4y1l,0za,1zt,2z1,0ya,6ya,dy1,8zv,1hz5,0y1f,0zh,0y8,3ya,hz9,cz3,0yu,0zd,0y1o,0ze,cy14,0zk,8ya,3y1h,2y9,7y1b,2y3,gz3,1zl,0y4,0z1,0y6,0z1,0y2,0z3,0y1,5y60,0z20,0y8m,2y6,2y16,2y6,2y8,1y1,1y1,1y1,1yv,2y1l,1y7,1y1,3y3,1y7,3y4,2y6,4yd,5y3,1y7,rw2,2w2,4w1,4w1,28y2,2y6,5yb,6yd,1jz11,hy1,4y1,2ya,1y1,3y5,6y1,1y1,1y1,1y4,1yb,2y4,5y5,4y1,1y1q,mmy1s,2eym,jmyu,13cy75,6y4,0z3,0y2,9y1,2y16,1y1,5y1,2y1o,7y1,fz1,0yn,9y7,1y7,1y7,1y7,1y7,1y7,1y7,1y7,1z10,1fy1,2gxq,1x2p,cx6m,1fx1,0y1,0x1,0wa,2w8,1w3,1x9,0z6,1y5,2x4,0y1,4y2m,2z2,2y3,1y2q,0w1,0y4,5y1b,1y2u,3y4,ay10,1gyg,10ya,uy8,1yf,10ya,17yf,a0x6e0,20xkg0,0y14d,23y1e,2y8d,3ys,ky1f,0z4,1za,1yv,0z2,0y2g,0z2,15y9,2y37,2y20,5y2,1y1,1y5,oyg,0z1,0y3,0z1,0y4,0z1,0yn,0z5,4z1,3y6,ay1k,cz2,0y1i,0zi,aya,6zi,0y6,3y1,1y2,0z1,0y16,0z8,2yn,0zd,cyt,3z4,0y1f,0ze,eyb,6y5,0z1,0yp,1y19,0ze,9y3,0z1,0y8,0z2,2ya,6yn,3y1,0z3,0y1i,0z1,0y1,0z3,0y2,0z2,0y5,0z2,0y1,0z1,0y1,oy3,2yb,0z5,2y3,0z2,ay6,2y6,2y6,9y7,1y7,1y1b,1ye,6y3j,0z8,1z2,2ya,6yat4,cyn,4y1h,884xbe,2x3a,16y7,cy5,5y1,0z1,0ya,1yd,1y5,1y1,1y2,1y2,1y3c,11ybb,iy20,2y1m,18yc,4zg,gzg,20y5,1y47,jya,7yq,6yq,by2p,3y6,2y6,2y6,2y3,13yc,1yq,1yj,1y2,1yf,2ye,12y3r,cy1d,cy1p,hy2,3hz1,42yt,3y1h,fz1,0yr,4y14,9yu,5y16,0z5,5yu,2y14,4y8,1y5,1ay4u,2ya,6y14,4y14,4y18,8y1k,cyb,1yf,1y7,1y2,1yb,1yf,1y7,1y2,23y9n,9ym,ay8,oy6,1y1a,1y9,25y6,2y1,1y1c,1y2,3y1,2yn,2yv,2y16,8y9,1gyj,1y2,5y11,4yq,26y1o,4yk,2y1f,0z3,1z2,5z4,0y4,1y3,1yt,2z3,4z1,0y9,nyv,1y10,10y8,1ys,0z2,4y5,gy1m,aym,2yr,5yq,ny7,2gy29,1ny1j,dy1j,7y1a,0z4,8ya,96yv,1y1a,1z2,3y2,2bz3,0y18,8ym,0zb,0y4,ryi,0z4,1ays,kyn,9z3,0y1l,0zf,byu,0z1,0y2,0z2,0y1,9z4,0y1d,0zb,7z1,dyp,7ya,6z3,0y14,0ze,1ya,4y1,0z2,0y1,8y13,0z1,2y1,9z3,0y1g,0ze,0y4,4z4,1z2,0yb,1y1,4yk,byi,1yp,0zc,6z1,0y2,0z1,1uy7,1y1,1y4,1yf,1ya,7y1f,0zc,5ya,6z4,1y8,2y2,2ym,1y7,1y2,1y5,1z2,0y1,0z7,2z2,2z3,2y1,6z1,5y5,0z2,2z7,3z5,4by1l,0zi,0y4,5ya,4z1,0y3,uy1g,0zk,0y2,1y1,8ya,56y1f,0z7,2z9,ny4,0z2,12y1g,0zh,3y1,bya,16y1b,0zd,0y1,7ya,1myr,2zf,4yc,4y7,5py1c,0zf,35y2j,cy8,2y1,2y8,1y2,1yo,0z6,1z2,2z4,0y1,0z1,0y1,0z2,cya,26y8,2y17,0z7,2z7,0y1,1y1,0z1,ry1,0za,0y18,0z7,0y1,0z4,8z1,8y1,0zb,0y1e,0zg,3y1,iy29,87y9,1y15,0z8,1z8,0y1,fyt,5yu,2zm,1ze,29y7,1y2,1y16,0z6,3z1,1z2,1z7,0y1,0z1,8ya,6y6,1y2,1y10,0z5,1z2,1z5,0y1,7ya,9myj,0z4,9z2,0y1,0z1,0yd,1y12,0z7,3z5,dya,2my1,fyl,1bysq,36y3f,hy64,2icy31,fy11g,gz1,0y6,0zf,3tayi7,8dpyhp,7yv,1ya,6y2f,1ya,6yu,2z5,by1g,0z7,9y4,cya,1y7,1yl,5yj,lgy2n,39y2b,4z1,0y1,0z1n,7z4,0yd,20y2,0x2,0z1,bz2,ey5vo,8y16m,1ay9,8n7y4,1y7,1y2,1y93,fy1,ty3,2y1,ey4,8ycc,284y3b,5yd,3y9,7ya,3z2,4j1z1e,2zn,guz5,3z6,8z8,2z7,uz4,4kz3,3ryk,cyk,3cyp,47y2l,1y27,1y2,2y1,2y2,2y4,1yc,1y1,1y7,1y21,1y4,2y8,1y7,1ys,1y4,1y5,1y1,3y7,1yak,2yp,1yp,1yv,1yp,1yv,1yp,1yv,1yp,1yv,1yp,1y8,2y1i,g0z1n,4z1i,8z1,ez1,mz5,1zf,12gyv,6y6,6lz7,1zh,2z7,1z2,1z5,5y1u,11z1,3gy1d,3z7,0y7,2ya,4y1,a1yu,0z1,hy1c,0z4,0ya,emys,0z4,0ya,n6y7,1y4,1y2,1yf,1y65,2y9,0z7,19y24,0z7,0y1,4ya,ony1r,1y3,1y4,2cy1d,1yf,62y4,1yr,1y2,1y1,2y1,1ya,1y4,1y1,1y1,6y1,4y1,1y1,1y1,1y3,1y2,1y1,2y1,1y1,1y1,1y1,1y1,1y2,1y1,2y4,1y7,1y4,1y4,1y1,1ya,1yh,5y3,1y5,1yh,i4yd,2n3ya,106x19n0,10x41q,6x6u,2x5k2,ex79h,30vxgu,1f2x4qb,5x430,lnagz7g";

  const SEPARATOR = 0;
  const HAN = 1;
  const WORD = 2;
  const IGNORED = 3;
  const JOIN = 4; // a joiner: two Han characters pair across it

  // The table, decoded once: sorted, disjoint ranges [start, end).
  const rangeStart = [];
  const rangeEnd = [];
  const rangeClass = [];
  (function decodeClasses() {
    // One pass over the characters: this runs on every search page, before
    // the query can start.
    let end = 0x80;
    let gap = 0;
    let n = 0;
    let cls = 0;
    for (let i = 0; i <= CLASSES.length; i++) {
      const c = i < CLASSES.length ? CLASSES.charCodeAt(i) : 0x2c;
      if (c === 0x2c) {
        // ","
        const start = end + gap;
        end = start + n;
        rangeStart.push(start);
        rangeEnd.push(end);
        rangeClass.push(cls);
        n = 0;
      } else if (c >= 0x77) {
        // w, x, y or z
        gap = n;
        n = 0;
        cls = c === 0x77 ? JOIN : c === 0x78 ? HAN : c === 0x79 ? WORD : IGNORED;
      } else {
        n = n * 32 + (c <= 0x39 ? c - 0x30 : c - 0x57); // 0-9, a-v
      }
    }
  })();

  function classify(cp) {
    if (cp < 0x80) {
      const word = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
      if (word) {
        return WORD;
      }
      // " ' ( ) [ ]: joiners (Go's joins)
      return cp === 0x22 || cp === 0x27 || cp === 0x28 || cp === 0x29 || cp === 0x5b || cp === 0x5d ? JOIN : SEPARATOR;
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
  //     Han characters (the pair before its second character), or of two
  //     with only joiners between them (quotation and book-title marks,
  //     brackets, middle dots: 实三 in 落实“三重点”), not white space (a
  //     query's words, a page's paragraphs), clause or sentence
  //     punctuation (、，。) or any other symbol;
  //   - a run of other letters and digits is one lowercased token, a
  //     point between two digits part of it (17.95, PM2.5), and a pair
  //     with the Han character right after it (3月: 3, 3月, 月);
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
        const ch = String.fromCodePoint(cp);
        if (word !== "") {
          const mixed = word + ch;
          const at = wordStart;
          flush();
          emit(mixed, at, i);
        }
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
      } else if (cp === 0x2e && isDigit(word.charCodeAt(word.length - 1)) && isDigit(text.charCodeAt(i) - (text.charCodeAt(i) >= 0xff10 ? 0xfee0 : 0))) {
        word += "."; // a decimal point: 17.95, PM2.5
        wordEnd = i;
      } else {
        flush();
        if (c !== JOIN) {
          prevHan = "";
        }
      }
    }
    flush();
  }

  function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
  }

  // isPair reports whether a token of scan's is a pair (two Han
  // characters, or a word and the Han character after it): it ends with a
  // Han character and is longer than one.
  function isPair(tok) {
    const last = tok.codePointAt(tok.length - 1 - (tok.length > 1 && isLowSurrogate(tok.charCodeAt(tok.length - 1)) ? 1 : 0));
    return classify(last) === HAN && tok.length > (last > 0xffff ? 2 : 1);
  }

  function tokenize(text) {
    const tokens = [];
    scan(text, function (tok) {
      tokens.push(tok);
    });
    return tokens;
  }

  // tokenHash is internal/search.tokenHash: 32-bit FNV-1a over the token's
  // code points, then MurmurHash3's finaliser. Its top bits choose the
  // token's shard.
  function tokenHash(tok) {
    let h = 0x811c9dc5;
    for (let i = 0; i < tok.length; ) {
      const cp = tok.codePointAt(i);
      i += cp > 0xffff ? 2 : 1;
      h = Math.imul(h ^ cp, 16777619);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }

  // parseQuery splits a query into its parts (each Han run and each word,
  // as the list of its characters, or the word alone), its terms (words,
  // the pairs of its Han runs, its lone Han characters, the pairs of a
  // word and the Han character after it, each once), its key
  // (internal/search.Key: the parts joined by spaces) and what marks mark
  // (runs: the words and characters that pairs join, each as a list:
  // 2022年3月 is 2022年 and 3月, so that a 年 or a 月 alone, in every
  // 本月 and 年度 of a page, is not marked), and which of the runs are
  // bound (see boundRuns).
  function parseQuery(q) {
    const parts = [];
    const wordPairs = [];
    const runs = [];
    const spans = []; // where each run is in q
    let pair = false; // the token before was a pair: this character goes on its run
    let joins = false; // the token before was a pair of either kind
    scan(q, function (tok, start, end) {
      const han = classify(tok.codePointAt(0)) === HAN;
      if (isPair(tok)) {
        joins = true;
      } else {
        if (joins) {
          runs[runs.length - 1].push(tok);
          spans[spans.length - 1][1] = end;
        } else {
          runs.push([tok]);
          spans.push([start, end]);
        }
        joins = false;
      }
      if (!han && isPair(tok)) {
        wordPairs.push(tok); // a word and a character: neither's part
        pair = false;
        return;
      }
      const hanPair = han && isPair(tok);
      if (!hanPair) {
        if (han && pair) {
          parts[parts.length - 1].units.push(tok);
        } else {
          parts.push({ han: han, units: [tok] });
        }
      }
      pair = hanPair;
    });
    const terms = [];
    const seen = new Set();
    const add = function (t) {
      if (!seen.has(t)) {
        seen.add(t);
        terms.push(t);
      }
    };
    for (const p of parts) {
      if (!p.han || p.units.length === 1) {
        add(p.units[0]);
      } else {
        for (let i = 0; i + 1 < p.units.length; i++) {
          add(p.units[i] + p.units[i + 1]);
        }
      }
    }
    wordPairs.forEach(add);
    return {
      parts: parts,
      runs: runs,
      bound: boundRuns(q, runs, spans),
      terms: terms,
      key: parts
        .map(function (p) {
          return p.units.join("");
        })
        .join(" "),
    };
  }

  // boundRuns says which of a query's runs are bound: a number alone
  // (no character after it) joined by a mark, not a space, to a run that
  // is not one: the 1 of 2023年1-2月, the 2023 of 〔2023〕14号, the 5 of
  // PM10-5. Such a number says little alone (every list's （1）, every
  // 2023年 of a page), so marks marks it only where it stands against
  // another mark, and it alone makes no partial match. Typed apart
  // (禁毒 2022), right after a character (双政办函2023: its year) or
  // alone, it is a word of its own.
  function boundRuns(q, runs, spans) {
    const number = runs.map(function (run) {
      return run.length === 1 && /^[0-9]+$/.test(run[0]);
    });
    const touches = function (i, j) {
      if (j < 0 || j >= runs.length || number[j]) {
        return false;
      }
      const gap = q.slice(spans[Math.min(i, j)][1], spans[Math.max(i, j)][0]);
      return gap !== "" && !/\s/.test(gap);
    };
    return number.map(function (n, i) {
      return n && (touches(i, i - 1) || touches(i, i + 1));
    });
  }

  // ---------------------------------------------------------------------
  // The index's files (internal/search, type Index).

  const utf8 = new TextDecoder();
  const utf8out = new TextEncoder();

  // A Reader reads the varints of a shard.
  class Reader {
    constructor(buf, pos) {
      this.buf = buf;
      this.pos = pos;
    }
    varint() {
      let v = 0;
      let mul = 1;
      let b;
      do {
        b = this.buf[this.pos++];
        if (b === undefined) {
          throw new Error("search index: truncated");
        }
        v += (b & 0x7f) * mul;
        mul *= 128;
      } while (b & 0x80);
      return v;
    }
  }

  // parseShard lists a shard's tokens: token → [start, end) of its
  // postings in buf, or {file: the hash that names them} when they are
  // out of line.
  function parseShard(buf) {
    const r = new Reader(buf, 0);
    const toks = new Map();
    for (let n = r.varint(); n > 0; n--) {
      const len = r.varint();
      const tok = utf8.decode(buf.subarray(r.pos, r.pos + len));
      r.pos += len;
      const plen = r.varint();
      if (plen === 0) {
        let h = "";
        for (let k = 0; k < 4; k++) {
          h += (buf[r.pos + k] | 0x100).toString(16).slice(1);
        }
        toks.set(tok, { file: h });
        r.pos += 4;
        continue;
      }
      toks.set(tok, [r.pos, r.pos + plen]);
      r.pos += plen;
    }
    if (r.pos !== buf.length) {
      throw new Error("search index: shard has trailing bytes");
    }
    return toks;
  }

  // readDocset reads a set of documents among n: the members, ascending.
  function readDocset(r, n) {
    const s = readSet(r, n);
    return s.members || complementOf(s.absent, n);
  }

  // readSet reads a set of documents among n as it is written: {members}
  // ascending, or, for a set written as its complement (most of the
  // documents), {absent}, the documents not in it, ascending. A first
  // query for common words in 20,000 documents spent a third of its
  // script's time listing their members one by one, in code not yet
  // compiled, and counting them; counted as every document less those
  // absent (addAllBut), they cost what the few absent cost.
  function readSet(r, n) {
    const h = r.varint();
    const count = Math.floor(h / 4);
    const mode = h % 4;
    if (mode === 1) {
      const ids = new Int32Array(count);
      let k = 0;
      for (let d = 0; d < n && k < count; d++) {
        if (r.buf[r.pos + (d >> 3)] & (1 << (d & 7))) {
          ids[k++] = d;
        }
      }
      r.pos += (n + 7) >> 3;
      return { members: ids, absent: null };
    }
    if (mode !== 0 && mode !== 2) {
      throw new Error("search index: unknown set");
    }
    const list = new Int32Array(mode === 0 ? count : n - count);
    let prev = -1;
    for (let k = 0; k < list.length; k++) {
      prev += r.varint() + 1;
      list[k] = prev;
    }
    return mode === 0 ? { members: list, absent: null } : { members: null, absent: list };
  }

  // complementOf lists the documents among n that absent (ascending) does
  // not.
  function complementOf(absent, n) {
    const ids = new Int32Array(n - absent.length);
    let k = 0;
    let j = 0;
    for (let d = 0; d < n; d++) {
      if (j < absent.length && absent[j] === d) {
        j++;
      } else {
        ids[k++] = d;
      }
    }
    return ids;
  }

  // readNibbles reads count values of 0…15, two a byte, low nibble first.
  function readNibbles(r, count) {
    const out = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      const b = r.buf[r.pos + (k >> 1)];
      out[k] = k & 1 ? b >> 4 : b & 15;
    }
    r.pos += (count + 1) >> 1;
    return out;
  }

  // decodePostings decodes a token's postings, buf[start:end), in an
  // index of n documents: the documents whose text holds it (body, size
  // of them; absent, when most do, those that do not, and body is listed
  // only if asked for), with the place (sixteenth of the text) of its
  // first occurrence in the k-th of them (place(k); rank(d) is k for
  // document d, -1 if the text does not hold it) and its weight (1…15;
  // weights is null when the token is in more than half the documents),
  // and the documents whose title, 文号 or names hold it (title). The
  // places are read only for the results whose snippets are shown, not
  // for the thousands ranked.
  function decodePostings(buf, start, end, n) {
    const r = new Reader(buf, start);
    const set = readSet(r, n);
    let members = set.members;
    const absent = set.absent;
    const size = members ? members.length : n - absent.length;
    const places = r.pos;
    r.pos += (size + 1) >> 1;
    const weights = 2 * size <= n ? readNibbles(r, size) : null;
    const title = readDocset(r, n);
    if (r.pos !== end) {
      throw new Error("search index: postings of the wrong length");
    }
    return {
      get body() {
        if (!members) {
          members = complementOf(absent, n);
        }
        return members;
      },
      size: size,
      absent: absent,
      rank: function (d) {
        if (members) {
          return bsearch(members, d);
        }
        const k = lowerBound(absent, d); // documents before d not holding it
        return k < absent.length && absent[k] === d ? -1 : d - k;
      },
      place: function (k) {
        const b = buf[places + (k >> 1)];
        return k & 1 ? b >> 4 : b & 15;
      },
      weights: weights,
      title: title,
    };
  }

  // parseManifest checks search-index.json. Its lists of hashes are read
  // where needed, not split: a query needs a few of thousands.
  function parseManifest(m) {
    if (!m || m.v !== 11 || typeof m.shards !== "string" || !m.big || typeof m.big !== "object") {
      throw new Error("search-index.json: unknown format");
    }
    const hashes = function (s) {
      return {
        length: Math.floor(s.length / 8),
        get: function (i) {
          return s.slice(8 * i, 8 * i + 8);
        },
      };
    };
    const shards = hashes(m.shards);
    return {
      docs: m.docs,
      shards: shards,
      bits: Math.round(Math.log2(shards.length)),
      big: m.big, // token → hash, read with hasOwnProperty
      pages: hashes(m.pages),
      pageDocs: m.pageDocs,
      years: m.years || [],
      variants: typeof m.variants === "string" ? m.variants : "",
      names: typeof m.names === "string" ? m.names : "",
    };
  }

  // An Index answers for one manifest: it fetches shards, pages of the
  // documents table and stretches of the documents' pages through net
  // ({bytes(path), json(path), range(path, start, end)}, paths below the
  // site root) and keeps what it fetched but the stretches.
  class Index {
    constructor(manifest, net) {
      this.m = parseManifest(manifest);
      this.net = net;
      this.shards = new Map(); // number → Promise of {buf, toks}
      this.pages = new Map(); // number → Promise of rows
      this.postingsOf = new Map(); // token → Promise of postings or null
    }

    get size() {
      return this.m.docs;
    }

    shardOf(tok) {
      return this.m.bits === 0 ? 0 : tokenHash(tok) >>> (32 - this.m.bits);
    }

    shard(i) {
      let p = this.shards.get(i);
      if (!p) {
        const h = this.m.shards.get(i);
        p =
          h === "00000000"
            ? Promise.resolve({ buf: new Uint8Array(0), toks: new Map() })
            : this.net.bytes("search/s/" + i + "." + h + ".bin").then(function (buf) {
                return { buf: buf, toks: parseShard(buf) };
              });
        this.shards.set(i, p);
        p.catch(() => this.shards.delete(i));
      }
      return p;
    }

    // postings are tok's postings, or null if no document holds it.
    // Postings out of line are fetched at once: the manifest names them.
    postings(tok) {
      let p = this.postingsOf.get(tok);
      if (!p) {
        const n = this.m.docs;
        const net = this.net;
        const outOfLine = function (h) {
          return net.bytes("search/p/" + h + ".bin").then(function (buf) {
            return decodePostings(buf, 0, buf.length, n);
          });
        };
        const big = Object.prototype.hasOwnProperty.call(this.m.big, tok) ? this.m.big[tok] : "";
        p = big
          ? outOfLine(big)
          : this.shard(this.shardOf(tok)).then(function (s) {
              const at = s.toks.get(tok);
              if (at && at.file) {
                return outOfLine(at.file);
              }
              return at ? decodePostings(s.buf, at[0], at[1], n) : null;
            });
        this.postingsOf.set(tok, p);
        p.catch(() => this.postingsOf.delete(tok));
      }
      return p;
    }

    // simplified is q with each of chars (a Set of characters) that the
    // table of variants knows written in its simplified form; q itself
    // when the index has no table. Only the pieces of the table that hold
    // chars are fetched (search/v/<k>.<h>.txt: piece k holds the
    // traditional characters U+4E00 + 256k …), each once.
    simplified(q, chars) {
      if (!this.m.variants) {
        return Promise.resolve(q);
      }
      const pieces = new Set();
      for (const c of chars) {
        const cp = c.codePointAt(0);
        if (cp >= VARIANTS_START && cp < VARIANTS_END) {
          pieces.add((cp - VARIANTS_START) >> VARIANTS_SHIFT);
        }
      }
      return Promise.all(Array.from(pieces, (k) => this.variantPiece(k))).then(function (maps) {
        return Array.from(q, function (c) {
          if (chars.has(c)) {
            for (const map of maps) {
              if (map.has(c)) {
                return map.get(c);
              }
            }
          }
          return c;
        }).join("");
      });
    }

    // names resolves to the list of names (search/n/0.<h>.json): each
    // unit's and indicator's names with its page's number, each name's key
    // (parseQuery) as a list of its characters; to [] on a site without.
    names() {
      if (!this.namesOf) {
        this.namesOf = !this.m.names
          ? Promise.resolve([])
          : this.net.json("search/n/0." + this.m.names + ".json").then(function (rows) {
              return rows.map(function (r) {
                return { name: r[0], id: r[1], key: Array.from(parseQuery(r[0]).key) };
              });
            });
        this.namesOf.catch(() => (this.namesOf = null));
      }
      return this.namesOf;
    }

    // variantPiece is piece k of the table of variants: traditional
    // character → simplified.
    variantPiece(k) {
      if (!this.variantsOf) {
        this.variantsOf = new Map();
      }
      let p = this.variantsOf.get(k);
      if (!p) {
        p = this.net.bytes("search/v/" + k + "." + this.m.variants + ".txt").then(function (buf) {
          const pairs = Array.from(utf8.decode(buf).trim());
          const map = new Map();
          for (let i = 0; i + 1 < pairs.length; i += 2) {
            map.set(pairs[i], pairs[i + 1]);
          }
          return map;
        });
        this.variantsOf.set(k, p);
        p.catch(() => this.variantsOf.delete(k));
      }
      return p;
    }

    page(k) {
      let p = this.pages.get(k);
      if (!p) {
        p = this.net.json("search/d/" + k + "." + this.m.pages.get(k) + ".json");
        this.pages.set(k, p);
        p.catch(() => this.pages.delete(k));
      }
      return p;
    }

    // doc is document id's row: {id, kind, title, url, date, number,
    // offset, length}, where offset and length are where in its page (the
    // file served at url) the HTML the index read lies, in bytes; or, for
    // a page whose text the index made itself (a unit's or an indicator's
    // history, whose page is a table of ranks), {…, text, offset: 0,
    // length}: the text itself, length its UTF-8 bytes, in which the
    // postings' places are sixteenths.
    doc(id) {
      const per = this.m.pageDocs;
      return this.page(Math.floor(id / per)).then(function (rows) {
        const r = rows[id % per];
        const d = { id: id, kind: r[0], title: r[1], url: r[2], date: r[3], number: r[4], offset: r[5], length: r[6] };
        if (r.length === 6) {
          d.text = String(r[5]);
          d.offset = 0;
          d.length = utf8out.encode(d.text).length;
        }
        return d;
      });
    }

    // text is the stretch [from, to) of a document (byte offsets in its
    // HTML or its own text), cut to whole characters, as text: {text,
    // atStart, atEnd}. The HTML is fetched from the document's page by a
    // range request, revalidated: a page keeps its address as it
    // changes, and a copy cached before it did would hold other bytes at
    // the offsets. Its length may run past the page's end (the index read
    // an attachment's line the page shows elsewhere): what is there is
    // read, and nothing at all is no text.
    text(d, from, to) {
      from = Math.max(0, from);
      to = Math.min(d.length, to);
      const cutStart = from > 0;
      const cutEnd = to < d.length;
      const result = function (text) {
        return { text: text, atStart: !cutStart, atEnd: !cutEnd };
      };
      if (typeof d.text === "string") {
        return Promise.resolve(result(utf8.decode(wholeChars(utf8out.encode(d.text).subarray(from, to), cutStart, cutEnd))));
      }
      if (to <= from) {
        return Promise.resolve(result(""));
      }
      const url = String(d.url || "").replace(/^\/+/, "");
      return this.net.range(url, d.offset + from, d.offset + to).then(function (bytes) {
        return result(htmlText(utf8.decode(wholeChars(bytes, cutStart, cutEnd)), cutStart, cutEnd));
      });
    }

    // yearRange is [first, end) of the documents of year y.
    yearRange(y) {
      const ys = this.m.years;
      for (let i = 0; i < ys.length; i++) {
        if (ys[i][0] === y) {
          return [ys[i][1], i + 1 < ys.length ? ys[i + 1][1] : this.m.docs];
        }
      }
      return [0, 0];
    }
  }

  // wholeChars is bytes, UTF-8 cut from a longer text, without what
  // the cut leaves of a character at its start (cutStart: the text went
  // on before) and at its end (cutEnd: it went on after).
  function wholeChars(bytes, cutStart, cutEnd) {
    let a = 0;
    let b = bytes.length;
    if (cutStart) {
      while (a < b && (bytes[a] & 0xc0) === 0x80) {
        a++; // the middle of a character
      }
    }
    if (cutEnd && b > a) {
      let i = b - 1;
      while (i > a && (bytes[i] & 0xc0) === 0x80) {
        i--;
      }
      const lead = bytes[i];
      const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (i + size > b) {
        b = i;
      }
    }
    return bytes.subarray(a, b);
  }

  // ---------------------------------------------------------------------
  // The text of a stretch of a page's HTML, as the index read it
  // (internal/search.PlainText, which jshtml_test.go holds this to): the
  // snippet's words and the places of the postings must be the same
  // text's.

  // The classes of elements (Go's tagClasses): those whose boundaries do
  // not part words (inline), those that hold no text a reader sees
  // (skipped), and <img>, whose text is its alt attribute; every other
  // element's boundaries are a space.
  const TAG_BLOCK = 0;
  const TAG_INLINE = 1;
  const TAG_SKIPPED = 2;
  const TAG_IMG = 3;
  const SKIPPED_TAGS = ["script", "style", "template", "svg", "noscript", "textarea", "title"];
  const TAG_CLASSES = new Map();
  "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q rb rp rt ruby s samp small span strong sub sup time u var wbr".split(" ").forEach(function (n) {
    TAG_CLASSES.set(n, TAG_INLINE);
  });
  SKIPPED_TAGS.forEach(function (n) {
    TAG_CLASSES.set(n, TAG_SKIPPED);
  });
  TAG_CLASSES.set("img", TAG_IMG);

  // White space as Go's unicode.IsSpace has it: not \s, which holds U+FEFF
  // and not U+0085.
  const HTML_SPACES = /[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

  // htmlText is the plain text of s, a stretch of HTML, by PlainText's
  // rules: tags left out, an inline element's (<strong>, <a>, …) joining
  // its text with what surrounds it and every other's boundary a space;
  // an image its alt text, between spaces; comments and the content of
  // <script>, <style>, <svg> and the like left out; character references
  // decoded; white space collapsed to one space, none at either end.
  // cutStart, cutEnd: s was cut from a longer page there, maybe within a
  // tag, a reference or an element whose content is no text: what the cut
  // leaves of them is left out (htmlCutStart, htmlCutEnd), not shown as
  // text. The result is only ever inserted as text (the index's text is
  // untrusted).
  function htmlText(s, cutStart, cutEnd) {
    if (cutStart) {
      s = s.slice(htmlCutStart(s));
    }
    if (cutEnd) {
      s = s.slice(0, htmlCutEnd(s));
    }
    const w = { out: [], pending: false };
    let i = 0;
    while (i < s.length) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        writeText(w, s.slice(i));
        break;
      }
      writeText(w, s.slice(i, lt));
      i = lt;
      const c = s.charCodeAt(i + 1);
      if (s.startsWith("<!--", i)) {
        i = skipPast(s, i + 4, "-->");
      } else if (c === 0x21 || c === 0x3f) {
        i = skipPast(s, i + 2, ">"); // doctype, CDATA, processing instruction
      } else if (isASCIILetter(c) || (c === 0x2f && isASCIILetter(s.charCodeAt(i + 2)))) {
        const end = c === 0x2f;
        let j = end ? i + 2 : i + 1;
        const at = j;
        while (j < s.length && !isTagNameEnd(s.charCodeAt(j))) {
          j++;
        }
        const name = s.slice(at, j);
        const cls = TAG_CLASSES.get(asciiLower(name)) || TAG_BLOCK;
        const next = s.charCodeAt(j) === 0x3e ? j + 1 : tagEnd(s, j);
        const tag = s.slice(i, next);
        i = next;
        if (cls === TAG_INLINE) {
          continue;
        }
        w.pending = true;
        if (cls === TAG_IMG && !end) {
          writeText(w, altText(tag));
          w.pending = true;
        }
        if (cls === TAG_SKIPPED && !end) {
          i = skipElement(s, i, name);
        }
      } else {
        // A '<' that starts no tag is text (HTML's own rule).
        writeText(w, "<");
        i++;
      }
    }
    return w.out.join("");
  }

  // writeText adds raw, text between tags, to w's: its references
  // decoded, each run of white space a space, written only before more
  // text (none at either end).
  function writeText(w, raw) {
    const parts = (raw.indexOf("&") >= 0 ? unescapeHTML(raw) : raw).split(HTML_SPACES);
    for (let k = 0; k < parts.length; k++) {
      if (k > 0) {
        w.pending = true;
      }
      if (parts[k] !== "") {
        if (w.pending && w.out.length > 0) {
          w.out.push(" ");
        }
        w.pending = false;
        w.out.push(parts[k]);
      }
    }
  }

  function isASCIILetter(c) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  }

  // isTagNameEnd reports whether a tag's name ends before the code unit
  // c: '>', '/' or white space (\v is none, as in Go's tagNameByte).
  function isTagNameEnd(c) {
    return c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
  }

  // asciiLower is s with its ASCII capitals made small, and nothing else
  // changed: Go compares tag and attribute names so (toLowerCase would
  // turn İ into two characters).
  function asciiLower(s) {
    return s.replace(/[A-Z]+/g, function (m) {
      return m.toLowerCase();
    });
  }

  // skipPast is where s continues after the first end from i, or its
  // length.
  function skipPast(s, i, end) {
    const k = s.indexOf(end, i);
    return k < 0 ? s.length : k + end.length;
  }

  // tagEnd is where the tag in s whose name ends at j ends (after its
  // '>', or s's length). Quoted attribute values may hold '>'.
  function tagEnd(s, j) {
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x22 || c === 0x27) {
        const k = s.indexOf(s[j], j + 1);
        if (k < 0) {
          return s.length;
        }
        j = k;
      } else if (c === 0x3e) {
        return j + 1;
      }
    }
    return s.length;
  }

  // skipElement is where s continues after the end tag of name (any
  // case) from i, where the content of a skipped element ends, or its
  // length.
  function skipElement(s, i, name) {
    const want = asciiLower(name);
    for (;;) {
      const j = s.indexOf("</", i);
      if (j < 0) {
        return s.length;
      }
      const k = j + 2;
      const n = k + name.length;
      if (n <= s.length && asciiLower(s.slice(k, n)) === want && (n === s.length || isTagNameEnd(s.charCodeAt(n)))) {
        return tagEnd(s, n);
      }
      i = k;
    }
  }

  // altText is the alt attribute of an img tag as written (its references
  // not decoded), or "".
  function altText(tag) {
    let i = 4; // after "<img"
    while (i < tag.length) {
      while (i < tag.length && isTagNameEnd(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 0x3e) {
        i++; // white space and '/' between attributes
      }
      if (i >= tag.length || tag.charCodeAt(i) === 0x3e) {
        break;
      }
      let j = i;
      while (j < tag.length && tag.charCodeAt(j) !== 0x3d && !isTagNameEnd(tag.charCodeAt(j))) {
        j++;
      }
      const name = tag.slice(i, j);
      let value = "";
      i = j;
      if (i < tag.length && tag.charCodeAt(i) === 0x3d) {
        i++;
        const q = tag.charCodeAt(i);
        if (q === 0x22 || q === 0x27) {
          const k = tag.indexOf(tag[i], i + 1);
          if (k < 0) {
            break;
          }
          value = tag.slice(i + 1, k);
          i = k + 1;
        } else {
          let k = i;
          while (k < tag.length && tag.charCodeAt(k) !== 0x3e && (!isTagNameEnd(tag.charCodeAt(k)) || tag.charCodeAt(k) === 0x2f)) {
            k++;
          }
          value = tag.slice(i, k);
          i = k;
        }
      }
      if (asciiLower(name) === "alt") {
        return value;
      }
    }
    return "";
  }

  // htmlCutStart is where the text of s, HTML cut from a page at its
  // start, begins: after the end of the comment or of the skipped element
  // (<svg>, <script>, …) it began in, whose end comes before any start;
  // else after the tag it began in (a '>' before any '<': text holds none,
  // the page writes &gt;); else after the character reference it began in
  // (mp; of &amp;, #39; of &#39;).
  function htmlCutStart(s) {
    const lower = asciiLower(s);
    let at = -1;
    const ce = lower.indexOf("-->");
    if (ce >= 0) {
      const co = lower.indexOf("<!--");
      if (co < 0 || co > ce) {
        at = ce + 3;
      }
    }
    for (const name of SKIPPED_TAGS) {
      const e = findTag(lower, "</" + name);
      if (e >= 0) {
        const o = findTag(lower, "<" + name);
        if (o < 0 || o > e) {
          at = Math.max(at, tagEnd(s, e + 2 + name.length));
        }
      }
    }
    if (at >= 0) {
      return at;
    }
    const gt = s.indexOf(">");
    const lt = s.indexOf("<");
    if (gt >= 0 && (lt < 0 || lt > gt)) {
      return gt + 1;
    }
    const m = /^[#0-9A-Za-z]{0,32};/.exec(s);
    return m ? m[0].length : 0;
  }

  // findTag is where in s the tag begins that open (such as "</svg")
  // begins, its name ending there, or -1.
  function findTag(s, open) {
    for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
      const n = i + open.length;
      if (n === s.length || isTagNameEnd(s.charCodeAt(n))) {
        return i;
      }
    }
    return -1;
  }

  // htmlCutEnd is where the text of s, HTML cut from a page at its end,
  // ends: before the tag the cut is in (a '<' with no '>' after it), or
  // else the character reference (&am, &#3).
  function htmlCutEnd(s) {
    const lt = s.lastIndexOf("<");
    if (lt >= 0 && s.indexOf(">", lt) < 0) {
      return lt;
    }
    const amp = s.lastIndexOf("&");
    return amp >= 0 && s.length - amp <= 33 && /^&[#0-9A-Za-z]*$/.test(s.slice(amp)) ? amp : s.length;
  }

  // unescapeHTML decodes the character references in s as Go's
  // html.UnescapeString does: numeric ones, with its quirks, and the named
  // ones of NAMED_REFS (of the 2,231 of HTML, those a page of the site may
  // hold: goldmark writes only &amp; &lt; &gt; &quot;, html/template
  // numeric ones too); an unknown one is left as written. Those that may
  // be written without the semicolon (&amp, &copy2023) are decoded so too.
  function unescapeHTML(s) {
    const out = [];
    let i = 0;
    for (;;) {
      const amp = s.indexOf("&", i);
      if (amp < 0) {
        out.push(s.slice(i));
        return out.join("");
      }
      out.push(s.slice(i, amp));
      i = reference(s, amp, out);
    }
  }

  // reference decodes the reference at s[a] ('&') onto out (or the '&'
  // alone, when none is there) and returns where s goes on.
  function reference(s, a, out) {
    if (s.charCodeAt(a + 1) === 0x23) {
      return numericReference(s, a, out);
    }
    let i = a + 1;
    while (i < s.length && isASCIIAlnum(s.charCodeAt(i))) {
      i++;
    }
    if (i < s.length && s.charCodeAt(i) === 0x3b) {
      i++;
    }
    const name = s.slice(a + 1, i);
    const refs = namedRefs();
    const v = refs.get(name);
    if (v !== undefined) {
      out.push(v);
      return i;
    }
    // The longest name that may go without its semicolon, from six
    // characters down (&notit; is ¬it;).
    for (let j = Math.min(name.length - 1, 6); j > 1; j--) {
      const w = refs.get(name.slice(0, j));
      if (w !== undefined) {
        out.push(w);
        return a + 1 + j;
      }
    }
    out.push(s.slice(a, Math.max(i, a + 1)));
    return Math.max(i, a + 1);
  }

  function isASCIIAlnum(c) {
    return isASCIILetter(c) || (c >= 0x30 && c <= 0x39);
  }

  // numericReference decodes the numeric reference at s[a] ("&#…") onto
  // out, as Go does: digits read into a wrapping 32-bit number, the
  // semicolon optional, nothing decoded unless more than "&#" or "&#x"
  // was read, Windows-1252's characters for 0x80–0x9F, U+FFFD for no
  // character.
  function numericReference(s, a, out) {
    if (s.length - a <= 3) {
      out.push("&");
      return a + 1;
    }
    let i = a + 2;
    const hex = s.charCodeAt(i) === 0x78 || s.charCodeAt(i) === 0x58;
    if (hex) {
      i++;
    }
    let x = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let d = -1;
      if (c >= 0x30 && c <= 0x39) {
        d = c - 0x30;
      } else if (hex && c >= 0x61 && c <= 0x66) {
        d = c - 0x61 + 10;
      } else if (hex && c >= 0x41 && c <= 0x46) {
        d = c - 0x41 + 10;
      }
      if (d < 0) {
        if (c === 0x3b) {
          i++;
        }
        break;
      }
      x = (Math.imul(x, hex ? 16 : 10) + d) | 0;
    }
    if (i - a <= 3) {
      out.push("&");
      return a + 1;
    }
    if (x >= 0x80 && x <= 0x9f) {
      out.push(WINDOWS_1252[x - 0x80]);
    } else if (x <= 0 || (x >= 0xd800 && x <= 0xdfff) || x > 0x10ffff) {
      out.push("\ufffd");
    } else {
      out.push(String.fromCodePoint(x));
    }
    return i;
  }

  // What a numeric reference to 0x80–0x9F stands for (HTML's rule).
  const WINDOWS_1252 = "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178";

  // The named references decoded, with their semicolons; those of
  // U+00A0–U+00FF (in order) and a few others may go without it, as in
  // HTML. jshtml_test.go checks each against Go's.
  const LATIN1_REFS =
    "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
  const BARE_REFS = "quot:22 amp:26 lt:3c gt:3e QUOT:22 AMP:26 LT:3c GT:3e COPY:a9 REG:ae"; // may go without the semicolon
  const NAMED_REFS =
    "apos:27 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 circ:2c6 tilde:2dc ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 lsaquo:2039 rsaquo:203a euro:20ac trade:2122 larr:2190 rarr:2192 minus:2212 ne:2260 le:2264 ge:2265";

  // namedRefs is the map of reference names (with the semicolon, and
  // without for those that may go without) to their characters, made the
  // first time a page's text holds a '&'.
  let namedRefMap = null;
  function namedRefs() {
    if (!namedRefMap) {
      const m = new Map();
      LATIN1_REFS.split(" ").forEach(function (n, k) {
        const c = String.fromCharCode(0xa0 + k);
        m.set(n + ";", c);
        m.set(n, c);
      });
      const add = function (list, bare) {
        for (const e of list.split(" ")) {
          const kv = e.split(":");
          const c = String.fromCodePoint(parseInt(kv[1], 16));
          m.set(kv[0] + ";", c);
          if (bare) {
            m.set(kv[0], c);
          }
        }
      };
      add(BARE_REFS, true);
      add(NAMED_REFS, false);
      namedRefMap = m;
    }
    return namedRefMap;
  }

  // The pieces of the table of variants (internal/search.Variants): piece
  // k holds the traditional characters VARIANTS_START + k·256 … + 255.
  const VARIANTS_START = 0x4e00;
  const VARIANTS_END = 0xa000;
  const VARIANTS_SHIFT = 8;

  // Ranking. A term's weight in a document is BM25's: its idf times the
  // saturating weight of its count (precomputed in the index, 1…15 for
  // 0…k1+1; a term in more than half of the documents has none and counts
  // a middling 1), plus TITLE for a title, 文号 or name holding it.
  const K1 = 1.2;
  const TITLE = 2 * (K1 + 1);
  const DENSE = 1;

  // search finds the documents for query q in index: those whose title,
  // 文号 or name is q (exact), those holding every term (complete) and
  // those holding at least half of them (partial), each list ranked
  // (opts.sort: "" by weight, "new" newest first) and narrowed to
  // opts.year if given. It resolves to {query, postings, exact, complete,
  // partial, sortRest} (lists of document numbers); with opts.first, only
  // the first opts.first of complete (after exact) and of partial are in
  // order until sortRest is called. When nothing is found and q has a run
  // of three or more Han characters, it resolves to the search of the
  // pieces of its runs between pairs that no document holds (query is
  // then theirs, and loose is true). A 文号 no circular has is all
  // partial, and missingNumber is that 文号 (numberMissing); missingIn is
  // opts.year when only that year has no circular of it. A month typed in
  // Chinese numerals that no page holds is searched in digits (readAs is
  // then the query looked up), and when opts.year holds nothing that
  // other years hold, emptyIn is that year and otherYears how many they
  // hold.
  function search(index, q, opts) {
    opts = opts || {};
    return searchMonths(index, q, opts).then(function (f) {
      return nearNames(index, q, f);
    }).then(function (f) {
      if (!opts.year || f.exact.length + f.complete.length + f.partial.length > 0 || f.missingNumber) {
        return f;
      }
      // Nothing in the year chosen: how much the other years hold
      // (otherYears, emptyIn), so that the page does not say there is
      // nothing at all (the year select keeps its value as one types).
      return searchMonths(index, q, Object.assign({}, opts, { year: 0 })).then(function (g) {
        const n = g.exact.length + g.complete.length + g.partial.length;
        if (n > 0) {
          f.emptyIn = opts.year;
          f.otherYears = n;
        }
        return f;
      });
    });
  }

  // nearNames is found, a search for q, with the pages of the names one
  // character away from q first among its partial matches, and those
  // names in near (each {name, id}), when no page holds q whole: 兴隆街道
  // for 兴龙街道, which a pinyin input method offers as readily. The list
  // of names is fetched only then. A misspelt name finds its page among
  // the partial matches already, but no higher than every page holding
  // 街道: the index keeps no positions that would tell them apart.
  function nearNames(index, q, found) {
    const key = Array.from(parseQuery(numberForm(q)).key);
    if (found.exact.length + found.complete.length > 0 || found.missingNumber || key.length < 2 || key.indexOf(" ") >= 0) {
      return Promise.resolve(found);
    }
    return index.names().then(
      function (names) {
        const near = names.filter(function (n) {
          return oneApart(key, n.key);
        });
        if (near.length > 0) {
          const ids = Array.from(new Set(near.map((n) => n.id)));
          found.partial = ids.concat(
            found.partial.filter(function (d) {
              return ids.indexOf(d) < 0;
            }),
          );
          found.near = near.map((n) => ({ name: n.name, id: n.id }));
        }
        return found;
      },
      function () {
        return found; // the list did not come: the search as it was
      },
    );
  }

  // oneApart reports whether the lists of characters a and b, each of two
  // or more, are one edit apart: one character changed, added, left out,
  // or two side by side swapped.
  function oneApart(a, b) {
    if (a.length < 2 || b.length < 2 || Math.abs(a.length - b.length) > 1) {
      return false;
    }
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) {
      i++;
    }
    const same = function (x, y) {
      return a.slice(x).join("") === b.slice(y).join("");
    };
    if (a.length === b.length) {
      return i < a.length && (same(i + 1, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && same(i + 2, i + 2)));
    }
    return a.length > b.length ? same(i + 1, i) : same(i, i + 1);
  }

  // searchMonths is search within opts.year alone: of q, or, when no page
  // holds it whole, of q with its months in digits.
  function searchMonths(index, q, opts) {
    return searchAs(index, q, opts).then(function (f) {
      if (f.exact.length + f.complete.length > 0) {
        return f;
      }
      // No page holds it whole: a month in Chinese numerals without a
      // year (三月, 十二月份), which circulars write in digits, is looked
      // up again so (readAs), and kept if that finds it whole, or finds
      // anything where nothing was. Only now: a page may write 三月 itself.
      const m = q.replace(CHINESE_MONTH, function (_, before, month) {
        return before + (CHINESE_MONTHS.indexOf(month) + 1) + "月";
      });
      if (m === q) {
        return f;
      }
      return searchAs(index, m, opts).then(function (g) {
        const whole = g.exact.length + g.complete.length > 0;
        if (!whole && (f.partial.length > 0 || g.partial.length === 0)) {
          return f;
        }
        g.readAs = m.trim();
        return g;
      });
    });
  }

  // searchAs is search of q as typed (in its standard form, numberForm).
  function searchAs(index, q, opts) {
    q = numberForm(q);
    const number = NUMBER_QUERY.test(q.trim());
    return searchTerms(index, q, opts).then(function (found) {
      if (!number) {
        return unmatched(index, q, found, opts);
      }
      if (found.exact.length > 0) {
        return byNumber(found, found.exact);
      }
      return typedInPart(index, found, q.trim(), opts).then(function (own) {
        if (own.length > 0) {
          return byNumber(found, own);
        }
        return unmatched(index, q, found, opts).then(function (f) {
          return numberMissing(f, q.trim(), opts);
        }).then(function (f) {
          return opts.year ? numberElsewhere(index, q, f, opts) : f;
        });
      });
    });
  }

  // numberElsewhere is found, a search for the 文号 number that no
  // circular of the year opts.year has, with missingIn set to that year
  // when a circular of another year has it: the page then says the year
  // chosen leaves it out, not that there is no such circular (a reader
  // who chose 2023 and then typed 双政办函〔2021〕11号 was told so).
  function numberElsewhere(index, q, found, opts) {
    const all = { sort: opts.sort, first: opts.first };
    return searchTerms(index, q, all).then(function (f) {
      if (f.exact.length > 0) {
        return true;
      }
      return typedInPart(index, f, q.trim(), all).then(function (own) {
        return own.length > 0;
      });
    }).then(function (elsewhere) {
      if (elsewhere) {
        found.missingIn = opts.year;
      }
      return found;
    });
  }

  // unmatched is found, a search, or when no page holds the query whole,
  // the search of it in simplified characters or of its pieces.
  function unmatched(index, q, found, opts) {
    if (found.exact.length + found.complete.length > 0) {
      return Promise.resolve(found);
    }
    // No page holds it whole, and a term of Han characters is in no
    // page: typed in traditional characters (營商環境), it may be in
    // simplified ones. Looked up again so, the characters of those
    // terms written as the table of variants writes them (only their
    // pieces of it fetched, and only now); kept if it finds anything
    // (variant says what was looked up).
    const unknown = new Set();
    for (const t of found.query.terms) {
      if (classify(t.codePointAt(0)) === HAN && !found.postings.has(t)) {
        for (const c of t) {
          unknown.add(c);
        }
      }
    }
    if (unknown.size === 0 || opts.simplified) {
      return loosely(index, found, opts);
    }
    return index.simplified(q, unknown).then(
      function (s) {
        if (s === q) {
          return loosely(index, found, opts);
        }
        // Searched as typed in simplified characters, with all that
        // comes of it: a 文号 (雙政辦函〔2023〕11號) finds its circular as
        // the one complete match, or is said to be missing. Its terms
        // no page holds are not looked up in the table again (simplified).
        return searchMonths(index, s, Object.assign({}, opts, { simplified: true })).then(function (f) {
          if (f.exact.length + f.complete.length + f.partial.length === 0 && found.partial.length > 0) {
            return found;
          }
          f.variant = s;
          return f;
        });
      },
      function () {
        return loosely(index, found, opts); // the table did not come
      },
    );
  }

  // byNumber is found, a search for a 文号 that found own, the circulars
  // it names (the one whose 文号 it is, or those whose 文号 end with it,
  // typed in part: 政办函〔2023〕11号, 〔2023〕11号), with the other documents holding
  // all its terms counted as partial matches: 〔2021〕11号 with a 2023 in
  // its text holds every term of 双政办函〔2023〕11号, and is no match of
  // it.
  function byNumber(found, own) {
    found.sortRest();
    const mine = new Set(own);
    const rest = found.complete.filter(function (d) {
      return !mine.has(d);
    });
    found.complete = found.complete.filter(function (d) {
      return mine.has(d);
    });
    found.partial = rest.concat(found.partial);
    found.numbered = mine;
    return found;
  }

  // typedInPart resolves to the complete matches of found, a search for
  // the 文号 number that no circular has whole, whose 文号 ends with it:
  // the office's code typed in part (政办函〔2023〕11号 for
  // 双政办函〔2023〕11号) or left out (〔2023〕11号). Only those whose
  // title, 文号 or names hold every term can have it: the circulars that
  // cite it in their text are not read, however many and however new
  // (newest first, ten later circulars citing it were all that was read,
  // and it was said to be missing). Of those, only the first are read; a
  // row that does not come counts as the circular's, so that a failing
  // network tells no reader that a 文号 is missing.
  function typedInPart(index, found, number, opts) {
    const headed = function (d) {
      return found.query.terms.every(function (t) {
        const p = found.postings.get(t);
        return !!p && bsearch(p.title, d) >= 0;
      });
    };
    const ids = found.complete.filter(headed).slice(0, opts.first || found.complete.length);
    return Promise.all(
      ids.map(function (id) {
        return index.doc(id).then(
          function (d) {
            return String(d.number || "").endsWith(number) ? id : -1;
          },
          function () {
            return id;
          },
        );
      }),
    ).then(function (r) {
      return r.filter(function (id) {
        return id >= 0;
      });
    });
  }

  // numberMissing is found, a search for the 文号 number that no circular
  // has: what it found only holds the 文号's words (〔2019〕 and 11号 of
  // another circular), so it is all partial, and the page says that no
  // circular has the 文号 (missingNumber) rather than listing another
  // circular as a complete match.
  function numberMissing(found, number, opts) {
    found.sortRest();
    if (found.complete.length > 0) {
      found.partial = found.complete.concat(found.partial);
      if (opts.sort === "new") {
        found.partial.sort(function (a, b) {
          return b - a; // the two lists were each newest first
        });
      }
      found.complete = [];
    }
    found.missingNumber = number;
    return found;
  }

  // loosely is found, a search that found no page holding the query
  // whole, or, when it found nothing at all, the search of the pieces of
  // the query's runs of three Han characters or more.
  function loosely(index, found, opts) {
    if (found.partial.length > 0) {
      return Promise.resolve(found);
    }
    // Nothing found: one wrong character (营商坏境) breaks two of the
    // three pairs of a four-character word, and a term no page holds
    // finds nothing. Cut the query's runs of three characters or more
    // where a pair is in no page, and look the pieces up (营商 坏 境:
    // half of them are enough for a partial match, and 营商 is marked
    // and shown in the snippets). One character of two is not enough
    // to go on (联系 would find every page with a 系).
    const parts = found.query.parts;
    const pieces = [];
    let cut = false;
    for (const p of parts) {
      if (!p.han || p.units.length < 3) {
        pieces.push(p.units.join(""));
        continue;
      }
      let piece = p.units[0];
      for (let i = 1; i < p.units.length; i++) {
        if (found.postings.has(p.units[i - 1] + p.units[i])) {
          piece += p.units[i];
        } else {
          pieces.push(piece);
          piece = p.units[i];
          cut = true;
        }
      }
      pieces.push(piece);
    }
    // Pieces of one character each are nothing to go on either: no two
    // characters of the query stand together in any page (垃圾分类 on a
    // site that never speaks of it would find every page with 分 and 类).
    const known = pieces.some(function (piece) {
      const cs = Array.from(piece);
      if (cs.length < 2 || classify(piece.codePointAt(0)) !== HAN) {
        return false;
      }
      for (let i = 1; i < cs.length; i++) {
        if (!found.postings.has(cs[i - 1] + cs[i])) {
          return false;
        }
      }
      return true;
    });
    if (!cut || !known) {
      return Promise.resolve(found);
    }
    return searchTerms(index, pieces.join(" "), opts).then(function (f) {
      // None holds the query as typed: those holding every piece are
      // partial matches too, the first of them (more pieces first, then
      // by weight or date, as partial matches are ranked).
      f.sortRest();
      f.partial = f.complete.concat(f.partial);
      if (opts.sort === "new") {
        f.partial.sort(function (a, b) {
          return b - a; // the two lists were each newest first
        });
      }
      f.complete = [];
      f.exact = [];
      f.loose = true;
      // A piece of one character is bound (marks): marked against another
      // mark only (营商坏境 marks 营商 of 优化营商环境, not its 境; 区发展和改革局
      // not the 改 of 整改).
      f.query.bound = f.query.runs.map(function (run, r) {
        return f.query.bound[r] || (run.length === 1 && classify(run[0].codePointAt(0)) === HAN);
      });
      return f;
    });
  }

  // numberForm writes a 文号 and a month in a query the way circulars
  // write them (DOMAIN.md: years and months in Arabic digits, the full
  // year, no 第 and no leading zeros in a 文号), so that they find
  // what the standard form finds however they were typed:
  // 双政办函〔二〇二三〕第010号 is 双政办函〔2023〕10号, and 2023〕10号, its
  // opening bracket left out (as a reader selecting it in a citation
  // may), 〔2023〕10号; 2022.3, 2022-03,
  // 2022/3, 2022年三月, 二〇二二年三月 and 22年3月 are 2022年3月 (a month is
  // then 3月, not a 3 that a 文号's 〔2023〕3号 holds too), and 1至2月 is
  // 1-2月, as circulars write a range of months. Only these
  // shapes: elsewhere 二〇二三 or 三月 may be a document's own words.
  function numberForm(q) {
    return q
      .replace(NUMBER, function (_, before, year, serial) {
        return (OPENING.indexOf(before) >= 0 ? "" : before) + "〔" + digits(year) + "〕" + digits(serial).replace(/^0+(?=\d)/, "") + "号";
      })
      .replace(MONTH_RANGE, "$1-$2月")
      .replace(YEAR_MONTH_DIGITS, yearMonth)
      .replace(DOTTED_MONTH, yearMonth)
      .replace(YEAR_MONTH, function (_, before, year, month) {
        return yearMonth(_, before, year, String(CHINESE_MONTHS.indexOf(month) + 1));
      });
  }
  // yearMonth is the standard form of a year and a month in digits, after
  // what came before them, or all that was matched when the month is none.
  function yearMonth(all, before, year, month) {
    const m = Number(digits(month));
    if (m < 1 || m > 12) {
      return all;
    }
    year = digits(year);
    return before + (year.length === 2 ? "20" + year : year) + "年" + m + "月";
  }
  // digits writes Chinese and full-width digits as ASCII ones.
  function digits(s) {
    return Array.from(s, function (c) {
      const k = CHINESE_DIGITS.indexOf(c);
      if (k >= 0) {
        return String(k % 10);
      }
      const cp = c.codePointAt(0);
      return cp >= 0xff10 && cp <= 0xff19 ? String(cp - 0xff10) : c;
    }).join("");
  }
  // A month in Chinese numerals without a year or a number before it.
  const CHINESE_MONTH = /(^|[^〇一二三四五六七八九十零年0-9０-９])(十[一二]|[一二三四五六七八九十])月/g;
  const CHINESE_DIGITS = "〇一二三四五六七八九零";
  const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
  // A query that is a 文号 as numberForm writes it, with its 机关代字, part
  // of it or none: a circular cites another as 〔2023〕11号, and a reader
  // types it so, wanting that circular, not every one whose text holds a
  // 2023 and whose 文号 is some year's 11号.
  const NUMBER_QUERY = /^[\u4e00-\u9fff]*〔\d{4}〕\d+号$/;
  // A 文号's year between brackets (any of 〔〕[]【】（）()) and its serial,
  // and the 文 or 文件 it is spoken of with at the end of a word (14号文):
  // no circular's 文号 holds them. The opening bracket may be left out
  // (2023〕11号), though not after a digit: before is the bracket, or
  // what came before the year, which is kept.
  const NUMBER = /([〔[【（(［]|^|[^0-9０-９〇一二三四五六七八九零〔[【（(［])\s*([0-9０-９〇一二三四五六七八九零]{4})\s*[〕\]】）)］]\s*第?\s*([0-9０-９]+)\s*号(?:文件?(?=\s|$))?/g;
  const OPENING = "〔[【（(［";
  // (No lookbehind below: Safari before 16.4 cannot parse one, and would
  // run no search at all. What comes before a match is matched instead.)
  // A year and a month in digits: 2022年03月, 22年3月, ２０２２年３月.
  const YEAR_MONTH_DIGITS = /(^|[^0-9０-９])([0-9０-９]{4}|[0-9０-９]{2})\s*年\s*([0-9０-９]{1,2})\s*月/g;
  // Months as a range with 至 or 到, which circulars write with a dash
  // (1-2月): 1至2月 holds a pair, 1至, that no such circular has.
  const MONTH_RANGE = /([0-9０-９]{1,2})\s*[至到]\s*([0-9０-９]{1,2})\s*月/g;
  // A year and a month with a point, dash or slash between, alone (not a
  // decimal, a range or a whole date): 2022.3, 2022-03, 2022/3.
  const DOTTED_MONTH = /(^|[^0-9０-９.．\-－/／])([0-9０-９]{4})\s*[.．\-－/／]\s*([0-9０-９]{1,2})(?![0-9０-９.．\-－/／])/g;
  // A year in digits or Chinese numerals, then a month in Chinese
  // numerals: 2022年三月, 二〇二二年十二月.
  const YEAR_MONTH = /(^|[^0-9０-９])([0-9０-９]{4}|[0-9０-９]{2}|[〇一二三四五六七八九零]{4})年(十[一二]|[一二三四五六七八九十])月/g;

  // MAX_TERMS is how many of a query's terms are looked up, the first: a
  // paragraph pasted to find its circular (hundreds of terms) fetched
  // most of the index's shards, megabytes on a phone at 20,000 pages,
  // when its first sentence finds it as well.
  const MAX_TERMS = 32;

  function searchTerms(index, q, opts) {
    const query = parseQuery(q);
    query.terms = query.terms.slice(0, MAX_TERMS);
    const empty = { query: query, postings: new Map(), exact: [], complete: [], partial: [], sortRest: function () {} };
    if (query.terms.length === 0) {
      return Promise.resolve(empty);
    }
    const toks = query.terms.concat(query.key ? ["=" + query.key] : []);
    return Promise.all(
      toks.map(function (t) {
        return index.postings(t);
      }),
    ).then(function (lists) {
      const n = index.size;
      const postings = new Map();
      toks.forEach(function (t, i) {
        if (lists[i]) {
          postings.set(t, lists[i]);
        }
      });
      const score = new Float64Array(n);
      const matched = new Int16Array(n); // terms each document holds, less all
      const inTitle = new Uint16Array(n); // terms its title, 文号 or names hold
      const inBody = new Uint8Array(n); // for the current term
      const touched = new Int32Array(n); // documents holding a term, touched[0:nt], while all is 0
      let nt = 0;
      let all = 0; // terms counted for every document, and taken back from those not holding them (addAllBut)
      for (const t of query.terms) {
        const p = postings.get(t);
        if (p && p.absent && !p.weights) {
          addAllBut(p, n, score, matched, inTitle, inBody);
          all++;
        } else if (p) {
          nt = addTerm(p, n, score, matched, inTitle, inBody, touched, nt);
        }
      }
      let lo = 0;
      let hi = n;
      if (opts.year) {
        const r = index.yearRange(opts.year);
        lo = r[0];
        hi = r[1];
      }
      const keep = function (d) {
        return d >= lo && d < hi;
      };
      const want = query.terms.length;
      const half = Math.ceil(want / 2);
      // A document holding none of the terms but the numbers of bound runs
      // (parseQuery) is no partial match: the 1 of 2023年1-2月 is in every
      // other page, and PM10-5 on a site that never speaks of it listed
      // every page with a 5 in it.
      const weak = weakTerms(query)
        .map(function (t) {
          return postings.get(t);
        })
        .filter(Boolean);
      const holdsMore = function (d, m) {
        let w = 0;
        for (const p of weak) {
          if (p.rank(d) >= 0 || bsearch(p.title, d) >= 0) {
            w++;
          }
        }
        return m > w;
      };
      const exactP = query.key ? postings.get("=" + query.key) : null;
      // A page without a date (a unit's or an indicator's history, which
      // spans every year; they are numbered first) found by its name is
      // listed whatever the year chosen: a reader who had chosen one did
      // not find 兴隆街道's page by its name.
      const dated = index.m.years.length > 0 ? index.m.years[0][1] : n;
      const exact = exactP
        ? Array.from(exactP.title).filter(function (d) {
            return keep(d) || d < dated;
          })
        : [];
      const isExact = new Set(exact);
      // The candidates, in one plain loop (a first query at 20,000
      // documents goes through them all, in code not compiled yet):
      // every document when a term was counted for all (addAllBut), else
      // those touched (ascending term by term); firstInOrder is quickest
      // with them ascending.
      const complete = [];
      const partial = [];
      const from = all > 0 ? lo : 0;
      const to = all > 0 ? hi : nt;
      for (let k = from; k < to; k++) {
        const d = all > 0 ? k : touched[k];
        if (d < lo || d >= hi || (exact.length > 0 && isExact.has(d))) {
          continue;
        }
        const m = matched[d] + all;
        if (m === want) {
          complete.push(d);
        } else if (m >= half && (weak.length === 0 || holdsMore(d, m))) {
          partial.push(d);
        }
      }
      const newest = function (a, b) {
        return b - a;
      };
      exact.sort(newest);
      let byComplete = newest;
      let byPartial = newest;
      if (opts.sort !== "new") {
        byComplete = function (a, b) {
          return (inTitle[b] === want) - (inTitle[a] === want) || score[b] - score[a] || b - a;
        };
        byPartial = function (a, b) {
          return matched[b] - matched[a] || score[b] - score[a] || b - a;
        };
      }
      // Only the first opts.first of each list are put in order (all of
      // them if it is not given): a page lists ten, and sorting twenty
      // thousand results took most of a query's time. sortRest puts the
      // others in order, when more are to be listed.
      const k = opts.first || Infinity;
      const found = {
        query: query,
        postings: postings,
        exact: exact,
        complete: exact.concat(firstInOrder(complete, byComplete, k)),
        partial: firstInOrder(partial, byPartial, k),
        sortRest: function () {
          if (k < Infinity) {
            const c = found.complete.splice(exact.length + k);
            found.complete = found.complete.concat(c.sort(byComplete));
            found.partial = found.partial.slice(0, k).concat(found.partial.slice(k).sort(byPartial));
          }
          found.sortRest = function () {};
        },
      };
      return found;
    });
  }

  // weakTerms lists the terms of a query that are numbers of bound runs
  // only (parseQuery), not also typed apart.
  function weakTerms(query) {
    const weak = [];
    query.runs.forEach(function (run, r) {
      if (query.bound[r] && query.terms.indexOf(run[0]) >= 0) {
        weak.push(run[0]);
      }
    });
    return Array.from(new Set(weak)).filter(function (t) {
      return !query.runs.some(function (run, r) {
        return !query.bound[r] && run.length === 1 && run[0] === t;
      });
    });
  }

  // addTerm adds a term's postings p to the scores and counts of the n
  // documents (see search) and returns the new count of documents touched.
  // A function of its own, in plain loops over typed arrays: a first query
  // ranks thousands of documents in code the browser has not compiled yet,
  // and a small function is compiled sooner.
  function addTerm(p, n, score, matched, inTitle, inBody, touched, nt) {
    const body = p.body;
    const title = p.title;
    const weights = p.weights;
    // df counts the documents holding the term in the text or the title.
    let df = body.length;
    if (title.length > 0) {
      inBody.fill(0);
      for (let k = 0; k < body.length; k++) {
        inBody[body[k]] = 1;
      }
      for (let k = 0; k < title.length; k++) {
        df += 1 - inBody[title[k]];
      }
    }
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    if (weights) {
      const perWeight = (idf * (K1 + 1)) / 15;
      for (let k = 0; k < body.length; k++) {
        const d = body[k];
        if (matched[d] === 0) {
          touched[nt++] = d;
        }
        matched[d]++;
        score[d] += perWeight * weights[k];
      }
    } else {
      const dense = idf * DENSE;
      for (let k = 0; k < body.length; k++) {
        const d = body[k];
        if (matched[d] === 0) {
          touched[nt++] = d;
        }
        matched[d]++;
        score[d] += dense;
      }
    }
    const inTitleWeight = idf * TITLE;
    for (let k = 0; k < title.length; k++) {
      const d = title[k];
      if (matched[d] === 0) {
        touched[nt++] = d;
      }
      if (!inBody[d]) {
        matched[d]++;
      }
      score[d] += inTitleWeight;
      inTitle[d]++;
    }
    return nt;
  }

  // addAllBut adds, as addTerm does, the postings p of a term most
  // documents' texts hold, which list those that do not (p.absent): the
  // caller counts the term for every document (its all), and this takes
  // it back from those. The term weighs as a common one, a score
  // every document holding it gets alike, which is left out of the
  // scores: they are compared, not shown.
  function addAllBut(p, n, score, matched, inTitle, inBody) {
    const absent = p.absent;
    const title = p.title;
    let df = n - absent.length;
    if (title.length > 0) {
      inBody.fill(1);
      for (let k = 0; k < absent.length; k++) {
        inBody[absent[k]] = 0;
      }
      for (let k = 0; k < title.length; k++) {
        df += 1 - inBody[title[k]];
      }
    }
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const dense = idf * DENSE;
    for (let k = 0; k < absent.length; k++) {
      const d = absent[k];
      matched[d]--;
      score[d] -= dense;
    }
    const inTitleWeight = idf * TITLE;
    for (let k = 0; k < title.length; k++) {
      const d = title[k];
      if (!inBody[d]) {
        matched[d]++;
      }
      score[d] += inTitleWeight;
      inTitle[d]++;
    }
  }

  // firstInOrder returns list with its first k elements (distinct
  // numbers) those that cmp puts first, in order, and the rest after them
  // as they were: one pass over the list, keeping the k best. The pass
  // runs from the end: the lists are in ascending order of document, and
  // cmp puts the newer (greater) of two documents it otherwise ties
  // first, so that from the end a document that ties with the k kept is
  // turned away by one comparison; from the start, every document of a
  // query whose terms most documents hold (equal scores) was better than
  // all ten kept, and went down the ten: a quarter of a first query's
  // ranking at 20,000 documents.
  function firstInOrder(list, cmp, k) {
    if (list.length <= k) {
      return list.sort(cmp);
    }
    const top = [];
    const at = []; // where each of top is in list
    for (let i = list.length - 1; i >= 0; i--) {
      const d = list[i];
      if (top.length === k && cmp(d, top[k - 1]) >= 0) {
        continue;
      }
      let j = top.length;
      top.push(d);
      at.push(i);
      while (j > 0 && cmp(d, top[j - 1]) < 0) {
        top[j] = top[j - 1];
        at[j] = at[j - 1];
        j--;
      }
      top[j] = d;
      at[j] = i;
      if (top.length > k) {
        top.pop();
        at.pop();
      }
    }
    // The rest: list without them, each taken out where it is (from the
    // last), which is faster than filtering thousands.
    const rest = list.slice();
    at.sort(function (a, b) {
      return b - a;
    });
    for (const i of at) {
      rest.splice(i, 1);
    }
    return top.concat(rest);
  }

  // ---------------------------------------------------------------------
  // Snippets and marks.

  // units lists the Han characters and words of text with their places
  // (UTF-16 indexes), and whether each goes on the run of the one before
  // (a pair joins them: two Han characters, or a word and the character
  // after it).
  function units(text) {
    const out = [];
    let joined = false;
    scan(text, function (tok, start, end) {
      if (isPair(tok)) {
        joined = true;
        return;
      }
      out.push({ tok: tok, start: start, end: end, joined: joined });
      joined = false;
    });
    return out;
  }

  // marks returns the stretches of text to mark: every occurrence of a
  // whole run of the query (a Han run, character for character, or a
  // word, with the Han run right after it if any: 3月, never 月 alone),
  // merged where they touch, in order. For a partial match (partial), the
  // text of a document that does not hold the query whole, also the
  // longest stretches of two or more of a run's characters (环境 and 卫生整治
  // of 环境卫生整治): what it holds, which is why it is listed.
  function marks(text, query, partial) {
    const us = units(text);
    const ranges = [];
    // along is how many units of text from i are run's from j, joined.
    const along = function (i, run, j) {
      let k = 0;
      while (j + k < run.length && i + k < us.length && us[i + k].tok === run[j + k] && (k === 0 || us[i + k].joined)) {
        k++;
      }
      return k;
    };
    const bound = []; // the ranges of bound runs (parseQuery), kept below if they stand against another
    for (let i = 0; i < us.length; i++) {
      for (let r = 0; r < query.runs.length; r++) {
        const run = query.runs[r];
        if (along(i, run, 0) === run.length) {
          (query.bound && query.bound[r] ? bound : ranges).push([us[i].start, us[i + run.length - 1].end]);
          continue;
        }
        if (!partial || run.length < 3) {
          continue;
        }
        let best = 0;
        for (let j = 0; j + 1 < run.length; j++) {
          best = Math.max(best, along(i, run, j));
        }
        if (best >= 2) {
          ranges.push([us[i].start, us[i + best - 1].end]);
        }
      }
    }
    // A bound run's occurrence is kept where at most two joiners (brackets,
    // quotation marks), dashes, points or slashes part it from another
    // range: 2023年1-2月, 〔2023〕14号, PM10-5; not a comma (14号，2023年).
    const near = function (a, b) {
      if (b - a > 2 || b < a) {
        return false;
      }
      for (let k = a; k < b; k++) {
        if (classify(text.codePointAt(k)) !== JOIN && NEAR.indexOf(text[k]) < 0) {
          return false;
        }
      }
      return true;
    };
    // Kept, a bound occurrence is one the next may stand against: 坐 and
    // 产 of 安全坐产, each a piece of its own.
    for (let added = true; added; ) {
      added = false;
      for (let i = 0; i < bound.length; i++) {
        const b = bound[i];
        if (b && ranges.some((r) => near(r[1], b[0]) || near(b[1], r[0]))) {
          ranges.push(b);
          bound[i] = null;
          added = true;
        }
      }
    }
    ranges.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1];
    });
    const merged = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.push([r[0], r[1]]);
      }
    }
    return merged;
  }

  const NEAR = "-－‐‑–—―~～〜.．/／"; // what may part a bound run from another (marks)

  const SNIPPET = 120; // characters (UTF-16 units) of text shown
  const LEAD = 30; // shown before the first mark

  // snippet is the part of text shown under a result, as [{text, mark}],
  // with "…" where text was cut (cutStart, cutEnd: text is itself a
  // stretch of a longer one). It starts a little before the mark that
  // begins the window showing the most different marked words (densest),
  // or before the first of the query's terms when nothing is marked.
  // partial: the result is a partial match (see marks); opening: text
  // is the beginning of the document's, shown from its start.
  function snippet(text, query, cutStart, cutEnd, partial, opening) {
    const ranges = marks(text, query, partial);
    let at = opening ? 0 : ranges.length ? densest(text, ranges) : -1;
    if (at < 0) {
      const terms = new Set(query.terms);
      scan(text, function (tok, start) {
        if (at < 0 && terms.has(tok)) {
          at = start;
        }
      });
    }
    let from = Math.max(0, at - LEAD);
    let to = Math.min(text.length, from + SNIPPET);
    from = Math.max(0, to - SNIPPET);
    if (from > 0 && isLowSurrogate(text.charCodeAt(from))) {
      from--;
    }
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) {
      to++;
    }
    // A word or number the window cuts is left out whole ("…45.6分" would
    // read as another score), or kept whole where it holds the mark.
    scan(text, function (tok, start, end) {
      if (classify(tok.codePointAt(0)) === HAN || isPair(tok)) {
        return;
      }
      if (start < from && from < end) {
        from = end <= at || at < 0 ? end : start;
      }
      if (start < to && to < end) {
        if (start > Math.max(at, from)) {
          to = start;
        } else if (end - to <= LEAD) {
          to = end;
        }
      }
    });
    const out = pieces(text, ranges, from, to);
    if (from > 0 || cutStart) {
      out.unshift({ text: "…", mark: false });
    }
    if (to < text.length || cutEnd) {
      out.push({ text: "…", mark: false });
    }
    return out;
  }

  // densest is where the first of the marked ranges lies that begins the
  // window of a snippet showing the most different marked characters (of
  // the query: marks merges the ranges of words side by side), the
  // earliest of such: 禁毒 宣传 is shown where the two stand together, not
  // at a 禁毒 in a list of rankings a paragraph before; a partial match,
  // where more of the query stands together (环境 and 卫生整治 of
  // 环境卫生整治), not at its first piece alone.
  function densest(text, ranges) {
    let best = 0;
    let most = 0;
    for (let i = 0; i < ranges.length; i++) {
      const seen = new Set();
      for (let j = i; j < ranges.length && ranges[j][1] <= ranges[i][0] + SNIPPET - LEAD; j++) {
        for (const c of text.slice(ranges[j][0], ranges[j][1])) {
          seen.add(c);
        }
      }
      if (seen.size > most) {
        best = i;
        most = seen.size;
      }
    }
    return ranges[best][0];
  }

  function isLowSurrogate(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }

  // pieces splits text[from:to) by the marked ranges.
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

  // snippetOf fetches the stretch of document d's text where the query
  // first occurs, as the index places it: at the latest of the first
  // occurrences of the terms the text holds, which the query's first
  // occurrence whole cannot come before (反电诈 after 反电信诈骗: 反电
  // first occurs in the one, 电诈 only in the other); the beginning when
  // the text holds none (the title matched), or when d is the circular a
  // 文号 names (numbered, see byNumber) or whose title or name is the query
  // (exact): its text holds no 文号, and where the words of the 文号 or
  // title first occur (the 14 of 14户) says nothing of it; its opening
  // says what it is about. The stretch reaches past the sixteenth by
  // what the snippet shows around its mark, in bytes of text, or of HTML,
  // in which tags come between the words; it resolves to null when
  // nothing of it is text (a row without HTML, a page shorter than its
  // row says).
  function snippetOf(index, d, found) {
    if (!d.length) {
      return Promise.resolve(null);
    }
    const opening = (!!found.numbered && found.numbered.has(d.id)) || found.exact.indexOf(d.id) >= 0;
    let place = 0;
    for (const t of opening ? [] : found.query.terms) {
      const p = found.postings.get(t);
      const k = p ? p.rank(d.id) : -1;
      if (k >= 0) {
        place = Math.max(place, p.place(k));
      }
    }
    if (!found.partialSet) {
      found.partialSet = new Set(found.partial);
    }
    const partial = found.partialSet.has(d.id);
    const from = Math.floor((place * d.length) / 16);
    const to = Math.floor(((place + 1) * d.length) / 16);
    // Around the place, the bytes of the characters shown, three a
    // character at most: of a page's HTML, as of a text (a page's body is
    // mostly paragraphs; a table's cells, as much markup as text, show
    // less of it, and every byte fetched counts in what a query costs).
    return index.text(d, from - 3 * LEAD, to + 3 * SNIPPET).then(function (t) {
      return t.text === "" ? null : snippet(t.text, found.query, !t.atStart, !t.atEnd, partial, opening);
    });
  }

  // bsearch is where x is in the ascending a, or -1.
  function bsearch(a, x) {
    const lo = lowerBound(a, x);
    return lo < a.length && a[lo] === x ? lo : -1;
  }

  // lowerBound is how many of the ascending a are less than x.
  function lowerBound(a, x) {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---------------------------------------------------------------------
  // Fetching: binary, JSON, and ranges of pages. A server that ignores a
  // range sends the whole page: it is read only as far as needed.
  //
  // The index's files and the documents table are read with
  // XMLHttpRequest, not fetch: while the page is busy loading (its first
  // layout, DOMContentLoaded, load), Chromium runs an XMLHttpRequest's
  // load event as soon as the body is in, and reads a fetch's body later.
  // Measured with bench/search -timings on 20,000 pages: postings in by
  // 160–190 ms were read at 230–280 ms through fetch, after the page's
  // load; at 217–224 ms through XMLHttpRequest, and the query ranked,
  // before DOMContentLoaded. Results listed in 300 ms instead of 335
  // (medians of eight alternating runs of four loads each).

  // load fetches url whole as responseType ("arraybuffer", "json"): a
  // Promise of the response, rejected for a status other than 200 and
  // for a body that is not what was asked for.
  function load(url, responseType) {
    return new Promise(function (resolve, reject) {
      const x = new XMLHttpRequest();
      x.open("GET", url);
      x.responseType = responseType;
      x.onload = function () {
        if (x.status !== 200 || x.response === null) {
          reject(new Error("HTTP " + x.status + " " + url));
        } else {
          resolve(x.response);
        }
      };
      x.onerror = x.onabort = x.ontimeout = function () {
        reject(new Error("network error " + url));
      };
      x.send();
    });
  }

  function fetchOK(url, init) {
    return fetch(url, init).then(function (res) {
      if (!res.ok) {
        throw new Error("HTTP " + res.status + " " + url);
      }
      return res;
    });
  }

  function network(base) {
    const abs = function (p) {
      return base + p;
    };
    return {
      bytes: function (p) {
        return load(abs(p), "arraybuffer").then(function (b) {
          return new Uint8Array(b);
        });
      },
      json: function (p) {
        return load(abs(p), "json");
      },
      // range is bytes [start, end) of the file at p, or as many of them
      // as it has (none when it ends before start: a 416). The copy a
      // browser keeps is revalidated: a page is not named by its bytes,
      // and another copy's bytes at the offsets are other words.
      range: function (p, start, end) {
        return fetch(abs(p), { credentials: "same-origin", cache: "no-cache", headers: { Range: "bytes=" + start + "-" + (end - 1) } }).then(function (res) {
          if (res.status === 416) {
            return new Uint8Array(0);
          }
          if (!res.ok) {
            throw new Error("HTTP " + res.status + " " + abs(p));
          }
          if (res.status === 206) {
            return res.arrayBuffer().then(function (b) {
              return new Uint8Array(b);
            });
          }
          return readUpTo(res, end).then(function (b) {
            return b.subarray(Math.min(start, b.length), end);
          });
        });
      },
    };
  }

  // readUpTo reads a response's body up to end bytes, then stops it.
  function readUpTo(res, end) {
    if (!res.body || !res.body.getReader) {
      return res.arrayBuffer().then(function (b) {
        return new Uint8Array(b);
      });
    }
    const reader = res.body.getReader();
    const chunks = [];
    let got = 0;
    const next = function () {
      return reader.read().then(function (r) {
        if (!r.done) {
          chunks.push(r.value);
          got += r.value.length;
          if (got < end) {
            return next();
          }
          reader.cancel().catch(function () {});
        }
        const all = new Uint8Array(got);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        return all;
      });
    };
    return next();
  }

  // ---------------------------------------------------------------------
  // The page.

  const PAGE = 10; // results shown at a time

  // holdsBack reports whether found's partial matches wait behind a button
  // rather than being listed: the query is a 文号 or a title or name, and
  // its page was found (exact, or the circular a 文号 typed in part names).
  // Who typed 双政办函〔2024〕5号 wants that circular; the hundred others
  // holding 2024 or 5号 were listed after it and announced with it. They
  // are still counted, and one press lists them.
  function holdsBack(found) {
    return found.partial.length > 0 && (found.exact.length > 0 || !!found.numbered);
  }
  const KINDS = { c: "通报", p: "页面", u: "单位", i: "指标" };

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

  // ---------------------------------------------------------------------
  // The query in the address starts at once. The page carries the
  // manifest and loads this script async right after it, so the script
  // runs while the page is still being parsed and laid out: the query
  // (?q=, &sort=, &year=) fetches its postings, is ranked, and the rows of
  // its first results are fetched meanwhile. init takes that search when
  // it asks the same one.

  // carried is the Index of the manifest the page carries, made once:
  // {base, index}, or null.
  let carried = null;
  function carriedIndex(base) {
    const el = document.getElementById("search-index");
    if (!el) {
      return null;
    }
    if (!carried || carried.base !== base) {
      carried = { base: base, index: new Index(JSON.parse(el.textContent), network(base)) };
    }
    return carried.index;
  }

  // parsed reports whether the whole of element el is in the document
  // while this script runs: the script comes after it and not inside it,
  // as layouts/search.html places it. The search then starts at once, not
  // at DOMContentLoaded: results whose rows are in before the rest of the
  // page has loaded are listed then.
  function parsed(el) {
    const me = document.currentScript;
    return !!el && !!me && !el.contains(me) && (el.compareDocumentPosition(me) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }

  // askOf is what identifies a search: its query, order and year.
  function askOf(q, sort, year) {
    return q + "\n" + sort + "\n" + year;
  }

  // early is the search started before the page was ready: {ask, index,
  // found (a Promise of search's result)}, or null.
  let early = null;
  function startEarly() {
    const el = document.getElementById("search-index");
    const base = el && el.getAttribute("data-base");
    const params = new URLSearchParams(window.location.search);
    const q = (params.get("q") || "").trim();
    if (!base || parseQuery(q).terms.length === 0) {
      return;
    }
    let index;
    try {
      index = carriedIndex(base);
    } catch (e) {
      return; // init reports it
    }
    const sort = params.get("sort") === "new" ? "new" : "";
    const y = Number(params.get("year"));
    const year = index.m.years.some(function (e) {
      return e[0] === y;
    })
      ? y
      : 0;
    const found = search(index, q, { sort: sort, year: year, first: PAGE }).then(function (f) {
      for (const id of (holdsBack(f) ? f.complete : f.complete.concat(f.partial)).slice(0, PAGE)) {
        index.doc(id).catch(function () {});
      }
      return f;
    });
    found.catch(function () {});
    early = { ask: askOf(q, sort, year), index: index, found: found };
  }

  function init() {
    const root = document.getElementById("search");
    if (!root) {
      return;
    }
    const form = root.querySelector("form");
    const input = root.querySelector("input[name=q]");
    const sortSel = root.querySelector("select[name=sort]");
    const yearSel = root.querySelector("select[name=year]");
    const status = root.querySelector(".search-status");
    // The query on paper, where the form is not printed (absent from a
    // search.html of a site's own from before it).
    const printed = root.querySelector(".search-printed");
    const notice = root.querySelector(".search-notice");
    // The notice says what the list below is and what to do; the status,
    // just above it, says what was found and is the one announced: on a
    // phone the two stand one over the other, and said the same thing.
    const noticeText = notice.textContent; // the page's words, but for a 文号 no circular has
    // What a reader can do when the index does not come: search again
    // (absent from a search.html of a site's own from before it).
    const failed = root.querySelector(".search-failed");
    const groups = {
      complete: root.querySelector(".search-complete"),
      partial: root.querySelector(".search-partial"),
    };
    const more = root.querySelector(".search-more");
    const manifestURL = root.getAttribute("data-index");
    const base = root.getAttribute("data-base") || "/";
    const baseTitle = document.title;
    const net = network(base);

    // loadIndex loads the manifest: the one the page carries, or, if it
    // carries none or fresh is set (a file it names was not found: the
    // index changed since), search-index.json. A failed load is tried
    // again next time.
    let loading = null;
    const inline = document.getElementById("search-index");
    function loadIndex(fresh) {
      if (!loading || fresh) {
        loading = (
          inline && !fresh
            ? new Promise(function (resolve) {
                resolve(carriedIndex(base));
              })
            : fetchOK(manifestURL, { credentials: "same-origin", cache: fresh ? "no-cache" : "default" })
                .then(function (res) {
                  return res.json();
                })
                .then(function (m) {
                  return new Index(m, net);
                })
        ).then(function (index) {
          fillYears(index);
          return index;
        });
        loading.catch(function () {
          loading = null;
        });
      }
      return loading;
    }

    function fillYears(index) {
      if (!yearSel || yearSel.options.length > 1) {
        return;
      }
      const want = yearSel.getAttribute("data-value") || "";
      for (const y of index.m.years.slice().reverse()) {
        const o = document.createElement("option");
        o.value = String(y[0]);
        o.textContent = y[0] + "年";
        yearSel.appendChild(o);
      }
      yearSel.value = want;
      yearSel.disabled = false;
    }

    // current is what is listed: {index, found, list, shown, held}; list
    // leaves out the partial matches while they are held (holdsBack).
    let current = null;

    function resultItem(index, d, found, exact) {
      const li = document.createElement("li");
      li.className = "search-result";
      const h = document.createElement("h3");
      h.className = "search-result-title";
      const a = document.createElement("a");
      a.href = base + String(d.url || "").replace(/^\/+/, "");
      const title = String(d.title || "");
      appendPieces(a, pieces(title, marks(title, found.query), 0, title.length));
      h.appendChild(a);
      li.appendChild(h);
      const meta = document.createElement("p");
      meta.className = "search-result-meta";
      const kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = KINDS[d.kind] || "页面";
      meta.appendChild(kind);
      if (exact) {
        const e = document.createElement("span");
        e.className = "search-exact";
        const numbered = !!found.numbered && found.numbered.has(d.id);
        e.textContent = numbered || (d.number && parseQuery(d.number).key === found.query.key) ? "文号相符" : "名称相符";
        meta.appendChild(e);
      }
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
      const p = document.createElement("p");
      p.className = "search-result-snippet";
      li.appendChild(p);
      return li;
    }

    // busy marks the results as being updated (aria-busy) until p settles:
    // the lists, not the whole search, which holds the status, announced
    // meanwhile — a screen reader may hold back what changes inside a busy
    // element (NVDA does, and says nothing once it is no longer busy).
    let busyCount = 0;
    function busy(p) {
      busyCount++;
      for (const g of [groups.complete, groups.partial]) {
        g.setAttribute("aria-busy", "true");
      }
      const done = function () {
        if (--busyCount === 0) {
          for (const g of [groups.complete, groups.partial]) {
            g.removeAttribute("aria-busy");
          }
        }
      };
      p.then(done, done);
      return p;
    }

    // showMore lists the next PAGE results, complete matches first, each
    // as soon as its row and the rows before it are in (their pages of the
    // documents table come in one by one: the first result is listed when
    // its own page is, not the last of them), and calls listed() once the
    // first is; it resolves to the first new item once all are listed, and
    // their snippets follow.
    function showMore(listed) {
      const c = current;
      const from = c.shown;
      if (from > 0) {
        c.found.sortRest();
        c.list = c.held ? c.found.complete : c.found.complete.concat(c.found.partial);
      }
      const ids = c.list.slice(from, from + PAGE);
      c.shown = from + ids.length;
      // The circular a 文号 typed in part names (政办函〔2023〕11号,
      // 〔2023〕11号) is labelled as the one whose 文号 was typed whole: it
      // alone is listed (holdsBack), and stood there unlabelled.
      const exact = new Set(c.found.exact.concat(Array.from(c.found.numbered || [])));
      const docs = new Array(ids.length);
      const items = [];
      // put lists the rows from the first not yet listed while they are in.
      const put = function () {
        if (c !== current) {
          return;
        }
        const had = items.length;
        while (items.length < ids.length && docs[items.length]) {
          const k = items.length;
          const d = docs[k];
          const li = resultItem(c.index, d, c.found, exact.has(d.id));
          (from + k < c.found.complete.length ? groups.complete : groups.partial).querySelector("ol").appendChild(li);
          items.push(li);
        }
        if (items.length > had) {
          showGroups();
          if (had === 0 && listed) {
            listed();
          }
        }
      };
      if (ids.length === 0 && listed) {
        listed();
      }
      return Promise.all(
        ids.map(function (id, k) {
          return c.index.doc(id).then(function (d) {
            docs[k] = d;
            put();
          });
        }),
      ).then(function () {
        if (c !== current) {
          return null;
        }
        moreLabel(c);
        // The snippets are fetched once the results are listed and
        // announced (a task later): their ten requests would delay both.
        busy(
          new Promise(function (resolve) {
            window.setTimeout(function () {
              resolve(
                Promise.all(
                  docs.map(function (d, k) {
                    return snippetOf(c.index, d, c.found).then(
                      function (list) {
                        if (list) {
                          appendPieces(items[k].querySelector(".search-result-snippet"), list);
                        }
                      },
                      function () {},
                    );
                  }),
                ),
              );
            }, 0);
          }),
        );
        return items[0] || null;
      });
    }

    // moreLabel says on the button what a press lists: the next results,
    // with how many are left, or the partial matches held back.
    function moreLabel(c) {
      if (!more) {
        return;
      }
      const left = c.list.length - c.shown;
      more.hidden = left === 0 && !c.held;
      more.textContent = left > 0 ? "显示更多结果（还有 " + left + " 条）" : "显示部分匹配的结果（" + c.found.partial.length + " 条）";
    }

    function showGroups() {
      for (const g of [groups.complete, groups.partial]) {
        g.hidden = !g.querySelector("li");
      }
    }

    function clear() {
      current = null;
      for (const g of [groups.complete, groups.partial]) {
        const ol = g.querySelector("ol");
        while (ol.firstChild) {
          ol.removeChild(ol.firstChild);
        }
        g.hidden = true;
      }
      notice.hidden = true;
      if (more) {
        more.hidden = true;
      }
      if (failed) {
        failed.hidden = true;
      }
    }

    function announce(text) {
      status.textContent = text;
    }

    // missingText says that no circular has the 文号 found.missingNumber,
    // or, when one of another year has it, that the year chosen has none
    // and how to find it.
    function missingText(found) {
      if (!found.missingNumber) {
        return "";
      }
      if (found.missingIn) {
        return found.missingIn + "年没有文号为“" + found.missingNumber + "”的通报，年份选“全部年份”可以找到";
      }
      return "没有文号为“" + found.missingNumber + "”的通报";
    }

    // summary is what the status line says of found, with shown, when
    // given, the results listed so far (after 显示更多结果): it still says
    // that a 文号 is missing or that the query was read in simplified
    // characters. held: the partial matches are counted but not listed
    // (holdsBack), which it says, so that a count is never heard of results
    // that are not there.
    function summary(found, shown, held) {
      const c = found.complete.length;
      const p = found.partial.length;
      const missing = missingText(found);
      if (c + p === 0) {
        if (found.otherYears) {
          return found.emptyIn + "年没有找到结果；全部年份中有 " + found.otherYears + " 条，年份选“全部年份”可以看到。";
        }
        return missing ? missing + (found.missingIn ? "。" : "，请核对文号。") : "没有找到结果，请尝试其他搜索词。";
      }
      let s = missing ? missing + "；部分匹配 " + p + " 条" : (found.variant ? "按简体字“" + found.variant + "”查找：" : found.readAs ? "按“" + found.readAs + "”查找：" : "") + "完全匹配 " + c + " 条，部分匹配 " + p + " 条" + (held ? "（未列出）" : "");
      if (shown !== undefined) {
        s += "，已显示 " + shown + " 条";
      } else if ((held ? c : c + p) > PAGE) {
        s += "，先显示前 " + PAGE + " 条";
      }
      return s + "。";
    }

    // options are the order and the year chosen. Until the index is in,
    // the year's select has no years (fillYears), and the year is the
    // address's: a search begun then with &year=2023 was remembered as one
    // of all years (asked), and choosing 全部年份 afterwards did nothing.
    function options() {
      const year = !yearSel ? "" : yearSel.options.length > 1 ? yearSel.value : yearSel.getAttribute("data-value");
      return {
        sort: sortSel && sortSel.value === "new" ? "new" : "",
        year: year ? Number(year) : 0,
      };
    }

    function setAddress(q) {
      const u = new URL(window.location.href);
      const o = options();
      const set = function (k, v) {
        if (v) {
          u.searchParams.set(k, v);
        } else {
          u.searchParams.delete(k);
        }
      };
      set("q", q);
      set("sort", o.sort);
      set("year", o.year ? String(o.year) : "");
      window.history.replaceState(window.history.state, "", u.pathname + u.search + u.hash);
      document.title = q ? "“" + q + "”的搜索结果 – " + baseTitle : baseTitle;
    }

    // allYears ends the notice with a button that searches all years
    // again, when the year chosen holds nothing that others hold, or not
    // the circular of the 文号 typed (found.otherYears, found.missingIn):
    // the status says which select to change, which on a phone stands
    // above, out of sight. Then the first result has the focus, not the
    // button that is gone.
    function allYears(found) {
      if (!yearSel) {
        return;
      }
      if (!found.missingIn) {
        notice.textContent = ""; // nothing is listed: no list to speak of
      }
      const b = document.createElement("button");
      b.type = "button";
      b.className = "tool-button search-all-years";
      b.textContent = found.otherYears ? "查看全部年份的 " + found.otherYears + " 条结果" : "在全部年份中搜索";
      b.addEventListener("click", function () {
        yearSel.value = "";
        run(input.value, true).then(function () {
          const a = root.querySelector(".search-result a");
          if (a) {
            a.focus();
          }
        });
      });
      notice.appendChild(b);
      notice.hidden = false;
    }

    // suggest starts the notice with the names one character away from
    // the query (found.near), each a link that searches it: the page of
    // the name, listed first below, and all that speaks of it.
    function suggest(near) {
      const names = Array.from(new Set(near.map((n) => n.name)));
      const lead = document.createElement("span");
      lead.className = "search-near";
      lead.appendChild(document.createTextNode("您要找的是不是"));
      names.forEach(function (name, i) {
        const a = document.createElement("a");
        const u = new URL(window.location.href);
        u.searchParams.set("q", name);
        a.href = u.pathname + u.search;
        a.textContent = name;
        a.addEventListener("click", function (e) {
          e.preventDefault();
          input.value = name;
          run(name, true);
        });
        // “甲”或“乙”, “甲”“乙”或“丙”: quoted names need no 、 between.
        lead.appendChild(document.createTextNode(i === 0 ? "“" : i === names.length - 1 ? "”或“" : "”“"));
        lead.appendChild(a);
      });
      lead.appendChild(document.createTextNode(names.length > 1 ? "”？它们的页面列在最前。" : "”？它的页面列在最前。"));
      notice.insertBefore(lead, notice.firstChild);
    }

    // showPrinted puts the query on paper with the year and the order,
    // which the form shows on screen only: a printed list of one year's
    // read as the whole archive's. Again once the index is in: the year's
    // select has no options, and no value, before.
    function showPrinted(q) {
      if (printed) {
        const o = options();
        const how = (o.year ? [o.year + "年"] : []).concat(o.sort ? ["最新的在前"] : []);
        printed.textContent = q ? "搜索：" + q + (how.length ? "（" + how.join("，") + "）" : "") : "";
      }
    }

    let generation = 0;
    let asked = ""; // the query and options of the last search
    function run(q, updateAddress, retried) {
      q = q.trim();
      const o = options();
      const ask = askOf(q, o.sort, o.year);
      if (ask === asked && !retried) {
        return Promise.resolve(); // typing ended where the search did
      }
      asked = ask;
      showPrinted(q);
      const mine = ++generation;
      if (updateAddress) {
        setAddress(q);
      }
      if (parseQuery(q).terms.length === 0) {
        clear();
        announce(q ? "请输入汉字、字母或数字进行搜索。" : "");
        return Promise.resolve();
      }
      if (!current) {
        announce("正在搜索……");
      }
      return busy(loadIndex(retried)
        .then(function (index) {
          const o = options();
          o.first = PAGE;
          const pre = early;
          early = null;
          const found = pre && !retried && pre.index === index && pre.ask === askOf(q, o.sort, o.year) ? pre.found : search(index, q, o);
          return found.then(function (found) {
            return { index: index, found: found };
          });
        })
        .then(function (r) {
          if (mine !== generation) {
            return;
          }
          clear();
          showPrinted(q);
          const held = holdsBack(r.found);
          current = { index: r.index, found: r.found, list: held ? r.found.complete : r.found.complete.concat(r.found.partial), shown: 0, held: held };
          groups.complete.querySelector(".search-count").textContent = String(r.found.complete.length);
          groups.partial.querySelector(".search-count").textContent = String(r.found.partial.length);
          notice.textContent = r.found.missingNumber ? "以下结果只含有这个文号中的部分字词，都不是它的通报。" + (r.found.missingIn ? "" : "请核对文号。") : noticeText;
          if (r.found.near && !r.found.missingNumber) {
            suggest(r.found.near);
          }
          notice.hidden = !(r.found.complete.length === 0 && r.found.partial.length > 0);
          if (r.found.otherYears || r.found.missingIn) {
            allYears(r.found);
          }
          const found = r.found;
          return showMore(function () {
            if (mine === generation) {
              announce(summary(found, undefined, held));
            }
          });
        })
        .catch(function () {
          if (mine !== generation) {
            return;
          }
          if (!retried) {
            // The index may have changed since the manifest was loaded.
            return run(q, false, true);
          }
          asked = "";
          clear();
          announce("搜索索引加载失败，请检查网络后重试。");
          if (failed) {
            failed.hidden = false;
          }
        }));
    }

    if (failed) {
      failed.querySelector("button").addEventListener("click", function () {
        run(input.value, false, true); // the manifest afresh: the site may have been published again
      });
    }
    let timer = 0;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      window.clearTimeout(timer);
      run(input.value, true);
    });
    const later = function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        run(input.value, true);
      }, 200);
    };
    input.addEventListener("input", function (e) {
      if (!e.isComposing) {
        later(); // else wait for the input method to finish the word
      }
    });
    input.addEventListener("compositionend", later);
    input.addEventListener("focus", function () {
      loadIndex().catch(function () {});
    });
    for (const sel of [sortSel, yearSel]) {
      if (sel) {
        sel.addEventListener("change", function () {
          if (input.value.trim()) {
            run(input.value, true);
          } else {
            setAddress("");
          }
        });
      }
    }
    if (more) {
      more.addEventListener("click", function () {
        if (!current) {
          return;
        }
        const c = current;
        if (c.held && c.shown >= c.list.length) {
          c.held = false; // showMore lists the partial matches now
        }
        busy(
          showMore().then(function (first) {
            if (first) {
              first.querySelector("a").focus();
            }
            if (c === current) {
              announce(summary(c.found, c.shown, c.held));
            }
          }),
        );
      });
    }

    const params = new URLSearchParams(window.location.search);
    const q = params.get("q") || "";
    input.value = q;
    if (sortSel) {
      sortSel.value = params.get("sort") === "new" ? "new" : "";
    }
    if (yearSel) {
      yearSel.setAttribute("data-value", /^\d{4}$/.test(params.get("year") || "") ? params.get("year") : "");
    }
    if (q.trim()) {
      // Spaces alone are no query: the page keeps its title (“”的搜索结果).
      run(q, false);
      document.title = "“" + q.trim() + "”的搜索结果 – " + baseTitle;
    }
  }

  if (typeof module === "object" && module && module.exports) {
    // node, for the tests in internal/search.
    module.exports = {
      classify: classify,
      tokenize: tokenize,
      tokenHash: tokenHash,
      parseQuery: parseQuery,
      parseShard: parseShard,
      decodePostings: decodePostings,
      Index: Index,
      search: search,
      marks: marks,
      snippet: snippet,
      snippetOf: snippetOf,
      htmlText: htmlText,
      namedRefs: namedRefs,
      network: network,
    };
  }
  if (typeof document !== "undefined") {
    startEarly();
    if (document.readyState === "loading" && !parsed(document.getElementById("search"))) {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }
})();
