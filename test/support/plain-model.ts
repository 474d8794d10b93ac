// A model with every claim a plain object, its lines and diagnoses read: a compact claim
// (server/src/documents/compact-claims.ts) and the same claim read whole then compare equal, and a
// JSON copy holds the lines.
import type { Claim, ClaimDocument } from '../../server/src/model';

export function plainClaim(claim: Claim): Claim {
  const { outline: _outline, ...own } = claim;
  return { ...own, diagnoses: claim.diagnoses, lines: claim.lines };
}

export function plainModel(model: ClaimDocument): ClaimDocument {
  const plain = new Map<Claim, Claim>();
  const of = (c: Claim): Claim => {
    let p = plain.get(c);
    if (!p) plain.set(c, (p = plainClaim(c)));
    return p;
  };
  return { ...model, claims: model.claims.map(of), containers: model.containers.map((c) => ({ ...c, claims: c.claims.map(of) })) };
}
