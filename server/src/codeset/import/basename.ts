// File names arrive as paths from either platform; messages and release info use the last part.
export function basename(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
