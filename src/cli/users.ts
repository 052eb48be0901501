import { PERSON_ROLES } from '../domain/person.js';
import { PeopleError, type PeopleStore } from '../store/people-store.js';

/** What `review-monitor users …` reads besides its positionals. */
export interface UsersCliOptions {
  name?: string | undefined;
  role?: string | undefined;
  /** `--businesses a,b` of `add`: the person sees only these businesses' reviews. */
  businesses?: string | undefined;
  /** The configured business ids: a person cannot be limited to one that does not exist. */
  knownBusinesses?: readonly string[] | undefined;
  passwordStdin: boolean;
  stdin: NodeJS.ReadableStream;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export const USERS_USAGE = `usage:
  review-monitor users add EMAIL --name "Full Name" --role ${PERSON_ROLES.join('|')} [--businesses ID,ID] --password-stdin
  review-monitor users list
  review-monitor users remove EMAIL
  review-monitor users set-password EMAIL --password-stdin
  review-monitor users set-role EMAIL ${PERSON_ROLES.join('|')}
  review-monitor users set-slack EMAIL SLACK_USER_ID|none
  review-monitor users set-businesses EMAIL ID,ID|all
`;

/** The password given on standard input: everything up to the end, without one trailing newline. */
async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * `review-monitor users …`: adds, lists, removes people and changes their password, role or Slack link.
 * Passwords come on standard input only and are never printed. Returns the exit code (2: usage, 1: refused).
 */
export async function runUsersCli(args: string[], people: PeopleStore, opts: UsersCliOptions): Promise<number> {
  const [sub, email, arg] = args;
  const usage = (why: string): number => {
    opts.err.write(`users: ${why}\n${USERS_USAGE}`);
    return 2;
  };
  const password = async (): Promise<string | undefined> => (opts.passwordStdin ? readPassword(opts.stdin) : undefined);
  /** `a,b` → the ids, refused when one is not a configured business. */
  const businessList = (list: string): string[] => {
    const ids = list.split(',').map((b) => b.trim()).filter(Boolean);
    const unknown = opts.knownBusinesses ? ids.filter((b) => !opts.knownBusinesses!.includes(b)) : [];
    if (unknown.length) throw new PeopleError('bad_input', `businesses: unknown ${unknown.map((b) => `"${b}"`).join(', ')} (configured: ${opts.knownBusinesses!.join(', ')})`);
    return ids;
  };
  try {
    switch (sub) {
      case 'list': {
        const all = await people.list();
        if (all.length === 0) opts.out.write('no people yet (add one: review-monitor users add EMAIL --name "Full Name" --role owner --password-stdin)\n');
        for (const p of all) opts.out.write(`${p.email}\t${p.role}\t${p.name}${p.slackUserId ? `\tslack:${p.slackUserId}` : ''}${p.businesses ? `\tbusinesses:${p.businesses.join(',')}` : ''}\n`);
        return 0;
      }
      case 'add': {
        if (!email) return usage('add needs an e-mail address');
        if (!opts.name) return usage('add needs --name "Full Name"');
        if (!opts.role) return usage(`add needs --role (${PERSON_ROLES.join(', ')})`);
        const pw = await password();
        if (pw === undefined) return usage('give the password on standard input with --password-stdin');
        const businesses = opts.businesses !== undefined ? businessList(opts.businesses) : undefined;
        const p = await people.add({ email, name: opts.name, role: opts.role, password: pw, businesses });
        opts.out.write(`added ${p.email} (${p.name}, ${p.role}${p.businesses ? `, businesses ${p.businesses.join(', ')}` : ''})\n`);
        return 0;
      }
      case 'remove': {
        if (!email) return usage('remove needs an e-mail address');
        await people.remove(email);
        opts.out.write(`removed ${email.toLowerCase()}\n`);
        return 0;
      }
      case 'set-password': {
        if (!email) return usage('set-password needs an e-mail address');
        const pw = await password();
        if (pw === undefined) return usage('give the password on standard input with --password-stdin');
        await people.setPassword(email, pw);
        opts.out.write(`password changed for ${email.toLowerCase()}\n`);
        return 0;
      }
      case 'set-role': {
        const role = arg ?? opts.role;
        if (!email || !role) return usage('set-role needs an e-mail address and a role');
        const p = await people.setRole(email, role);
        opts.out.write(`${p.email} is now ${p.role}\n`);
        return 0;
      }
      case 'set-slack': {
        if (!email || !arg) return usage('set-slack needs an e-mail address and a Slack user id (or "none")');
        const p = await people.setSlackUser(email, arg === 'none' ? null : arg);
        opts.out.write(p.slackUserId ? `${p.email} is Slack user ${p.slackUserId}\n` : `${p.email} is no longer linked to Slack\n`);
        return 0;
      }
      case 'set-businesses': {
        if (!email || !arg) return usage('set-businesses needs an e-mail address and business ids (a,b) or "all"');
        const p = await people.setBusinesses(email, arg === 'all' ? null : businessList(arg));
        opts.out.write(p.businesses ? `${p.email} sees ${p.businesses.join(', ')}\n` : `${p.email} sees every business\n`);
        return 0;
      }
      default:
        return usage(sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
    }
  } catch (err) {
    if (err instanceof PeopleError) {
      opts.err.write(`users: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
