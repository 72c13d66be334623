(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var byId = {};
  data.events.forEach(function (e) { byId[e.id] = e; });
  var form = document.getElementById("filters");
  var org = document.getElementById("f-org");
  var type = document.getElementById("f-type");
  var place = document.getElementById("f-place");  // only when some event is in a cluster or programme
  var query = document.getElementById("f-q");
  var count = document.getElementById("f-count");
  var empty = document.getElementById("f-empty");
  var groups = Array.prototype.slice.call(document.querySelectorAll("tbody.group"));

  function key(text) {
    return String(text || "").normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  function choose(select, wanted, names) {
    if (!wanted) { return; }
    var k = key(wanted);
    for (var i = 0; i < select.options.length; i++) {
      var option = select.options[i];
      var known = (names && names[option.value]) || [];
      if (option.value === wanted || (option.value && (key(option.textContent) === k || known.indexOf(k) >= 0))) {
        select.value = option.value;
        return;
      }
    }
  }

  function words(text) {  // every word of the search box must be found (in any order)
    return String(text || "").split(/\s+/).map(key).filter(function (w) { return w; });
  }

  function apply() {
    var o = org.value, t = type.value, p = place ? place.value : "", q = words(query.value);
    var shown = 0, total = 0;
    groups.forEach(function (group) {
      var visible = 0;
      group.querySelectorAll("tr.event").forEach(function (row) {
        var e = byId[row.getAttribute("data-id")];
        var ok = !!e && (!o || e.orgs.indexOf(o) >= 0) && (!t || e.type === t) &&
          (!p || (e.places || []).indexOf(p) >= 0) &&
          q.every(function (w) { return e.text.indexOf(w) >= 0; });
        row.hidden = !ok;
        total += 1;
        if (ok) { visible += 1; }
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    count.textContent = count.getAttribute("data-format").replace("{shown}", shown).replace("{total}", total);
    empty.hidden = shown !== 0;
    document.body.setAttribute("data-shown", String(shown));
  }

  function remember() {
    try {
      var params = new URLSearchParams();
      if (org.value) { params.set("org", org.value); }
      if (type.value) { params.set("type", type.value); }
      if (place && place.value) { params.set("place", place.value); }
      if (query.value) { params.set("q", query.value); }
      var search = params.toString();
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    } catch (err) { /* file:// pages may refuse; filtering still works */ }
  }

  var initial = new URLSearchParams(location.search);
  choose(org, initial.get("org"), data.orgs);
  choose(type, initial.get("type"));
  if (place) { choose(place, initial.get("place"), data.places); }
  query.value = initial.get("q") || "";
  apply();
  org.addEventListener("change", function () { apply(); remember(); });
  type.addEventListener("change", function () { apply(); remember(); });
  if (place) { place.addEventListener("change", function () { apply(); remember(); }); }
  query.addEventListener("input", function () { apply(); remember(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.body.setAttribute("data-ready", "1");
})();
