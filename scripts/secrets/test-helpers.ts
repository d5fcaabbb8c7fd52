/** Helpers shared by the secrets tests (fresh throw-away age identities). */
import { generateX25519Identity, identityToRecipient } from 'age-encryption';

export interface TestKey {
  identity: string;
  recipient: string;
}

/** A fresh X25519 identity and its recipient. */
export async function newKey(): Promise<TestKey> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** Every `ENC[…]` string in a text, in order. */
export function encStrings(text: string): string[] {
  return text.match(/ENC\[AES256_GCM,[^\]]*\]/g) ?? [];
}

/** A synthetic plaintext covering the typing and comment cases. */
export const SAMPLE = `# top comment
name: demo
count: 42
ratio: 0.5
whole: 2.0
enabled: true
nothing: null
empty: ""
when: 2024-01-02
octal: 0755
quoted: "42"
multi: |
  line one
  line two
db:
  # head of user
  user: app_user # inline
  password: Zq8-demo-pass-4711
  # trailing in db
hosts:
  - alpha
  # between items
  - beta
  - port: 5432
    tls: true
public_unencrypted:
  url: https://example.org
  list: [1, two]
`;
