// Stand interiors in content.json, by exhibitor id.
import { z } from 'zod';
import { EMPTY_CONTENT, StandContent } from '../../../shared/standContent.ts';
import type { ContentStore } from '../storage.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';
import { own, withKey } from './own.ts';

export const ContentFile = z.object({ schema: z.literal(1), content: z.record(z.string(), StandContent) });
type ContentFile = z.infer<typeof ContentFile>;

export async function openContent(file: string, ctx: LowdbContext): Promise<ContentStore> {
  const db = await openJsonDoc<ContentFile>(file, { schema: ContentFile, empty: { schema: 1, content: {} }, disk: ctx.disk });

  return {
    async getContent(exhibitorId) {
      return structuredClone(own(db.data.content, exhibitorId) ?? EMPTY_CONTENT);
    },
    async putContent(exhibitorId, content) {
      const valid = StandContent.parse(content);
      await db.update((cur) => ({ ...cur, content: withKey(cur.content, exhibitorId, valid) }));
    },
    async exhibitorsWithContent() {
      return Object.keys(db.data.content);
    },
  };
}
