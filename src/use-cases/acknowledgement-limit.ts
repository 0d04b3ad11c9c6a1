import { londonDate } from '../core/calendar.ts';
import type { Case } from '../core/case.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';

/**
 * How many acknowledgements one address gets for complaints received on one day. Anyone can have
 * the provider's domain mail any address, so past this a stranger cannot use it to flood someone;
 * a person complaining for themselves and a few others stays well within it. The complaints are
 * all taken in, and the provider is told of each.
 */
export const ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY = 5;

/**
 * The limit is counted in the notice ledger under `acknowledgements-<hash of the address>`, never
 * the address. A hash of an address is still pseudonymous personal data (UK GDPR, Recital 26), so
 * erasure, retention and subject access reach these entries too (`acknowledgementEntries`).
 */
const GROUP = 'acknowledgements-';

/** The ledger group of `address`: its entries are `<group>.<day>.place-<n>` and `<group>.<day>.<reference>`. */
async function groupOf(address: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(address.toLowerCase()));
  return `${GROUP}${Buffer.from(digest).toString('hex').slice(0, 32)}`;
}

/**
 * Whether `address` may be sent this complaint's acknowledgement: it takes one of the day's
 * `ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY` places in the ledger (created exclusively, so racing
 * intakes never share one), and the complaint then records that it holds a place, so a retry sends
 * again without taking another.
 */
export async function mayAcknowledge(
  ledger: NoticeLedger,
  address: string,
  stored: Pick<Case, 'reference' | 'receivedAt'>,
): Promise<boolean> {
  const day = `${await groupOf(address)}.${londonDate(stored.receivedAt)}`;
  const held = `${day}.${stored.reference}`;
  if ((await ledger.status(held)) !== 'new') return true;
  for (let place = 1; place <= ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY; place++) {
    if ((await ledger.record(`${day}.place-${place}`)) === 'new') {
      await ledger.record(held);
      return true;
    }
  }
  return false;
}

/**
 * Every entry of the acknowledgement limit kept under one of `addresses`, or under an address one
 * of `references` was acknowledged at (staff may have changed the case's address since): each
 * day's places and the complaints that held them. They only ever count a day's acknowledgements,
 * so removing them costs nothing but, on the day itself, a place given back.
 */
export async function acknowledgementEntries(
  ledger: NoticeLedger,
  addresses: readonly string[],
  references: readonly string[],
): Promise<string[]> {
  const entries = await ledger.recorded(GROUP);
  const group = (entry: string) => entry.slice(0, entry.indexOf('.'));
  const groups = new Set(await Promise.all(addresses.map(groupOf)));
  for (const entry of entries) {
    if (references.some((reference) => entry.endsWith(`.${reference}`))) groups.add(group(entry));
  }
  return entries.filter((entry) => groups.has(group(entry)));
}
