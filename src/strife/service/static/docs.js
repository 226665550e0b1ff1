/* A small offline reader of /openapi.json: every operation, its parameters and its body. */
"use strict";

function el(tag, text, cls) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = text;
  if (cls) n.className = cls;
  return n;
}

function schemaText(schema) {
  return JSON.stringify(schema, null, 1);
}

(async function () {
  const root = document.getElementById("docs");
  const spec = await (await fetch("/openapi.json")).json();
  root.replaceChildren(el("h2", `${spec.info.title} ${spec.info.version}`), el("p", spec.info.description || ""));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el("section", undefined, "op");
      const h = el("h3");
      h.append(el("span", method.toUpperCase(), "method"), el("span", path, "path"));
      box.append(h, el("p", op.description || op.summary || ""));
      if ((op.parameters || []).length) {
        const t = el("table");
        const head = el("tr");
        ["name", "in", "type", "description"].forEach((x) => head.append(el("th", x)));
        t.append(head);
        for (const p of op.parameters) {
          const r = el("tr");
          const s = p.schema || {};
          const type = s.type || (s.anyOf || []).map((x) => x.type || (x.enum ? x.enum.join("|") : "")).filter(Boolean).join(" | ") || (s.enum ? s.enum.join("|") : "");
          [p.name + (p.required ? " *" : ""), p.in, type, p.description || s.description || ""].forEach((x) => r.append(el("td", x)));
          t.append(r);
        }
        box.append(t);
      }
      if (op.requestBody) {
        for (const [ctype, body] of Object.entries(op.requestBody.content || {})) {
          box.append(el("h4", `body (${ctype})`), el("pre", schemaText(body.schema || {})));
        }
      }
      const codes = Object.keys(op.responses || {}).join(", ");
      box.append(el("p", `responses: ${codes}`, "muted"));
      root.append(box);
    }
  }
  const schemas = (spec.components || {}).schemas || {};
  root.append(el("h2", "Schemas"));
  for (const [name, s] of Object.entries(schemas)) {
    const d = el("details");
    d.append(el("summary", name), el("pre", schemaText(s)));
    root.append(d);
  }
})();
