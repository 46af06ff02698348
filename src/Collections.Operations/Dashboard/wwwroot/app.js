// Collections operations dashboard. Plain JS, no build. Every datum is inserted with textContent (via el()),
// never as HTML. The API key lives in sessionStorage and goes out as the x-functions-key header.
"use strict";
(() => {
  const KEY = "collections.apiKey";
  const LANG = "collections.lang";
  const I18N = window.CollectionsI18n;
  const LABELS = window.CollectionsLabels;
  let lang = sessionStorage.getItem(LANG) || ((navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en");
  const main = document.getElementById("main");
  const charts = [];

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  /** t() with {name} placeholders filled in. */
  function tf(key, vars) { return t(key).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? "")); }
  /** A code the API sends (stage, status, notice kind, deferral reason...) in the page's language; unknown codes stay as sent. */
  function label(group, code) {
    if (code === undefined || code === null) return "";
    const table = (LABELS[lang] && LABELS[lang][group]) || {};
    return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : String(code);
  }
  function known(group, code) { return Object.prototype.hasOwnProperty.call((LABELS.zh[group] || {}), code); }
  function stage(s) { return label("stages", s); }
  function status(s) { return label("statuses", s); }
  /** Data (names, ids, amounts, operators' own words) is shown as sent and marked translate="no". */
  function data(text) { return el("span", { translate: "no" }, text === undefined || text === null ? "" : String(text)); }
  /** The case machine's reason in the page's language (Chinese by pattern; unknown reasons become a generic sentence). */
  function reasonText(reason, fallbackKey) {
    if (lang !== "zh") return reason || t(fallbackKey);
    const hit = LABELS.zh.reasons.find(([pattern]) => pattern.test(reason || ""));
    return hit ? hit[1] : t(fallbackKey);
  }
  /** A ProblemDetails answer as one sentence in the page's language. */
  function problemText(statusCode, problem) {
    if (lang !== "zh") return (problem && (problem.detail || problem.title)) || tf("err.status", { status: statusCode });
    if (statusCode === 400 || statusCode === 422) {
      const fields = Object.keys((problem && problem.errors) || {}).map(f => LABELS.zh.fields[f] || "字段");
      return t("err.invalid") + (fields.length ? "：" + fields.join("、") : "");
    }
    if (statusCode === 404) return t("err.notFound");
    if (statusCode === 409) return reasonText(problem && problem.detail, "err.conflict");
    if (statusCode === 415) return t("err.media");
    if (statusCode >= 500) return t("err.server");
    return tf("err.status", { status: statusCode });
  }
  function locale() { return lang === "zh" ? "zh-CN" : "en-GB"; }

  /** Creates an element; string children become text nodes (never parsed as HTML). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function money(amount, currency) {
    try { return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(amount); }
    catch { return String(amount) + " " + currency; }
  }
  function when(iso) { return iso ? new Date(iso).toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" }) : "—"; }
  function pct(rate) { return rate === null || rate === undefined ? "—" : (rate * 100).toFixed(1) + "%"; }
  function light(l) { return el("span", {}, el("span", { class: "light " + l, "aria-hidden": "true" }), t(l)); }
  function caseLink(c) { return el("a", { href: "/cases/" + encodeURIComponent(c.instanceId), translate: "no" }, c.customerName || c.customerId); }
  function overdueText(c) { return (c.balances || []).filter(b => b.overdue > 0).map(b => money(b.overdue, b.currency)).join(" · ") || "—"; }

  class ApiError extends Error {
    constructor(status, problem) { super(problemText(status, problem)); this.status = status; this.problem = problem; }
  }

  async function api(path, options) {
    const opts = options || {};
    const headers = { "Accept": "application/json", "x-functions-key": sessionStorage.getItem(KEY) || "" };
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(path, { method: opts.method || "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    if (res.status === 401) {
      sessionStorage.removeItem(KEY);
      showLogin(t("login.bad"));
      throw new ApiError(401, null);
    }
    const type = res.headers.get("content-type") || "";
    const body = type.includes("json") ? await res.json() : null;
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  }

  function applyStaticText() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t("brand");
    document.querySelectorAll("[data-i18n]").forEach(n => { n.textContent = t(n.getAttribute("data-i18n")); });
    const toggle = document.getElementById("lang-toggle");
    toggle.textContent = lang === "zh" ? "English" : "中文";
    toggle.setAttribute("lang", lang === "zh" ? "en" : "zh-CN"); // the other language's own name
    document.getElementById("sign-out").hidden = !sessionStorage.getItem(KEY);
  }

  function clear() {
    while (charts.length) charts.pop().destroy();
    main.replaceChildren();
  }

  function showLogin(message) {
    clear();
    applyStaticText();
    const input = el("input", { type: "password", id: "api-key", autocomplete: "off", "aria-label": t("login.key") });
    const form = el("form", { class: "card login", id: "login-form" },
      el("h1", {}, t("login.title")), el("p", { class: "muted" }, t("login.text")),
      el("label", { for: "api-key" }, t("login.key")), input,
      message ? el("p", { class: "error", role: "alert" }, message) : null,
      el("button", { type: "submit" }, t("login.submit")));
    form.addEventListener("submit", ev => {
      ev.preventDefault();
      if (!input.value.trim()) return;
      sessionStorage.setItem(KEY, input.value.trim());
      route();
    });
    main.append(form);
    input.focus();
  }

  function showError(err) {
    if (err instanceof ApiError && err.status === 401) return;
    main.append(el("p", { class: "error", role: "alert" }, t("error") + ": " + (err && err.message ? err.message : String(err))));
  }

  function table(headers, rows) {
    return el("table", {},
      el("thead", {}, el("tr", {}, headers.map(h => el("th", { class: h.num ? "num" : null }, t(h.key))))),
      el("tbody", {}, rows.length ? rows : [el("tr", {}, el("td", { colspan: headers.length, class: "muted" }, t("none")))]));
  }
  // Numbers and amounts are data (an amount may read "US$500.00"): num cells are marked translate="no".
  function row(cells) { return el("tr", {}, cells.map(c => c && c.num !== undefined ? el("td", { class: "num", translate: "no" }, c.num) : el("td", {}, c))); }
  function card(titleKey, ...content) { return el("section", { class: "card" }, el("h2", {}, t(titleKey)), content); }
  function caseRows(list) {
    return list.map(c => row([caseLink(c), stage(c.customStatus), el("span", { class: "badge " + c.runtimeStatus }, status(c.runtimeStatus)),
      light(c.light), { num: overdueText(c) }, c.nextTimer ? when(c.nextTimer.at) : "—"]));
  }
  const CASE_HEADERS = [{ key: "col.customer" }, { key: "col.stage" }, { key: "col.status" }, { key: "col.light" }, { key: "col.overdue", num: true }, { key: "col.next" }];

  function barChart(canvas, labels, values, label, colors) {
    if (!window.Chart) return;
    charts.push(new window.Chart(canvas, {
      type: "bar",
      data: { labels, datasets: [{ label, data: values, backgroundColor: colors || "#2458c6" }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    }));
  }

  async function overview() {
    clear();
    main.append(el("h1", {}, t("ov.title")), el("p", { class: "muted", id: "loading" }, t("loading")));
    const [ov, kpis] = await Promise.all([api("/api/overview"), api("/api/kpis").catch(() => null)]);
    document.getElementById("loading").remove();

    if (kpis) {
      const dso = kpis.dso.filter(d => d.dso !== null).map(d => d.dso + " " + d.currency).join(" · ") || "—";
      const cei = kpis.cei.filter(d => d.cei !== null).map(d => d.cei + " " + d.currency).join(" · ") || "—";
      const bad = kpis.badDebtRates.filter(d => d.rate !== null).map(d => pct(d.rate) + " " + d.currency).join(" · ") || "—";
      const tile = (key, value, id) => el("div", { class: "tile", id }, el("div", { class: "label" }, t(key)), el("div", { class: "value", translate: "no" }, value));
      main.append(el("h2", {}, t("ov.kpis")), el("div", { class: "tiles", id: "kpi-tiles" },
        tile("kpi.promiseKept", pct(kpis.promiseKeptRate.rate), "kpi-promise"),
        tile("kpi.timeliness", pct(kpis.collectionTimeliness.rate), "kpi-timeliness"),
        tile("kpi.agreement", pct(kpis.agreementRate.rate), "kpi-agreement"),
        tile("kpi.dso", dso, "kpi-dso"), tile("kpi.cei", cei, "kpi-cei"), tile("kpi.badDebt", bad, "kpi-baddebt")));
    }

    const stageCanvas = el("canvas", { id: "chart-stage", "aria-label": t("ov.byStage") });
    const lights = ov.lights;
    const agingBox = el("div", { id: "aging" });
    main.append(el("div", { class: "grid" },
      card("ov.byStage", el("div", { class: "chart-box" }, stageCanvas)),
      card("ov.byStatus", table([{ key: "col.status" }, { key: "ov.cases", num: true }], ov.byStatus.map(s => row([status(s.key), { num: s.count }])))),
      card("ov.lights", el("div", { class: "lights", id: "lights" },
        el("span", { "data-light": "green" }, light("green"), " ", String(lights.green)),
        el("span", { "data-light": "yellow" }, light("yellow"), " ", String(lights.yellow)),
        el("span", { "data-light": "red" }, light("red"), " ", String(lights.red))))));
    barChart(stageCanvas, ov.byStage.map(s => stage(s.key)), ov.byStage.map(s => s.count), t("ov.byStage"));

    const currencies = [...new Set(ov.aging.map(a => a.currency))];
    const buckets = ["current", "1-30", "31-60", "61-90", "90+"];
    const agingCard = card("ov.aging", agingBox);
    main.append(el("div", { class: "grid" }, agingCard));
    if (!currencies.length) agingBox.append(el("p", { class: "muted" }, t("none")));
    for (const cur of currencies) {
      const canvas = el("canvas", { "aria-label": t("ov.aging") + " " + cur });
      agingBox.append(el("h3", { translate: "no" }, cur), el("div", { class: "chart-box" }, canvas));
      const values = buckets.map(b => (ov.aging.find(a => a.currency === cur && a.bucket === b) || { open: 0 }).open);
      barChart(canvas, buckets.map(b => label("buckets", b)), values, cur, ["#1f9d55", "#d69e2e", "#dd6b20", "#c53030", "#822727"]);
    }

    main.append(el("div", { class: "grid" },
      card("ov.due", table(CASE_HEADERS, caseRows(ov.dueNext7Days))),
      card("ov.failed", table([{ key: "col.customer" }, { key: "col.stage" }, { key: "col.reason" }],
        ov.failed.map(c => row([caseLink(c), stage(c.customStatus), lang === "zh" ? label("timeline", "Failed") : c.failureReason || ""]))))));
    main.append(card("ov.files", table(
      [{ key: "col.file" }, { key: "col.entity" }, { key: "col.status" }, { key: "col.progress", num: true }, { key: "col.errors", num: true }, { key: "col.received" }],
      ov.recentFiles.map(f => row([el("a", { href: "/files/" + encodeURIComponent(f.id), translate: "no" }, f.fileName), data(f.entity || ""), label("fileStatuses", f.status), { num: f.progress + "%" }, { num: f.errorCount }, when(f.receivedAt)])))));
    await casesCard();
  }

  async function casesCard() {
    const search = el("input", { type: "search", id: "case-search", placeholder: t("col.customer"), "aria-label": t("col.customer") });
    const body = el("div", { id: "case-list" });
    const more = el("button", { type: "button", class: "secondary", hidden: true }, "…");
    let token = null;
    async function load(reset) {
      const params = new URLSearchParams({ pageSize: "25" });
      if (search.value.trim()) params.set("q", search.value.trim());
      if (!reset && token) params.set("continuationToken", token);
      const page = await api("/api/cases?" + params.toString());
      token = page.continuationToken;
      more.hidden = !token;
      if (reset) body.replaceChildren(table(CASE_HEADERS, caseRows(page.items)));
      else body.querySelector("tbody").append(...caseRows(page.items));
    }
    search.addEventListener("change", () => load(true).catch(showError));
    more.addEventListener("click", () => load(false).catch(showError));
    main.append(el("section", { class: "card" }, el("h2", {}, t("ov.cases")), search, body, more));
    await load(true);
  }

  const ACTIONS = [
    { id: "promise", key: "act.promise", path: "raiseEvent/promise", fields: c => [
      { name: "promisedDate", key: "f.promisedDate", type: "date", required: true },
      { name: "amount", key: "f.amount", type: "number", step: "0.01", min: "0.01", required: true },
      { name: "currency", key: "f.currency", type: "select", options: [...new Set(c.items.map(i => i.currency))] }],
      body: v => ({ promisedDate: v.promisedDate, amount: Number(v.amount), currency: v.currency }) },
    { id: "dispute", key: "act.dispute", path: "raiseEvent/dispute", fields: () => [
      { name: "invoiceIds", key: "f.invoiceIds", required: true }, { name: "reason", key: "f.reason", required: true }],
      body: v => ({ invoiceIds: v.invoiceIds.split(",").map(s => s.trim()).filter(Boolean), reason: v.reason }) },
    { id: "resolveDispute", key: "act.resolveDispute", path: "raiseEvent/resolveDispute", show: c => c.disputedInvoiceIds.length > 0, fields: c => [
      { name: "invoiceIds", key: "f.invoiceIds", required: true, value: c.disputedInvoiceIds.join(", ") }, { name: "resolution", key: "f.resolution" }],
      body: v => ({ invoiceIds: v.invoiceIds.split(",").map(s => s.trim()).filter(Boolean), resolution: v.resolution || null }) },
    { id: "pause", key: "act.pause", path: "raiseEvent/pause", show: c => !c.pause, fields: () => [
      { name: "reason", key: "f.reason", required: true }, { name: "until", key: "f.until", type: "datetime-local" }],
      body: v => ({ reason: v.reason, until: v.until ? new Date(v.until).toISOString() : null }) },
    { id: "resume", key: "act.resume", path: "raiseEvent/resume", show: c => !!c.pause, fields: () => [], body: () => ({}) },
    { id: "escalateNow", key: "act.escalateNow", path: "raiseEvent/escalateNow", fields: () => [{ name: "reason", key: "f.reason" }], body: v => ({ reason: v.reason || null }) },
    { id: "approve", key: "act.approve", path: "raiseEvent/approve", show: c => !!c.approval && c.approval.decision === "Pending", fields: () => [], body: () => ({}) },
    { id: "reject", key: "act.reject", path: "raiseEvent/reject", show: c => !!c.approval && c.approval.decision === "Pending", fields: () => [{ name: "reason", key: "f.reason" }], body: v => ({ reason: v.reason || null }) },
    { id: "dncOn", key: "act.dncOn", path: "raiseEvent/doNotContact", show: c => !c.summary.doNotContact, fields: () => [{ name: "reason", key: "f.reason" }], body: v => ({ on: true, reason: v.reason || null }) },
    { id: "dncOff", key: "act.dncOff", path: "raiseEvent/doNotContact", show: c => c.summary.doNotContact, fields: () => [{ name: "reason", key: "f.reason" }], body: v => ({ on: false, reason: v.reason || null }) },
    { id: "writeOff", key: "act.writeOff", path: "raiseEvent/writeOff", fields: () => [{ name: "reason", key: "f.reason", required: true }], body: v => ({ reason: v.reason }) },
    { id: "retry", key: "act.retry", path: "retry", show: c => c.summary.runtimeStatus === "Failed", fields: () => [], body: () => ({}) },
    { id: "terminate", key: "act.terminate", path: "terminate", fields: () => [{ name: "reason", key: "f.reason", required: true }], body: v => ({ reason: v.reason }) },
  ];

  function confirmAction(c, action) {
    const dialog = document.getElementById("confirm");
    const fieldsBox = document.getElementById("confirm-fields");
    const errorBox = document.getElementById("confirm-error");
    document.getElementById("confirm-title").textContent = t(action.key);
    errorBox.textContent = "";
    const inputs = {};
    fieldsBox.replaceChildren(el("p", {}, t("confirm.text") + " ", el("strong", { translate: "no" }, c.summary.customerName), " (", data(c.summary.instanceId), ")"));
    for (const f of action.fields(c)) {
      const id = "field-" + f.name;
      const input = f.type === "select"
        ? el("select", { id, name: f.name, translate: "no" }, f.options.map(o => el("option", { value: o }, o)))
        : el("input", { id, name: f.name, type: f.type || "text", step: f.step, min: f.min, required: f.required });
      if (f.value) input.value = f.value;
      inputs[f.name] = input;
      fieldsBox.append(el("label", { for: id }, t(f.key)), input);
    }
    const ok = document.getElementById("confirm-ok");
    const cancel = document.getElementById("confirm-cancel");
    const onOk = async ev => {
      ev.preventDefault();
      const values = Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value]));
      const missing = action.fields(c).find(f => f.required && !values[f.name]);
      if (missing) { errorBox.textContent = t(missing.key) + " ?"; inputs[missing.name].focus(); return; }
      ok.disabled = true;
      try {
        const result = await api("/api/cases/" + encodeURIComponent(c.summary.instanceId) + "/" + action.path, { method: "POST", body: action.body(values) });
        dialog.close();
        await casePage(c.summary.instanceId, result && result.changed === false ? t("act.unchanged") : t("act.done"));
      } catch (err) {
        errorBox.textContent = err.status === 403 ? t("act.readOnly") : err.message;
      } finally {
        ok.disabled = false;
      }
    };
    const onCancel = ev => { ev.preventDefault(); dialog.close(); };
    ok.onclick = onOk;
    cancel.onclick = onCancel;
    dialog.showModal();
  }

  async function downloadEvidence(c) {
    const res = await fetch(c.evidence.html, { headers: { "x-functions-key": sessionStorage.getItem(KEY) || "" } });
    if (!res.ok) throw new ApiError(res.status, null);
    const blob = new Blob([await res.arrayBuffer()], { type: "application/octet-stream" });
    const a = el("a", { href: URL.createObjectURL(blob), download: c.summary.instanceId + ".evidence.html" });
    document.body.append(a);
    a.click();
    a.remove();
  }

  /** A timeline entry's details: codes translated, everything typed by people or read from files shown as data. */
  function describe(e) {
    const parts = [];
    if (e.stage) parts.push(stage(e.stage), " ");
    if (e.notice) parts.push(label("notices", e.notice), " ");
    if (e.reason) parts.push(known("deferrals", e.reason) ? label("deferrals", e.reason) : data(e.reason), " ");
    if (e.actor) parts.push("· ", known("actors", e.actor) ? label("actors", e.actor) : data(e.actor));
    return parts;
  }
  function dataKey(k) {
    if (lang !== "zh") return k;
    const base = k.startsWith("open.") ? "open" : k;
    return (LABELS.zh.dataKeys[base] || "详情") + (base !== k ? " " : "");
  }
  function dataValue(v) {
    for (const group of ["values", "notices", "stages", "statuses", "outboxStatuses", "fileStatuses"]) {
      if (known(group, v)) return label(group, v);
    }
    return data(v);
  }
  function entryData(d) {
    const parts = [];
    Object.entries(d).forEach(([k, v], i) => {
      if (i > 0) parts.push(" · ");
      parts.push(dataKey(k), k.startsWith("open.") ? data(k.slice(5)) : "", "=", dataValue(v));
    });
    return parts;
  }

  async function casePage(id, flash) {
    clear();
    main.append(el("p", { class: "muted", id: "loading" }, t("loading")));
    const c = await api("/api/cases/" + encodeURIComponent(id));
    clear();
    const s = c.summary;
    main.append(el("h1", { id: "case-title" }, t("case.title") + ": ", data(s.customerName), " ",
      el("span", { class: "muted", translate: "no" }, "(" + s.entity + " / " + s.customerId + ")")));
    if (flash) main.append(el("p", { class: "muted", role: "status", id: "flash" }, flash));

    const state = el("dl", { class: "kv" },
      el("dt", {}, t("col.status")), el("dd", {}, el("span", { class: "badge " + s.runtimeStatus, id: "case-status" }, status(s.runtimeStatus))),
      el("dt", {}, t("col.stage")), el("dd", { id: "case-stage" }, stage(s.customStatus)),
      el("dt", {}, t("col.light")), el("dd", {}, light(s.light)),
      el("dt", {}, t("case.daysOverdue")), el("dd", {}, String(s.daysOverdue)),
      el("dt", {}, t("case.grade")), el("dd", { translate: "no" }, s.grade || "—"),
      el("dt", {}, t("case.nextTimer")), el("dd", {}, s.nextTimer ? when(s.nextTimer.at) + " · " + label("nextKinds", s.nextTimer.kind) + (s.nextTimer.stage ? " · " + stage(s.nextTimer.stage) : "") : "—"),
      el("dt", {}, t("case.planned")), el("dd", {}, c.plannedStep ? stage(c.plannedStep.stage) + " · " + when(c.plannedStep.at) : "—"),
      el("dt", {}, t("case.promise")), el("dd", { translate: "no" }, c.promise ? money(c.promise.amount, c.promise.currency) + " · " + c.promise.promisedDate : "—"),
      el("dt", {}, t("case.pause")), el("dd", {}, c.pause ? data(c.pause.reason) : "—"),
      el("dt", {}, t("case.dnc")), el("dd", {}, s.doNotContact ? t("case.yes") : t("case.no")),
      el("dt", {}, t("case.evidence")), el("dd", {}, c.evidence
        ? el("button", { type: "button", class: "secondary", id: "evidence", onclick: () => downloadEvidence(c).catch(showError) }, t("case.download"))
        : "—"));

    const actions = el("div", { class: "actions", id: "actions" },
      ACTIONS.filter(a => !a.show || a.show(c)).map(a => el("button", { type: "button", "data-action": a.id, disabled: s.runtimeStatus === "Completed" || s.runtimeStatus === "Terminated", onclick: () => confirmAction(c, a) }, t(a.key))));

    main.append(el("div", { class: "grid" },
      card("case.state", state),
      card("case.balances", table([{ key: "col.currency" }, { key: "col.open", num: true }, { key: "col.overdue", num: true }, { key: "col.disputed", num: true }],
        s.balances.map(b => row([data(b.currency), { num: money(b.open, b.currency) }, { num: money(b.overdue, b.currency) }, { num: money(b.disputed, b.currency) }]))),
        el("h2", {}, t("case.actions")), actions)));

    main.append(card("case.items", table(
      [{ key: "col.invoice" }, { key: "col.invoiceDate" }, { key: "col.due" }, { key: "col.amount", num: true }, { key: "col.open", num: true }, { key: "col.dpd", num: true }, { key: "col.disputed" }, { key: "col.source" }],
      c.items.map(i => row([data(i.invoiceId), i.invoiceDate, i.dueDate, { num: money(i.amount, i.currency) }, { num: money(i.openAmount, i.currency) }, { num: i.daysPastDue },
        i.disputed ? t("case.yes") : "", i.provenance ? data(i.provenance.fileName + " #" + i.provenance.row) : ""])))));

    const timeline = el("ol", { class: "timeline", id: "timeline" },
      [...c.timeline].reverse().map(e => el("li", { "data-type": e.type },
        el("span", { class: "when" }, when(e.at)), el("span", { class: "what" }, label("timeline", e.type)), " ", describe(e),
        e.data ? el("div", { class: "data" }, entryData(e.data)) : null)));
    main.append(el("div", { class: "grid" },
      card("case.timeline", timeline),
      card("case.deliveries", table([{ key: "col.kind" }, { key: "col.status" }, { key: "col.due" }, { key: "col.sent" }],
        c.deliveries.map(d => row([label("notices", d.kind), el("span", {}, label("outboxStatuses", d.status), d.error && lang !== "zh" ? " · " + d.error : ""), when(d.dueAt), when(d.sentAt)]))))));
  }

  /** The file's outcome: the server's sentence in English, composed from its figures in Chinese. */
  function fileOutcome(f) {
    if (lang !== "zh") return f.message || "—";
    if (f.status === "Applied") return tf("file.applied", { rows: f.rowsTotal ?? f.rowsValidated ?? 0, accounts: f.accountsApplied ?? 0 });
    if (f.status === "Rejected") return tf("file.rejected", { errors: f.errorCount ?? 0 });
    if (f.status === "Received" || f.status === "Validating" || f.status === "Applying") return t("file.inProgress");
    return tf("file.other", { status: label("fileStatuses", f.status) });
  }
  function errorReason(e) {
    if (lang !== "zh") return e.reason ?? e.message ?? "";
    return (e.code && LABELS.zh.ledgerErrors[e.code]) || t("err.data");
  }

  async function filePage(id) {
    clear();
    const d = await api("/api/ledger-files/" + encodeURIComponent(id));
    const f = d.file;
    main.append(el("h1", {}, t("file.title") + ": ", data(f.fileName)));
    main.append(card("file.status", el("dl", { class: "kv" },
      el("dt", {}, t("file.status")), el("dd", { id: "file-status" }, label("fileStatuses", f.status)),
      el("dt", {}, t("col.entity")), el("dd", { translate: "no" }, f.entity || "—"),
      el("dt", {}, t("file.asOf")), el("dd", {}, f.asOf || "—"),
      el("dt", {}, t("col.progress")), el("dd", {}, f.progress + "%"),
      el("dt", {}, t("col.errors")), el("dd", {}, String(f.errorCount)),
      el("dt", {}, t("file.message")), el("dd", {}, fileOutcome(f)))));
    const errors = d.report && Array.isArray(d.report.errors) ? d.report.errors : null;
    let content;
    if (errors) {
      content = table([{ key: "col.row", num: true }, { key: "col.column" }, { key: "col.value" }, { key: "col.reason" }],
        errors.map(e => row([{ num: e.row ?? "" }, data(e.column ?? e.field ?? ""), data(e.value ?? ""), errorReason(e)])));
    } else if (d.report) {
      content = el("pre", { translate: "no" }, JSON.stringify(d.report, null, 2));
    } else {
      content = el("p", { class: "muted" }, d.reportError && lang !== "zh" ? d.reportError : t("file.noErrors"));
    }
    main.append(el("section", { class: "card", id: "file-report" }, el("h2", {}, t("file.report")), content));
  }

  async function route() {
    applyStaticText();
    if (!sessionStorage.getItem(KEY)) { showLogin(); return; }
    const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    try {
      if (parts[0] === "cases" && parts[1]) await casePage(parts[1]);
      else if (parts[0] === "files" && parts[1]) await filePage(parts[1]);
      else await overview();
    } catch (err) {
      showError(err);
    }
  }

  document.getElementById("lang-toggle").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    sessionStorage.setItem(LANG, lang);
    route();
  });
  document.getElementById("sign-out").addEventListener("click", () => { sessionStorage.removeItem(KEY); route(); });
  route();
})();
