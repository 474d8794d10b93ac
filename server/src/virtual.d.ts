// Modules made by scripts/build.mjs at bundle time.
declare module 'virtual:guidance' {
  /** data/guidance/*.md: file name -> Markdown text */
  const files: Record<string, string>;
  export default files;
}

declare module 'virtual:rules' {
  /** server/src/checks/rules/*.ts: file name (without .ts) -> the rule it exports by default */
  const rules: Record<string, import('./checks/rule').Rule>;
  export default rules;
}
