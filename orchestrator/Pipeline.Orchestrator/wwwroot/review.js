// The review page: search by text, moderation queues, duplicate groups, label corrections.
// Plain DOM code with no dependency; every text from the server is set with textContent.
"use strict";

const $ = (id) => document.getElementById(id);
let current = null;

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

function fileName(uri) {
  const parts = uri.split(/[\\/]/);
  return decodeURIComponent(parts[parts.length - 1] || uri);
}

function card(imageId, uri, lines) {
  const element = document.createElement("div");
  element.className = "card";
  element.dataset.imageId = imageId;
  const img = document.createElement("img");
  img.loading = "lazy";
  img.alt = fileName(uri);
  img.src = `/api/images/${imageId}/content`;
  element.append(img);
  for (const [text, className] of lines) {
    const line = document.createElement("div");
    line.className = className;
    line.textContent = text;
    element.append(line);
  }
  element.addEventListener("click", () => showDetail(imageId));
  return element;
}

function showView(name) {
  for (const tab of document.querySelectorAll(".tab")) {
    tab.classList.toggle("active", tab.dataset.view === name);
  }
  for (const view of document.querySelectorAll(".view")) {
    view.hidden = view.id !== `view-${name}`;
  }
  if (name === "moderation") loadPolicies();
  if (name === "duplicates") loadDuplicates();
}

async function search(params) {
  const status = $("search-status");
  const results = $("search-results");
  status.textContent = "Searching…";
  results.replaceChildren();
  try {
    const answer = await getJson(`/api/search?${params}`);
    status.textContent = `${answer.hits.length} images (model ${answer.model})`;
    for (const hit of answer.hits) {
      results.append(card(hit.imageId, hit.sourceUri,
        [[`${hit.score.toFixed(3)}`, "score"], [fileName(hit.sourceUri), "name"]]));
    }
  } catch (error) {
    status.textContent = `Search failed: ${error.message}`;
  }
}

function onSearch(event) {
  event.preventDefault();
  const params = new URLSearchParams({ text: $("search-text").value, top: "24" });
  const filter = $("search-label").value.trim();
  const colon = filter.indexOf(":");
  if (colon > 0) {
    params.set("labelSet", filter.slice(0, colon));
    params.set("label", filter.slice(colon + 1));
  }
  search(params);
}

async function loadPolicies() {
  const select = $("policy");
  if (select.options.length > 0) return;
  const policies = await getJson("/api/policies");
  for (const name of policies) select.append(new Option(name, name));
  $("moderation-status").textContent = policies.length ? "" : "No moderation policy is stored.";
}

async function onModeration(event) {
  event.preventDefault();
  const params = new URLSearchParams({ policy: $("policy").value });
  if ($("decision").value) params.set("decision", $("decision").value);
  const results = $("moderation-results");
  results.replaceChildren();
  try {
    const images = await getJson(`/api/moderation?${params}`);
    $("moderation-status").textContent = `${images.length} flagged images`;
    for (const image of images) {
      results.append(card(image.imageId, image.sourceUri, [
        [`${image.decision} · ${image.score.toFixed(3)}`, `score decision-${image.decision}`],
        [fileName(image.sourceUri), "name"]]));
    }
  } catch (error) {
    $("moderation-status").textContent = `Loading failed: ${error.message}`;
  }
}

async function loadDuplicates() {
  const container = $("duplicate-groups");
  container.replaceChildren();
  try {
    const answer = await getJson("/api/duplicates?limit=100");
    $("duplicates-status").textContent =
      `${answer.groups.length} groups (model ${answer.model}); refresh them with clip duplicates`;
    for (const group of answer.groups) {
      const box = document.createElement("div");
      box.className = "group";
      const title = document.createElement("h2");
      title.textContent = `Group ${group.group}: ${group.members.length} images`;
      const grid = document.createElement("div");
      grid.className = "grid";
      for (const m of group.members) {
        const lines = [[m.similarity.toFixed(4), "score"], [fileName(m.sourceUri), "name"]];
        grid.append(card(m.imageId, m.sourceUri, lines));
      }
      box.append(title, grid);
      container.append(box);
    }
  } catch (error) {
    $("duplicates-status").textContent = `Loading failed: ${error.message}`;
  }
}

function fillTable(id, rows) {
  const body = $(id).querySelector("tbody");
  body.replaceChildren();
  for (const cells of rows) {
    const row = document.createElement("tr");
    for (const text of cells) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
}

async function showDetail(imageId) {
  const image = await getJson(`/api/images/${imageId}`);
  current = image;
  document.body.classList.add("with-detail");
  $("detail").hidden = false;
  $("detail-image").src = `/api/images/${imageId}/content`;
  $("detail-image").alt = fileName(image.uri);
  $("detail-uri").textContent = image.uri;
  fillTable("detail-labels", image.labels.map((l) => [l.labelSet, l.label, l.score.toFixed(3)]));
  fillTable("detail-moderation", image.moderation.map((m) => [m.policy, m.score.toFixed(3), m.decision]));
  const sets = await getJson("/api/label-sets");
  const select = $("correction-set");
  select.replaceChildren(...sets.map((name) => new Option(name, name)));
  const withLabel = image.labels.find((l) => l.rank === 1);
  if (withLabel) select.value = withLabel.labelSet;
  $("correction-status").textContent = "";
  await onLabelSet();
}

async function onLabelSet() {
  const set = $("correction-set").value;
  const best = current.labels.find((l) => l.labelSet === set && l.rank === 1);
  $("correction-old").textContent = best ? best.label : "none";
  $("correction-new").value = "";
  const labels = set ? await getJson(`/api/label-sets/${encodeURIComponent(set)}/labels`) : [];
  $("correction-choices").replaceChildren(...labels.map((label) => new Option(label, label)));
}

async function saveCorrection(newLabel) {
  const oldText = $("correction-old").textContent;
  const body = {
    imageId: current.id,
    labelSet: $("correction-set").value,
    oldLabel: oldText === "none" ? null : oldText,
    newLabel,
  };
  const status = $("correction-status");
  if (!body.labelSet || !newLabel) {
    status.textContent = "Pick a label set and a label first.";
    return;
  }
  const response = await fetch("/api/corrections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const saved = body.oldLabel === newLabel
    ? `Accepted “${newLabel}”.`
    : `Saved: ${body.oldLabel ?? "none"} → ${newLabel}.`;
  status.textContent = response.ok ? saved : `Saving failed (${response.status}).`;
}

function init() {
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => showView(tab.dataset.view));
  }
  $("search-form").addEventListener("submit", onSearch);
  $("moderation-form").addEventListener("submit", onModeration);
  $("correction-set").addEventListener("change", onLabelSet);
  $("correction-form").addEventListener("submit", (e) => {
    e.preventDefault();
    saveCorrection($("correction-new").value.trim());
  });
  $("correction-accept").addEventListener("click", () => saveCorrection($("correction-old").textContent));
  $("detail-close").addEventListener("click", () => {
    $("detail").hidden = true;
    document.body.classList.remove("with-detail");
  });
  $("detail-similar").addEventListener("click", () => {
    showView("search");
    search(new URLSearchParams({ imageId: current.id, top: "24" }));
  });
  getJson("/api/models")
    .then((m) => {
      $("model").textContent = m.active ? `active model: ${m.active} ${m.version}` : "no active model";
    })
    .catch(() => {});
}

init();
