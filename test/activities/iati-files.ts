// IATI files for the tests: the official 2.03 example as published, and a publisher's file generated to size.
import { fileURLToPath } from 'node:url';

/** The IATI Secretariat's example usage file for the 2.03 activity standard, unchanged (see fixtures/README.md). */
export const OFFICIAL_EXAMPLE_PATH = fileURLToPath(
  new URL('./fixtures/iati-activity-standard-example-2.03.xml', import.meta.url),
);

const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];

/** Titles of counter-trafficking work, as publishers write them in the six UN languages. */
const LEGAL_AID: Record<Language, string> = {
  en: 'Legal aid for victims of human trafficking',
  fr: 'Aide juridique aux victimes de la traite des personnes',
  es: 'Asistencia jurídica a víctimas de trata de personas',
  ru: 'Юридическая помощь жертвам торговли людьми',
  zh: '为人口贩运受害者提供法律援助',
  ar: 'المساعدة القانونية لضحايا الاتجار بالبشر',
};
const SHELTER: Record<Language, string> = {
  en: 'Shelters for women and girls who survived human trafficking',
  fr: "Foyers d'accueil pour les femmes et les filles victimes de la traite des êtres humains",
  es: 'Albergues para mujeres y niñas víctimas de trata de personas',
  ru: 'Приюты для женщин и девочек, пострадавших от торговли людьми',
  zh: '为遭受人口贩运的妇女和女童提供庇护所',
  ar: 'مأوى للنساء والفتيات من ضحايا الاتجار بالبشر',
};
const PROGRAMME: Record<Language, string> = {
  en: 'Regional programme against human trafficking',
  fr: 'Programme régional contre la traite des personnes',
  es: 'Programa regional contra la trata de personas',
  ru: 'Региональная программа противодействия торговле людьми',
  zh: '打击人口贩运区域方案',
  ar: 'برنامج إقليمي لمكافحة الاتجار بالبشر',
};
const UNRELATED = [
  ['Primary school construction', '11220'],
  ['Rural water supply and sanitation', '14030'],
  ['Basic health care in district hospitals', '12220'],
  ['Human rights institutions: strengthening the ombudsman', '15160'],
] as const;

type Sizes = { trafficking: number; unrelated: number; regionOnly: number };

/**
 * One publisher's file: a few counter-trafficking activities in the six languages (every third one with a legal
 * aid title, every third with a shelter title, every third naming trafficking and no kind of work), many about
 * other things, and some that name regions only.
 */
export function publisherFile(sizes: Sizes): string {
  const activities: string[] = [];
  for (let i = 1; i <= sizes.trafficking; i++) {
    const language = LANGUAGES[(i - 1) % LANGUAGES.length] as Language;
    const titles = i % 3 === 1 ? LEGAL_AID : i % 3 === 2 ? SHELTER : PROGRAMME;
    activities.push(
      activity(`XM-PUB-TIP-${String(i).padStart(2, '0')}`, titles[language], language, {
        partner: ['XM-NGO-1', 'XM-NGO-2', 'XM-NGO-3'][i % 3] as string,
        partnerType: '22',
        where: '<recipient-country code="KE" percentage="60"/><recipient-country code="UG" percentage="40"/>',
        // Women's rights organisations: a sector that hints at no classification, so the words decide.
        sector: '15170',
      }),
    );
  }
  for (let i = 1; i <= sizes.unrelated; i++) {
    const [title, sector] = UNRELATED[i % UNRELATED.length] as readonly [string, string];
    activities.push(
      activity(`XM-PUB-DEV-${String(i).padStart(3, '0')}`, `${title}, phase ${i}`, 'en', {
        partner: `XM-UNI-${(i % 3) + 1}`,
        partnerType: '80',
        where: `<recipient-country code="${['KE', 'UG', 'TZ'][i % 3]}" percentage="100"/>`,
        sector,
      }),
    );
  }
  for (let i = 1; i <= sizes.regionOnly; i++)
    activities.push(
      activity(`XM-PUB-REG-${i}`, `Regional trade corridor study ${i}`, 'en', {
        partner: 'XM-UNI-1',
        partnerType: '80',
        where: '<recipient-region code="289" vocabulary="1" percentage="100"/>',
        sector: '33120',
      }),
    );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-15T09:00:00Z">\n${activities.join('\n')}\n</iati-activities>\n`;
}

function activity(
  identifier: string,
  title: string,
  language: Language,
  o: { partner: string; partnerType: string; where: string; sector: string },
): string {
  return `<iati-activity last-updated-datetime="2026-01-10T00:00:00Z" xml:lang="en" default-currency="USD">
  <iati-identifier>${identifier}</iati-identifier>
  <reporting-org ref="XM-PUB" type="10"><narrative>Example Development Agency</narrative></reporting-org>
  <title><narrative xml:lang="${language}">${title}</narrative></title>
  <participating-org ref="XM-PUB" role="1" type="10"><narrative>Example Development Agency</narrative></participating-org>
  <participating-org ref="${o.partner}" role="4" type="${o.partnerType}"><narrative>Partner ${o.partner}</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2026-01-01"/>
  <activity-date type="3" iso-date="2027-12-31"/>
  ${o.where}
  <sector vocabulary="1" code="${o.sector}" percentage="100"/>
  <budget type="1" status="1"><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value currency="USD" value-date="2026-01-01">120000</value></budget>
</iati-activity>`;
}
