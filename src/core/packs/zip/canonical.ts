/**
 * The one zip layout a .studypack may have: exactly what `writeZip` (yazl) produces. The signature
 * covers file contents only, so every header byte outside them must have a single permitted value
 * or be cross-checked against another copy; then no byte of a pack can change undetected, and no
 * two zip readers can disagree about what a pack contains (the "local vs central header"
 * differential behind Android's Master Key and Janus bugs).
 */
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_RECORD_SIZE = 22;

/** Unix (3) and zip spec 6.3 (63): what yazl writes. Unix makes the mode bits below meaningful. */
export const VERSION_MADE_BY = (3 << 8) | 63;
export const VERSION_NEEDED = 20;
/** Bit 11 (names are UTF-8) and nothing else: no encryption, no data descriptor. */
export const FLAGS = 0x0800;
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8 = 0x0800;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

/** Regular file, rw-r--r--, in the high 16 bits (unix mode); low 16 bits (DOS attributes) zero. */
export const FILE_MODE = 0o100644;
export const EXTERNAL_ATTRIBUTES = (FILE_MODE << 16) >>> 0;
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const DOS_DIRECTORY = 0x10;

/** Every entry's time is 1980-01-01 00:00:00, the DOS epoch, so builds are byte-for-byte reproducible. */
export const DOS_TIME = 0;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;
