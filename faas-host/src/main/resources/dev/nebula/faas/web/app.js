// The host's page: lists the functions, invokes one, and charts its recent latency with uPlot.
// Everything comes from the host's own JSON API; nothing is loaded from elsewhere.
"use strict";

const state = { functions: [], selected: null, chart: null };

const $ = (id) => document.getElementById(id);

function text(tag, content, cls) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (cls) el.className = cls;
  return el;
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

async function refreshHealth() {
  try {
    const health = await getJson("/healthz");
    $("health").textContent = health.status + " · " + health.functions + " function(s) · " + health.invocations_running + " running";
  } catch (e) {
    $("health").textContent = "host unreachable: " + e.message;
  }
}

async function refreshFunctions() {
  state.functions = await getJson("/system/functions");
  const body = $("functions");
  body.replaceChildren();
  if (state.functions.length === 0) {
    const row = document.createElement("tr");
    const cell = text("td", "No functions deployed.", "muted");
    cell.colSpan = 7;
    row.append(cell);
    body.append(row);
  }
  for (const fn of state.functions) {
    const row = document.createElement("tr");
    row.dataset.name = fn.name;
    row.append(text("td", fn.name), text("td", fn.runtime), text("td", fn.size + " B"),
      text("td", fn.sha256.slice(0, 12) + "…"), text("td", fn.limits.timeout_ms + " ms"),
      text("td", fn.limits.max_memory_pages + " pages"), text("td", new Date(fn.deployed_at).toLocaleString()));
    row.addEventListener("click", () => select(fn.name));
    if (fn.name === state.selected) row.classList.add("selected");
    body.append(row);
  }
  const picker = $("fn-select");
  const previous = picker.value;
  picker.replaceChildren(...state.functions.map((fn) => new Option(fn.name, fn.name)));
  const names = state.functions.map((fn) => fn.name);
  if (names.includes(state.selected)) picker.value = state.selected;
  else if (names.includes(previous)) picker.value = previous;
  if (!state.selected && names.length > 0) select(names[0]);
}

function select(name) {
  state.selected = name;
  $("fn-select").value = name;
  for (const row of $("functions").rows) row.classList.toggle("selected", row.dataset.name === name);
  refreshChart();
}

async function invoke(event) {
  event.preventDefault();
  const name = $("fn-select").value;
  if (!name) return;
  select(name);
  const button = $("invoke");
  button.disabled = true;
  try {
    const response = await fetch("/function/" + encodeURIComponent(name), { method: "POST", body: $("input").value });
    const outcome = response.headers.get("X-Outcome") || "?";
    const status = $("result-status");
    status.textContent = "HTTP " + response.status + " · " + outcome +
      (response.headers.get("X-Exit-Code") !== null ? " · exit " + response.headers.get("X-Exit-Code") : "");
    status.className = response.ok ? "ok" : "fail";
    $("result-timings").textContent = "start-up " + response.headers.get("X-Startup-Micros") + " µs · run " +
      response.headers.get("X-Run-Micros") + " µs · total " + response.headers.get("X-Total-Micros") + " µs";
    const body = await response.text();
    let shown = body;
    if (!response.ok) {
      try {
        const error = JSON.parse(body);
        shown = error.message + (error.stderr ? "\n\nstderr:\n" + error.stderr : "");
      } catch (ignored) { /* not JSON: show as is */ }
    }
    $("result-output").textContent = shown;
    $("result").hidden = false;
  } finally {
    button.disabled = false;
  }
  await refreshChart();
  // How many invocations this page has finished (shown and charted): lets a test wait for one.
  document.body.dataset.invocations = String(Number(document.body.dataset.invocations || 0) + 1);
}

async function refreshChart() {
  const name = state.selected;
  $("chart-name").textContent = name || "—";
  if (!name) return;
  let recent;
  try {
    recent = await getJson("/system/functions/" + encodeURIComponent(name) + "/invocations");
  } catch (e) {
    return;
  }
  $("chart-empty").hidden = recent.length > 0;
  const xs = recent.map((r, i) => i + 1);
  const totals = recent.map((r) => r.total_micros / 1000);
  const startups = recent.map((r) => r.startup_micros / 1000);
  const data = [xs, totals, startups];
  if (state.chart) {
    state.chart.setData(data);
    return;
  }
  state.chart = new uPlot({
    width: Math.min(920, document.body.clientWidth - 40),
    height: 260,
    scales: { x: { time: false } },
    axes: [{ label: "invocation", incrs: [1, 2, 5, 10, 20, 50, 100] }, { label: "ms" }],
    series: [
      { label: "#" },
      { label: "total ms", stroke: "#2f6fde", width: 2, points: { show: true } },
      { label: "start-up ms", stroke: "#e0742f", width: 2, points: { show: true } },
    ],
  }, data, $("chart"));
}

$("invoke-form").addEventListener("submit", invoke);
$("fn-select").addEventListener("change", (e) => select(e.target.value));

async function refreshAll() {
  await Promise.all([refreshHealth(), refreshFunctions().catch((e) => { $("functions").textContent = e.message; })]);
}

refreshAll().then(() => document.body.dataset.ready = "true");
setInterval(() => { refreshAll(); refreshChart(); }, 5000);
