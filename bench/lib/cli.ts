// The built hcpcs-check as the bench runs it in child processes.
import { join } from 'node:path';
import { repoRoot } from '../../test/support/paths';

export const CLI = join(repoRoot, 'dist', 'cli.js');
/** the CLI as a pipeline runs it: the ICD-10-CM list built into dist/, not $HCPCS_ICD10 (a build variable that would import the CDC files at every start) */
export const CLI_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'HCPCS_ICD10'));
