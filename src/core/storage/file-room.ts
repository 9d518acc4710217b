/**
 * sql.js keeps the database as a file in Emscripten's in-memory file system, whose buffer grows by an
 * eighth at a time once past 1 MB, each time copying the whole file into a new one: an import whose
 * commit added 80 MB copied it some 40 times, seconds of the import. The file's first buffer is what
 * the image given to sql.js answers to `slice(0, length)` (MEMFS's first write into an empty file
 * takes `buffer.slice`, and counts the bytes used apart from the buffer's length); the images made
 * here answer with a buffer that has room to grow into. Untouched, that room costs address space, not
 * memory: the operating system hands out its pages as they are written.
 * test/core/storage/file-room.test.ts checks that sql.js still writes into it.
 */

/** Room beyond the image: the size of a province's ledger (see LEDGER_CEILING_BYTES), or as much again as a larger one. */
export const FILE_ROOM_BYTES = 256 * 1024 * 1024;

const roomy = new WeakSet<Uint8Array>();

/** `length` zeroed bytes with room beyond them: fill them, then give `roomyImage` of them to sql.js. */
export const bytesWithRoom = (length: number): Buffer<ArrayBuffer> => Buffer.alloc(length + Math.max(FILE_ROOM_BYTES, length)).subarray(0, length);

/** Bytes made by `bytesWithRoom` (or the front of them) as sql.js is to be given them: `slice(0, length)` answers with all their room. */
export function roomyImage(bytes: Uint8Array): Uint8Array {
  const { length } = bytes;
  const file = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.buffer.byteLength - bytes.byteOffset);
  const image = file.subarray(0, length);
  Object.defineProperty(image, 'slice', {
    value: (start?: number, end?: number) => (start === 0 && end === length ? file : Uint8Array.prototype.slice.call(image, start, end)),
  });
  roomy.add(image);
  return image;
}

/** The whole buffer sql.js takes as its file from an image made here: what `slice(0, length)` answers (above). */
export const fileOf = (image: Uint8Array): Uint8Array => image.slice(0, image.length);

/** The image as sql.js is to be given it: with room, copied into bytes that have some if it has none. */
export function givenRoom(image: Uint8Array): Uint8Array {
  if (roomy.has(image)) return image;
  const given = bytesWithRoom(image.length);
  given.set(image);
  return roomyImage(given);
}
