// Kiosque search page: Pagefind in the browser, no server and no third-party script.
//
// The index is split in shards (one per publication year, see plugins/kiosque_search);
// <bundle>/shards.json lists them newest first. The first shard's pagefind.js is loaded and the
// others are merged into it (Pagefind's mergeIndex), so one query searches the whole archive.
// Every path is resolved from the page's data-site-root, so the site works under a sub-path.

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const numberFr = new Intl.NumberFormat("fr-FR");

const root = document.getElementById("recherche");
const form = root.querySelector(".search-form");
const input = root.querySelector("#search-q");
const sortSelect = root.querySelector("#search-sort");
const filterSelects = [...root.querySelectorAll("select[data-filter]")];
const options = root.querySelector(".search-form__options");
const statusLine = root.querySelector("#search-status");
const list = root.querySelector("#search-results");
const moreButton = root.querySelector("#search-more");

const siteRoot = new URL(root.dataset.siteRoot || "./", document.baseURI);
const bundleRoot = new URL(`${root.dataset.bundle || "pagefind"}/`, siteRoot);

let pagefind = null;
let current = { results: [], shown: 0 };
let generation = 0; // a newer search makes the answers of older ones obsolete
let typingTimer = 0;

function say(message) {
  statusLine.textContent = message;
}

function plural(count, one, many) {
  return `${numberFr.format(count)} ${count === 1 ? one : many}`;
}

async function loadPagefind() {
  const response = await fetch(new URL("shards.json", bundleRoot));
  if (!response.ok) throw new Error(`shards.json: HTTP ${response.status}`);
  const catalog = await response.json();
  const shards = catalog.shards.map((shard) => new URL(`${shard.name}/`, bundleRoot).href);
  if (shards.length === 0) return null;
  const [primary, ...others] = shards;
  const module = await import(`${primary}pagefind.js`);
  // baseUrl "/": results carry site-root paths ("/articles/slug/"), which resultUrl() puts under
  // the site root (Pagefind's own guess of the base path depends on where the bundle lies).
  await module.options({ excerptLength: 26, baseUrl: "/" });
  await module.init();
  await Promise.all(others.map((shard) => module.mergeIndex(shard, { baseUrl: "/" })));
  return module;
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

// --- filters: the values present in the index, with counts -----------------------------------

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

async function showMore(mine, focusFirst) {
  const batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const datas = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return;
  const items = datas.map(renderResult);
  list.append(...items);
  current.shown += batch.length;
  moreButton.hidden = current.shown >= current.results.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

// --- a search --------------------------------------------------------------------------------

function describe(count, state) {
  const words = state.query ? ` pour « ${state.query} »` : "";
  const filters = Object.values(state.filters);
  const within = filters.length ? ` (filtre : ${filters.join(", ")})` : "";
  if (count === 0) {
    return `Aucun article ne correspond à votre recherche${words}${within}. `
      + "Vérifiez l’orthographe, essayez d’autres mots ou retirez un filtre.";
  }
  return `${plural(count, "article trouvé", "articles trouvés")}${words}${within}.`;
}

async function search() {
  const mine = ++generation;
  urlFromForm();
  if (!pagefind) return;
  root.dataset.state = "searching";
  const state = stateFromForm();
  if (!state.query && Object.keys(state.filters).length === 0) {
    list.replaceChildren();
    moreButton.hidden = true;
    say("Saisissez un ou plusieurs mots pour lancer la recherche.");
    root.dataset.state = "done";
    return;
  }
  const request = { filters: state.filters };
  if (state.sort) request.sort = { date: state.sort === "date-asc" ? "asc" : "desc" };
  const response = await pagefind.search(state.query || null, request);
  if (mine !== generation || !response) return; // a newer search is under way
  current = { results: response.results, shown: 0 };
  list.replaceChildren();
  await showMore(mine, false);
  if (mine !== generation) return;
  say(describe(response.results.length, state));
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
  try {
    pagefind = await loadPagefind();
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
  fillFilters(await pagefind.filters());
  await search();
  if (!input.value) input.focus();
}

start();
