(function () {
  "use strict";
  // The query read as biohub search reads it (kb/search/terms.py, expression.py): the terms of each
  // word come from the words the records hold (computed at build time); a word they never hold is cut
  // into the longest terms they do hold, its last one or two letters left over dropped as a particle.
  // The data come in the script files under search/ (render/search_page.py): each shard its terms, numbered
  // in the shard, and its rows; words.js the words the records hold with their terms.
  const data = JSON.parse(document.getElementById("search-data").textContent);
  const MIN = data.min_part;
  const have = new Set();
  const words = new Map();
  const docs = [];
  (self.biohubSearch || []).forEach(function (part) {
    if (part.words) { Object.keys(part.words).forEach(function (w) { words.set(w, part.words[w]); }); return; }
    const T = part.terms;
    part.docs.forEach(function (d) {
      const body = [];
      d[6].forEach(function (u) { for (let i = 0; i < u[1].length; i += 3) { u[1][i] = T[u[1][i]]; body.push(u[1][i]); } });
      const names = d[7].map(function (i) { return T[i]; });
      body.forEach(function (t) { have.add(t); });
      names.forEach(function (t) { have.add(t); });
      docs.push({kind: d[0], id: d[1], title: d[2], date: d[3], outlet: d[4], href: d[5], units: d[6],
                 body: body, names: names});
    });
  });
  docs.sort(function (a, b) { return a.id < b.id ? -1 : (a.id > b.id ? 1 : 0); });
  const EDGE = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
  const PLAIN_WORD = /^[A-Za-z0-9]+(?:[^\p{L}\p{N}_\s]+[A-Za-z0-9]+)*$/u;
  const PLAIN = /[a-z]+|[0-9]+|(?:(?![a-z])[\p{L}\p{M}\p{Nl}\p{No}])+/gu;
  function surface(w) { return w.replace(EDGE, ""); }
  function plainTerms(t) { return t.toLowerCase().match(PLAIN) || []; }
  function chars(s) { return Array.from(s); }
  function guess(word) {
    const cs = chars(word), out = [];
    let i = 0;
    while (i < cs.length) {
      let j = cs.length;
      while (j > i && !have.has(cs.slice(i, j).join(""))) j--;
      if (j === i) { if (cs.length - i <= 2 && out.length) break; return out.concat([cs.slice(i).join("")]); }
      out.push(cs.slice(i, j).join(""));
      i = j;
    }
    return out;
  }
  function wordTerms(w) {
    const key = surface(w);
    if (!key || PLAIN_WORD.test(key)) return plainTerms(key);
    if (words.has(key)) return words.get(key);
    return guess(key);
  }
  function parse(q) {
    const items = [], re = /"([^"]*)"?|(\S+)/g;
    let m;
    while ((m = re.exec(q)) !== null) {
      if (m[2] !== undefined) items.push([false, [m[2]]]);
      else if (m[1] && m[1].trim()) items.push([true, m[1].trim().split(/\s+/)]);
    }
    return items;
  }
  function splits(t) {
    const cs = chars(t), out = [];
    for (let k = MIN; k <= cs.length - MIN; k++) out.push([cs.slice(0, k).join(""), cs.slice(k).join("")]);
    return out;
  }
  function key(p) { return p.join("\u0000"); }
  function variants(ts) {
    const alts = [ts];
    if (ts.length > 1 && have.has(ts.join(""))) alts.push([ts.join("")]);
    for (let k = 0; k + 1 < ts.length; k++) {
      if (have.has(ts[k] + ts[k + 1])) alts.push(ts.slice(0, k).concat([ts[k] + ts[k + 1]], ts.slice(k + 2)));
    }
    ts.forEach(function (t, k) {
      splits(t).forEach(function (ab) {
        if (have.has(ab[0]) && have.has(ab[1])) alts.push(ts.slice(0, k).concat(ab, ts.slice(k + 1)));
      });
    });
    const seen = new Set(), out = [];
    alts.forEach(function (p) { if (!seen.has(key(p))) { seen.add(key(p)); out.push([p]); } });
    return out;
  }
  function groups(q) {
    const items = parse(q).map(function (it) {
      return [it[0], [].concat.apply([], it[1].map(wordTerms))];
    }).filter(function (it) { return it[1].length; });
    const out = [];
    for (let i = 0; i < items.length; i++) {
      const quoted = items[i][0], ts = items[i][1];
      let group = variants(ts);
      const nx = items[i + 1];
      if (nx && !quoted && !nx[0] && ts.length === 1 && nx[1].length === 1 && have.has(ts[0] + nx[1][0])) {
        const next = variants(nx[1]), joined = [];
        group.forEach(function (a) { next.forEach(function (b) { joined.push(a.concat(b)); }); });
        joined.push([[ts[0] + nx[1][0]]]);
        group = joined;
        i++;
      }
      out.push(group);
    }
    return out;
  }
  function occurrences(seq, p) {
    const out = [];
    for (let i = 0; i + p.length <= seq.length; i++) {
      let ok = true;
      for (let k = 0; k < p.length && ok; k++) ok = seq[i + k] === p[k];
      if (ok) out.push(i);
    }
    return out;
  }
  function satisfied(seqs, group) {
    for (const alt of group) {
      if (alt.every(function (p) { return seqs.some(function (s) { return occurrences(s, p).length; }); })) return alt;
    }
    return null;
  }
  function best(d, gs) {
    // the sentence holding the most groups (a document's text before its title line), its marks
    let top = null, topN = 0, marks = [];
    const order = d.kind === "source" ? d.units.slice(1).concat(d.units.slice(0, 1)) : d.units;
    order.forEach(function (u) {
      const seq = [];
      for (let i = 0; i < u[1].length; i += 3) seq.push(u[1][i]);
      let n = 0; const ms = [];
      gs.forEach(function (g) {
        const alt = satisfied([seq], g);
        if (!alt) return;
        n++;
        alt.forEach(function (p) {
          occurrences(seq, p).forEach(function (i) {
            for (let k = i; k < i + p.length; k++) ms.push([u[1][3 * k + 1], u[1][3 * k + 2]]);
          });
        });
      });
      if (n > topN) { topN = n; top = u; marks = ms; }
    });
    return [top || d.units[0] || ["", []], marks];
  }
  const input = document.getElementById("s-q");
  const list = document.getElementById("s-results");
  const count = document.getElementById("s-count");
  const root = document.body;
  function show(q) {
    list.textContent = "";
    const gs = q.trim() ? groups(q) : [];
    let hits = [];
    if (gs.length) {
      hits = docs.filter(function (d) {
        return gs.every(function (g) { return satisfied([d.body, d.names], g); });
      }).map(function (d) {
        let n = 0;
        gs.forEach(function (g) { g.forEach(function (a) { a.forEach(function (p) {
          n += occurrences(d.body, p).length + occurrences(d.names, p).length; }); }); });
        return [n / Math.sqrt(d.body.length + d.names.length + 1), d];
      });
      hits.sort(function (a, b) { return b[0] - a[0] || (a[1].id < b[1].id ? -1 : 1); });
    }
    hits.forEach(function (h) {
      const d = h[1], li = document.createElement("li");
      li.className = "hit " + d.kind;
      li.dataset.id = d.id;
      const head = document.createElement("div");
      const kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = data.kinds[d.kind];
      head.appendChild(kind);
      head.appendChild(document.createTextNode(" "));
      const a = document.createElement(d.href ? "a" : "strong");
      if (d.href) a.href = d.href;
      a.textContent = d.title;
      head.appendChild(a);
      const meta = [d.date, d.outlet].filter(Boolean).join(" · ");
      if (meta) {
        const m = document.createElement("span");
        m.className = "meta";
        m.textContent = " " + meta;
        head.appendChild(m);
      }
      li.appendChild(head);
      const b = best(d, gs), unit = b[0], text = unit[0];
      const p = document.createElement("p");
      p.className = "snippet";
      let at = 0;
      b[1].sort(function (x, y) { return x[0] - y[0]; }).forEach(function (m) {
        if (m[0] < at) return;
        p.appendChild(document.createTextNode(text.slice(at, m[0])));
        const mk = document.createElement("mark");
        mk.textContent = text.slice(m[0], m[1]);
        p.appendChild(mk);
        at = m[1];
      });
      p.appendChild(document.createTextNode(text.slice(at)));
      li.appendChild(p);
      list.appendChild(li);
    });
    count.textContent = gs.length ? count.dataset.format.replace("{shown}", hits.length).replace("{total}", docs.length) : "";
    root.dataset.shown = String(hits.length);
  }
  input.addEventListener("input", function () { show(input.value); });
  document.getElementById("s-form").addEventListener("submit", function (ev) { ev.preventDefault(); });
  const q = new URLSearchParams(window.location.search).get("q");
  if (q) input.value = q;
  show(input.value);
  root.dataset.ready = "1";
})();
