// The columns of a register file (CSV or XLSX): one row per licence, the agency's columns repeated on each of
// its licences. A column is recognised by our name or by the words registers use for it, in any of the six
// languages; a publisher's other headings can be named at import. README.md lists the same table.
import { simplify } from './names.js';

export const REGISTER_COLUMNS = [
  'agency_name',
  'other_names',
  'agency_kind',
  'country',
  'address',
  'registration_number',
  'licence_number',
  'issuing_authority',
  'licence_status',
  'valid_from',
  'valid_until',
  'status_date',
  'status_until',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export type ColumnSpec = {
  column: RegisterColumn;
  description: string;
  example: string;
  /** Headings registers use for it, compared without case, accents or punctuation. */
  aliases: readonly string[];
};

export const COLUMN_SPECS: readonly ColumnSpec[] = [
  {
    column: 'agency_name',
    description: 'The agency’s name as registered. Required.',
    example: 'Atlas Recruitment Ltd',
    aliases: [
      'name',
      'agency',
      'agency name',
      'name of agency',
      'company',
      'company name',
      'licensee',
      'nom',
      'nom de l agence',
      'raison sociale',
      'nombre',
      'nombre de la agencia',
      'razon social',
      'наименование',
      'название',
      'اسم الوكالة',
      '名称',
      '机构名称',
    ],
  },
  {
    column: 'other_names',
    description: 'Trading or former names, separated by ";".',
    example: 'Atlas Manpower; Atlas Overseas',
    aliases: [
      'other names',
      'trading name',
      'trading names',
      'trade name',
      'also known as',
      'aka',
      'nom commercial',
      'nombre comercial',
      'другие названия',
      'الاسم التجاري',
    ],
  },
  {
    column: 'agency_kind',
    description:
      'recruitment, marriage, modelling, adoption, study_abroad or travel (or the register’s word for it). Required unless the import gives one kind for the whole file.',
    example: 'recruitment',
    aliases: [
      'kind',
      'type',
      'agency type',
      'agency kind',
      'category',
      'type d agence',
      'tipo',
      'вид',
      'тип',
      'النوع',
      '类型',
    ],
  },
  {
    column: 'country',
    description:
      'Where the agency is registered: an ISO 3166-1 code (PHL or PH) or the country’s name in a UN language. Required unless the import gives one country for the whole file.',
    example: 'PHL',
    aliases: ['country', 'country code', 'pays', 'pais', 'страна', 'البلد', 'الدولة', '国家'],
  },
  {
    column: 'address',
    description: 'The agency’s registered address.',
    example: '12 Example Street, Manila',
    aliases: ['address', 'office address', 'adresse', 'direccion', 'адрес', 'العنوان', '地址'],
  },
  {
    column: 'registration_number',
    description:
      'The company registration number (not the licence). Rows with the same one are the same agency.',
    example: 'CS2019-0042',
    aliases: [
      'registration number',
      'company registration',
      'company number',
      'business registration',
      'registre du commerce',
      'rccm',
      'registro mercantil',
      'регистрационный номер',
      'огрн',
      'رقم السجل التجاري',
    ],
  },
  {
    column: 'licence_number',
    description: 'The licence number as the authority issued it. Required.',
    example: 'POEA-123-LB',
    aliases: [
      'licence number',
      'license number',
      'licence no',
      'license no',
      'licence',
      'license',
      'permit number',
      'licence num',
      'numero de licence',
      'numero d agrement',
      'numero de licencia',
      'номер лицензии',
      'رقم الترخيص',
      '许可证号',
      '执照编号',
    ],
  },
  {
    column: 'issuing_authority',
    description:
      'The authority that issued the licence. Required unless the import gives one for the whole file.',
    example: 'Department of Migrant Workers',
    aliases: [
      'issuing authority',
      'authority',
      'issued by',
      'licensing authority',
      'autorite',
      'autoridad',
      'выдавший орган',
      'орган',
      'جهة الإصدار',
      '发证机关',
    ],
  },
  {
    column: 'licence_status',
    description:
      'The status as the authority gives it: active, suspended, revoked or expired, or the register’s own word for one of them. Required unless the import gives one status for the whole file.',
    example: 'Valid',
    aliases: ['status', 'licence status', 'license status', 'statut', 'estado', 'статус', 'الحالة', '状态'],
  },
  {
    column: 'valid_from',
    description: 'First day of validity (YYYY-MM-DD; other orders as the import says). Empty: not stated.',
    example: '2024-01-15',
    aliases: [
      'valid from',
      'issue date',
      'date issued',
      'date of issue',
      'issued on',
      'granted on',
      'start date',
      'date de delivrance',
      'fecha de expedicion',
      'дата выдачи',
      'تاريخ الإصدار',
      '发证日期',
    ],
  },
  {
    column: 'valid_until',
    description: 'Last day of validity. Empty: no end date. Required for an expired licence.',
    example: '2027-01-14',
    aliases: [
      'valid until',
      'expiry date',
      'expiry',
      'expiration date',
      'expires',
      'valid to',
      'valid through',
      'date d expiration',
      'fecha de vencimiento',
      'действует до',
      'تاريخ الانتهاء',
      '有效期至',
    ],
  },
  {
    column: 'status_date',
    description: 'For a suspended or revoked licence: the day it took effect. Ignored for other statuses.',
    example: '2025-03-01',
    aliases: [
      'status date',
      'status since',
      'effective date',
      'date of suspension',
      'date of revocation',
      'date of cancellation',
      'date du statut',
      'fecha del estado',
      'дата статуса',
      'дата изменения статуса',
      'تاريخ الحالة',
      '状态日期',
    ],
  },
  {
    column: 'status_until',
    description: 'For a suspended licence: the last day of the suspension. Ignored for other statuses.',
    example: '2025-05-31',
    aliases: [
      'status until',
      'suspended until',
      'suspension end',
      'end of suspension',
      'suspendu jusqu au',
      'suspendida hasta',
      'приостановлена до',
      'معلق حتى',
      '暂停至',
    ],
  },
];

export const specOf = (column: RegisterColumn) =>
  COLUMN_SPECS.find((spec) => spec.column === column) as ColumnSpec;

const BY_HEADING = new Map(
  COLUMN_SPECS.flatMap((spec) =>
    [spec.column.replaceAll('_', ' '), ...spec.aliases].map((alias) => [simplify(alias), spec.column]),
  ),
);

/** Our column for a heading, from the publisher's own names first, then ours and the usual words. */
export function columnOfHeading(
  heading: string,
  publisherNames: ReadonlyMap<string, RegisterColumn>,
): RegisterColumn | null {
  const key = simplify(heading);
  return (key && (publisherNames.get(key) ?? BY_HEADING.get(key))) || null;
}
