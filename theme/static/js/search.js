// Kiosque search page: Pagefind in the browser, no server and no third-party script.
//
// The index is cut in shards of consecutive days (see plugins/kiosque_search/shards.py);
// <bundle>/shards.json lists them newest first with their dates. A search asks the newest shards
// first — about one shard's worth of articles — and says which period it searched; « Chercher
// dans les articles plus anciens » asks the next ones. Older shards are merged into the first
// one's Pagefind (mergeIndex, one WebAssembly download) only when they are searched, each tagged
// with a synthetic « shard » filter so a query can be limited to some of them. The filter lists
// come from <bundle>/filters.json, not from Pagefind (which would fetch every shard's filters).
// Every path is resolved from the page's data-site-root, so the site works under a sub-path.

import { addCounts, drawYears } from "./search-years.js";

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const numberFr = new Intl.NumberFormat("fr-FR");
const dateFr = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const root = document.getElementById("recherche");
const form = root.querySelector(".search-form");
const input = root.querySelector("#search-q");
const sortSelect = root.querySelector("#search-sort");
const filterSelects = [...root.querySelectorAll("select[data-filter]")];
const options = root.querySelector(".search-form__options");
const statusLine = root.querySelector("#search-status");
const list = root.querySelector("#search-results");
const moreButton = root.querySelector("#search-more");
const olderButton = root.querySelector("#search-older");
const yearChart = root.querySelector("#search-years");
const yearSelect = root.querySelector("#search-year");

const siteRoot = new URL(root.dataset.siteRoot || "./", document.baseURI);
const bundleRoot = new URL(`${root.dataset.bundle || "pagefind"}/`, siteRoot);

let pagefind = null;
let catalog = { shards: [], shard_size: 0 };
const merged = new Map(); // shard name -> the promise of its mergeIndex
// What is on screen: the results of the rounds searched so far, in the order shown.
// `years`: results per year (Pagefind's filter counts) over the rounds searched so far.
let current = { state: null, order: [], searched: 0, rounds: 0, results: [], shown: 0, years: {} };
let generation = 0; // a newer search makes the answers of older ones obsolete
let typingTimer = 0;

function say(message) {
  statusLine.textContent = message;
}

function plural(count, one, many) {
  return `${numberFr.format(count)} ${count === 1 ? one : many}`;
}

async function fetchJson(name) {
  const response = await fetch(new URL(name, bundleRoot));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}

function shardUrl(shard) {
  return new URL(`${shard.name}/`, bundleRoot).href;
}

async function loadPagefind() {
  catalog = await fetchJson("shards.json");
  if (catalog.shards.length === 0) return null;
  const [newest] = catalog.shards;
  const module = await import(`${shardUrl(newest)}pagefind.js`);
  // baseUrl "/": results carry site-root paths ("/articles/slug/"), which resultUrl() puts under
  // the site root (Pagefind's own guess of the base path depends on where the bundle lies).
  // noWorker: a shard is small enough to search on the page's thread in a few milliseconds, and
  // Pagefind's worker script is a second copy of pagefind.js (42 kB) on the first query.
  await module.options({
    excerptLength: 26, baseUrl: "/", noWorker: true, mergeFilter: { shard: newest.name },
  });
  await module.init();
  merged.set(newest.name, Promise.resolve());
  return module;
}

function merge(shard) {
  if (!merged.has(shard.name)) {
    merged.set(shard.name, pagefind.mergeIndex(shardUrl(shard), { baseUrl: "/", mergeFilter: { shard: shard.name } }));
  }
  return merged.get(shard.name);
}

// --- the form <-> the URL (?q=…&section=…&tri=date), so a search can be shared ---------------

function stateFromForm() {
  const filters = {};
  for (const select of filterSelects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return { query: input.value.trim(), filters, sort: sortSelect.value };
}

function formFromUrl() {
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  for (const select of [...filterSelects, sortSelect]) {
    const wanted = params.get(select.name) || "";
    if (wanted && ![...select.options].some((option) => option.value === wanted)) {
      select.append(new Option(wanted, wanted)); // a shared link may name a value not listed yet
    }
    select.value = wanted;
  }
}

function urlFromForm() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of [...filterSelects, sortSelect]) {
    if (select.value) params.set(select.name, select.value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.replaceState(null, "", url);
  }
}

// --- filters: the values of the whole archive, from filters.json ----------------------------

function fillFilters(available) {
  for (const select of filterSelects) {
    const counts = available[select.dataset.filter] || {};
    const chosen = select.value;
    const values = Object.keys(counts).sort((a, b) => {
      if (select.dataset.filter === "year") return b.localeCompare(a); // newest year first
      return a.localeCompare(b, "fr", { sensitivity: "base" });
    });
    select.replaceChildren(select.options[0]);
    for (const value of values) {
      select.append(new Option(`${value} (${numberFr.format(counts[value])})`, value));
    }
    if (chosen && !values.includes(chosen)) select.append(new Option(chosen, chosen));
    select.value = chosen;
    select.closest(".search-form__option").hidden = values.length === 0 && !chosen;
  }
  options.hidden = false;
}

// --- one result ------------------------------------------------------------------------------

function resultUrl(url) {
  // Pagefind gives site-root paths ("/articles/slug/"); the site may live under a sub-path.
  return new URL(url.replace(/^\//, ""), siteRoot).href;
}

function excerptNodes(html) {
  // Pagefind's excerpt is text with <mark> around matched words: keep exactly that, as nodes.
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function renderResult(data) {
  const item = element("li", "search-result");
  const title = element("h2", "search-result__title");
  const link = element("a", "", data.meta.title || data.url);
  link.href = resultUrl(data.url);
  title.append(link);
  const meta = element("p", "search-result__meta");
  if (data.meta.kicker) meta.append(element("span", "search-result__kicker", data.meta.kicker));
  if (data.meta.date) {
    const time = element("time", "search-result__date", data.meta.datefr || data.meta.date);
    time.dateTime = data.meta.date;
    meta.append(time);
  }
  const sections = (data.filters && data.filters.section) || [];
  if (sections.length) meta.append(element("span", "search-result__section", sections.join(", ")));
  const excerpt = element("p", "search-result__excerpt");
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(title, meta, excerpt);
  return item;
}

// --- Pagefind's prefix fallback -------------------------------------------------------------
//
// Pagefind 1.5 answers a word an index does not know with the words sharing its longest known
// prefix (« Idlib » → « ID.3 »), index by index: a shard without the word would bring noise.
// So before a query, each shard must know every word: an exact search ("mot") matches the
// word's stem and never falls back; a word still being typed (« Idl ») is known when the words
// Pagefind marks in that shard start with it.

function folded(text) {
  // As Pagefind compares words: lower case, no diacritics, no punctuation.
  return text.toLocaleLowerCase("fr").normalize("NFD").replace(/[\p{M}\p{P}\p{S}]/gu, "");
}

function queryWords(query) {
  return query.split(/\s+/).map((word) => word.replace(/"/g, "")).filter((word) => folded(word));
}

async function markedWords(result) {
  const data = await result.data();
  const marks = (data.excerpt || "").match(/<mark>[^<]*<\/mark>/g) || [];
  return marks.flatMap((mark) => {
    const text = mark.replace(/<\/?mark>/g, "");
    return [folded(text), ...text.split(/[\s\p{P}\p{S}]+/u).map(folded)];
  });
}

async function startsWithWord(word, shard) {
  const response = await pagefind.search(word, { filters: { shard } });
  if (!response || response.results.length === 0) return false;
  return (await markedWords(response.results[0])).some((marked) => marked.startsWith(folded(word)));
}

async function shardsKnowing(query, names) {
  if (/^\s*".+"\s*$/.test(query)) return names; // an exact search never falls back
  let kept = names;
  for (const word of queryWords(query)) {
    if (kept.length === 0) break;
    const exact = await pagefind.search(`"${word}"`, { filters: { shard: { any: kept } } });
    const counts = (exact && exact.filters && exact.filters.shard) || {};
    const typed = await Promise.all(kept.map((name) => counts[name] > 0 || startsWithWord(word, name)));
    kept = kept.filter((_, index) => typed[index]);
  }
  return kept;
}

async function showMore(mine, focusFirst) {
  // The next results of what was searched; returns how many were added.
  const batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const datas = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return;
  const items = datas.map(renderResult);
  list.append(...items);
  current.shown += batch.length;
  updateButtons();
  if (focusFirst && items.length) items[0].querySelector("a").focus();
  return items.length;
}

function updateButtons() {
  const everyShown = current.shown >= current.results.length;
  moreButton.hidden = everyShown;
  olderButton.hidden = !everyShown || current.searched >= current.order.length;
  olderButton.textContent = current.state && current.state.sort === "date-asc"
    ? "Chercher dans les articles plus récents"
    : "Chercher dans les articles plus anciens";
}

// --- which shards a search asks, round after round -------------------------------------------

function shardYears(shard) {
  return [Number(shard.first.slice(0, 4)), Number(shard.last.slice(0, 4))];
}

function shardOrder(state) {
  // Newest first, so that the newest-first date order is exact at every round; oldest first for
  // the oldest-first order; only the shards of the chosen year, if one is.
  const order = state.sort === "date-asc" ? [...catalog.shards].reverse() : catalog.shards;
  const year = Number(state.filters.year);
  if (!year) return order;
  return order.filter((shard) => {
    const [first, last] = shardYears(shard);
    return first <= year && year <= last;
  });
}

function nextRound() {
  // About one shard's worth of articles in the first round, twice as many in each next one:
  // the first query stays small, and a rare word needs only a few clicks in a large archive.
  const budget = Math.max(catalog.shard_size || 0, 1) * 2 ** current.rounds;
  const round = [];
  let pages = 0;
  while (current.searched < current.order.length && (round.length === 0 || pages < budget)) {
    const shard = current.order[current.searched++];
    round.push(shard);
    pages += shard.pages;
  }
  current.rounds += 1;
  return round;
}

async function searchRound(state, round) {
  // The round's results, and how many of them each year holds (from Pagefind's filter counts).
  await Promise.all(round.map(merge));
  let names = round.map((shard) => shard.name);
  if (state.query) names = await shardsKnowing(state.query, names);
  const years = {};
  if (names.length === 0) return { results: [], years };
  // Pagefind counts only the filters it has loaded, and loads those a query names: naming
  // « year » without limiting it loads that one filter file per shard (not the tag lists).
  const filters = state.filters.year ? state.filters : { ...state.filters, year: { none: ["0"] } };
  if (!state.sort) {
    const response = await pagefind.search(state.query || null, { filters: { ...filters, shard: { any: names } } });
    addCounts(years, response);
    return { results: response ? response.results : [], years };
  }
  // By date, shard by shard: Pagefind merges the indexes' answers by rank, not by date, but the
  // shards are ordered by date, so their sorted answers put end to end are in order.
  const sort = { date: state.sort === "date-asc" ? "asc" : "desc" };
  const responses = await Promise.all(names.map((shard) => pagefind.search(state.query || null, {
    filters: { ...filters, shard }, sort,
  })));
  responses.forEach((response) => addCounts(years, response));
  return { results: responses.flatMap((response) => (response ? response.results : [])), years };
}

function searchedPeriod() {
  const searched = current.order.slice(0, current.searched);
  if (searched.length === 0) return "";
  if (current.searched >= current.order.length && !current.state.filters.year) return "";
  const days = searched.flatMap((shard) => [shard.first, shard.last]).sort();
  const day = (iso) => {
    const date = new Date(`${iso}T00:00:00Z`);
    return dateFr.format(date).replace(/^1 /, "1er "); // « 1er janvier », as the articles say
  };
  return ` parmi les articles du ${day(days[0])} au ${day(days[days.length - 1])}`;
}

// --- the chart of results per year (search-years.js) -----------------------------------------

function searchedYears() {
  const searched = current.order.slice(0, current.searched);
  const years = searched.flatMap(shardYears);
  return years.length ? [Math.min(...years), Math.max(...years)] : [0, -1];
}

function urlWithYear(year) {
  const params = new URLSearchParams(window.location.search);
  if (year) params.set(yearSelect.name, year);
  else params.delete(yearSelect.name);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}`;
}

function chooseYear(year) {
  if (year && ![...yearSelect.options].some((option) => option.value === year)) {
    yearSelect.append(new Option(year, year));
  }
  yearSelect.value = year;
  yearSelect.focus(); // the bar clicked is drawn anew; the keyboard stays on what it changed
  search();
}

function showYears() {
  const total = Object.values(current.years).reduce((sum, count) => sum + count, 0);
  if (!current.state || total === 0) {
    drawYears(yearChart, { counts: {}, first: 0, last: -1 });
    return;
  }
  const [first, last] = searchedYears();
  const period = searchedPeriod().trim() || "dans toute l’archive";
  drawYears(yearChart, {
    counts: current.years, first, last, period, chosen: current.state.filters.year || "",
    hrefFor: urlWithYear, choose: chooseYear,
  });
}

function describe(count, state) {
  const words = state.query ? ` pour « ${state.query} »` : "";
  const filters = Object.values(state.filters);
  const within = filters.length ? ` (filtre : ${filters.join(", ")})` : "";
  const period = searchedPeriod();
  const older = current.searched < current.order.length
    ? ` Les articles ${state.sort === "date-asc" ? "plus récents" : "plus anciens"} n’ont pas encore été cherchés.`
    : "";
  if (count === 0) {
    return `Aucun article ne correspond à votre recherche${words}${within}${period}.`
      + (older || " Vérifiez l’orthographe, essayez d’autres mots ou retirez un filtre.");
  }
  return `${plural(count, "article trouvé", "articles trouvés")}${words}${within}${period}.${older}`;
}

let busy = false;

async function searchFurther(mine) {
  // One more round; its results come after those already shown (relevance is per round).
  if (busy || current.searched >= current.order.length) return;
  busy = true;
  root.dataset.state = "searching";
  say("Recherche dans les articles suivants…");
  try {
    const { results, years } = await searchRound(current.state, nextRound());
    if (mine !== generation) return;
    current.results.push(...results);
    for (const [year, count] of Object.entries(years)) current.years[year] = (current.years[year] || 0) + count;
    say(describe(current.results.length, current.state));
    showYears();
    const shown = await showMore(mine, true);
    if (mine !== generation) return;
    // Nothing new to read: keep the keyboard on the button, or go back to the query once the
    // whole archive was searched.
    if (!shown) (olderButton.hidden ? input : olderButton).focus();
    root.dataset.state = "done";
  } finally {
    busy = false;
  }
}

// --- a search --------------------------------------------------------------------------------

async function search() {
  const mine = ++generation;
  urlFromForm();
  if (!pagefind) return;
  root.dataset.state = "searching";
  const state = stateFromForm();
  if (!state.query && Object.keys(state.filters).length === 0) {
    list.replaceChildren();
    current = { state, order: [], searched: 0, rounds: 0, results: [], shown: 0, years: {} };
    updateButtons();
    showYears();
    say("Saisissez un ou plusieurs mots pour lancer la recherche.");
    root.dataset.state = "done";
    return;
  }
  current = { state, order: shardOrder(state), searched: 0, rounds: 0, results: [], shown: 0, years: {} };
  const { results, years } = await searchRound(state, nextRound());
  if (mine !== generation) return; // a newer search is under way
  current.results = results;
  current.years = years;
  list.replaceChildren();
  await showMore(mine, false);
  if (mine !== generation) return;
  say(describe(results.length, state));
  showYears();
  root.dataset.state = "done";
}

function searchSoon() {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(search, TYPING_DELAY_MS);
}

async function start() {
  formFromUrl();
  root.dataset.state = "loading";
  say("Chargement de l’index de recherche…");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    search();
  });
  input.addEventListener("input", searchSoon);
  for (const select of [...filterSelects, sortSelect]) select.addEventListener("change", search);
  moreButton.addEventListener("click", () => showMore(generation, true));
  olderButton.addEventListener("click", () => searchFurther(generation));
  let available = {};
  try {
    const filtersFile = fetchJson("filters.json").catch(() => ({})); // lists only: search works without
    pagefind = await loadPagefind();
    available = await filtersFile;
  } catch (error) {
    root.dataset.state = "error";
    say(window.location.protocol === "file:"
      ? "La recherche ne fonctionne pas quand les pages sont ouvertes comme fichiers (file://) : "
        + "servez le site en HTTP, par exemple avec « make serve »."
      : "La recherche est indisponible : l’index de recherche n’a pas pu être chargé.");
    console.error("Kiosque search:", error);
    return;
  }
  if (!pagefind) {
    root.dataset.state = "empty";
    say("L’archive ne contient encore aucun article.");
    return;
  }
  fillFilters(available);
  await search();
  if (!input.value) input.focus();
}

start();
