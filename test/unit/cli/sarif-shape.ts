// A structural check of SARIF 2.1.0's required properties and enums (no validator package is installed):
// returns the violations found, [] when the log is well-formed as far as this tool's output goes.
const LEVELS = ['none', 'note', 'warning', 'error'];
const COLUMN_KINDS = ['utf16CodeUnits', 'unicodeCodePoints'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
const isAbsoluteUri = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(v);

export function sarifViolations(log: unknown): string[] {
  const out: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  if (!isObj(log)) return ['the log is not an object'];
  need(log.version === '2.1.0', 'version must be "2.1.0"');
  need(typeof log.$schema === 'string' && isAbsoluteUri(log.$schema), '$schema must be an absolute URI');
  if (!Array.isArray(log.runs)) return [...out, 'runs must be an array'];
  log.runs.forEach((run: unknown, r) => {
    const at = `runs[${r}]`;
    if (!isObj(run)) return need(false, `${at} is not an object`);
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver) return need(false, `${at}.tool.driver is required`);
    need(typeof driver.name === 'string' && driver.name.length > 0, `${at}.tool.driver.name is required`);
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    need(Array.isArray(driver.rules), `${at}.tool.driver.rules must be an array`);
    rules.forEach((rule: unknown, i) => {
      const ra = `${at}.tool.driver.rules[${i}]`;
      if (!isObj(rule)) return need(false, `${ra} is not an object`);
      need(typeof rule.id === 'string' && rule.id.length > 0, `${ra}.id is required`);
      if (rule.helpUri !== undefined) need(isAbsoluteUri(rule.helpUri), `${ra}.helpUri must be an absolute URI`);
      if (rule.shortDescription !== undefined) need(isObj(rule.shortDescription) && typeof rule.shortDescription.text === 'string', `${ra}.shortDescription.text is required`);
      const dc = rule.defaultConfiguration;
      if (dc !== undefined) need(isObj(dc) && (dc.level === undefined || LEVELS.includes(dc.level as string)), `${ra}.defaultConfiguration.level must be one of ${LEVELS}`);
    });
    if (run.columnKind !== undefined) need(COLUMN_KINDS.includes(run.columnKind as string), `${at}.columnKind must be one of ${COLUMN_KINDS}`);
    if (run.originalUriBaseIds !== undefined) {
      need(isObj(run.originalUriBaseIds), `${at}.originalUriBaseIds must be an object`);
      for (const [k, v] of Object.entries(isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {})) {
        need(isObj(v) && typeof v.uri === 'string' && /\/$/.test(v.uri), `${at}.originalUriBaseIds.${k}.uri must end with "/"`);
      }
    }
    if (run.results === undefined) return;
    if (!Array.isArray(run.results)) return need(false, `${at}.results must be an array`);
    const location = (loc: unknown, where: string) => {
      if (!isObj(loc)) return need(false, `${where} is not an object`);
      const pl = loc.physicalLocation;
      if (!isObj(pl)) return need(false, `${where}.physicalLocation is required here`);
      need(isObj(pl.artifactLocation) && typeof pl.artifactLocation.uri === 'string', `${where}.physicalLocation.artifactLocation.uri is required`);
      region(pl.region, `${where}.physicalLocation.region`);
      if (loc.id !== undefined) need(isInt(loc.id, -1), `${where}.id must be an integer >= -1`);
      if (loc.message !== undefined) need(isObj(loc.message) && typeof loc.message.text === 'string', `${where}.message.text is required`);
    };
    const region = (reg: unknown, where: string) => {
      if (!isObj(reg)) return need(false, `${where} is required here`);
      need(isInt(reg.startLine, 1), `${where}.startLine must be an integer >= 1`);
      for (const k of ['startColumn', 'endLine', 'endColumn']) if (reg[k] !== undefined) need(isInt(reg[k], 1), `${where}.${k} must be an integer >= 1`);
      if (isInt(reg.endLine, 1)) need((reg.endLine as number) >= (reg.startLine as number), `${where}.endLine must not precede startLine`);
    };
    run.results.forEach((res: unknown, i) => {
      const ra = `${at}.results[${i}]`;
      if (!isObj(res)) return need(false, `${ra} is not an object`);
      need(isObj(res.message) && (typeof res.message.text === 'string' || typeof res.message.id === 'string'), `${ra}.message.text (or id) is required`);
      need(typeof res.ruleId === 'string', `${ra}.ruleId is required by this tool`);
      if (res.level !== undefined) need(LEVELS.includes(res.level as string), `${ra}.level must be one of ${LEVELS}`);
      if (res.ruleIndex !== undefined) {
        need(isInt(res.ruleIndex, -1), `${ra}.ruleIndex must be an integer >= -1`);
        const rule = rules[res.ruleIndex as number];
        need(isObj(rule) && rule.id === res.ruleId, `${ra}.ruleIndex must point at the rule with id ${String(res.ruleId)}`);
      }
      need(Array.isArray(res.locations) && res.locations.length > 0, `${ra}.locations must be a non-empty array`);
      (Array.isArray(res.locations) ? res.locations : []).forEach((l: unknown, j: number) => location(l, `${ra}.locations[${j}]`));
      (Array.isArray(res.relatedLocations) ? res.relatedLocations : []).forEach((l: unknown, j: number) => location(l, `${ra}.relatedLocations[${j}]`));
      (Array.isArray(res.fixes) ? res.fixes : []).forEach((fix: unknown, j: number) => {
        const fa = `${ra}.fixes[${j}]`;
        if (!isObj(fix)) return need(false, `${fa} is not an object`);
        need(Array.isArray(fix.artifactChanges) && fix.artifactChanges.length > 0, `${fa}.artifactChanges must be a non-empty array`);
        (Array.isArray(fix.artifactChanges) ? fix.artifactChanges : []).forEach((ch: unknown, k: number) => {
          const ca = `${fa}.artifactChanges[${k}]`;
          if (!isObj(ch)) return need(false, `${ca} is not an object`);
          need(isObj(ch.artifactLocation) && typeof ch.artifactLocation.uri === 'string', `${ca}.artifactLocation.uri is required`);
          need(Array.isArray(ch.replacements) && ch.replacements.length > 0, `${ca}.replacements must be a non-empty array`);
          (Array.isArray(ch.replacements) ? ch.replacements : []).forEach((rep: unknown, m: number) => {
            need(isObj(rep), `${ca}.replacements[${m}] is not an object`);
            if (isObj(rep)) region(rep.deletedRegion, `${ca}.replacements[${m}].deletedRegion`);
          });
        });
      });
    });
  });
  return out;
}
