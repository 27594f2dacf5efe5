// The kinds of knowledge item and their review statuses, named in the six UN languages, for readers who
// see words rather than codes (the command line; the web app keeps its own messages).
import type { KnowledgeStatus, KnowledgeType } from './engine/review-flow.js';
import type { KnowledgeLanguage } from './text/languages.js';

type Labels = Record<KnowledgeLanguage, string>;

export const TYPE_LABELS: Record<KnowledgeType, Labels> = {
  good_practice: {
    en: 'Good practice',
    fr: 'Bonne pratique',
    es: 'Buena práctica',
    ru: 'Эффективная практика',
    zh: '良好做法',
    ar: 'ممارسة جيدة',
  },
  lesson_learned: {
    en: 'Lesson learned',
    fr: 'Enseignement tiré',
    es: 'Lección aprendida',
    ru: 'Извлечённый урок',
    zh: '经验教训',
    ar: 'درس مستفاد',
  },
  legislation: {
    en: 'Legislation',
    fr: 'Législation',
    es: 'Legislación',
    ru: 'Законодательство',
    zh: '立法',
    ar: 'تشريع',
  },
  case_law: {
    en: 'Case law',
    fr: 'Jurisprudence',
    es: 'Jurisprudencia',
    ru: 'Судебная практика',
    zh: '判例',
    ar: 'سوابق قضائية',
  },
  research: {
    en: 'Research',
    fr: 'Recherche',
    es: 'Investigación',
    ru: 'Исследование',
    zh: '研究',
    ar: 'بحث',
  },
  training_material: {
    en: 'Training material',
    fr: 'Matériel de formation',
    es: 'Material de capacitación',
    ru: 'Учебный материал',
    zh: '培训材料',
    ar: 'مواد تدريبية',
  },
  guideline: {
    en: 'Guideline',
    fr: 'Ligne directrice',
    es: 'Directriz',
    ru: 'Руководство',
    zh: '指南',
    ar: 'مبادئ توجيهية',
  },
};

export const STATUS_LABELS: Record<KnowledgeStatus, Labels> = {
  draft: { en: 'draft', fr: 'brouillon', es: 'borrador', ru: 'черновик', zh: '草稿', ar: 'مسودة' },
  reviewed: { en: 'reviewed', fr: 'relu', es: 'revisado', ru: 'проверено', zh: '已审核', ar: 'مُراجَع' },
  published: {
    en: 'published',
    fr: 'publié',
    es: 'publicado',
    ru: 'опубликовано',
    zh: '已发布',
    ar: 'منشور',
  },
};
