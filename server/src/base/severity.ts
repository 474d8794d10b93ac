// How loud a finding is: the four LSP levels, named as settings spell them.
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
