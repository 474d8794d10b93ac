// Modules made by scripts/build.mjs at bundle time.
declare module 'virtual:guidance' {
  /** data/guidance/*.md: file name -> Markdown text */
  const files: Record<string, string>;
  export default files;
}
