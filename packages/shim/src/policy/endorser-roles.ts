/** The roles `KeyEndorsementPolicy.addOrgs` accepts: any member of the org, or only its peers. */
export const ENDORSER_ROLES = { MEMBER: 'MEMBER', PEER: 'PEER' } as const;

/** `'MEMBER' | 'PEER'` */
export type EndorserRole = keyof typeof ENDORSER_ROLES;
