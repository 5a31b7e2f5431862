// Splits the SDK's copy of the v2 document into one document per SDK namespace (sdk/surfaces.json maps the
// OpenAPI tags to them), for one NSwag run each. Every document keeps all schemas; for each run
// <out>/<namespace>.exclude lists the schemas another namespace owns, so each type is generated once.
// A schema belongs to the namespace of the operations that use it; the sandbox's operations answer with
// other surfaces' objects (an order, a statement), so they count only when nothing else uses the schema;
// a schema used by several namespaces is shared and goes to PartnerPlatform.Sdk.
// It also types v2's decimal strings (money, rates) as decimals (see decimalStrings below).
import fs from "node:fs";

const [input, surfacesFile, out] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(input, "utf8"));
const surfaces = JSON.parse(fs.readFileSync(surfacesFile, "utf8")).tags;
const schemas = doc.components.schemas;

// v2 money and rates are decimal strings on the wire. Requests say so with x-minimum (the platform's
// DecimalStrings filter); answers build them from a decimal (MoneyAmount, Rates) without a mark in the
// document, so they are named here. The SDK types them decimal; Http/DecimalStringConverter writes them.
const decimalStrings = new Set(["MoneyAmount.amount", "LineDiscountV2.rate", "OrderV2.discountRate", "PartnerProfileV2.discountRate",
  ...["growth", "growthYearOnYear", "repurchaseRate", "conversionRate", "onTimeActivityRate", "stockOutRate", "sellThrough", "inventoryTurnover"]
    .map(ratio => `PartnerKpisV2.${ratio}`),
  "EventReturnV2.roi"]);
for (const [name, schema] of Object.entries(schemas)) {
  for (const [property, member] of Object.entries(schema.properties ?? {})) {
    if (member.type === "string" && ("x-minimum" in member || decimalStrings.has(`${name}.${property}`))) {
      schema.properties[property] = { type: "number", format: "decimal", description: member.description, nullable: member.nullable };
    }
  }
}

const refs = (node, found = new Set()) => {
  if (node && typeof node === "object") {
    if (typeof node.$ref === "string") found.add(node.$ref.split("/").pop());
    for (const value of Object.values(node)) refs(value, found);
  }
  return found;
};
const reach = (names) => {
  const seen = new Set();
  const stack = [...names];
  while (stack.length) {
    const name = stack.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...refs(schemas[name]));
  }
  return seen;
};

const namespaceOf = (tags) => {
  const tag = tags[0];
  if (!(tag in surfaces)) throw new Error(`tag '${tag}' has no namespace in ${surfacesFile}`);
  return surfaces[tag];
};
const users = {}; // schema -> namespaces of the operations that use it
const operations = {}; // namespace -> paths
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    const ns = namespaceOf(operation.tags ?? []);
    if (ns === null) {
      // A surface left out of the SDK: its operations are not generated, nor the types only they use.
      for (const schema of reach(refs(operation))) (users[schema] ??= new Set()).add(null);
      continue;
    }
    ((operations[ns] ??= {})[path] ??= {})[method] = operation;
    for (const schema of reach(refs(operation))) (users[schema] ??= new Set()).add(ns);
  }
}
const home = {};
for (const name of Object.keys(schemas).sort()) {
  const used = [...(users[name] ?? [])];
  const all = used.filter((ns) => ns !== null);
  if (all.length === 0 && used.length > 0) {
    home[name] = null;
    continue;
  }
  const owners = all.length > 1 ? all.filter((ns) => ns !== surfaces.Sandbox) : all;
  home[name] = owners.length === 1 ? owners[0] : "";
}

const namespaces = [...new Set(Object.values(surfaces))].filter((ns) => ns !== null).sort();
for (const ns of namespaces) {
  const part = { ...doc, paths: operations[ns] ?? {}, tags: (doc.tags ?? []).filter((t) => surfaces[t.name] === ns) };
  const file = ns === "" ? "Shared" : ns;
  fs.writeFileSync(`${out}/${file}.json`, JSON.stringify(part));
  fs.writeFileSync(`${out}/${file}.exclude`, Object.keys(home).filter((n) => home[n] !== ns).join(","));
}
fs.writeFileSync(`${out}/namespaces`, namespaces.map((ns) => (ns === "" ? "Shared" : ns)).join("\n") + "\n");
