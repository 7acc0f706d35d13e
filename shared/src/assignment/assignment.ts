/** Whether a party is one named body or a class of bodies. */
export enum PartyKind {
  AGENCY = 'AGENCY',
  GROUP = 'GROUP',
}

/** One agency or agency group named by a printed assignment. */
export interface Party {
  name: string;
  kind: PartyKind;
  canonicalName: string | null;
}

/** A printed lead/cooperating phrase and the parties it names. */
export interface ResolvedAssignment {
  text: string;
  parties: Party[];
}

interface Token {
  readonly text: string;
  /** Comparison form: NFC, and the old "uỷ" spelling folded into "ủy" so both spellings match one lexicon. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

type Phrase = readonly string[];

/** A verb ends a party; a linking verb's object may itself be a party ("lãnh đạo UBND tỉnh"). */
interface Verb {
  readonly phrase: Phrase;
  readonly linking: boolean;
}

const phrases = (list: readonly string[]): Phrase[] =>
  list.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

// Words that open the name of one body. Case matters: lowercase "ban", "sở" are class nouns, not heads.
const AGENCY_HEADS = phrases([
  'Sở',
  'Ban',
  'Bộ',
  'Cục',
  'Chi cục',
  'Văn phòng',
  'Văn Phòng',
  'VP',
  'VPTU',
  'Công an',
  'UBND',
  'HĐND',
  'Ủy ban',
  'Hội đồng',
  'Đảng ủy',
  'Đảng bộ',
  'Tỉnh ủy',
  'Thành ủy',
  'Thường trực',
  'TT',
  'Phòng',
  'Trung tâm',
  'MTTQ',
  'Mặt trận',
  'Thống kê',
  'Đại học',
  'Học viện',
  'Trường',
  'Viện',
  'Tổ',
  'Cơ quan',
  'Chủ tịch',
  'Thủ trưởng',
  'Người đứng đầu',
  'người đứng đầu',
  'Bí thư',
  'Kho bạc',
  'Thanh tra',
  'Bảo hiểm xã hội',
  'Ngân hàng',
  'Quỹ',
  'Công ty',
  'Tập đoàn',
  'Liên đoàn',
  'Tỉnh đoàn',
  'Đoàn Thanh niên',
  'Hội Nông dân',
  'Hội Liên hiệp',
  'Hội Cựu chiến binh',
  'Tòa án',
  'Chính phủ',
  'Quốc hội',
  'Thủ tướng',
  'BCĐ',
  'BQL',
  'Viettel',
  'VNPT',
  'MobiFone',
]);

// Capitalised sentence openers that would otherwise read as a head ("Tổ chức triển khai...", "Ban hành...").
const NOT_HEADS = phrases(['Tổ chức', 'Ban hành', 'Phòng chống', 'Phòng ngừa', 'Trường hợp', 'Bộ phận']);

// Nouns naming a class of bodies: after "các" they make a group, after a comma inside a group they extend it.
const CLASS_NOUNS = phrases([
  'sở',
  'ban',
  'ngành',
  'bộ',
  'cơ quan',
  'đơn vị',
  'địa phương',
  'phòng',
  'xã',
  'phường',
  'đặc khu',
  'huyện',
  'thôn',
  'tổ dân phố',
  'doanh nghiệp',
  'tổ chức',
  'đoàn thể',
  'đảng bộ',
  'đảng ủy',
  'ban đảng',
  'cấp ủy',
  'chi bộ',
  'tập đoàn',
  'viện',
  'trường',
  'hội',
  'cơ sở',
  'nhà mạng',
  'ngân hàng',
  'trung tâm',
  'bệnh viện',
  'hợp tác xã',
  'chủ đầu tư',
]);

// A lowercase class noun can open a group without "các" ("cơ quan, đơn vị liên quan").
const BARE_GROUP_HEADS = phrases(['cơ quan', 'đơn vị']);

const LINKING_VERBS = [
  'lãnh đạo',
  'chỉ đạo',
  'phối hợp với',
  'phối hợp',
  'với',
  'giao',
  'giao cho',
  'đề nghị',
  'yêu cầu',
];
const TERMINAL_VERBS = [
  'chủ trì',
  'thực hiện',
  'triển khai',
  'tham mưu',
  'chịu trách nhiệm',
  'có trách nhiệm',
  'chủ động',
  'đôn đốc',
  'xây dựng',
  'hướng dẫn',
  'theo dõi',
  'kiểm tra',
  'giám sát',
  'báo cáo',
  'rà soát',
  'hoàn thành',
  'bảo đảm',
  'đảm bảo',
  'cập nhật',
  'làm việc',
  'tổng hợp',
  'tổ chức',
  'phải',
  'cần',
  'căn cứ',
  'theo',
  'trong',
  'tại',
  'để',
  'là',
  'nêu cao',
  'khẩn trương',
  'tiếp tục',
  'tăng cường',
  'thường xuyên',
  'định kỳ',
  'tham gia',
  'đề xuất',
  'nghiên cứu',
  'ban hành',
  'trình',
  'gửi',
  'phát huy',
  'quán triệt',
  'nâng cao',
  'đẩy mạnh',
  'thành lập',
  'kiện toàn',
  'phê duyệt',
  'đánh giá',
  'hỗ trợ',
  'hoàn thiện',
  'bố trí',
  'tập trung',
  'cung cấp',
  'tuyên truyền',
  'vận động',
  'tập huấn',
  'bồi dưỡng',
  'tiếp nhận',
  'giải quyết',
  'sử dụng',
  'vận hành',
];
const VERBS: readonly Verb[] = [
  ...LINKING_VERBS.map((v) => ({ phrase: v.split(' '), linking: true })),
  ...TERMINAL_VERBS.map((v) => ({ phrase: v.split(' '), linking: false })),
].sort((a, b) => b.phrase.length - a.phrase.length);

// A verb right after these words is part of a name: "Ban chỉ đạo", "Ủy ban Kiểm tra", "Cơ quan tham mưu".
const NAME_VERB_GUARDS: ReadonlyArray<readonly [Phrase, Phrase]> = [
  [['ban'], ['chỉ', 'đạo']],
  [['ban'], ['kiểm', 'tra']],
  [
    ['cơ', 'quan'],
    ['tham', 'mưu'],
  ],
];

// Relative clauses that describe a group rather than assign it work ("các cơ quan được giao chủ trì").
const NAME_MODIFIERS = phrases(['được giao chủ trì', 'được giao', 'được phân công']);

// Commas that sit inside one name rather than between two.
const NAME_COMMAS: ReadonlyArray<readonly [Phrase, Phrase]> = [
  [
    ['tham', 'mưu'],
    ['giúp', 'việc'],
  ],
  [[], ['Thể', 'thao']],
];

const boundary = (source: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}&])${source}(?![\\p{L}\\p{N}&])`, 'gu');

// Abbreviations printed in plans; compounds come before their parts so "PV HCC" is not read as "PV" + "HCC".
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [boundary('KH\\s*&\\s*CN'), 'Khoa học và Công nghệ'],
  [boundary('KH\\s*&\\s*ĐT'), 'Kế hoạch và Đầu tư'],
  [boundary('TT\\s*&\\s*TT'), 'Thông tin và Truyền thông'],
  [boundary('GD\\s*&\\s*ĐT'), 'Giáo dục và Đào tạo'],
  [boundary('NN\\s*&\\s*PTNT'), 'Nông nghiệp và Phát triển nông thôn'],
  [boundary('NN\\s*&\\s*MT'), 'Nông nghiệp và Môi trường'],
  [boundary('TN\\s*&\\s*MT'), 'Tài nguyên và Môi trường'],
  [boundary('LĐ\\s*-\\s*TB\\s*&\\s*XH'), 'Lao động - Thương binh và Xã hội'],
  [boundary('VH\\s*[-–]\\s*XH'), 'Văn hóa - Xã hội'],
  [boundary('KHCN'), 'Khoa học và Công nghệ'],
  // "TT" also abbreviates "Thường trực" ("TT HĐND xã"), so only expand it before a centre's name.
  [boundary('TT(?=\\s+(?:PV|Phục vụ))'), 'Trung tâm'],
  [boundary('PV\\s*HCC'), 'Phục vụ hành chính công'],
  [boundary('HCC'), 'hành chính công'],
  [boundary('CHQS'), 'Chỉ huy Quân sự'],
  [boundary('VPTU'), 'Văn phòng Tỉnh ủy'],
  [boundary('VP'), 'Văn phòng'],
  [boundary('UBND'), 'Ủy ban nhân dân'],
  [boundary('HĐND'), 'Hội đồng nhân dân'],
  [boundary('MTTQ'), 'Mặt trận Tổ quốc'],
  [boundary('BCĐ'), 'Ban Chỉ đạo'],
  [boundary('BQL'), 'Ban Quản lý'],
  [boundary('KCN'), 'khu công nghiệp'],
  [boundary('KKT'), 'khu kinh tế'],
  [boundary('CNTT'), 'công nghệ thông tin'],
];

const TOKEN_PATTERN = /[,;:()]|[^\s,;:()]+/gu;
const PUNCTUATION = /^[,;:().]$/u;
const TRAILING_PUNCTUATION = /[\s,;:.\-–—]+$/u;

const keyOf = (raw: string): string => raw.normalize('NFC').replace(/uỷ/gu, 'ủy').replace(/Uỷ/gu, 'Ủy');
const lower = (raw: string): string => raw.toLocaleLowerCase('vi');
const isCapitalised = (raw: string): boolean => /^\p{Lu}/u.test(raw);

/** Splits text into words and the punctuation that separates parties, keeping offsets so names stay substrings. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (raw: string, start: number): void => {
    tokens.push({ text: raw, key: keyOf(raw), start, end: start + raw.length, word: !PUNCTUATION.test(raw) });
  };
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const start = match.index ?? 0;
    // A full stop glued to the last word ends a sentence; inside a word ("v.v") it does not.
    const stop = /\.+$/u.exec(raw);
    if (stop && stop.index > 0) {
      push(raw.slice(0, stop.index), start);
      push('.', start + stop.index);
    } else {
      push(raw, start);
    }
  }
  return tokens;
}

/** Whether the words at i spell phrase (case-insensitively when asked, for class nouns and verbs). */
function phraseAt(tokens: readonly Token[], i: number, phrase: Phrase, caseless = false): boolean {
  return phrase.every((part, k) => {
    const token = tokens[i + k];
    if (!token?.word) return false;
    return caseless ? lower(token.key) === lower(part) : token.key === part;
  });
}

/** Whether the words ending just before i spell phrase, ignoring case. */
function phraseBefore(tokens: readonly Token[], i: number, phrase: Phrase): boolean {
  return i - phrase.length >= 0 && phraseAt(tokens, i - phrase.length, phrase, true);
}

/** Length of the first listed phrase at i, or 0. */
function lengthOfAny(tokens: readonly Token[], i: number, list: readonly Phrase[], caseless = false): number {
  return list.find((p) => phraseAt(tokens, i, p, caseless))?.length ?? 0;
}

/** Length of "các [các] <class noun>" at i, or 0 ("Các các phòng" is printed in a seed). */
function groupOpeningLength(tokens: readonly Token[], i: number): number {
  let n = 0;
  while (phraseAt(tokens, i + n, ['các'], true)) n += 1;
  if (n === 0) return 0;
  const noun = lengthOfAny(tokens, i + n, CLASS_NOUNS, true);
  return noun > 0 ? n + noun : 0;
}

/**
 * Whether a party's name begins at i. Once a clause has turned to its object ("hướng dẫn các cơ quan, đơn vị"),
 * a following comma only resumes the list of parties for a capitalised head or "các", never for a bare noun.
 */
function opensParty(tokens: readonly Token[], i: number, resuming = false): boolean {
  const token = tokens[i];
  if (!token?.word || lengthOfAny(tokens, i, NOT_HEADS) > 0) return false;
  if (groupOpeningLength(tokens, i) > 0) return true;
  if (resuming && !isCapitalised(token.text)) return false;
  return lengthOfAny(tokens, i, AGENCY_HEADS) > 0 || lengthOfAny(tokens, i, BARE_GROUP_HEADS) > 0;
}

/** The verb at i, unless it is part of a name; inside a name a capitalised word is never a verb ("Sở Xây dựng"). */
function verbAt(tokens: readonly Token[], i: number, inName: boolean): Verb | null {
  const token = tokens[i];
  if (!token?.word || (inName && isCapitalised(token.text))) return null;
  if (phraseBefore(tokens, i, ['các'])) return null;
  const verb = VERBS.find((v) => phraseAt(tokens, i, v.phrase, true));
  if (!verb) return null;
  const guarded = NAME_VERB_GUARDS.some(
    ([before, guardedVerb]) => phraseBefore(tokens, i, before) && phraseAt(tokens, i, guardedVerb, true),
  );
  return guarded ? null : verb;
}

/** Index of the ")" closing the "(" at i, or -1. */
function closingParen(tokens: readonly Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j += 1) {
    if (tokens[j].text === '(') depth += 1;
    if (tokens[j].text === ')') depth -= 1;
    if (depth === 0) return j;
  }
  return -1;
}

/** Whether the words from..to name a class of bodies rather than one body. */
function isGroup(tokens: readonly Token[], from: number, to: number): boolean {
  if (lengthOfAny(tokens, from, BARE_GROUP_HEADS) > 0) return true;
  for (let i = from; i <= to; i += 1) {
    if (groupOpeningLength(tokens, i) > 0) return true;
  }
  const words = lower(
    tokens
      .slice(from, to + 1)
      .map((t) => t.key)
      .join(' '),
  );
  // "UBND cấp xã", "UBND xã phường": one committee per commune, so a class even without "các".
  return /(^| )cấp (xã|huyện)( |$)|(^| )xã ,? ?phường( |$)|tham mưu , giúp việc/u.test(words);
}

/** The full name with known abbreviations spelled out, or null when nothing was abbreviated. */
function canonicalNameOf(name: string): string | null {
  // Compared and returned in NFC with single spaces: a line-wrapped or decomposed print is still the same name.
  const printed = name.normalize('NFC').replace(/\s+/gu, ' ');
  const full = ABBREVIATIONS.reduce((acc, [pattern, expansion]) => acc.replace(pattern, expansion), printed);
  return full === printed ? null : full;
}

/** The party spelled by tokens from..to, or null when only punctuation remains. */
function partyOf(text: string, tokens: readonly Token[], from: number, to: number): Party | null {
  const name = text.slice(tokens[from].start, tokens[to].end).replace(TRAILING_PUNCTUATION, '');
  if (name === '') return null;
  const kind = isGroup(tokens, from, to) ? PartyKind.GROUP : PartyKind.AGENCY;
  return { name, kind, canonicalName: canonicalNameOf(name) };
}

/** Whether the comma at i sits inside the name being read (a group's list of class nouns, a fixed name). */
function commaInsideName(tokens: readonly Token[], i: number, from: number): boolean {
  const fixed = NAME_COMMAS.some(
    ([before, after]) => phraseBefore(tokens, i, before) && phraseAt(tokens, i + 1, after),
  );
  if (fixed) return true;
  const next = tokens[i + 1];
  const bareClassNoun =
    next?.word && !isCapitalised(next.text) && lengthOfAny(tokens, i + 1, CLASS_NOUNS, true) > 0;
  return Boolean(bareClassNoun) && isGroup(tokens, from, i - 1);
}

// idle: a party may start; resume: after a comma in a skipped clause, only a clear head starts one.
type Mode = 'idle' | 'resume' | 'skip' | 'name';

/** Reads a phrase left to right: outside a name it waits for a head, inside one it waits for a boundary. */
class PartyScanner {
  private mode: Mode = 'idle';
  private from = 0;
  private to = 0;
  // After "về" a name runs on ("Ban Chỉ đạo tỉnh về thực hiện Nghị quyết..."), so verbs no longer end it.
  private absorbing = false;
  private readonly parties: Party[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** The parties in the order the text names them. */
  scan(): Party[] {
    let i = 0;
    while (i < this.tokens.length) {
      i = this.mode === 'name' ? this.stepInName(i) : this.stepOutside(i);
    }
    this.close('idle');
    return this.parties;
  }

  private open(i: number): void {
    this.mode = 'name';
    this.from = i;
    this.to = i;
    this.absorbing = false;
  }

  private close(next: Mode): void {
    if (this.mode === 'name') {
      const party = partyOf(this.text, this.tokens, this.from, this.to);
      if (party) this.parties.push(party);
    }
    this.mode = next;
  }

  private extend(to: number): number {
    this.to = to;
    return to + 1;
  }

  /** One step inside a name; returns the next index. */
  private stepInName(i: number): number {
    const tokens = this.tokens;
    const token = tokens[i];
    if (token.text === ';' || token.text === '.' || token.text === ':') return this.closeAt(i, 'idle');
    if (token.text === ',') {
      if (commaInsideName(tokens, i, this.from)) return this.extend(i);
      const boundary = !this.absorbing || opensParty(tokens, i + 1);
      return boundary ? this.closeAt(i, 'idle') : this.extend(i);
    }
    if (token.text === '(') return this.parenthetical(i);
    if (token.text === ')') return this.closeAt(i, 'skip');
    if (phraseAt(tokens, i, ['và'], true)) {
      // "và" joins two parties only when a head follows: "Sở Khoa học và Công nghệ" is one name.
      return opensParty(tokens, i + 1) ? this.closeAt(i, 'idle') : this.extend(i);
    }
    if (this.absorbing) return this.extend(i);
    if (phraseAt(tokens, i, ['về'])) {
      this.absorbing = true;
      return this.extend(i);
    }
    const modifier = lengthOfAny(tokens, i, NAME_MODIFIERS, true);
    if (modifier > 0) return this.extend(i + modifier - 1);
    const verb = verbAt(tokens, i, true);
    if (verb) {
      this.close(verb.linking ? 'idle' : 'skip');
      return i + verb.phrase.length;
    }
    return this.extend(i);
  }

  /** An aliasing parenthesis belongs to the name ("Văn phòng Tỉnh ủy (Cơ quan Thường trực)"). */
  private parenthetical(i: number): number {
    const end = closingParen(this.tokens, i);
    if (end < 0) return this.closeAt(i, 'skip');
    this.absorbing = false;
    return this.extend(end);
  }

  private closeAt(i: number, next: Mode): number {
    this.close(next);
    return i + 1;
  }

  /** One step outside a name; returns the next index. */
  private stepOutside(i: number): number {
    const tokens = this.tokens;
    const token = tokens[i];
    if (!token.word) return this.punctuationOutside(i);
    if (phraseAt(tokens, i, ['và'], true)) {
      this.mode = this.mode === 'skip' ? 'resume' : this.mode;
      return i + 1;
    }
    if (this.mode !== 'skip' && opensParty(tokens, i, this.mode === 'resume')) {
      this.open(i);
      return this.openingLength(i);
    }
    const verb = verbAt(tokens, i, false);
    if (verb) {
      this.mode = verb.linking ? 'idle' : 'skip';
      return i + verb.phrase.length;
    }
    this.mode = 'skip';
    return i + 1;
  }

  /** Consumes a party's opening words whole, so "các tổ chức" is not read as the verb "tổ chức". */
  private openingLength(i: number): number {
    const length = Math.max(
      groupOpeningLength(this.tokens, i),
      lengthOfAny(this.tokens, i, AGENCY_HEADS),
      lengthOfAny(this.tokens, i, BARE_GROUP_HEADS),
    );
    this.to = i + length - 1;
    return i + length;
  }

  private punctuationOutside(i: number): number {
    const token = this.tokens[i];
    if (token.text === '(') {
      const end = closingParen(this.tokens, i);
      return end < 0 ? this.tokens.length : end + 1;
    }
    if (token.text === ',') {
      this.mode = this.mode === 'skip' ? 'resume' : this.mode;
    } else if (token.text !== ')') {
      // A semicolon, full stop or colon ends whatever clause was being skipped; a stray ")" does not.
      this.mode = 'idle';
    }
    return i + 1;
  }
}

/** Splits a printed lead/cooperating phrase into the agencies and agency groups it names; never throws, returns [] parties for blank text. */
export function resolveAssignment(text: string | null | undefined): ResolvedAssignment | null {
  if (typeof text !== 'string') return null;
  return { text, parties: new PartyScanner(text, tokenize(text)).scan() };
}
