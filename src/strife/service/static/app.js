/* strife's page: the map, the timeline, the filters, the list and the evidence view.
   Everything comes from this server (the API and /static): no tiles, no CDN. */
"use strict";

const PAGE = 100;
const TYPE_COLORS = { ASSAULT: "#c0392b", FIGHT: "#d35400", COERCE: "#8e44ad", PROTEST: "#2980b9", THREATEN: "#16a085" };
const state = { filters: {}, offset: 0, total: 0, selected: null, countryNames: {}, markers: new Map() };

// --- small helpers ---------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 6000);
}

async function api(path) {
  const resp = await fetch(path, { headers: { Accept: "application/json" } });
  if (!resp.ok) {
    let detail = resp.statusText;
    try { detail = (await resp.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(`${resp.status}: ${detail}`);
  }
  return resp.json();
}

function query(extra) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...(extra || {}) })) {
    if (v !== "" && v !== null && v !== undefined) params.set(k, v);
  }
  return params.toString();
}

function fatalities(toll) {
  if (!toll) return null;
  return toll.best ?? toll.low ?? null;
}

function placeName(rec) {
  const loc = (rec.locations || [])[0];
  if (!loc) return "no place";
  return [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ");
}

// --- the map ---------------------------------------------------------------------------------

const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, preferCanvas: false }).setView([25, 20], 2);
map.attributionControl.addAttribution("Country outlines: Natural Earth (public domain)");
let markerLayer = L.layerGroup().addTo(map);

async function loadBasemap() {
  const resp = await fetch("/static/countries-110m.geojson");
  const world = await resp.json();
  for (const f of world.features) if (f.properties.iso3) state.countryNames[f.properties.iso3] = f.properties.name;
  L.geoJSON(world, {
    interactive: false,
    style: { color: "#8a94a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map).bringToBack();
}

function drawMarkers(points) {
  markerLayer.remove();
  state.markers = new Map();
  const rows = points.rows;
  const renderer = rows.length > 2000 ? L.canvas({ padding: 0.2 }) : L.svg();
  const layer = L.featureGroup();
  for (const [id, lat, lon, day, type, dead] of rows) {
    const m = L.circleMarker([lat, lon], {
      renderer, radius: 4 + Math.min(10, Math.sqrt(dead || 0)), weight: 1, color: "#222",
      fillColor: TYPE_COLORS[type] || "#555", fillOpacity: 0.75, className: "strife-marker",
    });
    m.strife = { id, label: `${day || "undated"} · ${type}${dead ? ` · ${dead} killed` : ""}` };
    layer.addLayer(m);
    state.markers.set(id, m);
  }
  // one handler for the whole layer (10,000 per-marker tooltips and handlers slow the page down)
  layer.on("click", (e) => selectEvent(e.layer.strife.id));
  layer.on("mouseover", (e) => { if (!e.layer.getTooltip()) e.layer.bindTooltip(e.layer.strife.label); e.layer.openTooltip(e.latlng); });
  markerLayer = layer.addTo(map);
  if (!state.fitted && rows.length) {
    state.fitted = true;
    map.fitBounds(L.latLngBounds(rows.map((r) => [r[1], r[2]])).pad(0.3), { maxZoom: 6 });
  }
  document.getElementById("map-count").textContent = `(${rows.length} on the map${points.truncated ? ", truncated" : ""})`;
  document.getElementById("map").dataset.markers = String(rows.length);
}

// --- the timeline ----------------------------------------------------------------------------

const DAY_MS = 86400000;

function drawTimeline(days) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const range = document.getElementById("timeline-range");
  if (!days.length) { range.textContent = "(none dated)"; return; }
  const t0 = Date.parse(days[0].day), t1 = Date.parse(days[days.length - 1].day);
  const span = Math.max(1, (t1 - t0) / DAY_MS + 1);
  const width = svg.clientWidth || 300, height = svg.clientHeight || 70;
  const max = Math.max(...days.map((d) => d.n));
  const bw = Math.max(1, width / span);
  range.textContent = `${days[0].day} – ${days[days.length - 1].day}`;
  const ns = "http://www.w3.org/2000/svg";
  for (const d of days) {
    const x = ((Date.parse(d.day) - t0) / DAY_MS) * (width / span);
    const h = Math.max(2, (d.n / max) * (height - 4));
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("class", "bar");
    r.setAttribute("x", x.toFixed(1)); r.setAttribute("y", (height - h).toFixed(1));
    r.setAttribute("width", Math.max(1, bw - (bw > 3 ? 1 : 0)).toFixed(1)); r.setAttribute("height", h.toFixed(1));
    r.dataset.day = d.day;
    const title = document.createElementNS(ns, "title");
    title.textContent = `${d.day}: ${d.n} event${d.n === 1 ? "" : "s"} (click to show that day)`;
    r.append(title);
    r.addEventListener("click", () => {
      document.getElementById("f-date-from").value = d.day;
      document.getElementById("f-date-to").value = d.day;
      applyFilters();
    });
    svg.append(r);
  }
}

// --- the list --------------------------------------------------------------------------------

async function loadList() {
  const page = await api(`/events?${query({ limit: PAGE, offset: state.offset })}`);
  state.total = page.total;
  document.getElementById("list-count").textContent = String(page.total);
  const list = document.getElementById("event-list");
  list.replaceChildren(...page.events.map((rec) => {
    const dead = fatalities(rec.fatalities);
    return el("li", { "data-event-id": rec.event_id, class: rec.event_id === state.selected ? "selected" : null,
                      onclick: () => selectEvent(rec.event_id) },
      dead !== null ? el("span", { class: "toll", title: "fatalities (best)", text: String(dead) }) : null,
      el("strong", { text: rec.plover.type }), " ", placeName(rec),
      el("div", { class: "when", text: `${rec.date.start || "undated"} · ${rec.article.source || rec.article.title || ""}` }));
  }));
  const last = Math.min(state.offset + PAGE, page.total);
  document.getElementById("page-info").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "no events";
  document.getElementById("prev-page").disabled = state.offset === 0;
  document.getElementById("next-page").disabled = last >= page.total;
}

// --- the detail: record, article with highlighted evidence, claims, cluster --------------------

function spansOf(rec) {
  const spans = [];
  const add = (span, kind, key, label) => {
    if (Array.isArray(span) && span.length === 2 && span[1] > span[0]) spans.push({ start: span[0], end: span[1], kind, key, label });
  };
  (rec.evidence || []).forEach((e, i) => add(e.span, "evidence", `e${i}`, "evidence"));
  (rec.locations || []).forEach((l, i) => add(l.span, "location", `l${i}`, `place: ${l.name}`));
  if (rec.date) add(rec.date.span, "date", "d0", `date: ${rec.date.start || "?"} (${rec.date.basis})`);
  (rec.actors || []).forEach((a, i) => add(a.span, "actor", `a${i}`, `${a.role}: ${a.name}`));
  for (const kind of ["fatalities", "injuries"]) {
    ((rec[kind] || {}).claims || []).forEach((c, i) => {
      add(c.span, "claim", `${kind[0]}${i}`, `${kind}: ${c.qualifier} ${c.value}`);
      add(c.source_span, "claim-source", `${kind[0]}${i}s`, `source of the ${kind} figure: ${c.source || "?"}`);
    });
  }
  return spans;
}

// Spans are offsets in Unicode code points (Python's str), so the text is cut by code points.
function highlighted(text, spans) {
  const cps = Array.from(text);
  const cuts = new Set([0, cps.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(cps.length, s.start))); cuts.add(Math.max(0, Math.min(cps.length, s.end))); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const order = ["evidence", "location", "date", "actor", "claim", "claim-source"];
  const out = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    const piece = cps.slice(a, b).join("");
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (!over.length) { out.push(piece); continue; }
    over.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
    const kinds = [...new Set(over.map((s) => s.kind))];
    out.push(el("mark", {
      class: kinds.map((k) => `hl-${k}`).join(" "), "data-kinds": kinds.join(" "),
      "data-keys": over.map((s) => s.key).join(" "), title: over.map((s) => s.label).join("\n"),
    }, piece));
  }
  return out;
}

function flash(key) {
  const marks = document.querySelectorAll(`#article-text mark[data-keys~="${key}"]`);
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
  marks.forEach((m) => m.classList.add("flash"));
  setTimeout(() => marks.forEach((m) => m.classList.remove("flash")), 1500);
}

function kv(pairs) {
  return el("dl", { class: "kv" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)]));
}

function claimsTable(rec) {
  const rows = [];
  for (const kind of ["fatalities", "injuries"]) {
    ((rec[kind] || {}).claims || []).forEach((c, i) => rows.push(el("tr", { class: "clickable", onclick: () => flash(`${kind[0]}${i}`) },
      el("td", { text: kind }), el("td", { class: "value", text: String(c.value) }), el("td", { text: c.qualifier }),
      el("td", { text: c.victims || "" }), el("td", { text: c.source || "" }), el("td", { text: c.text }))));
  }
  if (!rows.length) return el("p", { class: "muted", text: "No toll claims in this record." });
  const t = (k) => (rec[k] && rec[k].best !== null && rec[k].best !== undefined) ? `${rec[k].low ?? "?"} / ${rec[k].best} / ${rec[k].high ?? "?"}` : null;
  return [
    kv([["fatalities", t("fatalities") && `${t("fatalities")} (low / best / high)`], ["injuries", t("injuries") && `${t("injuries")} (low / best / high)`]]),
    el("table", { id: "claims-table" },
      el("thead", {}, el("tr", {}, ["kind", "value", "qualifier", "victims", "source", "text"].map((h) => el("th", { text: h })))),
      el("tbody", {}, rows)),
  ];
}

function actorsTable(rec) {
  if (!(rec.actors || []).length) return el("p", { class: "muted", text: "No actors." });
  return el("table", { id: "actors-table" },
    el("thead", {}, el("tr", {}, ["role", "name", "code", "kind", "text"].map((h) => el("th", { text: h })))),
    el("tbody", {}, rec.actors.map((a, i) => el("tr", { class: "clickable", onclick: () => flash(`a${i}`) },
      el("td", { text: a.role }), el("td", { text: a.name }),
      el("td", {}, el("span", { class: "tag code", text: [a.country, a.sector].filter(Boolean).join(" ") || "—" }),
        (a.affiliation || []).map((x) => el("span", { class: "tag", text: x }))),
      el("td", { text: a.kind }), el("td", { text: a.text })))));
}

function renderDetail(d) {
  const rec = d.record, art = d.article;
  const box = document.getElementById("detail");
  const dead = fatalities(rec.fatalities);
  const loc = (rec.locations || [])[0];
  const others = d.cluster.members.filter((m) => m.event_id !== rec.event_id);
  box.replaceChildren(
    el("h2", { id: "detail-title" }, `${rec.plover.type}${rec.acled ? ` · ${rec.acled.event_type}` : ""}`,
      el("span", { class: "muted" }, ` ${placeName(rec)}${dead !== null ? ` · ${dead} killed` : ""}`)),
    kv([
      ["event", el("code", { text: rec.event_id })],
      ["type", [rec.plover.type, ...(rec.plover.mode || [])].join(" · ") + (rec.cameo ? ` (CAMEO ${rec.cameo})` : "")],
      ["ACLED", rec.acled ? [rec.acled.event_type, rec.acled.sub_event_type].filter(Boolean).join(" / ") : null],
      ["date", el("span", { id: "detail-date", class: "clickable", onclick: () => flash("d0") },
        `${rec.date.start || "unresolved"}${rec.date.end && rec.date.end !== rec.date.start ? ` – ${rec.date.end}` : ""}`,
        el("span", { class: "muted" }, ` precision ${rec.date.precision || "?"}, basis `),
        el("span", { class: "tag", id: "date-basis", text: rec.date.basis }),
        rec.date.text ? el("span", { class: "muted" }, ` from “${rec.date.text}”`) : null)],
      ["place", loc ? el("span", { id: "detail-place", onclick: () => flash("l0") }, [loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", "),
        " ", el("span", { class: "tag", id: "place-precision", text: loc.precision || "precision ?" }),
        loc.lat !== null && loc.lat !== undefined ? el("span", { class: "muted" }, ` ${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}`) : null) : "none"],
      ["confidence", `${rec.confidence}${rec.background ? " · background mention" : ""}`],
      ["article", art ? [art.title || art.id || art.text_sha256.slice(0, 12), art.source ? ` · ${art.source}` : "", art.published ? ` · ${art.published}` : ""].join("") : "not stored"],
    ]),
    el("h3", { text: "Article, with the evidence of each field" }),
    el("div", { class: "legend" }, [["evidence", "evidence"], ["actor", "actors"], ["date", "date"], ["location", "places"], ["claim", "toll claims"], ["claim-source", "claim source"]]
      .map(([k, label]) => el("span", { class: `hl-${k}`, text: label }))),
    art ? el("div", { id: "article-text" }, highlighted(art.text, spansOf(rec))) : el("p", { class: "muted", text: "The article text is not in the store." }),
    el("h3", { text: "Actors" }), actorsTable(rec),
    el("h3", { text: "Toll claims: who said what" }), el("div", { id: "claims" }, claimsTable(rec)),
    el("h3", { text: `Other reports of this event (cluster ${d.cluster.cluster_id}, ${d.cluster.members.length} record${d.cluster.members.length === 1 ? "" : "s"})` }),
    others.length ? el("ul", { id: "cluster-others" }, others.map((m) => el("li", {},
      el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); selectEvent(m.event_id); } },
        `${m.published || "?"} · ${m.source || "unknown source"} · ${m.title || m.event_id}`),
      m.fatalities_best !== null && m.fatalities_best !== undefined ? el("span", { class: "muted" }, ` · ${m.fatalities_best} killed`) : null)))
      : el("p", { class: "muted", id: "cluster-others-none", text: "No other article reports this event yet." }),
  );
  box.scrollTop = 0;
  const text = box.querySelector("#article-text");
  const first = box.querySelector("#article-text mark.hl-evidence");
  if (text && first) text.scrollTop = Math.max(0, first.offsetTop - text.offsetTop - 40);
}

async function selectEvent(id) {
  state.selected = id;
  document.querySelectorAll("#event-list li").forEach((li) => li.classList.toggle("selected", li.dataset.eventId === id));
  try {
    const d = await api(`/events/${encodeURIComponent(id)}`);
    renderDetail(d);
    const m = state.markers.get(id);
    if (m) { m.setStyle({ weight: 3, color: "#ffcc00" }); m.bringToFront(); }
    document.body.dataset.selected = id;
  } catch (e) { showError(`could not load event ${id}: ${e.message}`); }
}

// --- filters and loading ---------------------------------------------------------------------

function readFilters() {
  const form = new FormData(document.getElementById("filters"));
  const f = {};
  for (const [k, v] of form.entries()) if (String(v).trim() !== "") f[k] = String(v).trim();
  return f;
}

async function reload() {
  document.body.dataset.loading = "1";
  try {
    const [points] = await Promise.all([api(`/points?${query()}`), loadList()]);
    drawMarkers(points);
    drawTimeline(points.days);
  } catch (e) {
    showError(e.message);
  } finally {
    delete document.body.dataset.loading;
    document.body.dataset.ready = "1";
  }
}

function applyFilters() {
  state.filters = readFilters();
  state.offset = 0;
  return reload();
}

async function loadStats() {
  const s = await api("/stats");
  document.getElementById("stats").textContent =
    `${s.events} events · ${s.clusters} clusters · ${s.articles} articles${s.date_min ? ` · ${s.date_min} – ${s.date_max}` : ""}`;
  const countries = document.getElementById("f-country");
  for (const c of s.countries) countries.append(el("option", { value: c.key, text: `${state.countryNames[c.key] || c.key} (${c.n})` }));
  const types = document.getElementById("f-type");
  for (const t of s.plover_types) types.append(el("option", { value: t.key, text: `${t.key} (${t.n})` }));
}

document.getElementById("filters").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(); });
document.getElementById("filters").addEventListener("reset", () => setTimeout(applyFilters, 0));
document.getElementById("prev-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadList().catch((e) => showError(e.message)); });
document.getElementById("next-page").addEventListener("click", () => { state.offset += PAGE; loadList().catch((e) => showError(e.message)); });

(async function start() {
  const side = loadBasemap().then(loadStats).catch((e) => showError(e.message));
  await Promise.all([side, reload()]);
  document.body.dataset.loadMs = String(Math.round(performance.now()));  // since navigation start
  document.body.dataset.loaded = "1";
})();
