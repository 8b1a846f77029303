// « Ce jour-là » on the home page: the articles of today's day and month in earlier years, read
// from that day's static page (/ce-jour-la/12-07/, plugins/kiosque_theme/thisday.py). The home
// page itself never changes with the date; without JavaScript it keeps its link to the calendar.

const SHOWN = 6; // articles listed on the home page; the day's page has them all

const section = document.getElementById("ce-jour-la");

function twoDigits(number) {
  return String(number).padStart(2, "0");
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

async function dayPage(today) {
  const root = new URL(section.dataset.siteRoot || "./", document.baseURI);
  const path = section.dataset.dayUrl
    .replace("{month}", twoDigits(today.getMonth() + 1))
    .replace("{day}", twoDigits(today.getDate()));
  const url = new URL(path, root);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { url, doc: new DOMParser().parseFromString(await response.text(), "text/html") };
}

function earlierArticles(doc, url, year) {
  // The day's page lists its articles by year (newest first), as links relative to that page.
  const found = [];
  for (const group of doc.querySelectorAll(".this-day-year")) {
    if (Number(group.dataset.year) >= year) continue;
    for (const item of group.querySelectorAll("li")) {
      const link = item.querySelector("a");
      if (link) found.push({ year: group.dataset.year, title: link.textContent, href: new URL(link.getAttribute("href"), url).href });
    }
  }
  return found;
}

function render(found, url, label) {
  const intro = section.querySelector(".this-day__intro");
  const calendarUrl = intro.querySelector("a").href;
  section.querySelector("h2").textContent = `Ce jour-là, un ${label}`;
  const parts = [];
  if (found.length === 0) {
    parts.push(element("p", "", `Aucun article d’un ${label} des années passées dans l’archive.`));
  } else {
    const list = element("ul", "this-day__list");
    for (const article of found.slice(0, SHOWN)) {
      const item = element("li");
      const link = element("a", "", article.title);
      link.href = article.href;
      item.append(element("span", "this-day__year", article.year), " — ", link);
      list.append(item);
    }
    const all = element("a", "", found.length > SHOWN
      ? `Les ${found.length} articles d’un ${label}`
      : `Les articles d’un ${label}, année par année`);
    all.href = url.href;
    const more = element("p", "this-day__more");
    more.append(all);
    parts.push(list, more);
  }
  const other = element("p", "this-day__intro", "Un autre jour : ");
  const calendarLink = element("a", "", "le calendrier « Ce jour-là »");
  calendarLink.href = calendarUrl;
  other.append(calendarLink, ".");
  intro.replaceWith(...parts, other);
}

async function start() {
  if (!section) return;
  const today = new Date();
  try {
    const { url, doc } = await dayPage(today);
    const label = doc.querySelector("[data-day]")?.dataset.day || "";
    render(earlierArticles(doc, url, today.getFullYear()), url, label);
    section.dataset.state = "done";
  } catch (error) {
    section.dataset.state = "error"; // the link to the calendar stays
    console.error("Kiosque, ce jour-là:", error);
  }
}

start();
