/**
 * The one rule for which hand-over entry a credential path names — the paths
 * people list in `credential_access`: `databases.<name>[.accounts].<username>`
 * (no user: the database's first account), `admin_accounts.<application>[.<username>]`
 * or `admin_accounts.<username>`, `servers.<hostname>…`. Compliance's HO-1
 * (rotation after a person left) and the site's disclosure rule both ask here.
 */

interface Account { username: string | null; rotatedAt: string | null }

/** The clear fields of a hand-over outline the matching reads. */
export interface CredentialOutline {
  databases: readonly { name: string | null; accounts: readonly Account[] }[];
  adminAccounts: readonly (Account & { application: string | null })[];
  servers: readonly { hostname: string | null; rotatedAt: string | null }[];
}

/** The entry a path names, with the outline and (for a database account) the database holding it. */
export type CredentialMatch<O extends CredentialOutline> =
  | { kind: 'database'; outline: O; database: O['databases'][number]; entry: O['databases'][number]['accounts'][number] }
  | { kind: 'admin'; outline: O; entry: O['adminAccounts'][number] }
  | { kind: 'server'; outline: O; entry: O['servers'][number] };

/** The first entry of `outlines` that `credential` names, or null when none does. */
export function findCredential<O extends CredentialOutline>(outlines: readonly O[], credential: string): CredentialMatch<O> | null {
  const [section, name, ...rest] = credential.split('.');
  for (const outline of outlines) {
    if (section === 'databases') {
      const database = outline.databases.find((d) => d.name === name);
      if (!database) continue;
      const user = rest[0] === 'accounts' ? rest[1] : rest[0];
      const entry = user === undefined ? database.accounts[0] : database.accounts.find((a) => a.username === user);
      if (entry) return { kind: 'database', outline, database, entry };
    } else if (section === 'admin_accounts') {
      const entry = outline.adminAccounts.find((a) => (a.application === name && (rest[0] === undefined || a.username === rest[0])) || a.username === name);
      if (entry) return { kind: 'admin', outline, entry };
    } else if (section === 'servers') {
      const entry = outline.servers.find((s) => s.hostname === name);
      if (entry) return { kind: 'server', outline, entry };
    }
  }
  return null;
}
