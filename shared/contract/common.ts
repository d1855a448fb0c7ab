import { z, text } from '../zod';

export const empty = z.object({}).default({});
export const ok = z.object({ ok: z.literal(true) });

/** Files cross every door as base64 so that no door ever takes a path from the renderer. */
export const fileUpload = z.object({
  name: text('文件名', 255),
  base64: z.string({ error: '请选择文件' }).min(1, { error: '文件是空的' }),
});
export const fileDownload = z.object({ name: z.string(), mime: z.string(), base64: z.string() });
