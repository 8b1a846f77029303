// The search chart: how many results each year holds, over the shards searched so far, as SVG
// bars with the same numbers in a table for screen readers. The counts are Pagefind's filter
// counts (the « year » filter of theme/templates/article.html), summed over the searches of each
// round; search.js calls addCounts() for every Pagefind answer and drawYears() after each round.
// Each bar is a link to the same search limited to its year. Bars, captions and their hover and
// focus styles are those of the charts drawn at build time (partials/charts.html); unlike
// those, this SVG scales as a whole, so the counts and years can be written in it.

const SVG = "http://www.w3.org/2000/svg";
const numberFr = new Intl.NumberFormat("fr-FR");
const STEP = 34; // user units per year
const BAR = 26;
const TOP = 16; // room for the count above the tallest bar
const HEIGHT = 64; // the tallest bar
const BOTTOM = 16; // room for the year below the bars
const SCALE = 1.5; // drawn size per user unit, before the page narrows it (max-width: 100%)

function plural(count) {
  return `${numberFr.format(count)} ${count === 1 ? "article trouvé" : "articles trouvés"}`;
}

function svgNode(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function htmlNode(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function addCounts(counts, response) {
  const years = (response && response.filters && response.filters.year) || {};
  for (const [year, count] of Object.entries(years)) {
    if (count > 0) counts[year] = (counts[year] || 0) + count;
  }
}

function yearsShown(counts, first, last) {
  const years = [];
  for (let year = first; year <= last; year += 1) years.push(String(year));
  // Counts outside the period searched cannot happen; shown all the same rather than dropped.
  for (const year of Object.keys(counts)) if (!years.includes(year)) years.push(year);
  return years.sort();
}

function bars(years, counts, period, hrefFor) {
  const most = Math.max(1, ...years.map((year) => counts[year] || 0));
  const total = years.reduce((sum, year) => sum + (counts[year] || 0), 0);
  const width = years.length * STEP;
  const svg = svgNode("svg", {
    class: "search-years__chart", viewBox: `0 0 ${width} ${TOP + HEIGHT + BOTTOM}`,
    width: String(width * SCALE), height: String((TOP + HEIGHT + BOTTOM) * SCALE),
    role: "group", "aria-labelledby": "search-years-titre", "aria-describedby": "search-years-desc",
  });
  const busiest = years.reduce((best, year) => ((counts[year] || 0) > (counts[best] || 0) ? year : best), years[0]);
  svg.append(
    svgNode("title", { id: "search-years-titre" }, "Articles trouvés par année"),
    svgNode("desc", { id: "search-years-desc" },
      `${plural(total)} ${period}, au plus ${numberFr.format(counts[busiest] || 0)} en ${busiest}.`),
  );
  const short = years.length > 12; // « ’18 »: on a phone, four digits would be too small to read
  years.forEach((year, index) => {
    const count = counts[year] || 0;
    const x = index * STEP + (STEP - BAR) / 2;
    const height = count ? Math.max(2, Math.round((HEIGHT * count) / most)) : 0;
    const label = `${year} : ${count ? plural(count) : "aucun article trouvé"}`;
    const group = count
      ? svgNode("a", { class: "chart__link", href: hrefFor(year), "aria-label": label, "data-year": year, "data-count": String(count) })
      : svgNode("g", { "data-year": year, "data-count": "0" });
    group.append(
      svgNode("title", {}, label),
      // A full-height hit area: a bar of one article is still easy to click.
      svgNode("rect", { class: "chart__hit", x: String(x), y: String(TOP), width: String(BAR), height: String(HEIGHT) }),
      svgNode("rect", { class: "chart__bar", x: String(x), y: String(TOP + HEIGHT - height), width: String(BAR), height: String(height) }),
      svgNode("text", { class: "search-years__year", x: String(x + BAR / 2), y: String(TOP + HEIGHT + 12), "text-anchor": "middle" },
        short ? `’${year.slice(2)}` : year),
    );
    if (count) {
      group.append(svgNode("text", {
        class: "search-years__count", x: String(x + BAR / 2), y: String(TOP + HEIGHT - height - 3), "text-anchor": "middle",
      }, numberFr.format(count)));
    }
    svg.append(group);
  });
  return svg;
}

function table(years, counts, period) {
  const box = htmlNode("div", "visually-hidden");
  const grid = htmlNode("table");
  grid.append(htmlNode("caption", "", `Articles trouvés par année, ${period}`));
  const head = htmlNode("tr");
  head.append(htmlNode("th", "", "Année"), htmlNode("th", "", "Articles trouvés"));
  head.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
  const body = htmlNode("tbody");
  for (const year of years) {
    const row = htmlNode("tr");
    const th = htmlNode("th", "", year);
    th.scope = "row";
    row.append(th, htmlNode("td", "", String(counts[year] || 0)));
    body.append(row);
  }
  const thead = htmlNode("thead");
  thead.append(head);
  grid.append(thead, body);
  box.append(grid);
  return box;
}

// figure: the <figure> to fill; counts: year -> results; first, last: the years of the shards
// searched; period: the words saying which days they cover; chosen: the year filtered on, if any;
// hrefFor(year or ""): the URL of this search limited to that year (or to none); choose(year):
// what a click does instead of following the link.
export function drawYears(figure, { counts, first, last, period, chosen, hrefFor, choose }) {
  const years = chosen ? [chosen] : yearsShown(counts, first, last);
  if (years.length === 0) {
    figure.hidden = true;
    figure.replaceChildren();
    return;
  }
  const caption = htmlNode("figcaption", "chart__caption", chosen
    ? `Articles trouvés en ${chosen}, ${period}. `
    : `Articles trouvés par année, ${period}. Choisissez une année pour limiter la recherche.`);
  if (chosen) {
    const all = htmlNode("a", "search-years__all", "Toutes les années");
    all.href = hrefFor("");
    all.dataset.year = "";
    caption.append(all);
  }
  figure.replaceChildren(caption, bars(years, counts, period, hrefFor), table(years, counts, period));
  figure.hidden = false;
  for (const link of figure.querySelectorAll("a[data-year]")) {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) return; // a new tab
      event.preventDefault();
      choose(link.dataset.year);
    });
  }
}
