// What the client may learn about an account: everything but the password hash.
import type { Me } from '../../shared/accounts.ts';
import type { Account } from '../storage/records.ts';

export function toMe(a: Account): Me {
  return { id: a.id, email: a.email, name: a.name, role: a.role, exhibitors: [...a.exhibitors] };
}
