import { z } from 'zod'

/** A page of a listing, newest first, with the cursor of the next page (null on the last). */
export function newestFirstPage<Key extends string, Item extends z.ZodType>(
  key: Key,
  item: Item,
  id: string
) {
  const shape = {
    [key]: z.array(item).meta({ description: 'Newest first' }),
    nextCursor: z.string().nullable(),
  } as { [K in Key]: z.ZodArray<Item> } & { nextCursor: z.ZodNullable<z.ZodString> }
  return z.object(shape).meta({ id })
}
