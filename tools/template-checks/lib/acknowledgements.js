'use strict';
// The one list of acknowledged findings (infra/template-acknowledgements.json): each entry names the tool, the rule
// (`{*}` matches any text, so pipeline-specific IAM5 findings share one entry), the resources it applies to
// (logical IDs, the same in every pipeline's stack; `{*}` allowed) and the reason. An entry that matches nothing fails the check,
// so the list never outlives the finding it excuses.
const fs = require('fs');

/** `{*}` matches any text; everything else, `*` included (IAM5 names wildcard resources), is literal. */
function glob(text) {
  return new RegExp(`^${text.split('{*}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function load(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = doc.acknowledgements;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an "acknowledgements" array`);
  return entries.map((e, i) => {
    for (const field of ['tool', 'rule', 'resources', 'reason']) {
      if (e[field] === undefined || e[field] === '' || (Array.isArray(e[field]) && e[field].length === 0)) {
        throw new Error(`${file}: acknowledgements[${i}] (${e.rule ?? '?'}) has no ${field}`);
      }
    }
    if (e.reason.trim().length < 20) throw new Error(`${file}: acknowledgements[${i}] (${e.rule}) needs a real reason`);
    return { ...e, index: i, rulePattern: glob(e.rule), resourcePatterns: e.resources.map(glob), used: 0 };
  });
}

/** The entry that acknowledges `rule` on `resource` from `tool`, counting its use; undefined when none does. */
function find(entries, tool, rule, resource) {
  const hit = entries.find((e) => e.tool === tool && e.rulePattern.test(rule)
    && e.resourcePatterns.some((p) => p.test(resource ?? '(template)')));
  if (hit) hit.used++;
  return hit;
}

module.exports = { load, find };
