export { ENDORSER_ROLES, type EndorserRole } from './endorser-roles';
export { KeyEndorsementPolicy } from './key-endorsement-policy';
